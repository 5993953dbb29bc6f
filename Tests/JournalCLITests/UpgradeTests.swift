import Foundation
import TestSupport
import Testing

@testable import JournalStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The repository's folders, found from this file: `Tests/JournalCLITests/UpgradeTests.swift`.
private enum Repository {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// `Tests/Fixtures/upgrade/v1.sql`: a journal as schema version 1 left it, as SQL text.
  static let versionOneFixture = root.appendingPathComponent("Tests/Fixtures/upgrade/v1.sql")

  /// The numbered migrations in `Schema/`, oldest first.
  static func migrations() throws -> [URL] {
    let folder = root.appendingPathComponent("Schema")
    return try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".sql") && $0.first?.isNumber == true }
      .sorted()
      .map { folder.appendingPathComponent($0) }
  }
}

/// Everything a version-1 journal holds, read with the `sqlite3` shell as one JSON text per
/// table, so two readings compare with `==` whatever the texts contain.
private struct StoredData: Equatable {
  let entries: String
  let marks: String
  let tags: String

  init(_ journal: TestJournal, entryIDs: ClosedRange<Int> = 1...8) throws {
    let range = "id BETWEEN \(entryIDs.lowerBound) AND \(entryIDs.upperBound)"
    // From version 9 a uuid of 32 hex digits is its 16 bytes, a timestamp its seconds since
    // 1970, and an unchanged updatedAt NULL; from version 10 a day is its days since 1970.
    // Read back by SQLite's own functions, they must be the text version 1 stored.
    func time(_ column: String) -> String {
      "CASE typeof(\(column)) WHEN 'integer' THEN strftime('%Y-%m-%dT%H:%M:%SZ', \(column), "
        + "'unixepoch') ELSE \(column) END"
    }
    entries = try journal.sqlite(
      """
      SELECT json_group_array(json_array(id,
        CASE typeof(uuid) WHEN 'blob' THEN lower(hex(uuid)) ELSE uuid END, \(storedDay("day")),
        text, energy,
        isStarred, isPrivate, \(time("createdAt")),
        coalesce(\(time("updatedAt")), \(time("createdAt"))), \(time("deletedAt"))))
      FROM (SELECT * FROM entry WHERE \(range) ORDER BY id)
      """)
    marks = try journal.sqlite(
      """
      SELECT json_group_array(json_array(entryId, name, mark))
      FROM (SELECT et.entryId, t.name, et.mark FROM entryTag et JOIN tag t ON t.id = et.tagId
            WHERE et.entryId BETWEEN \(entryIDs.lowerBound) AND \(entryIDs.upperBound)
            ORDER BY et.entryId, t.name)
      """)
    tags = try journal.sqlite(
      """
      SELECT json_group_array(json_array(id, name, track, description, createdAt))
      FROM (SELECT * FROM tag ORDER BY id)
      """)
  }
}

/// An entry's day as version 1 wrote it, `YYYY-MM-DD`, whether stored so or (from version 10)
/// as its days since 1970, turned back by SQLite's own date function.
private func storedDay(_ column: String) -> String {
  "CASE typeof(\(column)) WHEN 'integer' THEN date(2440587.5 + \(column)) ELSE \(column) END"
}

/// The weekly rollup recomputed from the entries, as `journal doctor` does, in the rollup
/// table's own shape: equal texts mean the migration's aggregates are exact.
private let recomputedRollup = """
  SELECT group_concat(row, ';') FROM (
    SELECT date(\(storedDay("e.day")), 'weekday 0', '-6 days') || '|' || et.tagId || '|' || sum(et.mark = 1)
      || '|' || sum(et.mark = -1) || '|' || sum(et.mark = 0) || '|' || sum(coalesce(e.energy, 0))
      || '|' || sum(e.energy IS NOT NULL) AS row
    FROM entryTag et JOIN entry e ON e.id = et.entryId
    WHERE e.deletedAt IS NULL
    GROUP BY date(\(storedDay("e.day")), 'weekday 0', '-6 days'), et.tagId
    ORDER BY 1)
  """

