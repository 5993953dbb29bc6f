import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Issue 7, "hostile and bad input": every case gives one `Error:` line on stderr, a documented
// non-zero exit (README, "Exit codes"), nothing on stdout, no trace of a crash, and a journal
// whose bytes (file and write-ahead log) are what they were before. Cases the older suites
// already pin for `add` (AddTests, TagsTests, DatabaseFileTests) are extended here to the other
// commands and to the byte-level forms the issue names.

/// The exit codes the README documents for refusals.
let documentedRefusals: Set<Int32> = [64, 65, 66, 74]

/// Texts that only a crash prints, beyond those `expectNoCrash` knows.
private let crashMarkers = [
  "Fatal error", "Stack dump", "SIGSEGV", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS",
  "Illegal instruction", "Segmentation fault", "Trace/breakpoint", "Program crashed",
  "Backtrace", "Current stack trace", "Assertion failed", "Precondition failed",
]

/// A refusal as the issue defines it: `status`, one line starting `Error:`, empty stdout, no
/// crash; `mentioning` must appear on stderr.
func expectHostileRefusal(
  _ result: JournalResult, status: Int32, mentioning fragments: [String] = [],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  expectRefused(result, status: status, mentioning: fragments, sourceLocation: sourceLocation)
  #expect(
    documentedRefusals.contains(result.status), "exit \(result.status) is not documented",
    sourceLocation: sourceLocation)
  let errorLines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Error:") }
  #expect(
    errorLines.count == 1, "exactly one 'Error:' line: \(result.stderr)",
    sourceLocation: sourceLocation)
  for marker in crashMarkers {
    #expect(
      !result.stderr.contains(marker), "stderr shows a crash (\(marker)): \(result.stderr)",
      sourceLocation: sourceLocation)
  }
  // A process killed by a signal reports it as a status above 128 through the shell, and
  // Foundation reports the signal number itself; neither is a documented refusal.
  #expect(result.status < 128, "killed by a signal?", sourceLocation: sourceLocation)
}

/// What a hostile case writes on stdin.
enum HostileStdin: Sendable {
  case none
  case text(String)
  case bytes([UInt8])
  /// `count` bytes of `x`, built when the case runs.
  case repeated(count: Int)

  var data: Data? {
    switch self {
    case .none: return nil
    case .text(let text): return Data(text.utf8)
    case .bytes(let bytes): return Data(bytes)
    case .repeated(let count): return Data(repeating: UInt8(ascii: "x"), count: count)
    }
  }
}

/// One hostile command line against a journal holding one entry (id 1, `-e coaching
/// -d delivery --energy 1`).
struct HostileCase: Sendable, CustomTestStringConvertible {
  let name: String
  let arguments: [String]
  var stdin: HostileStdin = .none
  let status: Int32
  var mentioning: [String] = []

  var testDescription: String { name }
}

/// Ten MiB, ten times the limit.
private let tenMegabytes = 10 * 1_048_576

/// A tag name of 200 characters.
private let longTag = String(repeating: "a", count: 200)

