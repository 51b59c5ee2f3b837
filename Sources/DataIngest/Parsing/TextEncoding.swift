/// The character encodings read.
public enum TextEncoding: String, Sendable, Equatable, Codable, CaseIterable {
  /// UTF-8, with or without a byte-order mark.
  case utf8 = "utf-8"
  /// GB18030 (a superset of GBK and GB2312): what Excel in China saves.
  case gb18030 = "gb18030"
}
