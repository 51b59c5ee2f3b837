import DataIngest
import Statistics

/// The files `analyze describe` writes: CSV tables for machines and one
/// Markdown summary for people.
///
/// Column names of the CSV files are English in both languages, so scripts
/// that read them do not depend on `--lang`.
public struct DescribeReport {
  public let description: DataDescription
  public let ingest: IngestReport
  public let language: ReportLanguage

  public init(description: DataDescription, ingest: IngestReport, language: ReportLanguage = .en) {
    self.description = description
    self.ingest = ingest
    self.language = language
  }

  /// The CSV tables by file name.
  public var tables: [(file: String, table: ReportTable)] {
    [
      ("overview.csv", overview),
      ("numeric_summary.csv", numericSummary),
      ("categorical.csv", categorical),
      ("monthly.csv", monthly),
      ("cohort_retention.csv", cohortRetention),
      ("interpurchase_days.csv", interpurchase),
      ("correlation.csv", correlation),
    ] + (description.ages.map { _ in [("age_bands.csv", ageBands)] } ?? [])
      + (description.gender.map { _ in [("gender.csv", frequencyTable(description.gender!, title: "Gender"))] } ?? [])
  }

  // MARK: - Tables

  /// Key figures: one metric per row.
  public var overview: ReportTable {
    let d = description
    var rows: [[ReportCell]] = [
      ["first_day", .text(d.firstDay.map(DayNumber.isoString) ?? "")],
      ["last_day", .text(d.lastDay.map(DayNumber.isoString) ?? "")],
      ["transaction_rows", .integer(d.transactionRows)],
      ["orders", .integer(d.orders)],
      ["purchases", .integer(d.purchases)],
      ["refunds_and_voids", .integer(d.refunds)],
      ["customers_listed", .integer(d.listedCustomers)],
      ["customers_with_orders", .integer(d.customersWithOrders)],
      ["buyers", .integer(d.repeatPurchase.buyers)],
      ["repeat_buyers", .integer(d.repeatPurchase.repeatBuyers)],
      ["repeat_purchase_rate", .number(d.repeatPurchase.repeatRate)],
      ["event_rows", .integer(d.eventRows)],
    ]
    rows.append(["revenue", .number(d.monthly.revenue.reduce(0, +))])
    return ReportTable(title: "Overview", columns: ["metric", "value"], rows: rows)
  }

  public var numericSummary: ReportTable {
    ReportTable(
      title: "Numeric columns",
      columns: [
        "table", "column", "count", "missing", "mean", "std", "min", "p25", "median", "p75", "max", "skew",
        "outliers_3iqr",
      ],
      rows: description.numeric.map { c in
        let s = c.summary
        return [
          .text(c.table), .text(c.column), .integer(s.count), .integer(s.missing), .number(s.mean),
          .number(s.standardDeviation), .number(s.min), .number(s.p25), .number(s.median), .number(s.p75),
          .number(s.max), .number(s.skewness), .integer(c.outliers),
        ]
      },
      notes: [
        "std divides by n − 1 and quantiles interpolate linearly, as pandas describe(); skew is pandas' adjusted Fisher–Pearson G1.",
        "outliers_3iqr counts values outside [p25 − 3·IQR, p75 + 3·IQR]; they are flagged, not removed.",
      ])
  }

  public var categorical: ReportTable {
    var table = ReportTable(title: "Categorical columns", columns: ["table", "column", "value", "count", "share"])
    for c in description.categorical {
      for entry in c.frequencies.entries {
        table.append([.text(c.table), .text(c.column), .text(entry.value), .integer(entry.count), .number(entry.share)])
      }
      if c.frequencies.missing > 0 {
        table.append([.text(c.table), .text(c.column), .text("(missing)"), .integer(c.frequencies.missing), .missing])
      }
    }
    return table
  }

  public var monthly: ReportTable {
    let m = description.monthly
    return ReportTable(
      title: "Monthly activity",
      columns: ["month", "purchases", "revenue", "refunds", "active_customers", "new_customers"],
      rows: (0..<m.count).map { i in
        [
          .text(m.months[i]), .integer(m.purchases[i]), .number(m.revenue[i]), .integer(m.refunds[i]),
          .integer(m.activeCustomers[i]), .integer(m.newCustomers[i]),
        ]
      })
  }

  /// Cohort × months since first purchase: the share of the cohort buying.
  public var cohortRetention: ReportTable {
    let c = description.cohorts
    let shares = c.shares
    return ReportTable(
      title: "Cohort retention",
      columns: ["cohort", "size"] + (0..<c.monthOffsets).map { "m\($0)" },
      rows: c.cohorts.indices.map { i in
        [.text(c.cohorts[i]), .integer(c.sizes[i])] + shares[i].map { ReportCell($0) }
      })
  }

  public var interpurchase: ReportTable {
    let histogram = description.interpurchase.histogram
    let total = histogram.reduce(0) { $0 + $1.count }
    return ReportTable(
      title: "Days between purchases",
      columns: ["days", "count", "share"],
      rows: histogram.map { bin in
        [.text(bin.label), .integer(bin.count), total > 0 ? .number(Double(bin.count) / Double(total)) : .missing]
      })
  }

  public var correlation: ReportTable {
    let c = description.correlation
    return ReportTable(
      title: "Correlation of customer-level figures",
      columns: ["column"] + c.names,
      rows: c.names.indices.map { i in
        [.text(c.names[i])] + c.names.indices.map { j in ReportCell(c.values[i, j].isNaN ? nil : c.values[i, j]) }
      })
  }

  public var ageBands: ReportTable {
    guard let ages = description.ages else { return ReportTable(title: "Age", columns: ["band", "count", "share"]) }
    return ReportTable(
      title: "Age (as of \(ages.referenceYear))",
      columns: ["band", "count", "share"],
      rows: ages.counts.map { band, count in
        let share = band.isValidAge && ages.valid > 0 ? ReportCell.number(Double(count) / Double(ages.valid)) : .missing
        return [.text(band.rawValue), .integer(count), share]
      })
  }

  private func frequencyTable(_ frequencies: FrequencyTable, title: String) -> ReportTable {
    var table = ReportTable(
      title: title, columns: ["value", "count", "share"],
      rows: frequencies.entries.map { [.text($0.value), .integer($0.count), .number($0.share)] })
    if frequencies.missing > 0 { table.append(["(missing)", .integer(frequencies.missing), .missing]) }
    return table
  }
}
