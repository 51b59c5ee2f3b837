/// A Python peer pipeline from the bench folder.
enum Peer: String, CaseIterable {
  case pandas, polars, duckdb

  /// The script's file name in the peers folder.
  var script: String { "\(rawValue)_pipeline.py" }

  /// Peers named in a `--peer` value: a comma-separated list, `all` or `none`.
  static func list(_ value: String) throws(BenchmarkError) -> [Peer] {
    switch value {
    case "none": return []
    case "all": return allCases
    default:
      var peers: [Peer] = []
      for name in value.split(separator: ",") {
        guard let peer = Peer(rawValue: String(name)) else {
          throw .usage("unknown peer '\(name)' (pandas, polars, duckdb, all or none)")
        }
        peers.append(peer)
      }
      return peers
    }
  }
}
