import Foundation
import TestSupport
import Testing

/// A journal in a fresh temporary folder, and the `journal` binary run against it with
/// `--db` and a pinned `JOURNAL_TODAY`. Call ``remove()`` in `defer`.
struct TestJournal {
  /// The pinned "today" of every run: a Friday.
  static let today = "2026-11-20"

  /// The folder that holds the journal and anything else a test writes.
  let directory: TemporaryDirectory
  /// The journal file; it does not exist until a command creates it.
  let path: String

  init() throws {
    directory = try TemporaryDirectory()
    path = directory.file("journal.sqlite")
  }

  /// Deletes the folder.
  func remove() { directory.remove() }

  /// Runs `journal ARGUMENTS --db PATH` with `JOURNAL_TODAY` pinned.
  ///
  /// - Parameters:
  ///   - arguments: The command line after `journal`, without `--db`.
  ///   - stdin: Text for standard input; `nil` connects it to `/dev/null`.
  ///   - environment: More variables; an empty value removes one.
  /// - Returns: Status, stdout and stderr.
  /// - Throws: When the process cannot be started.
  func run(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]
  ) throws -> JournalResult {
    try run(arguments, stdinData: stdin.map { Data($0.utf8) }, environment: environment)
  }

  /// Runs `journal ARGUMENTS --db PATH` with raw bytes on stdin.
  func run(
    _ arguments: [String], stdinData: Data?, environment: [String: String] = [:]
  ) throws -> JournalResult {
    var env = ["JOURNAL_TODAY": Self.today]
    env.merge(environment) { $1 }
    return try JournalProcess.run(arguments + ["--db", path], stdin: stdinData, environment: env)
  }

  /// Adds an entry, requires success, and returns the new id.
  @discardableResult
  func add(
    _ text: String, _ options: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Int64 {
    let result = try run(["add", text] + options)
    try #require(
      result.status == 0, "journal add failed: \(result.stderr)", sourceLocation: sourceLocation)
    return try #require(
      Self.addedID(result.stdout), "no id in '\(result.stdout)'", sourceLocation: sourceLocation)
  }

  /// The id in an `Added entry N: …` line.
  static func addedID(_ stdout: String) -> Int64? {
    guard stdout.hasPrefix("Added entry ") else { return nil }
    return Int64(stdout.dropFirst("Added entry ".count).prefix { $0 != ":" })
  }

  /// `journal list --format json ARGUMENTS`, decoded; requires success.
  func entries(
    _ arguments: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> [EntryRecord] {
    let result = try run(["list", "--format", "json"] + arguments)
    try #require(
      result.status == 0, "journal list failed: \(result.stderr)", sourceLocation: sourceLocation)
    return try JSONDecoder().decode([EntryRecord].self, from: Data(result.stdout.utf8))
  }

  /// `journal show ID --format json`, decoded; requires success.
  func entry(_ id: Int64, sourceLocation: SourceLocation = #_sourceLocation) throws -> EntryRecord {
    let result = try run(["show", String(id), "--format", "json"])
    try #require(
      result.status == 0, "journal show failed: \(result.stderr)", sourceLocation: sourceLocation)
    return try JSONDecoder().decode(EntryRecord.self, from: Data(result.stdout.utf8))
  }

  /// `journal tags --format json`, decoded; requires success.
  func tags(sourceLocation: SourceLocation = #_sourceLocation) throws -> [TagRecord] {
    let result = try run(["tags", "--format", "json"])
    try #require(
      result.status == 0, "journal tags failed: \(result.stderr)", sourceLocation: sourceLocation)
    return try JSONDecoder().decode([TagRecord].self, from: Data(result.stdout.utf8))
  }

  /// The journal's bytes, and its write-ahead log's when there is one: two equal snapshots
  /// mean nothing was written, whether to the file or to a log not yet checkpointed.
  func snapshot() throws -> FileSnapshot {
    try FileSnapshot(path: path)
  }

  /// Whether the journal file exists.
  var exists: Bool { FileManager.default.fileExists(atPath: path) }

  /// Runs one statement with the `sqlite3` shell on the journal and returns its output,
  /// trimmed; requires success.
  func sqlite(_ sql: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    try SQLiteShell.run(path, sql, sourceLocation: sourceLocation)
  }
}

