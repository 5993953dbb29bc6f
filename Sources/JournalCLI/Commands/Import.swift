import ArgumentParser
import JournalCore
import JournalIO
import JournalInterchange
import JournalStore

extension JournalCommand {
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Import entries: a career-journal JSON export, a jrnl JSON export, or CSV.",
      discussion: """
        An import is one transaction: all or nothing. Entries already present (same stable id) \
        are skipped, so importing a file twice adds nothing. jrnl tags lose their symbol and are \
        logged without a feeling unless --map gives one: --map deepwork=+deep-work (energized), \
        --map meetings=-delivery (drained), --map 1on1=coaching (logged).
        """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "The file to import.")
    var file: String

    @Option(name: .customLong("from"), help: "The file's format.")
    var source: ImportSource = .journalJSON

    @Option(
      name: .customLong("map"),
      help: ArgumentHelp(
        "Rename an imported tag, optionally with a mark: OLD=[+|-]NEW (repeatable).",
        valueName: "old=new"),
      transform: Import.mapping)
    var mappings: [TagMapping] = []

    @Flag(
      name: .customLong("create-tags"),
      help: "Create unknown imported tags as neutral instead of stopping.")
    var createTags = false

    @Flag(name: .customLong("dry-run"), help: "Show what would be added; write nothing.")
    var dryRun = false

    /// Runs the import; the journal is closed on return.
    private func importFile(into path: String, today: Day) throws -> ImportSummary {
      try JournalImport.run(
        journal: try Journal.open(at: path, access: .write), path: file, source: source,
        mappings: mappings, createTags: createTags, dryRun: dryRun, today: today)
    }

    /// Copies the scratch journal to `path` (which did not exist): its folders are created,
    /// then a private file beside it (0600) receives the copy and is renamed into place.
    private func install(_ journal: Journal, at path: String) throws {
      try Journal.createFolders(for: path)
      // The scratch journal was written in one transaction a moment ago; checking the copy's
      // integrity would cost more than the import itself (callgrind, 2026-11-29).
      _ = try journal.copy(to: path, replacing: false, checking: .none)
    }

    /// `--map`'s value; a malformed one is a usage error.
    private static func mapping(_ text: String) throws -> TagMapping {
      do {
        return try TagMapping.parse(text)
      } catch {
        throw ValidationError("\(error)")
      }
    }

    func validate() throws {
      if source != .jrnlJSON && (!mappings.isEmpty || createTags) {
        throw ValidationError("--map and --create-tags apply to --from jrnl-json only.")
      }
    }

    func run() throws {
      guard Journal.exists(at: file) else {
        throw JournalError.interchange(.fileMissing(path: file))
      }
      let summary: ImportSummary
      let target = try store.path
      let today = try Clock.today()
      if !Journal.exists(at: target) {
        // A journal that does not exist yet is built in a scratch folder (removed on exit and
        // on SIGINT/SIGTERM/SIGHUP) and copied into place only when the import commits: a
        // refused import, or a dry run, leaves no file at the target.
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let scratch = try Journal.open(at: folder.file("journal.sqlite"), access: .write)
        summary = try JournalImport.run(
          journal: scratch, path: file, source: source, mappings: mappings,
          createTags: createTags, dryRun: dryRun, today: today)
        if !dryRun { try install(scratch, at: target) }
      } else {
        summary = try importFile(into: target, today: today)
      }
      var parts = [Plural.count(summary.added, "entry", "entries")]
      if summary.experiments > 0 {
        parts.append(Plural.count(summary.experiments, "experiment", "experiments"))
      }
      if summary.roles > 0 {
        parts.append(Plural.count(summary.roles, "role", "roles"))
      }
      if summary.reflections > 0 {
        parts.append(Plural.count(summary.reflections, "reflection", "reflections"))
      }
      var sentence =
        (dryRun ? "Dry run: would import " : "Imported ") + parts.joined(separator: ", ")
        + " from '\(file)'"
      if summary.duplicates > 0 { sentence += " (\(summary.duplicates) already present, skipped)" }
      if !summary.createdTags.isEmpty {
        sentence +=
          "; \(dryRun ? "would create" : "created") tags: "
          + summary.createdTags.joined(separator: ", ")
      }
      try Console.output(sentence + (dryRun ? ". Nothing was written." : "."))
    }
  }
}

extension ImportSource: ArgumentChoice {}
