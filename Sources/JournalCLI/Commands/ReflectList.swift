import ArgumentParser
import JournalCore
import JournalInterchange
import JournalStore

extension JournalCommand.Reflect {
  struct ListReflections: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "Show how your answers moved from one reflection to the next.")

    @OptionGroup var store: StoreOptions

    @Option(help: "Output format: text or json.")
    var format: TextOrJSON = .text

    func run() throws {
      let reflections = try store.open(.read).reflections()
      if format == .json {
        try Console.output(ReflectionHistory.json(reflections).rendered())
        return
      }
      guard let first = reflections.first, let last = reflections.last else {
        Console.error(JournalError.unknownReflection(id: nil).description)
        return
      }
      try Console.output(
        "\(Plural.count(reflections.count, "reflection", "reflections")), "
          + (first.day == last.day ? "\(first.day.iso)." : "\(first.day.iso) to \(last.day.iso)."))
      try Console.output("")
      for line in ReflectionHistory.lines(reflections) { try Console.output(line) }
    }
  }
}

/// How the answers moved: for each question, the answers in the order given, a repeated
/// answer shown once ("yes (2026-03-02) → unsure (2026-09-01)").
enum ReflectionHistory {
  /// A value and the day it was first given, once per change.
  static func changes<Value: Equatable>(
    _ reflections: [Reflection], _ value: (Reflection) -> Value?
  ) -> [(value: Value, day: Day)] {
    var changes: [(value: Value, day: Day)] = []
    for reflection in reflections {
      guard let current = value(reflection) else { continue }
      if changes.last?.value != current { changes.append((current, reflection.day)) }
    }
    return changes
  }

  /// The text lines: the five-year answers, one row per question, the motives, the notes.
  static func lines(_ reflections: [Reflection]) -> [String] {
    var lines: [String] = []
    let width = 30
    let fiveYears = changes(reflections) { $0.fiveYears.isEmpty ? nil : $0.fiveYears }
    lines.append(JournalCommand.Reflect.fiveYearsQuestion)
    if fiveYears.isEmpty { lines.append("  not answered") }
    for change in fiveYears {
      lines.append("  \(change.day.iso)  \(TerminalText.line(change.value))")
    }
    lines.append("")
    func row(_ label: String, _ changes: [(value: String, day: Day)]) -> String {
      let history =
        changes.isEmpty
        ? "not answered"
        : changes.map { "\($0.value) (\($0.day.iso))" }.joined(separator: " → ")
      return label.rightPadded(to: width) + history
    }
    for question in ReflectionQuestion.allCases {
      let answers = changes(reflections) { reflection in
        reflection.answer(question).map { answer in
          answer.choice.code + (answer.choice.lean.map { " [\($0.nameInSentence)]" } ?? "")
        }
      }
      lines.append(row(question.label, answers))
    }
    let motives = changes(reflections) { reflection in
      reflection.motives.isEmpty ? nil : reflection.motives.map(\.rawValue).joined(separator: ", ")
    }
    lines.append(row("motives", motives))
    let notes = reflections.filter { !$0.note.isEmpty }
    if !notes.isEmpty {
      lines.append("")
      lines.append("Notes")
      for reflection in notes {
        lines.append("  \(reflection.day.iso)  \(TerminalText.line(reflection.note))")
      }
    }
    return lines
  }

  /// `{"reflections": [...], "questions": [{"question", "text", "history": [...]}]}`.
  /// One reflection as `reflect list --format json` and `reflect show --format json` print it.
  static func json(_ reflection: Reflection) -> JSONValue {
    .object([
      ("id", .int(Int(reflection.id))), ("date", .string(reflection.day.iso)),
      ("five_years", .string(reflection.fiveYears)),
      ("motives", .array(reflection.motives.map { .string($0.rawValue) })),
      (
        "wrong_reasons",
        .array(reflection.motives.filter(\.isWrongReason).map { .string($0.rawValue) })
      ),
      ("answers", JournalExport.answersJSON(reflection.answers)),
      ("note", .string(reflection.note)),
    ])
  }

  static func json(_ reflections: [Reflection]) -> JSONValue {
    .object([
      ("reflections", .array(reflections.map { json($0) })),
      (
        "questions",
        .array(
          ReflectionQuestion.allCases.map { question in
            let history = changes(reflections) { $0.answer(question)?.choice }
            return .object([
              ("question", .string(question.rawValue)), ("text", .string(question.wording)),
              (
                "history",
                .array(
                  history.map { change in
                    .object([
                      ("date", .string(change.day.iso)), ("answer", .string(change.value.code)),
                      ("lean", .optionalString(change.value.lean?.rawValue)),
                    ])
                  })
              ),
            ])
          })
      ),
    ])
  }
}

extension JournalCommand.Reflect {
  struct ShowReflection: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "Show one reflection in full (the latest by default).")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The reflection's id (see 'journal reflect list --format json').")
    var id: Int64?

    @Option(help: "Output format: text or json.")
    var format: TextOrJSON = .text

    func run() throws {
      let reflections = try store.open(.read).reflections()
      guard let reflection = id.map({ id in reflections.first { $0.id == id } }) ?? reflections.last
      else {
        throw JournalError.unknownReflection(id: id)
      }
      if format == .json {
        try Console.output(ReflectionHistory.json(reflection).rendered())
        return
      }
      try Console.output("Reflection \(reflection.id), \(reflection.day.iso)")
      try Console.output("")
      try Console.output(JournalCommand.Reflect.fiveYearsQuestion)
      try Console.output(
        "  "
          + (reflection.fiveYears.isEmpty
            ? "not answered" : TerminalText.line(reflection.fiveYears)))
      for question in ReflectionQuestion.allCases {
        guard let answer = reflection.answer(question) else { continue }
        let lean = answer.choice.lean.map { " [\($0.displayName)]" } ?? ""
        try Console.output(question.wording)
        try Console.output("  \(answer.choice.wording)\(lean)")
      }
      if !reflection.motives.isEmpty {
        try Console.output(
          "Motives: "
            + reflection.motives.map {
              $0.isWrongReason ? "\($0.rawValue) (a reason the articles warn about)" : $0.rawValue
            }.joined(separator: ", "))
      }
      if !reflection.note.isEmpty {
        try Console.output("Note: " + TerminalText.line(reflection.note))
      }
    }
  }
}
