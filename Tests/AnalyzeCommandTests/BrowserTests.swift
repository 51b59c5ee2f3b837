import Foundation
import Testing
import TestSupport

/// Debian's `chromium`, if it is installed (`.ci/run` installs it with fonts-noto-cjk).
private let chromium: String? = {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  for folder in path.split(separator: ":") {
    for name in ["chromium", "chromium-browser"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
      return "\(folder)/\(name)"
    }
  }
  return nil
}()

/// What chromium made of a page: its DOM after loading, its console, a screenshot.
private struct Rendering {
  var dom: String
  var console: [String]
  var screenshot: Data
}

/// Loads `page` in headless chromium, with its own profile folder so that
/// tests can run side by side. A browser that hangs is stopped after two minutes.
private func render(_ page: String, width: Int, height: Int, in folder: TemporaryDirectory) throws -> Rendering {
  let png = "\(folder.path)/screenshot-\(UUID().uuidString).png"
  let process = Process()
  process.executableURL = URL(fileURLWithPath: chromium!)
  process.arguments = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--no-first-run",
    "--user-data-dir=\(folder.path)/profile-\(UUID().uuidString)", "--enable-logging=stderr", "--v=0",
    "--window-size=\(width),\(height)", "--screenshot=\(png)", "--dump-dom", URL(fileURLWithPath: page).absoluteString,
  ]
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let watchdog = DispatchWorkItem { process.terminate() }
  DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
  let dom = out.fileHandleForReading.readDataToEndOfFile()
  let log = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  watchdog.cancel()
  let console = String(decoding: log, as: UTF8.self).split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
  return Rendering(
    dom: String(decoding: dom, as: UTF8.self), console: console,
    screenshot: FileManager.default.contents(atPath: png) ?? Data())
}

/// The width and height in a PNG's header.
private func pngSize(_ png: Data) -> (width: Int, height: Int)? {
  let bytes = [UInt8](png.prefix(24))
  guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
  func int(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
  return (int(16), int(20))
}

/// The size of a screenshot of an empty page at the reports' window size, taken once.
private let blankScreenshotBytes: Int? = {
  let folder = TemporaryDirectory()
  let empty = folder.write("blank.html", "<!DOCTYPE html><html><body></body></html>")
  return (try? render(empty, width: BrowserTests.window.width, height: BrowserTests.window.height, in: folder))?.screenshot.count
}()

/// The report.html of each command, in both languages, opened in a real
/// browser. Set `ANALYZE_SCREENSHOTS=DIR` to keep the screenshots for a look.
@Suite(
  .enabled(
    if: chromium != nil,
    "chromium is not installed: apt-get install chromium fonts-noto-cjk (.ci/run installs them) to open the reports in a browser"))
struct BrowserTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var language: String
    var charts: Int
    var testDescription: String { "\(arguments[0]) --lang \(language)" }
  }

  /// Tall enough for the first charts of every report.
  static let window = (width: 1100, height: 5000)
  static let data = repositoryPath("Tests/PredictionTests/Fixtures/data")
  static let cases: [Case] = ["en", "zh"].flatMap { language in
    [
      Case(arguments: ["describe", data], language: language, charts: 2),
      Case(arguments: ["features", data], language: language, charts: 3),
      Case(arguments: ["churn", data], language: language, charts: 4),
      Case(arguments: ["segment", data, "--k-range", "2-5"], language: language, charts: 2),
    ]
  }

  @Test("report.html loads without a console message, its charts are in the page and the screenshot is not blank", arguments: cases)
  func report(_ test: Case) throws {
    let out = TemporaryDirectory()
    let result = try runAnalyze(test.arguments + ["--out", out.path, "--lang", test.language])
    #expect(result.status == 0, "\(result.standardError)")
    let (width, height) = Self.window
    let page = try render("\(out.path)/report.html", width: width, height: height, in: out)
    #expect(page.console.isEmpty, "\(page.console)")
    #expect(page.dom.contains("<main>"))
    #expect(page.dom.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\"").count - 1 == test.charts)
    #expect(!page.dom.contains("parsererror"))
    let size = try #require(pngSize(page.screenshot), "no screenshot")
    #expect(size.width == width && size.height == height)
    // An empty page of the same size compresses to about 11 kB; text and charts to hundreds.
    let blank = try #require(blankScreenshotBytes)
    #expect(page.screenshot.count > 8 * blank, "\(page.screenshot.count) bytes against \(blank) for an empty page")
    if let keep = ProcessInfo.processInfo.environment["ANALYZE_SCREENSHOTS"] {
      try? FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
      FileManager.default.createFile(
        atPath: "\(keep)/\(test.arguments[0])-\(test.language).png", contents: page.screenshot)
    }
  }

  @Test("a chart file opened on its own is an image the browser draws, not an XML error")
  func standaloneSVG() throws {
    let out = TemporaryDirectory()
    #expect(try runAnalyze(["churn", Self.data, "--out", out.path, "--lang", "zh"]).status == 0)
    let page = try render("\(out.path)/odds_ratios.svg", width: 900, height: 1100, in: out)
    #expect(page.console.isEmpty, "\(page.console)")
    #expect(page.dom.contains("优势比"))
    #expect(!page.dom.contains("parsererror"))
    #expect(pngSize(page.screenshot) != nil)
  }
}
