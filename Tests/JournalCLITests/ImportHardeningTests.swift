import Foundation
import TestSupport
import Testing

/// Imports that do not depend on key order, validate every record as the CLI does, bound their
/// memory, and leave no file behind when they fail (issue 12, "Imports").
@Suite("Import hardening")
struct ImportHardeningTests {
  /// `json` re-serialised with its keys sorted at every level, as `jq -S` writes it.
  static func sortedKeys(_ json: String) throws -> Data {
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
    return try JSONSerialization.data(
      withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
  }

  @Test("a key-sorted export (entries before tags) imports to the same journal, byte for byte")
  func sortedKeyExport() throws {
    let source = try TestJournal()
    defer { source.remove() }
    try Interchange.seedEveryField(source)
    let first = try Interchange.output(source, ["export", "--format", "json"])
    let sorted = try Self.sortedKeys(first)
    let text = String(decoding: sorted, as: UTF8.self)
    let entries = try #require(text.range(of: "\"entries\""))
    let tags = try #require(text.range(of: "\"tags\""))
    let format = try #require(text.range(of: "\"format\""))
    #expect(entries.lowerBound < tags.lowerBound, "the sorted file must list entries first")
    #expect(text.range(of: "\"experiments\"")!.lowerBound < format.lowerBound)
    let file = source.directory.file("sorted.json")
    try sorted.write(to: URL(fileURLWithPath: file))

    let copy = try TestJournal()
    defer { copy.remove() }
    let imported = try Interchange.output(copy, ["import", file])
    #expect(
      imported.hasPrefix("Imported 6 entries, 2 experiments, 2 roles, 1 reflection"), "\(imported)")
    #expect(try Interchange.output(copy, ["export", "--format", "json"]) == first)

    // Into a journal that has entries already (tags merged, not restored), too.
    let busy = try TestJournal()
    defer { busy.remove() }
    try busy.add("Already here", ["-e", "deep-work", "--date", "2026-11-02"])
    let merged = try busy.run(["import", file])
    expectSuccess(merged)
    #expect(try busy.entries().count == 6, "5 live imported entries and the existing one")
  }

  @Test("a UTF-8 byte order mark before a JSON export is ignored")
  func byteOrderMark() throws {
    let source = try TestJournal()
    defer { source.remove() }
    try Interchange.seedEveryField(source)
    let json = try Interchange.output(source, ["export", "--format", "json"])
    let jsonFile = source.directory.file("bom.json")
    try (Data([0xEF, 0xBB, 0xBF]) + Data(json.utf8)).write(to: URL(fileURLWithPath: jsonFile))

    let copy = try TestJournal()
    defer { copy.remove() }
    expectSuccess(try copy.run(["import", jsonFile]))
    #expect(try Interchange.output(copy, ["export", "--format", "json"]) == json)
  }

  /// The seeded journal's JSON export with `change` applied to its parsed object.
  static func mutatedExport(
    _ source: TestJournal, _ change: (inout [String: Any]) -> Void
  ) throws -> Data {
    let json = try Interchange.output(source, ["export", "--format", "json"])
    var object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    change(&object)
    return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
  }

  /// Changes field `key` of record `index` (0-based) of the array `array`.
  static func set(
    _ object: inout [String: Any], _ array: String, _ index: Int, _ key: String, _ value: Any
  ) {
    var records = object[array] as? [[String: Any]] ?? []
    records[index][key] = value
    object[array] = records
  }