@Suite("Hostile input: one error line, a documented exit, the journal unchanged")
struct HostileInputTests {
  static let textCases: [HostileCase] = [
    HostileCase(name: "edit to an empty text", arguments: ["edit", "1", ""], status: 65),
    HostileCase(
      name: "edit to a whitespace-only text", arguments: ["edit", "1", " \t \n "], status: 65,
      mentioning: ["empty"]),
    HostileCase(
      name: "edit with whitespace-only stdin", arguments: ["edit", "1", "-"],
      stdin: .text("  \n\t\n"), status: 65, mentioning: ["empty"]),
    HostileCase(
      name: "add with 10 MB on stdin", arguments: ["add"],
      stdin: .repeated(count: tenMegabytes), status: 65, mentioning: ["1048576"]),
    HostileCase(
      name: "add '-' with 10 MB on stdin", arguments: ["add", "-", "-e", "coaching"],
      stdin: .repeated(count: tenMegabytes), status: 65, mentioning: ["1048576"]),
    HostileCase(
      name: "edit with 10 MB on stdin", arguments: ["edit", "1", "-"],
      stdin: .repeated(count: tenMegabytes), status: 65, mentioning: ["1048576"]),
    HostileCase(
      name: "stdin: an overlong encoding of '/'", arguments: ["add"],
      stdin: .bytes([0x61, 0xC0, 0xAF, 0x62]), status: 65, mentioning: ["UTF-8"]),
    HostileCase(
      name: "stdin: a UTF-16 surrogate encoded as UTF-8", arguments: ["add"],
      stdin: .bytes([0x61, 0xED, 0xA0, 0x80]), status: 65, mentioning: ["UTF-8"]),
    HostileCase(
      name: "stdin: a multi-byte character cut at the end", arguments: ["add"],
      stdin: .bytes(Array("price: 5".utf8) + [0xE2, 0x82]), status: 65, mentioning: ["UTF-8"]),
    HostileCase(
      name: "stdin: a lone continuation byte", arguments: ["add"],
      stdin: .bytes([0x80, 0x61]), status: 65, mentioning: ["UTF-8"]),
    HostileCase(
      name: "stdin: Latin-1 text", arguments: ["add", "-"],
      stdin: .bytes(Array("caf".utf8) + [0xE9, 0x0A]), status: 65, mentioning: ["UTF-8"]),
    HostileCase(
      name: "edit with invalid UTF-8 on stdin", arguments: ["edit", "1", "-"],
      stdin: .bytes([0x66, 0xFF, 0xFE, 0x6F]), status: 65, mentioning: ["UTF-8"]),
    HostileCase(
      name: "stdin: a NUL byte alone", arguments: ["add"], stdin: .bytes([0x00]), status: 65,
      mentioning: ["NUL"]),
    HostileCase(
      name: "stdin: a NUL byte at the end", arguments: ["add"],
      stdin: .bytes(Array("a day".utf8) + [0x00]), status: 65, mentioning: ["NUL"]),
    HostileCase(
      name: "stdin: NUL bytes between lines", arguments: ["add", "-e", "coaching"],
      stdin: .bytes(Array("one\n".utf8) + [0x00, 0x00] + Array("\ntwo".utf8)), status: 65,
      mentioning: ["NUL"]),
    HostileCase(
      name: "edit with a NUL byte on stdin", arguments: ["edit", "1", "-"],
      stdin: .bytes([0x61, 0x00, 0x62]), status: 65, mentioning: ["NUL"]),
  ]

  static let dateCases: [HostileCase] = {
    let dates = [
      "2026-02-30", "99999-01-01", "tomorrow", "1899-12-31", "3000-01-01", "2026-11-20T10:00",
      "-36501d", "-99999999999999999999d", "２０２６-１１-２０", "next week", " ",
    ]
    let places: [[String]] = [
      ["add", "x", "--date"], ["edit", "1", "--date"], ["list", "--since"], ["list", "--until"],
      ["trend", "--since"], ["report", "--until"], ["export", "--since"],
      ["experiment", "start", "Try", "--track", "ic", "--weeks", "4", "--date"],
      ["reflect", "--note", "n", "--date"],
    ]
    var cases: [HostileCase] = []
    for (index, date) in dates.enumerated() {
      // Every date in at least one place, and every place with several dates.
      for (offset, place) in places.enumerated() where (index + offset) % 3 == 0 {
        cases.append(
          HostileCase(
            name: "\(place[0]) \(place.last ?? "") '\(date)'", arguments: place + [date],
            status: 64))
      }
    }
    return cases
  }()

