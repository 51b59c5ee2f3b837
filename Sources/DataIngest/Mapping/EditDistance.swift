/// Levenshtein's edit distance, and the "did you mean …?" rule built on it
/// for error messages (unknown headers, unknown fields in tag rules).
public enum EditDistance {
  /// Insertions, deletions and substitutions turning `a` into `b`, counted
  /// over Unicode scalars (so `金额` → `总金额` is one edit).
  ///
  /// - Complexity: O(a.count · b.count) time, O(b.count) memory.
  public static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }

  /// Whether a word of `length` scalars is near enough to something
  /// `distance` edits away to suggest it: at most `max(2, length / 3)`
  /// edits, and fewer than `length`, which keeps two-character Chinese
  /// words such as `备注` from matching every other two-character word.
  public static func isNear(_ distance: Int, length: Int) -> Bool {
    distance <= max(2, length / 3) && distance < length
  }

  /// The candidate nearest to `word` when it is near (see ``isNear(_:length:)``);
  /// the first one listed wins a tie.
  ///
  /// - Complexity: O(n·m) per candidate; meant for error paths.
  public static func nearest(to word: String, among candidates: some Sequence<String>) -> String? {
    let target = Array(word.unicodeScalars)
    guard !target.isEmpty else { return nil }
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let distance = levenshtein(target, Array(candidate.unicodeScalars))
      if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    guard let best, isNear(best.distance, length: target.count) else { return nil }
    return best.candidate
  }
}
