#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a benchmark table notes about the machine it was measured on.
enum Machine {
  /// The one-minute load average, to show whether the machine was busy.
  static var loadAverage: String {
    var loads = [Double](repeating: 0, count: 3)
    return getloadavg(&loads, 3) == 3 ? String(format2: loads[0]) : "?"
  }

  static var cpuCount: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

  /// `OPENBLAS_NUM_THREADS` as set for this process and its children, or
  /// "unset" (OpenBLAS then uses every core).
  static var openBLASThreads: String {
    getenv("OPENBLAS_NUM_THREADS").map { String(cString: $0) } ?? "unset"
  }
}

extension Array<Double> {
  /// The middle value, or the mean of the two middle values; NaN when empty.
  var median: Double {
    guard !isEmpty else { return .nan }
    let sorted = self.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
