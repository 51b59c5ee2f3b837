/// The comparison table, rendered as Markdown for the README.
struct BenchmarkTable {
  struct Row {
    var pipeline: String
    var files: String
    var rows: Int
    var bytes: Int
    var seconds: Double
    var peakRSSKiB: Int
    var runs: Int
    /// The peers report the peak of the whole pipeline, not of the read alone.
    var isWholePipelinePeak = false
  }

  var rows: [Row] = []

  var markdown: String {
    var lines = [
      "| pipeline | files read | rows | MB | read s | MB/s | peak RSS MiB | runs |",
      "|---|---|--:|--:|--:|--:|--:|--:|",
    ]
    for row in rows {
      let megabytes = Double(row.bytes) / 1e6
      let peak = String(format0: Double(row.peakRSSKiB) / 1024) + (row.isWholePipelinePeak ? " ¹" : "")
      lines.append(
        "| \(row.pipeline) | \(row.files) | \(grouped(row.rows)) | \(String(format1: megabytes)) | "
          + "\(String(format2: row.seconds)) | \(String(format0: megabytes / row.seconds)) | \(peak) | \(row.runs) |")
    }
    if rows.contains(where: \.isWholePipelinePeak) {
      lines.append("")
      lines.append("¹ peak of the whole peer pipeline (read, features, model fits), from ru_maxrss.")
    }
    return lines.joined(separator: "\n")
  }
}

/// `9848414` as `9,848,414`.
private func grouped(_ value: Int) -> String {
  let digits = Array(String(value))
  var out = ""
  for (i, digit) in digits.enumerated() {
    if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
    out.append(digit)
  }
  return out
}

extension String {
  /// Fixed-point formatting without Foundation's `String(format:)`.
  init(fixed value: Double, decimals: Int) {
    guard value.isFinite else {
      self = "\(value)"
      return
    }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int((abs(value) * scale).rounded())
    let sign = value < 0 && scaled != 0 ? "-" : ""
    guard decimals > 0 else {
      self = sign + "\(scaled)"
      return
    }
    let fraction = String(scaled % Int(scale))
    let padded = String(repeating: "0", count: decimals - fraction.count) + fraction
    self = sign + "\(scaled / Int(scale)).\(padded)"
  }

  init(format0 value: Double) { self.init(fixed: value, decimals: 0) }
  init(format1 value: Double) { self.init(fixed: value, decimals: 1) }
  init(format2 value: Double) { self.init(fixed: value, decimals: 2) }
}
