import ArgumentParser
import JournalAnalysis
import JournalCore
import JournalInterchange
import JournalStore

extension JournalCommand {
  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "status",
      abstract: "One line on the habit: workdays logged, the last entry, the longest run.",
      discussion: """
        Workdays are Monday to Friday; a weekend neither breaks nor extends a run. --prompt \
        prints a short form for a shell prompt and never fails: nothing when the journal \
        does not exist or cannot be read.
        """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Output format: text or json.")
    var format: TextOrJSON = .text

    @Flag(help: "A short form for a shell prompt: '✎3/4', or 'journal: 4d' after a missed workday.")
    var prompt = false

    func run() throws {
      if prompt {
        // A prompt must never show an error: whatever fails, it prints nothing and succeeds.
        if let line = try? promptLine() { try? Console.output(line) }
        return
      }
      let today = try Clock.today()
      let days = try store.open(.read).entryDays(through: today)
      let habit = Habit(days: days, today: today, countingRuns: true)
      switch format {
      case .json: try Console.output(Self.json(habit).rendered())
      default: try Console.output(Self.text(habit))
      }
    }

    /// The prompt's line, or `nil` when there is no journal.
    private func promptLine() throws -> String? {
      let path = try store.path
      guard Journal.exists(at: path) else { return nil }
      let today = try Clock.today()
      let days = try store.open(.read).recentEntryDays(
        from: Habit.firstCountedDay(today: today), through: today)
      return Self.prompt(Habit(days: days, today: today, countingRuns: false))
    }

    /// `✎3/4`, or `journal: 4d` when a workday before today went unlogged since the last entry.
    static func prompt(_ habit: Habit) -> String {
      if habit.missedWorkdays > 0, let days = habit.daysSinceLastEntry {
        return "journal: \(days)d"
      }
      return "✎\(habit.thisWeek.logged)/\(habit.thisWeek.workdays)"
    }

    /// The one line `journal status` prints.
    static func text(_ habit: Habit) -> String {
      let last: String =
        switch habit.daysSinceLastEntry {
        case nil: "no entry yet"
        case 0: "last entry today"
        case 1: "last entry yesterday"
        case let days?: "last entry \(days) days ago"
        }
      return [
        "This week \(habit.thisWeek.logged)/\(habit.thisWeek.workdays) workdays",
        "last 4 weeks " + habit.previousWeeks.map { String($0.logged) }.joined(separator: " "),
        last,
        "longest run " + Plural.count(habit.longestRun ?? 0, "workday", "workdays"),
      ].joined(separator: " · ")
    }

    /// `status --format json`, as the README documents it.
    static func json(_ habit: Habit) -> JSONValue {
      func week(_ week: Habit.Week) -> JSONValue {
        .object([
          ("week", .string(week.week.description)), ("start", .string(week.week.start.iso)),
          ("logged", .int(week.logged)), ("workdays", .int(week.workdays)),
        ])
      }
      return .object([
        ("today", .string(habit.today.iso)),
        ("this_week", week(habit.thisWeek)),
        ("previous_weeks", .array(habit.previousWeeks.map(week))),
        ("last_entry", habit.lastEntry.map { .string($0.iso) } ?? .null),
        ("days_since_last_entry", habit.daysSinceLastEntry.map { .int($0) } ?? .null),
        ("missed_workdays", .int(habit.missedWorkdays)),
        ("longest_run", .int(habit.longestRun ?? 0)),
      ])
    }
  }
}
