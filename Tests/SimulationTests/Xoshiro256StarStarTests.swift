import Foundation
import Simulation
import Testing
import TestSupport

@Suite struct Xoshiro256StarStarTests {
  @Test("matches the reference algorithm seeded through SplitMix64")
  func referenceStream() {
    // From an independent transcription of Blackman & Vigna's C code,
    // state filled by four SplitMix64 steps from 42.
    var rng = Xoshiro256StarStar(seed: 42)
    #expect(rng.next() == 0x1578_0B2E_0C2E_C716)
    #expect(rng.next() == 0x6104_D986_6D11_3A7E)
    #expect(rng.next() == 0xAE17_5332_39E4_99A1)
    var again = Xoshiro256StarStar(seed: 42)
    assertApproximatelyEqual(again.nextUnit(), 0.08386297105988216, relativeTolerance: 0)
  }

  @Test("same seed, same stream; nearby seeds, unrelated streams")
  func seeds() {
    var a = Xoshiro256StarStar(seed: 1)
    var b = Xoshiro256StarStar(seed: 1)
    var c = Xoshiro256StarStar(seed: 2)
    let first = (0..<100).map { _ in a.next() }
    #expect(first == (0..<100).map { _ in b.next() })
    let other = (0..<100).map { _ in c.next() }
    #expect(zip(first, other).allSatisfy { $0 != $1 })
  }

  @Test("uniforms stay in [0, 1) and (0, 1) with mean 1/2")
  func uniforms() {
    var rng = Xoshiro256StarStar(seed: 3)
    var total = 0.0
    for _ in 0..<100_000 {
      let u = rng.nextUnit()
      let v = rng.nextOpenUnit()
      #expect(u >= 0 && u < 1)
      #expect(v > 0 && v < 1)
      total += u
    }
    assertApproximatelyEqual(total / 100_000, 0.5, absoluteTolerance: 0.005)
  }

  @Test("samplers have the moments of their distributions")
  func moments() {
    var rng = Xoshiro256StarStar(seed: 11)
    let n = 200_000
    func meanAndVariance(_ draw: () -> Double) -> (Double, Double) {
      var sum = 0.0
      var squares = 0.0
      for _ in 0..<n {
        let x = draw()
        sum += x
        squares += x * x
      }
      let mean = sum / Double(n)
      return (mean, squares / Double(n) - mean * mean)
    }
    // Tolerances are about 5 standard errors at n = 200,000.
    var (m, v) = meanAndVariance { rng.nextExponential(mean: 2) }
    assertApproximatelyEqual(m, 2, absoluteTolerance: 0.025, "exponential mean")
    assertApproximatelyEqual(v, 4, relativeTolerance: 0.05, "exponential variance")
    (m, v) = meanAndVariance { rng.nextNormal(mean: 1, standardDeviation: 3) }
    assertApproximatelyEqual(m, 1, absoluteTolerance: 0.035, "normal mean")
    assertApproximatelyEqual(v, 9, relativeTolerance: 0.02, "normal variance")
    (m, v) = meanAndVariance { rng.nextGamma(shape: 3, scale: 1.0 / 3.0) }
    assertApproximatelyEqual(m, 1, absoluteTolerance: 0.007, "gamma(3) mean")
    assertApproximatelyEqual(v, 1.0 / 3.0, relativeTolerance: 0.03, "gamma(3) variance")
    (m, v) = meanAndVariance { rng.nextGamma(shape: 0.5, scale: 2) }
    assertApproximatelyEqual(m, 1, absoluteTolerance: 0.015, "gamma(0.5) mean")
    assertApproximatelyEqual(v, 2, relativeTolerance: 0.06, "gamma(0.5) variance")
    (m, v) = meanAndVariance { Double(rng.nextPoisson(mean: 0.4)) }
    assertApproximatelyEqual(m, 0.4, absoluteTolerance: 0.008, "Poisson(0.4) mean")
    assertApproximatelyEqual(v, 0.4, relativeTolerance: 0.03, "Poisson(0.4) variance")
    (m, v) = meanAndVariance { Double(rng.nextPoisson(mean: 55)) }
    assertApproximatelyEqual(m, 55, absoluteTolerance: 0.09, "Poisson(55) mean")
    assertApproximatelyEqual(v, 55, relativeTolerance: 0.03, "Poisson(55) variance")
    (m, _) = meanAndVariance { log(rng.nextLogNormal(mu: 5, sigma: 0.5)) }
    assertApproximatelyEqual(m, 5, absoluteTolerance: 0.006, "lognormal log-mean")
  }

  @Test("categorical draws follow the weights, never the zero-weight ones")
  func categorical() {
    var rng = Xoshiro256StarStar(seed: 5)
    var counts = [0, 0, 0, 0]
    for _ in 0..<100_000 { counts[rng.nextIndex(cumulative: [0.2, 0.2, 0.7, 1.0])] += 1 }
    #expect(counts[1] == 0)
    assertApproximatelyEqual(Double(counts[0]) / 100_000, 0.2, absoluteTolerance: 0.007)
    assertApproximatelyEqual(Double(counts[2]) / 100_000, 0.5, absoluteTolerance: 0.007)
  }
}
