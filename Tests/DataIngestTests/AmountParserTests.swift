import Testing
import TestSupport

@testable import DataIngest

/// Compares bit patterns, so -0.0 and 0.0 differ and rounding is exact.
private func bits(_ value: Double?) -> UInt64? { value?.bitPattern }

@Suite struct AmountParserTests {
  @Test(
    "plain and signed decimals",
    arguments: [
      ("12", 12.0), ("-12.5", -12.5), ("+3", 3), (".5", 0.5), ("-.5", -0.5), ("12.", 12),
      ("0", 0), ("007.50", 7.5), ("1.5e3", 1500), ("1.5E-3", 0.0015), ("2e+2", 200),
      ("  42.10 ", 42.1), ("0.1", 0.1), ("123456789.987654321", 123456789.987654321),
    ])
  func plain(text: String, expected: Double) {
    #expect(bits(AmountParser.parse(text)) == bits(expected))
  }

  @Test(
    "thousands separators in full groups of three",
    arguments: [
      ("1,280.00", 1280.0), ("12,345,678.9", 12345678.9), ("-1,000", -1000), ("999", 999),
      ("¥1,280.50", 1280.5), ("100,000", 100000),
    ])
  func thousands(text: String, expected: Double) {
    #expect(bits(AmountParser.parse(text)) == bits(expected))
  }

  @Test(
    "currency signs and codes before or after, with optional space",
    arguments: [
      "¥12.50", "￥12.50", "￥ 12.50", "$12.50", "€12.50", "£12.50", "RMB 12.50", "rmb12.50",
      "CNY12.50", "USD 12.50", "EUR 12.50", "GBP12.50", "12.50元", "12.50 元", "12.50¥",
      "12.50 USD", "12.50EUR", "12.50 ￥", "+¥12.50", "¥+12.50",
    ])
  func currencies(text: String) {
    #expect(bits(AmountParser.parse(text)) == bits(12.5))
  }

  @Test(
    "negatives: signs on either side of the currency, and accounting parentheses",
    arguments: [
      "-¥12.50", "¥-12.50", "¥ -12.50", "(12.50)", "( 12.50 )", "($12.50)", "(12.50 USD)",
      "-12.50元",
    ])
  func negatives(text: String) {
    #expect(bits(AmountParser.parse(text)) == bits(-12.5))
  }

  @Test(
    "non-numbers and malformed numbers are rejected",
    arguments: [
      "", " ", "abc", "12.5.3", "--1", "+-1", "1 2", "NaN", "nan", "inf", "-inf", "Infinity",
      "-", "+", "¥", "元", "USD", "(", "()", "(-12.50)", "-(12.50)", "(12.50", "12.50)",
      "1,28.0", "1,2800", "1234,567", ",123", "1,,000", "1,000,", ".", "-.", "1e", "1e+",
      "12e5x", "¥¥12", "¥12元", "元12", "12 元 元", "-¥-12", "0x10", "1_000", "1.280,00",
      "12-", "- 12", "- ¥12.50", "1e999", "-1e400", "12USDX", "US$12",
    ])
  func rejected(text: String) {
    #expect(AmountParser.parse(text) == nil)
  }

  @Test("numbers past the fast path are still correctly rounded")
  func slowPath() {
    let samples = [
      "9007199254740993",  // 2^53 + 1: a tie, rounds to even
      "12345678901234567890123", "1e23", "8.98846567431158e307", "2.2250738585072011e-308",
      "4.9406564584124654e-324", "1e-400", "0.1000000000000000055511151231257827",
      "17976931348623157" + String(repeating: "0", count: 292),
      "1.7976931348623157e308", "123.456e-30", "0.000000000000000000000000000123",
    ]
    for sample in samples {
      #expect(bits(AmountParser.parse(sample)) == bits(Double(sample)), "\(sample)")
    }
    #expect(AmountParser.parse("9007199254740993") == 9_007_199_254_740_992)
  }

