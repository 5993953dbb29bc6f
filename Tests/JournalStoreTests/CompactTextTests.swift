import Foundation
import JournalCore
import TestSupport
import Testing

@testable import JournalStore

/// Migration 0009's compact uuids and timestamps (``CompactText``): every text reads back as
/// itself, whatever form it was stored in, through SQLite and through the migration.
@Suite("Compact uuids and timestamps")
struct CompactTextTests {
  /// `text` stored as `value` in a column without a type, read back as the store reads it.
  private func roundTrip(_ value: Statement.Value, on db: Connection) throws -> (String, String) {
    try db.cached("DELETE FROM probe").run([])
    try db.cached("INSERT INTO probe (value) VALUES (?)").run([value])
    let read = try db.cached("SELECT value, typeof(value) FROM probe")
    try read.bind([])
    defer { read.reset() }
    _ = try read.step()
    return (read.compactText(0), read.text(1))
  }

  private func probe() throws -> Connection {
    let db = try Connection(path: ":memory:", readOnly: false)
    try db.execute("CREATE TABLE probe (value)")
    return db
  }

  @Test(
    "uuids: the program's two forms become 16 or 19 bytes, anything else stays text",
    arguments: [
      ("0f0e0d0c0b0a09080706050403020101", "blob", 16),
      ("00000000000000000000000000000000", "blob", 16),
      ("ffffffffffffffffffffffffffffffff", "blob", 16),
      ("2026-11-20-4d43b63baef9c329ec27e7ea0b56dc01", "blob", 19),
      ("1900-01-01-4d43b63baef9c329ec27e7ea0b56dc01", "blob", 19),
      ("2999-12-31-4d43b63baef9c329ec27e7ea0b56dc01", "blob", 19),
      ("0F0E0D0C0B0A09080706050403020101", "text", 32),
      ("0f0e0d0c0b0a0908070605040302010", "text", 31),
      ("2026-02-30-4d43b63baef9c329ec27e7ea0b56dc01", "text", 43),
      ("1899-12-31-4d43b63baef9c329ec27e7ea0b56dc01", "text", 43),
      ("2026-11-20_4d43b63baef9c329ec27e7ea0b56dc01", "text", 43),
      ("jrnl-2026-11-02-9f1c", "text", 20), ("", "text", 0), ("é", "text", 2),
    ])
  func uuids(_ uuid: String, _ storage: String, _ length: Int) throws {
    let db = try probe()
    let value = CompactText.uuid(uuid)
    let (text, type) = try roundTrip(value, on: db)
    #expect(text == uuid)
    #expect(type == storage)
    if case .blob(let bytes) = value { #expect(bytes.count == length) }
  }

  @Test(
    "timestamps: YYYY-MM-DDTHH:MM:SSZ in 1900-2999 becomes seconds, anything else stays text",
    arguments: [
      ("2026-11-20T09:14:02Z", "integer"), ("1970-01-01T00:00:00Z", "integer"),
      ("1969-12-31T23:59:59Z", "integer"), ("1900-01-01T00:00:00Z", "integer"),
      ("2999-12-31T23:59:59Z", "integer"), ("2024-02-29T12:00:00Z", "integer"),
      ("2026-02-30T00:00:00Z", "text"), ("2026-11-20T24:00:00Z", "text"),
      ("2026-11-20T23:60:00Z", "text"), ("2026-11-20T23:59:60Z", "text"),
      ("2026-11-20 09:14:02Z", "text"), ("2026-11-20T09:14:02", "text"),
      ("2026-11-20T09:14:02.5Z", "text"), ("1899-12-31T23:59:59Z", "text"),
      ("12345", "text"), ("yesterday", "text"), ("2026-11-20T09:14:02z", "text"),
    ])
  func timestamps(_ iso: String, _ storage: String) throws {
    let db = try probe()
    let (text, type) = try roundTrip(CompactText.timestamp(Timestamp(iso: iso)), on: db)
    #expect(text == iso)
    #expect(type == storage)
  }

  @Test("seconds agree with SQLite's own strftime, at 20,000 seeded instants")
  func secondsAgreeWithSQLite() throws {
    let db = try probe()
    var random = SeededRandom(seed: 9)
    let first = Int64(Day(year: 1900, month: 1, day: 1)!.ordinal) * 86_400
    let last = Int64(Day(year: 2999, month: 12, day: 31)!.ordinal) * 86_400 + 86_399
    let format = try db.prepare("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', ?, 'unixepoch')")
    for _ in 0..<20_000 {
      let seconds = Int64.random(in: first...last, using: &random)
      let (text, _) = try roundTrip(.integer(seconds), on: db)
      try format.bind([.integer(seconds)])
      _ = try format.step()
      #expect(format.text(0) == text)
      #expect(CompactText.timestamp(Timestamp(iso: text)) == .integer(seconds))
    }
  }

  private static func values(
    index: Int, _ row: (uuid: String, created: String, updated: String, deleted: String?)
  ) -> [Statement.Value] {
    let deleted: Statement.Value = row.deleted.map { Statement.Value.text($0) } ?? .null
    return [
      .integer(Int64(index + 1)), .text(row.uuid), .text(row.created), .text(row.updated), deleted,
    ]
  }

  @Test("migration 0009 keeps every uuid and timestamp of a version-8 journal, byte for byte")
  func migrationKeepsText() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = folder.file("journal.sqlite")
    try MigrationTests.makeJournal(at: path, version: 8)
    let rows: [(uuid: String, created: String, updated: String, deleted: String?)] = [
      ("0f0e0d0c0b0a09080706050403020101", "2026-11-02T08:00:00Z", "2026-11-02T08:00:00Z", nil),
      (
        "2026-11-03-4d43b63baef9c329ec27e7ea0b56dc01", "2026-11-03T08:00:00Z",
        "2026-11-04T09:30:00Z", nil
      ),
      ("jrnl-2026-11-04-9f1c", "written by hand", "written by hand", nil),
      (
        "ABCDEF0123456789ABCDEF0123456789", "2026-11-05T08:00:00Z", "12345",
        "2026-11-06T10:00:00Z"
      ),
    ]
    do {
      let raw = try rawDatabase(at: path)
      for (index, row) in rows.enumerated() {
        try raw.prepare(
          """
          INSERT INTO entry (id, uuid, day, text, createdAt, updatedAt, deletedAt)
          VALUES (?, ?, '2026-11-0\(index + 2)', 'entry', ?, ?, ?)
          """
        ).run(Self.values(index: index, row))
      }
    }
    let journal = try Journal.open(at: path, access: .write)
    #expect(try journal.schemaVersion() == Schema.currentVersion)
    var entries = try journal.storedEntries(chronological: true)
    var read: [(String, String, String, String?)] = []
    while let entry = try entries.next() {
      read.append((entry.uuid, entry.createdAt.iso, entry.updatedAt.iso, entry.deletedAt?.iso))
    }
    #expect(read.count == rows.count)
    for (got, want) in zip(read, rows) {
      #expect(got.0 == want.uuid && got.1 == want.created && got.2 == want.updated)
      #expect(got.3 == want.deleted)
    }
    // And the streaming rows, which the exports write, give the same bytes.
    let stream = try journal.entryRows(chronological: true)
    var index = 0
    while try stream.next() {
      let want = rows[index]
      func text(_ column: EntryRows.TextColumn) -> String {
        stream.withBytes(column) { String(decoding: $0, as: UTF8.self) }
      }
      #expect(text(.uuid) == want.uuid)
      #expect(text(.createdAt) == want.created)
      #expect(text(.updatedAt) == want.updated)
      index += 1
    }
    #expect(index == rows.count)
    // Stored compactly: the program's forms as BLOBs and INTEGERs, an unchanged updatedAt NULL.
    let types = try rawDatabase(at: path).prepare(
      "SELECT group_concat(typeof(uuid) || typeof(createdAt) || typeof(updatedAt), ' ') FROM entry")
    #expect(
      try types.firstText() == "blobintegernull blobintegerinteger texttextnull textintegertext")
  }
}

