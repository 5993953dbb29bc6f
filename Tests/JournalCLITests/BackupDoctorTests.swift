import Foundation
import TestSupport
import Testing

@Suite("journal backup and journal doctor")
struct BackupDoctorTests {
  /// `journal ARGUMENTS --db PATH` for a file that is not the fixture's own journal.
  private func run(_ arguments: [String], db path: String) throws -> JournalResult {
    try JournalProcess.run(
      arguments + ["--db", path], environment: ["JOURNAL_TODAY": TestJournal.today])
  }

  /// Fills `journal` with `count` entries of about 700 bytes each, in one import, so the file
  /// spans dozens of pages.
  private func fillLarge(_ journal: TestJournal, count: Int) throws {
    var csv = "date,text,energized,drained\n"
    let filler = String(repeating: "long notes about the storage engine and the team; ", count: 14)
    for index in 0..<count {
      let day = String(format: "2026-%02d-%02d", 1 + index % 10, 1 + index % 28)  // before today
      let (energized, drained) =
        index.isMultiple(of: 2) ? ("deep-work", "delivery") : ("coaching", "")
      csv += "\(day),Entry \(index): \(filler),\(energized),\(drained)\n"
    }
    let file = journal.directory.file("large.csv")
    try Interchange.write(csv, to: file)
    let imported = try Interchange.output(journal, ["import", file, "--from", "csv"])
    #expect(imported == "Imported \(count) entries from '\(file)'.\n")
  }

  /// The lines `journal doctor` prints, one per check: `ok  ` or `FAIL`, the name, a detail.
  private func checkLines(_ stdout: String) -> [String] {
    Interchange.lines(stdout).filter { $0.hasPrefix("ok ") || $0.hasPrefix("FAIL ") }
  }

  @Test(
    "backup writes a private copy that opens and passes integrity_check; --force replaces")
  func backupCopy() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Interchange.seedEveryField(journal)
    let file = journal.directory.file("backup.sqlite")