  @Test("the sign of zero is kept, as Double(String) keeps it")
  func negativeZero() {
    #expect(bits(AmountParser.parse("-0")) == bits(-0.0))
    #expect(bits(AmountParser.parse("(0.00)")) == bits(-0.0))
    #expect(bits(AmountParser.parse("0e500")) == bits(0.0))
  }

  @Test("random decimals are bit-identical to Double(String)")
  func randomDecimals() {
    var generator = SplitMix64(seed: 20_250_307)
    let digits = Array("0123456789")
    func randomDigits(_ count: Int) -> String {
      String((0..<count).map { _ in digits[Int.random(in: 0..<10, using: &generator)] })
    }
    var checked = 0
    for _ in 0..<20_000 {
      var text = ""
      if Bool.random(using: &generator) { text += "-" }
      let integerLength = Int.random(in: 0...22, using: &generator)
      let fractionLength = Int.random(in: 0...22, using: &generator)
      if integerLength + fractionLength == 0 { continue }
      text += randomDigits(integerLength)
      if fractionLength > 0 || Bool.random(using: &generator) {
        text += "." + randomDigits(fractionLength)
      }
      if Int.random(in: 0..<4, using: &generator) == 0 {
        text += "e\(Int.random(in: -330...330, using: &generator))"
      }
      guard let reference = Double(text) else {
        Issue.record("Double(\"\(text)\") is nil")
        continue
      }
      let parsed = AmountParser.parse(text)
      if reference.isFinite {
        #expect(bits(parsed) == bits(reference), "\(text)")
      } else {
        #expect(parsed == nil, "\(text)")
      }
      checked += 1
    }
    #expect(checked > 19_000)
  }

  @Test("short plain decimals, the form of machine-written files, are bit-identical to Double(String)")
  func shortPlainDecimals() {
    var generator = SplitMix64(seed: 7)
    for _ in 0..<20_000 {
      let integer = Int.random(in: 0..<100_000_000, using: &generator)
      let fractionLength = Int.random(in: 0...7, using: &generator)
      var text = (Bool.random(using: &generator) ? "-" : "") + String(integer)
      if fractionLength > 0 {
        let fraction = String(Int.random(in: 0..<10_000_000, using: &generator))
        text += "." + String(repeating: "0", count: 7 - fraction.count) + fraction
        text = String(text.dropLast(7 - fractionLength))
      }
      #expect(bits(AmountParser.parse(text)) == bits(Double(text)), "\(text)")
    }
  }

  @Test("random money with separators and currency matches the bare number")
  func randomMoney() {
    var generator = SplitMix64(seed: 7)
    for _ in 0..<5_000 {
      let cents = Int64.random(in: -10_000_000_000...10_000_000_000, using: &generator)
      let whole = String(cents.magnitude / 100)
      let fraction = String(cents.magnitude % 100)
      let bare = (cents < 0 ? "-" : "") + whole + "." + (fraction.count == 1 ? "0" : "") + fraction
      var grouped = ""
      for (index, character) in whole.enumerated() {
        if index > 0, (whole.count - index) % 3 == 0 { grouped += "," }
        grouped.append(character)
      }
      let formatted =
        (cents < 0 ? "-" : "") + "¥" + grouped + "." + (fraction.count == 1 ? "0" : "") + fraction
      #expect(bits(AmountParser.parse(formatted)) == bits(Double(bare)), "\(formatted)")
    }
  }

  @Test("every prefix of a long field is handled without crashing")
  func prefixes() {
    let bytes = Array("(-￥1,234,567.891e-3 元)  ".utf8)
    for length in 0...bytes.count {
      _ = bytes.withUnsafeBufferPointer {
        AmountParser.parse(UnsafeBufferPointer(rebasing: $0[0..<length]))
      }
    }
    #expect(AmountParser.parse(UnsafeBufferPointer(start: nil, count: 0)) == nil)
  }
}