  static let badRecords:
    [(array: String, index: Int, key: String, value: any Sendable, says: String)] = [
      ("experiments", 1, "id", 0, "experiment 2 has an id outside"),
      ("experiments", 1, "id", -3, "experiment 2 has an id outside"),
      ("experiments", 1, "id", 1e17, "experiment 2 has an id outside"),
      ("experiments", 1, "end", "2020-01-01", "experiment 2 ends (2020-01-01) before it starts"),
      (
        "experiments", 1, "title", "Mentor\u{0}hires",
        "experiment 2 has a control character (U+0000) in its title"
      ),
      (
        "experiments", 1, "title", "Line\nbreak",
        "experiment 2 has a control character (U+000A) in its title"
      ),
      (
        "experiments", 1, "hypothesis", "\u{1B}]0;owned\u{7}",
        "experiment 2 has a control character (U+001B)"
      ),
      (
        "experiments", 0, "outcome", "ok\u{9B}",
        "experiment 1 has a control character (U+009B) in its outcome"
      ),
      ("experiments", 1, "planned_weeks", 0, "experiment 2 has planned weeks outside 1 to 52"),
      ("experiments", 1, "planned_weeks", 53, "experiment 2 has planned weeks outside 1 to 52"),
      ("experiments", 1, "track", "both", "experiment 2 has a track other than ic or management"),
      ("experiments", 1, "title", "   ", "experiment 2 has no title"),
      (
        "reflections", 0, "note", "a\u{0}b",
        "reflection 1 has a control character (U+0000) in its note"
      ),
      (
        "reflections", 0, "motives", ["growth", "money"],
        "reflection 1 has an unknown motive 'money'"
      ),
      ("reflections", 0, "id", -1, "reflection 1 has an id outside"),
      ("entries", 2, "id", 0, "entry 3 has an id outside"),
      ("entries", 2, "id", 9.3e18, "entry 3 has an id outside"),
    ]

  @Test("every imported record is checked as the CLI checks it: exit 65 naming the record")
  func recordValidation() throws {
    let source = try TestJournal()
    defer { source.remove() }
    try Interchange.seedEveryField(source)
    for bad in Self.badRecords {
      let data = try Self.mutatedExport(source) { object in
        Self.set(&object, bad.array, bad.index, bad.key, bad.value)
      }
      let file = source.directory.file("bad.json")
      try data.write(to: URL(fileURLWithPath: file))
      for fresh in [true, false] {
        let target = try TestJournal()
        defer { target.remove() }
        if !fresh { try target.add("Existing", ["--date", "2026-11-02"]) }
        let before = fresh ? nil : try target.snapshot()
        let result = try target.run(["import", file])
        expectRefused(result, status: 65, mentioning: [bad.says, "nothing was imported"])
        for raw in ["constraint", "SQLite", "FOREIGN", "CHECK"] {
          #expect(!result.stderr.contains(raw), "\(bad.says): \(result.stderr)")
        }
        if !fresh { #expect(try target.snapshot() == before) }
      }
    }
  }

  @Test("a CSV id of 2^63-1 or beyond 2^53-1 is refused naming the row; later ids stay small")
  func hugeCSVIdentifier() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("Before", ["--date", "2026-11-02"])
    let header = "id,uuid,date,text\n"
    for id in ["9223372036854775807", "9007199254740992", "-4", "12x"] {
      let file = journal.directory.file("huge.csv")
      try Interchange.write(header + "7,,2026-11-03,Fine row\n\(id),,2026-11-04,Huge\n", to: file)
      let result = try journal.run(["import", file, "--from", "csv"])
      expectRefused(
        result, status: 65, mentioning: ["row 3 has an id outside 1...9007199254740991"])
    }
    let file = journal.directory.file("fine.csv")
    try Interchange.write(header + "9007199254740991,,2026-11-04,Largest kept\n", to: file)
    expectSuccess(try journal.run(["import", file, "--from", "csv"]))
    #expect(try journal.add("After", ["--date", "2026-11-05"]) == 9_007_199_254_740_992)
  }

