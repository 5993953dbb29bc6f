import CSQLite
import JournalCore
import JournalIO

/// An open career journal: one SQLite database, migrated to the current schema.
///
/// ```swift
/// let journal = try Journal.open(at: path, access: .write)
/// let entry = try journal.addEntry(NewEntry(day: today, text: "Paired on the cache bug"))
/// ```
public final class Journal {
  /// What a command needs from the file.
  public enum Access: Sendable {
    /// Reading only: a missing journal is an error, never created.
    case read
    /// Changing what is there: a missing journal is an error, never created.
    case update
    /// Writing: a missing journal is created, with its folders, mode 0600.
    case write
  }

  /// Whether a file exists at `path` (a journal or not).
  ///
  /// - Parameter path: The database file.
  /// - Returns: `true` when something is there.
  public static func exists(at path: String) -> Bool {
    FileSystem.exists(path)
  }

  /// Creates the folders above `path` that do not exist yet (mode 0700), as opening with
  /// `.write` does: for a journal that is copied into place rather than opened there.
  ///
  /// - Parameter path: The journal's path.
  /// - Throws: `StoreError.cannotOpen` when a folder cannot be made.
  public static func createFolders(for path: String) throws(StoreError) {
    try FileCheck.createFolders(for: path)
  }

  /// The database file.
  public let path: String
  let db: Connection

  /// How long a writer waits for another process's write lock before giving up.
  static let busyTimeoutMilliseconds: Int32 = 10_000

  private init(path: String, db: Connection) {
    self.path = path
    self.db = db
  }

  /// Opens the journal at `path`, creating and migrating it when `access` is `.write`.
  ///
  /// An up-to-date journal costs one read of its schema version. A file that is not a career
  /// journal, or one from a newer schema, is refused before anything is written to it.
  ///
  /// - Parameters:
  ///   - path: The database file.
  ///   - access: Whether the command writes.
  /// - Returns: The open journal.
  /// - Throws: `StoreError` naming the problem with the file.
  public static func open(at path: String, access: Access) throws(StoreError) -> Journal {
    let file = try FileCheck.prepare(path: path, creating: access == .write)
    if access != .read && !file.isWritable {
      throw .readOnly(path: path)
    }
    // A reader trusts nothing in the schema; a writer needs trusted_schema for the journal's
    // own triggers (SQLite 3.40's FTS5 is not marked innocuous), so it refuses any other
    // trigger first.
    let db = try Connection(
      path: path, readOnly: !file.isWritable, immutable: file.isFrozen,
      trustsSchema: access != .read)
    sqlite3_busy_timeout(db.handle, busyTimeoutMilliseconds)
    try db.execute("PRAGMA foreign_keys = ON")
    let journal = Journal(path: path, db: db)
    if access != .read {
      try journal.refuseUnknownTriggers()
    }
    try journal.migrateIfNeeded(access: access, isWritable: file.isWritable)
    return journal
  }

  /// A new, migrated journal in memory: what a first `add` creates, for showing the built-in
  /// tags before there is a journal file. Nothing is written anywhere.
  ///
  /// - Returns: The journal; its `path` is `:memory:`.
  /// - Throws: `StoreError` when SQLite fails.
  public static func inMemory() throws(StoreError) -> Journal {
    let db = try Connection(path: ":memory:", readOnly: false, trustsSchema: true)
    try db.execute("PRAGMA foreign_keys = ON")
    let journal = Journal(path: ":memory:", db: db)
    try journal.migrate()
    return journal
  }

  private func migrateIfNeeded(access: Access, isWritable: Bool) throws(StoreError) {
    let state = try schemaState()
    switch state {
    case .current:
      return
    case .newer(let version):
      throw .newerSchema(path: path, found: version, supported: Schema.currentVersion)
    case .foreign:
      throw .notAJournal(path: path)
    case .empty where access != .write:
      throw .journalNotFound(path: path)
    case .empty, .older:
      guard isWritable else { throw .readOnly(path: path) }
      if case .empty = state {
        // An empty file someone else created (touch) becomes a private journal.
        try? FileSystem.setPermissions(path, [.ownerReadWrite])
        // Must precede any transaction; persistent, so it is set once per file. Changing the
        // journal mode takes an exclusive lock that the busy timeout does not wait for, so when
        // several processes create the journal at once, the losers retry until the winner is
        // done.
        try retryingWhileBusy { () throws(StoreError) in
          // 8 KiB pages, which a file takes only before it has tables and while not in WAL:
          // each 4 KiB page of `entry` left part of a row's worth unused. The 1,000,000 entries
          // `scripts/bench` generates took 465.9 bytes each with 4 KiB pages and 456.7 with 8
          // (442.0 once packed, see `inImportTransaction`; 2026-11-30). A journal made before
          // keeps its 4 KiB pages: changing them means leaving WAL, which another process
          // holding the journal open would see.
          try db.execute("PRAGMA page_size = 8192")
          try db.execute("PRAGMA journal_mode = WAL")
        }
      }
      try migrate()
      if case .older = state { vacuumIfMostlyFree() }
    }
  }

