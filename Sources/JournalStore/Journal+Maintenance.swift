import CSQLite
import JournalCore
import JournalIO

extension Journal {
  /// How ``backup(intoEmptyFile:checking:)`` checks the copy it made.
  public enum CopyCheck: Sendable {
    /// No check: an import that has just built the journal in one transaction.
    case none
    /// The copy's header and size: a SQLite file with the journal's application id, schema
    /// version and schema, and as many pages as the backup copied. The backup API copies pages
    /// verbatim, so what can go wrong in the copy itself is a short or failed write, which this
    /// finds without reading every page again. `PRAGMA quick_check` would read them all: 0.8 s
    /// of user CPU on a 1,000,000-entry journal whose whole copy by `sqlite3 .backup` costs
    /// 0.4 s (2026-11-30, 2-core EPYC).
    case pages
    /// `PRAGMA integrity_check` of the copy (`backup --verify`): every page, row, index and
    /// constraint, which also finds damage the copy took over from the journal.
    case integrity
  }

  /// Copies the journal into `destination`, an empty file the caller created (the temporary
  /// file of an `AtomicFile`), with SQLite's online backup API: a consistent snapshot, taken
  /// while other processes keep writing. On failure the file is left for the caller to remove.
  ///
  /// - Parameters:
  ///   - destination: An empty file.
  ///   - checking: How to check the copy (see ``CopyCheck``).
  /// - Returns: `ok` when the copy passed its check, else what was wrong; `nil` unchecked.
  /// - Throws: `StoreError` when the copy cannot be made.
  public func backup(intoEmptyFile destination: String, checking: CopyCheck = .pages)
    throws(StoreError) -> String?
  {
    let target = try Connection(path: destination, readOnly: false)
    guard let backup = sqlite3_backup_init(target.handle, "main", db.handle, "main") else {
      throw target.fail(sqlite3_errcode(target.handle), sql: nil)
    }
    var code: Int32
    var pages: Int32 = 0
    repeat {
      code = sqlite3_backup_step(backup, -1)
      // The source's size in the snapshot this step copied.
      pages = sqlite3_backup_pagecount(backup)
      if code == SQLITE_BUSY || code == SQLITE_LOCKED {
        ProcessControl.sleep(microseconds: 10_000)
      }
    } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
    sqlite3_backup_finish(backup)
    guard code == SQLITE_DONE else { throw target.fail(code, sql: nil) }
    switch checking {
    case .none:
      return nil
    case .integrity:
      return try target.prepare("PRAGMA integrity_check").firstText() ?? "no answer"
    case .pages:
      let statement = try target.prepare(
        """
        SELECT (SELECT page_count FROM pragma_page_count) AS pages,
          (SELECT application_id FROM pragma_application_id) AS applicationID,
          (SELECT user_version FROM pragma_user_version) AS version,
          (SELECT count(*) FROM sqlite_schema) AS objects
        """)
      try statement.bind([])
      defer { statement.reset() }
      guard try statement.step() else { return "no answer" }
      let copied = statement.int("pages")
      let version = Int(statement.int("version"))
      if copied != Int64(pages) { return "\(copied) of \(pages) pages copied" }
      if statement.int("applicationID") != Schema.applicationID {
        return "the copy is not marked as a career journal"
      }
      if version != (try schemaVersion()) { return "the copy has schema version \(version)" }
      if statement.int("objects") == 0 { return "the copy has no schema" }
      return "ok"
    }
  }

  /// One line of `journal doctor`.
  public struct HealthCheck: Hashable, Sendable {
    /// What was checked.
    public let name: String
    /// Whether it passed.
    public let passed: Bool
    /// What was found.
    public let detail: String
  }

