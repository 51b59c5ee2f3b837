/// A Python peer pipeline from the bench folder.
enum Peer: String, CaseIterable, PeerName {
  case pandas, polars, duckdb

  /// The script's file name in the peers folder.
  var script: String { "\(rawValue)_pipeline.py" }
}

/// A peer chosen by name with `--peer`.
protocol PeerName: RawRepresentable<String>, CaseIterable {}

extension PeerName {
  /// Peers named in a `--peer` value: a comma-separated list, `all` or `none`.
  static func list(_ value: String) throws(BenchmarkError) -> [Self] {
    switch value {
    case "none": return []
    case "all": return Array(allCases)
    default:
      var peers: [Self] = []
      for name in value.split(separator: ",") {
        guard let peer = Self(rawValue: String(name)) else {
          let known = allCases.map(\.rawValue).joined(separator: ", ")
          throw .usage("unknown peer '\(name)' (\(known), all or none)")
        }
        peers.append(peer)
      }
      return peers
    }
  }
}