  /// Gives back the pages a migration freed, when they are a quarter of the file or more:
  /// migrations 0009 and 0010 rebuild `entry` smaller, and without this the file of a
  /// 1,000,000-entry journal grew from 584 to 791 MB on upgrading to 0009 (the old rows' pages
  /// kept as free space) instead of shrinking to 486; 0010 takes it to 454 (8.8 s, 2026-11-30).
  /// `VACUUM` rewrites the file in place (same inode and mode) in
  /// one transaction of its own. Only after upgrading an existing journal, and best effort:
  /// another process reading the journal at that moment makes `VACUUM` fail with SQLITE_BUSY,
  /// and the upgraded journal is whole either way (the free pages are reused by new entries).
  private func vacuumIfMostlyFree() {
    guard let free = try? db.prepare("PRAGMA freelist_count").scalarInt(),
      let pages = try? db.prepare("PRAGMA page_count").scalarInt(), pages > 0, free * 4 >= pages
    else { return }
    vacuum()
  }

  /// `VACUUM`, best effort (another process reading the journal makes it fail with
  /// SQLITE_BUSY, and the journal is whole either way), with a small page cache: it rewrites
  /// every table and index through the cache. Importing 100,000 jrnl entries into a new
  /// journal peaked at 22.2 MB without the `VACUUM` after it, 25.3 MB with it at SQLite's
  /// default cache (2 MB) and 24.4 MB with 256 KiB, in the same 1.4 s (static release build,
  /// 2026-11-30).
  func vacuum() {
    let cache = (try? db.prepare("PRAGMA cache_size").scalarInt()) ?? -2_000
    try? db.execute("PRAGMA cache_size = -256")
    try? db.execute("VACUUM")
    try? db.execute("PRAGMA cache_size = \(cache)")
  }

  private func retryingWhileBusy(_ body: () throws(StoreError) -> Void) throws(StoreError) {
    var waited: Int32 = 0
    while true {
      do {
        return try body()
      } catch .sqlite(let code, _, _)
        where code & 0xFF == SQLITE_BUSY
        && waited < Self.busyTimeoutMilliseconds
      {
        ProcessControl.sleep(microseconds: 5_000)
        waited += 5
      }
    }
  }

  private enum SchemaState {
    case current, older
    case newer(Int)
    case empty, foreign
  }

  /// Reads the application id, the schema version and whether the file has any schema, in one
  /// statement: one snapshot, so a journal another process is creating right now cannot look
  /// half-made (an application id from before its first migration, a version from after).
  private func schemaState() throws(StoreError) -> SchemaState {
    let statement = try db.prepare(
      """
      SELECT (SELECT application_id FROM pragma_application_id) AS applicationID,
        (SELECT user_version FROM pragma_user_version) AS version,
        (SELECT count(*) FROM sqlite_schema) AS objects
      """)
    try statement.bind([])
    _ = try statement.step()
    let applicationID = statement.int("applicationID")
    let version = Int(statement.int("version"))
    let objects = statement.int("objects")
    if applicationID == Schema.applicationID {
      if version == Schema.currentVersion { return .current }
      return version > Schema.currentVersion ? .newer(version) : .older
    }
    guard applicationID == 0, version == 0 else { return .foreign }
    return objects == 0 ? .empty : .foreign
  }

  /// Applies the pending migrations, each in its own transaction that also records the new
  /// version, so a failed migration leaves the journal at the version before it.
  ///
  /// Foreign keys are off while migrations run, as SQLite's procedure for rebuilding a table
  /// asks (dropping `entry` to rebuild it would otherwise delete every mark), and each
  /// migration commits only when `PRAGMA foreign_key_check` finds nothing.
  private func migrate() throws(StoreError) {
    try db.defineCompactTextFunctions()
    // A no-op inside a transaction: set between them.
    try db.execute("PRAGMA foreign_keys = OFF")
    defer { try? db.execute("PRAGMA foreign_keys = ON") }
    for (index, migration) in Schema.all.enumerated() {
      try db.transaction { () throws(StoreError) in
        // Another process may have migrated while this one waited for the lock.
        switch try schemaState() {
        case .foreign: throw .notAJournal(path: path)
        case .newer(let version):
          throw .newerSchema(path: path, found: version, supported: Schema.currentVersion)
        default: break
        }
        let version = Int(try db.prepare("PRAGMA user_version").scalarInt() ?? 0)
        guard version == index else { return }
        do throws(StoreError) {
          try db.execute(migration.sql)
        } catch {
          if error.isConstraintViolation, let undated = undatedEntries(stopping: migration) {
            throw undated
          }
          throw error
        }
        let broken = try foreignKeyViolations()
        guard broken == 0 else {
          throw .brokenReferences(path: path, migration: migration.id, rows: broken)
        }
        try db.execute("PRAGMA user_version = \(index + 1)")
      }
    }
  }

