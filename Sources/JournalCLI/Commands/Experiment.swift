import ArgumentParser
import JournalAnalysis
import JournalCore
import JournalInterchange
import JournalReport
import JournalStore

extension JournalCommand {
  struct Experiment: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "experiment",
      abstract: "Try a track deliberately, and see it measured against the weeks before.",
      subcommands: [
        Start.self, ListExperiments.self, End.self, EditExperiment.self, DeleteExperiment.self,
      ],
      defaultSubcommand: ListExperiments.self)
  }
}

extension JournalCommand.Experiment {
  struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "start", abstract: "Start an experiment.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "What you will try, such as 'Mentor two new hires'.")
    var title: String

    @Option(
      help: ArgumentHelp("The track it tries: ic or management.", valueName: "track"),
      completion: .list(["ic", "management"]), transform: Arguments.experimentTrack)
    var track: Track

    @Option(help: ArgumentHelp("How many weeks it runs (1 to 52).", valueName: "n"))
    var weeks: Int

    @Option(help: "What you expect to learn.")
    var hypothesis = ""

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp("The first day (default: today).", valueName: "date"),
      transform: Arguments.date)
    var date: DateExpression?

    @Option(
      help: ArgumentHelp(
        "A role that starts with it, such as tech-lead: the experiment is a role change.",
        valueName: "role"),
      transform: JournalCommand.Role.name)
    var role: String?

    func validate() throws {
      guard (1...52).contains(weeks) else {
        throw ValidationError("--weeks \(weeks) is out of range; use 1 to 52.")
      }
      guard !title.allSatisfy(\.isWhitespace) else {
        throw ValidationError("The title is empty; say what you will try.")
      }
    }

    func run() throws {
      let today = try Clock.today()
      let start = try date?.recordedDay(today: today) ?? today
      let journal = try store.open(.write)
      let (title, hypothesis) = (title.trimmingWhitespace(), hypothesis.trimmingWhitespace())
      let experiment: JournalCore.Experiment
      var started: JournalCore.Role?
      if let role {
        // One transaction: a refused role (one starts that day already) starts no experiment.
        (experiment, started) = try journal.startExperiment(
          title: title, track: track, hypothesis: hypothesis, start: start, weeks: weeks,
          role: (role, JournalCore.Role.knownTrack(for: role) ?? .neutral))
      } else {
        experiment = try journal.startExperiment(
          title: title, track: track, hypothesis: hypothesis, start: start, weeks: weeks)
      }
      try Console.output(
        "Started experiment \(experiment.id): '\(TerminalText.line(experiment.title))' (\(track.rawValue), "
          + "\(weeks) weeks from \(start.iso)). Log your days as usual; 'journal experiment list' "
          + "compares it with the \(weeks) weeks before.")
      if let started {
        try Console.output(
          "Started role \(started.id): \(JournalCommand.Role.label(started.name, started.track)) "
            + "from \(start.iso); it lasts until the next role starts.")
      }
    }
  }

  struct ListExperiments: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List experiments with their results so far.")

    @OptionGroup var store: StoreOptions

    @Option(help: "Output format: text or json.")
    var format: TextOrJSON = .text

    func run() throws {
      let today = try Clock.today()
      let journal = try store.open(.read)
      var results: [ExperimentResult] = []
      for experiment in try journal.experiments() {
        let counts =
          try ExperimentResult.span(of: experiment, today: today)
          .flatMap { WeekWindow(first: $0.first, last: $0.last) }
          .map { span in try journal.weeklyTagCounts(in: span) } ?? []
        results.append(ExperimentResult(experiment: experiment, counts: counts, today: today))
      }
      if format == .json {
        try Console.output(JSONValue.array(results.map(ReportJSON.experiment)).rendered())
        return
      }
      if results.isEmpty {
        Console.error(
          "No experiments yet; start one with 'journal experiment start TITLE --track management --weeks 6'."
        )
      }
      for result in results {
        let experiment = result.experiment
        let status = experiment.end.map { "ended \($0.iso)" } ?? "running"
        try Console.output(
          "\(experiment.id)  \(TerminalText.line(experiment.title))  [\(experiment.track.rawValue), \(experiment.plannedWeeks) weeks "
            + "from \(experiment.start.iso), \(status)]")
        try Console.output("   " + Brief.verdictSentence(result))
      }
    }
  }

  struct End: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "end",
      abstract: "End an experiment and record what you learned.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The experiment's id.")
    var id: Int64

    @Option(help: "What you concluded.")
    var outcome: String?

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp("The last day (default: today).", valueName: "date"),
      transform: Arguments.date)
    var date: DateExpression?

    func run() throws {
      let today = try Clock.today()
      let journal = try store.open(.update)
      let day = try date?.recordedDay(today: today) ?? today
      let current = try journal.experiment(id: id)
      guard day >= current.start else {
        throw JournalError.endBeforeStart(id: id, start: current.start.iso, end: day.iso)
      }
      let experiment = try journal.endExperiment(
        id: id, on: day, outcome: outcome?.trimmingWhitespace())
      try Console.output(
        "Ended experiment \(experiment.id): '\(TerminalText.line(experiment.title))' on \(day.iso)."
      )
    }
  }

  struct EditExperiment: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "edit",
      abstract: "Correct an experiment, or add what you concluded after it ended.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The experiment's id.")
    var id: Int64

    @Option(help: "A new title.")
    var title: String?

    @Option(
      help: ArgumentHelp("A new track: ic or management.", valueName: "track"),
      completion: .list(["ic", "management"]), transform: Arguments.experimentTrack)
    var track: Track?

    @Option(help: ArgumentHelp("A new planned length in weeks (1 to 52).", valueName: "n"))
    var weeks: Int?

    @Option(help: "A new hypothesis.")
    var hypothesis: String?

    @Option(
      parsing: .unconditional, help: ArgumentHelp("A new first day.", valueName: "date"),
      transform: Arguments.date)
    var date: DateExpression?

    @Option(help: "What you concluded (once the experiment has ended).")
    var outcome: String?

    func validate() throws {
      if title == nil && track == nil && weeks == nil && hypothesis == nil && date == nil
        && outcome == nil
      {
        throw ValidationError(
          "Nothing to change; give --title, --track, --weeks, --hypothesis, --date or --outcome.")
      }
      if let weeks, !(1...52).contains(weeks) {
        throw ValidationError("--weeks \(weeks) is out of range; use 1 to 52.")
      }
      if let title, title.allSatisfy(\.isWhitespace) {
        throw ValidationError("The title is empty; say what you will try.")
      }
    }

    func run() throws {
      let today = try Clock.today()
      let journal = try store.open(.update)
      let current = try journal.experiment(id: id)
      let start = try date?.recordedDay(today: today)
      if let end = current.end, let start, start > end {
        throw JournalError.endBeforeStart(id: id, start: start.iso, end: end.iso)
      }
      if outcome != nil && current.end == nil {
        throw JournalError.outcomeBeforeEnd(id: id)
      }
      let experiment = try journal.editExperiment(
        id: id, title: title?.trimmingWhitespace(), track: track,
        hypothesis: hypothesis?.trimmingWhitespace(), start: start, weeks: weeks,
        outcome: outcome?.trimmingWhitespace())
      let status = experiment.end.map { "ended \($0.iso)" } ?? "running"
      try Console.output(
        "Updated experiment \(experiment.id): '\(TerminalText.line(experiment.title))' "
          + "[\(experiment.track.rawValue), \(experiment.plannedWeeks) weeks from "
          + "\(experiment.start.iso), \(status)].")
    }
  }

  struct DeleteExperiment: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "delete",
      abstract: "Delete an experiment for good (its weeks' entries stay).")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The experiment's id.")
    var id: Int64

    @Flag(name: .shortAndLong, help: "Do not ask for confirmation.")
    var yes = false

    func run() throws {
      let journal = try store.open(.update)
      let experiment = try journal.experiment(id: id)
      try Console.confirm(
        "Delete experiment \(id) ('\(TerminalText.line(experiment.title))') for good?",
        before: "delete experiment \(id)", unless: yes)
      try journal.deleteExperiment(id: id)
      try Console.output(
        "Deleted experiment \(id): '\(TerminalText.line(experiment.title))'; its weeks' entries "
          + "stay.")
    }
  }
}
