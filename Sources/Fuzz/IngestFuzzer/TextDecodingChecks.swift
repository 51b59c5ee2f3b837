import DataIngest

/// Invariants of UTF-8 validation, encoding detection and the GB18030
/// decoder on arbitrary bytes.
enum TextDecodingChecks {
  static func check(_ bytes: UnsafeBufferPointer<UInt8>, pieceSize: Int) {
    checkUTF8Validation(bytes)
    checkGB18030(bytes, pieceSize: pieceSize)
  }

  // MARK: - UTF-8

  /// Compares ``UTF8Validation`` with the standard library's UTF-8 decoder.
  private static func checkUTF8Validation(_ bytes: UnsafeBufferPointer<UInt8>) {
    // The first eight start offsets, so the eight-bytes-at-a-time loop meets every alignment.
    for start in 0..<min(8, bytes.count + 1) {
      let slice = UnsafeBufferPointer(rebasing: bytes[start...])
      let (valid, isTruncated) = UTF8Validation.validPrefixLength(UnsafeRawBufferPointer(slice))
      let expected = validPrefixLength(slice)
      precondition(valid == expected, "UTF8Validation: valid prefix \(valid), expected \(expected)")
      let rest = Array(slice[valid...])
      precondition(
        isTruncated == (!rest.isEmpty && beginsScalar(rest)),
        "UTF8Validation: isTruncated is \(isTruncated) for the tail \(rest)")
      let detected = EncodingDetector.detect(UnsafeRawBufferPointer(slice))
      precondition(
        detected == (valid == slice.count || isTruncated ? .utf8 : .gb18030),
        "EncodingDetector: \(detected) for a valid prefix of \(valid) of \(slice.count) bytes")
    }
  }

  /// The length of the longest prefix of whole scalars, by the standard library.
  private static func validPrefixLength(_ bytes: some Collection<UInt8>) -> Int {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var length = 0
    while case .scalarValue(let scalar) = decoder.decode(&iterator) {
      length += UTF8.width(scalar)
    }
    return length
  }

  /// Whether `bytes` is a proper prefix of one well-formed scalar: some
  /// completion of it decodes. One of 0x80, 0x90 and 0xA0 lies in every
  /// range a continuation byte may take (Unicode Table 3-7), so completions
  /// made of those three bytes are enough to try.
  private static func beginsScalar(_ bytes: [UInt8]) -> Bool {
    guard bytes.count < 4 else { return false }
    let fills: [UInt8] = [0x80, 0x90, 0xA0]
    for length in (bytes.count + 1)...4 {
      var completions = [bytes]
      for _ in bytes.count..<length {
        completions = completions.flatMap { prefix in fills.map { prefix + [$0] } }
      }
      for candidate in completions where validPrefixLength(candidate) == length {
        return true
      }
    }
    return false
  }

  // MARK: - GB18030

  /// Decodes the bytes whole and in pieces with carry-over, as the CSV
  /// reader does between chunks: both must give the same text, or fail at
  /// the same byte with the same text before it.
  private static func checkGB18030(_ bytes: UnsafeBufferPointer<UInt8>, pieceSize: Int) {
    var whole = makeDecoder()
    var expected: [UInt8] = []
    var used = 0
    let expectedFailure = decode(&whole, UnsafeRawBufferPointer(bytes), isFinal: true, into: &expected, used: &used)
    if let offset = expectedFailure {
      precondition(offset < bytes.count, "GB18030Decoder: failure offset \(offset) past the input")
      // The decoder resets itself after a failure, ready for the next input.
      var ascii: [UInt8] = []
      let again = [UInt8(ascii: "a")].withUnsafeBytes { decode(&whole, $0, isFinal: true, into: &ascii, used: &used) }
      precondition(again == nil && ascii == [UInt8(ascii: "a")], "GB18030Decoder: not usable after a failure")
    } else {
      precondition(used == bytes.count, "GB18030Decoder: final input only partly used")
      precondition(
        expected.withUnsafeBytes { UTF8Validation.validPrefixLength($0).valid } == expected.count,
        "GB18030Decoder: output is not UTF-8")
      if bytes.allSatisfy({ $0 < 0x80 }) {
        precondition(expected.elementsEqual(bytes), "GB18030Decoder: ASCII does not decode to itself")
      }
    }

    var pieces = makeDecoder()
    var output: [UInt8] = []
    var carry: [UInt8] = []
    var carryStart = 0
    var failure: Int? = nil
    var start = 0
    repeat {
      let end = min(bytes.count, start + pieceSize)
      carry += bytes[start..<end]
      let isFinal = end == bytes.count
      if let offset = carry.withUnsafeBytes({
        decode(&pieces, $0, isFinal: isFinal, into: &output, used: &used)
      }) {
        failure = carryStart + offset
        break
      }
      carry.removeFirst(used)
      carryStart += used
      precondition(isFinal ? carry.isEmpty : carry.count < 4, "GB18030Decoder: carried \(carry.count) bytes")
      start = end
    } while start < bytes.count
    precondition(
      failure == expectedFailure,
      "GB18030Decoder: fails at \(String(describing: failure)) in pieces of \(pieceSize), "
        + "at \(String(describing: expectedFailure)) whole")
    precondition(output == expected, "GB18030Decoder: pieces of \(pieceSize) decode differently")
  }

  private static func makeDecoder() -> GB18030Decoder {
    do { return try GB18030Decoder() } catch { preconditionFailure("GB18030Decoder: \(error)") }
  }

  /// Decodes `input`; the offset of the first invalid byte on failure.
  private static func decode(
    _ decoder: inout GB18030Decoder, _ input: UnsafeRawBufferPointer, isFinal: Bool,
    into output: inout [UInt8], used: inout Int
  ) -> Int? {
    do {
      used = try decoder.decode(input, isFinal: isFinal, into: &output)
      return nil
    } catch {
      guard case .invalidByteSequence(let offset) = error else {
        preconditionFailure("GB18030Decoder: \(error)")
      }
      return offset
    }
  }
}
