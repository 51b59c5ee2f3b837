import Foundation

extension String {
  /// Without leading and trailing blanks, as `trimmingCharacters(in: .whitespaces)`;
  /// text without blanks at either end (nearly all of it) skips that call,
  /// which is slow in a loop over a million rows.
  var trimmingBlanks: String {
    let scalars = unicodeScalars
    // Every blank (Zs, tab) is White_Space, so ends that are not leave nothing to trim.
    let padded = scalars.first?.properties.isWhitespace == true || scalars.last?.properties.isWhitespace == true
    return padded ? trimmingCharacters(in: .whitespaces) : self
  }
}
