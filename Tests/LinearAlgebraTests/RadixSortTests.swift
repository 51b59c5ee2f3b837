import LinearAlgebra
import Testing

/// The radix sorts give the standard library's answers, bit for bit, on long arrays full of ties.
@Suite struct RadixSortTests {
  private func values(_ count: Int, seed: UInt64) -> [Double] {
    var state = seed
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 11
    }
    let specials: [Double] = [0, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, 1, 0.5]
    return (0..<count).map { _ in
      switch next() % 4 {
      case 0: return specials[Int(next() % UInt64(specials.count))]
      case 1: return Double(Int(next() % 50) - 25) / 8
      case 2: return Double(next() % 1_000_000) / 1_000_000
      default: return Double(bitPattern: (next() << 11 | next() % 2048) & ~(0x7FF << 52) | (next() % 2046 + 1) << 52)
      }
    }
  }

  @Test("indices by ascending value, ties by index: the order of (value, index) pairs", arguments: [10, 5_000, 200_000])
  func ascendingIndices(count: Int) {
    let x = values(count, seed: UInt64(count))
    #expect(RadixSort.ascendingIndices(x) == x.indices.sorted { (x[$0], $0) < (x[$1], $1) })
  }

  @Test("values ascending as sorted() leaves them, ±0 in the order they came", arguments: [10, 5_000, 200_000])
  func sortedValues(count: Int) {
    let x = values(count, seed: UInt64(count) + 1)
    #expect(RadixSort.sorted(x).map(\.bitPattern) == x.sorted().map(\.bitPattern))
  }
}
