import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Issue 7, "nothing is ever lost": smaller in-suite versions of scripts/stress-check (writers
// and readers at once) and scripts/crash-check (SIGKILL at a random moment), and the privacy
// of the files the journal writes. The scripts run the full figures (8 x 100 adds, 200 kills).

/// A flag one thread sets and others read.
private final class Flag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false

  func set() {
    lock.lock()
    value = true
    lock.unlock()
  }

  var isSet: Bool {
    lock.lock()
    defer { lock.unlock() }
    return value
  }
}

/// The permission bits of `path`, or `nil` when there is no file.
func fileMode(_ path: String) -> Int? {
  var info = stat()
  guard stat(path, &info) == 0 else { return nil }
  return Int(info.st_mode & 0o777)
}

/// The namespace of the suites below, so `swift test --filter ReliabilityTests` runs them all.
enum ReliabilityTests {}

extension ReliabilityTests {
  @Suite("Writers and readers at once (scripts/stress-check in small)")
  struct Stress {
    static let writers = 4
    static let addsPerWriter = 12
    static let readers = 2

    @Test("writers all succeed while readers loop trend and list; every entry once")
    func writersWithReaders() throws {
      let journal = try TestJournal()
      defer { journal.remove() }
      try journal.add("before the writers", ["-e", "coaching"])
      let writes = CollectedResults()
      let reads = CollectedResults()
      let done = Flag()

      let readerThreads = DispatchGroup()
      for reader in 1...Self.readers {
        readerThreads.enter()
        Thread {
          var round = 0
          while !done.isSet || round == 0 {
            round += 1
            for arguments in [["trend", "--weeks", "12"], ["list", "--limit", "20"]] {
              do {
                reads.add("reader \(reader) \(arguments[0]) \(round)", try journal.run(arguments))
              } catch {
                reads.add("reader \(reader)", error: error)
              }
            }
          }
          readerThreads.leave()
        }.start()
      }
      onThreads(Self.writers) { writer in
        for index in 1...Self.addsPerWriter {
          let text = "stress writer \(writer) entry \(index)"
          do {
            writes.add(text, try journal.run(["add", text, "-e", "deep-work", "-d", "delivery"]))
          } catch {
            writes.add(text, error: error)
          }
        }
      }
      done.set()
      readerThreads.wait()

      #expect(
        writes.failures.isEmpty && reads.failures.isEmpty, "\(writes.failures + reads.failures)")
      for (label, result) in writes.all {
        #expect(result.status == 0, "\(label): \(result.stderr)")
        #expect(!result.stderr.contains("locked"), "\(label): \(result.stderr)")
      }
      #expect(reads.all.count >= 2 * Self.readers)
      for (label, result) in reads.all {
        #expect(result.status == 0, "\(label): \(result.stderr)")
        #expect(!result.stderr.contains("locked"), "\(label): \(result.stderr)")
        expectNoCrash(result)
      }
      let total = Self.writers * Self.addsPerWriter
      #expect(
        try journal.sqlite("SELECT count(*) FROM entry WHERE text GLOB 'stress writer *'")
          == "\(total)")
      #expect(
        try journal.sqlite(
          "SELECT count(*) FROM (SELECT text FROM entry GROUP BY text HAVING count(*) > 1)") == "0")
      #expect(try journal.sqlite("SELECT count(*) FROM entryTag") == "\(2 * total + 1)")
      #expect(try journal.sqlite("PRAGMA integrity_check") == "ok")
      let doctor = try journal.run(["doctor"])
      expectSuccess(doctor)
    }
  }

}

/// A `journal` process started without waiting for it, so a test can kill it.
private struct RunningJournal {
  let process: Process

  init(_ arguments: [String]) throws {
    process = Process()
    process.executableURL = URL(fileURLWithPath: JournalProcess.executable)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["JOURNAL_DB"] = nil
    environment["JOURNAL_TODAY"] = TestJournal.today
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
  }

  /// Sends SIGKILL (when it is still running) and waits; `true` when the kill ended it.
  func killAndWait() -> Bool {
    _ = kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    return process.terminationReason == .uncaughtSignal
  }
}