  @Test("import /dev/zero --from csv fails fast with 65 naming line 1, in bounded memory")
  func csvWithoutLineBreaks() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let result = try journal.run(["import", "/dev/zero", "--from", "csv"])
    expectRefused(
      result, status: 65, mentioning: ["the record is longer than 2 MiB", "at line 1"])
    expectNoCrash(result)
    #expect(!journal.exists, "a refused import created the journal")
  }

  @Test("CR-only and CRLF CSV files import every row; a BOM before the header is ignored")
  func csvLineEndings() throws {
    for (name, prefix, ending) in [
      ("cr", "", "\r"), ("crlf", "", "\r\n"), ("bom", "\u{FEFF}", "\n"),
    ] {
      let journal = try TestJournal()
      defer { journal.remove() }
      let rows = ["date,text,energized", "2026-11-02,One,deep-work", "2026-11-03,\"Two\nlines\","]
      let file = journal.directory.file("\(name).csv")
      try Interchange.write(prefix + rows.joined(separator: ending) + ending, to: file)
      let result = try journal.run(["import", file, "--from", "csv"])
      expectSuccess(result)
      #expect(result.stdout.hasPrefix("Imported 2 entries"), "\(name): \(result.stdout)")
      #expect(try journal.entries().map(\.text) == ["Two\nlines", "One"], "\(name)")
    }
  }

  @Test("a refused import into a journal that does not exist leaves no file and no folder")
  func refusedImportCreatesNothing() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let bad = folder.file("bad.csv")
    try Interchange.write("date,text\n2026-11-02,Fine\nnot-a-date,Bad\n", to: bad)
    for db in [folder.file("typo.sqlite"), folder.file("new/deeper/typo.sqlite")] {
      let result = try JournalProcess.run(
        ["import", bad, "--from", "csv", "--db", db], environment: ["JOURNAL_TODAY": "2026-11-20"])
      expectRefused(result, status: 65, mentioning: ["row 3 has no valid date"])
      #expect(!FileManager.default.fileExists(atPath: db), "\(db) was created")
    }
    #expect(!FileManager.default.fileExists(atPath: folder.file("new")))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bad.csv"])

    // A good import creates it, private, and it works.
    let good = folder.file("good.csv")
    try Interchange.write("date,text\n2026-11-02,Fine\n", to: good)
    let db = folder.file("new/deeper/journal.sqlite")
    let result = try JournalProcess.run(
      ["import", good, "--from", "csv", "--db", db], environment: ["JOURNAL_TODAY": "2026-11-20"])
    expectSuccess(result)
    #expect(try Interchange.mode(db) == 0o600)
    let list = try JournalProcess.run(["list", "--db", db], environment: [:])
    #expect(list.status == 0 && list.stdout.contains("Fine"), "\(list.stderr)")
    let doctor = try JournalProcess.run(["doctor", "--db", db], environment: [:])
    #expect(doctor.status == 0, "\(doctor.stdout) \(doctor.stderr)")
  }

  @Test("SIGTERM during import --dry-run removes the scratch journal from $TMPDIR")
  func interruptedDryRunLeavesNoScratch() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let tmp = folder.file("tmp")
    try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: false)
    // A FIFO that the test keeps open: the import reads the rows written so far, then waits
    // for more with its scratch journal open.
    let fifo = folder.file("rows.csv")
    #expect(mkfifo(fifo, 0o600) == 0)
    let writer = open(fifo, O_RDWR)
    #expect(writer >= 0)
    defer { close(writer) }
    let rows = "date,text\n" + String(repeating: "2026-11-02,Secret salary talk\n", count: 300)
    _ = rows.withCString { write(writer, $0, strlen($0)) }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: JournalProcess.executable)
    process.arguments = ["import", fifo, "--from", "csv", "--dry-run", "--db", folder.file("j")]
    process.environment = ["TMPDIR": tmp, "JOURNAL_TODAY": "2026-11-20", "PATH": "/usr/bin:/bin"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(20)
    var scratch: [String] = []
    while Date() < deadline {
      let folders = try FileManager.default.contentsOfDirectory(atPath: tmp)
      scratch = try folders.flatMap {
        try FileManager.default.contentsOfDirectory(atPath: tmp + "/" + $0)
      }
      if scratch.contains("journal.sqlite") { break }
      usleep(20_000)
    }
    #expect(scratch.contains("journal.sqlite"), "the scratch journal never appeared")
    usleep(200_000)  // let it read the rows
    process.terminate()  // SIGTERM
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == SIGTERM)
    #expect(try FileManager.default.contentsOfDirectory(atPath: tmp) == [], "scratch left behind")
  }
}

