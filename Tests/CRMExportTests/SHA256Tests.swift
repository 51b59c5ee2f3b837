import Testing

@testable import CRMExport

/// The examples of FIPS 180-4 (NIST's "SHA256.pdf" worked examples) and
/// the long-message vector of FIPS 180-2 Appendix B.3.
@Suite struct SHA256Tests {
  @Test("one-block message \"abc\"")
  func abc() {
    #expect(SHA256.hash("abc".utf8).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test("two-block message of 448 bits")
  func twoBlocks() {
    let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
    #expect(
      SHA256.hash(message.utf8).hex == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test("the empty message")
  func empty() {
    #expect(SHA256.hash([UInt8]()).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }

  @Test("one million times \"a\", fed in uneven pieces, by the portable code and the SHA extensions", arguments: [false, true])
  func million(extensions: Bool) {
    var hasher = SHA256()
    hasher.usesExtensions = extensions && SHA256.accelerated
    var fed = 0
    var piece = 1
    while fed < 1_000_000 {
      let n = min(piece, 1_000_000 - fed)
      hasher.update(repeatElement(UInt8(ascii: "a"), count: n))
      fed += n
      piece = piece * 3 % 1000 + 1
    }
    #expect(hasher.finalize().hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test("the portable code and the SHA extensions agree on messages of every length up to 300 bytes")
  func bothPaths() {
    var bytes: [UInt8] = []
    for length in 0...300 {
      var portable = SHA256()
      portable.usesExtensions = false
      portable.update(bytes)
      #expect(portable.finalize() == SHA256.hash(bytes), "length \(length)")
      bytes.append(UInt8(truncatingIfNeeded: length &* 131 &+ 7))
    }
  }

  @Test("messages of 55, 56 and 64 bytes pad into one or two blocks correctly")
  func paddingEdges() {
    // Python: hashlib.sha256(b'a' * n).hexdigest()
    #expect(
      SHA256.hash(repeatElement(UInt8(ascii: "a"), count: 55)).hex
        == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
    #expect(
      SHA256.hash(repeatElement(UInt8(ascii: "a"), count: 56)).hex
        == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
    #expect(
      SHA256.hash(repeatElement(UInt8(ascii: "a"), count: 64)).hex
        == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
  }
}
