import Simulation
import Testing

@Suite struct SimulationErrorTests {
  @Test("errors name the parameter, its value and the reason")
  func message() {
    #expect(
      SimulationError.invalidParameter(name: "customers", value: "0", reason: "must be at least 1").description
        == "customers = 0: must be at least 1.")
  }
}
