import Foundation
import TestSupport
import Testing

/// A journal another program changed (with the sqlite3 tool, say) is not trusted: a trigger
/// it planted never runs, `doctor` names what it added, impossible counts are refused with a
/// sentence instead of a crash, and `doctor` reads a journal it may not write.
@Suite("A tampered journal is not trusted")
struct TamperingTests {
  /// The lines `journal doctor` prints, one per check.
  private func checkLines(_ stdout: String) -> [String] {
    stdout.split(separator: "\n").map(String.init).filter {
      $0.hasPrefix("ok ") || $0.hasPrefix("FAIL ")
    }
  }

  /// A journal with a few tagged entries in two weeks.
  private func seeded() throws -> TestJournal {
    let journal = try TestJournal()
    try journal.add("Paired on the cache bug", ["-e", "deep-work", "-d", "delivery"])
    try journal.add("Mentored the new hire", ["-e", "mentoring", "--date", "2026-11-10"])
    try journal.add("Design review", ["-e", "architecture", "--energy", "2"])
    return journal
  }

  @Test("a trigger planted with sqlite3 never runs: add refuses (65), doctor names it (65)")
  func plantedTrigger() throws {
    let journal = try seeded()
    defer { journal.remove() }
    _ = try journal.sqlite(
      """
      CREATE TABLE leak (text TEXT);
      CREATE TRIGGER copyText AFTER INSERT ON entry BEGIN INSERT INTO leak VALUES (new.text); END;
      """)
    let before = try journal.entries().count

    let added = try journal.run(["add", "Salary talk went badly"])
    expectRefused(
      added, status: 65,
      mentioning: [
        "schema objects this version did not create", "trigger copyText", "journal doctor",
      ])
    #expect(try journal.sqlite("SELECT count(*) FROM leak") == "0", "the trigger ran")
    #expect(try journal.entries().count == before)
    // Every command that writes is refused alike; reading still works.
    expectRefused(try journal.run(["tags", "add", "hiring", "--track", "management"]), status: 65)
    expectRefused(try journal.run(["delete", "1", "--yes"]), status: 65)
    expectSuccess(try journal.run(["list"]))

    let doctor = try journal.run(["doctor"])
    #expect(doctor.status == 65, "stderr: \(doctor.stderr)")
    let failed = checkLines(doctor.stdout).filter { $0.hasPrefix("FAIL") }
    #expect(failed.count == 1, "\(doctor.stdout)")
    #expect(
      failed.first?.contains("schema objects") == true
        && failed.first?.contains("table leak") == true
        && failed.first?.contains("trigger copyText") == true,
      "\(doctor.stdout)")
    #expect(doctor.stderr.contains("schema objects"), "\(doctor.stderr)")

