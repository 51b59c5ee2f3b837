/// A small, fast, seedable pseudo-random generator (xoshiro256**), so every
/// randomized step of a model draws the same numbers for the same seed on
/// every machine, run and Swift version.
///
/// ```
/// output = rotl(s₁ · 5, 7) · 9
/// t = s₁ << 17;  s₂ ^= s₀;  s₃ ^= s₁;  s₁ ^= s₂;  s₀ ^= s₃;  s₂ ^= t;  s₃ = rotl(s₃, 45)
/// ```
///
/// The 256-bit state is filled from the 64-bit seed by SplitMix64, as the
/// authors recommend, so nearby seeds give unrelated streams. The standard
/// library's `Int.random(in:using:)` is not used for bounded draws because
/// its algorithm is not promised to stay the same across releases; see
/// ``nextIndex(below:)`` and ``nextUniform()``.
/// Reference: Blackman & Vigna, "Scrambled linear pseudorandom number
/// generators", ACM TOMS 47(4), 2021; Steele, Lea & Flood, "Fast splittable
/// pseudorandom number generators" (SplitMix64), OOPSLA 2014.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
  private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

  /// Creates a generator whose state is four SplitMix64 outputs of `seed`.
  ///
  /// - Parameter seed: any 64-bit value (0 included).
  /// - Complexity: O(1).
  public init(seed: UInt64) {
    var splitMix = SplitMix64Stream(seed: seed)
    s0 = splitMix.next()
    s1 = splitMix.next()
    s2 = splitMix.next()
    s3 = splitMix.next()
  }

  /// Returns the next 64 random bits.
  ///
  /// - Complexity: O(1).
  public mutating func next() -> UInt64 {
    let result = rotateLeft(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, 45)
    return result
  }

  /// Returns a uniform double in `[0, 1)` with 53 random bits.
  ///
  /// ```
  /// u = (next() >> 11) · 2⁻⁵³
  /// ```
  ///
  /// - Complexity: O(1).
  public mutating func nextUniform() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// Returns a uniform integer in `0..<bound` without modulo bias
  /// (Lemire's multiply-and-reject method).
  ///
  /// ```
  /// m = next() · bound (128-bit);  reject while low64(m) < (2⁶⁴ − bound) mod bound;  return high64(m)
  /// ```
  ///
  /// - Parameter bound: the exclusive upper limit, `> 0`.
  /// - Returns: an integer in `0..<bound`.
  /// - Complexity: O(1) expected.
  /// Reference: Lemire, "Fast random integer generation in an interval",
  /// ACM TOMACS 29(1), 2019.
  public mutating func nextIndex(below bound: Int) -> Int {
    precondition(bound > 0, "nextIndex(below:) needs a positive bound, got \(bound)")
    let b = UInt64(bound)
    var m = next().multipliedFullWidth(by: b)
    if m.low < b {
      let threshold = (0 &- b) % b
      while m.low < threshold { m = next().multipliedFullWidth(by: b) }
    }
    return Int(m.high)
  }

  func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

/// The SplitMix64 sequence: used to seed ``Xoshiro256StarStar`` and to derive
/// independent per-restart seeds from one user seed.
///
/// ```
/// state += 0x9E3779B97F4A7C15
/// z = (state ^ (state >> 30)) · 0xBF58476D1CE4E5B9
/// z = (z ^ (z >> 27)) · 0x94D049BB133111EB
/// output = z ^ (z >> 31)
/// ```
///
/// Reference: Steele, Lea & Flood (2014).
struct SplitMix64Stream: Sendable {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
