/// What an export wrote and noticed.
public struct ExportResult: Sendable, Equatable {
  /// One file written, with its manifest.
  public struct File: Sendable, Equatable {
    public var path: String
    public var manifest: ExportManifest
  }

  public var files: [File]
  /// Customers written, over all files.
  public var rows: Int
  /// Customers and values left out, also in `<file_name>-rejects.csv`.
  public var rejects: [ExportReject]
  public var warnings: [String]
  /// What the analyst must do in the CRM's import tool.
  public var notes: [String]
  public var inputsFound: [InputFile]
  public var inputsMissing: [InputFile]
  /// Where the keys came from.
  public var keySource: String
}