    let result = try journal.run(["backup", file])
    expectSuccess(result)
    #expect(
      result.stdout == "Backed up '\(journal.path)' to '\(file)' (copy check: ok).\n")
    #expect(try Interchange.mode(file) == 0o600)
    #expect(try SQLiteShell.run(file, "PRAGMA integrity_check") == "ok")
    let listed = try run(["list", "--format", "json"], db: file)
    expectSuccess(listed)
    #expect(
      try JSONDecoder().decode([EntryRecord].self, from: Data(listed.stdout.utf8))
        == journal.entries())
    let exported = try run(["export"], db: file)
    expectSuccess(exported)
    #expect(exported.stdout == (try Interchange.output(journal, ["export"])), "a complete copy")
    expectSuccess(try run(["doctor"], db: file))

    // An existing file is kept unless --force is given.
    try journal.add("Written after the first backup", ["-e", "coaching"])
    let kept = try FileSnapshot(path: file)
    let refused = try journal.run(["backup", file])
    expectRefused(refused, status: 64, mentioning: [file, "--force"])
    #expect(try FileSnapshot(path: file) == kept, "a refused backup changed the file")

    let forced = try journal.run(["backup", file, "--force", "--verify"])
    expectSuccess(forced)
    #expect(
      forced.stdout == "Backed up '\(journal.path)' to '\(file)' (integrity check: ok).\n")
    #expect(try Interchange.mode(file) == 0o600)
    #expect(try SQLiteShell.run(file, "PRAGMA integrity_check") == "ok")
    #expect(
      try SQLiteShell.run(file, "SELECT count(*) FROM entry WHERE text LIKE 'Written after%'")
        == "1")

    // Nothing is written where the backup cannot go, and a missing journal is named.
    let nowhere = journal.directory.file("no-such-folder/backup.sqlite")
    let cannot = try journal.run(["backup", nowhere])
    expectRefused(cannot, status: 74, mentioning: [nowhere])
    let missing = try run(
      ["backup", journal.directory.file("other.sqlite")], db: journal.directory.file("none.sqlite"))
    expectRefused(missing, status: 66)
    #expect(!FileManager.default.fileExists(atPath: journal.directory.file("other.sqlite")))
  }

  @Test("a backup taken while 4 processes add entries is consistent, and every writer succeeds")
  func backupDuringWrites() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("First entry", ["-e", "deep-work", "--date", "2026-11-02"])
    let writers = 4
    let addsPerWriter = 30

    // Each writer is one bash process adding 30 entries in a row through the built binary,
    // stopping at the first failure.
    var processes: [Process] = []
    var outputs: [String] = []
    var errors: [String] = []
    for writer in 1...writers {
      let output = journal.directory.file("writer-\(writer).out")
      let error = journal.directory.file("writer-\(writer).err")
      #expect(FileManager.default.createFile(atPath: output, contents: nil))
      #expect(FileManager.default.createFile(atPath: error, contents: nil))
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/bash")
      process.arguments = [
        "-c",
        """
        set -e
        for i in $(seq 1 \(addsPerWriter)); do
          "$JOURNAL" add "writer \(writer) entry $i" -e deep-work -d delivery --db "$DB"
        done
        """,
      ]
      var environment = ProcessInfo.processInfo.environment
      environment["JOURNAL"] = JournalProcess.executable
      environment["DB"] = journal.path
      environment["JOURNAL_TODAY"] = TestJournal.today
      environment["JOURNAL_DB"] = nil
      environment["NO_COLOR"] = nil
      process.environment = environment
      process.standardInput = FileHandle.nullDevice
      process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
      process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: error))
      processes.append(process)
      outputs.append(output)
      errors.append(error)
    }
    for process in processes { try process.run() }

    // Take the backup once at least 20 adds have been reported, while the writers go on.
    func added() -> Int {
      outputs.reduce(0) { total, path in
        let text = String(
          decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        return total + Interchange.lines(text).filter { $0.hasPrefix("Added entry ") }.count
      }
    }
    let deadline = Date().addingTimeInterval(120)
    while added() < 20 && Date() < deadline && processes.contains(where: \.isRunning) {
      usleep(5_000)
    }
    let reportedBefore = added()
    let file = journal.directory.file("during-writes.sqlite")
    let backup = try journal.run(["backup", file, "--verify"])
    let writersStillRunning = processes.contains(where: \.isRunning)
    for process in processes { process.waitUntilExit() }

    expectSuccess(backup)
    #expect(backup.stdout.hasSuffix("(integrity check: ok).\n"), "\(backup.stdout)")
    for (index, process) in processes.enumerated() {
      let stderr = try Interchange.text(errors[index])
      #expect(process.terminationStatus == 0, "writer \(index + 1): \(stderr)")
      #expect(stderr.isEmpty, "writer \(index + 1): \(stderr)")
    }
    #expect(added() == writers * addsPerWriter, "every add reported success")
    #expect(try journal.sqlite("SELECT count(*) FROM entry") == String(1 + writers * addsPerWriter))
    #expect(try journal.sqlite("PRAGMA integrity_check") == "ok")

    #expect(try Interchange.mode(file) == 0o600)
    #expect(try SQLiteShell.run(file, "PRAGMA integrity_check") == "ok")
    let copied = try #require(Int(try SQLiteShell.run(file, "SELECT count(*) FROM entry")))
    // The first entry plus the writers' adds up to the moment of the copy: at least those
    // reported before it started, at most all of them.
    #expect(copied >= 1 + reportedBefore, "the copy lost entries reported before it")
    #expect(copied <= 1 + writers * addsPerWriter)
    #expect(
      (0...(writers * addsPerWriter)).contains(copied - 1),
      "copied \(copied) entries; writers still running after the copy: \(writersStillRunning)")
    let listed = try run(["list", "--format", "json", "--limit", "1000"], db: file)
    expectSuccess(listed)
    let entries = try JSONDecoder().decode([EntryRecord].self, from: Data(listed.stdout.utf8))
    #expect(entries.count == copied)
    let sourceTexts = Set(try journal.entries(["--limit", "1000"]).map(\.text))
    #expect(entries.allSatisfy { sourceTexts.contains($0.text) })
    // The rollup in the copy matches its entries: the copy is one consistent moment.
    expectSuccess(try run(["doctor"], db: file))
  }

  @Test("doctor on a healthy journal: every check ok, exit 0")
  func doctorHealthy() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Interchange.seedEveryField(journal)
    let result = try journal.run(["doctor"])
    expectSuccess(result)
    let checks = checkLines(result.stdout)
    #expect(checks.count == 7, "\(result.stdout)")
    #expect(checks.allSatisfy { $0.hasPrefix("ok ") }, "\(result.stdout)")
    for name in [
      "schema", "integrity", "foreign keys", "schema objects", "search index", "weekly rollup",
      "file mode",
    ] {
      #expect(checks.contains { $0.contains(name) }, "no \(name) check: \(result.stdout)")
    }
    #expect(result.stdout.hasSuffix("'\(journal.path)' is healthy.\n"))
    #expect(
      checks.contains { $0.contains("integrity") && $0.contains("quick_check") }, "\(result.stdout)"
    )

    let full = try journal.run(["doctor", "--full"])
    expectSuccess(full)
    let fullChecks = checkLines(full.stdout)
    #expect(
      fullChecks.count == 7 && fullChecks.allSatisfy { $0.hasPrefix("ok ") }, "\(full.stdout)")
    #expect(
      fullChecks.contains { $0.hasSuffix("integrity       ok") }, "\(full.stdout)")
  }

  /// An index whose rows no longer match its definition: every b-tree is sound, so only
  /// `integrity_check`, which compares each index with its table, sees it.
  @Test("doctor --full finds an index out of step with its table, which quick_check passes")
  func doctorFullFindsIndexDamage() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Interchange.seedEveryField(journal)
    _ = try journal.sqlite(
      """
      PRAGMA writable_schema = ON;
      UPDATE sqlite_schema SET sql = 'CREATE INDEX entryTagByTag ON entryTag (entryId, tagId)'
      WHERE name = 'entryTagByTag';
      """)

    expectSuccess(try journal.run(["doctor"]))
    let full = try journal.run(["doctor", "--full"])
    #expect(full.status == 65, "\(full.stdout)")
    expectNoCrash(full)
    let failed = checkLines(full.stdout).filter { $0.hasPrefix("FAIL") }
    #expect(failed.count == 1, "\(full.stdout)")
    #expect(
      failed.first?.contains("integrity") == true
        && failed.first?.contains("missing from index entryTagByTag") == true, "\(full.stdout)")
    #expect(full.stderr.contains("integrity"), "\(full.stderr)")
  }

  @Test(
    "backup --verify of a damaged journal exits 65 and keeps the old backup")
  func backupOfDamagedJournal() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try fillLarge(journal, count: 300)
    let damaged = journal.directory.file("damaged.sqlite")
    expectSuccess(try journal.run(["backup", damaged]))
    let pageSize = try #require(Int(try SQLiteShell.run(damaged, "PRAGMA page_size")))
    let root = try #require(
      Int(try SQLiteShell.run(damaged, "SELECT rootpage FROM sqlite_schema WHERE name = 'entry'")))
    try #require(root > 1)
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: damaged))
    try handle.seek(toOffset: UInt64((root - 1) * pageSize))
    try handle.write(contentsOf: Data(repeating: 0xFF, count: 64))
    try handle.close()

    let older = journal.directory.file("older.sqlite")
    expectSuccess(try journal.run(["backup", older]))
    let kept = try FileSnapshot(path: older)
    let verified = try run(["backup", older, "--force", "--verify"], db: damaged)
    #expect(verified.status == 65, "\(verified.stdout)")
    expectNoCrash(verified)
    #expect(verified.stdout.isEmpty, "\(verified.stdout)")
    #expect(
      verified.stderr.hasPrefix("Error: '\(damaged)' failed integrity check ("),
      "\(verified.stderr)")
    #expect(try FileSnapshot(path: older) == kept, "the older backup was replaced")
    let left = try FileManager.default.contentsOfDirectory(atPath: journal.directory.path)
    #expect(!left.contains { $0.hasPrefix(".older.sqlite") || $0.contains(".tmp") }, "\(left)")

    // Without --verify the copy is checked for its size and header only: the pages come over
    // as they are, damage included, and doctor then finds it in the copy.
    let copy = journal.directory.file("copy.sqlite")
    let plain = try run(["backup", copy], db: damaged)
    expectSuccess(plain)
    #expect(plain.stdout.hasSuffix("(copy check: ok).\n"), "\(plain.stdout)")
    #expect(try run(["doctor"], db: copy).status == 65)
  }

  @Test("doctor on a copy with a damaged page exits non-zero and names the failing check")
  func doctorDamaged() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try fillLarge(journal, count: 300)
    // `journal backup` makes a single file (no -wal beside it) to damage.
    let copy = journal.directory.file("damaged.sqlite")
    expectSuccess(try journal.run(["backup", copy]))
    let pageSize = try #require(Int(try SQLiteShell.run(copy, "PRAGMA page_size")))
    let pages = try #require(Int(try SQLiteShell.run(copy, "PRAGMA page_count")))
    try #require(pages > 20, "only \(pages) pages")
    // 64 bytes of 0xFF over the start of the entry table's root page (a b-tree page beyond
    // page 1). Bytes in a page's unused gap (such as 100 bytes into the third page in this
    // layout, which falls in the free space of a small index page) are invisible to any check, so
    // the damage goes where SQLite reads it: the page header and cell pointers.
    let root = try #require(
      Int(try SQLiteShell.run(copy, "SELECT rootpage FROM sqlite_schema WHERE name = 'entry'")))
    try #require(root > 1)
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: copy))
    try handle.seek(toOffset: UInt64((root - 1) * pageSize))
    try handle.write(contentsOf: Data(repeating: 0xFF, count: 64))
    try handle.close()

    let result = try run(["doctor"], db: copy)
    #expect(result.status != 0, "doctor passed a damaged file: \(result.stdout)")
    expectNoCrash(result)
    #expect(result.stdout.contains("FAIL  integrity"), "\(result.stdout)")
    #expect(result.stderr.hasPrefix("Error:"), "\(result.stderr)")
    #expect(result.stderr.contains("integrity"), "\(result.stderr)")
    #expect(Interchange.lines(result.stderr).count == 1, "\(result.stderr)")

    // The original is untouched and healthy.
    expectSuccess(try journal.run(["doctor"]))
  }

  @Test("doctor reports a journal file readable by others (mode 0644)")
  func doctorFileMode() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("An entry", ["-e", "deep-work"])
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: journal.path)

    let result = try journal.run(["doctor"])
    #expect(result.status == 65, "stderr: \(result.stderr)")
    expectNoCrash(result)
    let failed = checkLines(result.stdout).filter { $0.hasPrefix("FAIL") }
    #expect(failed.count == 1, "\(result.stdout)")
    #expect(failed.first?.contains("file mode") == true, "\(result.stdout)")
    #expect(failed.first?.contains("644") == true, "\(result.stdout)")
    #expect(
      result.stderr.hasPrefix("Error:") && result.stderr.contains("file mode"), "\(result.stderr)")
    // The advice fits the fault: make it private, not restore a backup.
    #expect(result.stderr.contains("'chmod 600'"), "\(result.stderr)")
    #expect(!result.stderr.contains("restore a backup"), "\(result.stderr)")
  }

  @Test("doctor finds a weekly rollup out of step with the entries")
  func doctorRollup() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Interchange.seedEveryField(journal)
    _ = try journal.sqlite(
      "UPDATE weekTag SET energized = energized + 5 WHERE week = (SELECT min(week) FROM weekTag)")

    let result = try journal.run(["doctor"])
    #expect(result.status == 65, "stderr: \(result.stderr)")
    let failed = checkLines(result.stdout).filter { $0.hasPrefix("FAIL") }
    #expect(
      failed.count == 1 && failed.first?.contains("weekly rollup") == true, "\(result.stdout)")
    #expect(result.stderr.contains("weekly rollup"), "\(result.stderr)")
  }

  /// The search index must agree with the entries: an index that lost an entry makes
  /// `list --search` miss it silently.
  @Test("doctor finds a search index out of step with the entries")
  func doctorSearchIndex() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Interchange.seedEveryField(journal)
    // Remove entry 1 from the full-text index only (as a bug or a crash could).
    _ = try journal.sqlite(
      """
      INSERT INTO entryText (entryText, rowid, text)
      SELECT 'delete', id, text FROM entry WHERE id = 1
      """)
    #expect(try journal.entries(["--search", "storage"]).isEmpty, "the index lost entry 1")

    let result = try journal.run(["doctor"])
    #expect(result.status == 65, "doctor passed an index that lost an entry: \(result.stdout)")
    expectNoCrash(result)
    let failed = checkLines(result.stdout).filter { $0.hasPrefix("FAIL") }
    #expect(failed.contains { $0.contains("search index") }, "\(result.stdout)")
    #expect(result.stderr.contains("search index"), "\(result.stderr)")
  }

  /// A leaf of the full-text index zeroed: every SQLite b-tree is sound, so only FTS5's own
  /// integrity-check sees it.
  @Test("doctor finds a damaged segment of the full-text index, which quick_check passes")
  func doctorDamagedSearchSegment() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Interchange.seedEveryField(journal)
    _ = try journal.sqlite(
      """
      UPDATE entryText_data SET block = zeroblob(length(block))
      WHERE id = (SELECT max(id) FROM entryText_data)
      """)
    #expect(try journal.sqlite("PRAGMA quick_check") == "ok")

    let result = try journal.run(["doctor"])
    #expect(result.status == 65, "\(result.stdout)")
    expectNoCrash(result)
    let failed = checkLines(result.stdout).filter { $0.hasPrefix("FAIL") }
    #expect(
      failed.count == 1 && failed.first?.contains("search index") == true
        && failed.first?.contains("malformed") == true, "\(result.stdout)")
    #expect(result.stderr.contains("search index"), "\(result.stderr)")
  }

  @Test("doctor finds a search index row for an entry that does not exist")
  func doctorStaleSearchRow() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Interchange.seedEveryField(journal)
    _ = try journal.sqlite("INSERT INTO entryText (rowid, text) VALUES (999, 'ghost words')")

    let result = try journal.run(["doctor"])
    #expect(result.status == 65, "\(result.stdout)")
    let failed = checkLines(result.stdout).filter { $0.hasPrefix("FAIL") }
    #expect(
      failed.count == 1 && failed.first?.contains("search index") == true
        && failed.first?.contains("0 entries not indexed, 1 index rows without an entry") == true,
      "\(result.stdout)")
  }
}