/// The bytes of a database file and its `-wal` file, for "nothing was written" checks.
struct FileSnapshot: Equatable, CustomStringConvertible {
  let main: Data?
  let wal: Data?

  init(path: String) throws {
    let manager = FileManager.default
    main = manager.contents(atPath: path)
    wal = manager.contents(atPath: path + "-wal")
  }

  var description: String {
    "\(main?.count ?? -1) bytes, wal \(wal?.count ?? -1) bytes, checksum \(checksum)"
  }

  /// FNV-1a over the main file, to name a version in failure messages.
  var checksum: String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in main ?? Data() {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    return String(hash, radix: 16)
  }
}

/// The `sqlite3` command-line shell, used to look inside a journal independently of the
/// product and to make files the product must refuse.
enum SQLiteShell {
  static func run(
    _ path: String, _ sql: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let result = try ExternalCommand.run("sqlite3", ["-bail", path, sql])
    try #require(
      result.status == 0, "sqlite3 '\(sql)' failed: \(result.stderr)",
      sourceLocation: sourceLocation)
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

/// An entry as `--format json` prints it.
struct EntryRecord: Decodable, Equatable {
  let id: Int64
  let uuid: String
  let date: String
  let text: String
  let energy: Int?
  let tags: [MarkRecord]
  let starred: Bool
  let isPrivate: Bool
  let createdAt: String
  let updatedAt: String

  private enum CodingKeys: String, CodingKey {
    case id, uuid, date, text, energy, tags, starred
    case isPrivate = "private"
    case createdAt = "created_at"
    case updatedAt = "updated_at"
  }

  /// The marks as `name:mark` strings, sorted, for compact comparisons.
  var marks: [String] { tags.map { "\($0.name):\($0.mark)" }.sorted() }
}

/// A tag on an entry: `{"name", "mark"}`.
struct MarkRecord: Decodable, Equatable {
  let name: String
  let mark: String
}

/// A tag as `journal tags --format json` prints it.
struct TagRecord: Decodable, Equatable {
  let name: String
  let track: String
  let description: String
  let energized: Int
  let drained: Int

  /// `[energized, drained]`.
  var counts: [Int] { [energized, drained] }
}

/// Checks a refused command: the exit status, nothing on stdout, and one `Error:` message on
/// stderr that names what went wrong — never a crash or a stack trace.
func expectRefused(
  _ result: JournalResult, status: Int32, mentioning fragments: [String] = [],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    result.status == status, "exit status; stderr: \(result.stderr)",
    sourceLocation: sourceLocation)
  #expect(result.stdout.isEmpty, "stdout of a refused command", sourceLocation: sourceLocation)
  #expect(
    result.stderr.hasPrefix("Error:"), "stderr starts with 'Error:': \(result.stderr)",
    sourceLocation: sourceLocation)
  expectNoCrash(result, sourceLocation: sourceLocation)
  for fragment in fragments {
    #expect(
      result.stderr.contains(fragment), "stderr mentions '\(fragment)': \(result.stderr)",
      sourceLocation: sourceLocation)
  }
}

/// Checks that a command succeeded without a word on stderr.
func expectSuccess(_ result: JournalResult, sourceLocation: SourceLocation = #_sourceLocation) {
  #expect(
    result.status == 0, "exit status; stderr: \(result.stderr)", sourceLocation: sourceLocation)
  #expect(result.stderr.isEmpty, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
}

/// Checks that the output carries no trace of a crash.
func expectNoCrash(_ result: JournalResult, sourceLocation: SourceLocation = #_sourceLocation) {
  let markers = [
    "Fatal error", "Program crashed", "Current stack trace", "Stack dump", "Backtrace",
    "Segmentation fault",
  ]
  for marker in markers {
    #expect(
      !result.stderr.contains(marker), "stderr shows a crash: \(result.stderr)",
      sourceLocation: sourceLocation)
  }
}
