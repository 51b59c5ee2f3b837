import Randomness

/// Seeds for independent random streams derived from one user seed.
///
/// Each customer gets its own generator, seeded from the run's seed and the
/// customer's index. A customer's data therefore depends only on
/// (seed, index, parameters), never on how customers are split into blocks
/// or threads, so the output is the same on 1 core or 64.
enum SeedSequence {
  /// One step of SplitMix64: advances `state` and returns a well-mixed 64-bit value.
  @inline(__always)
  static func splitMix64(_ state: inout UInt64) -> UInt64 {
    var sequence = SplitMix64(seed: state)
    defer { state = sequence.state }
    return sequence.next()
  }

  /// The seed of stream `index` of kind `stream` under the run's `seed`.
  ///
  /// The run seed is mixed once before the index is added, so (seed, index)
  /// pairs do not alias the way `seed + index` would (seed 1 index 0 vs
  /// seed 0 index 1).
  static func substream(seed: UInt64, stream: UInt64, index: Int) -> UInt64 {
    var base = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
    let mixedSeed = splitMix64(&base)
    var state = mixedSeed &+ UInt64(truncatingIfNeeded: index) &* 0xA24B_AED4_963E_E407
    return splitMix64(&state)
  }
}