  static let valueCases: [HostileCase] = [
    HostileCase(
      name: "edit --energy 3", arguments: ["edit", "1", "--energy", "3"], status: 64,
      mentioning: ["-2 to 2"]),
    HostileCase(name: "edit --energy -3", arguments: ["edit", "1", "--energy=-3"], status: 64),
    HostileCase(
      name: "add --energy beyond Int64",
      arguments: ["add", "x", "--energy", "99999999999999999999"],
      status: 64),
    HostileCase(name: "add --energy 1e0", arguments: ["add", "x", "--energy", "1e0"], status: 64),
    HostileCase(
      name: "edit -e with an unknown tag", arguments: ["edit", "1", "-e", "nope"], status: 65,
      mentioning: ["nope", "journal tags add"]),
    HostileCase(
      name: "edit -d with a typo of a tag", arguments: ["edit", "1", "-d", "coachin"],
      status: 65, mentioning: ["coaching"]),
    HostileCase(
      name: "list --tag unknown", arguments: ["list", "--tag", "nope"], status: 65,
      mentioning: ["nope"]),
    HostileCase(
      name: "trend --tag unknown", arguments: ["trend", "--tag", "nope"], status: 65,
      mentioning: ["nope"]),
    HostileCase(
      name: "show an unknown id", arguments: ["show", "99"], status: 65, mentioning: ["99"]),
    HostileCase(
      name: "show the largest id", arguments: ["show", "9223372036854775807"], status: 65),
    HostileCase(
      name: "show an id beyond Int64", arguments: ["show", "9223372036854775808"], status: 64),
    HostileCase(name: "show a word as id", arguments: ["show", "one"], status: 64),
    HostileCase(
      name: "edit an unknown id", arguments: ["edit", "99", "new text"], status: 65,
      mentioning: ["99"]),
    HostileCase(
      name: "delete an unknown id", arguments: ["delete", "99", "--yes"], status: 65,
      mentioning: ["99"]),
    HostileCase(
      name: "delete --purge an unknown id", arguments: ["delete", "99", "--purge", "--yes"],
      status: 65),
    HostileCase(name: "restore an unknown id", arguments: ["restore", "99"], status: 65),
    HostileCase(
      name: "tags add with a space", arguments: ["tags", "add", "my tag", "--track", "ic"],
      status: 64, mentioning: ["my-tag"]),
    HostileCase(
      name: "tags add with 200 characters", arguments: ["tags", "add", longTag, "--track", "ic"],
      status: 64, mentioning: ["40"]),
    HostileCase(
      name: "add -e with 200 characters", arguments: ["add", "x", "-e", longTag], status: 64),
    HostileCase(
      name: "edit -d with a space", arguments: ["edit", "1", "-d", "deep work"], status: 64,
      mentioning: ["deep-work"]),
    HostileCase(
      name: "tags rename to a name with a space",
      arguments: ["tags", "rename", "coaching", "people growth"], status: 64),
    HostileCase(
      name: "tags rename to 200 characters", arguments: ["tags", "rename", "coaching", longTag],
      status: 64),
    HostileCase(
      name: "tags merge into a name with a space",
      arguments: ["tags", "merge", "coaching", "x y"], status: 64),
    HostileCase(
      name: "tags set-track of a name with a space",
      arguments: ["tags", "set-track", "a b", "ic"], status: 64),
  ]

  @Test("bad text: empty, 10 MB, invalid UTF-8, NUL bytes", arguments: textCases)
  func badText(_ hostile: HostileCase) throws {
    try Self.check(hostile)
  }

  @Test("invalid and impossible dates in every command that takes one", arguments: dateCases)
  func badDates(_ hostile: HostileCase) throws {
    try Self.check(hostile)
  }

  @Test("energy out of range, unknown tags and ids, bad tag names", arguments: valueCases)
  func badValues(_ hostile: HostileCase) throws {
    try Self.check(hostile)
  }

  /// Runs `hostile` against a fresh one-entry journal and checks the refusal and the bytes.
  static func check(_ hostile: HostileCase) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("the only entry", ["-e", "coaching", "-d", "delivery", "--energy", "1"])
    let before = try journal.snapshot()

    let result = try journal.run(hostile.arguments, stdinData: hostile.stdin.data)

