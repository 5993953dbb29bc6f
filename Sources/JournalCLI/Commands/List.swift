import ArgumentParser
import JournalCore
import JournalIO
import JournalInterchange
import JournalStore

extension JournalCommand {
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List entries, newest first.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var range: RangeOptions
    @OptionGroup var colors: ColorOptions

    @Option(
      name: .customLong("tag"),
      help: ArgumentHelp("Only entries with this tag (repeatable: any of them).", valueName: "tag"),
      completion: TagCompletion.kind, transform: Arguments.tag)
    var tags: [TagName] = []

    @Option(
      help: ArgumentHelp("Only entries whose text contains all these words.", valueName: "words"))
    var search: String?

    @Option(
      name: [.customShort("n"), .long],
      help: ArgumentHelp("At most this many entries.", valueName: "n"))
    var limit: Int?

    @Option(
      help: ArgumentHelp("Only this day (same forms as --date).", valueName: "date"),
      transform: Arguments.date)
    var on: DateExpression?

    @Flag(help: "Only starred entries.")
    var starred = false

    @Flag(help: "Only deleted entries, the last deleted first (their ids are what restore takes).")
    var deleted = false

    @Flag(help: "The whole text of each entry, under its line.")
    var full = false

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    func validate() throws {
      if let limit, limit < 1 {
        throw ValidationError("--limit \(limit) must be at least 1.")
      }
      if on != nil && (range.since != nil || range.until != nil) {
        throw ValidationError("Give --on or --since/--until, not both.")
      }
      if full && format != .text {
        throw ValidationError(
          "--full is for --format text; JSON and CSV always hold the whole text.")
      }
      if let search, search.allSatisfy(\.isWhitespace) {
        throw ValidationError("--search needs at least one word.")
      }
    }

    func run() throws {
      let today = try Clock.today()
      var (since, until) = try range.resolve(today: today)
      if let on {
        let day = try on.day(today: today)
        (since, until) = (day, day)
      }
      let journal = try store.open(.read)
      var filter = EntryFilter(since: since, until: until, tags: tags, search: search, limit: limit)
      filter.starred = starred
      filter.deleted = deleted
      let renderer = EntryRenderer(style: colors.style)
      var count = 0
      // Rows are read in place and written without an Entry each (issue 16); the bytes are
      // those of EntryRenderer.line(_:), EntryJSON.listed and CSV.entryRow.
      let rows = try journal.entryRows(filter)
      switch format {
      case .text:
        let terminal = Console.stdoutIsTerminal
        let layout = ListLayout(
          idWidth: max(String(try journal.largestEntryID()).count, 1),
          columns: terminal ? Terminal.columns(.standardOutput) : nil, full: full)
        while try rows.next() {
          try Console.output(try renderer.line(rows, layout: layout))
          count += 1
        }
        if count == 0 {
          Console.error(deleted ? "No deleted entries match." : "No entries match.")
        } else if deleted && terminal {
          Console.error("`journal restore ID` brings one of these back.")
        }
      case .json:
        // One entry per line inside one array: valid JSON, streamed, easy to grep.
        var stream = EntryStream(to: Console.standardOutput)
        stream.append("[")
        while try rows.next() {
          stream.append(count == 0 ? "\n" : ",\n")
          try stream.appendListedJSON(rows)
          count += 1
          try stream.flushIfFull()
        }
        stream.append(count == 0 ? "]\n" : "\n]\n")
        try stream.flush()
      case .csv:
        var stream = EntryStream(to: Console.standardOutput)
        stream.appendText(CSV.row(CSV.entryHeader))
        stream.newline()
        while try rows.next() {
          try stream.appendCSV(rows)
          stream.newline()
          try stream.flushIfFull()
        }
        try stream.flush()
      }
    }
  }
}
