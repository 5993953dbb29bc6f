import Foundation
import JournalCore
import TestSupport
import Testing

@testable import JournalStore

@Suite("Migrations")
struct MigrationTests {
  /// Builds a journal at `version` the way the migrator does: each of the first `version`
  /// migrations, then `PRAGMA user_version` set to its number.
  static func makeJournal(at path: String, version: Int) throws {
    let raw = try rawDatabase(at: path)
    try raw.execute("PRAGMA journal_mode = WAL")
    try raw.defineCompactTextFunctions()
    for (index, migration) in Schema.migrations.prefix(version).enumerated() {
      try raw.execute("BEGIN IMMEDIATE")
      try raw.execute(migration.sql)
      try raw.execute("PRAGMA user_version = \(index + 1)")
      try raw.execute("COMMIT")
    }
  }

  /// A journal at `version` in `folder`, with `rows` (SQL) written the way a binary of that
  /// version wrote them, past none of the journal's checks.
  ///
  /// - Returns: The journal's path.
  static func makeJournal(in folder: TemporaryDirectory, version: Int, rows: String) throws
    -> String
  {
    let path = folder.file("journal.sqlite")
    try makeJournal(at: path, version: version)
    try rawDatabase(at: path).execute(rows)
    return path
  }

  @Test("a version-1 journal with entries migrates to the current version and keeps its data")
  func migratesFromVersionOne() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = folder.file("journal.sqlite")
    try Self.makeJournal(at: path, version: 1)
    do {
      // Data written by a version-1 binary, in version-1 columns.
      let raw = try rawDatabase(at: path)
      try raw.execute(
        """
        INSERT INTO entry (id, day, text, energy) VALUES (1, '2026-11-16', 'Old entry', 1);
        INSERT INTO entry (id, day, text, energy, deletedAt)
          VALUES (2, '2026-11-17', 'Old deleted entry', -1, '2026-11-18T10:00:00Z');
        INSERT INTO entryTag (entryId, tagId, mark)
          SELECT 1, id, 1 FROM tag WHERE name = 'coaching';
        INSERT INTO entryTag (entryId, tagId, mark)
          SELECT 1, id, -1 FROM tag WHERE name = 'deep-work';
        INSERT INTO entryTag (entryId, tagId, mark)
          SELECT 2, id, 1 FROM tag WHERE name = 'coaching';
        """)
      #expect(try raw.integer("PRAGMA user_version") == 1)
    }
    let journal = try Journal.open(at: path, access: .write)
    #expect(try journal.schemaVersion() == Schema.currentVersion)
    let entry = try journal.entry(id: 1)
    #expect(entry.text == "Old entry")
    #expect(entry.day.iso == "2026-11-16")
    #expect(entry.energy == 1)
    #expect(entry.tags == [energized("coaching"), drained("deep-work")])
    #expect(throws: StoreError.deletedEntry(id: 2)) { try journal.entry(id: 2) }
    #expect(try journal.tag("coaching")?.energizedCount == 1)
    #expect(try journal.tag("deep-work")?.drainedCount == 1)
    #expect(try journal.ids(EntryFilter(search: "old")) == [1])
    // And the migrated journal takes new entries.
    let added = try journal.addEntry(
      NewEntry(day: try day("2026-11-20"), text: "New entry", tags: [energized("coaching")]))
    #expect(added.id == 3)
    #expect(try journal.tag("coaching")?.energizedCount == 2)
  }

  @Test("every intermediate version migrates to the current one")
  func everyVersionMigrates() throws {
    for version in 0..<Schema.currentVersion {
      let folder = try TemporaryDirectory()
      defer { folder.remove() }
      let path = folder.file("journal.sqlite")
      try Self.makeJournal(at: path, version: version)
      if version == 0 {
        // An empty journal that was stamped but never migrated.
        let raw = try rawDatabase(at: path)
        try raw.execute("PRAGMA application_id = \(Schema.applicationID)")
      }
      let journal = try Journal.open(at: path, access: .write)
      #expect(try journal.schemaVersion() == Schema.currentVersion, "from version \(version)")
      #expect(try journal.tags().count == 6, "from version \(version)")
    }
  }

  /// The migration that rebuilt `entryTag` with `mark BETWEEN -1 AND 1`: its index.
  static let markRangeMigration = Schema.migrations.firstIndex {
    $0.id.hasSuffix("_entry_tag_mark_between")
  }

  @Test(
    "every earlier version keeps its marks and rollup through the entryTag rebuild; 2 is refused")
  func markRangeMigrationKeepsData() throws {
    let rebuild = try #require(Self.markRangeMigration)
    for version in 1...rebuild {
      let folder = try TemporaryDirectory()
      defer { folder.remove() }
      let path = folder.file("journal.sqlite")
      try Self.makeJournal(at: path, version: version)
      do {
        // Three entries over two weeks, one deleted, written through that version's triggers.
        let raw = try rawDatabase(at: path)
        try raw.execute(
          """
          INSERT INTO entry (id, day, text, energy) VALUES (1, '2026-11-16', 'Paired on caching', 2);
          INSERT INTO entry (id, day, text, energy) VALUES (2, '2026-11-22', 'Long planning', NULL);
          INSERT INTO entry (id, day, text, energy, deletedAt)
            VALUES (3, '2026-11-23', 'Gone', -1, '2026-11-24T10:00:00Z');
          INSERT INTO entryTag (entryId, tagId, mark) SELECT 1, id, 1 FROM tag WHERE name = 'coaching';
          INSERT INTO entryTag (entryId, tagId, mark) SELECT 1, id, 0 FROM tag WHERE name = 'delivery';
          INSERT INTO entryTag (entryId, tagId, mark) SELECT 2, id, -1 FROM tag WHERE name = 'coaching';
          INSERT INTO entryTag (entryId, tagId, mark) SELECT 3, id, 1 FROM tag WHERE name = 'coaching';
          """)
      }
      let journal = try Journal.open(at: path, access: .write)
      #expect(try journal.schemaVersion() == Schema.currentVersion)
      #expect(
        try journal.db.string("SELECT sql FROM sqlite_schema WHERE name = 'entryTag'")?
          .contains("mark BETWEEN -1 AND 1") == true, "from version \(version)")
      #expect(
        try journal.entry(id: 1).tags == [
          energized("coaching"), TagMark(name: "delivery", mark: .logged),
        ])
      #expect(try journal.entry(id: 2).tags == [drained("coaching")])
      #expect(try journal.markRowCount() == 4, "from version \(version)")
      // By hand: the week of the 16th has entry 1 (+coaching, logged delivery, energy 2) and
      // entry 2 (-coaching, no energy); entry 3 is deleted.
      var rows: [String] = []
      try journal.db.prepare(
        """
        SELECT w.week || ' ' || t.name || ' ' || w.energized || w.drained || w.unmarked || ' '
          || w.energySum || '/' || w.energyCount
        FROM weekTag w JOIN tag t ON t.id = w.tagId ORDER BY 1
        """
      ).forEachRow { (row) throws(StoreError) in rows.append(row.text(0)) }
      #expect(
        rows == ["2026-11-16 coaching 110 2/1", "2026-11-16 delivery 001 2/1"],
        "from version \(version)")
      #expect(try journal.rollupDifferences().isEmpty, "from version \(version)")
      #expect(try journal.unknownSchemaObjects().isEmpty, "from version \(version)")
      #expect(try journal.db.integer("SELECT count(*) FROM pragma_foreign_key_check") == 0)
      // The triggers still keep the rollup: a mark changed, an entry restored and purged.
      try journal.db.execute("UPDATE entryTag SET mark = 1 WHERE entryId = 2")
      _ = try journal.restoreEntry(id: 3)
      try journal.purgeEntry(id: 1)
      #expect(try journal.rollupDifferences().isEmpty, "from version \(version)")
      #expect(try journal.rollupMismatches().isEmpty, "from version \(version)")
      #expect(try journal.markRowCount() == 2, "from version \(version)")
      for mark in ["2", "-2", "0.5", "NULL", "'x'"] {
        let error = thrownError {
          try journal.db.execute(
            "INSERT INTO entryTag (entryId, tagId, mark) VALUES (2, 6, \(mark))")
        }
        #expect(error?.isConstraintViolation == true, "mark \(mark) from version \(version)")
      }
      #expect(try journal.markRowCount() == 2)
    }
  }

  /// The migration that stores an entry's day as its days since 1970: its index.
  static let dayOrdinalMigration = Schema.migrations.firstIndex {
    $0.id.hasSuffix("_day_as_integer")
  }

  @Test("the day-as-integer migration keeps every day, from 1900 to 2999, and the rollup")
  func dayOrdinalMigrationKeepsDays() throws {
    let version = try #require(Self.dayOrdinalMigration)
    // Days at the edges, either side of 1970 and a leap day, with their ordinals and the
    // Mondays of their weeks worked out by hand (Python's datetime agrees).
    let days: [(iso: String, ordinal: Int64, monday: String)] = [
      ("1900-01-01", -25_567, "1900-01-01"), ("1969-12-31", -1, "1969-12-29"),
      ("1970-01-01", 0, "1969-12-29"), ("2024-02-29", 19_782, "2024-02-26"),
      ("2999-12-31", 376_199, "2999-12-30"),
    ]
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let rows = days.enumerated().map { index, day in
      """
      INSERT INTO entry (id, day, text, energy, isStarred)
        VALUES (\(index + 1), '\(day.iso)', 'On \(day.iso)', 1, \(index == 3 ? 1 : 0));
      INSERT INTO entryTag (entryId, tagId, mark) SELECT \(index + 1), id, 1 FROM tag WHERE name = 'coaching';
      """
    }
    let path = try Self.makeJournal(
      in: folder, version: version, rows: rows.joined(separator: "\n"))
    let journal = try Journal.open(at: path, access: .write)
    #expect(try journal.schemaVersion() == Schema.currentVersion)
    for (index, day) in days.enumerated() {
      let id = Int64(index + 1)
      #expect(
        try journal.db.integer("SELECT day FROM entry WHERE id = ?", [.integer(id)]) == day.ordinal)
      #expect(
        try journal.db.string("SELECT typeof(day) FROM entry WHERE id = ?", [.integer(id)])
          == "integer")
      #expect(try journal.entry(id: id).day.iso == day.iso)
    }
    var weeks: [String] = []
    try journal.db.prepare("SELECT week || ' ' || energized FROM weekTag ORDER BY week")
      .forEachRow { (row) throws(StoreError) in weeks.append(row.text(0)) }
    #expect(weeks == ["1900-01-01 1", "1969-12-29 2", "2024-02-26 1", "2999-12-30 1"])
    #expect(try journal.rollupDifferences().isEmpty)
    #expect(try journal.rollupMismatches().isEmpty)
    #expect(try journal.unknownSchemaObjects().isEmpty)
    #expect(try journal.db.string("PRAGMA integrity_check") == "ok")
    // The day indexes were rebuilt: a range and the starred quotes find their entries.
    var filter = EntryFilter(since: try day("1969-12-31"), until: try day("2024-02-29"))
    #expect(try journal.ids(filter) == [4, 3, 2])
    filter.starred = true
    #expect(try journal.ids(filter) == [4])
    // The triggers keep the rollup when a day moves across weeks and years.
    _ = try journal.updateEntry(id: 1, EntryChanges(day: try day("2999-12-31")))
    #expect(try journal.rollupDifferences().isEmpty)
    #expect(try journal.rollupMismatches().isEmpty)
    // Only a day in range, as an INTEGER, is stored.
    for bad in ["'2026-11-20'", "-25568", "376200", "20000.5", "NULL"] {
      let error = thrownError {
        try journal.db.execute("UPDATE entry SET day = \(bad) WHERE id = 2")
      }
      #expect(error?.isConstraintViolation == true, "day \(bad)")
    }
    #expect(try journal.entry(id: 2).day.iso == "1969-12-31")
  }

  @Test("a day that is no date stops the day-as-integer migration, names its entries, moves none")
  func dayOrdinalMigrationRefusesNonDates() throws {
    let version = try #require(Self.dayOrdinalMigration)
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    // Days that pass 0001's pattern: one SQLite's julianday() reads as 2026-03-02, one before
    // 1900, and a good one.
    let path = try Self.makeJournal(
      in: folder, version: version,
      rows: """
        INSERT INTO entry (id, day, text) VALUES (1, '2026-11-16', 'Fine');
        INSERT INTO entry (id, day, text) VALUES (2, '2026-02-30', 'No such day');
        INSERT INTO entry (id, day, text) VALUES (5, '1899-12-31', 'Too old');
        """)
    let error = thrownError { try Journal.open(at: path, access: .write) }
    #expect(
      error
        == .undatedEntries(
          path: path, count: 2, examples: ["entry 2 ('2026-02-30')", "entry 5 ('1899-12-31')"]))
    let raw = try rawDatabase(at: path)
    #expect(try raw.integer("PRAGMA user_version") == Int64(version))
    #expect(
      try raw.string("SELECT group_concat(day) FROM (SELECT day FROM entry ORDER BY id)")
        == "2026-11-16,2026-02-30,1899-12-31")
    // Corrected by hand, as the message says, the same journal upgrades.
    try raw.execute("UPDATE entry SET day = '2026-02-28' WHERE id = 2")
    try raw.execute("UPDATE entry SET day = '1900-01-01' WHERE id = 5")
    let journal = try Journal.open(at: path, access: .write)
    #expect(try journal.schemaVersion() == Schema.currentVersion)
    #expect(try journal.entry(id: 2).day.iso == "2026-02-28")
    #expect(try journal.entry(id: 5).day.iso == "1900-01-01")
  }

  @Test("a migration that fails midway is rolled back whole and the version stays")
  func failedFirstMigrationRollsBack() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = folder.file("journal.sqlite")
    do {
      // A stamped journal at version 0 in which 0001 will fail at `CREATE TABLE entryTag`,
      // after it has created `tag` and `entry`.
      let raw = try rawDatabase(at: path)
      try raw.execute(
        """
        PRAGMA application_id = \(Schema.applicationID);
        CREATE TABLE entryTag (sabotage TEXT);
        INSERT INTO entryTag VALUES ('still here');
        """)
    }
    for _ in 0..<2 {
      let error = thrownError { try Journal.open(at: path, access: .write) }
      guard case .sqlite(_, let message, _)? = error else {
        Issue.record("expected a SQLite error, got \(String(describing: error))")
        continue
      }
      #expect(message.contains("entryTag"))
    }
    let raw = try rawDatabase(at: path)
    #expect(try raw.integer("PRAGMA user_version") == 0)
    #expect(try raw.integer("PRAGMA application_id") == Schema.applicationID)
    #expect(try !raw.hasObject("tag"))
    #expect(try !raw.hasObject("entry"))
    #expect(try !raw.hasObject("entryText"))
    #expect(try raw.string("SELECT sabotage FROM entryTag") == "still here")
  }

  @Test(
    "a failing later migration keeps the earlier ones and the journal's data",
    .enabled(if: Schema.currentVersion >= 2, "needs at least two migrations"))
  func failedLaterMigrationRollsBack() throws {
    let last = Schema.currentVersion - 1
    let blocked = try #require(
      SchemaSQL.createdObjects(Schema.migrations[last].sql).first,
      "the last migration creates no table or index to block")
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = folder.file("journal.sqlite")
    try Self.makeJournal(at: path, version: last)
    do {
      let raw = try rawDatabase(at: path)
      try raw.execute(
        """
        INSERT INTO entry (id, day, text) VALUES (1, '2026-11-16', 'Must survive');
        CREATE TABLE \(blocked) (sabotage TEXT);  -- a table takes the name, even an index's
        """)
    }
    let objectsBefore = try rawDatabase(at: path)
      .integer("SELECT count(*) FROM sqlite_schema")
    let error = thrownError { try Journal.open(at: path, access: .write) }
    guard case .sqlite? = error else {
      Issue.record("expected a SQLite error, got \(String(describing: error))")
      return
    }
    let raw = try rawDatabase(at: path)
    #expect(try raw.integer("PRAGMA user_version") == Int64(last))
    #expect(try raw.integer("SELECT count(*) FROM sqlite_schema") == objectsBefore)
    #expect(try raw.string("SELECT text FROM entry WHERE id = 1") == "Must survive")
  }

  @Test("createdObjects reads CREATE TABLE and CREATE INDEX names")
  func createdObjectsHelper() {
    #expect(
      SchemaSQL.createdObjects(
        "CREATE TABLE tag (\n  id);\nCREATE INDEX x ON tag (id);\nCREATE TABLE entry (")
        == ["tag", "x", "entry"])
  }
}
