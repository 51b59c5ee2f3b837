import Testing

@testable import DataIngest

@Suite struct ColumnAliasesTests {
  @Test("canonical and required columns follow the data contract")
  func contractColumns() {
    #expect(
      ColumnAliases.canonicalColumns(of: .transactions) == [
        "customer_id", "order_id", "order_date", "amount", "quantity", "category", "channel", "discount",
      ])
    #expect(
      ColumnAliases.canonicalColumns(of: .customers) == [
        "customer_id", "signup_date", "gender", "birth_year", "province", "city", "source",
        "member_tier", "industry", "company_size",
      ])
    #expect(ColumnAliases.canonicalColumns(of: .events) == ["customer_id", "event_date", "event_type", "value"])
    #expect(ColumnAliases.requiredColumns(of: .transactions) == ["customer_id", "order_date", "amount"])
    #expect(ColumnAliases.requiredColumns(of: .customers) == ["customer_id"])
    #expect(ColumnAliases.requiredColumns(of: .events) == ["customer_id", "event_date", "event_type"])
    for table in TableKind.allCases {
      let canonical = Set(ColumnAliases.canonicalColumns(of: table))
      #expect(Set(ColumnAliases.requiredColumns(of: table)).isSubset(of: canonical))
    }
  }

  @Test(
    "normalisation ignores case, spacing, width, marks and unit suffixes",
    arguments: [
      ("Customer ID", "customerid"), ("customer_id", "customerid"), ("CustomerId", "customerid"),
      ("customer-id", "customerid"), ("客户 ID", "客户id"), ("客户ＩＤ", "客户id"), ("金额（元）", "金额"),
      ("金额(元)", "金额"), ("Amount (USD)", "amount"), ("Created (UTC)", "created"),
      ("\u{FEFF}客户ID", "客户id"), ("客户\u{200B}ID", "客户id"), ("\"Order No.\"", "orderno"),
      ("[Customer ID]", "customerid"), ("下单\u{3000}时间", "下单时间"), ("ＡＭＯＵＮＴ", "amount"),
      ("金额【元】", "金额"), ("“金额”", "金额"), ("", ""), ("()", ""), ("省/直辖市", "省/直辖市"),
    ])
  func normalize(header: String, expected: String) {
    #expect(ColumnAliases.normalize(header) == expected)
  }

  @Test(
    "transaction headers from real exports",
    arguments: [
      // Generic and canonical.
      ("customer_id", "customer_id"), ("Customer ID", "customer_id"), ("CustomerID", "customer_id"),
      ("客户ID", "customer_id"), ("客户编号", "customer_id"), ("会员卡号", "customer_id"),
      ("OrderDate", "order_date"), ("下单时间", "order_date"), ("金额", "amount"),
      ("金额（元）", "amount"), ("Amount (USD)", "amount"), ("数量", "quantity"), ("Qty", "quantity"),
      // Zoho Books invoices.
      ("Customer Id", "customer_id"), ("Invoice Number", "order_id"), ("Invoice Date", "order_date"),
      // Salesforce and HubSpot.
      ("Account ID", "customer_id"), ("Contact ID", "customer_id"),
      // Shopify orders export.
      ("Created at", "order_date"), ("Paid at", "order_date"), ("Total", "amount"),
      ("Lineitem quantity", "quantity"), ("Discount Amount", "discount"), ("Source", "channel"),
      // Taobao (淘宝) order export.
      ("订单编号", "order_id"), ("买家会员名", "customer_id"), ("订单创建时间", "order_date"),
      ("订单付款时间", "order_date"), ("买家实际支付金额", "amount"), ("总金额", "amount"),
      ("宝贝总数量", "quantity"), ("店铺优惠", "discount"),
      // JD (京东) order export.
      ("订单号", "order_id"), ("下单帐号", "customer_id"), ("下单账号", "customer_id"),
      ("订单金额", "amount"), ("订购数量", "quantity"),
      // Youzan / WeChat shops and ERPs.
      ("实付金额", "amount"), ("商品类目", "category"), ("销售渠道", "channel"), ("优惠券金额", "discount"),
      ("日期", "order_date"),
    ])
  func transactionHeaders(header: String, canonical: String) {
    #expect(ColumnAliases.canonicalName(forHeader: header, in: .transactions) == canonical)
  }

  @Test(
    "headers that name something else are deliberately left unmapped",
    arguments: [
      "买家昵称",  // a nickname, not an identifier
      "应付金额", "买家应付货款",  // due, not paid
      "宝贝种类",  // number of item kinds in the order, not a category
      "Price", "Lineitem price", "单价", "Unit Price",  // unit prices
      "Subtotal", "Email", "Name", "商品名称", "收货人姓名", "订单状态", "Financial Status", "备注", "",
    ])
  func unmappedTransactionHeaders(header: String) {
    #expect(ColumnAliases.canonicalName(forHeader: header, in: .transactions) == nil)
  }

  @Test("customer and event headers, including table-dependent meanings")
  func otherTables() {
    let customers: [(String, String)] = [
      ("会员ID", "customer_id"), ("注册时间", "signup_date"), ("成为客户时间", "signup_date"),
      ("性别", "gender"), ("Sex", "gender"), ("出生年份", "birth_year"), ("Year of Birth", "birth_year"),
      ("省份", "province"), ("省/直辖市", "province"), ("所在城市", "city"), ("City", "city"),
      ("获客来源", "source"), ("Lead Source", "source"), ("渠道", "source"), ("会员等级", "member_tier"),
      ("Membership Level", "member_tier"), ("所属行业", "industry"), ("Industry", "industry"),
      ("员工人数", "company_size"), ("Number of Employees", "company_size"), ("Created at", "signup_date"),
    ]
    for (header, canonical) in customers {
      #expect(ColumnAliases.canonicalName(forHeader: header, in: .customers) == canonical, "\(header)")
    }
    #expect(ColumnAliases.canonicalName(forHeader: "State", in: .customers) == nil)
    #expect(ColumnAliases.canonicalName(forHeader: "金额", in: .customers) == nil)

    let events: [(String, String)] = [
      ("用户ID", "customer_id"), ("发生时间", "event_date"), ("日期", "event_date"), ("Timestamp", "event_date"),
      ("行为类型", "event_type"), ("类型", "event_type"), ("Action", "event_type"), ("评分", "value"),
      ("Rating", "value"), ("value", "value"),
    ]
    for (header, canonical) in events {
      #expect(ColumnAliases.canonicalName(forHeader: header, in: .events) == canonical, "\(header)")
    }
    // The same header means different columns in different tables.
    #expect(ColumnAliases.canonicalName(forHeader: "日期", in: .transactions) == "order_date")
    #expect(ColumnAliases.canonicalName(forHeader: "Source", in: .customers) == "source")
    #expect(ColumnAliases.canonicalName(forHeader: "Source", in: .transactions) == "channel")
  }

  @Test("within a table no normalised alias names two columns")
  func noCollisions() {
    for table in TableKind.allCases {
      var seen: [String: String] = [:]
      for canonical in ColumnAliases.canonicalColumns(of: table) {
        for alias in ColumnAliases.aliases(for: canonical, in: table) {
          let key = ColumnAliases.normalize(alias)
          #expect(!key.isEmpty)
          if let other = seen[key] {
            #expect(other == canonical, "\(table): '\(alias)' names \(other) and \(canonical)")
          }
          seen[key] = canonical
          #expect(ColumnAliases.canonicalName(forHeader: alias, in: table) == canonical)
        }
      }
    }
  }

  @Test("aliases are listed canonical name first, then by preference")
  func aliasOrder() {
    let amount = ColumnAliases.aliases(for: "amount", in: .transactions)
    #expect(amount.first == "amount")
    #expect(amount.firstIndex(of: "买家实际支付金额")! < amount.firstIndex(of: "总金额")!)
    #expect(ColumnAliases.aliases(for: "no_such_column", in: .transactions).isEmpty)
  }

  @Test("the closest alias is suggested for near misses only")
  func closest() {
    let amout = ColumnAliases.closestAlias(to: "Amout", in: .transactions)
    #expect(amout?.alias == "amount")
    #expect(amout?.canonical == "amount")
    #expect(ColumnAliases.closestAlias(to: "Custmer ID", in: .transactions)?.canonical == "customer_id")
    #expect(ColumnAliases.closestAlias(to: "Oder Date", in: .transactions)?.alias == "order_date")
    #expect(ColumnAliases.closestAlias(to: "下单时问", in: .transactions)?.alias == "下单时间")
    #expect(ColumnAliases.closestAlias(to: "实付金额(元)", in: .transactions)?.alias == "实付金额")
    #expect(ColumnAliases.closestAlias(to: "Quantitty", in: .transactions)?.canonical == "quantity")
    #expect(ColumnAliases.closestAlias(to: "备注", in: .transactions) == nil)
    #expect(ColumnAliases.closestAlias(to: "Shipping Address", in: .transactions) == nil)
    #expect(ColumnAliases.closestAlias(to: "", in: .transactions) == nil)
    #expect(ColumnAliases.closestAlias(to: "xyz", in: .events) == nil)
  }

  @Test("edit distance counts Unicode scalars")
  func editDistance() {
    func distance(_ a: String, _ b: String) -> Int {
      EditDistance.levenshtein(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }
    #expect(distance("kitten", "sitting") == 3)
    #expect(distance("", "abc") == 3)
    #expect(distance("金额", "总金额") == 1)
    #expect(distance("金额", "日期") == 2)
    #expect(distance("amount", "amount") == 0)
  }
}
