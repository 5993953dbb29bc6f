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
  var path: String { Self.path(db: db) }

  /// The journal's path for a `--db` value, or the default when it is `nil`.
  static func path(db: String?) -> String {
    if let db, !db.isEmpty { return db }
    if let path = Console.environment("JOURNAL_DB") { return path }
    if let data = Console.environment("XDG_DATA_HOME"), data.hasPrefix("/") {
      return data + "/career-journal/journal.sqlite"
    }
    let home = Console.environment("HOME") ?? "."
    return home + "/.local/share/career-journal/journal.sqlite"
  }

  /// Opens the journal for reading or writing.
  func open(_ access: Journal.Access) throws(JournalError) -> Journal {
    do {
      return try Journal.open(at: path, access: access)
    } catch {
      throw .storage(error)
    }
  }
}
