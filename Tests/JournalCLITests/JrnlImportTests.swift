import Foundation
import TestSupport
import Testing

@testable import JournalCLI

/// `journal import --from jrnl-json` on `Tests/Fixtures/interchange/jrnl-export.json`, written by
/// hand in the shape `jrnl --format json` prints (Python's `json.dumps(indent=2)`, so non-ASCII
/// text arrives as `\u` escapes): four entries over 2026-11-02…05 with multi-line bodies,
/// several tags each, one starred, one with an empty body, and a non-ASCII title.
@Suite("journal import --from jrnl-json")
struct JrnlImportTests {
  static let fixture = Interchange.fixture("jrnl-export.json")

  /// The maps of the README example: two with a feeling, one drained, one logged only.
  static let maps = [
    "--map", "1on1=+coaching", "--map", "deepwork=+deep-work", "--map", "meetings=-delivery",
    "--map", "reading=architecture",
  ]

  /// The entries the fixture becomes with ``maps``, oldest first: (date, text, marks, starred).
  static let expected: [(String, String, [String], Bool)] = [
    (
      "2026-11-02",
      """
      Café retro — Überblick
      Ran the team retro in the café downstairs; everyone spoke up.
      Afterwards a long @1on1 with Priya about her promotion case.

      The @meetings block in the afternoon ate the rest of the day.
      """,
      ["coaching:energized", "delivery:drained"], false
    ),
    (
      "2026-11-03",
      """
      Found the race in the WAL checkpointer.
      Two days of @deepwork paid off: a missing fsync after the rename.
      Wrote it up and shared my @reading list on crash consistency.
      """,
      ["architecture:logged", "deep-work:energized"], true
    ),
    (
      "2026-11-04", "Quiet afternoon of @deepwork on the importer.", ["deep-work:energized"],
      false
    ),
    (
      "2026-11-05",
      """
      Roadmap @meetings all morning.
      Then a @1on1 with Sam, who is weighing the EM track too.
      Paired with a new hire, @mentoring her through the test harness.
      """,
      ["coaching:energized", "delivery:drained", "mentoring:logged"], false
    ),
  ]

  /// The imported entries (those whose stable id starts with `jrnl-`), oldest first.
  private func imported(_ journal: TestJournal) throws -> [EntryRecord] {
    try journal.entries().filter { $0.uuid.hasPrefix("jrnl-") }.sorted { $0.date < $1.date }
  }

  @Test("import with maps: title + body, marks from the maps, starred kept, nothing else lost")
  func importWithMaps() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("Already here", ["-e", "architecture", "--date", "2026-11-01"])
    let tagsBefore = try journal.tags().map(\.name)

    let result = try journal.run(["import", Self.fixture, "--from", "jrnl-json"] + Self.maps)
    expectSuccess(result)
    #expect(result.stdout == "Imported 4 entries from '\(Self.fixture)'.\n")

    let entries = try imported(journal)
    try #require(entries.count == Self.expected.count, "\(entries)")
    for (entry, expected) in zip(entries, Self.expected) {
      #expect(entry.date == expected.0)
      #expect(entry.text == expected.1)
      #expect(entry.marks == expected.2, "\(entry.date)")
      #expect(entry.starred == expected.3, "\(entry.date)")
      #expect(entry.energy == nil, "jrnl has no energy")
      #expect(!entry.isPrivate)
    }
    #expect(try journal.entries().count == 5, "the entry already there stays")
    #expect(try journal.tags().map(\.name) == tagsBefore, "mapped tags create nothing")

