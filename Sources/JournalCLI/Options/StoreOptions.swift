import ArgumentParser
import JournalStore

/// `--db`, shared by every command.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The journal file (default: $JOURNAL_DB, else $XDG_DATA_HOME/career-journal/journal.sqlite).",
      valueName: "path"))
  var db: String?

  /// The journal's path: `--db`, else `JOURNAL_DB`, else under `XDG_DATA_HOME`, else under
  /// `~/.local/share`.
  ///
  /// - Throws: `JournalError.noJournalLocation` when none of them is set.
  var path: String {
    get throws(JournalError) {
      guard let path = Self.path(db: db) else { throw .noJournalLocation }
      return path
    }
  }

  /// The journal's path for a `--db` value, or the default when it is `nil`; `nil` when
  /// nothing says where the journal lives (no `--db`, `JOURNAL_DB`, `XDG_DATA_HOME` or
  /// `HOME`): never the working directory, where a journal would be created by accident.
  static func path(db: String?) -> String? {
    if let db, !db.isEmpty { return db }
    if let path = Console.environment("JOURNAL_DB") { return path }
    if let data = Console.environment("XDG_DATA_HOME"), data.hasPrefix("/") {
      return data + "/career-journal/journal.sqlite"
    }
    guard let home = Console.environment("HOME") else { return nil }
    return home + "/.local/share/career-journal/journal.sqlite"
  }

  /// Opens the journal for reading or writing.
  func open(_ access: Journal.Access) throws(JournalError) -> Journal {
    let path = try path
    do {
      return try Journal.open(at: path, access: access)
    } catch {
      throw .storage(error)
    }
  }
}