    expectHostileRefusal(result, status: hostile.status, mentioning: hostile.mentioning)
    #expect(try journal.snapshot() == before, "the journal changed")
    #expect(try journal.entry(1).text == "the only entry")
  }

  // MARK: - The text limit

  @Test("exactly 1 MiB of text is accepted and stored whole; one byte more is refused")
  func textLimitBoundary() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("the first entry")

    let atLimit = try journal.run(["add"], stdinData: Data(repeating: 0x78, count: 1_048_576))
    expectSuccess(atLimit)
    #expect(try journal.sqlite("SELECT length(text) FROM entry WHERE id = 2") == "1048576")

    // Two-byte characters: the limit counts UTF-8 bytes, not characters.
    let accented = String(repeating: "é", count: 524_288)
    expectSuccess(try journal.run(["add", "-"], stdin: accented))
    #expect(
      try journal.sqlite("SELECT length(CAST(text AS BLOB)) FROM entry WHERE id = 3") == "1048576")

    let before = try journal.snapshot()
    let over = try journal.run(["add"], stdinData: Data(repeating: 0x78, count: 1_048_577))
    expectHostileRefusal(over, status: 65, mentioning: ["1048577", "1048576"])
    let overAccented = try journal.run(["add"], stdin: accented + "x")
    expectHostileRefusal(overAccented, status: 65, mentioning: ["1048576"])
    #expect(try journal.snapshot() == before)
  }

  @Test("surrounding whitespace does not count against the limit")
  func whitespaceAroundLimit() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let padded = "\n\n   " + String(repeating: "y", count: 1_048_576) + "   \n\n"

    expectSuccess(try journal.run(["add"], stdin: padded))
    #expect(try journal.sqlite("SELECT length(text) FROM entry") == "1048576")
  }

  // MARK: - SQL as text

  static let sqlTexts = [
    "'); DROP TABLE entry; --",
    "Robert'); DROP TABLE entry;--",
    "\" OR 1=1 --",
    "x'; DELETE FROM entryTag WHERE 1=1; SELECT '",
    "; PRAGMA user_version = 99; ATTACH '/tmp/x' AS y; --",
    "entryText MATCH '*' OR text LIKE '%'",
  ]

  @Test("text that is SQL is accepted and stored verbatim, the tables intact", arguments: sqlTexts)
  func sqlTextStoredVerbatim(text: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("a plain entry", ["-e", "coaching"])
    let tables = try journal.sqlite(
      "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema ORDER BY name)")
    let version = try journal.sqlite("PRAGMA user_version")

    let argument = try journal.run(["add", text, "-d", "delivery"])
    let piped = try journal.run(["add"], stdin: text)
    let edited = try journal.run(["edit", "1", text])

    expectSuccess(argument)
    expectSuccess(piped)
    expectSuccess(edited)
    #expect(try journal.entry(1).text == text)
    #expect(try journal.entry(2).text == text)
    #expect(try journal.entry(3).text == text)
    #expect(try journal.entry(2).marks == ["delivery:drained"])
    #expect(
      try journal.sqlite(
        "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema ORDER BY name)")
        == tables)
    #expect(try journal.sqlite("SELECT count(*) FROM entry") == "3")
    #expect(try journal.sqlite("SELECT count(*) FROM entryTag") == "2")
    #expect(try journal.sqlite("PRAGMA user_version") == version)
    #expect(try journal.sqlite("PRAGMA integrity_check") == "ok")
    // The text also works as a search and comes back whole in every format.
    let search = try journal.run(["list", "--search", text, "--format", "json"])
    expectSuccess(search)
    let exported = try journal.run(["export"])
    expectSuccess(exported)
    #expect(try journal.tags().count == 6, "no tag lost")
  }

  @Test("SQL in a search, a tag description and an experiment title changes nothing else")
  func sqlElsewhere() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("a plain entry", ["-e", "coaching"])
    let injection = "'); DROP TABLE entry; --"

    let search = try journal.run(["list", "--search", injection])
    expectNoCrash(search)
    #expect(search.status == 0, "search: \(search.stderr)")
    let tag = try journal.run([
      "tags", "add", "hiring", "--track", "management", "--description", injection,
    ])
    expectSuccess(tag)
    let experiment = try journal.run([
      "experiment", "start", injection, "--track", "ic", "--weeks", "2",
    ])
    expectSuccess(experiment)

    #expect(try journal.tags().first { $0.name == "hiring" }?.description == injection)
    #expect(try journal.sqlite("SELECT title FROM experiment") == injection)
    #expect(try journal.entries().map(\.text) == ["a plain entry"])
    #expect(try journal.sqlite("PRAGMA integrity_check") == "ok")
  }

  // MARK: - Relative dates at the edge of the accepted years

  /// A relative date can step outside 1900...2999 (`yesterday` on 1900-01-01); such a day was
  /// once stored as written yet read back as 1970-01-01. It must be refused like `1899-12-31`.
  @Test(
    "a relative date that resolves before 1900 is refused, nothing written",
    arguments: [("1900-01-01", "yesterday"), ("1900-01-01", "sunday"), ("1950-06-01", "-36500d")])
  func relativeDateBefore1900(today: String, expression: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("the only entry")
    let before = try journal.snapshot()

    let result = try journal.run(
      ["add", "An old day", "--date", expression], environment: ["JOURNAL_TODAY": today])

    expectHostileRefusal(result, status: 64)
    #expect(try journal.snapshot() == before)
    // 1900-01-01 is stored as -25567, its days since 1970 (0010_day_as_integer.sql).
    #expect(try journal.sqlite("SELECT count(*) FROM entry WHERE day < -25567") == "0")
  }

  // MARK: - Imports

  /// A career-journal JSON export of a two-entry journal, and its CSV export.
  static func exports(of journal: TestJournal) throws -> (json: Data, csv: Data) {
    let json = try journal.run(["export"])
    let csv = try journal.run(["export", "--format", "csv"])
    try #require(json.status == 0 && csv.status == 0, "export: \(json.stderr) \(csv.stderr)")
    return (Data(json.stdout.utf8), Data(csv.stdout.utf8))
  }

  @Test("a truncated JSON import is refused whole (65) at every cut, the journal unchanged")
  func truncatedJSON() throws {
    let source = try TestJournal()
    defer { source.remove() }
    for index in 1...12 {
      try source.add(
        "exported entry \(index), with \"quotes\"", ["-e", "coaching", "-d", "delivery"])
    }
    let json = try Self.exports(of: source).json
    let target = try TestJournal()
    defer { target.remove() }
    try target.add("already here")
    let before = try target.snapshot()
    let file = target.directory.file("cut.json")

    // Cuts at every tenth of the file, and just before its last byte.
    var cuts = (1..<10).map { json.count * $0 / 10 }
    cuts.append(json.count - 2)
    for cut in cuts {
      try json.prefix(cut).write(to: URL(fileURLWithPath: file))
      let result = try target.run(["import", file])
      expectHostileRefusal(result, status: 65, mentioning: ["nothing was imported"])
      #expect(try target.snapshot() == before, "cut at \(cut) of \(json.count)")
    }
    #expect(try target.entries().map(\.text) == ["already here"])
  }

  @Test("a truncated CSV import (inside a row, inside a quoted field) is refused whole")
  func truncatedCSV() throws {
    let source = try TestJournal()
    defer { source.remove() }
    try source.add("first, plain", ["-e", "coaching"])
    try source.add("second \"quoted\",\nwith a line break", ["-d", "delivery"])
    let csv = try Self.exports(of: source).csv
    let text = String(decoding: csv, as: UTF8.self)
    let target = try TestJournal()
    defer { target.remove() }
    try target.add("already here")
    let before = try target.snapshot()
    let file = target.directory.file("cut.csv")

    let insideQuoted = try #require(text.range(of: "with a line")).lowerBound
    let insideFirstRow = try #require(text.range(of: "first, pl")).upperBound
    for cut in [insideQuoted, insideFirstRow] {
      try Data(text[..<cut].utf8).write(to: URL(fileURLWithPath: file))
      let result = try target.run(["import", file, "--from", "csv"])
      expectHostileRefusal(result, status: 65, mentioning: ["nothing was imported"])
      #expect(try target.snapshot() == before)
    }
  }

  @Test(
    "imports of hostile files are refused whole (65), the journal unchanged",
    arguments: [
      (
        "journal-json",
        "{\"format\": \"career-journal\", \"version\": 1, \"entries\": [{\"date\": "
          + "\"2026-11-20\", \"text\": \"a\\u0000b\"}]}"
      ),
      (
        "journal-json",
        "{\"format\": \"career-journal\", \"version\": 1, \"entries\": [{\"date\": "
          + "\"2026-02-30\", \"text\": \"impossible day\"}]}"
      ),
      (
        "journal-json",
        "{\"format\": \"career-journal\", \"version\": 1, \"entries\": [{\"date\": "
          + "\"2026-11-20\", \"text\": \"   \"}]}"
      ),
      (
        "journal-json",
        "{\"format\": \"career-journal\", \"version\": 1, \"entries\": [{\"date\": "
          + "\"2026-11-20\", \"text\": \"x\", \"energy\": 7}]}"
      ),
      ("journal-json", "{\"format\": \"career-journal\", \"version\": 99, \"entries\": []}"),
      ("journal-json", String(repeating: "[", count: 10_000)),
      ("journal-json", "\u{FEFF}not json at all"),
      ("jrnl-json", "{\"entries\": [{\"date\": \"2026-11-20\", \"title\": \"t\"},"),
      ("csv", "id,date\n1,2026-11-20,extra,fields\n"),
      ("csv", "\"never closed\n"),
    ])
  func hostileImportFiles(format: String, contents: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("already here")
    let before = try journal.snapshot()
    let file = journal.directory.file("hostile.import")
    try Data(contents.utf8).write(to: URL(fileURLWithPath: file))

    let result = try journal.run(["import", file, "--from", format])

    expectHostileRefusal(result, status: 65)
    #expect(try journal.snapshot() == before)
  }

  @Test("importing a file of invalid UTF-8 bytes is refused whole (65)")
  func binaryImport() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("already here")
    let before = try journal.snapshot()
    let file = journal.directory.file("binary.json")
    var bytes = Array(
      "{\"format\": \"career-journal\", \"version\": 1, \"entries\": [{\"date\": \"2026-11-20\", \"text\": \""
        .utf8)
    bytes += [0xFF, 0xFE, 0xC0, 0xAF]
    bytes += Array("\"}]}".utf8)
    try Data(bytes).write(to: URL(fileURLWithPath: file))

    for format in ["journal-json", "jrnl-json", "csv"] {
      let result = try journal.run(["import", file, "--from", format])
      expectHostileRefusal(result, status: 65)
    }
    #expect(try journal.snapshot() == before)
  }
}

