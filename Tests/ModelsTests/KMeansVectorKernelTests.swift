import CKMeans
@testable import Models
import Randomness
import TestSupport
import Testing

/// The C kernels of k-means (CKMeans) against plain Swift, in both builds
/// (AVX2 where the processor has it, and the baseline), and the 32-bit
/// bound words they read.
@Suite(.serialized) struct KMeansVectorKernelTests {
  /// Runs `body` with the AVX2 build, then the baseline, and returns both results.
  private func bothBuilds<T>(_ body: () -> T) -> (wide: T, baseline: T) {
    let initial = KernelBuild.avx2
    defer { KernelBuild.avx2 = initial }
    KernelBuild.avx2 = true
    let wide = body()
    KernelBuild.avx2 = false
    return (wide, body())
  }

  @Test("the bound pass lists exactly the rows whose word is not above their label's limit", arguments: [3, 8, 12])
  func failingRows(k: Int) {
    var generator = Xoshiro256StarStar(seed: UInt64(k))
    let mask = UInt32((1 << BoundWord.labelBits(k: k)) - 1)
    let limits = (0..<k).map { _ in BoundWord.thresholdWord(generator.nextUnit() * 2, mask: mask) }
    for m in [0, 5, 37, 1_000] {
      let words = (0..<m).map { _ -> UInt32 in
        let label = Int32(generator.nextIndex(below: k))
        if generator.nextIndex(below: 10) == 0 { return BoundWord.unknown(label: label, mask: mask) }
        return BoundWord.word(key: generator.nextUnit() * 2, label: label, mask: mask)
      }
      let expected = (0..<m).filter { !(Int32(bitPattern: words[$0]) > limits[Int(words[$0] & mask)]) }.map(Int32.init)
      let (wide, baseline) = bothBuilds { () -> [Int32] in
        var list = [Int32](repeating: -1, count: m)
        let count = analyze_kmeans_failing(words, m, limits, k, mask, &list)
        return Array(list[0..<count])
      }
      #expect(wide == expected)
      #expect(baseline == expected)
    }
  }

  @Test("the direct search gives every listed row its nearest centre (ties → the lower index) and bound, and lists the moves")
  func search() {
    var generator = Xoshiro256StarStar(seed: 5)
    for p in 1...8 {
      for k in [1, 2, 5, 9] {
        let m = 50
        let stride = 53  // a block's columns need not be packed
        let start = 7  // the block's first row in the data
        var centres = (0..<(k * p)).map { _ in generator.nextUnit() * 4 }  // column-major k × p
        var x = (0..<(stride * p)).map { _ in generator.nextUnit() * 4 }
        if k > 1 {
          // Centres 0 and k−1 differ in column 0 only (1 and 3), the others lie far off in it;
          // row 0 is centre k−1 itself, row 1 is exactly halfway between centres 0 and k−1.
          for f in 1..<p { centres[f * k + k - 1] = centres[f * k] }
          centres[0] = 1
          centres[k - 1] = 3
          for j in 1..<(k - 1) { centres[j] = 100 + generator.nextUnit() }
          for f in 0..<p { x[f * stride] = centres[f * k + k - 1] }
          for f in 0..<p { x[f * stride + 1] = centres[f * k] }
          x[1] = 2
        }
        let losses = (0..<k).map { _ in generator.nextUnit() }
        let mask = UInt32((1 << BoundWord.labelBits(k: k)) - 1)
        let before = (0..<(start + m)).map { _ in BoundWord.unknown(label: Int32(generator.nextIndex(below: k)), mask: mask) }
        let list: [Int32] = [0, 1] + (2..<m).filter { $0 % 3 != 0 }.map(Int32.init)
        let padded = list + [Int32](repeating: list.last!, count: 3)
        let (wide, baseline) = bothBuilds { () -> ([UInt32], [Int32], [Int32]) in
          var words = before
          var moved = [Int32](repeating: -1, count: list.count + 3)
          var from = [Int32](repeating: -1, count: list.count + 3)
          let count = analyze_kmeans_search(
            x, stride, p, padded, list.count, start, centres, k, losses, mask, &words, &moved, &from)
          return (words, Array(moved[0..<count]), Array(from[0..<count]))
        }
        #expect(wide == baseline)
        var expectedMoves: [Int32] = []
        for r in list.map(Int.init) {
          let d = (0..<k).map { j in
            (0..<p).reduce(0.0) { s, f in s + (x[f * stride + r] - centres[f * k + j]) * (x[f * stride + r] - centres[f * k + j]) }
          }
          let best = d.indices.min { d[$0] < d[$1] || (d[$0] == d[$1] && $0 < $1) }!
          let word = baseline.0[start + r]
          #expect(BoundWord.label(word, mask: mask) == best, "p \(p), k \(k), row \(r)")
          let second = d.indices.filter { $0 != best }.map { d[$0] }.min() ?? .infinity
          let key = second.squareRoot() - d[best].squareRoot() + losses[best]
          let stored = Double(BoundWord.key(word, mask: mask))
          // Rounded down to a Float (+∞ to the largest finite one), lower bits given to the label (up to 4 here).
          let least = key.isInfinite ? Double(Float.greatestFiniteMagnitude) * (1 - 4e-6) : key * (1 - 4e-6) - 1e-12
          #expect(stored <= key + 1e-12 && stored >= least, "p \(p), k \(k), row \(r)")
          if BoundWord.label(before[start + r], mask: mask) != best { expectedMoves.append(Int32(r)) }
        }
        #expect(baseline.1 == expectedMoves)
        #expect(baseline.2 == expectedMoves.map { Int32(BoundWord.label(before[start + Int($0)], mask: mask)) })
        #expect((0..<start).allSatisfy { baseline.0[$0] == before[$0] })
        if k > 1 {
          #expect(BoundWord.label(baseline.0[start], mask: mask) == k - 1)  // at distance 0, exactly
          // The tie goes to the lower index.
          #expect(BoundWord.label(baseline.0[start + 1], mask: mask) == 0)
        }
      }
    }
  }

