import ArgumentParser
import JournalAnalysis
import JournalCore
import JournalIO
import JournalInterchange
import JournalReport
import JournalStore

extension JournalCommand {
  struct Trend: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "trend",
      abstract: "Show how energy per activity and per track moves, week by week.",
      discussion: """
        Weeks are ISO weeks (Monday to Sunday); --since and --until widen to the weeks that \
        contain them. The rate is (energized - drained) / marks, from -1 to +1.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var window: WindowOptions
    @OptionGroup var colors: ColorOptions

    @Option(
      name: .customLong("tag"),
      help: ArgumentHelp(
        "Only this tag (repeatable); tracks use the chosen tags only.", valueName: "tag"),
      completion: TagCompletion.kind, transform: Arguments.tag)
    var tags: [TagName] = []

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Flag(help: "List the entries behind each figure.")
    var explain = false

    @Flag(
      name: .customLong("by-role"),
      help: "One row per role period ('journal role'), each whole, up to the window's end.")
    var byRole = false

    func validate() throws {
      if byRole, format == .csv { throw ValidationError("'trend --by-role' prints text or json.") }
      if byRole, explain { throw ValidationError("--explain does not combine with --by-role.") }
    }

    func run() throws {
      let today = try Clock.today()
      let weeks = try window.weeks(today: today)
      let journal = try store.open(.read)
      if byRole {
        try printByRole(journal: journal, through: min(weeks.lastDay, today))
        return
      }
      // One snapshot: the marks listed are the ones behind the figures.
      // The rows are folded as they are read: no array of them (issue 16).
      let (fold, marks) = try journal.reading {
        () throws(StoreError) -> (JournalAnalysis.Trend.Fold, [Journal.MarkReference]) in
        var marks: [Journal.MarkReference] = []
        if explain {
          var cursor = try journal.marks(in: weeks, tags: tags)
          while let mark = try cursor.next() { marks.append(mark) }
        }
        var fold = JournalAnalysis.Trend.Fold(from: weeks.first, through: weeks.last)
        try journal.forEachWeeklyTagCount(in: weeks, tags: tags) { fold.add($0) }
        return (fold, marks)
      }
      let trend = JournalAnalysis.Trend(fold)
      let renderer = TrendRenderer(style: colors.style)
      switch format {
      case .text:
        try Console.output(
          renderer.text(trend, marks: explain ? marks : nil, width: Self.terminalWidth))
      case .json:
        // Written week by week: all history is thousands of weeks (issue 16).
        var stream = EntryStream(to: Console.standardOutput, chunkSize: BufferedOutput.capacity)
        try TrendRenderer.writeJSON(trend, marks: explain ? marks : nil, to: &stream)
        stream.newline()
        try stream.flush()
      case .csv: try Console.output(TrendRenderer.csv(trend), terminator: "")
      }
    }

    /// `--by-role`: the role periods' figures (the report's "Roles over time" as a table).
    private func printByRole(journal: Journal, through last: Day) throws {
      let roles = try journal.reading { () throws(StoreError) -> RoleHistory? in
        try RoleSection.load(journal: journal, through: last, tags: tags)
      }
      if format == .json {
        let value =
          roles.map(RoleSection.json)
          ?? .object([("current", .null), ("periods", .array([]))])
        try Console.output(value.rendered())
        return
      }
      guard let roles else {
        Console.error(JournalCommand.Role.noRolesHint)
        return
      }
      try Console.output(RoleSection.trendText(roles, width: Self.terminalWidth))
    }

    /// The width the text is laid out for: the terminal's window size, else a positive
    /// `COLUMNS` (bash and zsh keep it up to date but do not export it), else 80.
    static var terminalWidth: Int { Terminal.columns(.standardOutput) }
  }
}