// MARK: - The journal file

/// Makes a file or folder read-only even for root: `chattr +i` as root (permission bits do not
/// stop root), `chmod` otherwise. `undo()` restores it so the temporary folder can be removed.
struct ReadOnlyGuard {
  let path: String
  let usedChattr: Bool
  let previousMode: mode_t

  /// Whether this process runs as root.
  static var isRoot: Bool { geteuid() == 0 }

  /// Whether a read-only file can be made here: always for a normal user; as root only with a
  /// working `chattr` (a file system that supports the immutable flag).
  static let isAvailable: Bool = {
    guard isRoot else { return true }
    guard let directory = try? TemporaryDirectory() else { return false }
    defer { directory.remove() }
    let probe = directory.file("probe")
    guard FileManager.default.createFile(atPath: probe, contents: Data("x".utf8)),
      let set = try? ExternalCommand.run("chattr", ["+i", probe]), set.status == 0
    else { return false }
    let writable = access(probe, W_OK) == 0
    _ = try? ExternalCommand.run("chattr", ["-i", probe])
    return !writable
  }()

  /// Why the read-only cases cannot run here, for the record.
  static let limitation =
    "running as root without a working 'chattr +i': permission bits do not stop root"

  init(_ path: String, mode: mode_t) throws {
    self.path = path
    var info = stat()
    try #require(stat(path, &info) == 0, "stat \(path)")
    previousMode = info.st_mode & 0o7777
    if Self.isRoot {
      let result = try ExternalCommand.run("chattr", ["+i", path])
      try #require(result.status == 0, "chattr +i: \(result.stderr)")
      usedChattr = true
    } else {
      try #require(chmod(path, mode) == 0)
      usedChattr = false
    }
  }

