import DataIngest
import Simulation
import Testing

@Suite struct SimulationParametersTests {
  @Test("the defaults are valid and cover 2023-01-01 to 2025-12-31")
  func defaults() throws {
    let parameters = SimulationParameters(customers: 1)
    try parameters.validate()
    #expect(DayNumber.isoString(parameters.startDay) == "2023-01-01")
    #expect(DayNumber.isoString(parameters.endDay) == "2025-12-31")
    #expect(parameters.dayCount == 1096)
    #expect(SegmentProfile.builtIn.count == 5)
    assertSharesSumToOne()
  }

  private func assertSharesSumToOne() {
    let total = SegmentProfile.builtIn.reduce(0) { $0 + $1.share }
    #expect(abs(total - 1) < 1e-12)
  }

  @Test("out-of-range values name the parameter, the value and the rule")
  func invalid() {
    func error(_ change: (inout SimulationParameters) -> Void) -> SimulationError? {
      var parameters = SimulationParameters(customers: 100)
      change(&parameters)
      do {
        try parameters.validate()
        return nil
      } catch {
        return error
      }
    }
    #expect(error { $0.customers = 0 } == .invalidParameter(name: "customers", value: "0", reason: "must be at least 1"))
    #expect(error { $0.customers = 10_000_001 }?.description == "customers = 10000001: must be at most 10000000.")
    #expect(error { $0.endDay = $0.startDay }
      == .invalidParameter(name: "end", value: "2023-01-01", reason: "must be after start (2023-01-01)"))
    #expect(error { $0.effects.refundProbability = 1.5 }
      == .invalidParameter(name: "refundProbability", value: "1.5", reason: "must be a probability from 0 to 1"))
    #expect(error { $0.segments[0].categoryWeights = [1, 2] }
      == .invalidParameter(name: "segments[champions].categoryWeights", value: "2", reason: "must list 8 weights"))
    #expect(error { $0.provinces[0].cities = ["广州,天河"] }?.description.contains("without ,") == true)
    #expect(error { $0.segments = [] } != nil)
    #expect(error { $0.effects.hazardMember = .nan } != nil)
  }

  @Test("the simulator refuses invalid parameters before doing any work")
  func simulatorValidates() {
    #expect(throws: SimulationError.invalidParameter(name: "customers", value: "-3", reason: "must be at least 1")) {
      try PurchaseSimulator(SimulationParameters(customers: -3))
    }
  }
}
