/// The SplitMix64 sequence (Steele, Lea & Flood 2014): seeds
/// ``Xoshiro256StarStar`` and derives independent seeds from one user seed.
///
/// ```
/// state += 0x9E3779B97F4A7C15
/// z = (state ^ (state >> 30)) · 0xBF58476D1CE4E5B9
/// z = (z ^ (z >> 27)) · 0x94D049BB133111EB
/// output = z ^ (z >> 31)
/// ```
///
/// Guy L. Steele, Doug Lea and Christine H. Flood (2014), "Fast splittable
/// pseudorandom number generators", OOPSLA.
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
  /// The counter; the next output mixes `state + 0x9E3779B97F4A7C15`.
  public var state: UInt64

  public init(seed: UInt64) { state = seed }

  @inlinable @inline(__always)
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
