import JournalCore

// A journal is a file anyone with the sqlite3 tool can change. What another program added to
// its schema is never trusted: a writer refuses a trigger the migrations did not create (it
// would run on every `add`, and could copy private text elsewhere), and `journal doctor`
// names every table, index, view and trigger that is not the journal's own.

extension Journal {
  /// Refuses to write to a journal that holds a trigger the migrations did not create, or
  /// one of theirs whose text was changed. One read of `sqlite_schema`'s triggers: a few
  /// microseconds, paid by every command that writes.
  ///
  /// - Throws: `StoreError.unknownSchemaObjects` naming the triggers, or a SQLite failure.
  func refuseUnknownTriggers() throws(StoreError) {
    var unknown: [String] = []
    try db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")
      .forEachRow { (row) throws(StoreError) in
        if !Schema.triggerStatements.contains(row.text(1)) {
          unknown.append("trigger " + row.text(0))
        }
      }
    guard unknown.isEmpty else { throw .unknownSchemaObjects(path: path, objects: unknown) }
  }

  /// Every schema object the migrations did not create, as `type name` (`trigger copyText`),
  /// with ` (changed)` after a trigger or view of theirs whose text differs; empty for a
  /// journal only career-journal has changed. SQLite's own `sqlite_` objects are not counted.
  ///
  /// - Returns: The objects, by type and name.
  /// - Throws: `StoreError` on a SQLite failure.
  public func unknownSchemaObjects() throws(StoreError) -> [String] {
    let expected = try Schema.createdObjects()
    var unknown: [String] = []
    try db.prepare(
      """
      SELECT type, name, sql FROM sqlite_schema
      WHERE name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY type, name
      """
    ).forEachRow { (row) throws(StoreError) in
      let type = row.text(0)
      let name = row.text(1)
      if !expected.contains(Schema.Object(type: type, name: name)) {
        unknown.append(type + " " + name)
      } else if type == "trigger" || type == "view", !Schema.isMigrationText(row.text(2)) {
        unknown.append(type + " " + name + " (changed)")
      }
    }
    return unknown
  }
}

extension Schema {
  /// A table, index, view or trigger, by type and name.
  struct Object: Hashable {
    let type: String
    let name: String
  }

  /// The objects the migrations create, read from an in-memory database they are applied to
  /// (so the full-text index's shadow tables are counted as SQLite names them).
  ///
  /// - Returns: Every object but SQLite's own `sqlite_` ones.
  /// - Throws: `StoreError` when a migration fails, which a test rules out.
  static func createdObjects() throws(StoreError) -> Set<Object> {
    let scratch = try Connection(path: ":memory:", readOnly: false, trustsSchema: true)
    try scratch.defineCompactTextFunctions()
    for migration in all {
      try scratch.execute(migration.sql)
    }
    var objects: Set<Object> = []
    try scratch.prepare(
      "SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite!_%' ESCAPE '!'"
    ).forEachRow { (row) throws(StoreError) in
      objects.insert(Object(type: row.text(0), name: row.text(1)))
    }
    return objects
  }

  /// Every `CREATE TRIGGER … END` statement of every migration, as SQLite keeps it in
  /// `sqlite_schema.sql` (from `CREATE` to `END`, without the semicolon). Gathered in one pass,
  /// so the check each writing command makes is a set lookup per trigger rather than a search
  /// of every migration for each: 0.5 million fewer instructions for an `add` (measured
  /// 2026-11-29 with callgrind). The migrations end every trigger with `END;` on a line of its
  /// own; a trigger written otherwise would be missed here and refuse every write, which any
  /// end-to-end test of a writing command would show at once.
  static let triggerStatements: Set<String> = {
    let open = Array("CREATE TRIGGER".utf8)
    let close = Array("\nEND;".utf8)
    var statements: Set<String> = []
    for migration in all {
      var sql = migration.sql
      sql.withUTF8 { bytes in
        var from = 0
        while let start = firstIndex(of: open, in: bytes, from: from),
          let end = firstIndex(of: close, in: bytes, from: start + open.count)
        {
          let stop = end + close.count - 1  // through "END", without the semicolon
          statements.insert(
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self))
          from = stop
        }
      }
    }
    return statements
  }()

  /// Whether `sql` appears word for word in a migration. SQLite keeps each `CREATE` statement's
  /// text as it was written, so a trigger or view the migrations created passes, and one
  /// another program created or replaced does not.
  ///
  /// - Parameter sql: `sqlite_schema.sql` of one object.
  /// - Returns: `true` when a migration contains it.
  static func isMigrationText(_ sql: String) -> Bool {
    let needle = Array(sql.utf8)
    guard !needle.isEmpty else { return false }
    return all.contains { migration in
      var text = migration.sql
      return text.withUTF8 { firstIndex(of: needle, in: $0, from: 0) != nil }
    }
  }

  /// Where `needle` first starts in `bytes` at or after `from`: a byte loop, because the
  /// standard library's generic substring search costs millions of instructions in metadata
  /// look-ups on every start (callgrind, 2026-11-29).
  private static func firstIndex(
    of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int
  ) -> Int? {
    guard let first = needle.first else { return nil }
    var index = from
    while index + needle.count <= bytes.count {
      if bytes[index] == first {
        var matched = 1
        while matched < needle.count, bytes[index + matched] == needle[matched] { matched += 1 }
        if matched == needle.count { return index }
      }
      index += 1
    }
    return nil
  }
}

extension Journal {
  /// The most marks (or entries with an energy) one tag can gather in one week in any journal
  /// a person writes: far beyond any real history, and small enough that the analysis's sums
  /// over every week and tag stay exact in an `Int` (2^31 per row × fewer than 2^31 rows).
  static let countLimit = Int(Int32.max)

  /// `counts` when every count is one a journal can hold; stored counts beyond it (a file
  /// changed by hand) would make the analysis's arithmetic overflow.
  ///
  /// - Parameter counts: Rows read from the weekly rollup.
  /// - Returns: `counts`, unchanged.
  /// - Throws: `StoreError.damagedCounts` for a negative or impossible count.
  static func checked(_ counts: [WeeklyTagCount]) throws(StoreError) -> [WeeklyTagCount] {
    let range = 0...countLimit
    for count in counts {
      guard range.contains(count.energized), range.contains(count.drained),
        range.contains(count.energyCount),
        count.energySum.magnitude <= 2 * count.energyCount.magnitude
      else { throw .damagedCounts }
    }
    return counts
  }
}