  /// Checks the schema version, SQLite's integrity and foreign keys, the schema objects, the
  /// full-text index, the weekly rollup and the file modes; only reads, so it works on a
  /// read-only journal (FTS5's own integrity-check, written as an INSERT, is then skipped).
  /// Each check reports its own failure, so one broken part does not hide the others.
  ///
  /// - Parameter full: Run `PRAGMA integrity_check` (every index compared with its table)
  ///   instead of `PRAGMA quick_check` (every page, b-tree and constraint): 1.7 s against
  ///   0.8 s of CPU on a 1,000,000-entry journal (2026-11-30).
  /// - Returns: One result per check.
  public func healthChecks(full: Bool = false) -> [HealthCheck] {
    var checks: [HealthCheck] = []
    func check(_ name: String, _ body: () throws(StoreError) -> (Bool, String)) {
      do {
        let (passed, detail) = try body()
        checks.append(HealthCheck(name: name, passed: passed, detail: detail))
      } catch {
        checks.append(HealthCheck(name: name, passed: false, detail: error.description))
      }
    }
    check("schema") { () throws(StoreError) in
      let version = try schemaVersion()
      return (
        version == Schema.currentVersion,
        "version \(version) of \(Schema.currentVersion)"
      )
    }
    check("integrity") { () throws(StoreError) in
      var problems: [String] = []
      try db.prepare(full ? "PRAGMA integrity_check" : "PRAGMA quick_check").forEachRow {
        (row) throws(StoreError) in
        problems.append(row.text(0))
      }
      guard problems == ["ok"] else { return (false, problems.prefix(5).joined(separator: "; ")) }
      return (true, full ? "ok" : "ok (quick_check; --full runs integrity_check)")
    }
    check("foreign keys") { () throws(StoreError) in
      let count = try foreignKeyViolations()
      return (count == 0, count == 0 ? "ok" : "\(count) rows point at missing rows")
    }
    check("schema objects") { () throws(StoreError) in
      let unknown = try unknownSchemaObjects()
      return (
        unknown.isEmpty,
        unknown.isEmpty
          ? "ok" : "not created by career-journal: " + unknown.joined(separator: ", ")
      )
    }
    check("search index") { () throws(StoreError) in
      // FTS5's integrity-check is written as an INSERT, which a read-only connection refuses;
      // the comparison below needs only reads.
      let canWrite = sqlite3_db_readonly(db.handle, "main") == 0
      if canWrite {
        try db.execute("INSERT INTO entryText (entryText) VALUES ('integrity-check')")
      }
      // SQLite 3.40's integrity-check does not compare an external-content index with its
      // content table, so compare the sets of indexed and stored entries here.
      let missing =
        try db.prepare(
          "SELECT count(*) FROM entry WHERE id NOT IN (SELECT id FROM entryText_docsize)"
        ).scalarInt() ?? 0
      let stale =
        try db.prepare(
          "SELECT count(*) FROM entryText_docsize WHERE id NOT IN (SELECT id FROM entry)"
        ).scalarInt() ?? 0
      guard missing == 0 && stale == 0 else {
        return (false, "\(missing) entries not indexed, \(stale) index rows without an entry")
      }
      return (true, canWrite ? "ok" : "ok (FTS5 integrity-check skipped: the journal is read-only)")
    }
    check("weekly rollup") { () throws(StoreError) in
      let mismatches = try rollupDifferences()
      return (
        mismatches.isEmpty,
        mismatches.isEmpty
          ? "ok" : "\(mismatches.count) week/tag rows differ, first: \(mismatches[0])"
      )
    }
    check("file mode") { () throws(StoreError) in
      var loose: [String] = []
      for suffix in ["", "-wal", "-shm"] {
        if let status = try? FileStatus.of(path + suffix),
          status.permissions.rawValue & 0o077 != 0
        {
          loose.append(
            "\(path + suffix) is \(String(status.permissions.rawValue & 0o777, radix: 8))")
        }
      }
      return (
        loose.isEmpty, loose.isEmpty ? "0600" : loose.joined(separator: ", ") + " (want 0600)"
      )
    }
    return checks
  }
}

