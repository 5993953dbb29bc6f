import ArgumentParser
import JournalCore
import JournalInterchange
import JournalReport
import JournalStore

extension JournalCommand {
  struct Tags: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "tags",
      abstract: "List and manage tags: the activities you mark as energizing or draining.",
      subcommands: [
        ListTags.self, AddTag.self, Rename.self, Merge.self, SetTrack.self, DeleteTag.self,
      ],
      defaultSubcommand: ListTags.self)
  }
}

extension JournalCommand.Tags {
  struct ListTags: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List tags with their track and how often each was marked.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var colors: ColorOptions

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    /// One tag as `tags --format json` prints it (keys sorted, as the README documents).
    static func json(_ tag: Tag) -> JSONValue {
      JSONValue.object([
        ("name", .string(tag.name)), ("track", .string(tag.track.rawValue)),
        ("description", .string(tag.description)), ("energized", .int(tag.energizedCount)),
        ("drained", .int(tag.drainedCount)),
      ]).sortingKeys()
    }

    func run() throws {
      // Before the first entry there is no journal, but a new user needs the tags most: list
      // the ones a new journal starts with, from an unsaved one in memory.
      let isNew = !Journal.exists(at: try store.path)
      let journal = try isNew ? Journal.inMemory() : store.open(.read)
      let tags = try journal.tags()
      switch format {
      case .text:
        let style = colors.style
        let width = max(4, tags.map(\.name.count).max() ?? 0)
        try Console.output(
          style.bold("tag".rightPadded(to: width) + "  track       energized  drained  description")
        )
        for tag in tags {
          try Console.output(
            tag.name.rightPadded(to: width) + "  " + tag.track.rawValue.rightPadded(to: 10) + "  "
              + String(tag.energizedCount).leftPadded(to: 9) + "  "
              + String(tag.drainedCount).leftPadded(to: 7) + "  "
              + TerminalText.line(tag.description))
        }
        if isNew {
          try Console.output(
            "No journal yet: these are the tags a new one starts with; 'journal add' creates it "
              + "and 'journal tags add NAME --track ic|management|both|neutral' adds your own.")
        }
      case .json:
        try Console.output(JSONValue.array(tags.map(Self.json)).rendered(encoderCompatible: true))
      case .csv:
        try Console.output(CSV.row(["name", "track", "energized", "drained", "description"]))
        for tag in tags {
          try Console.output(
            CSV.row([
              tag.name, tag.track.rawValue, String(tag.energizedCount), String(tag.drainedCount),
              CSV.neutralised(tag.description),
            ]))
        }
      }
    }
  }

  struct AddTag: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Create a tag.")

    @OptionGroup var store: StoreOptions

    @Argument(
      help: "The new tag's name, in kebab-case.", completion: TagCompletion.kind,
      transform: Arguments.tag)
    var name: TagName

    @Option(help: "The track the tag speaks for.")
    var track: Track

    @Option(help: "What the tag covers.")
    var description = ""

    func run() throws {
      try store.open(.write).addTag(name: name, track: track, description: description)
      try Console.output("Added tag '\(name)' (\(track.rawValue)).")
    }
  }

  struct Rename: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rename",
      abstract: "Rename a tag; every entry keeps its mark.")

    @OptionGroup var store: StoreOptions

    @Argument(
      help: "The tag's current name.", completion: TagCompletion.kind, transform: Arguments.tag)
    var old: TagName

    @Argument(help: "Its new name.", completion: TagCompletion.kind, transform: Arguments.tag)
    var new: TagName

    func run() throws {
      try store.open(.update).renameTag(old, to: new)
      try Console.output("Renamed tag '\(old)' to '\(new)'.")
    }
  }

  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "merge",
      abstract: "Merge one tag into another; entries with both keep the second one's mark.")

    @OptionGroup var store: StoreOptions

    @Argument(
      help: "The tag that goes away.", completion: TagCompletion.kind, transform: Arguments.tag)
    var from: TagName

    @Argument(help: "The tag that stays.", completion: TagCompletion.kind, transform: Arguments.tag)
    var into: TagName

    func validate() throws {
      if from == into { throw ValidationError("Cannot merge '\(from)' into itself.") }
    }

    func run() throws {
      let moved = try store.open(.update).mergeTag(from, into: into)
      try Console.output("Merged tag '\(from)' into '\(into)' (\(moved) marks moved).")
    }
  }

  struct DeleteTag: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "delete",
      abstract: "Delete a tag no live entry carries (else merge it into another first).")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The tag.", completion: TagCompletion.kind, transform: Arguments.tag)
    var name: TagName

    func run() throws {
      let removed = try store.open(.update).deleteTag(name)
      let note =
        removed == 0
        ? "" : " (\(Plural.count(removed, "mark", "marks")) of deleted entries went with it)"
      try Console.output("Deleted tag '\(name)'\(note).")
    }
  }

  struct SetTrack: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "set-track", abstract: "Change the track a tag speaks for.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The tag.", completion: TagCompletion.kind, transform: Arguments.tag)
    var name: TagName

    @Argument(help: "ic, management, both or neutral.")
    var track: Track

    func run() throws {
      try store.open(.update).setTrack(of: name, to: track)
      try Console.output("Tag '\(name)' now speaks for \(track.rawValue).")
    }
  }
}

/// The stable JSON shape of a tag.
