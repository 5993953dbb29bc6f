import CSQLite
import JournalCore

/// Everything that can go wrong in the journal's storage, each as one sentence a user can act
/// on. Entry text is private: no case ever carries it.
public enum StoreError: Error, Equatable, CustomStringConvertible {
  /// SQLite refused a statement. `sql` is the statement (never its bound values).
  case sqlite(code: Int32, message: String, sql: String?)
  /// The file exists but is not a SQLite database, or is another application's database.
  case notAJournal(path: String)
  /// The journal was written by a newer career-journal whose schema this binary does not know.
  case newerSchema(path: String, found: Int, supported: Int)
  /// The file or its folder could not be created or opened.
  case cannotOpen(path: String, reason: String)
  /// A read-only command found no journal at the path.
  case journalNotFound(path: String)
  /// The journal is read-only (a file or folder without write permission).
  case readOnly(path: String)
  /// No live entry has this id.
  case unknownEntry(id: Int64)
  /// The entry exists but was deleted.
  case deletedEntry(id: Int64)
  /// The entry is not deleted, so there is nothing to restore.
  case notDeleted(id: Int64)
  /// No tag has this name.
  case unknownTag(name: String, suggestion: String?)
  /// A tag with this name exists already.
  case tagExists(name: String)
  /// `tags delete` of a tag that live entries still carry.
  case tagInUse(name: String, entries: Int)
  /// The name is not kebab-case (see `TagName`).
  case invalidTagName(String)
  /// No experiment has this id.
  case unknownExperiment(id: Int64)
  /// The experiment was ended already.
  case experimentEnded(id: Int64)
  /// No role has this id.
  case unknownRole(id: Int64)
  /// A role starts on this day already (`id`, `name`): a role lasts until the next starts, so
  /// two cannot start on one day.
  case roleExists(day: String, id: Int64, name: String)
  /// A stored value this version cannot read (a day that is not a date, an unknown track):
  /// the row is reported, never read as a default.
  case corrupt(table: String, column: String)
  /// A migration would leave rows pointing at rows that do not exist (marks of a missing
  /// entry, already there before it ran): it was rolled back.
  case brokenReferences(path: String, migration: String, rows: Int)
  /// Upgrading found `count` entries whose day is no date a journal accepts (a file changed by
  /// hand): the migration was undone. `examples` are `entry ID ('DAY')`, the first few.
  case undatedEntries(path: String, count: Int, examples: [String])
  /// A command that writes found schema objects (triggers) the migrations did not create:
  /// another program changed the journal. `objects` are `type name`.
  case unknownSchemaObjects(path: String, objects: [String])
  /// The weekly rollup holds counts no journal can have (negative, or beyond what any
  /// history reaches): the file was changed by hand or damaged.
  case damagedCounts

  /// Whether SQLite refused a write for a CHECK, FOREIGN KEY, NOT NULL or UNIQUE rule.
  public var isConstraintViolation: Bool {
    if case .sqlite(let code, _, _) = self { return code & 0xFF == SQLITE_CONSTRAINT }
    return false
  }

  public var description: String {
    switch self {
    case .sqlite(let code, let message, let sql):
      let statement = sql.map { " while executing '\(Self.abbreviate($0))'" } ?? ""
      return "SQLite error \(code): \(message)\(statement)."
    case .notAJournal(let path):
      return "'\(path)' is not a career journal; pass a journal file or a new path with --db."
    case .newerSchema(let path, let found, let supported):
      return
        "'\(path)' has schema version \(found), newer than the \(supported) this journal "
        + "understands; upgrade career-journal to open it."
    case .cannotOpen(let path, let reason):
      return "Cannot open '\(path)': \(reason); check the path and its permissions."
    case .journalNotFound(let path):
      return
        "No journal at '\(path)'; add a first entry with 'journal add', or point --db or "
        + "JOURNAL_DB at your journal."
    case .readOnly(let path):
      return
        "'\(path)' is read-only; reading works, but writing needs write permission on the file "
        + "and its folder."
    case .unknownEntry(let id):
      return "No entry with id \(id); 'journal list' shows the ids."
    case .deletedEntry(let id):
      return "Entry \(id) is deleted; bring it back with 'journal restore \(id)'."
    case .notDeleted(let id):
      return "Entry \(id) is not deleted, so there is nothing to restore."
    case .unknownTag(let name, let suggestion):
      let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
      return
        "Unknown tag '\(name)'\(hint); create it with 'journal tags add \(name) --track "
        + "ic|management|both|neutral'."
    case .tagInUse(let name, let entries):
      let carried = entries == 1 ? "1 entry carries it" : "\(entries) entries carry it"
      return
        "Tag '\(name)' is in use (\(carried)); 'journal tags merge \(name) OTHER' moves its "
        + "marks onto another tag and removes it."
    case .invalidTagName(let name):
      return TagName.refusal(of: name, noun: "tag")
    case .tagExists(let name):
      return
        "A tag named '\(name)' exists already; choose another name, or use 'journal tags merge'."
    case .unknownExperiment(let id):
      return "No experiment with id \(id); 'journal experiment list' shows the ids."
    case .experimentEnded(let id):
      return "Experiment \(id) has ended already; start a new one to try again."
    case .unknownRole(let id):
      return "No role with id \(id); 'journal role list' shows the ids."
    case .roleExists(let day, let id, let name):
      return
        "Role \(id) (\(name)) starts on \(day) already; give another --date, or change it with "
        + "'journal role edit \(id)'."
    case .brokenReferences(let path, let migration, let rows):
      return
        "'\(path)' could not be upgraded: \(rows) of its rows point at rows that do not exist "
        + "(found by migration \(migration), which was undone); run 'journal doctor' with the "
        + "previous version, or restore a backup."
    case .undatedEntries(let path, let count, let examples):
      let entries = count == 1 ? "1 entry has a day" : "\(count) entries have a day"
      let more = count > examples.count ? ", …" : ""
      return
        "'\(path)' could not be upgraded: \(entries) that is not a date from 1900 to 2999 "
        + "(\(examples.joined(separator: ", "))\(more)); correct each in that file with the sqlite3 "
        + "tool (UPDATE entry SET day = 'YYYY-MM-DD' WHERE id = ID), then run the command again."
    case .corrupt(let table, let column):
      return
        "The journal's \(table).\(column) holds a value this version cannot read; run 'journal "
        + "doctor', and restore a backup if the journal is damaged."
    case .unknownSchemaObjects(let path, let objects):
      return
        "The journal '\(path)' has schema objects this version did not create: "
        + "\(objects.joined(separator: ", ")); run journal doctor."
    case .damagedCounts:
      return "The journal's counts are damaged; run journal doctor."
    }
  }

  private static func abbreviate(_ sql: String) -> String {
    let flat = sql.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }
      .joined(separator: " ")
    return flat.count > 120 ? String(flat.prefix(117)) + "..." : flat
  }
}
