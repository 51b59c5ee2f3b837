// swift-tools-version: 6.1
import PackageDescription
import class Foundation.ProcessInfo

// MARK: - Public API

let package = Package(
  name: "analyze",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "analyze", targets: ["analyze"]),
    .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
    .library(name: "DataIngest", targets: ["DataIngest"]),
    .library(name: "Statistics", targets: ["Statistics"]),
    .library(name: "Charts", targets: ["Charts"]),
    .library(name: "Reports", targets: ["Reports"]),
    .library(name: "Features", targets: ["Features"]),
    .library(name: "Simulation", targets: ["Simulation"]),
    .library(name: "Models", targets: ["Models"]),
    .library(name: "Prediction", targets: ["Prediction"]),
    .library(name: "Tagging", targets: ["Tagging"]),
    .library(name: "BatchJobs", targets: ["BatchJobs"]),
    .library(name: "CRMExport", targets: ["CRMExport"]),
    .library(name: "Notebooks", targets: ["Notebooks"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // XLSX containers for CRM imports; only CRMExport uses it.
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // MARK: - Implementation details

    /// CBLAS and LAPACKE from Debian's OpenBLAS and netlib LAPACKE. Only
    /// `LinearAlgebra` imports it; it is never re-exported.
    .systemLibrary(
      name: "CLapack",
      path: "Sources/CLapack",
      pkgConfig: "lapacke",
      providers: [.apt(["libopenblas-dev", "liblapack-dev", "liblapacke-dev"])]
    ),
    .target(name: "LinearAlgebra", dependencies: ["CLapack"]),
    /// Memory hints for the loader: prefetching (Swift cannot emit it) and trimming the allocator.
    .target(name: "CMemory"),
    /// SHA-256 blocks with the x86 SHA extensions, for the checksums of run manifests and exports.
    .target(name: "CSHA256"),
    /// The innermost k-means loops, built for x86-64's baseline and for AVX2 and chosen at run time
    /// (Swift builds a module for one instruction set).
    .target(name: "CKMeans"),
    /// The delimiters and line ends of a block of CSV, 64 bytes at a time (AVX2 chosen at run time).
    .target(name: "CCSVScan"),
    .target(name: "DataIngest", dependencies: ["CMemory", "CCSVScan", .product(name: "Yams", package: "Yams")]),
    .target(name: "Statistics", dependencies: ["DataIngest", "LinearAlgebra"]),
    .target(
      name: "Features",
      dependencies: [
        "CMemory", "DataIngest", "Statistics", "LinearAlgebra", "Models", "Randomness",
        .product(name: "Yams", package: "Yams"),
      ]),
    .target(name: "Randomness"),
    .target(name: "Simulation", dependencies: ["DataIngest", "Randomness"]),
    .target(name: "Models", dependencies: ["LinearAlgebra", "Randomness", "CKMeans"]),
    .target(name: "Prediction", dependencies: ["CMemory", "DataIngest", "Features", "LinearAlgebra", "Models"]),
    .target(
      name: "Tagging",
      dependencies: ["DataIngest", "Statistics", "Features", .product(name: "Yams", package: "Yams")]),
    .target(name: "BatchJobs", dependencies: ["DataIngest", .product(name: "Yams", package: "Yams")]),
    /// SVG charts for the reports; depends on nothing, so any program can draw with it.
    .target(name: "Charts"),
    .target(
      name: "Reports",
      dependencies: ["Charts", "Statistics", "DataIngest", "Features", "Models", "Prediction", "Tagging"]),
    .target(
      name: "CRMExport",
      dependencies: [
        "CSHA256", "DataIngest", "Models", "Reports", .product(name: "Yams", package: "Yams"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    /// Jupyter notebooks that retell a run: its reports, pandas and matplotlib code, the charts as outputs.
    .target(name: "Notebooks", dependencies: ["DataIngest", "Reports"]),
    .target(
      name: "AnalyzeCommand",
      dependencies: [
        "DataIngest", "Statistics", "Features", "Simulation", "Reports", "Models", "Prediction", "Tagging", "BatchJobs",
        "CRMExport", "Notebooks",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "analyze", dependencies: ["AnalyzeCommand"]),
    .executableTarget(
      name: "AnalyzeBenchmarks",
      dependencies: ["DataIngest", "Features", "LinearAlgebra", "Models"],
      path: "Sources/Benchmarks/AnalyzeBenchmarks"
    ),

    // MARK: - Tests

    .target(name: "TestSupport", dependencies: ["Randomness"], path: "Tests/TestSupport"),
    .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "TestSupport"]),
    .testTarget(
      name: "DataIngestTests", dependencies: ["DataIngest", "Randomness", "TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "StatisticsTests", dependencies: ["Statistics", "DataIngest", "TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "ChartsTests", dependencies: ["Charts", "TestSupport"]),
    .testTarget(name: "ReportsTests", dependencies: ["Reports", "Charts", "TestSupport"]),
    .testTarget(
      name: "CRMExportTests",
      dependencies: [
        "CRMExport", "DataIngest", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .testTarget(
      name: "FeaturesTests", dependencies: ["Features", "DataIngest", "Models", "TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "SimulationTests", dependencies: ["Simulation", "DataIngest", "TestSupport"]),
    .testTarget(
      name: "ModelsTests", dependencies: ["Models", "LinearAlgebra", "CKMeans", "TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "TaggingTests", dependencies: ["Tagging", "Features", "TestSupport"]),
    .testTarget(
      name: "PredictionTests",
      dependencies: ["Prediction", "Features", "DataIngest", "Models", "Simulation", "TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "NotebooksTests", dependencies: ["Notebooks", "Reports", "TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "AnalyzeCommandTests",
      dependencies: ["AnalyzeCommand", "TestSupport"]),
  ]
)

// The fuzz target links libFuzzer's own `main`, so it can only be built with
// `-sanitize=fuzzer`; it is added only when asked for (see README, "Fuzzing").
if ProcessInfo.processInfo.environment["ANALYZE_FUZZ"] != nil {
  package.targets.append(
    .executableTarget(
      name: "IngestFuzzer",
      dependencies: ["DataIngest"],
      path: "Sources/Fuzz/IngestFuzzer",
      // The seed inputs, not sources.
      exclude: ["Corpus"],
      // `Extern` declares libFuzzer's driver, which the entry point calls: SwiftPM
      // renames an executable's `main`, so libFuzzer's own `main` goes unused.
      swiftSettings: [.unsafeFlags(["-parse-as-library"]), .enableExperimentalFeature("Extern")]
    ))
}