  @Test("a k-means++ step and the candidates' potentials equal their plain definitions, bit for bit in both builds")
  func seedingSteps() {
    var generator = Xoshiro256StarStar(seed: 6)
    for p in [1, 3, 6] {
      let m = 103
      let x = (0..<(m * p)).map { _ in generator.nextUnit() }
      let closest = (0..<m).map { _ in generator.nextUnit() * 0.3 }
      let second = closest.map { $0 + generator.nextUnit() * 0.2 }
      let centre = (0..<p).map { _ in generator.nextUnit() }
      let candidates = (0..<(4 * p)).map { _ in generator.nextUnit() }
      let distance = { (r: Int, y: ArraySlice<Double>) in
        (0..<p).reduce(0.0) { s, f in s + (x[f * m + r] - y[y.startIndex + f]) * (x[f * m + r] - y[y.startIndex + f]) }
      }
      let (wide, baseline) = bothBuilds { () -> ([Double], [Double], [Int32], Double, [Double]) in
        var (c, s, l) = (closest, second, [Int32](repeating: 0, count: m))
        let sum = analyze_kmeans_lower(&c, &s, &l, x, m, p, centre, 3)
        var totals = [Double](repeating: 0, count: 4)
        analyze_kmeans_candidate_sums(x, m, p, candidates, 4, closest, &totals)
        return (c, s, l, sum, totals)
      }
      #expect(wide.0 == baseline.0 && wide.1 == baseline.1 && wide.2 == baseline.2)
      #expect(wide.3 == baseline.3 && wide.4 == baseline.4)
      for r in 0..<m {
        let d = distance(r, centre[...])
        #expect(baseline.0[r] == min(closest[r], d))
        #expect(baseline.1[r] == min(second[r], max(closest[r], d)))
        #expect(baseline.2[r] == (d < closest[r] ? 3 : 0))
      }
      assertApproximatelyEqual(baseline.3, baseline.0.reduce(0, +), relativeTolerance: 1e-14)
      for t in 0..<4 {
        let y = candidates[(t * p)..<((t + 1) * p)]
        assertApproximatelyEqual(
          baseline.4[t], (0..<m).reduce(0.0) { $0 + min(closest[$1], distance($1, y)) }, relativeTolerance: 1e-14)
      }
    }
  }

  @Test("the bound words from k-means++'s distances are BoundWord's, bit for bit")
  func startWords() {
    var generator = Xoshiro256StarStar(seed: 9)
    let mask = UInt32((1 << BoundWord.labelBits(k: 6)) - 1)
    let n = 103
    let closest = (0..<n).map { i in i == 0 ? 0 : generator.nextUnit() }
    let second = closest.enumerated().map { i, c in i == 1 ? .infinity : c + generator.nextUnit() }
    let labels = (0..<n).map { _ in Int32(generator.nextIndex(below: 6)) }
    let expected = (0..<n).map { BoundWord.word(key: second[$0].squareRoot() - closest[$0].squareRoot(), label: labels[$0], mask: mask) }
    let (wide, baseline) = bothBuilds { () -> [UInt32] in
      var words = [UInt32](repeating: 0, count: n)
      analyze_kmeans_start(closest, second, labels, n, mask, &words)
      return words
    }
    #expect(wide == expected)
    #expect(baseline == expected)
  }

  @Test("a bound word keeps its label and never raises its key; limits are never lowered")
  func boundWords() {
    var generator = Xoshiro256StarStar(seed: 8)
    let mask = UInt32((1 << BoundWord.labelBits(k: 5)) - 1)
    #expect(BoundWord.labelBits(k: 1) == 1 && BoundWord.labelBits(k: 5) == 3 && BoundWord.labelBits(k: 8) == 3)
    for _ in 0..<10_000 {
      let key = generator.nextUnit() * 10
      let limit = generator.nextUnit() * 10
      let label = Int32(generator.nextIndex(below: 5))
      let word = BoundWord.word(key: key, label: label, mask: mask)
      #expect(BoundWord.label(word, mask: mask) == Int(label))
      #expect(Double(BoundWord.key(word, mask: mask)) <= key)
      #expect(key - Double(BoundWord.key(word, mask: mask)) <= key * 2e-6)
      #expect(Double(BoundWord.threshold(limit)) >= limit)
      // The integer comparison the bound pass makes is the Float comparison.
      #expect(
        (Int32(bitPattern: word) > BoundWord.thresholdWord(limit, mask: mask))
          == (BoundWord.key(word, mask: mask) > BoundWord.threshold(limit)))
    }
    for key in [-1.0, .nan, 0] {
      let word = BoundWord.word(key: key, label: 4, mask: mask)
      #expect(BoundWord.label(word, mask: mask) == 4)
      #expect(!(Int32(bitPattern: word) > BoundWord.thresholdWord(0, mask: mask)))
    }
  }
}