    // `list --format json` shows a tag without a feeling as `"mark": "logged"` (decoded into
    // `marks` above); `--tag` finds it, and the marks count per tag.
    let mentoring = try journal.entries(["--tag", "mentoring"])
    #expect(mentoring.map(\.date) == ["2026-11-05"])
    #expect(mentoring.first?.tags.contains(MarkRecord(name: "mentoring", mark: "logged")) == true)
    let counts = Dictionary(uniqueKeysWithValues: try journal.tags().map { ($0.name, $0.counts) })
    #expect(counts["coaching"] == [2, 0])
    #expect(counts["delivery"] == [0, 2])
    #expect(counts["deep-work"] == [2, 0])
    #expect(counts["architecture"] == [1, 0], "logged marks are neither energized nor drained")
    // Full-text search finds the decoded non-ASCII title.
    #expect(try journal.entries(["--search", "Überblick"]).map(\.date) == ["2026-11-02"])
  }

  @Test("an unmapped unknown tag stops the import, lists every such tag, and writes nothing")
  func unmappedTagRefused() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("Already here", ["-e", "deep-work", "--date", "2026-11-01"])
    let before = try journal.snapshot()

    let partial = try journal.run(
      ["import", Self.fixture, "--from", "jrnl-json", "--map", "1on1=+coaching"])
    expectRefused(
      partial, status: 65,
      mentioning: ["'deepwork'", "'meetings'", "'reading'", "--map", "--create-tags"])
    #expect(!partial.stderr.contains("'1on1'"), "a mapped tag is not unknown")
    #expect(!partial.stderr.contains("'mentoring'"), "a tag the journal has is not unknown")
    #expect(Interchange.lines(partial.stderr).count == 1)
    #expect(try journal.snapshot() == before, "a refused import wrote to the journal")

    let unmapped = try journal.run(["import", Self.fixture, "--from", "jrnl-json"])
    expectRefused(
      unmapped, status: 65, mentioning: ["'1on1'", "'deepwork'", "'meetings'", "'reading'"])
    #expect(try journal.snapshot() == before)
    #expect(try journal.entries().map(\.text) == ["Already here"])
  }

  @Test("--create-tags creates unknown tags as neutral and logs them without a mark")
  func createTags() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let result = try journal.run(
      ["import", Self.fixture, "--from", "jrnl-json", "--create-tags", "--map", "1on1=+coaching"])
    expectSuccess(result)
    #expect(result.stdout.hasPrefix("Imported 4 entries from '\(Self.fixture)'; created tags: "))
    for name in ["deepwork", "meetings", "reading"] {
      #expect(result.stdout.contains(name), "\(result.stdout)")
    }

    let tags = try journal.tags()
    for name in ["deepwork", "meetings", "reading"] {
      let tag = try #require(tags.first { $0.name == name }, "\(name) was not created")
      #expect(tag.track == "neutral")
      #expect(tag.counts == [0, 0])
    }
    #expect(!tags.contains { $0.name == "1on1" }, "a mapped tag is not created")
    let entries = try imported(journal)
    #expect(
      entries.map(\.marks) == [
        ["coaching:energized", "meetings:logged"],
        ["deepwork:logged", "reading:logged"],
        ["deepwork:logged"],
        ["coaching:energized", "meetings:logged", "mentoring:logged"],
      ])
  }

  @Test("re-importing the jrnl file adds nothing; --dry-run writes nothing")
  func reimport() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("Already here", ["--date", "2026-11-01"])
    let empty = try journal.snapshot()

    let dryRun = try journal.run(
      ["import", Self.fixture, "--from", "jrnl-json", "--dry-run"] + Self.maps)
    expectSuccess(dryRun)
    #expect(
      dryRun.stdout
        == "Dry run: would import 4 entries from '\(Self.fixture)'. Nothing was written.\n")
    #expect(try journal.snapshot() == empty)

    let first = try journal.run(["import", Self.fixture, "--from", "jrnl-json"] + Self.maps)
    expectSuccess(first)
    let before = try Interchange.output(journal, ["export"])
    let second = try journal.run(["import", Self.fixture, "--from", "jrnl-json"] + Self.maps)
    expectSuccess(second)
    #expect(
      second.stdout == "Imported 0 entries from '\(Self.fixture)' (4 already present, skipped).\n")
    #expect(
      try Interchange.output(journal, ["export"]) == before, "a re-import changed the journal")
    #expect(try journal.entries().count == 5)
    #expect(try journal.sqlite("SELECT count(*) FROM entry") == "5")
  }
}
