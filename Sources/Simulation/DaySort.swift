/// All records of `parts`, concatenated in order and then stably sorted by
/// day (counting sort: O(n + days)). Each part is released once copied, so
/// peak memory stays near one copy of the rows.
func sortedByDay<Record>(_ parts: inout [[Record]], dayCount: Int, day: (Record) -> Int32) -> [Record] {
  var start = [Int](repeating: 0, count: dayCount + 1)
  for part in parts {
    for record in part { start[Int(day(record)) + 1] += 1 }
  }
  for index in 0..<dayCount { start[index + 1] += start[index] }
  let total = start[dayCount]
  // Uninitialized storage: pages are touched only as rows land in them,
  // while the parts are released one by one.
  return [Record](unsafeUninitializedCapacity: total) { output, initialized in
    for index in parts.indices {
      for record in parts[index] {
        let d = Int(day(record))
        (output.baseAddress! + start[d]).initialize(to: record)
        start[d] += 1
      }
      parts[index] = []
    }
    initialized = total
  }
}
