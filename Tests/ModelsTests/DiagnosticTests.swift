import Foundation
import Models
import Testing

@Suite struct DiagnosticTests {
  @Test("descriptions name the columns and say what to do")
  func descriptions() {
    #expect(
      Diagnostic.droppedCollinear(column: "x3", dependsOn: ["x1", "x2"]).description
        == "Column 'x3' is a linear combination of 'x1' and 'x2' and was dropped.")
    #expect(Diagnostic.droppedConstant(column: "five").description == "Column 'five' is constant and was dropped.")
    #expect(
      Diagnostic.quasiSeparation(columns: ["intercept", "x"]).description.hasPrefix(
        "Quasi-complete separation: the coefficients of 'intercept' and 'x' diverge"))
    #expect(Diagnostic.notConverged(iterations: 35, lastChange: 0.5).description.contains("35 iterations"))
  }

  @Test("diagnostics survive a JSON round trip")
  func codable() throws {
    let all: [Diagnostic] = [
      .notConverged(iterations: 3, lastChange: 0.25), .quasiSeparation(columns: ["x"]),
      .perfectSeparation(columns: ["intercept", "x"]), .droppedCollinear(column: "c", dependsOn: ["a", "b"]),
      .droppedConstant(column: "k"), .nearSingularHessian(conditionNumber: 3e12),
    ]
    let decoded = try JSONDecoder().decode([Diagnostic].self, from: JSONEncoder().encode(all))
    #expect(decoded == all)
  }
}
