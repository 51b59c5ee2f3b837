import Foundation
import Testing
import TestSupport

@testable import Reports

@Suite struct AtomicFileTests {
  @Test("write creates the file and leaves no temporary file")
  func write() throws {
    let scratch = TemporaryDirectory()
    try AtomicFile.write("a,b\n1,2\n".utf8, to: scratch.path + "/out.csv")
    #expect(scratch.contents("out.csv") == "a,b\n1,2\n")
    #expect(try scratch.entries() == ["out.csv"])
  }

  @Test("write replaces an existing file in one step")
  func replaces() throws {
    let scratch = TemporaryDirectory()
    let path = scratch.path + "/report.md"
    try AtomicFile.write(Array("old contents that are longer".utf8), to: path)
    try AtomicFile.write(Array("new".utf8), to: path)
    #expect(scratch.contents("report.md") == "new")
    #expect(try scratch.entries() == ["report.md"])
  }

  @Test("writing into a missing directory names the path and the reason")
  func missingDirectory() throws {
    let scratch = TemporaryDirectory()
    let path = scratch.path + "/no/such/dir/out.csv"
    #expect(throws: ReportError.cannotCreateFile(path: path, reason: "No such file or directory")) {
      try AtomicFile.write([1, 2, 3], to: path)
    }
    let error = ReportError.cannotCreateFile(path: path, reason: "No such file or directory")
    #expect(error.description == "Cannot create the file \"\(path)\": No such file or directory.")
  }

  @Test("a directory in the way fails the rename and the temporary file is removed")
  func directoryInTheWay() throws {
    let scratch = TemporaryDirectory()
    let path = scratch.path + "/taken"
    try FileManager.default.createDirectory(
      atPath: path + "/inside", withIntermediateDirectories: true)
    #expect(throws: ReportError.cannotReplaceFile(path: path, reason: "Is a directory")) {
      try AtomicFile.write("x".utf8, to: path)
    }
    #expect(try scratch.entries() == ["taken"])
  }

  @Test("the streaming writer shows nothing at the target until commit")
  func streaming() throws {
    let scratch = TemporaryDirectory()
    let path = scratch.path + "/scores.csv"
    let writer = try AtomicFileWriter(path: path)
    try writer.append("id,score\n".utf8)
    try writer.append([UInt8]("c1,0.5\n".utf8))
    let temporary = try scratch.entries()
    #expect(temporary.count == 1)
    #expect(temporary.first?.hasPrefix(".scores.csv.tmp-\(getpid())-") == true)
    #expect(writer.temporaryPath == scratch.path + "/" + temporary[0])
    #expect(scratch.contents("scores.csv") == nil)
    try writer.commit()
    #expect(scratch.contents("scores.csv") == "id,score\nc1,0.5\n")
    #expect(try scratch.entries() == ["scores.csv"])
  }

  @Test(
    "dropping or discarding an uncommitted writer removes the temporary file and keeps the old one")
  func discard() throws {
    let scratch = TemporaryDirectory()
    let path = scratch.path + "/keep.csv"
    try AtomicFile.write("old".utf8, to: path)
    do {
      let writer = try AtomicFileWriter(path: path)
      try writer.append("half writ".utf8)
      #expect(try scratch.entries().count == 2)
    }
    #expect(try scratch.entries() == ["keep.csv"])
    let writer = try AtomicFileWriter(path: path)
    try writer.append("half writ".utf8)
    writer.discard()
    #expect(try scratch.entries() == ["keep.csv"])
    #expect(scratch.contents("keep.csv") == "old")
  }

  @Test("createDirectory makes missing parents and accepts existing directories")
  func createDirectory() throws {
    let scratch = TemporaryDirectory()
    let path = scratch.path + "/a/b/c"
    try AtomicFile.createDirectory(path)
    try AtomicFile.createDirectory(path)
    try AtomicFile.createDirectory(path + "/")
    var isDirectory: ObjCBool = false
    #expect(
      FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        && isDirectory.boolValue)
  }

  @Test("createDirectory through a regular file names the path and the file")
  func createDirectoryThroughFile() throws {
    let scratch = TemporaryDirectory()
    try AtomicFile.write("x".utf8, to: scratch.path + "/file")
    let path = scratch.path + "/file/sub"
    #expect(
      throws: ReportError.cannotCreateDirectory(
        path: path, reason: "\"\(scratch.path)/file\" exists and is not a directory")
    ) {
      try AtomicFile.createDirectory(path)
    }
  }
}
