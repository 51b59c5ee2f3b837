/// What an export noticed on the way: rejects and counted warnings.
struct ExportLog {
  private(set) var rejects: [ExportReject] = []
  private var warningOrder: [String] = []
  private var warningCounts: [String: Int] = [:]

  /// Rejects and warnings so far: unchanged over a call means it logged nothing.
  private(set) var events = 0

  mutating func reject(_ reject: ExportReject) {
    rejects.append(reject)
    events += 1
  }

  /// Counts one occurrence of `message`; equal messages are reported once with their count.
  mutating func warn(_ message: String) {
    events += 1
    if warningCounts[message] == nil { warningOrder.append(message) }
    warningCounts[message, default: 0] += 1
  }

  /// Adds what `later` noticed after this log's events.
  mutating func append(_ later: ExportLog) {
    rejects += later.rejects
    for message in later.warningOrder {
      if warningCounts[message] == nil { warningOrder.append(message) }
      warningCounts[message, default: 0] += later.warningCounts[message]!
    }
    events += later.events
  }

  /// Each warning with its count when it happened more than once.
  var warnings: [String] {
    warningOrder.map { message in
      let count = warningCounts[message]!
      return count == 1 ? message : "\(message) (\(count) times)"
    }
  }
}