private let storedRollup = """
  SELECT group_concat(row, ';') FROM (
    SELECT week || '|' || tagId || '|' || energized || '|' || drained || '|' || unmarked || '|'
      || energySum || '|' || energyCount AS row
    FROM weekTag ORDER BY 1)
  """

@Suite("Upgrades from the first schema version")
struct UpgradeTests {
  /// Builds the version-1 fixture at `journal.path` with the `sqlite3` shell, mode 0600 as a
  /// version-1 binary created it.
  static func makeVersionOne(_ journal: TestJournal) throws {
    let sql = try Data(contentsOf: Repository.versionOneFixture)
    let result = try ExternalCommand.run("sqlite3", ["-bail", journal.path], stdin: sql)
    try #require(result.status == 0, "sqlite3 < v1.sql: \(result.stderr)")
    try #require(chmod(journal.path, 0o600) == 0)
    try #require(try journal.sqlite("PRAGMA user_version") == "1")
  }

  /// Applies `Schema/000N_*.sql` for N in `versions` with the `sqlite3` shell, each in one
  /// transaction with its version, the way the migrator does.
  static func migrate(_ journal: TestJournal, through version: Int) throws {
    let files = try Repository.migrations()
    for number in 2...version {
      let sql = try String(contentsOf: files[number - 1], encoding: .utf8)
      let script = "BEGIN;\n\(sql)\nPRAGMA user_version = \(number);\nCOMMIT;\n"
      if sql.contains("journalCompact") {
        // 0009 calls the functions the store defines while it migrates (`CompactText`): it
        // runs on the store's own connection, as the migrator runs it.
        let db = try Connection(path: journal.path, readOnly: false, trustsSchema: true)
        try db.defineCompactTextFunctions()
        try db.execute(script)
        continue
      }
      let result = try ExternalCommand.run(
        "sqlite3", ["-bail", journal.path], stdin: Data(script.utf8))
      try #require(result.status == 0, "migration \(number): \(result.stderr)")
    }
  }

  @Test("Schema/ and the binary agree on the current version")
  func currentVersion() throws {
    let files = try Repository.migrations()
    #expect(files.count == Schema.currentVersion)
    #expect(files.first?.lastPathComponent == "0001_initial.sql")
    // The fixture's schema is migration 1 as it shipped, word for word.
    let fixture = try String(contentsOf: Repository.versionOneFixture, encoding: .utf8)
    let first = try String(contentsOf: files[0], encoding: .utf8)
    let body = first.split(separator: "\n", omittingEmptySubsequences: false)
      .drop { !$0.hasPrefix("-- Marks this file") }
      .joined(separator: "\n")
    #expect(!body.isEmpty)
    #expect(fixture.contains(body), "v1.sql must hold 0001_initial.sql unchanged")
  }

  @Test(
    "any command migrates a version-1 journal to the current version, every row intact",
    arguments: [
      ["list"], ["show", "3"], ["tags"], ["trend"], ["report", "--format", "json"], ["doctor"],
      ["export"], ["add", "The first entry after the upgrade", "-e", "coaching"],
    ])
  func upgradeKeepsEverything(arguments: [String]) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Self.makeVersionOne(journal)
    let before = try StoredData(journal)
    let searchBefore = try journal.sqlite(
      "SELECT group_concat(rowid) FROM entryText WHERE entryText MATCH 'cache OR interview'")

    let result = try journal.run(arguments)

