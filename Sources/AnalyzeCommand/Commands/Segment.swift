import ArgumentParser
import DataIngest
import Features
import Foundation
import Reports

extension Analyze {
  /// `analyze segment`: k-means segments of the customers with purchases, profiled and named.
  struct Segment: DataCommand {
    static let configuration = CommandConfiguration(
      abstract: "Customer segments: k-means on how often and how much customers buy (and any features you add), k chosen by silhouette, profiled and named.",
      discussion: """
        Clusters the customers with at least one purchase before --as-of on log1p(purchases_per_year) \
        (365 · frequency / (days from the first to the last purchase + 60)) and \
        log1p(purchase_value_avg) (purchase value before refunds / frequency), standardized, plus the \
        --features you add (numbers: name[:log|raw][*weight], default log; text: name[*weight], one-hot). \
        The peer pipelines' log RFM design is --no-default-features --features \
        recency_days,frequency,monetary_total. Writes \
        segments.csv, centroids.csv, k_selection.csv, profile.md with its charts (k_selection.svg, \
        segment_profiles.svg), report.html and model.json into --out. With a \
        truth.csv in the data folder (or --truth), reports the adjusted Rand index against it.
        """)

    /// `auto` or a number of segments.
    enum KArgument: ExpressibleByArgument, Equatable {
      case auto
      case fixed(Int)

      init?(argument: String) {
        if argument.lowercased() == "auto" { self = .auto } else if let k = Int(argument) { self = .fixed(k) } else { return nil }
      }
    }

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    /// H (default 90) gives each segment's churn rate, when the data reach T + H − 1.
    @OptionGroup var window: WindowOptions

    @Option(help: ArgumentHelp("The number of segments, or auto to choose it by silhouette.", valueName: "auto|N"))
    var k: KArgument = .auto

    @Option(help: ArgumentHelp("The k tried by --k auto.", valueName: "from-to"))
    var kRange: String = "2-10"

    @Option(
      parsing: .singleValue,
      help: ArgumentHelp("Features added to the default two (purchases a year, average purchase value), comma-separated: name[:log|raw|onehot][*weight].", valueName: "list"))
    var features: [String] = []

    @Flag(help: "Cluster on the --features only, without the default purchases a year and average purchase value.")
    var noDefaultFeatures = false

    @Option(help: "The seed of k-means and of the silhouette sample.")
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("A YAML file of segment names (segment number: name).", valueName: "names.yaml"))
    var names: String?

    @Option(help: ArgumentHelp("Known segments (customer_id, segment) to compare with (default: truth.csv in the data folder).", valueName: "file"))
    var truth: String?

    @Option(help: ArgumentHelp("Write the exact standardized matrix clustered to this CSV file.", valueName: "file"))
    var exportDesign: String?

    func validate() throws {
      if case .fixed(let k) = k, k < 1 { throw ValidationError("--k must be auto or a number of segments ≥ 1.") }
      let range = try kRangeBounds()
      if range.lowerBound < 2 { throw ValidationError("--k-range must start at 2 or more.") }
      if noDefaultFeatures && featureTexts.isEmpty {
        throw ValidationError("--no-default-features needs --features to cluster on.")
      }
    }

    /// `2-10`, `2..10` or `2...10`.
    func kRangeBounds() throws -> ClosedRange<Int> {
      let parts = kRange.replacingOccurrences(of: "...", with: "-").replacingOccurrences(of: "..", with: "-")
        .split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
      guard parts.count == 2, let a = parts[0], let b = parts[1], a <= b else {
        throw ValidationError("--k-range must read like 2-10 (from ≤ to), not '\(kRange)'.")
      }
      return a...b
    }

    var featureTexts: [String] {
      features.flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    func execute(_ data: FeatureStore) throws {
      let history = data.history
      let folder = try OutputFolder(output.out)
      try folder.writeIngest(history.ingest)
      // The known segments are read on another thread while the segments are made.
      let truthPath = truth ?? input.dataDirectory.map { "\($0)/truth.csv" }
      let knownSegments = truthPath.flatMap { path in
        truth != nil || FileManager.default.fileExists(atPath: path)
          ? BackgroundWork { Result { try SegmentTruth.load(path: path) } } : nil
      }
      let customerFeatures = try data.features(window.builder(for: history, defaultHorizon: 90))
      var table = FeatureTable(customerFeatures, history: history)
      PurchaseBehaviour.append(to: &table, features: customerFeatures)

      var chosen = noDefaultFeatures ? [] : SegmentFeature.defaults
      for text in featureTexts {
        let feature = try SegmentFeature.resolve(text, in: table)
        if let i = chosen.firstIndex(where: { $0.name == feature.name }) { chosen[i] = feature } else { chosen.append(feature) }
      }
      let kChoice: Segmentation.KChoice
      switch k {
      case .auto: kChoice = .automatic(try kRangeBounds())
      case .fixed(let n): kChoice = .fixed(n)
      }
      let segmentation = Segmentation(features: chosen, k: kChoice, seed: seed)
      let result = try segmentation.fit(table)
      let profile = SegmentProfile(result, table: table)

      var segmentNames = SegmentName.derive(from: profile)
      if let names {
        for (j, name) in try SegmentNames.load(path: names, segments: result.k) { segmentNames[j] = SegmentName(name) }
        segmentNames = SegmentName.unique(segmentNames)
      }

      var truthCheck: SegmentReport.TruthCheck? = nil
      if let truthPath, let knownSegments {
        if let (index, count) = result.adjustedRandIndex(against: try knownSegments.value.get()) {
          truthCheck = .init(source: (truthPath as NSString).lastPathComponent, index: index, customers: count)
        }
      }

      var prospects = 0
      var refundOnly = 0
      for i in 0..<customerFeatures.count where customerFeatures.recencyDays[i].isNaN {
        if customerFeatures.hasOrders[i] { refundOnly += 1 } else { prospects += 1 }
      }
      let asOfText = DayNumber.isoString(customerFeatures.asOf)
      let report = SegmentReport(
        result: result, profile: profile, names: segmentNames, asOf: asOfText,
        excluded: .init(prospects: prospects, refundOnly: refundOnly), truth: truthCheck, language: output.lang,
        silhouetteExactLimit: segmentation.silhouetteExactLimit, silhouetteSampleSize: segmentation.silhouetteSampleSize)

      try report.writeSegments(to: "\(output.out)/segments.csv")
      try folder.write(report.centroidsTable, as: "centroids.csv")
      try folder.write(report.kSelectionTable, as: "k_selection.csv")
      try folder.writeReport(markdown: report.markdown, as: "profile.md", charts: report.charts, language: output.lang)
      let model = SegmentModel(
        result: result, names: segmentNames, asOf: asOfText, tableRows: table.count,
        toolVersion: Analyze.configuration.version)
      try AtomicFile.write(try model.jsonBytes(), to: "\(output.out)/model.json")
      if let exportDesign { try report.designTable.writeCSV(to: exportDesign) }
      print(report.consoleSummary)
      try enforceStrict(input, history.ingest)
    }
  }
}
