/// Maps the column headers of real exports to the canonical column names of
/// the data contract (`客户ID`, `Customer Id`, `下单时间`… → `customer_id`,
/// `order_date`…).
///
/// Headers and aliases are compared after ``normalize(_:)``, so case,
/// spaces, underscores, hyphens, full-width letters and a trailing unit such
/// as `（元）` do not matter. Within one table every normalised alias names
/// one column; across tables the same header may mean different columns
/// (`日期` is `order_date` in transactions and `event_date` in events).
///
/// Several headers of one file can map to the same column (a Taobao export
/// has both `订单创建时间` and `订单付款时间`); ``aliases(for:in:)`` lists a
/// column's aliases in order of preference so a loader can pick the first
/// one present.
///
/// Deliberately not mapped, because they name something else: unit prices
/// (`price`, `单价`), amounts due rather than paid (`应付金额`, `买家应付货款`),
/// nicknames (`买家昵称`), e-mail addresses, `宝贝种类` (a count of item
/// kinds, not a category), `state` (not a Chinese province) and `subtotal`.
/// A configuration can still map any of them explicitly.
public enum ColumnAliases {
  /// The canonical columns of `table`, in data-contract order.
  public static func canonicalColumns(of table: TableKind) -> [String] {
    aliasTable(table).map(\.canonical)
  }

  /// The columns `table` cannot be loaded without.
  public static func requiredColumns(of table: TableKind) -> [String] {
    switch table {
    case .transactions: ["customer_id", "order_date", "amount"]
    case .customers: ["customer_id"]
    case .events: ["customer_id", "event_date", "event_type"]
    }
  }

  /// The built-in header spellings of `canonical` in `table`, most preferred
  /// first, starting with the canonical name itself; empty for an unknown
  /// column.
  public static func aliases(for canonical: String, in table: TableKind) -> [String] {
    guard let entry = aliasTable(table).first(where: { $0.canonical == canonical }) else {
      return []
    }
    return [entry.canonical] + entry.aliases
  }

