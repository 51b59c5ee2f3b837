import Features
import Testing

@Suite struct RFMSegmentTests {
  /// The grid of the doc comment, written out again: rows FM = 5 … 1, columns R = 1 … 5.
  static let grid: [[RFMSegment]] = [
    [.cannotLoseThem, .atRisk, .loyal, .loyal, .champions],
    [.atRisk, .atRisk, .loyal, .loyal, .loyal],
    [.atRisk, .atRisk, .needAttention, .potentialLoyalist, .potentialLoyalist],
    [.lost, .hibernating, .aboutToSleep, .potentialLoyalist, .potentialLoyalist],
    [.lost, .lost, .aboutToSleep, .promising, .new],
  ]

  /// The published rectangles on a 0–5 axis, smallest first (drawn on top).
  /// `r` and `fm` are open-closed intervals (lo, hi], so 4–5 is the score 5.
  static let rectangles: [(RFMSegment, r: ClosedRange<Int>, fm: ClosedRange<Int>)] = [
    (.champions, 4...5, 4...5), (.cannotLoseThem, 0...1, 4...5), (.new, 4...5, 0...1),
    (.promising, 3...4, 0...1), (.hibernating, 1...2, 1...2), (.needAttention, 2...3, 2...3),
    (.aboutToSleep, 2...3, 0...2), (.loyal, 2...5, 3...5), (.potentialLoyalist, 3...5, 1...3),
    (.atRisk, 0...2, 2...5), (.lost, 0...2, 0...2),
  ]

  @Test("all 125 codes map to the grid cell of R and ⌈(F+M)/2⌉")
  func allCells() {
    var counts: [RFMSegment: Int] = [:]
    for r in 1...5 {
      for f in 1...5 {
        for m in 1...5 {
          let fm = Int((Double(f + m) / 2).rounded(.up))
          let segment = RFMSegment(recency: r, frequency: f, monetary: m)
          #expect(segment == Self.grid[5 - fm][r - 1], "code \(r)\(f)\(m)")
          counts[segment, default: 0] += 1
        }
      }
    }
    // Hand count: FM = 1…5 holds 1, 5, 9, 7, 3 of the 25 (F, M) pairs.
    #expect(
      counts == [
        .champions: 3, .loyal: 27, .potentialLoyalist: 28, .new: 1, .promising: 1,
        .needAttention: 9, .aboutToSleep: 6, .atRisk: 35, .cannotLoseThem: 3, .hibernating: 5,
        .lost: 7,
      ])
    #expect(counts.values.reduce(0, +) == 125)
  }

  @Test("every grid cell lies in its segment's published rectangle, and in no earlier one")
  func gridMatchesRectangles() {
    for fm in 1...5 {
      for r in 1...5 {
        let inside = Self.rectangles.filter {
          $0.r.lowerBound < r && r <= $0.r.upperBound
            && $0.fm.lowerBound < fm && fm <= $0.fm.upperBound
        }
        #expect(inside.first?.0 == Self.grid[5 - fm][r - 1], "R \(r) FM \(fm)")
      }
    }
  }

  @Test("well-known codes land where the literature puts them")
  func knownCodes() {
    #expect(RFMSegment(recency: 5, frequency: 5, monetary: 5) == .champions)
    #expect(RFMSegment(recency: 5, frequency: 4, monetary: 5) == .champions)  // FM 4.5 → 5
    #expect(RFMSegment(recency: 5, frequency: 4, monetary: 4) == .loyal)
    #expect(RFMSegment(recency: 1, frequency: 5, monetary: 5) == .cannotLoseThem)
    #expect(RFMSegment(recency: 1, frequency: 4, monetary: 4) == .atRisk)
    #expect(RFMSegment(recency: 5, frequency: 1, monetary: 1) == .new)
    #expect(RFMSegment(recency: 4, frequency: 1, monetary: 1) == .promising)
    #expect(RFMSegment(recency: 1, frequency: 1, monetary: 1) == .lost)
  }

  @Test("every segment has an English and a distinct Chinese name")
  func names() {
    #expect(RFMSegment.allCases.count == 11)
    #expect(Set(RFMSegment.allCases.map(\.chineseName)).count == 11)
    #expect(RFMSegment.cannotLoseThem.englishName == "Can't lose them")
    #expect(RFMSegment.champions.chineseName == "冠军客户")
    #expect(RFMSegment(rawValue: "potential_loyalist") == .potentialLoyalist)
  }
}
