import Testing

/// Whether two numbers agree within a relative **or** an absolute tolerance.
///
/// ```
/// |actual − expected| ≤ max(absoluteTolerance, relativeTolerance · max(|actual|, |expected|))
/// ```
///
/// Two NaNs are not equal; two infinities of the same sign are.
///
/// - Parameters:
///   - actual: the computed value.
///   - expected: the reference value.
///   - relativeTolerance: allowed error relative to the larger magnitude (default `1e-10`).
///   - absoluteTolerance: allowed error near zero (default `1e-12`).
/// - Returns: `true` when the values agree.
public func isApproximatelyEqual(
  _ actual: Double, _ expected: Double,
  relativeTolerance: Double = 1e-10, absoluteTolerance: Double = 1e-12
) -> Bool {
  if actual == expected { return true }  // also covers equal infinities
  guard actual.isFinite, expected.isFinite else { return false }
  let scale = max(abs(actual), abs(expected))
  return abs(actual - expected) <= max(absoluteTolerance, relativeTolerance * scale)
}

/// Records a test issue unless two numbers agree within tolerance, printing
/// both values and their difference.
///
/// ```
/// |actual − expected| ≤ max(absoluteTolerance, relativeTolerance · max(|actual|, |expected|))
/// ```
///
/// - Parameters:
///   - actual: the computed value.
///   - expected: the reference value.
///   - relativeTolerance: default `1e-10`.
///   - absoluteTolerance: default `1e-12`.
///   - comment: extra context for the failure message.
///   - sourceLocation: where the failure is reported (defaults to the caller).
/// - Returns: whether the values agreed (handy for `#require`-style early exits).
@discardableResult
public func assertApproximatelyEqual(
  _ actual: Double, _ expected: Double,
  relativeTolerance: Double = 1e-10, absoluteTolerance: Double = 1e-12,
  _ comment: @autoclosure () -> String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let ok = isApproximatelyEqual(
    actual, expected, relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance)
  if !ok {
    let context = comment()
    let message: String =
      "\(context.isEmpty ? "" : context + ": ")\(actual) is not approximately \(expected) "
      + "(difference \(actual - expected), rtol \(relativeTolerance), atol \(absoluteTolerance))"
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  }
  return ok
}

/// Records a test issue unless two arrays have the same count and agree
/// element by element within tolerance; every differing index is reported.
///
/// ```
/// actual.count == expected.count  and  ∀ i: isApproximatelyEqual(actual[i], expected[i])
/// ```
///
/// - Parameters:
///   - actual: the computed values.
///   - expected: the reference values.
///   - relativeTolerance: default `1e-10`.
///   - absoluteTolerance: default `1e-12`.
///   - comment: extra context for the failure message.
///   - sourceLocation: where the failure is reported (defaults to the caller).
/// - Returns: whether the arrays agreed.
@discardableResult
public func assertApproximatelyEqual(
  _ actual: [Double], _ expected: [Double],
  relativeTolerance: Double = 1e-10, absoluteTolerance: Double = 1e-12,
  _ comment: @autoclosure () -> String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let context = comment()
  let prefix = context.isEmpty ? "" : context + ": "
  guard actual.count == expected.count else {
    Issue.record(
      "\(prefix)\(actual.count) values \(actual) but expected \(expected.count) values \(expected)",
      sourceLocation: sourceLocation)
    return false
  }
  var ok = true
  for (i, (a, e)) in zip(actual, expected).enumerated()
  where !isApproximatelyEqual(a, e, relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance) {
    ok = false
    let message: String =
      "\(prefix)element \(i): \(a) is not approximately \(e) (difference \(a - e)); "
      + "actual \(actual), expected \(expected)"
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  }
  return ok
}
