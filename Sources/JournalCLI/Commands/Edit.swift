import ArgumentParser
import JournalCore
import JournalStore

extension JournalCommand {
  struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "edit",
      abstract: "Correct an entry; only what you give is replaced.",
      discussion: """
        Any -e/-d replaces all of the entry's tags. '-' as the text reads stdin; --editor \
        opens the current text in $EDITOR.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var colors: ColorOptions

    @Argument(help: "The entry's id.")
    var id: Int64

    @Argument(help: "The new text ('-' reads stdin).")
    var text: String?

    @OptionGroup var options: EntryOptions

    @Flag(help: "Edit the text in $EDITOR.")
    var editor = false

    @Flag(name: .customLong("no-energy"), help: "Remove the day's overall energy.")
    var clearEnergy = false

    @Flag(help: ArgumentHelp("Mark or unmark the entry as a highlight."))
    var star: StarChange?

    @Flag(
      help: ArgumentHelp(
        "Never quote the entry in a report (it still counts in every figure), or allow quoting "
          + "it again."))
    var visibility: Visibility?

    enum StarChange: EnumerableFlag {
      case star, unstar
    }

    enum Visibility: String, EnumerableFlag {
      case `private`, `public`
    }

    func validate() throws {
      if text != nil && editor {
        throw ValidationError("Give the new text or --editor, not both.")
      }
      if clearEnergy && options.energy != nil {
        throw ValidationError("Give --energy or --no-energy, not both.")
      }
      if text == nil && !editor && !clearEnergy && options.energy == nil && options.date == nil
        && !options.hasTags && star == nil && visibility == nil
      {
        throw ValidationError(
          "Nothing to change; give a new text, --editor, tags, --energy or --date.")
      }
    }

    func run() throws {
      let today = try Clock.today()
      let journal = try store.open(.update)
      // Everything the command line says is checked before the editor opens.
      let day = try options.date?.recordedDay(today: today)
      var energy: Int?? = options.energy.map { .some($0) }
      if clearEnergy { energy = .some(nil) }
      let tags = options.hasTags ? options.marks : nil
      func changes(text: String?) -> EntryChanges {
        EntryChanges(
          day: day, text: text, energy: energy, tags: tags, isStarred: star.map { $0 == .star },
          isPrivate: visibility.map { $0 == .private })
      }
      if let text {
        let newText = text == "-" ? try TextInput.readStandardInput() : try TextInput.clean(text)
        try save(changes(text: newText), in: journal)
      } else if editor {
        let current = try journal.entry(id: id)
        if options.hasTags { try options.checkTagsExist(in: try journal.tagNames()) }
        try TextInput.edit(
          initial: current.text, template: ["Editing entry \(id) of \(current.day.iso)."]
        ) { text in
          try save(changes(text: text), in: journal)
        }
      } else {
        try save(changes(text: nil), in: journal)
      }
    }

    private func save(_ changes: EntryChanges, in journal: Journal) throws {
      let entry = try journal.updateEntry(id: id, changes)
      try Console.output(
        "Updated entry \(entry.id): "
          + EntryRenderer(style: colors.style).line(entry).dropLeadingID())
    }
  }
}
