import ArgumentParser
import JournalCore
import JournalInterchange
import JournalStore

extension Motive: ArgumentChoice {}

extension JournalCommand {
  struct Reflect: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reflect",
      abstract: "Answer the articles' questions: five years on, how to choose, your motives.",
      discussion: """
        'journal reflect' (the same as 'journal reflect add') records a reflection; \
        'journal reflect list' shows how your answers moved.
        """,
      subcommands: [Add.self, ListReflections.self, ShowReflection.self],
      defaultSubcommand: Add.self)

    static let fiveYearsQuestion =
      "In five years, what do you want to be the person in the room who knows?"
  }
}

extension JournalCommand.Reflect {
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Record your answers: the five-year question, how to choose, and your motives.",
      discussion: """
        On a terminal without options it asks every question and re-asks an answer it does \
        not know. Answers: --domain technical|people|unsure (the five-year answer's kind), \
        --energizes technical|people|unsure, --coding yes|no|unsure, --people-issues \
        structured|interpersonal|unsure, --decisions technical|organisational|unsure, --scale \
        technology|people|unsure. Motives: status, compensation, pressure (from others), fear \
        (of the new), energy, growth, impact. The first four are the articles' poor reasons; \
        the report names them gently.
        """)

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("five-years"), help: "Your answer to the five-year question.")
    var fiveYears: String?

    @Option(
      help: ArgumentHelp(
        "Is the five-year answer a technical domain, or people, teams and organisations?",
        valueName: "technical|people|unsure"))
    var domain: String?

    @Option(
      help: ArgumentHelp(
        "What energizes you: technical work, or people and the organisation?",
        valueName: "technical|people|unsure"))
    var energizes: String?

    @Option(
      help: ArgumentHelp(
        "Do you want to code most of the time?", valueName: "yes|no|unsure"))
    var coding: String?

    @Option(
      name: .customLong("people-issues"),
      help: ArgumentHelp(
        "Ambiguity and people issues: structured problem solving, or interpersonal challenges?",
        valueName: "structured|interpersonal|unsure"))
    var peopleIssues: String?

    @Option(
      help: ArgumentHelp(
        "Which decisions and impact: technical level, or team and organisation level?",
        valueName: "technical|organisational|unsure"))
    var decisions: String?

    @Option(
      help: ArgumentHelp(
        "Scale your impact through technology or through people?",
        valueName: "technology|people|unsure"))
    var scale: String?

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

    /// Each question with the value its option was given.
    private var answerOptions: [(ReflectionQuestion, String?)] {
      [
        (.domain, domain), (.energizes, energizes), (.coding, coding),
        (.peopleIssues, peopleIssues), (.decisions, decisions), (.scale, scale),
      ]
    }

    func validate() throws {
      for (question, value) in answerOptions {
        guard let value, ReflectionAnswer(question, value.lowercased()) == nil else { continue }
        throw ValidationError(
          "--\(question.rawValue) '\(TerminalText.line(value))' is not an answer to "
            + "'\(question.wording)'; use \(question.codeList).")
      }
    }

    func run() throws {
      let today = try Clock.today()
      var fiveYears = fiveYears?.trimmingWhitespace() ?? ""
      var motives = motives
      let note = note?.trimmingWhitespace() ?? ""
      var answers = answerOptions.compactMap { question, value in
        value.flatMap { ReflectionAnswer(question, $0.lowercased()) }
      }
      if fiveYears.isEmpty && motives.isEmpty && note.isEmpty && answers.isEmpty {
        guard Console.stdinIsTerminal else {
          throw ValidationError(
            "Nothing to record; give --five-years, an answer such as --coding, --motive or "
              + "--note.")
        }
        (fiveYears, answers, motives) = try Interview.run()
      }
      var unique: [Motive] = []
      for motive in motives where !unique.contains(motive) { unique.append(motive) }
      let reflection = try store.open(.write).addReflection(
        day: try date?.recordedDay(today: today) ?? today, fiveYears: fiveYears, motives: unique,
        note: note, answers: answers)
      try Console.output(
        "Recorded reflection \(reflection.id) for \(reflection.day.iso)"
          + (reflection.answers.isEmpty
            ? "." : " (\(Plural.count(reflection.answers.count, "answer", "answers")))."))
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

/// The questions asked one by one on a terminal. An answer it does not know is re-asked with
/// the valid ones, never dropped; the end of input stops it and says where.
enum Interview {
  /// Asks every question.
  ///
  /// - Returns: The five-year answer, the answers and the motives.
  /// - Throws: `.cancelledBecause` when input ends or nothing was answered.
  static func run() throws(JournalError) -> (String, [ReflectionAnswer], [Motive]) {
    try Console.output(JournalCommand.Reflect.fiveYearsQuestion)
    let fiveYears = try read(at: "the five-year question").trimmingWhitespace()
    var answers: [ReflectionAnswer] = []
    for question in ReflectionQuestion.allCases {
      if let answer = try ask(question) { answers.append(answer) }
    }
    let motives = try askMotives()
    guard !fiveYears.isEmpty || !answers.isEmpty || !motives.isEmpty else {
      throw .cancelledBecause("no question was answered")
    }
    return (fiveYears, answers, motives)
  }

  /// One line of input, or a cancellation that names the question when input ends.
  private static func read(at place: String) throws(JournalError) -> String {
    try Console.finishOutput()
    guard let line = readLine() else {
      throw .cancelledBecause("input ended at \(place)")
    }
    return line
  }

  /// Asks `question` until the answer is one of its choices (by number or code) or empty.
  private static func ask(_ question: ReflectionQuestion) throws(JournalError)
    -> ReflectionAnswer?
  {
    try Console.output("")
    try Console.output(question.wording)
    for (index, choice) in question.choices.enumerated() {
      try Console.output("  \(index + 1)) \(choice.wording) [\(choice.code)]")
    }
    while true {
      try Console.output("Answer (1-\(question.choices.count), Enter to skip): ", terminator: "")
      let typed = try read(at: "'\(question.wording)'").trimmingWhitespace().lowercased()
      if typed.isEmpty { return nil }
      if let number = Int(typed), question.choices.indices.contains(number - 1) {
        return ReflectionAnswer(question, question.choices[number - 1].code)
      }
      if let answer = ReflectionAnswer(question, typed) { return answer }
      try Console.output(
        "'\(TerminalText.line(typed))' is not an answer here; type 1 to "
          + "\(question.choices.count) or \(question.codeList).")
    }
  }

  /// Asks for the motives until every word is a motive, or the line is empty.
  private static func askMotives() throws(JournalError) -> [Motive] {
    try Console.output("")
    let known = Motive.allCases.map(\.rawValue).joined(separator: ", ")
    try Console.output(
      "What pulls you toward a track? Any of: \(known) (comma-separated, Enter for none)")
    while true {
      let words = try read(at: "the motives").split(whereSeparator: { $0 == "," || $0 == " " })
        .map { $0.lowercased() }
      let unknown = words.filter { Motive(rawValue: $0) == nil }
      if unknown.isEmpty { return words.compactMap { Motive(rawValue: $0) } }
      try Console.output(
        "Not a motive: "
          + unknown.map { "'\(TerminalText.line($0))'" }.joined(separator: ", ")
          + "; use \(known), or Enter for none:")
    }
  }
}
