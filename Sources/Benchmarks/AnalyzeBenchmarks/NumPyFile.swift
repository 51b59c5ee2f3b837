/// Writes float64 arrays in NumPy's `.npy` format (version 1.0), so a Python
/// child can `np.load` the very doubles we fitted, bit for bit.
enum NumPyFile {
  /// Saves `columns` (all of one length `n`) as an `n`-vector when there is
  /// one column, else as an `n × k` array in Fortran (column) order, which is
  /// how the columns already lie in memory.
  static func save(_ columns: [[Double]], to path: String) throws(BenchmarkError) {
    let rows = columns.first?.count ?? 0
    precondition(columns.allSatisfy { $0.count == rows }, "NumPyFile: columns of different lengths")
    let shape = columns.count == 1 ? "(\(rows),)" : "(\(rows), \(columns.count))"
    var header = "{'descr': '<f8', 'fortran_order': True, 'shape': \(shape), }"
    // The magic (6 bytes), version (2) and length (2) and the header end on a
    // multiple of 64 bytes, the header with a newline last.
    let unpadded = 10 + header.utf8.count + 1
    header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
    let length = UInt16(header.utf8.count)
    var prefix: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)]
    prefix += Array(header.utf8)

    let file = try OutputFile(path: path)
    defer { file.close() }
    try file.append(prefix)
    // '<f8': the doubles' own bytes on the little-endian machines this runs on.
    for column in columns { try file.append(column) }
  }
}
