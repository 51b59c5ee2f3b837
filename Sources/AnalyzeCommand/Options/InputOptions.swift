import ArgumentParser
import DataIngest

/// Where the data is and how to read it; shared by every command that reads data.
struct InputOptions: ParsableArguments {
  @Argument(help: "A data folder holding transactions.csv, and optionally customers.csv and events.csv.")
  var dataDirectory: String?

  @Option(help: ArgumentHelp("The transactions file (instead of a data folder).", valueName: "file"))
  var transactions: String?

  @Option(help: ArgumentHelp("The customers file.", valueName: "file"))
  var customers: String?

  @Option(help: ArgumentHelp("The events file.", valueName: "file"))
  var events: String?

  @Option(help: "Field delimiter: comma, semicolon, tab, pipe or whitespace (default: detected).")
  var delimiter: Delimiter?

  @Option(help: "Text encoding: utf-8 or gb18030 (default: detected per file).")
  var encoding: TextEncoding?

  @Option(help: "How to read dates like 07/03/2025: auto, ymd, dmy or mdy.")
  var dateOrder: DateOrder = .auto

  @Option(
    name: .customLong("map"),
    help: ArgumentHelp("A YAML file naming the header of each canonical column.", valueName: "mapping.yaml"))
  var mappingFile: String?

  @Flag(help: "The transactions file has no header line; name its columns with --columns.")
  var noHeader = false

  @Option(help: ArgumentHelp("The canonical columns of a headerless transactions file, in order.", valueName: "a,b,c"))
  var columns: String?

  @Option(
    parsing: .upToNextOption,
    help: ArgumentHelp(
      "Tables whose identical rows are all kept (events have no id: two equal rows may be two real visits).",
      valueName: "table"))
  var keepDuplicates: [TableKind] = []

  @Flag(help: "Exit with status 1 when any row is rejected (after writing the outputs).")
  var strict = false

  func validate() throws {
    if dataDirectory == nil && transactions == nil {
      throw ValidationError("Give a data folder or --transactions FILE.")
    }
    if dataDirectory != nil && transactions != nil {
      throw ValidationError("Give either a data folder or --transactions, not both.")
    }
    if noHeader != (columns != nil) {
      throw ValidationError("--no-header and --columns go together: name the columns of a headerless file.")
    }
  }

  /// The files to read.
  func dataSource() throws -> DataSource {
    if let transactions {
      return DataSource(transactions: transactions, customers: customers, events: events)
    }
    var source = try DataSource.folder(dataDirectory!)
    if let customers { source.customers = customers }
    if let events { source.events = events }
    return source
  }

  /// How to read them.
  func ingestOptions() throws -> IngestOptions {
    var mapping = ColumnMapping()
    if let mappingFile { mapping = try ColumnMapping.load(path: mappingFile) }
    if let columns {
      mapping.headerlessColumns[.transactions] = columns.split(separator: ",").map {
        String($0).trimmingCharacters(in: .whitespaces)
      }
    }
    return IngestOptions(
      reader: CSVReaderOptions(delimiter: delimiter, encoding: encoding), dateOrder: dateOrder,
      mapping: mapping, keepDuplicates: Set(keepDuplicates), progress: ProgressReporter.standardError())
  }
}

extension Delimiter: ExpressibleByArgument {
  public init?(argument: String) {
    switch argument.lowercased() {
    case ",", "comma": self = .comma
    case ";", "semicolon": self = .semicolon
    case "tab", "\\t", "\t": self = .tab
    case "|", "pipe": self = .pipe
    case "whitespace", "space", "spaces": self = .whitespace
    default: return nil
    }
  }
}

extension TextEncoding: ExpressibleByArgument {
  public init?(argument: String) {
    switch argument.lowercased() {
    case "utf-8", "utf8": self = .utf8
    case "gb18030", "gbk", "gb2312": self = .gb18030
    default: return nil
    }
  }
}

extension DateOrder: ExpressibleByArgument {}

extension TableKind: ExpressibleByArgument {}
