import CSQLite
import JournalCore

/// One open SQLite database handle, in GRDB's shape: the class owns the C handle and closes
/// it in `deinit`; every failure goes through ``fail(_:sql:)``.
///
/// Not thread-safe, and not meant to be: a `journal` process runs one command on one thread.
final class Connection {
  typealias Handle = OpaquePointer

  let handle: Handle
  let path: String

  /// Opens the database at `path`.
  ///
  /// - Parameters:
  ///   - path: The database file.
  ///   - readOnly: Open without write access.
  ///   - immutable: Read the file as one nothing else changes (a read-only folder).
  ///   - trustsSchema: Let triggers and views use virtual tables and functions not marked
  ///     innocuous (`PRAGMA trusted_schema`). Only a writer needs it: SQLite 3.40's FTS5 is not
  ///     marked innocuous, and the journal's own triggers keep the search index. A writer
  ///     checks the triggers first (``Journal/refuseUnknownTriggers()``).
  /// - Throws: `StoreError.cannotOpen` when SQLite cannot open the file.
  init(path: String, readOnly: Bool, immutable: Bool = false, trustsSchema: Bool = false)
    throws(StoreError)
  {
    var handle: Handle?
    var flags =
      (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX
      | SQLITE_OPEN_EXRESCODE
    var name = path
    if immutable {
      // In a folder where SQLite cannot create its -shm file, a WAL journal is readable only
      // as an immutable file (https://sqlite.org/uri.html#uriimmutable).
      flags |= SQLITE_OPEN_URI
      name = "file:" + Self.uriEscaped(path) + "?immutable=1"
    }
    let code = sqlite3_open_v2(name, &handle, flags, nil)
    guard code == SQLITE_OK, let handle else {
      let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      // A failed open still allocates a handle that must be closed.
      sqlite3_close_v2(handle)
      throw .cannotOpen(path: path, reason: message)
    }
    // Every connection is defensive: a tampered file cannot use this process to write its
    // schema or its shadow tables.
    guard csqlite_enable_defensive(handle) == SQLITE_OK,
      csqlite_set_trusted_schema(handle, trustsSchema ? 1 : 0) == SQLITE_OK
    else {
      let message = String(cString: sqlite3_errmsg(handle))
      sqlite3_close_v2(handle)
      throw .cannotOpen(path: path, reason: message)
    }
    self.handle = handle
    self.path = path
  }

  /// `path` with the characters a `file:` URI gives a meaning to percent-encoded.
  static func uriEscaped(_ path: String) -> String {
    var escaped = ""
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"), 0..<0x20, 0x7F...:
        let hex = String(byte, radix: 16, uppercase: true)
        escaped += "%" + (hex.count == 1 ? "0" : "") + hex
      default:
        escaped.unicodeScalars.append(Unicode.Scalar(byte))
      }
    }
    return escaped
  }

  deinit {
    cache.removeAll()  // statements are finalized before the handle closes
    sqlite3_close_v2(handle)
  }

  /// Runs one or more statements that take no arguments and return no rows.
  ///
  /// - Parameter sql: The SQL text.
  /// - Throws: `StoreError.sqlite` when a statement fails.
  func execute(_ sql: String) throws(StoreError) {
    let code = sqlite3_exec(handle, sql, nil, nil, nil)
    guard code == SQLITE_OK else { throw fail(code, sql: sql) }
  }

  /// Prepares a statement.
  ///
  /// - Parameter sql: One SQL statement, with `?` placeholders for every value.
  /// - Returns: The prepared statement.
  /// - Throws: `StoreError.sqlite` when the SQL does not compile.
  func prepare(_ sql: String) throws(StoreError) -> Statement {
    try Statement(connection: self, sql: sql)
  }

  private var cache: [String: Statement] = [:]

  /// A prepared statement kept for the life of the connection, for statements a command runs
  /// many times (an import's inserts, tag lookups). Never iterate one while running the same SQL
  /// again from inside the loop: they are the same statement.
  ///
  /// - Parameter sql: One SQL statement, with `?` placeholders for every value.
  /// - Returns: The prepared statement, reset on its next `bind`.
  /// - Throws: `StoreError.sqlite` when the SQL does not compile.
  func cached(_ sql: String) throws(StoreError) -> Statement {
    if let statement = cache[sql] { return statement }
    let statement = try prepare(sql)
    cache[sql] = statement
    return statement
  }

  /// Runs `body` in one `BEGIN IMMEDIATE` transaction: committed when it returns, rolled back
  /// when it throws, so a refused command leaves the database as it was.
  ///
  /// - Parameter body: The writes.
  /// - Returns: What `body` returns.
  /// - Throws: What `body` throws, or `StoreError.sqlite`.
  func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
    try inTransaction(begin: "BEGIN IMMEDIATE", body)
  }

  /// Runs `body` in one deferred read transaction, so every query in it reads the same
  /// snapshot of the journal: a writer that commits meanwhile is seen by none of them.
  ///
  /// - Parameter body: The reads.
  /// - Returns: What `body` returns.
  /// - Throws: What `body` throws, or `StoreError.sqlite`.
  func readTransaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
    try inTransaction(begin: "BEGIN DEFERRED", body)
  }

  private func inTransaction<T>(begin: String, _ body: () throws(StoreError) -> T)
    throws(StoreError) -> T
  {
    try execute(begin)
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// The rowid of the last inserted row.
  var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

  /// How many rows the last statement changed.
  var changes: Int { Int(sqlite3_changes(handle)) }

  /// The one place a SQLite failure becomes a `StoreError`, with SQLite's message and the SQL.
  ///
  /// - Parameters:
  ///   - code: The result code.
  ///   - sql: The statement that failed, if any.
  /// - Returns: The error to throw.
  func fail(_ code: Int32, sql: String?) -> StoreError {
    let primary = code & 0xFF
    if primary == SQLITE_READONLY {
      return .readOnly(path: path)
    }
    if primary == SQLITE_NOTADB {
      return .notAJournal(path: path)
    }
    if primary == SQLITE_CANTOPEN {
      return .cannotOpen(
        path: path, reason: "SQLite cannot open it or create its -wal and -shm files beside it")
    }
    return .sqlite(code: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
  }
}
