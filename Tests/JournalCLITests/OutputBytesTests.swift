import Foundation
import JournalCore
import TestSupport
import Testing

@testable import JournalStore

/// The bytes of `export`, `list` and `trend` on a journal full of awkward text, compared with
/// golden files recorded from the writers that built `Entry` and `JSONValue` objects per row
/// (before the streaming byte writer, issue 16): the streaming writers must give the very same
/// bytes. Texts carry Unicode, combining marks after the characters each format escapes, C0,
/// DEL and C1 controls, CRLF and lone CR, quotes and backslashes, formula-leading cells, a line
/// and paragraph separator, and one text stored as invalid UTF-8 (read as U+FFFD).
@Suite("Output bytes of export, list and trend on a hostile journal")
struct OutputBytesTests {
  /// A journal with 24 entries over three ISO weeks around a year's end and two months later,
  /// private, starred and deleted ones among them, fixed timestamps and uuids.
  static func hostileJournal() throws -> TestJournal {
    let test = try TestJournal()
    let journal = try Journal.open(at: test.path, access: .write)
    func day(_ iso: String) throws -> Day { try #require(Day(iso: iso)) }
    var dayIndex = 0
    let days = [
      "2025-12-29", "2025-12-31", "2026-01-01", "2026-01-04", "2026-01-05", "2026-02-27",
      "2026-03-02", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-09", "2026-11-10",
      "2026-11-12", "2026-11-16", "2026-11-18", "2026-11-20",
    ]
    func add(
      _ text: String, energy: Int? = nil, _ tags: [TagMark] = [], starred: Bool = false,
      isPrivate: Bool = false
    ) throws -> Int64 {
      let iso = days[dayIndex % days.count]
      dayIndex += 1
      return try journal.addEntry(
        NewEntry(
          day: try day(iso), text: text, energy: energy, tags: tags, isStarred: starred,
          isPrivate: isPrivate)
      ).id
    }
    let deepWork = TagMark(name: "deep-work", mark: .energized)
    let delivery = TagMark(name: "delivery", mark: .drained)
    let coaching = TagMark(name: "coaching", mark: .energized)
    let mentoringLogged = TagMark(name: "mentoring", mark: .logged)
    let conflict = TagMark(name: "conflict-resolution", mark: .drained)
    let architecture = TagMark(name: "architecture", mark: .energized)
    _ = try add("Plain day, mostly reading", energy: 1, [delivery, deepWork, mentoringLogged])
    _ = try add("Café — Überblick über die Architektur 🚀 日本語のテキスト", energy: 2, [architecture])
    _ = try add("=\u{301}SUM(A1) a formula with a combining acute", [conflict], starred: true)
    _ = try add("e\u{301}, \"q\u{301}\" ,\u{301} \"\u{301} \\\u{301} <\u{301}", energy: -2)
    _ = try add(
      "bell\u{7} esc\u{1B}[31mred\u{1B}[0m nul\u{0}after del\u{7F} c1\u{85}\u{9B} bs\u{8} ff\u{C} vt\u{B} us\u{1F}",
      energy: 0, [coaching, delivery])
    _ = try add("CRLF line one\r\nline two\rlone CR\nLF", [deepWork], isPrivate: true)
    _ = try add("He said \"hi\" \\ and, commas, \"\"doubled\"\"", energy: -1, [mentoringLogged])
    _ = try add("=1+2", [deepWork])
    _ = try add("+cmd|' /C calc'!A0", energy: 1)
    _ = try add("-minus first")
    _ = try add("@at first", [coaching], starred: true, isPrivate: true)
    _ = try add("\tTab first")
    _ = try add("\rCR first")
    _ = try add("''=already quoted twice", [architecture, conflict])
    _ = try add("'plain apostrophe")
    _ = try add(
      String(repeating: "A long first line that goes on and on; ", count: 4) + "\nsecond line")
    _ = try add(String(repeating: "Überlänge mit Umlauten — ", count: 5), energy: 2)
    _ = try add("exactly sixty characters of text, counted one by one here!!")
    _ = try add("line\u{2028}separator and paragraph\u{2029}separator and NEL\u{85}end")
    _ = try add("👩‍👩‍👧‍👦 family, flags 🇩🇪🇫🇷, e\u{301}\u{302}\u{303} stacked marks", [deepWork, coaching])
    let deleted = try add("Deleted before the export, with \"quotes\"", [delivery])
    try journal.deleteEntry(id: deleted)
    let deletedToo = try add("Second deleted\r\n", energy: 1)
    try journal.deleteEntry(id: deletedToo)
    let invalid = try add("placeholder for invalid UTF-8", [deepWork])
    _ = try add("Last one: tab\there, trailing newline\n", starred: true)
    let experiment = try journal.startExperiment(
      title: "Mentor \"two\" hires, <fast>", track: .management,
      hypothesis: "Coaching\tdrains less\nwhen chosen", start: try day("2026-11-16"), weeks: 4)
    _ = try journal.endExperiment(id: experiment.id, on: try day("2026-11-20"), outcome: "Kept it")
    _ = try journal.addReflection(
      day: try day("2026-11-20"), fiveYears: "storage \\ databases \u{1}",
      motives: [.fear, .growth], note: "a \"note\"\r\n")
    try journal.db.execute(
      """
      UPDATE entry SET text = CAST(x'6f6b20ff20c3286120e282ac20eda08020f0908080' AS TEXT)
        WHERE id = \(invalid);
      UPDATE entry SET createdAt = printf('2026-11-20T17:%02d:00Z', id),
        updatedAt = printf('2026-11-20T18:%02d:00Z', id),
        uuid = printf('00000000-0000-4000-8000-%012d', id);
      UPDATE entry SET deletedAt = '2026-11-20T19:00:00Z' WHERE deletedAt IS NOT NULL;
      UPDATE tag SET createdAt = '2026-11-01T09:00:00Z';
      UPDATE experiment SET createdAt = '2026-11-16T09:00:00Z', updatedAt = '2026-11-20T09:00:00Z',
        uuid = printf('00000000-0000-4000-9000-%012d', id);
      UPDATE reflection SET createdAt = '2026-11-20T21:00:00Z',
        uuid = printf('00000000-0000-4000-a000-%012d', id);
      """)
    return test
  }

  /// The commands whose output is kept, with the golden file each is compared with.
  static let commands: [(arguments: [String], golden: String)] = [
    (["export", "--format", "json"], "export.json"),
    (["export", "--format", "csv"], "export.csv"),
    (["export", "--format", "markdown"], "export.md"),
    (
      ["export", "--format", "json", "--since", "2026-01-01", "--until", "2026-11-04"], "range.json"
    ),
    (["export", "--format", "csv", "--since", "2026-01-01", "--until", "2026-11-04"], "range.csv"),
    (["export", "--format", "markdown", "--since", "2026-01-01"], "range.md"),
    (["list"], "list.txt"),
    (["list", "--format", "json"], "list.json"),
    (["list", "--format", "csv"], "list.csv"),
    (["list", "--tag", "deep-work", "--since", "2026-01-01", "--format", "json"], "list-tag.json"),
    (["list", "--tag", "deep-work", "--since", "2026-01-01"], "list-tag.txt"),
    (["list", "--limit", "3", "--format", "json"], "list-limit.json"),
    (["list", "--since", "2027-01-01", "--format", "json"], "list-none.json"),
    (["trend", "--format", "json"], "trend.json"),
    (["trend", "--format", "json", "--since", "2025-12-29"], "trend-all.json"),
    (["trend", "--format", "json", "--since", "2025-12-29", "--explain"], "trend-explain.json"),
    (
      ["trend", "--format", "json", "--tag", "deep-work", "--since", "2025-12-29"], "trend-tag.json"
    ),
    (["trend", "--since", "2025-12-29"], "trend-all.txt"),
  ]

  @Test("every command gives the bytes of its golden file", arguments: commands.indices)
  func bytes(_ index: Int) throws {
    let (arguments, golden) = Self.commands[index]
    let test = try Self.hostileJournal()
    defer { test.remove() }
    // The text is laid out for COLUMNS; the runner's own terminal must not change the bytes.
    let result = try test.run(arguments, environment: ["NO_COLOR": "1", "COLUMNS": "80"])
    #expect(result.status == 0, "\(arguments): \(result.stderr)")
    #expect(result.stderr.isEmpty)
    try Golden.check(result.stdout, "streaming/" + golden)
  }

  @Test("export --output writes the same bytes as stdout, in every format")
  func outputFile() throws {
    let test = try Self.hostileJournal()
    defer { test.remove() }
    for format in ["json", "csv", "markdown"] {
      let file = test.directory.file("export-\(format)")
      let written = try test.run(["export", "--format", format, "--output", file])
      #expect(written.status == 0, "\(format): \(written.stderr)")
      let printed = try test.run(["export", "--format", format])
      let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
      #expect(bytes == Data(printed.stdout.utf8), "\(format)")
    }
  }
}
