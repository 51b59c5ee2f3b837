import Foundation
import LinearAlgebra
@testable import Models
import TestSupport
import Testing

/// The internal kernels, driven with hand-picked starting centres.
@Suite struct KMeansKernelTests {
  @Test("an empty cluster is re-seeded at the point farthest from its centre")
  func emptyClusterReseeded() {
    // Two tight groups and one far point; centre 2 starts at −100, beyond
    // every point, so it wins nobody in the first assignment.
    let data = Matrix(rows: 7, columns: 1, rowMajor: [0, 0.1, 0.2, 5, 5.1, 5.2, 20])
    let blocks = RowBlocks(data, blockSize: 4096, centre: false)
    let start = Matrix(rows: 3, columns: 1, rowMajor: [0.1, 5.1, -100])
    let run = lloyd(blocks: blocks, initialCentres: start, maxIterations: 300, tolerance: 0)
    #expect(run.reseeded.map(\.cluster) == [2])
    #expect(run.reseeded.map(\.iteration) == [1])
    // The far point (14.9 from centre 1) became cluster 2 on its own.
    #expect(run.labels == [0, 0, 0, 1, 1, 1, 2])
    #expect(run.centres[2, 0] == 20)
    #expect(run.converged)
    assertApproximatelyEqual(run.inertia, 0.04, relativeTolerance: 1e-9)
  }

  @Test(
    "the bounded assignment gives plain Lloyd's labels, iterations and centres (direct search, and BLAS beyond 8 columns)",
    arguments: [3, 10])
  func boundedAssignmentIsLloyd(p: Int) {
    // Five overlapping blobs: many rows change cluster over many iterations,
    // and blocks of 256 rows make the failed rows of several blocks share a
    // gathered block (BLAS).
    var generator = Xoshiro256StarStar(seed: 11)
    let n = 3_000
    var values = [Double]()
    for i in 0..<n {
      let centre = Double(i % 5)
      for f in 0..<p { values.append(centre * Double(f % 3 + 1) + 3 * (generator.nextUnit() - 0.5) * Double(p) / 3) }
    }
    let data = Matrix(rows: n, columns: p, rowMajor: values)
    let start = Matrix(rows: 5, columns: p, rowMajor: Array(values[0..<(5 * p)]))
    let run = lloyd(
      blocks: RowBlocks(data, blockSize: 256, centre: false), initialCentres: start, maxIterations: 300,
      tolerance: 0)

    // Plain Lloyd with direct distances: every row, every centre, every iteration.
    var centres = (0..<5).map { j in (0..<p).map { start[j, $0] } }
    var labels = [Int32](repeating: -1, count: n)
    var iterations = 0
    while true {
      iterations += 1
      let previous = labels
      for i in 0..<n {
        let d = centres.map { c in (0..<p).reduce(0.0) { $0 + (values[i * p + $1] - c[$1]) * (values[i * p + $1] - c[$1]) } }
        labels[i] = Int32(d.indices.min { d[$0] < d[$1] || (d[$0] == d[$1] && $0 < $1) }!)
      }
      for j in 0..<5 {
        let members = (0..<n).filter { labels[$0] == Int32(j) }
        centres[j] = (0..<p).map { f in members.reduce(0.0) { $0 + values[$1 * p + f] } / Double(members.count) }
      }
      if labels == previous { break }
    }
    #expect(iterations > 5)
    #expect(run.reseeded.isEmpty)
    #expect(run.iterations == iterations)
    #expect(run.labels == labels)
    for j in 0..<5 {
      for f in 0..<p { assertApproximatelyEqual(run.centres[j, f], centres[j][f], relativeTolerance: 1e-12) }
    }
  }