    expectSuccess(result)
    #expect(try journal.sqlite("PRAGMA user_version") == String(Schema.currentVersion))
    #expect(try journal.sqlite("PRAGMA application_id") == String(Schema.applicationID))
    #expect(try journal.sqlite("PRAGMA journal_mode") == "wal")
    #expect(try StoredData(journal) == before, "entries, marks, tags or timestamps changed")
    #expect(try journal.sqlite("PRAGMA integrity_check") == "ok")
    #expect(try journal.sqlite("PRAGMA foreign_key_check") == "")
    // The rollup migration built the aggregates of the old entries.
    #expect(try journal.sqlite(storedRollup) == journal.sqlite(recomputedRollup))
    #expect(try journal.sqlite("SELECT count(*) FROM weekTag") != "0")
    #expect(
      try journal.sqlite(
        "SELECT group_concat(rowid) FROM entryText WHERE entryText MATCH 'cache OR interview'")
        == searchBefore)
    let doctor = try journal.run(["doctor"])
    expectSuccess(doctor)
    #expect(doctor.stdout.contains("weekly rollup"))
    #expect(!doctor.stdout.contains("FAIL"), "\(doctor.stdout)")
  }

  @Test("after the upgrade the CLI shows the old entries as they were written")
  func upgradedEntriesThroughTheCLI() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Self.makeVersionOne(journal)

    let entries = try journal.entries()

    #expect(entries.map(\.id) == [8, 6, 5, 4, 3, 2, 1], "live entries, newest first")
    let byID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) })
    let design = try #require(byID[3])
    #expect(design.text == "Design review: \"storage v2\"\nSecond line — with unicode ✓")
    #expect(design.date == "2026-09-16")
    #expect(design.energy == 1)
    #expect(design.starred)
    #expect(design.marks == ["architecture:energized", "conflict-resolution:logged"])
    #expect(design.createdAt == "2026-09-16T16:00:00Z")
    let planning = try #require(byID[2])
    #expect(planning.createdAt == "2026-09-09T18:02:11Z")
    #expect(planning.updatedAt == "2026-09-10T07:15:00Z")
    #expect(planning.marks == ["delivery:drained"])
    let talk = try #require(byID[4])
    #expect(talk.energy == nil)
    #expect(talk.isPrivate)
    #expect(talk.text == "Career talk with Sam; it's private")
    #expect(try #require(byID[5]).text == "'); DROP TABLE entry; --")
    #expect(try #require(byID[6]).marks == ["delivery:logged", "hiring:drained"])
    #expect(try #require(byID[1]).uuid == "0f0e0d0c0b0a09080706050403020101")
    // The entry deleted in version 1 stays deleted, and comes back with its marks.
    expectRefused(try journal.run(["show", "7"]), status: 65, mentioning: ["deleted"])
    expectSuccess(try journal.run(["restore", "7"]))
    #expect(try journal.entry(7).marks == ["coaching:drained", "delivery:drained"])
    #expect(try journal.entry(7).createdAt == "2026-11-03T21:00:00Z")
    // The user's own tag kept its track and description.
    let hiring = try #require(try journal.tags().first { $0.name == "hiring" })
    #expect(hiring.track == "management")
    #expect(hiring.description == "interviews and hiring loops")
    #expect(hiring.counts == [0, 1])
    // Search still finds old text.
    #expect(try journal.entries(["--search", "cache"]).map(\.id) == [1])
  }

  @Test("trend --format json counts the marks written before the upgrade")
  func trendCountsOldMarks() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Self.makeVersionOne(journal)
    // The marks of live entries per tag, straight from the version-1 rows.
    let expected = try journal.sqlite(
      """
      SELECT group_concat(name || ':' || energized || ':' || drained, ',') FROM (
        SELECT t.name, sum(et.mark = 1) AS energized, sum(et.mark = -1) AS drained
        FROM entryTag et JOIN tag t ON t.id = et.tagId JOIN entry e ON e.id = et.entryId
        WHERE e.deletedAt IS NULL GROUP BY t.name ORDER BY t.name)
      """)

    let result = try journal.run(["trend", "--weeks", "12", "--format", "json"])

    expectSuccess(result)
    let trend = try JSONDecoder().decode(TrendJSON.self, from: Data(result.stdout.utf8))
    let counted = trend.window.tags.keys.sorted().compactMap { name -> String? in
      guard let tag = trend.window.tags[name], tag.energized + tag.drained > 0 else { return nil }
      return "\(name):\(tag.energized):\(tag.drained)"
    }
    let nonZero = expected.split(separator: ",").filter { !$0.hasSuffix(":0:0") }
      .map(String.init)
    #expect(counted == nonZero)
    #expect(trend.window.tags["coaching"]?.energized == 2, "entries 4 and 8; 7 is deleted")
    #expect(trend.window.tags["delivery"]?.drained == 1, "entry 2; 7 is deleted")
    #expect(trend.window.tags["hiring"]?.drained == 1)
    #expect(trend.weeks.contains { $0.start == "2026-09-07" && !$0.tags.isEmpty })
  }

  @Test("a journal at every older version upgrades with its data (v1 data, then each step)")
  func everyStepUpgrades() throws {
    for version in 1..<Schema.currentVersion {
      let journal = try TestJournal()
      defer { journal.remove() }
      try Self.makeVersionOne(journal)
      if version >= 2 { try Self.migrate(journal, through: version) }
      #expect(try journal.sqlite("PRAGMA user_version") == String(version))
      let before = try StoredData(journal)

      expectSuccess(try journal.run(["list"]))

      #expect(try journal.sqlite("PRAGMA user_version") == String(Schema.currentVersion))
      #expect(try StoredData(journal) == before, "from version \(version)")
      #expect(try journal.sqlite(storedRollup) == journal.sqlite(recomputedRollup))
    }
  }

  /// The migrations after the first that create a table or an index: each can be made to fail
  /// midway by a table of that name already in the way (as a half-finished manual repair might
  /// leave).
  static func blockableMigrations() throws -> [(version: Int, table: String)] {
    let files = try Repository.migrations()
    return try (2...max(2, files.count)).compactMap { version in
      guard version <= files.count else { return nil }
      let sql = try String(contentsOf: files[version - 1], encoding: .utf8)
      return SchemaSQL.createdObjects(sql).first.map { (version, $0) }
    }
  }

  /// Migration N fails on a table in its way: the command fails with one clear error, the
  /// journal stays at version N-1 with every row, and running again fails the same way; once
  /// the table is gone the same journal upgrades.
  @Test(
    "a migration that fails midway leaves the journal at its previous version",
    .enabled(if: Schema.currentVersion >= 2, "needs a migration after the first"))
  func failedMigrationKeepsPreviousVersion() throws {
    let blockable = try Self.blockableMigrations()
    #expect(blockable.count == Schema.currentVersion - 1, "a migration creates nothing to block")
    for (version, blocked) in blockable {
      let previous = version - 1
      let journal = try TestJournal()
      defer { journal.remove() }
      try Self.makeVersionOne(journal)
      if previous >= 2 { try Self.migrate(journal, through: previous) }
      _ = try journal.sqlite("CREATE TABLE \(blocked) (x); INSERT INTO \(blocked) VALUES ('mine')")
      let before = try StoredData(journal)
      let schema = try journal.sqlite(
        "SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema ORDER BY name)")

      for arguments in [["list"], ["add", "after a failed upgrade"], ["doctor"]] {
        let result = try journal.run(arguments)
        expectHostileRefusal(result, status: 74, mentioning: [blocked])
        #expect(
          try journal.sqlite("PRAGMA user_version") == String(previous),
          "migration \(version) blocked by '\(blocked)'")
      }

      #expect(try StoredData(journal) == before, "migration \(version)")
      #expect(
        try journal.sqlite(
          "SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema ORDER BY name)")
          == schema, "migration \(version) left objects behind")
      #expect(try journal.sqlite("SELECT x FROM \(blocked)") == "mine")
      #expect(try journal.sqlite("SELECT count(*) FROM entry") == "8")
      #expect(try journal.sqlite("PRAGMA integrity_check") == "ok")
      // Once the table is out of the way, the same journal upgrades.
      _ = try journal.sqlite("DROP TABLE \(blocked)")
      expectSuccess(try journal.run(["list"]))
      #expect(try journal.sqlite("PRAGMA user_version") == String(Schema.currentVersion))
      #expect(try StoredData(journal) == before)
      #expect(try journal.sqlite(storedRollup) == journal.sqlite(recomputedRollup))
    }
  }

}

/// The parts of `journal trend --format json` these tests read.
private struct TrendJSON: Decodable {
  struct Counts: Decodable {
    let energized: Int
    let drained: Int
  }

  struct Week: Decodable {
    let start: String
    let tags: [String: Counts]
  }

  struct Window: Decodable {
    let tags: [String: Counts]
  }

  let weeks: [Week]
  let window: Window
}
