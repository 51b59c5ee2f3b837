/// Estimated widths of text, for layout: SVG cannot measure text before a
/// browser draws it, so margins are sized from these estimates, which err
/// on the wide side (a margin a little too large is harmless, a label cut
/// off is not).
enum TextMetrics {
  /// The estimated width of `text` at font size `size`.
  static func width(_ text: String, size: Double) -> Double {
    var ems = 0.0
    for scalar in text.unicodeScalars { ems += emWidth(scalar) }
    return ems * size
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

  private static func emWidth(_ scalar: Unicode.Scalar) -> Double {
    let v = scalar.value
    if isWide(v) { return 1.0 }
    switch scalar {
    case " ": return 0.3
    case "i", "l", "j", "I", ".", ",", ":", ";", "!", "|", "'", "(", ")", "[", "]": return 0.32
    case "m", "w", "M", "W", "%", "@": return 0.9
    case "0"..."9": return 0.58
    case "A"..."Z": return 0.68
    case "a"..."z": return 0.56
    default: return 0.6
    }
  }

  /// East Asian wide and fullwidth characters: CJK ideographs, kana, Hangul,
  /// CJK punctuation and fullwidth forms.
  private static func isWide(_ v: UInt32) -> Bool {
    (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
      || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
      || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
  }
}
