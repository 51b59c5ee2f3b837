import DataIngest

/// Per-category purchase counts, as fields named `category_<name>` (such
/// as `category_数码`): the purchases before T (orders with amount > 0)
/// with at least one row of that category.
///
/// They are not part of ``CustomerFeatures``: a shop may have hundreds of
/// categories, so a column is built only for the categories asked for
/// (by the tag rules that name them).
public enum CategoryPurchases {
  /// The prefix of the field names.
  public static let prefix = "category_"

  /// `category_<name>` for every category of the transactions.
  public static func fieldNames(_ history: PurchaseHistory) -> [String] {
    (history.transactions.category?.levels ?? []).map { prefix + $0 }
  }

  /// Appends to `table` a `category_<name>` column for each of `names` that
  /// is such a field and not already a column; other names are left alone.
  ///
  /// - Parameter features: the features `table` was made from (its rows and T).
  public static func append(
    to table: inout FeatureTable, names: some Sequence<String>, history: PurchaseHistory, features: CustomerFeatures
  ) {
    guard let category = history.transactions.category else { return }
    let existing = Set(table.columns.map(\.name))
    let wanted = Set(names).filter { $0.hasPrefix(prefix) && !existing.contains($0) }
    let codes = category.levels.indices.filter { wanted.contains(prefix + category.levels[$0]) }
    guard !codes.isEmpty else { return }
    let tx = history.transactions
    let orders = OrderTable(tx, days: Int32.min..<features.asOf)
    for code in codes {
      var counts = [Double](repeating: 0, count: history.customerIDs.count)
      var counted = [Bool](repeating: false, count: orders.count)
      for row in 0..<tx.count where category.codes[row] == Int32(code) {
        let o = Int(orders.orderOfRow[row])
        guard o >= 0, !counted[o], orders.amount[o] > 0 else { continue }
        counted[o] = true
        counts[Int(tx.customer[row])] += 1
      }
      table.append(.number(prefix + category.levels[code], features.customer.map { counts[Int($0)] }))
    }
  }
}
