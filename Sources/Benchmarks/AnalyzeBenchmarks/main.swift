// Times DataIngest's read + parse + index of a generated data set against a
// Python peer's read stage (`ingest`), and the churn model's fit and scoring
// against statsmodels and scikit-learn on the same matrix (`logit`), and
// k-means (k = 5, 10 restarts) against scikit-learn on the same matrix
// (`kmeans`), and the whole nightly job (`analyze run`) against the peers'
// whole pipelines (`job`), and prints Markdown tables for the README.
//
//   swift build -c release --product AnalyzeBenchmarks
//   OPENBLAS_NUM_THREADS=1 .build/release/AnalyzeBenchmarks ingest /work/data1m \
//     --runs 3 --peer pandas,polars,duckdb
//   OPENBLAS_NUM_THREADS=1 .build/release/AnalyzeBenchmarks logit /work/data1m --runs 3
//   OPENBLAS_NUM_THREADS=1 .build/release/AnalyzeBenchmarks kmeans /work/data1m --runs 3
//   swift build -c release    # analyze and AnalyzeBenchmarks
//   .build/release/AnalyzeBenchmarks job /work/data1m --runs 3 --peer duckdb,polars,pandas
//
// (`swift run -c release AnalyzeBenchmarks ingest DATA_DIR ...` works too.)
// DATA_DIR comes from `python3 gen_purchases.py --customers 1000000 --seed 1
// --out DATA_DIR` (see the bench README). Each measured load runs in a fresh
// child process (this binary re-run with `--child`), so its peak RSS is the
// load's own. Python is only needed at run time, for `--peer`.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

do {
  switch try BenchmarkArguments.parse(Array(CommandLine.arguments.dropFirst())) {
  case .help:
    print(BenchmarkArguments.usage)
  case .child(let scenario, let folder):
    print(try IngestMeasurement.measure(scenario, folder: folder).encoded)
  case .ingest(let arguments):
    try IngestBenchmark(arguments: arguments).run()
  case .logit(let arguments):
    try LogitBenchmark(arguments: arguments).run()
  case .kmeans(let arguments):
    try KMeansBenchmark(arguments: arguments).run()
  case .job(let arguments):
    try JobBenchmark(arguments: arguments).run()
  }
} catch {
  log("AnalyzeBenchmarks: \(error)")
  exit(1)
}
