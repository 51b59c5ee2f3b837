/// Text made safe for XML and HTML, which SVG drawings and report pages share.
public enum Markup {
  /// `text` safe inside element content and double-quoted attribute values:
  /// `&`, `<`, `>` and `"` as entities, and the control characters XML
  /// forbids (all but tab, line feed and carriage return, and U+FFFE, U+FFFF)
  /// dropped.
  public static func escape(_ text: String) -> String {
    var result = ""
    result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      default:
        if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }
}
