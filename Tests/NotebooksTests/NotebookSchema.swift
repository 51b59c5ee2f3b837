import Foundation
import Notebooks
import TestSupport

/// The official nbformat 4.5 schema (Fixtures/README.md), and checks against it.
enum NotebookSchema {
  static let validator: JSONSchemaValidator = {
    let url = Bundle.module.url(forResource: "nbformat.v4.5.schema", withExtension: "json", subdirectory: "Fixtures")!
    return JSONSchemaValidator(schema: try! JSONTestValue.parse(String(contentsOf: url, encoding: .utf8)))
  }()

  /// The schema's complaints about `text`, or the parse error.
  static func problems(_ text: String) -> [String] {
    do { return validator.problems(in: try JSONTestValue.parse(text)) } catch { return ["\(error)"] }
  }

  static func problems(_ notebook: Notebook) -> [String] { problems(String(decoding: notebook.bytes, as: UTF8.self)) }
}
