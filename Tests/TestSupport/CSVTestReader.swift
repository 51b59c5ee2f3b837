/// A small RFC 4180 reader, written apart from the writer, to read our CSV back.
///
/// It works on Unicode scalars (not Characters, which fuse CR LF into one),
/// accepts LF or CRLF record ends, skips a leading BOM, and expects the
/// input to end with a record terminator, as our writer always does.
public enum CSVTestReader {
  public static func records(_ text: String, delimiter: Unicode.Scalar = ",") -> [[String]] {
    var scalars = Array(text.unicodeScalars)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    var records: [[String]] = []
    var record: [String] = []
    var field = String.UnicodeScalarView()
    var index = 0
    var inQuotes = false
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      if inQuotes {
        if scalar == "\"" {
          if index < scalars.count, scalars[index] == "\"" {
            field.append("\"")
            index += 1
          } else {
            inQuotes = false
          }
        } else {
          field.append(scalar)
        }
      } else if scalar == "\"" && field.isEmpty {
        inQuotes = true
      } else if scalar == delimiter {
        record.append(String(field))
        field = String.UnicodeScalarView()
      } else if scalar == "\n"
        || (scalar == "\r" && index < scalars.count && scalars[index] == "\n")
      {
        if scalar == "\r" { index += 1 }
        record.append(String(field))
        field = String.UnicodeScalarView()
        records.append(record)
        record = []
      } else {
        field.append(scalar)
      }
    }
    precondition(record.isEmpty && field.isEmpty && !inQuotes, "CSV did not end with a line ending")
    return records
  }
}