  /// The comparison form of a header.
  ///
  /// Lowercases; turns full-width ASCII (`ＩＤ`, `（`) into half-width;
  /// removes blanks (including the ideographic space and no-break space),
  /// `_`, `-`, `.`, byte-order marks and zero-width characters; strips
  /// surrounding quotes; unwraps a header wrapped in brackets (`[Customer
  /// ID]`), and drops a trailing bracketed unit or note (`金额（元）`,
  /// `Amount (USD)`, `Created (UTC)`).
  ///
  /// ```
  /// "Customer ID", "customer_id", "CustomerId"  → "customerid"
  /// "客户 ID"                                   → "客户id"
  /// "金额（元）"                                → "金额"
  /// ```
  public static func normalize(_ header: String) -> String {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(header.unicodeScalars.count)
    for original in header.unicodeScalars {
      var scalar = original
      if (0xFF01...0xFF5E).contains(scalar.value), let half = Unicode.Scalar(scalar.value - 0xFEE0) {
        scalar = half
      }
      switch scalar.value {
      case 0x09, 0x0A, 0x0D, 0x20, 0x2D, 0x2E, 0x5F, 0xA0, 0x200B...0x200D, 0x2060, 0x3000, 0xFEFF:
        continue
      default:
        scalars.append(scalar)
      }
    }
    let quotes: Set<UInt32> = [0x22, 0x27, 0x60, 0x2018, 0x2019, 0x201C, 0x201D]
    while let first = scalars.first, quotes.contains(first.value) { scalars.removeFirst() }
    while let last = scalars.last, quotes.contains(last.value) { scalars.removeLast() }
    // Closing bracket → its opening bracket: ) ] } 】 》.
    let openers: [UInt32: UInt32] = [0x29: 0x28, 0x5D: 0x5B, 0x7D: 0x7B, 0x3011: 0x3010, 0x300B: 0x300A]
    if let last = scalars.last, let opener = openers[last.value],
      let openIndex = scalars.lastIndex(where: { $0.value == opener })
    {
      if openIndex == 0 {
        scalars = Array(scalars.dropFirst().dropLast())
      } else {
        scalars.removeSubrange(openIndex...)
      }
    }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view).lowercased()
  }

  /// The canonical column that `header` names in `table`, or `nil` when it
  /// is not a known spelling.
  public static func canonicalName(forHeader header: String, in table: TableKind) -> String? {
    index(table).lookup[normalize(header)]
  }

  /// The known spelling nearest to `header`, for error messages such as
  /// "no column for amount; closest: 'Amout' ~ 'amount'".
  ///
  /// Distance is Levenshtein's edit distance over the Unicode scalars of
  /// the normalised forms; ties go to the canonical column listed first and
  /// then to its preferred alias. Returns `nil` when even the nearest alias
  /// is further than `max(2, n / 3)` edits away (n = the normalised header's
  /// length), or needs as many edits as the header has characters, which
  /// keeps short Chinese headers such as `备注` from matching `日期`.
  ///
  /// - Complexity: O(n·m) per alias; meant for error paths, not per row.
  public static func closestAlias(to header: String, in table: TableKind) -> (alias: String, canonical: String)? {
    let target = Array(normalize(header).unicodeScalars)
    guard !target.isEmpty else { return nil }
    var best: (alias: String, canonical: String, distance: Int)?
    for entry in index(table).entries {
      let distance = EditDistance.levenshtein(target, entry.normalized)
      if distance < (best?.distance ?? Int.max) {
        best = (entry.alias, entry.canonical, distance)
      }
    }
    guard let best, EditDistance.isNear(best.distance, length: target.count) else {
      return nil
    }
    return (best.alias, best.canonical)
  }

  // MARK: - Implementation details

  struct Entry {
    let alias: String
    let canonical: String
    let normalized: [Unicode.Scalar]
  }

  struct Index {
    let entries: [Entry]
    let lookup: [String: String]
  }

  private static let indexes: [TableKind: Index] = {
    var result: [TableKind: Index] = [:]
    for table in TableKind.allCases {
      var entries: [Entry] = []
      var lookup: [String: String] = [:]
      for column in aliasTable(table) {
        for alias in [column.canonical] + column.aliases {
          let normalized = normalize(alias)
          entries.append(Entry(alias: alias, canonical: column.canonical, normalized: Array(normalized.unicodeScalars)))
          // The first spelling wins; the tests check that none collide.
          if lookup[normalized] == nil { lookup[normalized] = column.canonical }
        }
      }
      result[table] = Index(entries: entries, lookup: lookup)
    }
    return result
  }()

  private static func index(_ table: TableKind) -> Index {
    indexes[table] ?? Index(entries: [], lookup: [:])
  }

  private static let customerIDAliases = [
    "客户ID", "客户编号", "客户号", "客户编码", "客户代码", "会员ID", "会员编号", "会员号", "会员卡号",
    "用户ID", "用户编号", "买家ID", "买家会员名", "下单账号", "下单帐号", "customer id", "customer no",
    "customer number", "customer code", "cust id", "member id", "member no", "user id", "client id",
    "buyer id", "contact id", "account id",
  ]

  /// The built-in aliases, by table and canonical column, most preferred
  /// first. Order within a table follows the data contract.
  static func aliasTable(_ table: TableKind) -> [(canonical: String, aliases: [String])] {
    switch table {
    case .transactions:
      return [
        ("customer_id", customerIDAliases),
        (
          "order_id",
          [
            "订单号", "订单编号", "订单ID", "单号", "交易号", "交易单号", "订单流水号", "order id",
            "order no", "order number", "invoice no", "invoice number", "invoice id",
            "transaction id", "receipt no",
          ]
        ),
        (
          "order_date",
          [
            "下单时间", "下单日期", "订单日期", "订单时间", "订单创建时间", "交易日期", "交易时间", "购买日期",
            "购买时间", "成交时间", "创建时间", "支付时间", "付款时间", "订单付款时间", "日期", "order date",
            "purchase date", "transaction date", "invoice date", "sale date", "order time",
            "purchase time", "created at", "created", "paid at", "date",
          ]
        ),
        (
          "amount",
          [
            "金额", "实付金额", "买家实际支付金额", "实收金额", "支付金额", "付款金额", "成交金额", "订单金额",
            "交易金额", "消费金额", "销售金额", "销售额", "总金额", "amount paid", "paid amount",
            "net amount", "order amount", "total amount", "order total", "line total", "revenue",
            "sales", "total",
          ]
        ),
        (
          "quantity",
          [
            "数量", "购买数量", "商品数量", "订购数量", "宝贝总数量", "件数", "qty", "units",
            "lineitem quantity", "item quantity",
          ]
        ),
        (
          "category",
          [
            "品类", "类目", "商品类目", "商品分类", "商品类别", "分类", "类别", "product category",
            "item category", "product type",
          ]
        ),
        (
          "channel",
          [
            "渠道", "销售渠道", "下单渠道", "来源渠道", "订单来源", "平台", "sales channel", "source channel",
            "platform", "source",
          ]
        ),
        (
          "discount",
          [
            "优惠金额", "折扣金额", "优惠券金额", "优惠", "折扣", "优惠券", "店铺优惠", "discount amount",
            "discounts", "coupon amount", "coupon",
          ]
        ),
      ]
    case .customers:
      return [
        ("customer_id", customerIDAliases),
        (
          "signup_date",
          [
            "注册日期", "注册时间", "入会日期", "入会时间", "开卡日期", "开卡时间", "成为客户时间", "成为会员时间",
            "创建日期", "创建时间", "signup date", "sign up date", "registration date",
            "registered at", "join date", "joined at", "customer since", "created date", "created at",
          ]
        ),
        ("gender", ["性别", "sex"]),
        ("birth_year", ["出生年份", "出生年", "birth year", "year of birth", "yob"]),
        ("province", ["省份", "省", "所在省份", "所在省", "省/直辖市", "省份/直辖市", "province"]),
        ("city", ["城市", "所在城市", "市", "city"]),
        (
          "source",
          [
            "来源", "获客来源", "客户来源", "注册来源", "来源渠道", "渠道", "acquisition source", "lead source",
            "acquisition channel", "channel",
          ]
        ),
        (
          "member_tier",
          [
            "会员等级", "会员级别", "等级", "VIP等级", "member tier", "member level", "membership level",
            "membership tier", "loyalty tier", "tier",
          ]
        ),
        ("industry", ["行业", "所属行业", "industry"]),
        (
          "company_size",
          ["公司规模", "企业规模", "员工人数", "company size", "employees", "number of employees", "employee count"]
        ),
      ]
    case .events:
      return [
        ("customer_id", customerIDAliases),
        (
          "event_date",
          ["事件日期", "事件时间", "发生时间", "日期", "时间", "event date", "event time", "occurred at", "timestamp", "date", "time"]
        ),
        ("event_type", ["事件类型", "行为类型", "类型", "事件", "event type", "action", "event", "type"]),
        ("value", ["值", "数值", "评分", "score", "rating"]),
      ]
    }
  }
}
