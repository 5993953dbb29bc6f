import Foundation
import JournalCore
import TestSupport
import Testing

@testable import JournalStore

/// Runs `body` with a new, fully migrated journal in a fresh temporary folder, which is removed
/// afterwards.
func withJournal<T>(_ body: (Journal, TemporaryDirectory) throws -> T) throws -> T {
  let folder = try TemporaryDirectory()
  defer { folder.remove() }
  let journal = try Journal.open(at: folder.file("journal.sqlite"), access: .write)
  return try body(journal, folder)
}

/// The day written `iso`, failing the test when it does not parse.
func day(_ iso: String) throws -> Day {
  try #require(Day(iso: iso), "'\(iso)' should be a valid day")
}

/// Opens `path` as a plain SQLite database, with none of the journal's checks; an empty file
/// is created first when there is none, since SQLite reads an empty file as an empty database.
func rawDatabase(at path: String) throws -> Connection {
  if !FileManager.default.fileExists(atPath: path) {
    _ = FileManager.default.createFile(atPath: path, contents: nil)
  }
  return try Connection(path: path, readOnly: false, trustsSchema: true)
}

/// The bytes of the file at `path`.
func contents(of path: String) throws -> Data {
  try Data(contentsOf: URL(fileURLWithPath: path))
}

extension Connection {
  /// The first column of the first row of `sql` as an integer, `nil` for no row or NULL.
  func integer(_ sql: String, _ values: [Statement.Value] = []) throws(StoreError) -> Int64? {
    try prepare(sql).scalarInt(values)
  }

  /// The first column of the first row of `sql` as text, `nil` for no row or NULL.
  func string(_ sql: String, _ values: [Statement.Value] = []) throws(StoreError) -> String? {
    let statement = try prepare(sql)
    try statement.bind(values)
    guard try statement.step() else { return nil }
    return statement.optionalText(0)
  }

  /// Whether the schema has a table, index, trigger or view called `name`.
  func hasObject(_ name: String) throws(StoreError) -> Bool {
    try integer("SELECT count(*) FROM sqlite_schema WHERE name = ?", [.text(name)]) == 1
  }
}

extension Journal {
  /// The ids `entries(_:)` yields for `filter`, in order.
  func ids(_ filter: EntryFilter = EntryFilter()) throws(StoreError) -> [Int64] {
    var ids: [Int64] = []
    var entries = try entries(filter)
    while let entry = try entries.next() { ids.append(entry.id) }
    return ids
  }

  /// How many rows `entry` holds, live or deleted.
  func entryRowCount() throws(StoreError) -> Int64? {
    try db.integer("SELECT count(*) FROM entry")
  }

  /// How many marks `entryTag` holds, for one entry or for all.
  func markRowCount(entryID: Int64? = nil) throws(StoreError) -> Int64? {
    if let entryID {
      return try db.integer("SELECT count(*) FROM entryTag WHERE entryId = ?", [.integer(entryID)])
    }
    return try db.integer("SELECT count(*) FROM entryTag")
  }

  /// The rowids the full-text index returns for the phrase `word`, bypassing `entry`.
  func ftsRowIDs(matching word: String) throws(StoreError) -> [Int64] {
    var ids: [Int64] = []
    try db.prepare("SELECT rowid FROM entryText WHERE entryText MATCH ? ORDER BY rowid")
      .forEachRow([.text("\"" + word + "\"")]) { ids.append($0.int(0)) }
    return ids
  }

  /// The tag called `name` as `tags()` reports it.
  func tag(_ name: String) throws(StoreError) -> JournalCore.Tag? {
    try tags().first { $0.name == name }
  }
}

/// Shorthands for marks.
func energized(_ name: String) -> TagMark { TagMark(name: name, mark: .energized) }

/// Shorthands for marks.
func drained(_ name: String) -> TagMark { TagMark(name: name, mark: .drained) }

/// The `StoreError` `body` throws, or `nil` when it returns; any other error is a test failure.
func thrownError<T>(_ body: () throws -> T) -> StoreError? {
  do {
    _ = try body()
    return nil
  } catch let error as StoreError {
    return error
  } catch {
    Issue.record("expected a StoreError, got \(error)")
    return nil
  }
}
