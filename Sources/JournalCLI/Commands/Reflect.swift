import ArgumentParser
import JournalCore
import JournalStore

extension Motive: ExpressibleByArgument {}

extension JournalCommand {
  struct Reflect: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reflect",
      abstract: "Answer the articles' questions: your five-year answer and a motives check.",
      discussion: """
        On a terminal without options it asks the questions. Motives: status, compensation, \
        pressure (from others), fear (of the new), energy, growth, impact. The first four are the \
        articles' poor reasons; the report names them gently.
        """)

    static let fiveYearsQuestion =
      "In five years, what do you want to be the person in the room who knows?"

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("five-years"), help: "Your answer to the five-year question.")
    var fiveYears: String?

    @Option(
      name: .customLong("motive"),
      help: ArgumentHelp("What pulls you toward a track (repeatable).", valueName: "motive"))
    var motives: [Motive] = []

    @Option(help: "Anything else on your mind.")
    var note: String?

    @Option(
      parsing: .unconditional, help: ArgumentHelp("The day (default: today).", valueName: "date"),
      transform: Arguments.date)
    var date: DateExpression?

    func run() throws {
      let today = try Clock.today()
      var fiveYears = fiveYears?.trimmingWhitespace() ?? ""
      var motives = motives
      let note = note?.trimmingWhitespace() ?? ""
      if fiveYears.isEmpty && motives.isEmpty && note.isEmpty {
        guard Console.stdinIsTerminal else {
          throw ValidationError("Nothing to record; give --five-years, --motive or --note.")
        }
        try Console.output(Self.fiveYearsQuestion)
        try Console.finishOutput()
        fiveYears = (readLine() ?? "").trimmingWhitespace()
        try Console.output(
          "What pulls you toward a track? Any of: "
            + Motive.allCases.map(\.rawValue).joined(separator: ", ") + " (comma-separated)")
        try Console.finishOutput()
        motives = (readLine() ?? "").split(whereSeparator: { $0 == "," || $0 == " " })
          .compactMap { Motive(rawValue: $0.lowercased()) }
        guard !fiveYears.isEmpty || !motives.isEmpty else { throw JournalError.cancelled }
      }
      var unique: [Motive] = []
      for motive in motives where !unique.contains(motive) { unique.append(motive) }
      let reflection = try store.open(.write).addReflection(
        day: try date?.day(today: today) ?? today, fiveYears: fiveYears, motives: unique, note: note
      )
      try Console.output("Recorded reflection \(reflection.id) for \(reflection.day.iso).")
      let wrong = unique.filter(\.isWrongReason)
      if !wrong.isEmpty {
        try Console.output(
          "Note: " + wrong.map(\.phrase).joined(separator: ", ")
            + " \(wrong.count == 1 ? "is" : "are") among the reasons the articles warn about; "
            + "the report will ask you to look at it again.")
      }
    }
  }
}
