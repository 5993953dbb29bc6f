import Foundation
import TestSupport
import Testing

/// Runs `journal` without `--db`, with `JOURNAL_TODAY` pinned and the given environment.
private func runWithoutDB(
  _ arguments: [String], environment: [String: String]
) throws -> JournalResult {
  var env = ["JOURNAL_TODAY": TestJournal.today]
  env.merge(environment) { $1 }
  return try JournalProcess.run(arguments, environment: env)
}

/// The permission bits of the file at `path`.
private func permissions(_ path: String) throws -> Int {
  let attributes = try FileManager.default.attributesOfItem(atPath: path)
  let mode = try #require(attributes[.posixPermissions] as? NSNumber)
  return mode.intValue & 0o777
}

private func exists(_ path: String) -> Bool {
  FileManager.default.fileExists(atPath: path)
}

@Suite("Where the journal lives")
struct DatabaseLocationTests {
  @Test("JOURNAL_DB names the file, parent folders created")
  func journalDBVariable() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("env/nested/folders/mine.sqlite")
    let environment = [
      "JOURNAL_DB": path, "XDG_DATA_HOME": directory.file("xdg"), "HOME": directory.file("home"),
    ]

    let added = try runWithoutDB(["add", "via JOURNAL_DB"], environment: environment)

    expectSuccess(added)
    #expect(exists(path))
    #expect(try permissions(path) == 0o600)
    #expect(!exists(directory.file("xdg")))
    #expect(!exists(directory.file("home")))
    let listed = try runWithoutDB(["list", "--format", "json"], environment: environment)
    expectSuccess(listed)
    #expect(listed.stdout.contains("via JOURNAL_DB"))
  }

  @Test("--db wins over JOURNAL_DB")
  func dbOptionWins() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let option = directory.file("option.sqlite")
    let variable = directory.file("variable.sqlite")

    let result = try runWithoutDB(
      ["add", "via --db", "--db", option], environment: ["JOURNAL_DB": variable])

    expectSuccess(result)
    #expect(exists(option))
    #expect(!exists(variable))
  }

  @Test("else $XDG_DATA_HOME/career-journal/journal.sqlite, folders created, mode 0600")
  func xdgDataHome() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let environment = ["XDG_DATA_HOME": directory.file("xdg/data"), "HOME": directory.file("home")]
    let expected = directory.file("xdg/data/career-journal/journal.sqlite")

    let added = try runWithoutDB(["add", "via XDG"], environment: environment)

    expectSuccess(added)
    #expect(exists(expected))
    #expect(try permissions(expected) == 0o600)
    #expect(!exists(directory.file("home")))
    let listed = try runWithoutDB(["list"], environment: environment)
    expectSuccess(listed)
    #expect(listed.stdout.contains("via XDG"))
  }

  @Test("else ~/.local/share/career-journal/journal.sqlite, folders created, mode 0600")
  func homeFallback() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let environment = ["XDG_DATA_HOME": "", "HOME": directory.file("home")]
    let expected = directory.file("home/.local/share/career-journal/journal.sqlite")

    let added = try runWithoutDB(["add", "via HOME"], environment: environment)

    expectSuccess(added)
    #expect(exists(expected))
    #expect(try permissions(expected) == 0o600)
    let listed = try runWithoutDB(["list"], environment: environment)
    expectSuccess(listed)
    #expect(listed.stdout.contains("via HOME"))
  }

  /// The XDG Base Directory spec: a relative path in `XDG_DATA_HOME` is invalid and ignored.
  @Test("a relative XDG_DATA_HOME is ignored")
  func relativeXDGIgnored() throws {
    let directory = try TemporaryDirectory()
    let relative = "career-journal-relative-xdg-\(UUID().uuidString)"
    defer {
      directory.remove()
      try? FileManager.default.removeItem(atPath: relative)
    }
    let environment = ["XDG_DATA_HOME": relative, "HOME": directory.file("home")]

    let added = try runWithoutDB(["add", "relative XDG"], environment: environment)

    expectSuccess(added)
    #expect(exists(directory.file("home/.local/share/career-journal/journal.sqlite")))
    #expect(!exists(relative))
  }

  @Test("a new journal file is created with mode 0600")
  func newFileMode() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    try journal.add("first")

    #expect(try permissions(journal.path) == 0o600)
    for suffix in ["-wal", "-shm"] where exists(journal.path + suffix) {
      #expect(try permissions(journal.path + suffix) & 0o077 == 0, "\(suffix) is private")
    }
  }

  @Test(
    "read commands on a missing journal exit 66 and create nothing",
    arguments: [
      ["list"], ["list", "--format", "json"], ["show", "1"], ["trend"],
      ["report", "--format", "json"],
    ])
  func readMissingJournal(arguments: [String]) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.file("missing/journal.sqlite")

    let result = try runWithoutDB(arguments + ["--db", path], environment: [:])

    expectRefused(result, status: 66, mentioning: [path, "journal add"])
    #expect(!exists(path))
    #expect(!exists(directory.file("missing")))
  }

  @Test("read commands at the default location create neither the file nor its folders")
  func readMissingDefault() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let environment = ["XDG_DATA_HOME": directory.file("xdg"), "HOME": directory.file("home")]

    for arguments in [["list"], ["show", "1"], ["trend"]] {
      let result = try runWithoutDB(arguments, environment: environment)
      expectRefused(result, status: 66, mentioning: ["career-journal/journal.sqlite"])
    }
    // `tags` answers a new user with the built-in tags instead, still creating nothing.
    let tags = try runWithoutDB(["tags"], environment: environment)
    expectSuccess(tags)
    #expect(tags.stdout.contains("No journal yet"))
    #expect(!exists(directory.file("xdg")))
    #expect(!exists(directory.file("home")))
  }

  /// These commands need an entry that a missing journal cannot have: like the read
  /// commands they must report the missing journal, not create an empty one.
  @Test(
    "edit, delete and restore on a missing journal exit 66 and create nothing",
    arguments: [
      ["edit", "1", "text"], ["edit", "1", "--energy", "1"], ["delete", "1", "--yes"],
      ["delete", "1", "--purge", "--yes"], ["restore", "1"],
    ])
  func changeMissingJournal(arguments: [String]) throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let result = try journal.run(arguments)

    expectRefused(result, status: 66, mentioning: [journal.path])
    #expect(!journal.exists, "a refused \(arguments[0]) must not create a journal")
  }

  @Test("a folder that cannot be created is an I/O error (74)")
  func cannotCreateFolder() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let blocker = journal.directory.file("blocker")
    try Data("a file, not a folder\n".utf8).write(to: URL(fileURLWithPath: blocker))

    let result = try JournalProcess.run(
      ["add", "x", "--db", blocker + "/journal.sqlite"],
      environment: ["JOURNAL_TODAY": TestJournal.today])

    expectRefused(result, status: 74, mentioning: ["blocker"])
  }
}