extension ReliabilityTests {
  @Suite("SIGKILL at a random moment (scripts/crash-check in small)")
  struct Crash {
    static let entriesPerImport = 300
    static let iterations = 16
    static let seed: UInt64 = 0x00C0_FFEE

    /// A career-journal JSON file of `count` entries, each with the marker `crash-MARK` in its
    /// text, its own uuid and two marks.
    static func importFile(marker: String, count: Int) -> String {
      let tags = [
        "deep-work", "architecture", "coaching", "conflict-resolution", "delivery", "mentoring",
      ]
      var lines = [
        "{", "  \"format\": \"career-journal\",", "  \"version\": 1,", "  \"entries\": [",
      ]
      for index in 0..<count {
        let day = 1 + index % 28
        let energized = tags[index % tags.count]
        let drained = tags[(index + 1) % tags.count]
        let uuid = "\(marker)-\(String(index, radix: 16))"
        let entry =
          "    {\"uuid\": \"\(uuid)\", \"date\": \"2026-10-\(day < 10 ? "0" : "")\(day)\", "
          + "\"text\": \"\(marker) entry \(index): a day of work\", \"energy\": \(index % 5 - 2), "
          + "\"tags\": [{\"name\": \"\(energized)\", \"mark\": \"energized\"}, "
          + "{\"name\": \"\(drained)\", \"mark\": \"drained\"}]}"
        lines.append(entry + (index == count - 1 ? "" : ","))
      }
      lines += ["  ]", "}"]
      return lines.joined(separator: "\n") + "\n"
    }

    @Test("killed adds and imports are all or nothing, and the journal stays healthy")
    func killAtRandom() throws {
      let journal = try TestJournal()
      defer { journal.remove() }
      try journal.add("before the crashes", ["-e", "coaching"])
      // Calibrate: how long an uncut import takes with this (debug) binary.
      let calibration = journal.directory.file("calibration.json")
      try Data(Self.importFile(marker: "calibration", count: Self.entriesPerImport).utf8)
        .write(to: URL(fileURLWithPath: calibration))
      let started = Date()
      expectSuccess(try journal.run(["import", calibration]))
      let importSeconds = Date().timeIntervalSince(started)
      #expect(
        try journal.sqlite("SELECT count(*) FROM entry WHERE text GLOB 'calibration entry *'")
          == "\(Self.entriesPerImport)")

      var random = SplitMix64(seed: Self.seed)
      var outcomes: [String: Int] = [:]
      for iteration in 1...Self.iterations {
        let marker = "crash\(iteration)"
        let isImport = iteration % 2 == 0
        let arguments: [String]
        let expected: Int
        if isImport {
          let file = journal.directory.file("\(marker).json")
          try Data(Self.importFile(marker: marker, count: Self.entriesPerImport).utf8)
            .write(to: URL(fileURLWithPath: file))
          arguments = ["import", file, "--db", journal.path]
          expected = Self.entriesPerImport
        } else {
          arguments = [
            "add", "\(marker) entry 0: one add", "-e", "mentoring", "-d", "delivery",
            "--db", journal.path,
          ]
          expected = 1
        }
        // A delay across the whole run of the command, start-up included.
        let window = isImport ? importSeconds * 1.2 : 0.06
        let delay = Double(random.next() % 1_000) / 1_000 * window
        let running = try RunningJournal(arguments)
        usleep(UInt32(delay * 1_000_000))
        let killed = running.killAndWait()

        let present =
          try Int(
            journal.sqlite("SELECT count(*) FROM entry WHERE text GLOB '\(marker) entry *'")) ?? -1
        let context =
          "iteration \(iteration) (seed \(Self.seed)), \(arguments[0]) killed after \(delay)s"
        #expect(
          present == 0 || present == expected, "\(context): \(present) of \(expected) entries")
        #expect(
          try journal.sqlite(
            """
            SELECT count(*) FROM entry e WHERE e.text GLOB '\(marker) entry *'
              AND (SELECT count(*) FROM entryTag t WHERE t.entryId = e.id) != 2
            """) == "0", "\(context): an entry without its two marks")
        #expect(try journal.sqlite("PRAGMA integrity_check") == "ok", "\(context)")
        let doctor = try journal.run(["doctor"])
        #expect(doctor.status == 0, "\(context): \(doctor.stdout) \(doctor.stderr)")
        let outcome = !killed ? "finished" : present == 0 ? "before commit" : "after commit"
        outcomes["\(arguments[0]) \(outcome)", default: 0] += 1
      }
      // The kills must have landed inside the commands at least sometimes, or this shows nothing.
      let cut = outcomes.filter { $0.key.hasSuffix("before commit") }.values.reduce(0, +)
      #expect(cut > 0, "no kill landed before a commit: \(outcomes)")
      #expect(try journal.sqlite("PRAGMA foreign_key_check") == "")
    }
  }

}

