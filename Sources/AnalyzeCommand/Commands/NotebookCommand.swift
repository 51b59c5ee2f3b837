import ArgumentParser
import Foundation
import Notebooks
import Reports

extension Analyze {
  /// `analyze notebook`: a Jupyter notebook that retells a run.
  struct NotebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "notebook",
      abstract: "Write a Jupyter notebook that retells a run: its report, pandas and matplotlib code, its charts.",
      discussion: """
        RUN_DIR is an analyze run folder (out/jobs/<job>/latest) or the --out folder of analyze churn, \
        propensity or segment. The notebook (nbformat 4.5) holds the report's sections as Markdown, code \
        cells that reload the run's CSV files with pandas and redraw the charts with matplotlib, and the \
        run's SVG charts as those cells' outputs. Its first code cell sets RUN_DIR to the run's path from \
        the notebook's folder (or to --data-path). The same run gives the same bytes.
        """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
      case churn, segments, auto
    }

    @Argument(help: ArgumentHelp("The run folder, or one command's output folder.", valueName: "RUN_DIR"))
    var runDirectory: String

    @Option(help: ArgumentHelp("The notebook to write.", valueName: "FILE.ipynb"))
    var out: String

    @Option(help: "churn (a churn or propensity model), segments, or auto (whichever the folder holds).")
    var kind: Kind = .auto

    @Option(help: "Language of the text the notebook adds: en or zh (the reports keep their own).")
    var lang: ReportLanguage = .en

    @Option(help: ArgumentHelp("RUN_DIR as the notebook's code finds it (default: the path from the notebook's folder to RUN_DIR).", valueName: "path"))
    var dataPath: String?

    func run() throws {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: runDirectory, isDirectory: &isFolder), isFolder.boolValue else {
        throw ValidationError("RUN_DIR \(runDirectory) is not a folder.")
      }
      let notebookFolder = (out as NSString).deletingLastPathComponent
      let path = dataPath ?? RelativePath.to(runDirectory, from: notebookFolder.isEmpty ? "." : notebookFolder)
      let notebook: Notebook
      do {
        notebook = try RunNotebook.make(
          folder: runDirectory, kind: NotebookKind(rawValue: kind.rawValue), dataPath: path, language: lang)
      } catch {
        // Which story to tell is the user's choice: a usage error.
        if case .ambiguousKind = error { throw ValidationError(error.description) }
        throw error
      }
      if !notebookFolder.isEmpty { try AtomicFile.createDirectory(notebookFolder) }
      try AtomicFile.write(notebook.bytes, to: out)
      print("Wrote \(out): \(notebook.cells.count) cells, reading \(path).")
    }
  }
}
