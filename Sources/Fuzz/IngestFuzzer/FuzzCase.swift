import DataIngest

/// What one fuzz input asks for: options from its first two bytes, and the
/// payload after them.
///
/// - Byte 0: bits 0–2 the delimiter (detected, `,`, `;`, tab, `|`,
///   whitespace, detected, detected); bits 3–4 the encoding (detected,
///   UTF-8, GB18030, detected); bits 5–6 the date order (auto, ymd, dmy,
///   mdy); bit 7 set to read the payload as a file too.
/// - Byte 1: bits 0–5 the small chunk size (16 + n mod 49, so 16…64 bytes);
///   bit 6 set to load the file as the customers table as well, bit 7 as
///   the events table as well.
///
/// Seeds keep this layout, so the fuzzer mutates the options along with the
/// text.
struct FuzzCase {
  let payload: UnsafeBufferPointer<UInt8>
  let delimiter: Delimiter?
  let encoding: TextEncoding?
  let dateOrder: DateOrder
  let readsFile: Bool
  /// The reader's chunk size in the small-chunk runs, where records are
  /// most often cut by a chunk boundary.
  let smallChunkSize: Int
  let loadsCustomers: Bool
  let loadsEvents: Bool

  /// The reader's default chunk, which holds any input the fuzzer makes.
  static let largeChunkSize = 1 << 22

  init?(_ data: UnsafeBufferPointer<UInt8>) {
    guard data.count >= 2 else { return nil }
    let options = Int(data[0])
    let sizes = Int(data[1])
    delimiter = [nil, .comma, .semicolon, .tab, .pipe, .whitespace, nil, nil][options & 7]
    encoding = [nil, .utf8, .gb18030, nil][options >> 3 & 3]
    dateOrder = [.auto, .ymd, .dmy, .mdy][options >> 5 & 3]
    readsFile = options & 0x80 != 0
    smallChunkSize = 16 + (sizes & 0x3F) % 49
    loadsCustomers = sizes & 0x40 != 0
    loadsEvents = sizes & 0x80 != 0
    payload = UnsafeBufferPointer(rebasing: data[2...])
  }

  /// Bytes per piece when the GB18030 decoder is fed piece by piece: 1…8,
  /// so that pieces end inside multibyte sequences.
  var pieceSize: Int { 1 + smallChunkSize % 8 }

  /// The number of lines in the payload (LF, CR and CRLF each end one),
  /// which no line number reported for it may exceed.
  var lineCount: Int {
    var breaks = 0
    for (index, byte) in payload.enumerated() {
      if byte == 0x0A {
        breaks += 1
      } else if byte == 0x0D, index + 1 == payload.count || payload[index + 1] != 0x0A {
        breaks += 1
      }
    }
    return breaks + 1
  }
}
