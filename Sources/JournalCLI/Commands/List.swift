import ArgumentParser
import JournalCore
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

    @Option(help: ArgumentHelp("At most this many entries.", valueName: "n"))
    var limit: Int?

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    func validate() throws {
      if let limit, limit < 1 {
        throw ValidationError("--limit \(limit) must be at least 1.")
      }
      if let search, search.allSatisfy(\.isWhitespace) {
        throw ValidationError("--search needs at least one word.")
      }
    }

    func run() throws {
      let (since, until) = try range.resolve(today: try Clock.today())
      let journal = try store.open(.read)
      let filter = EntryFilter(since: since, until: until, tags: tags, search: search, limit: limit)
      let renderer = EntryRenderer(style: colors.style)
      var count = 0
      switch format {
      case .text:
        var entries = try journal.entries(filter)
        while let entry = try entries.next() {
          try Console.output(renderer.line(entry))
          count += 1
        }
        if count == 0 { Console.error("No entries match.") }
      case .json:
        // One entry per line inside one array: valid JSON, streamed, easy to grep.
        try Console.output("[", terminator: "")
        var entries = try journal.entries(filter)
        while let entry = try entries.next() {
          let json = EntryJSON.listed(entry).rendered(indent: nil, encoderCompatible: true)
          try Console.output(count == 0 ? "\n" + json : ",\n" + json, terminator: "")
          count += 1
        }
        try Console.output(count == 0 ? "]" : "\n]")
      case .csv:
        try Console.output(CSV.row(CSV.entryHeader))
        var entries = try journal.entries(filter)
        while let entry = try entries.next() { try Console.output(CSV.entryRow(entry)) }
      }
    }
  }
}