/// A record dated after today is refused by an import as by every command that dates one
/// (issue 14, "future dates refused everywhere, consistently").
@Suite("Import refuses future days")
struct ImportFutureDayTests {
  /// A source journal whose today is 2026-12-31 and which holds one record after 2026-11-20.
  static func futureExport(_ command: [String]) throws -> (TestJournal, String) {
    let source = try TestJournal()
    let later = ["JOURNAL_TODAY": "2026-12-31"]
    expectSuccess(try source.run(["add", "before", "-e", "deep-work", "--date", "2026-11-02"]))
    expectSuccess(try source.run(command, environment: later))
    let file = source.directory.file("export.json")
    let export = try source.run(
      ["export", "--format", "json", "--output", file], environment: later)
    #expect(export.status == 0, "\(export.stderr)")
    return (source, file)
  }

  @Test(
    "each kind of record in a JSON export, dated after today, refuses the whole import",
    arguments: [
      (["add", "later", "--date", "2026-12-01"], "entry 2 is dated 2026-12-01"),
      (["role", "start", "staff", "--date", "2026-12-02"], "role 1 is dated 2026-12-02"),
      (
        ["reflect", "--motive", "growth", "--date", "2026-12-03"],
        "reflection 1 is dated 2026-12-03"
      ),
      (
        [
          "experiment", "start", "Lead", "--track", "management", "--weeks", "6", "--date",
          "2026-12-04",
        ],
        "experiment 1 is dated 2026-12-04"
      ),
    ])
  func journalJSON(command: [String], message: String) throws {
    let (source, file) = try Self.futureExport(command)
    defer { source.remove() }
    let target = try TestJournal()
    defer { target.remove() }

    let refused = try target.run(["import", file])

    expectRefused(refused, status: 65, mentioning: [message, "after today (2026-11-20)"])
    #expect(!target.exists, "a refused import leaves no journal")
    // The same file once that day has come.
    expectSuccess(try target.run(["import", file], environment: ["JOURNAL_TODAY": "2026-12-31"]))
  }

  @Test("an experiment that ended after today is refused, its start in the past")
  func experimentEnd() throws {
    let (source, file) = try Self.futureExport(
      [
        "experiment", "start", "Lead", "--track", "management", "--weeks", "6", "--date",
        "2026-11-02",
      ])
    defer { source.remove() }
    let later = ["JOURNAL_TODAY": "2026-12-31"]
    expectSuccess(
      try source.run(["experiment", "end", "1", "--date", "2026-12-05"], environment: later))
    let export = try source.run(
      ["export", "--format", "json", "--output", file, "--force"], environment: later)
    #expect(export.status == 0, "\(export.stderr)")
    let target = try TestJournal()
    defer { target.remove() }
    try target.add("mine", ["-e", "coaching"])
    let before = try target.snapshot()

    let refused = try target.run(["import", file])

    expectRefused(refused, status: 65, mentioning: ["experiment 1's end is dated 2026-12-05"])
    #expect(try target.snapshot() == before)
  }

  @Test("a CSV row or a jrnl entry after today is refused, naming its place")
  func csvAndJrnl() throws {
    let target = try TestJournal()
    defer { target.remove() }
    let csv = target.directory.file("future.csv")
    try Data("date,text\n2026-11-19,fine\n2026-11-21,tomorrow's\n".utf8)
      .write(to: URL(fileURLWithPath: csv))
    let jrnl = target.directory.file("future.json")
    try Data(
      #"{"tags":{},"entries":[{"title":"Later","body":"","date":"2099-01-01","time":"09:00","tags":[],"starred":false}]}"#
        .utf8
    ).write(to: URL(fileURLWithPath: jrnl))

    let fromCSV = try target.run(["import", csv, "--from", "csv"])
    let fromJrnl = try target.run(["import", jrnl, "--from", "jrnl-json"])

    expectRefused(fromCSV, status: 65, mentioning: ["row 3 is dated 2026-11-21"])
    expectRefused(fromJrnl, status: 65, mentioning: ["entry 1 is dated 2099-01-01"])
    #expect(!target.exists)
  }
}
