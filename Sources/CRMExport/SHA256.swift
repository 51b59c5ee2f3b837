import CSHA256

/// SHA-256 (FIPS 180-4), for the checksums in export manifests.
///
/// Foundation on Linux has no CryptoKit, and one digest of a file an analyst
/// attaches to an import ticket does not justify a cryptography package.
///
/// ```swift
/// var hash = SHA256()
/// hash.update(header)
/// hash.update(rows)
/// print(hash.finalize().hex)
/// ```
public struct SHA256: Sendable {
  private var state: [UInt32] = [
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
  ]
  private var pending: [UInt8] = []
  private var length: UInt64 = 0

  public init() {}

  /// The digest of `bytes` in one call.
  public static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Digest {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// Feeds more bytes.
  public mutating func update<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
    let done: Void? = bytes.withContiguousStorageIfAvailable { update(buffer: $0) }
    if done == nil { Array(bytes).withUnsafeBufferPointer { update(buffer: $0) } }
  }

  private mutating func update(buffer: UnsafeBufferPointer<UInt8>) {
    length &+= UInt64(buffer.count)
    var rest = buffer[...]
    if !pending.isEmpty {
      let take = min(64 - pending.count, rest.count)
      pending += rest.prefix(take)
      rest = rest.dropFirst(take)
      guard pending.count == 64 else { return }
      pending.withUnsafeBufferPointer { compress(UnsafeBufferPointer(rebasing: $0[...])) }
      pending.removeAll(keepingCapacity: true)
    }
    let whole = rest.count / 64 * 64
    if whole > 0 {
      compress(UnsafeBufferPointer(rebasing: rest.prefix(whole)))
      rest = rest.dropFirst(whole)
    }
    pending += rest
  }

  /// The digest of everything fed so far.
  public func finalize() -> Digest {
    var copy = self
    let bitLength = length &* 8
    var tail = pending + [0x80]
    tail += repeatElement(0, count: (tail.count <= 56 ? 56 : 120) - tail.count)
    for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> shift)) }
    tail.withUnsafeBufferPointer { blocks in
      copy.compress(blocks)
    }
    return Digest(bytes: copy.state.flatMap { word in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> $0) } })
  }

  /// A 32-byte digest.
  public struct Digest: Sendable, Equatable {
    public let bytes: [UInt8]

    /// Lower-case hexadecimal, as `sha256sum` prints it.
    public var hex: String {
      let digits = Array("0123456789abcdef".utf8)
      var out: [UInt8] = []
      for byte in bytes { out += [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]] }
      return String(decoding: out, as: UTF8.self)
    }
  }

  private static let k: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
  ]

  /// Whether the processor has the SHA extensions (CSHA256).
  static let accelerated = analyze_sha256_accelerated() == 1
  /// Whether they do the blocks of this hash (tests check the portable code too).
  var usesExtensions = SHA256.accelerated

  /// Whole 64-byte blocks into the state (FIPS 180-4 §6.2.2), by the
  /// processor's SHA extensions where it has them, else here. The state
  /// and message schedule live in locals and a 16-word ring on the stack:
  /// hashing the inputs of a run (hundreds of megabytes) is then a second,
  /// not several.
  private mutating func compress(_ blocks: UnsafeBufferPointer<UInt8>) {
    if usesExtensions {
      state.withUnsafeMutableBufferPointer { analyze_sha256_blocks($0.baseAddress!, blocks.baseAddress!, blocks.count / 64) }
      return
    }
    var (a0, b0, c0, d0, e0, f0, g0, h0) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
    Self.k.withUnsafeBufferPointer { k in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { w in
        var offset = 0
        while offset + 64 <= blocks.count {
          for t in 0..<16 {
            let i = offset + 4 * t
            w[t] = UInt32(blocks[i]) << 24 | UInt32(blocks[i + 1]) << 16 | UInt32(blocks[i + 2]) << 8 | UInt32(blocks[i + 3])
          }
          var (a, b, c, d, e, f, g, h) = (a0, b0, c0, d0, e0, f0, g0, h0)
          for t in 0..<64 {
            let word: UInt32
            if t < 16 {
              word = w[t]
            } else {
              // w[t] from w[t-16], w[t-15], w[t-7], w[t-2], kept in a ring of 16.
              let w15 = w[(t - 15) & 15]
              let w2 = w[(t - 2) & 15]
              let s0 = rotate(w15, 7) ^ rotate(w15, 18) ^ (w15 >> 3)
              let s1 = rotate(w2, 17) ^ rotate(w2, 19) ^ (w2 >> 10)
              word = w[t & 15] &+ s0 &+ w[(t - 7) & 15] &+ s1
              w[t & 15] = word
            }
            let t1 = h &+ (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) &+ ((e & f) ^ (~e & g)) &+ k[t] &+ word
            let t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
            (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
          }
          (a0, b0, c0, d0, e0, f0, g0, h0) = (a0 &+ a, b0 &+ b, c0 &+ c, d0 &+ d, e0 &+ e, f0 &+ f, g0 &+ g, h0 &+ h)
          offset += 64
        }
      }
    }
    state = [a0, b0, c0, d0, e0, f0, g0, h0]
  }
}

@inline(__always) private func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
