/// Guesses the encoding of a CSV export from a sample of its first bytes.
public enum EncodingDetector {
  /// ``TextEncoding/utf8`` when `sample` is well-formed UTF-8 (a sequence
  /// cut off at the end of the sample does not count against it), else
  /// ``TextEncoding/gb18030``.
  ///
  /// The only two encodings read are UTF-8 and GB18030, and Chinese text in
  /// GB18030 is practically never valid UTF-8: its lead bytes 0x81–0xFE are
  /// mostly followed by bytes that UTF-8 forbids there. Pure ASCII is
  /// reported as UTF-8, which reads it identically. Pass a sample large
  /// enough to reach non-ASCII text (e.g. the first 64 KiB).
  public static func detect(_ sample: UnsafeRawBufferPointer) -> TextEncoding {
    let (valid, isTruncated) = UTF8Validation.validPrefixLength(sample)
    return valid == sample.count || isTruncated ? .utf8 : .gb18030
  }
}
