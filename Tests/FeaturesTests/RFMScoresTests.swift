import Foundation
import TestSupport
import Testing

@testable import Features

@Suite struct RFMScoresTests {
  // Ten customers, given out of id order. C09 only has a refund: no recency,
  // frequency 0, monetary -20. Hand-worked ranks (ties by id ascending):
  //   recency, n = 9, days descending: 365 C06, 200 C01, 90 C08, 40 C02 C04 C05,
  //     10 C07 C10, 5 C03 → ranks 0…8 → ⌊r·5/9⌋+1 = 1 1 2 2 3 3 4 4 5
  //   frequency, n = 10: 0 C09, 1 C01 C02 C03 C06, 2 C05 C08, 3 C07, 4 C04, 5 C10
  //     → ⌊r/2⌋+1 = 1 1 2 2 3 3 4 4 5 5
  //   monetary, n = 10: -20 C09, 30 C06, 50 C01 C02, 80 C03, 120 C05 C08, 300 C07,
  //     400 C04, 900 C10 → 1 1 2 2 3 3 4 4 5 5
  let ids = ["C07", "C02", "C10", "C01", "C05", "C09", "C03", "C08", "C04", "C06"]
  let recency: [Double] = [10, 40, 10, 200, 40, .nan, 5, 90, 40, 365]
  let frequency: [Double] = [3, 1, 5, 1, 2, 0, 1, 2, 4, 1]
  let monetary: [Double] = [300, 50, 900, 50, 120, -20, 80, 120, 400, 30]

  let expectedR: [UInt8] = [4, 2, 4, 1, 3, 0, 5, 2, 3, 1]
  let expectedF: [UInt8] = [4, 2, 5, 1, 3, 1, 2, 4, 5, 3]
  let expectedM: [UInt8] = [4, 2, 5, 2, 3, 1, 3, 4, 5, 1]

  @Test("ten customers with ties score as worked by hand")
  func handWorked() {
    let scores = RFMScores(
      recencyDays: recency, frequency: frequency, monetaryTotal: monetary, customerIDs: ids)
    #expect(scores.recency == expectedR)
    #expect(scores.frequency == expectedF)
    #expect(scores.monetary == expectedM)
  }

  @Test("a tie across a quintile boundary is split by customer id, lower id lower score")
  func tieDirection() {
    let scores = RFMScores(
      recencyDays: recency, frequency: frequency, monetaryTotal: monetary, customerIDs: ids)
    // recency 40 days: C02 (index 1) scores 2, C04 and C05 score 3.
    #expect([scores.recency[1], scores.recency[8], scores.recency[4]] == [2, 3, 3])
    // frequency 1: C01 C02 C03 C06 score 1, 2, 2, 3.
    #expect([3, 1, 6, 9].map { scores.frequency[$0] } == [1, 2, 2, 3])
  }

  @Test("codes and segments per customer, none without a recency score")
  func codesAndSegments() {
    let scores = RFMScores(
      recencyDays: recency, frequency: frequency, monetaryTotal: monetary, customerIDs: ids)
    #expect(
      scores.codes == ["444", "222", "455", "112", "333", nil, "523", "244", "355", "131"])
    #expect(
      scores.segments == [
        .loyal, .hibernating, .loyal, .lost, .needAttention, nil, .potentialLoyalist, .atRisk,
        .loyal, .lost,
      ])
  }

  @Test("scores do not depend on the order customers are given in")
  func orderIndependent() {
    var rng = SplitMix64(seed: 11)
    let permutation = Array(0..<10).shuffled(using: &rng)
    let scores = RFMScores(
      recencyDays: permutation.map { recency[$0] }, frequency: permutation.map { frequency[$0] },
      monetaryTotal: permutation.map { monetary[$0] }, customerIDs: permutation.map { ids[$0] })
    #expect(scores.recency == permutation.map { expectedR[$0] })
    #expect(scores.frequency == permutation.map { expectedF[$0] })
    #expect(scores.monetary == permutation.map { expectedM[$0] })
  }

  @Test("all missing or no customers give no scores")
  func empty() {
    let none = RFMScores(recencyDays: [], frequency: [], monetaryTotal: [], customerIDs: [])
    #expect(none.count == 0)
    let missing = RFMScores(
      recencyDays: [.nan, .nan], frequency: [.nan, 1], monetaryTotal: [.nan, 5],
      customerIDs: ["a", "b"])
    #expect(missing.recency == [0, 0])
    #expect(missing.frequency == [0, 1])  // one customer: rank 0 of 1 → score 1
    #expect(missing.code(at: 1) == nil)
  }

  @Test("quintiles match pandas rank(method='first') and qcut on 1,000 customers")
  func pandasReference() throws {
    let path = try #require(
      Bundle.module.path(forResource: "Fixtures/rfm/rfm_quintiles.csv", ofType: nil))
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
    var ids: [String] = [], r: [Double] = [], f: [Double] = [], m: [Double] = []
    var er: [UInt8] = [], ef: [UInt8] = [], em: [UInt8] = []
    for line in lines {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      ids.append(cells[0])
      r.append(Double(cells[1]) ?? .nan)
      f.append(Double(cells[2]) ?? .nan)
      m.append(Double(cells[3]) ?? .nan)
      er.append(UInt8(cells[4])!)
      ef.append(UInt8(cells[5])!)
      em.append(UInt8(cells[6])!)
    }
    #expect(ids.count == 1000)
    let scores = RFMScores(recencyDays: r, frequency: f, monetaryTotal: m, customerIDs: ids)
    #expect(scores.recency == er)
    #expect(scores.frequency == ef)
    #expect(scores.monetary == em)
  }

  @Test("the id order equals String sorting, for ASCII, shared prefixes, non-ASCII and duplicates")
  func idOrder() {
    var rng = SplitMix64(seed: 3)
    let alphabet = Array("AB0129-_zé客户")
    for round in 0..<40 {
      let asciiOnly = round % 2 == 0
      let letters = asciiOnly ? alphabet.filter(\.isASCII) : alphabet
      let prefix = round % 4 < 2 ? "CUST0000" : ""
      var ids: [String] = []
      for _ in 0..<300 {
        let length = Int.random(in: 0...12, using: &rng)
        var id = prefix
        for _ in 0..<length { id.append(letters.randomElement(using: &rng)!) }
        ids.append(id)
      }
      let expected: [Int32] = (0..<Int32(ids.count)).sorted { (a: Int32, b: Int32) -> Bool in
        let x = ids[Int(a)], y = ids[Int(b)]
        return x != y ? x < y : a < b
      }
      #expect(CustomerOrder.idOrder(ids) == expected, "round \(round)")
    }
  }
}