  func undo() {
    if usedChattr {
      _ = try? ExternalCommand.run("chattr", ["-i", path])
    } else {
      chmod(path, previousMode)
    }
  }
}

extension HostileInputTests {
  @Suite("Hostile journal files and places")
  struct JournalFiles {
    /// The read commands, each of which must refuse a file that is not a journal yet.
    static let readCommands: [[String]] = [
      ["list"], ["show", "1"], ["tags"], ["trend"], ["report"], ["report", "--format", "json"],
      ["export"], ["export", "--format", "csv"], ["experiment", "list"], ["doctor"],
    ]

    @Test("read commands on a path in a missing folder exit 66 and create nothing")
    func missingFolder() throws {
      let directory = try TemporaryDirectory()
      defer { directory.remove() }
      let path = directory.file("missing/deeper/journal.sqlite")

      for arguments in Self.readCommands + [["backup", directory.file("copy.sqlite")]] {
        let result = try JournalProcess.run(
          arguments + ["--db", path], environment: ["JOURNAL_TODAY": TestJournal.today])
        if arguments == ["tags"] {
          // Lists the built-in tags of a journal that does not exist yet (FirstStepsTests).
          #expect(result.status == 0 && result.stdout.contains("No journal yet"))
          continue
        }
        expectHostileRefusal(result, status: 66, mentioning: [path])
      }
      #expect(!FileManager.default.fileExists(atPath: directory.file("missing")))
      #expect(!FileManager.default.fileExists(atPath: directory.file("copy.sqlite")))
    }