    // Removed, the journal is writable again.
    _ = try journal.sqlite("DROP TRIGGER copyText; DROP TABLE leak")
    expectSuccess(try journal.run(["doctor"]))
    try journal.add("Salary talk went well")
  }

  @Test("one of the journal's own triggers, replaced with other text, is refused and named")
  func replacedTrigger() throws {
    let journal = try seeded()
    defer { journal.remove() }
    _ = try journal.sqlite(
      """
      DROP TRIGGER entryTextAfterInsert;
      CREATE TRIGGER entryTextAfterInsert AFTER INSERT ON entry
      BEGIN UPDATE entry SET isPrivate = 0; END;
      """)
    expectRefused(
      try journal.run(["add", "x", "--private"]), status: 65,
      mentioning: ["trigger entryTextAfterInsert"])
    let doctor = try journal.run(["doctor"])
    #expect(doctor.status == 65)
    #expect(doctor.stdout.contains("trigger entryTextAfterInsert (changed)"), "\(doctor.stdout)")
  }

  @Test("a view and an extra table are named by doctor (65); without a trigger, add works")
  func plantedViewAndTable() throws {
    let journal = try seeded()
    defer { journal.remove() }
    _ = try journal.sqlite(
      """
      CREATE VIEW peek AS SELECT text FROM entry;
      CREATE TABLE stash (x);
      CREATE INDEX stashByX ON stash (x);
      """)
    let doctor = try journal.run(["doctor"])
    #expect(doctor.status == 65, "stderr: \(doctor.stderr)")
    let failed = checkLines(doctor.stdout).filter { $0.hasPrefix("FAIL") }
    #expect(failed.count == 1, "\(doctor.stdout)")
    for name in ["view peek", "table stash", "index stashByX"] {
      #expect(failed.first?.contains(name) == true, "\(name) not named: \(doctor.stdout)")
    }
    // Views, tables and indexes do nothing on a write: the entry is added.
    try journal.add("Still writable")
  }

  @Test(
    "huge counts written into the rollup: trend and report exit 65 with a sentence, not a signal",
    arguments: [
      "UPDATE weekTag SET energized = 9223372036854775807",
      "UPDATE weekTag SET drained = 4611686018427387904, energized = 4611686018427387904",
      "UPDATE weekTag SET energySum = -9223372036854775808, energyCount = 1",
      "UPDATE weekTag SET drained = -3",
    ])
  func damagedCounts(sql: String) throws {
    let journal = try seeded()
    defer { journal.remove() }
    _ = try journal.sqlite(sql)
    for arguments in [["trend"], ["trend", "--format", "json"], ["report"]] {
      let result = try journal.run(arguments)
      expectRefused(
        result, status: 65, mentioning: ["The journal's counts are damaged; run journal doctor."])
    }
    let doctor = try journal.run(["doctor"])
    #expect(doctor.status == 65)
    #expect(
      checkLines(doctor.stdout).contains { $0.hasPrefix("FAIL") && $0.contains("weekly rollup") },
      "\(doctor.stdout)")
  }

  @Test(
    "doctor on a read-only journal file reports its checks and exits 0 when healthy",
    .enabled(if: ReadOnlyGuard.isAvailable, Comment(rawValue: ReadOnlyGuard.limitation)))
  func doctorReadOnlyFile() throws {
    let journal = try seeded()
    defer { journal.remove() }
    // A checkpointed journal, as a backup on read-only media would be.
    _ = try journal.sqlite("PRAGMA wal_checkpoint(TRUNCATE)")
    let before = try journal.snapshot()
    let guardian = try ReadOnlyGuard(journal.path, mode: 0o444)
    defer { guardian.undo() }

    let result = try journal.run(["doctor"])
    expectSuccess(result)
    let checks = checkLines(result.stdout)
    #expect(checks.count == 7 && checks.allSatisfy { $0.hasPrefix("ok ") }, "\(result.stdout)")
    #expect(
      checks.contains { $0.contains("search index") && $0.contains("integrity-check skipped") },
      "the skipped check is not named: \(result.stdout)")
    guardian.undo()
    #expect(try journal.snapshot().main == before.main, "doctor changed the journal")
  }

  @Test(
    "doctor on a journal in a read-only folder reports its checks and exits 0 when healthy",
    .enabled(if: ReadOnlyGuard.isAvailable, Comment(rawValue: ReadOnlyGuard.limitation)))
  func doctorReadOnlyFolder() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let folder = directory.file("media")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    let path = folder + "/backup.sqlite"
    let source = try seeded()
    defer { source.remove() }
    expectSuccess(try source.run(["backup", path]))
    let guardian = try ReadOnlyGuard(folder, mode: 0o555)
    defer { guardian.undo() }

    let result = try JournalProcess.run(["doctor", "--db", path])
    expectSuccess(result)
    let checks = checkLines(result.stdout)
    #expect(checks.count == 7 && checks.allSatisfy { $0.hasPrefix("ok ") }, "\(result.stdout)")
    #expect(result.stdout.contains("integrity-check skipped"), "\(result.stdout)")
  }
}

/// Where the journal lives: never the working directory by accident, and a symbolic link is
/// judged by where it points.
@Suite("Where the journal lives")
struct JournalLocationTests {
  @Test("with no HOME, XDG_DATA_HOME, JOURNAL_DB or --db: refused (64), nothing created")
  func noHome() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    for arguments in [["add", "where does this go"], ["list"], ["doctor"]] {
      let result = try ExternalCommand.run(
        "env",
        [
          "-C", directory.path, "-u", "HOME", "-u", "XDG_DATA_HOME", "-u", "JOURNAL_DB",
          JournalProcess.executable,
        ] + arguments,
        environment: ["JOURNAL_TODAY": TestJournal.today])
      expectRefused(result, status: 64, mentioning: ["HOME", "JOURNAL_DB", "--db"])
    }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty,
      "a file was created in the working directory")
  }

  @Test(
    "a symlinked journal in a read-only folder, pointing to a writable folder, is writable",
    .enabled(if: ReadOnlyGuard.isAvailable, Comment(rawValue: ReadOnlyGuard.limitation)))
  func symlinkToWritableFolder() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let real = directory.file("real")
    let links = directory.file("links")
    for folder in [real, links] {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    }
    let target = real + "/journal.sqlite"
    let link = links + "/journal.sqlite"
    let environment = ["JOURNAL_TODAY": TestJournal.today]
    expectSuccess(
      try JournalProcess.run(["add", "first", "--db", target], environment: environment))
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    let guardian = try ReadOnlyGuard(links, mode: 0o555)
    defer { guardian.undo() }

    let added = try JournalProcess.run(["add", "second", "--db", link], environment: environment)
    expectSuccess(added)
    let listed = try JournalProcess.run(["list", "--db", target], environment: environment)
    #expect(listed.stdout.contains("first") && listed.stdout.contains("second"), "\(listed.stdout)")
    #expect(
      !FileManager.default.fileExists(atPath: links + "/journal.sqlite-wal"),
      "the log belongs beside the target")
  }
}
