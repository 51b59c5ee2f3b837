import Testing

@testable import DataIngest
import Randomness

@Suite struct OrderRunsTests {
  /// Codes by first appearance of (customer, order id), each empty id an
  /// order of its own: the numbering ``OrderRuns`` must reproduce.
  private static func expectedCodes(_ rows: [(customer: Int32, order: String)]) -> (codes: [Int32], own: Set<Int32>) {
    var codeOfKey: [String: Int32] = [:]
    var codes: [Int32] = []
    var own: Set<Int32> = []
    var next: Int32 = 0
    for row in rows {
      if row.order.isEmpty {
        own.insert(next)
        codes.append(next)
        next += 1
      } else if let code = codeOfKey["\(row.customer)/\(row.order)"] {
        codes.append(code)
      } else {
        codeOfKey["\(row.customer)/\(row.order)"] = next
        codes.append(next)
        next += 1
      }
    }
    return (codes, own)
  }

  /// Adds `rows` in blocks of uneven sizes, as a file's blocks come, and resolves.
  private static func numbered(_ rows: [(customer: Int32, order: String)], threads: Int)
    -> (codes: [Int32], count: Int, isOwnOrder: (Int32) -> Bool)
  {
    var runs = OrderRuns()
    var start = 0
    var size = 1
    while start < rows.count {
      let end = min(rows.count, start + size)
      for row in rows[start..<end] {
        var bytes = Array(row.order.utf8)
        bytes.withUnsafeMutableBufferPointer { runs.add(customer: row.customer, order: UnsafeBufferPointer($0)) }
      }
      runs.endBlock(expectedRows: rows.count)
      start = end
      size = size * 2 + 1
    }
    let (count, isOwnOrder) = runs.resolve(threads: threads)
    let codes = runs.takeCodes()
    runs.deallocate()
    return (codes, count, isOwnOrder)
  }

  @Test("runs of one key are one order; repeats after other keys, split runs and ids without an order join exactly")
  func scatteredOrders() {
    // Seeded: 30,000 rows over 40 customers and 500 order ids, an
    // order's rows mostly together, a fifth of rows going back to an
    // earlier key, one in thirty without an order id.
    var random = SplitMix64(seed: 0x2545_F491_4F6C_DD1D)
    func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &random) }
    var rows: [(customer: Int32, order: String)] = []
    var previous: [(customer: Int32, order: String)] = []
    while rows.count < 30_000 {
      let key: (customer: Int32, order: String)
      if next(30) == 0 {
        key = (Int32(next(40)), "")
      } else if !previous.isEmpty && next(5) == 0 {
        key = previous[next(previous.count)]
      } else {
        key = (Int32(next(40)), "O\(next(500))")
        previous.append(key)
      }
      for _ in 0...next(3) { rows.append(key) }
    }
    let expected = Self.expectedCodes(rows)
    for threads in [1, 2] {
      let (codes, count, isOwnOrder) = Self.numbered(rows, threads: threads)
      #expect(codes.count == expected.codes.count)
      #expect(codes.indices.first { codes[$0] != expected.codes[$0] } == nil, "the first row numbered differently")
      #expect(count == Int(expected.codes.max()! + 1))
      #expect((0..<Int32(count)).filter(isOwnOrder) == expected.own.sorted())
    }
  }

  @Test("without repeated keys each run is the next order")
  func consecutiveOrders() {
    let rows: [(customer: Int32, order: String)] = [
      (0, "A"), (0, "A"), (1, "A"), (1, ""), (1, ""), (2, "B"), (2, "BB"), (2, "BB"),
    ]
    let (codes, count, isOwnOrder) = Self.numbered(rows, threads: 2)
    #expect(codes == [0, 0, 1, 2, 3, 4, 5, 5])
    #expect(count == 6)
    #expect((0..<6).filter(isOwnOrder) == [2, 3])
  }
}
