/// Which number comes first in a date such as `07/03/2025`.
///
/// Year-first dates (`2025-03-07`, `2025/3/7`, `2025年3月7日`, `20250307`)
/// are unambiguous and read under every order except that ``ymd`` accepts
/// nothing else.
public enum DateOrder: String, Sendable, CaseIterable, Codable {
  /// Year-first dates, plus day-first or month-first ones only when the
  /// reading is unambiguous (see ``DateParser``).
  case auto
  /// Year-first dates only.
  case ymd
  /// Day-first dates (`07/03/2025` is 7 March), as in Europe and most CRMs
  /// outside North America; year-first dates are read too.
  case dmy
  /// Month-first dates (`07/03/2025` is 3 July), as in US exports;
  /// year-first dates are read too.
  case mdy
}