extension Journal {
  /// The week/tag rows where the weekly rollup differs from the marks of the live entries, as
  /// `week tag`, by week then tag; empty when the rollup is exact.
  ///
  /// The entries are read once, in the order of the day index, and summed here: a day's week
  /// is worked out once per day rather than once per mark, and nothing is sorted. The same
  /// comparison in SQL (`rollupMismatches`, kept as the tests' oracle) grouped and sorted every
  /// mark and compared the sets twice: 4.6 s of a 1,000,000-entry journal's 16 s doctor
  /// (2026-11-30). Memory holds one row per week and tag, about 31,000 for a century of daily
  /// notes.
  ///
  /// - Returns: The rows that differ.
  /// - Throws: `StoreError` on a SQLite failure.
  func rollupDifferences() throws(StoreError) -> [String] {
    struct Key: Hashable {
      /// The Monday that starts the week, as ``Day/ordinal``.
      let week: Int
      let tagID: Int64
    }
    struct Counts: Equatable {
      var energized: Int64 = 0
      var drained: Int64 = 0
      var unmarked: Int64 = 0
      var energySum: Int64 = 0
      var energyCount: Int64 = 0

      /// As the rollup's triggers count one mark of an entry.
      mutating func add(mark: Int64, energy: Int64?) {
        energized += mark == 1 ? 1 : 0
        drained += mark == -1 ? 1 : 0
        unmarked += mark == 0 ? 1 : 0
        energySum += energy ?? 0
        energyCount += energy == nil ? 0 : 1
      }
    }
    var fresh: [Key: Counts] = [:]
    var unreadableDays: [String] = []
    var lastDay: Day?
    var lastWeek = 0
    try db.prepare(
      """
      SELECT e.day, e.energy, et.tagId, et.mark
      FROM entry e INDEXED BY entryByDay JOIN entryTag et ON et.entryId = e.id
      WHERE e.deletedAt IS NULL ORDER BY e.day
      """
    ).forEachRow { (row) throws(StoreError) in
      guard let day = row.day(0) else {
        let text = row.text(0)
        if unreadableDays.last != text { unreadableDays.append(text) }
        return
      }
      if day != lastDay {
        lastDay = day
        // As the triggers' date(2440587.5 + day, 'weekday 0', '-6 days'): the Monday on or
        // before the day.
        lastWeek = ISOWeek(containing: day).start.ordinal
      }
      let mark = row.int(3)
      let energy = row.optionalInt(1)
      fresh[Key(week: lastWeek, tagID: row.int(2)), default: Counts()].add(
        mark: mark, energy: energy)
    }
    var names: [Int64: String] = [:]
    try db.prepare("SELECT id, name FROM tag").forEachRow { (row) throws(StoreError) in
      names[row.int(0)] = row.text(1)
    }
    var differences: [(week: String, tag: String)] = unreadableDays.prefix(5).map {
      ($0, "(not a day)")
    }
    try db.prepare(
      "SELECT week, tagId, energized, drained, unmarked, energySum, energyCount FROM weekTag"
    ).forEachRow { (row) throws(StoreError) in
      let week = row.text(0)
      let tagID = row.int(1)
      let stored = Counts(
        energized: row.int(2), drained: row.int(3), unmarked: row.int(4), energySum: row.int(5),
        energyCount: row.int(6))
      // A week written any other way than as its Monday's ISO date matches nothing.
      let key = Day(iso: week).flatMap {
        $0.iso == week ? Key(week: $0.ordinal, tagID: tagID) : nil
      }
      if key.flatMap({ fresh.removeValue(forKey: $0) }) != stored {
        differences.append((week, names[tagID] ?? String(tagID)))
      }
    }
    for key in fresh.keys {
      differences.append((Day(ordinal: key.week).iso, names[key.tagID] ?? String(key.tagID)))
    }
    return differences.sorted { ($0.week, $0.tag) < ($1.week, $1.tag) }.map { "\($0) \($1)" }
  }
}
