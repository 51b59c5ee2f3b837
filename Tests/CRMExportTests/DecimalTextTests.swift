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

  @Test("NaN and infinities have no decimal form")
  func nonFinite() {
    #expect(DecimalText.fixed(.nan, scale: 2) == nil)
    #expect(DecimalText.fixed(-.infinity, scale: 2) == nil)
  }
}
