import Foundation
import TestSupport
import Testing

@testable import JournalStore

@Suite("Connection and Statement")
struct ConnectionTests {
  /// Runs `body` with a connection to an empty database in a temporary folder.
  static func withDatabase(_ body: (Connection, String) throws -> Void) throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = folder.file("scratch.sqlite")
    let db = try rawDatabase(at: path)
    try db.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT, size INTEGER)")
    try body(db, path)
  }

  @Test("values round-trip through binding: integers, text, NULL")
  func bindRoundTrip() throws {
    try Self.withDatabase { (db, _) throws in
      let insert = try db.prepare("INSERT INTO item (name, size) VALUES (?, ?)")
      try insert.run([.text("Caf\u{E9} \u{1F600} 'quoted'"), .integer(Int64.max)])
      #expect(db.lastInsertedRowID == 1)
      #expect(db.changes == 1)
      try insert.run([.null, .integer(Int64.min)])
      try insert.run([.text(""), .null])
      #expect(db.lastInsertedRowID == 3)

      var rows: [String] = []
      try db.prepare("SELECT id, name, size FROM item ORDER BY id").forEachRow { row in
        let name = row.optionalText(1).map { "'\($0)'" } ?? "NULL"
        let size = row.optionalInt(2).map(String.init) ?? "NULL"
        rows.append("\(row.int(0)) \(name) \(size)")
      }
      #expect(
        rows == [
          "1 'Caf\u{E9} \u{1F600} 'quoted'' 9223372036854775807",
          "2 NULL -9223372036854775808",
          "3 '' NULL",
        ])
    }
  }

  @Test("a statement is reusable: bind resets it and replaces earlier values")
  func statementReuse() throws {
    try Self.withDatabase { (db, _) throws in
      try db.execute("INSERT INTO item (name, size) VALUES ('a', 1), ('b', 2), ('c', 3)")
      let query = try db.prepare("SELECT name FROM item WHERE size >= ? ORDER BY size")
      var first: [String] = []
      try query.forEachRow([.integer(2)]) { first.append($0.text(0)) }
      var second: [String] = []
      try query.forEachRow([.integer(1)]) { second.append($0.text(0)) }
      #expect(first == ["b", "c"])
      #expect(second == ["a", "b", "c"])
      // Stopping halfway and binding again starts over.
      try query.bind([.integer(3)])
      #expect(try query.step())
      #expect(query.text(0) == "c")
      #expect(try !query.step())
    }
  }

  @Test("scalarInt gives nil for no row and for NULL")
  func scalarInt() throws {
    try Self.withDatabase { (db, _) throws in
      #expect(try db.prepare("SELECT size FROM item").scalarInt() == nil)
      #expect(try db.prepare("SELECT NULL").scalarInt() == nil)
      #expect(try db.prepare("SELECT ? + 1").scalarInt([.integer(41)]) == 42)
    }
  }

  @Test("SQL that does not compile throws .sqlite with the statement")
  func prepareFailure() throws {
    try Self.withDatabase { (db, _) throws in
      let error = thrownError { try db.prepare("SELEC 1") }
      guard case .sqlite(let code, let message, let sql)? = error else {
        Issue.record("expected a SQLite error, got \(String(describing: error))")
        return
      }
      #expect(code == 1)
      #expect(message.contains("syntax error"))
      #expect(sql == "SELEC 1")
      let missing = thrownError { try db.execute("DELETE FROM nowhere") }
      guard case .sqlite(_, let text, _)? = missing else {
        Issue.record("expected a SQLite error, got \(String(describing: missing))")
        return
      }
      #expect(text.contains("no such table: nowhere"))
    }
  }

  @Test("a transaction commits when its body returns and rolls back when it throws")
  func transaction() throws {
    try Self.withDatabase { (db, _) throws in
      let value = try db.transaction { () throws(StoreError) -> Int in
        try db.execute("INSERT INTO item (name) VALUES ('kept')")
        return 7
      }
      #expect(value == 7)
      let error = thrownError {
        try db.transaction { () throws(StoreError) in
          try db.execute("INSERT INTO item (name) VALUES ('lost')")
          try db.execute("UPDATE item SET name = 'changed'")
          throw .unknownEntry(id: 1)
        }
      }
      #expect(error == .unknownEntry(id: 1))
      #expect(try db.integer("SELECT count(*) FROM item") == 1)
      #expect(try db.string("SELECT name FROM item") == "kept")
      // The connection is usable again: no transaction was left open.
      try db.execute("BEGIN")
      try db.execute("COMMIT")
    }
  }

  @Test("writing through a read-only connection is .readOnly")
  func readOnlyConnection() throws {
    try Self.withDatabase { (_, path) throws in
      let reader = try Connection(path: path, readOnly: true)
      #expect(try reader.integer("SELECT count(*) FROM item") == 0)
      #expect(
        thrownError { try reader.execute("INSERT INTO item (name) VALUES ('x')") }
          == .readOnly(path: path))
    }
  }

  @Test("a missing file cannot be opened by a Connection, which never creates one")
  func cannotOpenMissing() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = folder.file("absent.sqlite")
    let error = thrownError { try Connection(path: path, readOnly: false) }
    guard case .cannotOpen(let failedPath, let reason)? = error else {
      Issue.record("expected .cannotOpen, got \(String(describing: error))")
      return
    }
    #expect(failedPath == path)
    #expect(!reason.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test("a file that is not a database is .notAJournal once SQLite reads it")
  func notADatabase() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = folder.file("garbage.sqlite")
    try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
    let db = try Connection(path: path, readOnly: true)
    #expect(
      thrownError { try db.prepare("SELECT count(*) FROM sqlite_schema").scalarInt() }
        == .notAJournal(path: path))
  }
}
