import ArgumentParser
import JournalCore
import JournalStore

extension JournalCommand {
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Log a work day: what happened, and what energized or drained you.",
      discussion: """
        The text comes from the argument; from stdin when stdin is piped; or from $EDITOR \
        when run without text on a terminal. Tags must exist: see 'journal tags'.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var options: EntryOptions

    @Argument(help: "What happened ('-' reads stdin).")
    var text: String?

    @Flag(help: "Mark the entry as a highlight to quote as evidence.")
    var star = false

    @Flag(
      name: .customLong("private"), help: "Count the entry in every figure, but never quote it.")
    var isPrivate = false

    func run() throws {
      _ = try store.path  // refused before any text is asked for
      let today = try Clock.today()
      let day = try options.date?.day(today: today) ?? today
      let text = try readText(day: day)
      // A first entry with a mistyped tag must not leave an empty journal behind: before the
      // file exists, the built-in tags are all there is.
      if !Journal.exists(at: try store.path) {
        for tag in options.energized + options.drained
        where !Schema.builtInTags.contains(tag.text) {
          throw StoreError.unknownTag(
            name: tag.text, suggestion: TagName.nearest(to: tag.text, in: Schema.builtInTags))
        }
      }
      let journal = try store.open(.write)
      let entry = try journal.addEntry(
        NewEntry(
          day: day, text: text, energy: options.energy, tags: options.marks, isStarred: star,
          isPrivate: isPrivate))
      try Console.output(
        "Added entry \(entry.id): " + EntryRenderer(style: .current).line(entry).dropLeadingID())
    }

    private func readText(day: Day) throws(JournalError) -> String {
      if let text, text != "-" { return try TextInput.clean(text) }
      if text == "-" || !Console.stdinIsTerminal { return try TextInput.readStandardInput() }
      var summary = ["Date: \(day.iso)"]
      if !options.energized.isEmpty {
        summary.append("Energized: " + options.energized.map(\.text).joined(separator: ", "))
      }
      if !options.drained.isEmpty {
        summary.append("Drained: " + options.drained.map(\.text).joined(separator: ", "))
      }
      return try TextInput.edit(
        initial: "",
        template: [
          "What happened today? Lines starting with '#' are ignored;",
          "an empty entry is not saved.",
          summary.joined(separator: "  "),
        ])
    }
  }
}

extension String {
  /// A list line without its right-aligned id column, for messages that name the id already.
  func dropLeadingID() -> String {
    // The renderer writes the id in ASCII digits after spaces: bytes suffice, and spare every
    // `add` the Unicode property tables that Character.isNumber loads.
    let space = UInt8(ascii: " ")
    let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
    return String(
      Substring(
        utf8.drop(while: { $0 == space }).drop(while: { digits.contains($0) })
          .drop(while: { $0 == space })))
  }
}
