import CSQLite
import JournalCore
import JournalIO

extension Journal {
  /// Copies the journal into `destination`, an empty file the caller created (the temporary
  /// file of an `AtomicFile`), with SQLite's online backup API: a consistent snapshot, taken
  /// while other processes keep writing. On failure the file is left for the caller to remove.
  ///
  /// - Parameters:
  ///   - destination: An empty file.
  ///   - checking: Whether to run `PRAGMA integrity_check` on the copy (nearly all of a large
  ///     backup's time); an import that just built the journal in one transaction skips it.
  /// - Returns: `PRAGMA integrity_check` of the copy (`ok` when it is sound), `nil` unchecked.
  /// - Throws: `StoreError` when the copy cannot be made.
  public func backup(intoEmptyFile destination: String, checking: Bool = true)
    throws(StoreError) -> String?
  {
    do {
      let target = try Connection(path: destination, readOnly: false)
      guard let backup = sqlite3_backup_init(target.handle, "main", db.handle, "main") else {
        throw target.fail(sqlite3_errcode(target.handle), sql: nil)
      }
      var code: Int32
      repeat {
        code = sqlite3_backup_step(backup, -1)
        if code == SQLITE_BUSY || code == SQLITE_LOCKED {
          ProcessControl.sleep(microseconds: 10_000)
        }
      } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
      sqlite3_backup_finish(backup)
      guard code == SQLITE_DONE else { throw target.fail(code, sql: nil) }
      guard checking else { return nil }
      return try target.prepare("PRAGMA integrity_check").firstText() ?? "no answer"
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
  /// read-only journal (FTS5's own integrity-check, written as an INSERT, is then skipped). Each check reports its own failure, so one broken part
  /// does not hide the others.
  ///
  /// - Returns: One result per check.
  public func healthChecks() -> [HealthCheck] {
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
      try db.prepare("PRAGMA integrity_check").forEachRow { (row) throws(StoreError) in
        problems.append(row.text(0))
      }
      return (problems == ["ok"], problems.prefix(5).joined(separator: "; "))
    }
    check("foreign keys") { () throws(StoreError) in
      var count = 0
      try db.prepare("PRAGMA foreign_key_check").forEachRow { (_) throws(StoreError) in
        count += 1
      }
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
      let mismatches = try rollupMismatches()
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
