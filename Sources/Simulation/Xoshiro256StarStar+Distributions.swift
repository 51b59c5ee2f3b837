#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Randomness

/// Samplers for the distributions the simulation draws from, written on top
/// of the raw 64-bit stream so every draw is reproducible from the seed.
extension Xoshiro256StarStar {
  /// A uniform double in (0, 1): `((x >> 11) + ½) · 2⁻⁵³`, safe to take the
  /// logarithm of.
  @inlinable @inline(__always)
  public mutating func nextOpenUnit() -> Double {
    (Double(next() >> 11) + 0.5) * 0x1p-53
  }

  /// `true` with probability `p`.
  @inlinable @inline(__always)
  public mutating func nextBernoulli(_ p: Double) -> Bool {
    nextUnit() < p
  }

  /// An exponential variate with the given mean, by inversion:
  /// `−mean · ln U`, U uniform on (0, 1).
  @inlinable @inline(__always)
  public mutating func nextExponential(mean: Double) -> Double {
    -mean * log(nextOpenUnit())
  }

  /// A normal variate by Marsaglia's polar method.
  ///
  /// ```
  /// repeat u, v ~ U(−1, 1), s = u² + v²  until 0 < s < 1
  /// z = u · √(−2 ln s / s)
  /// ```
  ///
  /// The second variate of each pair is dropped so the generator stays a
  /// plain value with no hidden cache.
  ///
  /// Marsaglia, G. and Bray, T. A. (1964), "A convenient method for
  /// generating normal variables", SIAM Review 6(3), 260–264.
  public mutating func nextNormal(mean: Double = 0, standardDeviation: Double = 1) -> Double {
    while true {
      let u = 2 * nextUnit() - 1
      let v = 2 * nextUnit() - 1
      let s = u * u + v * v
      if s > 0 && s < 1 {
        return mean + standardDeviation * u * (-2 * log(s) / s).squareRoot()
      }
    }
  }

  /// A lognormal variate: `exp(μ + σ Z)`, Z standard normal; its median is
  /// `exp(μ)` and its mean `exp(μ + σ²/2)`.
  public mutating func nextLogNormal(mu: Double, sigma: Double) -> Double {
    exp(mu + sigma * nextNormal())
  }

  /// A gamma variate with the given shape k > 0 and scale θ (mean kθ).
  ///
  /// Marsaglia–Tsang squeeze for k ≥ 1; for k < 1 the boost
  /// `Gamma(k) = Gamma(k + 1) · U^(1/k)`.
  ///
  /// ```
  /// d = k − 1/3,  c = 1/√(9d)
  /// repeat z ~ N(0,1), v = (1 + cz)³ until v > 0 and
  ///        ln U < z²/2 + d − dv + d ln v
  /// return d · v · θ
  /// ```
  ///
  /// Marsaglia, G. and Tsang, W. W. (2000), "A simple method for generating
  /// gamma variables", ACM Transactions on Mathematical Software 26(3), 363–372.
  ///
  /// - Precondition: `shape > 0`, `scale > 0`.
  public mutating func nextGamma(shape: Double, scale: Double) -> Double {
    precondition(shape > 0 && scale > 0, "gamma needs a positive shape and scale")
    if shape < 1 {
      let boost = pow(nextOpenUnit(), 1 / shape)
      return nextGamma(shape: shape + 1, scale: scale) * boost
    }
    let d = shape - 1.0 / 3.0
    let c = 1 / (9 * d).squareRoot()
    while true {
      let z = nextNormal()
      let t = 1 + c * z
      guard t > 0 else { continue }
      let v = t * t * t
      let u = nextOpenUnit()
      if u < 1 - 0.0331 * z * z * z * z { return d * v * scale }
      if log(u) < 0.5 * z * z + d * (1 - v + log(v)) { return d * v * scale }
    }
  }

  /// A Poisson variate with the given mean ≥ 0.
  ///
  /// Means below 10 use Knuth's multiplication of uniforms (expected
  /// mean + 1 draws); larger means use Hörmann's PTRS transformed rejection
  /// (about 1.2 draws whatever the mean).
  ///
  /// Knuth, D. E., The Art of Computer Programming vol. 2, 3.4.1;
  /// Hörmann, W. (1993), "The transformed rejection method for generating
  /// Poisson random variables", Insurance: Mathematics and Economics 12, 39–45.
  ///
  /// - Precondition: `mean >= 0` and finite.
  public mutating func nextPoisson(mean: Double) -> Int {
    precondition(mean >= 0 && mean.isFinite, "Poisson needs a finite mean >= 0")
    if mean == 0 { return 0 }
    if mean < 10 {
      let limit = exp(-mean)
      var product = nextUnit()
      var count = 0
      while product > limit {
        product *= nextUnit()
        count += 1
      }
      return count
    }
    let rootMean = mean.squareRoot()
    let logMean = log(mean)
    let b = 0.931 + 2.53 * rootMean
    let a = -0.059 + 0.02483 * b
    let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
    let vr = 0.9277 - 3.6224 / (b - 2)
    while true {
      let u = nextUnit() - 0.5
      let v = nextUnit()
      let us = 0.5 - abs(u)
      let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
      if us >= 0.07 && v <= vr { return Int(k) }
      if k < 0 || (us < 0.013 && v > us) { continue }
      if log(v) + log(inverseAlpha) - log(a / (us * us) + b) <= -mean + k * logMean - lgamma(k + 1) {
        return Int(k)
      }
    }
  }

  /// An index drawn with probabilities proportional to the gaps of
  /// `cumulative`, a non-decreasing list of cumulative weights whose last
  /// element is the total.
  ///
  /// - Precondition: `cumulative` is not empty and its last element is > 0.
  @inlinable
  public mutating func nextIndex(cumulative: [Double]) -> Int {
    let target = nextUnit() * cumulative[cumulative.count - 1]
    var index = 0
    while index < cumulative.count - 1 && cumulative[index] <= target { index += 1 }
    return index
  }
}
