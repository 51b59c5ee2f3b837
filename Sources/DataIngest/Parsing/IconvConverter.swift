#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One direction of the C library's iconv, chunk by chunk: what
/// ``GB18030Decoder`` and ``GB18030Encoder`` share.
///
/// Non-copyable, so the iconv handle has exactly one owner and is closed once.
struct IconvConverter: ~Copyable {
  private let handle: iconv_t
  /// The most output bytes one input byte can become, to size the output room.
  private let growth: Int

  /// - Throws: ``TextDecodingError/unsupportedEncoding(_:)`` naming
  ///   `encodingName` when iconv has no such converter.
  init(from source: String, to target: String, growth: Int, encodingName: String) throws(TextDecodingError) {
    let opened = iconv_open(target, source)
    // iconv_open reports failure as (iconv_t)-1, not NULL.
    guard let opened, Int(bitPattern: opened) != -1 else {
      throw .unsupportedEncoding(encodingName)
    }
    handle = opened
    self.growth = growth
  }

  deinit {
    iconv_close(handle)
  }

  /// Why ``convert(_:isFinal:into:)`` stopped early.
  enum Failure: Error, Equatable {
    /// The input byte at `offset` starts a sequence the converter cannot take.
    case invalidInput(offset: Int)
  }

  /// Appends the converted form of `input` to `output`.
  ///
  /// - Returns: how many bytes of `input` were consumed: less than
  ///   `input.count` only when a non-final chunk ends inside a multibyte
  ///   sequence, which the caller carries over to the next chunk.
  /// - Throws: ``Failure/invalidInput(offset:)``; output for the bytes
  ///   before it has been appended, and the converter is reset for reuse.
  mutating func convert(
    _ input: UnsafeRawBufferPointer, isFinal: Bool, into output: inout [UInt8]
  ) throws(Failure) -> Int {
    guard let inputBase = input.baseAddress, input.count > 0 else { return 0 }
    let handle = self.handle
    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(
      mutating: inputBase.assumingMemoryBound(to: CChar.self))
    var inLeft = input.count
    while inLeft > 0 {
      // Room for the whole rest in one call, almost always.
      let room = inLeft * growth + 16
      let start = output.count
      output.append(contentsOf: repeatElement(0, count: room))
      var result = 0
      var failure: Int32 = 0
      var produced = 0
      output.withUnsafeMutableBufferPointer { buffer in
        guard let outputBase = buffer.baseAddress else { return }
        let outStart = UnsafeMutableRawPointer(outputBase + start).assumingMemoryBound(
          to: CChar.self)
        var outPointer: UnsafeMutablePointer<CChar>? = outStart
        var outLeft = room
        result = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
        if result == -1 { failure = errno }
        produced = room - outLeft
      }
      output.removeLast(room - produced)
      guard result == -1 else { continue }
      let consumed = input.count - inLeft
      switch failure {
      case E2BIG:
        continue
      case EINVAL where !isFinal:
        return consumed
      default:
        // Reset the conversion state so the converter can be used again.
        iconv(handle, nil, nil, nil, nil)
        throw .invalidInput(offset: consumed)
      }
    }
    return input.count
  }
}
