/// Each scored customer's reason codes, strongest first, stored flat: a
/// million small arrays of ``ReasonCode`` take several times their size in
/// memory (an allocation each), where these columns take about 36 bytes a
/// reason. Reads as a collection of `[ReasonCode]`, one per customer.
public struct ReasonLists: RandomAccessCollection, Sendable, Equatable {
  /// Where each customer's reasons start in the columns below; one more entry at the end.
  private var starts: [Int32] = [0]
  private var terms: [ModelTerm] = []
  /// Per reason: the index of its term in `terms`, its contribution and detail.
  private var term: [Int32] = []
  private var contribution: [Double] = []
  private var detail: [ReasonCode.Detail] = []

  /// No customers yet; `terms` are the terms reasons can name.
  init(terms: [ModelTerm]) {
    self.terms = terms
  }

  /// Adds the next customer's reasons: (index in `terms`, contribution, detail), strongest first.
  mutating func append(_ reasons: some Sequence<(term: Int, contribution: Double, detail: ReasonCode.Detail)>) {
    for reason in reasons {
      term.append(Int32(reason.term))
      contribution.append(reason.contribution)
      detail.append(reason.detail)
    }
    starts.append(Int32(term.count))
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { starts.count - 1 }

  /// The reasons of customer `index`.
  public subscript(index: Int) -> [ReasonCode] {
    (0..<count(of: index)).map { reason($0, of: index)! }
  }

  /// How many reasons customer `index` has.
  public func count(of index: Int) -> Int { Int(starts[index + 1] - starts[index]) }

  /// Reason `rank` (0: the strongest) of customer `index`, without building the customer's array.
  public func reason(_ rank: Int, of index: Int) -> ReasonCode? {
    guard rank < count(of: index) else { return nil }
    let k = Int(starts[index]) + rank
    return ReasonCode(term: terms[Int(term[k])], contribution: contribution[k], detail: detail[k])
  }

  public static func == (a: ReasonLists, b: ReasonLists) -> Bool { a.elementsEqual(b) }
}