@Suite("Files that are not this journal")
struct ForeignFileTests {
  /// Every command that opens the journal, reading or writing.
  static let commands: [[String]] = [
    ["add", "x"], ["add", "x", "-e", "coaching"], ["list"], ["list", "--format", "json"],
    ["show", "1"], ["tags"], ["tags", "add", "hiring", "--track", "management"],
    ["tags", "rename", "coaching", "people"], ["edit", "1", "y"], ["delete", "1", "--yes"],
    ["restore", "1"],
  ]

  @Test(
    "a file that is not SQLite is refused with 65 and left unchanged",
    arguments: [
      "hello, I am a text file\n", "{\"entries\": []}\n", "abc",
      "SQLite format 3", String(repeating: "journal line\n", count: 500),
    ])
  func notSQLite(contents: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Data(contents.utf8).write(to: URL(fileURLWithPath: journal.path))
    let before = try journal.snapshot()

    for arguments in Self.commands {
      let result = try journal.run(arguments)
      expectRefused(result, status: 65, mentioning: ["not a career journal"])
    }
    #expect(try journal.snapshot() == before)
    #expect(!exists(journal.path + "-wal"))
  }

  @Test("a file with the SQLite header and garbage after it is refused, unchanged")
  func sqliteHeaderGarbage() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    var bytes = Data("SQLite format 3\0".utf8)
    bytes.append(Data((0..<8_192).map { UInt8(truncatingIfNeeded: $0 &* 7_919 &+ 13) }))
    try bytes.write(to: URL(fileURLWithPath: journal.path))
    let before = try journal.snapshot()

