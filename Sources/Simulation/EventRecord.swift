/// One row of events.csv before it is formatted.
struct EventRecord {
  var customer: Int32
  var day: Int32
  /// Index into ``SimulationVocabulary/eventTypes``.
  var kind: UInt8
  /// Pages, severity or rating; 0 means an empty value.
  var value: UInt8
}
