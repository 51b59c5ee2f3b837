/// "Did you mean …?" for names a user typed: the nearest known name by
/// Levenshtein's edit distance over Unicode scalars.
///
/// ```swift
/// NameSuggestion.closest(to: "recency_day", among: ["recency_days", "frequency"])  // "recency_days"
/// ```
public enum NameSuggestion {
  /// The known name nearest to `name`, or `nil` when even the nearest is
  /// further than `max(2, n / 3)` edits away (n = `name`'s length in scalars)
  /// or needs as many edits as `name` has characters, so that short names
  /// are not matched to unrelated ones. Ties go to the name listed first.
  ///
  /// - Complexity: O(n·m) per known name; meant for error paths.
  public static func closest(to name: String, among known: [String]) -> String? {
    let target = Array(name.unicodeScalars)
    guard !target.isEmpty else { return nil }
    var best: (name: String, distance: Int)?
    for candidate in known {
      let distance = editDistance(target, Array(candidate.unicodeScalars))
      if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    guard let best, best.distance <= max(2, target.count / 3), best.distance < target.count else { return nil }
    return best.name
  }

  /// Levenshtein's distance: insertions, deletions and substitutions of one scalar each cost 1.
  public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
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
}