    for arguments in Self.commands {
      expectRefused(try journal.run(arguments), status: 65)
    }
    #expect(try journal.snapshot() == before)
  }

  @Test("a folder given as the journal is refused")
  func folderAsJournal() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try FileManager.default.createDirectory(atPath: journal.path, withIntermediateDirectories: true)

    expectRefused(try journal.run(["add", "x"]), status: 65, mentioning: [journal.path])
    expectRefused(try journal.run(["list"]), status: 65, mentioning: [journal.path])
  }

  @Test(
    "another application's SQLite database is refused with 65 and left unchanged",
    arguments: [
      "CREATE TABLE t(x)", "CREATE TABLE t(x); INSERT INTO t VALUES (1), (2)",
      "PRAGMA user_version = 1", "PRAGMA application_id = 42",
      "CREATE TABLE entry (id INTEGER PRIMARY KEY, text TEXT)",
      "PRAGMA journal_mode = WAL; CREATE TABLE t(x)",
    ])
  func foreignSQLite(sql: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    _ = try journal.sqlite(sql)
    let before = try journal.snapshot()
    let schema = try journal.sqlite("SELECT group_concat(name) FROM sqlite_schema")

    for arguments in Self.commands {
      let result = try journal.run(arguments)
      expectRefused(result, status: 65, mentioning: ["not a career journal"])
    }
    #expect(try journal.snapshot() == before)
    #expect(try journal.sqlite("SELECT group_concat(name) FROM sqlite_schema") == schema)
  }

  @Test("a journal from a newer schema is refused with 65, naming the version, unchanged")
  func newerSchema() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("written by this version")
    _ = try journal.sqlite("PRAGMA user_version = 99")
    let before = try journal.snapshot()

    for arguments in Self.commands {
      let result = try journal.run(arguments)
      expectRefused(result, status: 65, mentioning: ["99", "newer"])
    }
    #expect(try journal.snapshot() == before)
    #expect(try journal.sqlite("PRAGMA user_version") == "99")
    #expect(try journal.sqlite("SELECT text FROM entry") == "written by this version")
  }
}

@Suite("The journal file itself")
struct JournalFileTests {
  @Test("the journal is in WAL mode and passes integrity_check")
  func walMode() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("first", ["-e", "coaching"])

    #expect(try journal.sqlite("PRAGMA journal_mode") == "wal")
    #expect(try journal.sqlite("PRAGMA integrity_check") == "ok")
    #expect(try journal.sqlite("PRAGMA foreign_key_check") == "")
  }

  @Test("read commands leave the journal byte-for-byte unchanged")
  func readsWriteNothing() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("first", ["-e", "coaching"])
    try journal.add("second", ["-d", "delivery"])
    let before = try journal.snapshot()

    let reads = [
      ["list"], ["list", "--format", "json"], ["list", "--format", "csv"],
      ["list", "--search", "first"], ["list", "--tag", "coaching"], ["show", "1"],
      ["show", "2", "--format", "json"], ["tags"], ["tags", "--format", "json"],
    ]
    for arguments in reads {
      expectSuccess(try journal.run(arguments))
    }
    #expect(try journal.snapshot() == before)
  }

  @Test("refused writes leave the journal byte-for-byte unchanged")
  func refusedWritesWriteNothing() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("first", ["-e", "coaching"])
    let before = try journal.snapshot()

    let refusals: [([String], Int32)] = [
      (["add", "x", "-e", "coachng"], 65), (["add", "x", "-d", "nope"], 65),
      (["add", " "], 65), (["add", "x", "--energy", "5"], 64),
      (["edit", "1", "-e", "nope"], 65), (["edit", "7", "x"], 65),
      (["delete", "7", "--yes"], 65), (["delete", "1"], 64), (["restore", "1"], 65),
      (["tags", "add", "coaching", "--track", "ic"], 65),
      (["tags", "rename", "nope", "other"], 65), (["tags", "merge", "nope", "coaching"], 65),
      (["tags", "set-track", "nope", "ic"], 65), (["frobnicate"], 64),
    ]
    for (arguments, status) in refusals {
      expectRefused(try journal.run(arguments), status: status)
    }
    #expect(try journal.snapshot() == before)
  }
}
