import ArgumentParser
import JournalAnalysis
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
    @OptionGroup var colors: ColorOptions
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
      let day = try options.date?.recordedDay(today: today) ?? today
      let journal: Journal
      if let text, text != "-" {
        journal = try save(text: try TextInput.clean(text), day: day)
      } else if text == "-" || !Console.stdinIsTerminal {
        journal = try save(text: try TextInput.readStandardInput(), day: day)
      } else {
        // Everything the command line says is checked before the editor opens, so a typo in a
        // tag does not cost the paragraph typed there.
        let opened = try open()
        journal = opened.journal
        try TextInput.edit(initial: "", template: template(day: day, today: today)) { text in
          _ = try save(text: text, day: day, into: opened)
        }
      }
      hintMissedWorkdays(journal: journal, today: today)
    }

    /// Mentions the workdays of this week so far without an entry, for a person at a terminal
    /// (stdin, stdout and stderr all one: never in a script or a pipe), and only when that set
    /// of days differs from the one mentioned last (kept in the journal), so it is said once,
    /// not at every entry. A hint never fails the entry that was just saved.
    private func hintMissedWorkdays(journal: Journal, today: Day) {
      guard Console.stdinIsTerminal, Console.stdoutIsTerminal, Console.stderrIsTerminal else {
        return
      }
      guard
        let days = try? journal.recentEntryDays(
          from: ISOWeek(containing: today).start, through: today),
        case let missed = MissedWorkdays.thisWeek(days: days, today: today),
        let hint = MissedWorkdays.hint(missed),
        (try? journal.noteMissedWorkdays(missed)) == true
      else { return }
      Console.error(hint)
    }

    /// Opens the journal for writing, once every tag given is known to exist.
    private func open() throws -> (journal: Journal, tags: [String]) {
      // A first entry with a mistyped tag must not leave an empty journal behind: before the
      // file exists, the built-in tags are all there is.
      if !Journal.exists(at: try store.path) {
        try options.checkTagsExist(in: Schema.builtInTags)
      }
      let journal = try store.open(.write)
      // Every add checks its tags by name first (one small query), so an unknown one is
      // refused with the journal's tags listed, not only the nearest.
      let tags = try journal.tagNames()
      if options.hasTags { try options.checkTagsExist(in: tags) }
      return (journal, tags)
    }

    @discardableResult
    private func save(
      text: String, day: Day, into opened: (journal: Journal, tags: [String])? = nil
    ) throws -> Journal {
      let (journal, tags) = try opened ?? open()
      let marks = try marks(in: text, tags: tags)
      let entry = try journal.addEntry(
        NewEntry(
          day: day, text: text, energy: options.energy, tags: marks, isStarred: star,
          isPrivate: isPrivate))
      try Console.output(
        "Added entry \(entry.id): " + EntryRenderer(style: colors.style).line(entry).dropLeadingID()
      )
      if marks.isEmpty {
        // Kept, but it counts in no figure: say so once, with the shortest fix.
        try Console.output(
          "Note: no activity marked, so this entry counts in no figure; add one with 'journal edit "
            + "\(entry.id) -e TAG' (energized), '-d TAG' (drained) or '-l TAG' (just logged).")
      }
      return journal
    }

    /// The options' marks, then the ones written in the text (`+deep-work`, `-delivery`,
    /// `@mentoring`; see `InlineMarks`); a tag marked both ways is refused.
    private func marks(in text: String, tags: [String]) throws -> [TagMark] {
      let given = options.marks
      let inline = InlineMarks.marks(in: text, known: Set(tags))
      var marks = given
      for mark in inline {
        if let option = given.first(where: { $0.name == mark.name }) {
          guard option.mark == mark.mark else {
            throw JournalError.markedTwice(
              tag: mark.name, option: option.mark.rawValue, text: mark.mark.rawValue)
          }
          continue
        }
        marks.append(mark)
      }
      return marks
    }

    private static let weekdays = [
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    ]

    private func template(day: Day, today: Day) -> [String] {
      var summary = ["Date: \(day.iso)"]
      if !options.energized.isEmpty {
        summary.append("Energized: " + options.energized.map(\.text).joined(separator: ", "))
      }
      if !options.drained.isEmpty {
        summary.append("Drained: " + options.drained.map(\.text).joined(separator: ", "))
      }
      if !options.logged.isEmpty {
        summary.append("Logged: " + options.logged.map(\.text).joined(separator: ", "))
      }
      let question =
        day == today
        ? "What happened today?" : "What happened on \(Self.weekdays[day.weekday - 1]), \(day.iso)?"
      return [
        question + " An empty entry is not saved.", summary.joined(separator: "  "),
        "Mark activities in the text too: +deep-work energized, -delivery drained, @mentoring logged.",
      ]
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
