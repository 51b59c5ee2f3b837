import Testing

@testable import CRMExport

@Suite struct DecimalTextTests {
  @Test("fixed decimals, half away from zero on the shortest decimal form, never an exponent")
  func rounding() {
    let cases: [(Double, Int, String)] = [
      (0.87314, 4, "0.8731"),
      (0.12345, 4, "0.1235"),  // %.4f gives 0.1234: the binary value is 0.123449999…
      (0.125, 2, "0.13"),
      (-0.04199, 4, "-0.0420"),
      (0.5, 4, "0.5000"),
      (1e-7, 4, "0.0000"),
      (-0.00001, 4, "0.0000"),  // no minus on a printed zero
      (0.99995, 4, "1.0000"),
      (9.99995, 4, "10.0000"),
      (-9.99995, 4, "-10.0000"),
      (1.5e20, 2, "150000000000000000000.00"),
      (2.5, 0, "3"),
      (-2.5, 0, "-3"),
      (0, 3, "0.000"),
      (123456789.123456789, 4, "123456789.1235"),
    ]
    for (value, scale, expected) in cases {
      #expect(DecimalText.fixed(value, scale: scale) == expected, "\(value) at \(scale)")
    }
  }

  @Test("percent moves the decimal point exactly instead of multiplying by 100")
  func percent() {
    #expect(DecimalText.fixed(0.8731, scale: 2, percent: true) == "87.31")  // 0.8731 × 100 = 87.31000000000001
    #expect(DecimalText.fixed(0.5, scale: 2, percent: true) == "50.00")
    #expect(DecimalText.fixed(0.00005, scale: 2, percent: true) == "0.01")
    #expect(DecimalText.fixed(1, scale: 0, percent: true) == "100")
    #expect(DecimalText.fixed(0.07, scale: 1, percent: true) == "7.0")
    #expect(DecimalText.fixed(0.0731, scale: 2, percent: true) == "7.31")
    #expect(DecimalText.fixed(0.999996, scale: 2, percent: true) == "100.00")
    #expect(DecimalText.fixed(-0.0000001, scale: 2, percent: true) == "0.00")
    #expect(DecimalText.fixed(12.5, scale: 0, percent: true) == "1250")
  }

  @Test("a plain decimal is rounded from its text unless its digits sit within an ulp of halfway")
  func plainDecimal() {
    let cases: [(String, Int, Bool, String?)] = [
      ("0.6932411783877152", 4, false, "0.6932"),
      ("0.12344", 4, false, "0.1234"),
      ("0.12346", 4, false, "0.1235"),
      ("-0.00001", 4, false, "0.0000"),
      ("007.5", 2, false, "7.50"),
      ("9.99996", 4, false, "10.0000"),
      ("3", 2, false, "3.00"),
      ("0.8731", 2, true, "87.31"),
      ("0.12345", 4, false, nil),  // halfway: the Double's shortest digits decide
      ("0.1234499999999999", 4, false, nil),
      ("123456789012.5", 4, false, nil),  // too many whole digits to be sure of the fifth decimal
      ("1e-7", 4, false, nil),
      ("+1", 4, false, nil),
      (".5", 4, false, nil),
      ("1.", 4, false, nil),
      ("", 4, false, nil),
    ]
    for (text, scale, percent, expected) in cases {
      let got = Array(text.utf8).withUnsafeBufferPointer {
        DecimalText.fixed(plainDecimal: $0, scale: scale, percent: percent)
      }
      #expect(got == expected, "\(text) at \(scale)")
    }
  }

  @Test("rounding a plain decimal's text agrees with rounding its Double wherever it answers")
  func plainDecimalAgrees() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var answered = 0
    for _ in 0..<20_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let value = Double(state >> 11) / Double(1 << 53) * [1, 100, 0.001][Int(state % 3)]
      // Shortest digits, one more and one fewer, and digits cut at the fifth decimal with a tie after them.
      let texts = [
        String(format: "%.17f", value), String(format: "%.16f", value), String(format: "%.15f", value),
        String(format: "%.5f", value) + "0000000001", String(format: "%.4f", value) + "5",
      ]
      for text in texts {
        for (scale, percent) in [(4, false), (2, true), (0, false)] {
          guard
            let fast = Array(text.utf8).withUnsafeBufferPointer({
              DecimalText.fixed(plainDecimal: $0, scale: scale, percent: percent)
            })
          else { continue }
          answered += 1
          #expect(fast == DecimalText.fixed(Double(text)!, scale: scale, percent: percent), "\(text) at \(scale)")
        }
      }
    }
    #expect(answered > 150_000)
  }

  @Test("NaN and infinities have no decimal form")
  func nonFinite() {
    #expect(DecimalText.fixed(.nan, scale: 2) == nil)
    #expect(DecimalText.fixed(-.infinity, scale: 2) == nil)
  }
}
