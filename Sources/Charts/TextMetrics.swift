/// Estimated widths of text, for layout: SVG cannot measure text before a
/// browser draws it, so margins are sized from these estimates.
///
/// The widths are those of Noto Sans CJK SC, the first font of
/// ``ChartStyle/fontFamily``, measured in chromium (per character, kerning
/// against `a` included), plus 4% for the other fonts of the list: a
/// margin a little too large is harmless, a label cut off is not.
enum TextMetrics {
  /// The estimated width of `text` at font size `size`.
  static func width(_ text: String, size: Double) -> Double {
    var thousandths = 0
    for scalar in text.unicodeScalars { thousandths += emThousandths(scalar) }
    return Double(thousandths) / 1000 * size * 1.04
  }

  /// `text`, shortened with "…" until it fits `maxWidth`.
  static func fit(_ text: String, size: Double, maxWidth: Double) -> String {
    // The tolerance keeps a label as wide as the room made for it whole.
    guard width(text, size: size) > maxWidth + 0.01 else { return text }
    var scalars = Array(text.unicodeScalars)
    let ellipsis = width("…", size: size)
    while !scalars.isEmpty {
      scalars.removeLast()
      var shortened = String.UnicodeScalarView()
      shortened.append(contentsOf: scalars)
      let candidate = String(shortened)
      if width(candidate, size: size) + ellipsis <= maxWidth { return candidate + "…" }
    }
    return "…"
  }

  /// Advance widths of U+0020 … U+007E in thousandths of an em.
  private static let ascii: [Int] = [
    224, 323, 474, 555, 555, 921, 680, 278, 338, 338, 407, 555, 278, 347, 278, 365,
    555, 555, 555, 555, 555, 555, 555, 555, 555, 555, 278, 278, 555, 555, 555, 460,
    946, 634, 657, 638, 688, 589, 514, 689, 728, 293, 535, 646, 543, 812, 723, 742,
    585, 742, 631, 596, 491, 717, 532, 856, 562, 429, 585, 338, 392, 338, 555, 559,
    606, 563, 602, 499, 620, 538, 303, 546, 607, 275, 275, 541, 284, 926, 610, 590,
    604, 620, 361, 468, 338, 607, 499, 791, 487, 499, 449, 338, 270, 338, 555,
  ]

  private static func emThousandths(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if (0x20...0x7E).contains(v) { return ascii[Int(v - 0x20)] }
    switch scalar {
    case "–", "−": return 555
    case "—": return 894
    // A CJK font draws these full width.
    case "×", "·", "÷": return 1000
    // Other alphabets about as wide as Latin letters; CJK, arrows, ≥, … a full em.
    default: return v < 0x2000 ? 620 : 1000
    }
  }
}
