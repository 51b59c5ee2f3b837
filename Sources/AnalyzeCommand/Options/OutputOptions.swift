import ArgumentParser
import Reports

/// Where results go and in which language reports are written.
struct OutputOptions: ParsableArguments {
  @Option(help: ArgumentHelp("The folder to write results into (created when missing).", valueName: "dir"))
  var out: String

  @Option(help: "Language of the reports: en or zh.")
  var lang: ReportLanguage = .en
}
extension ReportLanguage: ExpressibleByArgument {}