  /// The migration that stores an entry's day as a number (0010), which a day no journal
  /// accepts stops.
  static let dayAsIntegerMigration = "0010_day_as_integer"

  /// The entries whose day stopped migration 0010 with a constraint failure: one that passed
  /// the old pattern check but is no date, or a year outside 1900–2999 (a file changed by
  /// hand). How many, and the first five as `entry ID ('DAY')`; `nil` for any other failure.
  /// Only text days are read: were the failure later in the migration, `entry` would already
  /// be the new table, with numbers.
  private func undatedEntries(stopping migration: Schema.Migration) -> StoreError? {
    guard migration.id == Self.dayAsIntegerMigration else { return nil }
    var examples: [String] = []
    var count = 0
    // The days are 10 digits and dashes (0001's GLOB): safe to quote.
    try? db.prepare(
      """
      SELECT id, day, count(*) OVER () FROM entry
      WHERE typeof(day) = 'text' AND (date(julianday(day)) IS NOT day
        OR day NOT BETWEEN '1900-01-01' AND '2999-12-31')
      ORDER BY id LIMIT 5
      """
    ).forEachRow { (row) throws(StoreError) in
      examples.append("entry \(row.int(0)) ('\(row.text(1))')")
      count = Int(row.int(2))
    }
    return examples.isEmpty
      ? nil : .undatedEntries(path: path, count: count, examples: examples)
  }

  /// How many rows point at rows that do not exist (`PRAGMA foreign_key_check`): what
  /// `doctor` reports and what every migration must leave at zero.
  func foreignKeyViolations() throws(StoreError) -> Int {
    Int(try db.prepare("SELECT count(*) FROM pragma_foreign_key_check").scalarInt() ?? 0)
  }

  /// The schema version recorded in the file.
  ///
  /// - Returns: `PRAGMA user_version`.
  /// - Throws: `StoreError` when the query fails.
  public func schemaVersion() throws(StoreError) -> Int {
    Int(try db.prepare("PRAGMA user_version").scalarInt() ?? 0)
  }
}

/// Checks done on the file itself, before SQLite touches it.
enum FileCheck {
  struct Result {
    /// The file and its folder can be written (SQLite's WAL needs both).
    let isWritable: Bool
    /// Nothing may be created beside the file (a read-only folder) and no write-ahead log is
    /// waiting in it, so SQLite must read it as an immutable file.
    let isFrozen: Bool
  }

  /// The first 16 bytes of every SQLite 3 database.
  static let sqliteMagic = Array("SQLite format 3\0".utf8)

  /// Makes sure `path` is a file SQLite may open as a journal: creates it (and its folders)
  /// mode 0600 when `creating`, and refuses a file that is not a SQLite database without
  /// opening it for writing.
  static func prepare(path: String, creating: Bool) throws(StoreError) -> Result {
    let found: FileStatus?
    do {
      found = try FileStatus.of(path)
    } catch {
      throw .cannotOpen(path: path, reason: reason(error))
    }
    guard let found else {
      guard creating else { throw .journalNotFound(path: path) }
      try createFile(at: path)
      return Result(isWritable: true, isFrozen: false)
    }
    guard found.kind == .regular else {
      throw .notAJournal(path: path)
    }
    if found.size > 0 {
      var header = [UInt8](repeating: 0, count: sqliteMagic.count)
      let count: Int
      do {
        count = try InputFile.open(path).read(into: &header)
      } catch {
        throw .cannotOpen(path: path, reason: reason(error))
      }
      guard count == header.count, header == sqliteMagic else {
        throw .notAJournal(path: path)
      }
    }
    // SQLite follows a symbolic link and keeps its -wal and -shm beside the target, so the
    // target's folder is the one that must be writable.
    let target = FileSystem.resolvedPath(path) ?? path
    let folderIsWritable = FileSystem.isWritable(FileSystem.split(target).folder)
    let hasLog = FileSystem.exists(target + "-wal") || FileSystem.exists(target + "-shm")
    return Result(
      isWritable: folderIsWritable && FileSystem.isWritable(path),
      isFrozen: !folderIsWritable && !hasLog)
  }

  private static func createFile(at path: String) throws(StoreError) {
    try createFolders(for: path)
    do {
      try FileSystem.createFile(path, permissions: [.ownerReadWrite])
    } catch  where error.errno == .fileExists {
      // Another process created it first: fine.
    } catch {
      throw .cannotOpen(path: path, reason: reason(error))
    }
  }

  static func createFolders(for path: String) throws(StoreError) {
    var folder = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/").dropLast() {
      folder += component + "/"
      do {
        try FileSystem.createDirectory(folder, permissions: [.ownerReadWriteExecute])
      } catch  where error.errno == .fileExists {
        continue
      } catch {
        throw .cannotOpen(path: path, reason: reason(error))
      }
    }
  }

  /// The system's reason in an `IOError`, worded as `StoreError.cannotOpen` has always
  /// worded it (strerror, lower case).
  static func reason(_ error: IOError) -> String {
    error.errno.description.lowercased()
  }
}