extension ReliabilityTests {
  @Suite("Privacy: file modes and error messages")
  struct Privacy {
    /// Runs the journal with umask 000, so any file it does not create with an explicit mode
    /// would come out world-readable.
    static func runOpenUmask(_ journal: TestJournal, _ arguments: [String]) throws -> JournalResult
    {
      try ExternalCommand.run(
        "/bin/sh",
        ["-c", "umask 000; exec \"$0\" \"$@\"", JournalProcess.executable]
          + arguments + ["--db", journal.path],
        environment: ["JOURNAL_TODAY": TestJournal.today])
    }

    @Test("the journal, its -wal and -shm are 0600, checked while another connection holds them")
    func journalFilesArePrivate() throws {
      let journal = try TestJournal()
      defer { journal.remove() }
      expectSuccess(try Self.runOpenUmask(journal, ["add", "first", "-e", "coaching"]))
      #expect(fileMode(journal.path) == 0o600)

      // A reader that stays connected keeps the write-ahead log and the shared memory in place.
      let holder = Process()
      holder.executableURL = URL(fileURLWithPath: try #require(ExternalCommand.which("sqlite3")))
      holder.arguments = [journal.path]
      let input = Pipe()
      let output = Pipe()
      holder.standardInput = input
      holder.standardOutput = output
      holder.standardError = FileHandle.nullDevice
      try holder.run()
      defer {
        try? input.fileHandleForWriting.close()
        holder.waitUntilExit()
      }
      try input.fileHandleForWriting.write(contentsOf: Data("SELECT count(*) FROM entry;\n".utf8))
      // The reader has connected once its shared-memory file exists.
      var waited = 0
      while !FileManager.default.fileExists(atPath: journal.path + "-shm") && waited < 500 {
        usleep(10_000)
        waited += 1
      }
      try #require(FileManager.default.fileExists(atPath: journal.path + "-shm"), "no reader")

      for index in 1...3 {
        expectSuccess(try Self.runOpenUmask(journal, ["add", "entry \(index)", "-d", "delivery"]))
      }

      #expect(FileManager.default.fileExists(atPath: journal.path + "-wal"))
      #expect(FileManager.default.fileExists(atPath: journal.path + "-shm"))
      for suffix in ["", "-wal", "-shm"] {
        #expect(fileMode(journal.path + suffix) == 0o600, "journal\(suffix)")
      }
      let walSize = try FileManager.default.attributesOfItem(atPath: journal.path + "-wal")[.size]
      #expect((walSize as? NSNumber)?.intValue ?? 0 > 0, "the adds are in the log")
    }

    @Test("backups, exports and reports are written 0600, even over a file that was 0644")
    func outputsArePrivate() throws {
      let journal = try TestJournal()
      defer { journal.remove() }
      try journal.add("a private thought", ["-e", "coaching", "--energy", "1"])
      let folder = journal.directory
      let fresh: [(String, [String])] = [
        ("backup.sqlite", ["backup", folder.file("backup.sqlite")]),
        ("export.json", ["export", "--output", folder.file("export.json")]),
        ("export.csv", ["export", "--format", "csv", "--output", folder.file("export.csv")]),
        ("export.md", ["export", "--format", "markdown", "--output", folder.file("export.md")]),
        ("report.md", ["report", "--output", folder.file("report.md")]),
        ("report.html", ["report", "--format", "html", "--output", folder.file("report.html")]),
        ("report.json", ["report", "--format", "json", "--output", folder.file("report.json")]),
      ]
      for (name, arguments) in fresh {
        let result = try Self.runOpenUmask(journal, arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        #expect(fileMode(folder.file(name)) == 0o600, "\(name)")
      }
      // Replacing a file that was world-readable makes it private too.
      let replaced: [(String, [String])] = [
        ("backup.sqlite", ["backup", folder.file("backup.sqlite"), "--force"]),
        ("export.json", ["export", "--output", folder.file("export.json"), "--force"]),
        ("report.md", ["report", "--output", folder.file("report.md"), "--force"]),
      ]
      for (name, arguments) in replaced {
        #expect(chmod(folder.file(name), 0o644) == 0)
        let result = try Self.runOpenUmask(journal, arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        #expect(fileMode(folder.file(name)) == 0o600, "\(name) replaced")
      }
      #expect(
        try SQLiteShell.run(folder.file("backup.sqlite"), "SELECT text FROM entry")
          == "a private thought")
    }

    /// An empty file someone made with the default umask (0644) becomes a journal on the first
    /// write; from then on it holds private text, so it must be 0600 like a journal the command
    /// creates.
    @Test("an empty 0644 file that becomes a journal is made 0600")
    func emptyWorldReadableFileBecomesPrivate() throws {
      let journal = try TestJournal()
      defer { journal.remove() }
      #expect(FileManager.default.createFile(atPath: journal.path, contents: Data()))
      #expect(chmod(journal.path, 0o644) == 0)

      expectSuccess(try journal.run(["add", "a private thought"]))

      #expect(fileMode(journal.path) == 0o600)
      let doctor = try journal.run(["doctor"])
      #expect(doctor.status == 0, "doctor: \(doctor.stdout)")
    }

    static let secret = "SECRET-7f3a-do-not-print"

    @Test("no entry text appears in any error message")
    func noEntryTextInErrors() throws {
      let journal = try TestJournal()
      defer { journal.remove() }
      let secret = Self.secret
      try journal.add("\(secret) the first entry", ["-e", "coaching", "--energy", "1"])
      try journal.add("\(secret) a private one", ["-d", "delivery", "--private"])
      let folder = journal.directory
      let badJSON = folder.file("bad.json")
      let entryLine =
        "{\"date\": \"2026-02-30\", \"text\": \"\(secret) in a file\", \"tags\": []}"
      try Data(
        "{\"format\": \"career-journal\", \"version\": 1, \"entries\": [\(entryLine)]}".utf8
      ).write(to: URL(fileURLWithPath: badJSON))
      let badTagJSON = folder.file("bad-tag.json")
      try Data(
        ("{\"format\": \"career-journal\", \"version\": 1, \"entries\": [{\"date\": \"2026-11-20\", "
          + "\"text\": \"\(secret)\", \"tags\": [{\"name\": \"Not A Tag\", \"mark\": \"energized\"}]}]}")
          .utf8
      ).write(to: URL(fileURLWithPath: badTagJSON))
      let cutJSON = folder.file("cut.json")
      try Data(
        "{\"format\": \"career-journal\", \"version\": 1, \"entries\": [{\"text\": \"\(secret) cut"
          .utf8
      ).write(to: URL(fileURLWithPath: cutJSON))
      let badCSV = folder.file("bad.csv")
      try Data("date,text\n2026-11-20,\"\(secret), unterminated\n".utf8)
        .write(to: URL(fileURLWithPath: badCSV))
      let jrnl = folder.file("jrnl.json")
      try Data(
        ("{\"entries\": [{\"date\": \"2026-11-20\", \"time\": \"09:00\", \"title\": \"\(secret)\", "
          + "\"body\": \"\(secret) body\", \"tags\": [\"@unknown-tag\"]}]}").utf8
      ).write(to: URL(fileURLWithPath: jrnl))

      let provocations: [[String]] = [
        ["edit", "1", "-e", "nope"], ["edit", "1", "-d", "coachin"],
        ["edit", "1", "--date", "2026-02-30"],
        ["edit", "1", "--energy", "9"], ["edit", "1", "--star", "--unstar"], ["edit", "99", "x"],
        ["edit", "1", ""], ["edit", "2", "-e", "coaching", "-d", "coaching"],
        ["show", "99"], ["delete", "99", "--yes"], ["delete", "1"], ["restore", "1"],
        ["add", "\(secret) again", "-e", "nope"], ["add", "\(secret) again", "--energy", "7"],
        ["add", "\(secret) again", "--date", "tomorrow"],
        ["add", "\(secret) again", "-e", "Deep Work"],
        ["list", "--tag", "nope"], ["list", "--since", "2026-11-20", "--until", "2026-11-01"],
        ["trend", "--weeks", "0"], ["report", "--format", "pdf"],
        ["import", badJSON], ["import", badTagJSON], ["import", cutJSON],
        ["import", badCSV, "--from", "csv"], ["import", jrnl, "--from", "jrnl-json"],
        ["import", folder.file("missing.json")],
        ["export", "--output", folder.file("no/such/folder/export.json")],
        ["report", "--output", folder.file("no/such/folder/report.md")],
        ["backup", folder.file("no/such/folder/backup.sqlite")],
        ["tags", "rename", "coaching", "delivery"], ["tags", "merge", "nope", "coaching"],
        ["experiment", "end", "1"],
      ]
      var refused = 0
      for arguments in provocations {
        let result = try journal.run(arguments)
        #expect(result.status != 0, "\(arguments) should fail")
        if result.status != 0 { refused += 1 }
        #expect(
          !result.stderr.contains(secret), "\(arguments) printed entry text: \(result.stderr)")
        #expect(
          !result.stdout.contains(secret), "\(arguments) printed entry text: \(result.stdout)")
        expectNoCrash(result)
      }
      #expect(refused == provocations.count)

      // A journal that cannot be written, and one from a newer schema.
      if ReadOnlyGuard.isAvailable {
        let readOnly = try {
          let guardian = try ReadOnlyGuard(journal.path, mode: 0o444)
          defer { guardian.undo() }
          return try journal.run(["edit", "1", "\(secret) changed"])
        }()
        #expect(readOnly.status == 74, "\(readOnly.stderr)")
        #expect(!readOnly.stderr.contains(secret))
      }
      let version = try journal.sqlite("PRAGMA user_version")
      _ = try journal.sqlite("PRAGMA user_version = 99")
      for arguments in [["list"], ["show", "1"], ["export"], ["doctor"]] {
        let newer = try journal.run(arguments)
        #expect(newer.status == 65)
        #expect(!newer.stderr.contains(secret) && !newer.stdout.contains(secret))
      }
      _ = try journal.sqlite("PRAGMA user_version = \(version)")

      // No log file: the folder holds the journal and the test's own files, nothing else.
      let expected: Set<String> = [
        "journal.sqlite", "journal.sqlite-wal", "journal.sqlite-shm", "bad.json", "bad-tag.json",
        "cut.json", "bad.csv", "jrnl.json",
      ]
      let present = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
      #expect(present.isSubset(of: expected), "unexpected files: \(present.subtracting(expected))")
    }

    /// A damaged rollup makes `doctor` fail; its report names weeks and tags, never text.
    @Test("doctor's report of a damaged journal quotes no entry text")
    func doctorQuotesNoText() throws {
      let journal = try TestJournal()
      defer { journal.remove() }
      try journal.add("\(Self.secret) an entry", ["-e", "coaching", "--energy", "2"])
      _ = try journal.sqlite("UPDATE weekTag SET energized = energized + 5")

      let doctor = try journal.run(["doctor"])

      #expect(doctor.status == 65, "\(doctor.stdout) \(doctor.stderr)")
      #expect(doctor.stdout.contains("FAIL"))
      #expect(!doctor.stdout.contains(Self.secret) && !doctor.stderr.contains(Self.secret))
    }
  }
}