  @Test("a fit on heavily duplicated data ends with k non-empty clusters")
  func duplicatedDataFillsEveryCluster() throws {
    // 200 rows on a line with one heavy duplicate block: some seeds leave a
    // cluster empty after the first assignment; whatever happens, the fit ends
    // with k non-empty clusters.
    var values: [Double] = Array(repeating: 0, count: 150)
    values += (0..<50).map { Double($0) / 10 + 1 }
    let data = Matrix(rows: values.count, columns: 1, rowMajor: values)
    let result = try KMeans(k: 6, seed: 5).fit(data)
    #expect(result.clusterSizes.allSatisfy { $0 > 0 })
  }

  @Test("the AVX2 and the baseline build of the kernels give byte-identical fits")
  func kernelBuildsAgree() throws {
    let data = KMeansReference.shared.cases[1].matrix
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let initial = KernelBuild.avx2
    defer { KernelBuild.avx2 = initial }
    KernelBuild.avx2 = true
    let wide = try encoder.encode(KMeans(k: 6, seed: 11).fit(data))
    KernelBuild.avx2 = false
    #expect(!KernelBuild.avx2)
    let baseline = try encoder.encode(KMeans(k: 6, seed: 11).fit(data))
    #expect(wide == baseline)
  }

  @Test("k-means++ hands Lloyd every row's nearest seed and squared distances to it and the second-nearest", arguments: [1, 2, 5])
  func seedingAssignment(k: Int) {
    var generator = Xoshiro256StarStar(seed: 3)
    let n = 1_001
    let values = (0..<(n * 2)).map { _ in generator.nextUnit() * 4 }
    let blocks = RowBlocks(Matrix(rows: n, columns: 2, rowMajor: values), blockSize: 128, centre: false)
    var seeds = Xoshiro256StarStar(seed: 4)
    let seeding = kMeansPlusPlus(blocks: blocks, k: k, generator: &seeds)
    #expect(seeding.found == k)
    for i in 0..<n {
      let d = (0..<k).map { j in
        (0..<2).reduce(0.0) { s, f in s + (values[i * 2 + f] - seeding.centres[j, f]) * (values[i * 2 + f] - seeding.centres[j, f]) }
      }
      let nearest = d.indices.min { d[$0] < d[$1] || (d[$0] == d[$1] && $0 < $1) }!
      #expect(seeding.nearest.labels[i] == Int32(nearest))
      #expect(seeding.nearest.closest[i] == d[nearest])
      #expect(seeding.nearest.second[i] == (d.indices.filter { $0 != nearest }.map { d[$0] }.min() ?? .infinity))
    }
  }

  @Test("k-means++ never picks a row equal to a chosen centre and stops at the distinct count")
  func seedingDistinct() {
    let data = Matrix(rows: 6, columns: 1, rowMajor: [3, 3, 3, 7, 7, 11])
    let blocks = RowBlocks(data, blockSize: 2, centre: false)
    var generator = Xoshiro256StarStar(seed: 9)
    let seeding = kMeansPlusPlus(blocks: blocks, k: 5, generator: &generator)
    #expect(seeding.found == 3)
    #expect(Set(seeding.centres.column(0)) == [3, 7, 11])
  }

  @Test("xoshiro256** with SplitMix64 seeding matches reference outputs; bounded and uniform draws stay in range")
  func generator() {
    // First outputs for seed 0 from an independent Python transcription of
    // the reference C code (state = four SplitMix64 outputs of the seed).
    var g = Xoshiro256StarStar(seed: 0)
    #expect(
      (0..<3).map { _ in g.next() }
        == [11_091_344_671_253_066_420, 13_793_997_310_169_335_082, 1_900_383_378_846_508_768])
    var bounded = Xoshiro256StarStar(seed: 1)
    let draws = (0..<10_000).map { _ in bounded.nextIndex(below: 7) }
    #expect(Set(draws) == Set(0..<7))
    var uniform = Xoshiro256StarStar(seed: 2)
    let u = (0..<10_000).map { _ in uniform.nextUnit() }
    #expect(u.allSatisfy { $0 >= 0 && $0 < 1 })
    assertApproximatelyEqual(u.reduce(0, +) / 10_000, 0.5, relativeTolerance: 0.02)
  }
}