@Suite("Migrations check foreign keys")
struct MigrationForeignKeyTests {
  @Test("a mark of a missing entry stops the upgrade, which is undone, and says so")
  func danglingMarkRefusesUpgrade() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = folder.file("journal.sqlite")
    try MigrationTests.makeJournal(at: path, version: 8)
    do {
      // Foreign keys are off on a raw connection, as in the sqlite3 tool.
      let raw = try rawDatabase(at: path)
      try raw.execute(
        "INSERT INTO entryTag (entryId, tagId, mark) SELECT 77, id, 1 FROM tag WHERE name = 'coaching'"
      )
    }
    #expect(
      throws: StoreError.brokenReferences(path: path, migration: "0009_compact_entries", rows: 1)
    ) {
      _ = try Journal.open(at: path, access: .write)
    }
    let raw = try rawDatabase(at: path)
    #expect(try raw.prepare("PRAGMA user_version").scalarInt() == 8)
    #expect(try raw.prepare("SELECT typeof(uuid) FROM entry").firstText() == nil, "no entries")
    #expect(try raw.prepare("SELECT count(*) FROM entryTag").scalarInt() == 1)
  }
}

@Suite("Upgrading gives back the pages it frees")
struct UpgradeVacuumTests {
  @Test("a version-8 journal of 3,000 entries is smaller after migration 0009, with no free pages")
  func upgradeShrinksTheFile() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = folder.file("journal.sqlite")
    try MigrationTests.makeJournal(at: path, version: 8)
    let before: Int64
    do {
      let raw = try rawDatabase(at: path)
      try raw.execute(
        """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
        INSERT INTO entry (uuid, day, text, createdAt, updatedAt)
        SELECT '2026-11-02-' || printf('%032x', i), '2026-11-02',
          'entry ' || i || ' paired with Priya on the cache', '2026-11-02T08:00:00Z',
          '2026-11-02T08:00:00Z'
        FROM n;
        PRAGMA wal_checkpoint(TRUNCATE);
        """)
      before = try raw.prepare("PRAGMA page_count").scalarInt() ?? 0
    }
    _ = try Journal.open(at: path, access: .write)
    let raw = try rawDatabase(at: path)
    #expect(try raw.prepare("PRAGMA user_version").scalarInt() == Int64(Schema.currentVersion))
    #expect(try raw.prepare("PRAGMA freelist_count").scalarInt() == 0)
    let after = try raw.prepare("PRAGMA page_count").scalarInt() ?? 0
    #expect(after < before, "\(after) pages after, \(before) before")
    #expect(
      try raw.prepare("SELECT count(*) FROM entry WHERE typeof(uuid) = 'blob'").scalarInt() == 3_000
    )
  }
}
