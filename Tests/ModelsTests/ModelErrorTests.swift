import Models
import Testing

@Suite struct ModelErrorTests {
  @Test("errors name what is wrong in one sentence")
  func messages() {
    #expect(ModelError.tooFewSamples(required: 10, actual: 3).description == "at least 10 rows are needed, got 3.")
    #expect(ModelError.invalidValue(column: "x", row: 4, value: .nan).description == "column 'x' row 5 holds nan, which a model cannot use.")
    #expect(ModelError.invalidProbability(row: 2, value: 1.5).description == "row 3 holds the probability 1.5, which is not a number in [0, 1].")
    #expect(ModelError.singleClass(value: 1).description == "every outcome is 1.0, so there is nothing to model.")
  }
}
