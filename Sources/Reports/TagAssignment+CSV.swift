import Tagging

extension TagAssignment {
  /// Writes `tags.csv`: `customer_id` and `tags`, one row per customer
  /// (an empty cell for none), the tags joined by `;` in rule-file order.
  /// Streams through ``CSVWriter`` into an ``AtomicFileWriter``; tag names
  /// come from the user's file, so cells pass through the formula guard.
  public func writeCSV(to path: String, format: CSVFormat = CSVFormat()) throws(ReportError) {
    let file = try AtomicFileWriter(path: path)
    var writer = try CSVWriter(columns: ["customer_id", "tags"], format: format) {
      (bytes: [UInt8]) throws(ReportError) in try file.append(bytes)
    }
    for row in customerIDs.indices {
      let tags = tags(ofRow: row)
      try writer.writeRow([.text(customerIDs[row]), tags.isEmpty ? .missing : .text(tags.joined(separator: ";"))])
    }
    try writer.finish()
    try file.commit()
  }
}
