import ArgumentParser
import DataIngest

/// A date given on the command line, as a day number.
struct DayArgument: ExpressibleByArgument {
  let day: Int32

  init?(argument: String) {
    guard let day = DateParser(order: .ymd).day(from: argument) else { return nil }
    self.day = day
  }

  static var defaultCompletionKind: CompletionKind { .default }
}
