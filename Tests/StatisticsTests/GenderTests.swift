import DataIngest
import Statistics
import Testing

@Suite struct GenderTests {
  @Test("Chinese and English spellings normalise, ignoring case and spaces")
  func spellings() {
    for text in ["男", "男性", "M", "m", "Male", "MALE", " male "] {
      #expect(Gender(normalizing: text) == .male, "\(text)")
    }
    for text in ["女", "女性", "F", "f", "Female", "FEMALE", "\t女 "] {
      #expect(Gender(normalizing: text) == .female, "\(text)")
    }
  }

  @Test("empty is missing and anything else is other")
  func otherAndMissing() {
    #expect(Gender(normalizing: nil) == nil)
    #expect(Gender(normalizing: "") == nil)
    #expect(Gender(normalizing: "  ") == nil)
    #expect(Gender(normalizing: "unknown") == .other)
    #expect(Gender(normalizing: "保密") == .other)
  }

  @Test("labels map every row through its level")
  func labels() {
    let column = CategoryBuilder.column(["女", "", "M", "x", "女"])
    #expect(Gender.labels(column) == ["female", nil, "male", "other", "female"])
  }
}
