import Testing

@testable import CRMExport

/// Ids are found as a dictionary keyed by String finds them, whether they came sorted or not.
@Suite struct IDIndexTests {
  @Test("ascending ASCII ids: found by position, absent ones not found, equal ones refused")
  func ascending() {
    var index = IDIndex()
    for id in ["C1", "C2", "C3", "D10"] { #expect(index.insert(id) == nil) }
    #expect(index.position(ofText: "C2") == 1)
    #expect(index.position(ofText: "D10") == 3)
    #expect(index.position(ofText: "C4") == nil)
    #expect(index.position(ofText: "") == nil)
    #expect(index.insert("D11") == nil)
    #expect(index.insert("C2") == 1)
    #expect((0..<index.ids.count).map { index.ids[$0] } == ["C1", "C2", "C3", "D10", "D11"])
  }

  @Test("searching ahead of a hint finds what a search of every id finds")
  func afterHint() {
    var index = IDIndex()
    let ids = (0..<100).map { "C" + String(1000 + 3 * $0) }  // C1000, C1003, …
    for id in ids { _ = index.insert(id) }
    let find = { (id: String, hint: Int) in
      Array(id.utf8).withUnsafeBufferPointer { index.position(of: $0, after: hint) }
    }
    for hint in [-1, 0, 5, 50, 98, 99, 100] {
      for (position, id) in ids.enumerated() { #expect(find(id, hint) == position, "\(id) after \(hint)") }
      #expect(find("C1001", hint) == nil)
      #expect(find("C9999", hint) == nil)
      #expect(find("B", hint) == nil)
    }
  }

  @Test("an id out of order or not ASCII switches to hashing, with the same answers")
  func unordered() {
    var index = IDIndex()
    for id in ["B", "A", "客户1", "C"] { #expect(index.insert(id) == nil) }
    #expect(index.insert("A") == 1)
    #expect(index.position(ofText: "客户1") == 2)
    #expect(index.position(ofText: "C") == 3)
    #expect((0..<index.ids.count).map { index.ids[$0] } == ["B", "A", "客户1", "C"])
  }

  @Test("canonically equal ids are one id, as Swift strings compare: the Kelvin sign is K")
  func canonicalEquivalence() {
    var sorted = IDIndex()
    for id in ["J", "K", "L"] { _ = sorted.insert(id) }
    #expect(sorted.position(ofText: "\u{212A}") == 1)
    #expect(sorted.insert("\u{212A}") == 1)
    var hashed = IDIndex()
    for id in ["L", "K"] { _ = hashed.insert(id) }
    #expect(hashed.insert("\u{212A}") == 1)
  }
}

extension IDIndex {
  /// ``position(of:)`` of a string.
  fileprivate func position(ofText id: String) -> Int? {
    var id = id
    return id.withUTF8 { position(of: $0) }
  }
}
