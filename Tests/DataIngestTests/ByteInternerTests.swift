import Testing

@testable import DataIngest
import Randomness

@Suite struct ByteInternerTests {
  /// Keys of 0 to 20 bytes, NUL and high bytes included, some tagged, many
  /// repeated, some differing from another only in a trailing NUL or the tag.
  private static func keys(count: Int) -> [(bytes: [UInt8], tag: Int32)] {
    var random = SplitMix64(seed: 0x9E37_79B9_7F4A_7C15)
    func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &random) }
    var keys: [(bytes: [UInt8], tag: Int32)] = []
    while keys.count < count {
      if keys.count > 10 && next(3) == 0 {
        let earlier = keys[next(keys.count)]
        switch next(3) {
        case 0: keys.append(earlier)
        case 1: keys.append((earlier.bytes + [0], earlier.tag))
        default: keys.append((earlier.bytes, earlier.tag &+ 1))
        }
      } else {
        let length = next(21)
        let bytes = (0..<length).map { _ in UInt8(next(4) == 0 ? 0 : next(256)) }
        keys.append((bytes, next(4) == 0 ? Int32(next(1000)) : 0))
      }
    }
    return keys
  }

  @Test("codes follow first appearance of (bytes, tag), short keys and long, through growth")
  func codesByFirstAppearance() {
    let keys = Self.keys(count: 50_000)
    var expected: [String: Int32] = [:]
    var interner = ByteInterner(expectedCount: 8)
    for key in keys {
      let name = "\(key.tag):\(key.bytes)"
      let isNew = expected[name] == nil
      if isNew { expected[name] = Int32(expected.count) }
      let interned = key.bytes.withUnsafeBufferPointer { interner.intern($0, tag: key.tag) }
      #expect(interned.code == expected[name]! && interned.isNew == isNew)
    }
    #expect(interner.count == expected.count)
    for key in keys.prefix(2000) {
      #expect(key.bytes.withUnsafeBufferPointer { interner.find($0, tag: key.tag) } == expected["\(key.tag):\(key.bytes)"])
    }
    let absent: [UInt8] = Array("never interned".utf8)
    #expect(absent.withUnsafeBufferPointer { interner.find($0, tag: 0) } == nil)
  }

  @Test("appending one interner to another keeps both orders; strings come back by code")
  func appendAndStrings() {
    let ids = ["C0000001", "C0000002", "", "a-much-longer-customer-id-0001", "短"]
    var first = ByteInterner()
    var second = ByteInterner()
    for id in ids.prefix(2) { _ = Array(id.utf8).withUnsafeBufferPointer { first.intern($0) } }
    for id in ids.dropFirst(2) { _ = Array(id.utf8).withUnsafeBufferPointer { second.intern($0) } }
    first.append(second)
    #expect(first.strings() == ids)
    #expect(Array("短".utf8).withUnsafeBufferPointer { first.find($0) } == 4)
  }

  /// Two keys of `length` bytes whose hashes share their top 24 bits, the
  /// bits a slot keeps: found by trying numbered ids (a few thousand tries).
  private static func keysSharingSlotBits(length: Int) -> ([UInt8], [UInt8]) {
    var seen: [UInt64: [UInt8]] = [:]
    var i = 0
    while true {
      let digits = String(i)
      let key = Array((String(repeating: "K", count: max(0, length - digits.count)) + digits).utf8)
      let bits = key.withUnsafeBufferPointer { ByteInterner.hash($0, tag: 0) } >> 40
      if let other = seen[bits] { return (other, key) }
      seen[bits] = key
      i += 1
    }
  }

  @Test("keys whose slots look alike are told apart by their bytes", arguments: [8, 20])
  func slotBitCollision(length: Int) {
    let (a, b) = Self.keysSharingSlotBits(length: length)
    #expect(a != b)
    var interner = ByteInterner()
    #expect(a.withUnsafeBufferPointer { interner.intern($0) } == (0, true))
    #expect(b.withUnsafeBufferPointer { interner.intern($0) } == (1, true))
    #expect(a.withUnsafeBufferPointer { interner.find($0) } == 0)
    #expect(b.withUnsafeBufferPointer { interner.find($0) } == 1)
  }
}
