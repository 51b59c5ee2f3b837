import Foundation

/// The log of `analyze run` on standard error: a line per event for people,
/// or one JSON object per line for schedulers. Standard output keeps the
/// results only.
struct JobLog {
  let format: Analyze.Run.LogFormat

  func event(_ name: String, _ fields: [String: String]) {
    let line: String
    switch format {
    case .json:
      var object = fields
      object["event"] = name
      object["time"] = ISO8601DateFormatter().string(from: Date())
      let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
      line = String(decoding: data, as: UTF8.self)
    case .text:
      let detail = fields.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
      line = "analyze run: \(name)" + (detail.isEmpty ? "" : " (\(detail))")
    }
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