    @Test("an empty (0-byte) file: read commands answer 66 and leave it empty")
    func emptyFileRead() throws {
      let journal = try TestJournal()
      defer { journal.remove() }
      #expect(FileManager.default.createFile(atPath: journal.path, contents: Data()))
      chmod(journal.path, 0o600)

      for arguments in Self.readCommands + [["backup", journal.directory.file("copy.sqlite")]] {
        let result = try journal.run(arguments)
        expectHostileRefusal(result, status: 66, mentioning: [journal.path])
      }
      let attributes = try FileManager.default.attributesOfItem(atPath: journal.path)
      #expect((attributes[.size] as? NSNumber)?.intValue == 0)
      #expect(!FileManager.default.fileExists(atPath: journal.path + "-wal"))
    }

    /// SQLite reads a 0-byte file as an empty database, and so does the journal: the first
    /// write makes it a journal, as it would a missing file (README, "Where data lives").
    @Test("an empty (0-byte) file becomes a journal on the first write")
    func emptyFileWrite() throws {
      let journal = try TestJournal()
      defer { journal.remove() }
      #expect(FileManager.default.createFile(atPath: journal.path, contents: Data()))
      chmod(journal.path, 0o600)

      expectSuccess(try journal.run(["add", "first entry", "-e", "coaching"]))

      #expect(try journal.entries().map(\.text) == ["first entry"])
      #expect(try journal.sqlite("PRAGMA journal_mode") == "wal")
      expectSuccess(try journal.run(["doctor"]))
    }

    @Test(
      "not SQLite, another application's database, a newer journal: every command refuses, unchanged",
      arguments: ["text", "foreign", "newer"])
    func notThisJournal(kind: String) throws {
      let journal = try TestJournal()
      defer { journal.remove() }
      switch kind {
      case "text":
        try Data("# My notes\nNot a database.\n".utf8).write(to: URL(fileURLWithPath: journal.path))
      case "foreign":
        _ = try journal.sqlite(
          "PRAGMA journal_mode = WAL; CREATE TABLE entry (id INTEGER PRIMARY KEY, text TEXT); "
            + "INSERT INTO entry (text) VALUES ('another app')")
      default:
        try journal.add("written by this version")
        _ = try journal.sqlite("PRAGMA user_version = 99")
      }
      let before = try journal.snapshot()
      let importFile = journal.directory.file("import.json")
      try Data("{\"format\": \"career-journal\", \"version\": 1, \"entries\": []}".utf8)
        .write(to: URL(fileURLWithPath: importFile))
      // The commands DatabaseFileTests does not already run on such files.
      let commands: [[String]] =
        Self.readCommands + [
          ["backup", journal.directory.file("copy.sqlite")], ["import", importFile],
          ["experiment", "start", "Try", "--track", "ic", "--weeks", "2"],
          ["reflect", "--note", "a note"], ["tags", "merge", "coaching", "mentoring"],
          ["tags", "set-track", "coaching", "both"], ["delete", "1", "--purge", "--yes"],
        ]

      for arguments in commands {
        let result = try journal.run(arguments)
        expectHostileRefusal(result, status: 65)
        if kind == "newer" {
          #expect(result.stderr.contains("99"), "\(arguments): \(result.stderr)")
        } else {
          #expect(result.stderr.contains("not a career journal"), "\(arguments): \(result.stderr)")
        }
      }
      #expect(try journal.snapshot() == before)
      #expect(!FileManager.default.fileExists(atPath: journal.directory.file("copy.sqlite")))
    }

    @Test(
      "a read-only journal file: reads work, writes are refused clearly (74), unchanged",
      .enabled(if: ReadOnlyGuard.isAvailable, Comment(rawValue: ReadOnlyGuard.limitation)))
    func readOnlyFile() throws {
      let journal = try TestJournal()
      defer { journal.remove() }
      try journal.add("the only entry", ["-e", "coaching"])
      let importFile = journal.directory.file("import.json")
      let exported = try journal.run(["export"])
      try Data(exported.stdout.utf8).write(to: URL(fileURLWithPath: importFile))
      let before = try journal.snapshot()
      let guardian = try ReadOnlyGuard(journal.path, mode: 0o444)
      defer { guardian.undo() }

      for arguments in [
        ["list"], ["show", "1"], ["tags"], ["trend"], ["report"], ["export"],
        ["backup", journal.directory.file("copy.sqlite")],
      ] {
        let result = try journal.run(arguments)
        expectSuccess(result)
        #expect(!result.stdout.isEmpty, "\(arguments) printed nothing")
      }
      for arguments in [
        ["add", "x"], ["edit", "1", "y"], ["delete", "1", "--yes"],
        [
          "tags", "add", "hiring",
          "--track", "management",
        ], ["import", importFile], ["reflect", "--note", "n"],
      ] {
        expectHostileRefusal(try journal.run(arguments), status: 74, mentioning: ["read-only"])
      }
      guardian.undo()
      #expect(try journal.snapshot().main == before.main)
      #expect(try journal.entries().map(\.text) == ["the only entry"])
    }

