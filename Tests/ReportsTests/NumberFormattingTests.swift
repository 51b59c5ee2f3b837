import Testing

@testable import Reports

@Suite struct NumberFormattingTests {
  @Test(
    "shortest form matches hand-written decimals, never with an exponent",
    arguments: [
      (0.1 + 0.2, "0.30000000000000004"),
      (1e-7, "0.0000001"),
      (1.5e20, "150000000000000000000"),
      (1.2345678901234568e20, "123456789012345680000"),
      (3.0, "3"),
      (-3.5, "-3.5"),
      (100, "100"),
      (0.001, "0.001"),
      (123.456, "123.456"),
      (1e16, "10000000000000000"),
      (-2.5e-5, "-0.000025"),
      (9_007_199_254_740_993, "9007199254740992"),
      (0.5, "0.5"),
    ])
  func shortest(value: Double, expected: String) {
    #expect(NumberFormatting.shortest(value) == expected)
  }

  @Test("zero of either sign is written as 0")
  func zero() {
    #expect(NumberFormatting.shortest(0.0) == "0")
    #expect(NumberFormatting.shortest(-0.0) == "0")
  }

  @Test("the smallest subnormal 5e-324 is 323 zeros after the point, then 5")
  func smallestSubnormal() {
    let expected = "0." + String(repeating: "0", count: 323) + "5"
    #expect(NumberFormatting.shortest(5e-324) == expected)
    #expect(Double(expected) == 5e-324)
  }

  @Test("the largest finite Double is its 17 digits followed by 292 zeros")
  func largestFinite() {
    let expected = "17976931348623157" + String(repeating: "0", count: 292)
    #expect(NumberFormatting.shortest(.greatestFiniteMagnitude) == expected)
    #expect(NumberFormatting.shortest(-.greatestFiniteMagnitude) == "-" + expected)
  }

  @Test("NaN and infinities have no decimal form")
  func nonFinite() {
    #expect(NumberFormatting.shortest(.nan) == nil)
    #expect(NumberFormatting.shortest(.infinity) == nil)
    #expect(NumberFormatting.shortest(-.infinity) == nil)
    #expect(NumberFormatting.fixed(.nan, digits: 2) == nil)
  }

  @Test("shortest form reads back as the same Double for values across the range")
  func roundTrip() {
    var generator = SplitMix64(seed: 20_240_601)
    for _ in 0..<5_000 {
      let value = Double(bitPattern: generator.next())
      guard value.isFinite else { continue }
      let text = NumberFormatting.shortest(value)!
      #expect(!text.contains("e") && !text.contains("E"))
      #expect(Double(text) == value, "\(value) was written as \(text)")
      // Shortest: exactly the significant digits of Swift's shortest description.
      let description = value.magnitude.description.split(separator: "e")[0]
      #expect(significantDigits(text) == significantDigits(description))
    }
  }

  @Test("short decimals (money, counts, sums) are written as from Swift's description, digit for digit")
  func shortDecimalsMatchDescription() {
    var generator = SplitMix64(seed: 7)
    var values: [Double] = [0.1, 0.7, 1.005, 10442.53, 1725.8000000000002, 0.0001, 1e-15, 123456789.123456, 1_125_899_906_842_623]
    for _ in 0..<20_000 {
      let cents = Double(generator.next() % 100_000_000) - 50_000_000
      let places = Double([1, 10, 100, 1_000, 1_000_000][Int(generator.next() % 5)])
      values += [cents / places, cents / 100 + cents / 100_000, cents / 7, cents * 0.01 * 3]
      // Any double, and decimals with up to 15 places near 2^50, where the one try at the most places decides.
      let any = Double(bitPattern: generator.next())
      if any.isFinite { values.append(any) }
      let places15 = Double([1e3, 1e6, 1e9, 1e12, 1e15][Int(generator.next() % 5)])
      values.append(Double(generator.next() % (1 << 50)) / places15)
    }
    for value in values {
      var fast: [UInt8] = []
      _ = NumberFormatting.appendShortest(value, to: &fast)
      var reference: [UInt8] = value < 0 ? [UInt8(ascii: "-")] : []
      NumberFormatting.appendDescribed(value.magnitude, to: &reference)
      #expect(fast == reference || value == 0, "\(value): \(String(decoding: fast, as: UTF8.self))")
    }
  }

  @Test(
    "fixed decimals round like C's %.*f, ties to even on exact binary values",
    arguments: [
      (2.0, 3, "2.000"),
      (-1.23456, 3, "-1.235"),
      (0.125, 2, "0.12"),
      (0.375, 2, "0.38"),
      (1234567.891, 0, "1234568"),
      (1e-7, 3, "0.000"),
      (42.0, 1, "42.0"),
    ])
  func fixed(value: Double, digits: Int, expected: String) {
    #expect(NumberFormatting.fixed(value, digits: digits) == expected)
  }

  @Test("fixed decimals drop the sign of a value that rounds to zero")
  func fixedNegativeZero() {
    #expect(NumberFormatting.fixed(-0.0001, digits: 2) == "0.00")
    #expect(NumberFormatting.fixed(-0.4, digits: 0) == "0")
    #expect(NumberFormatting.fixed(-0.0, digits: 1) == "0.0")
    #expect(NumberFormatting.fixed(-0.006, digits: 2) == "-0.01")
  }
}

/// The digits of a decimal without sign, point, or leading and trailing zeros.
private func significantDigits(_ text: some StringProtocol) -> String {
  let digits = text.filter(\.isNumber).drop(while: { $0 == "0" })
  return String(digits.reversed().drop(while: { $0 == "0" }).reversed())
}

/// A fixed-seed generator, so the round-trip test checks the same values every run.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