    @Test(
      "a new journal in a read-only folder is refused (74), nothing created",
      .enabled(if: ReadOnlyGuard.isAvailable, Comment(rawValue: ReadOnlyGuard.limitation)))
    func newJournalInReadOnlyFolder() throws {
      let directory = try TemporaryDirectory()
      defer { directory.remove() }
      let folder = directory.file("locked")
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
      let guardian = try ReadOnlyGuard(folder, mode: 0o555)
      defer { guardian.undo() }
      let path = folder + "/journal.sqlite"

      let result = try JournalProcess.run(
        ["add", "x", "--db", path], environment: ["JOURNAL_TODAY": TestJournal.today])

      expectHostileRefusal(result, status: 74, mentioning: [path])
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    /// SQLite needs to create `-wal` and `-shm` beside a WAL journal to read it; in a folder it may
    /// not write to, reading either works or fails with one clear sentence, never a raw SQLite
    /// message with the statement that failed.
    @Test(
      "an existing journal in a read-only folder: reads work or fail clearly, writes refused (74)",
      .enabled(if: ReadOnlyGuard.isAvailable, Comment(rawValue: ReadOnlyGuard.limitation)))
    func existingJournalInReadOnlyFolder() throws {
      let directory = try TemporaryDirectory()
      defer { directory.remove() }
      let folder = directory.file("locked")
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
      let path = folder + "/journal.sqlite"
      let environment = ["JOURNAL_TODAY": TestJournal.today]
      expectSuccess(
        try JournalProcess.run(["add", "the only entry", "--db", path], environment: environment))
      let before = try FileSnapshot(path: path)
      let guardian = try ReadOnlyGuard(folder, mode: 0o555)
      defer { guardian.undo() }

      let read = try JournalProcess.run(["list", "--db", path], environment: environment)
      if read.status == 0 {
        #expect(read.stdout.contains("the only entry"))
      } else {
        expectHostileRefusal(read, status: 74, mentioning: [path])
        #expect(!read.stderr.contains("SQLite error"), "a raw SQLite message: \(read.stderr)")
        #expect(!read.stderr.contains("SELECT"), "SQL in the message: \(read.stderr)")
      }
      let write = try JournalProcess.run(["add", "x", "--db", path], environment: environment)
      expectHostileRefusal(write, status: 74, mentioning: [path])
      #expect(!write.stderr.contains("SELECT"), "SQL in the message: \(write.stderr)")
      guardian.undo()
      #expect(try FileSnapshot(path: path) == before)
    }
  }
}

/// Issue 12: an argument's bytes are checked as stdin's are, never decoded with U+FFFD.
@Suite("Invalid UTF-8 in arguments")
struct InvalidUTF8ArgumentTests {
  @Test(
    "an argument with invalid UTF-8 is refused with exit 65, nothing stored",
    arguments: [
      #"add "caf$(printf '\351') meeting""#, #"add ok --date "$(printf '\377')""#,
      #"list --search "$(printf '\300\200')""#, #"tags add "$(printf 'x\377')" --track ic"#,
    ])
  func refused(line: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("the only entry")
    let before = try journal.snapshot()
    let result = try ExternalCommand.run(
      "/bin/sh",
      ["-c", "\"$0\" " + line + " --db \"$1\"", JournalProcess.executable, journal.path],
      environment: ["JOURNAL_TODAY": TestJournal.today])
    #expect(result.status == 65, "\(line): \(result.stderr)")
    #expect(
      result.stderr == "Error: The text is not valid UTF-8; save it as UTF-8 and try again.\n",
      "\(line)")
    #expect(result.stdout.isEmpty)
    #expect(try journal.snapshot() == before)
  }

  @Test("valid UTF-8 beyond ASCII is stored byte for byte")
  func validKept() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let result = try ExternalCommand.run(
      "/bin/sh",
      [
        "-c", #""$0" add "caf$(printf '\303\251')" --db "$1""#,
        JournalProcess.executable, journal.path,
      ],
      environment: ["JOURNAL_TODAY": TestJournal.today])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try journal.entry(1).text == "caf\u{E9}")
  }
}
