import Foundation
import TestSupport
import Testing

/// Files, fixtures and seeded journals shared by the export, import, backup, doctor and
/// completion tests.
enum Interchange {
  /// The package root: three levels above this file (`Tests/JournalCLITests/…`).
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// A file under `Tests/Fixtures/interchange/`.
  static func fixture(_ name: String) -> String {
    packageRoot.appendingPathComponent("Tests/Fixtures/interchange").appendingPathComponent(name)
      .path
  }

  /// The bytes of a file that must exist.
  static func data(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> Data
  {
    try #require(
      FileManager.default.contents(atPath: path), "no file at \(path)",
      sourceLocation: sourceLocation)
  }

  /// The text of a file that must exist.
  static func text(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> String
  {
    String(decoding: try data(path, sourceLocation: sourceLocation), as: UTF8.self)
  }

  /// Writes `text` to `path`, replacing it.
  static func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  /// The permission bits of a file, such as `0o600`.
  static func mode(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> Int
  {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    let permissions = try #require(
      attributes[.posixPermissions] as? Int, "no permissions for \(path)",
      sourceLocation: sourceLocation)
    return permissions & 0o777
  }

  /// Runs `journal ARGUMENTS` on `journal`, requires exit 0 with a silent stderr, and returns
  /// stdout.
  static func output(
    _ journal: TestJournal, _ arguments: [String], stdin: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let result = try journal.run(arguments, stdin: stdin)
    try #require(
      result.status == 0, "journal \(arguments.joined(separator: " ")) failed: \(result.stderr)",
      sourceLocation: sourceLocation)
    #expect(result.stderr.isEmpty, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    return result.stdout
  }

  /// The lines of `text`, without the empty one after a final line break.
  static func lines(_ text: String) -> [String] {
    var lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// The multi-line, non-ASCII text of one entry of ``seedEveryField(_:)``.
  static let multiLineText =
    "Café retro — Überblick\nZweite Zeile: naïve ✓ and a \"quote\"\n\tthen a tab"

  /// A jrnl export of one entry tagged with a known tag and no map: its mark is `logged`.
  static let loggedOnlyJrnl = """
    {
      "tags": {
        "@mentoring": 1
      },
      "entries": [
        {
          "title": "Walked a new hire through the codebase.",
          "body": "Some @mentoring, without noting how it felt.",
          "date": "2026-11-09",
          "time": "10:00",
          "tags": [
            "@mentoring"
          ],
          "starred": false
        }
      ]
    }
    """

  /// A journal that uses every field: a custom tag with a description, a built-in moved to
  /// another track and one renamed; entries with and without energy, energized, drained and
  /// logged marks, starred, private, deleted, multi-line non-ASCII text; an ended experiment
  /// with a hypothesis and an outcome, a running one; a reflection with motives.
  ///
  /// Entries (id: day): 1: 11-02, 2: 11-03, 3: 11-04, 4: 11-05, 5: 11-06 (deleted),
  /// 6: 11-09 (imported from jrnl, mentoring logged).
  static func seedEveryField(_ journal: TestJournal) throws {
    _ = try output(
      journal,
      [
        "tags", "add", "design-review", "--track", "both", "--description",
        "Reviewing other teams' designs — \"cross-team\"",
      ])
    _ = try output(journal, ["tags", "set-track", "mentoring", "ic"])
    _ = try output(journal, ["tags", "rename", "conflict-resolution", "conflict"])
    try journal.add(
      "Paired on the storage engine",
      ["-e", "deep-work", "-d", "delivery", "--energy", "2", "--date", "2026-11-02"])
    try journal.add(
      "Design review; no energy given",
      ["-e", "design-review", "-e", "architecture", "--date", "2026-11-03"])
    let added = try output(
      journal,
      [
        "add", "-e", "mentoring", "-d", "coaching", "--energy", "1", "--star", "--date",
        "2026-11-04",
      ], stdin: multiLineText + "\n")
    #expect(added.hasPrefix("Added entry 3:"))
    try journal.add(
      "Private: a conflict between two seniors",
      ["-d", "conflict", "--private", "--energy", "-2", "--date", "2026-11-05"])
    let deleted = try journal.add(
      "Deleted later", ["-e", "deep-work", "--energy", "-1", "--date", "2026-11-06"])
    _ = try output(journal, ["delete", String(deleted), "--yes"])
    let jrnl = journal.directory.file("logged-only-jrnl.json")
    try write(loggedOnlyJrnl, to: jrnl)
    _ = try output(journal, ["import", jrnl, "--from", "jrnl-json"])
    _ = try output(
      journal,
      [
        "experiment", "start", "Own the storage redesign", "--track", "ic", "--weeks", "2",
        "--date", "2026-11-02", "--hypothesis", "Deep work energizes me more than delivery",
      ])
    _ = try output(
      journal,
      ["experiment", "end", "1", "--outcome", "It did: every week +0.8", "--date", "2026-11-16"])
    _ = try output(
      journal,
      [
        "experiment", "start", "Mentor two new hires", "--track", "management", "--weeks", "4",
        "--date", "2026-11-16", "--hypothesis", "Coaching energizes me",
      ])
    _ = try output(
      journal,
      [
        "reflect", "--five-years", "The person who knows how our storage fails", "--motive",
        "growth", "--motive", "status", "--note", "Ask Priya about the staff path",
        "--date", "2026-11-13", "--coding", "yes", "--scale", "people",
      ])
    _ = try output(journal, ["role", "start", "senior-ic", "--date", "2026-10-05"])
    _ = try output(journal, ["role", "start", "Tech-Lead", "--date", "2026-11-16"])
  }

  /// A small journal for the CSV and Markdown expected files: built-in tags only (so a CSV
  /// import into a new journal can hold it), entries added out of day order over three ISO
  /// weeks, a comma, quotes, a multi-line text, a starred and a private entry, a logged mark
  /// and a deleted entry (which CSV and Markdown leave out).
  ///
  /// `created_at`, `updated_at` and `uuid` differ on every run, so they are set to fixed
  /// values with the `sqlite3` shell afterwards (nothing is normalised in the comparison).
  static func seedSmall(_ journal: TestJournal) throws {
    try journal.add("Quiet day, mostly reading", ["--date", "2026-11-10"])
    try journal.add(
      "Paired on the storage engine; found the race",
      ["-e", "deep-work", "-d", "delivery", "--energy", "2", "--date", "2026-11-02"])
    _ = try output(
      journal, ["add", "-e", "coaching", "--star", "--date", "2026-11-04"],
      stdin: "Ran the \"team health\" retro, then two 1:1s.\nSecond line, still fine.\n")
    try journal.add(
      "Private: mediated between two seniors",
      [
        "-e", "mentoring", "-d", "conflict-resolution", "--private", "--energy", "-1",
        "--date", "2026-11-12",
      ])
    try journal.add(
      "Café — Überblick über die Architektur",
      ["-e", "architecture", "--energy", "0", "--date", "2026-11-18"])
    let deleted = try journal.add("Deleted before the export", ["--date", "2026-11-11"])
    _ = try output(journal, ["delete", String(deleted), "--yes"])
    let jrnl = journal.directory.file("logged-only-jrnl.json")
    try write(loggedOnlyJrnl, to: jrnl)
    _ = try output(journal, ["import", jrnl, "--from", "jrnl-json"])
    _ = try journal.sqlite(
      """
      UPDATE entry SET createdAt = '2026-11-20T17:00:00Z', updatedAt = '2026-11-20T17:30:00Z',
        uuid = printf('00000000-0000-4000-8000-%012d', id)
      """)
  }
}

/// An entry without its id and timestamps, for comparing journals that hold the same entries.
struct EntryContent: Equatable, CustomStringConvertible {
  let uuid: String
  let date: String
  let text: String
  let energy: Int?
  let marks: [String]
  let starred: Bool
  let isPrivate: Bool

  init(_ record: EntryRecord) {
    uuid = record.uuid
    date = record.date
    text = record.text
    energy = record.energy
    marks = record.marks
    starred = record.starred
    isPrivate = record.isPrivate
  }

  var description: String {
    "\(date) \(uuid) \(energy.map(String.init) ?? "-") \(marks) \(starred) \(isPrivate) \(text.debugDescription)"
  }
}

@Suite("journal export and journal import (career-journal JSON, CSV)")
struct ExportImportTests {
  /// The `entries` array of a career-journal JSON export.
  private func exportedEntries(_ json: String) throws -> [[String: Any]] {
    let object = try ReportSeed.object(json)
    return try #require(object["entries"] as? [[String: Any]], "no entries array")
  }

  @Test("JSON export of a journal that uses every field carries all of it")
  func jsonCarriesEveryField() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Interchange.seedEveryField(journal)

    let json = try Interchange.output(journal, ["export"])
    let object = try ReportSeed.object(json)
    #expect(object["format"] as? String == "career-journal")
    #expect(object["version"] as? Int == 1)

    let tags = try #require(object["tags"] as? [[String: Any]])
    #expect(
      tags.compactMap { $0["name"] as? String } == [
        "architecture", "coaching", "conflict", "deep-work", "delivery", "design-review",
        "mentoring",
      ])
    let design = try #require(tags.first { $0["name"] as? String == "design-review" })
    #expect(design["track"] as? String == "both")
    #expect(design["description"] as? String == "Reviewing other teams' designs — \"cross-team\"")
    let mentoring = try #require(tags.first { $0["name"] as? String == "mentoring" })
    #expect(mentoring["track"] as? String == "ic", "set-track is exported")

    let entries = try exportedEntries(json)
    #expect(entries.compactMap { $0["id"] as? Int } == [1, 2, 3, 4, 5, 6])
    #expect(
      entries.compactMap { $0["date"] as? String } == [
        "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06", "2026-11-09",
      ])
    #expect(entries[0]["energy"] as? Int == 2)
    #expect(entries[1]["energy"] is NSNull, "no energy is null")
    #expect(entries[2]["text"] as? String == Interchange.multiLineText)
    #expect(entries[2]["starred"] as? Bool == true)
    #expect(entries[3]["private"] as? Bool == true)
    #expect(entries[3]["deleted_at"] is NSNull)
    #expect(entries[4]["text"] as? String == "Deleted later")
    #expect(entries[4]["deleted_at"] is String, "the deleted entry is exported with its date")
    let marks = entries.map { entry in
      ((entry["tags"] as? [[String: Any]]) ?? []).map {
        "\($0["name"] as? String ?? "?"):\($0["mark"] as? String ?? "?")"
      }.sorted()
    }
    #expect(
      marks == [
        ["deep-work:energized", "delivery:drained"],
        ["architecture:energized", "design-review:energized"],
        ["coaching:drained", "mentoring:energized"],
        ["conflict:drained"],
        ["deep-work:energized"],
        ["mentoring:logged"],
      ])
    for entry in entries {
      #expect(entry["uuid"] is String)
      #expect(entry["created_at"] is String)
      #expect(entry["updated_at"] is String)
    }

    let experiments = try #require(object["experiments"] as? [[String: Any]])
    #expect(experiments.count == 2)
    #expect(experiments[0]["title"] as? String == "Own the storage redesign")
    #expect(experiments[0]["track"] as? String == "ic")
    #expect(experiments[0]["hypothesis"] as? String == "Deep work energizes me more than delivery")
    #expect(experiments[0]["start"] as? String == "2026-11-02")
    #expect(experiments[0]["planned_weeks"] as? Int == 2)
    #expect(experiments[0]["end"] as? String == "2026-11-16")
    #expect(experiments[0]["outcome"] as? String == "It did: every week +0.8")
    #expect(experiments[1]["end"] is NSNull)
    #expect(experiments[1]["outcome"] is NSNull)

    let reflections = try #require(object["reflections"] as? [[String: Any]])
    #expect(reflections.count == 1)
    #expect(reflections[0]["date"] as? String == "2026-11-13")
    #expect(reflections[0]["five_years"] as? String == "The person who knows how our storage fails")
    #expect(reflections[0]["motives"] as? [String] == ["growth", "status"])
    #expect(reflections[0]["note"] as? String == "Ask Priya about the staff path")
    #expect(
      reflections[0]["answers"] as? [String: String] == ["coding": "yes", "scale": "people"])
    let roles = try #require(object["roles"] as? [[String: Any]])
    #expect(roles.map { $0["name"] as? String } == ["senior-ic", "tech-lead"])
    #expect(roles.map { $0["track"] as? String } == ["ic", "both"])
    #expect(roles.map { $0["start"] as? String } == ["2026-10-05", "2026-11-16"])
    #expect(roles.allSatisfy { ($0["uuid"] as? String)?.count == 32 })
  }

  @Test("roles travel with the export; a role on a day another role starts is refused, unchanged")
  func rolesRoundTripAndClash() throws {
    let source = try TestJournal()
    defer { source.remove() }
    try Interchange.seedEveryField(source)
    let file = source.directory.file("export.json")
    try Interchange.write(try Interchange.output(source, ["export"]), to: file)

    // Into a journal with roles of its own on other days: both sets kept, by start day.
    let other = try TestJournal()
    defer { other.remove() }
    _ = try Interchange.output(other, ["role", "start", "manager", "--date", "2026-06-01"])
    _ = try Interchange.output(other, ["import", file])
    #expect(
      try other.sqlite("SELECT group_concat(name || '@' || startDay) FROM role ORDER BY startDay")
        == "manager@2026-06-01,senior-ic@2026-10-05,tech-lead@2026-11-16")
    // A second import adds no role twice (same uuids).
    let again = try Interchange.output(other, ["import", file])
    #expect(!again.contains("role"), "\(again)")

    // A different role already on 2026-11-16: the whole import is refused.
    let clash = try TestJournal()
    defer { clash.remove() }
    _ = try Interchange.output(clash, ["role", "start", "staff", "--date", "2026-11-16"])
    let before = try clash.snapshot()
    let refused = try clash.run(["import", file])
    expectRefused(refused, status: 65, mentioning: ["starts on 2026-11-16 already"])
    #expect(try clash.snapshot() == before)
  }

  @Test("export, import into a new journal, export again: byte-identical JSON")
  func jsonRoundTrip() throws {
    let source = try TestJournal()
    defer { source.remove() }
    try Interchange.seedEveryField(source)
    let first = try Interchange.output(source, ["export", "--format", "json"])
    let file = source.directory.file("export.json")
    try Interchange.write(first, to: file)

    let copy = try TestJournal()
    defer { copy.remove() }
    let imported = try Interchange.output(copy, ["import", file])
    #expect(
      imported.hasPrefix(
        "Imported 6 entries, 2 experiments, 2 roles, 1 reflection from '\(file)'"),
      "\(imported)")
    let second = try Interchange.output(copy, ["export", "--format", "json"])
    #expect(second == first, "the round trip changed the JSON")
    #expect(Data(second.utf8) == (try Interchange.data(file)))

    // The database itself agrees, independently of the exporter.
    #expect(try copy.tags() == source.tags())
    #expect(try copy.entries() == source.entries())
    #expect(
      try copy.sqlite("SELECT id, text FROM entry WHERE deletedAt IS NOT NULL") == "5|Deleted later"
    )
    #expect(
      try copy.sqlite("SELECT name FROM tag WHERE name LIKE 'conflict%'") == "conflict",
      "the renamed built-in stays renamed")
    #expect(
      try copy.sqlite("SELECT title, hypothesis, endDay, outcome FROM experiment ORDER BY id")
        == source.sqlite("SELECT title, hypothesis, endDay, outcome FROM experiment ORDER BY id"))
    #expect(
      try copy.sqlite("SELECT day, fiveYears, motives, note FROM reflection")
        == "2026-11-13|The person who knows how our storage fails|growth,status|Ask Priya about the staff path"
    )
    #expect(
      try copy.sqlite(
        "SELECT question, answer FROM reflectionAnswer ORDER BY question")
        == "coding|yes\nscale|people")
    let experiments = try Interchange.output(copy, ["experiment", "list", "--format", "json"])
    #expect(
      experiments == (try Interchange.output(source, ["experiment", "list", "--format", "json"])))
    // The rollup and the search index were built for the imported entries.
    let doctor = try copy.run(["doctor"])
    expectSuccess(doctor)
    let found = try copy.entries(["--search", "Überblick"])
    #expect(found.map(\.id) == [3])
  }

  @Test(
    "export --output FILE writes the file mode 0600; with --force it replaces one readable by all")
  func exportToFile() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Interchange.seedEveryField(journal)
    let expected = try Interchange.output(journal, ["export"])

    let file = journal.directory.file("out.json")
    let result = try journal.run(["export", "--output", file])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.isEmpty, "the export goes to the file, not stdout")
    #expect(result.stderr.hasPrefix("Exported the journal"), "\(result.stderr)")
    #expect(try Interchange.text(file) == expected)
    #expect(try Interchange.mode(file) == 0o600)

    let loose = journal.directory.file("loose.md")
    try Interchange.write("an old file, longer than nothing\n", to: loose)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: loose)
    // Without --force an existing file is kept (issue 12: every command alike).
    let kept = try journal.run(["export", "--format", "markdown", "--output", loose])
    #expect(kept.status == 64, "\(kept.stderr)")
    #expect(kept.stderr == "Error: '\(loose)' exists already; pass --force to replace it.\n")
    #expect(try Interchange.text(loose) == "an old file, longer than nothing\n")
    let markdown = try journal.run(
      ["export", "--format", "markdown", "--output", loose, "--force"])
    #expect(markdown.status == 0, "stderr: \(markdown.stderr)")
    #expect(try Interchange.mode(loose) == 0o600, "an existing file is made private")
    #expect(
      try Interchange.text(loose)
        == Interchange.output(journal, ["export", "--format", "markdown"]))
  }

  @Test("--since and --until choose the entries of every export format")
  func exportRange() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Interchange.seedEveryField(journal)

    let json = try Interchange.output(
      journal, ["export", "--since", "2026-11-03", "--until", "2026-11-05"])
    #expect(
      try exportedEntries(json).compactMap { $0["date"] as? String } == [
        "2026-11-03", "2026-11-04", "2026-11-05",
      ])
    let since = try Interchange.output(journal, ["export", "--since", "2026-11-06"])
    #expect(
      try exportedEntries(since).compactMap { $0["date"] as? String } == [
        "2026-11-06", "2026-11-09",
      ], "the deleted entry of 11-06 is in the lossless export")
    let until = try Interchange.output(journal, ["export", "--until", "2026-11-02"])
    #expect(try exportedEntries(until).compactMap { $0["id"] as? Int } == [1])

    let csv = try Interchange.output(
      journal, ["export", "--format", "csv", "--since", "2026-11-03", "--until", "2026-11-05"])
    let rows = try CSVReader.records(csv)
    #expect(rows.dropFirst().map { $0[1] } == ["2026-11-03", "2026-11-04", "2026-11-05"])

    let markdown = try Interchange.output(
      journal, ["export", "--format", "markdown", "--since", "2026-11-06", "--until", "today"])
    let headings = Interchange.lines(markdown).filter { $0.hasPrefix("### ") }
    #expect(headings == ["### 2026-11-09 Mon · ~mentoring"], "deleted entries are not in Markdown")

    let inverted = try journal.run(["export", "--since", "2026-11-05", "--until", "2026-11-03"])
    expectRefused(inverted, status: 65, mentioning: ["--since"])
  }

  @Test("re-importing a file adds nothing; --dry-run says what it would add and writes nothing")
  func reimportAndDryRun() throws {
    let source = try TestJournal()
    defer { source.remove() }
    try Interchange.seedEveryField(source)
    let file = source.directory.file("export.json")
    try Interchange.write(try Interchange.output(source, ["export"]), to: file)

    // Into the journal it came from: everything is already there.
    let exported = try Interchange.output(source, ["export"])
    let again = try Interchange.output(source, ["import", file])
    #expect(again == "Imported 0 entries from '\(file)' (6 already present, skipped).\n")
    #expect(
      try Interchange.output(source, ["export"]) == exported, "a re-import changed the journal")

    // Into another journal with an entry of its own.
    let target = try TestJournal()
    defer { target.remove() }
    try target.add("My own entry", ["-e", "coaching", "--date", "2026-11-19"])
    let untouched = try target.snapshot()
    let dryRun = try Interchange.output(target, ["import", file, "--dry-run"])
    #expect(
      dryRun.hasPrefix(
        "Dry run: would import 6 entries, 2 experiments, 2 roles, 1 reflection from '\(file)'"),
      "\(dryRun)")
    #expect(dryRun.hasSuffix("Nothing was written.\n"), "\(dryRun)")
    #expect(try target.snapshot() == untouched, "--dry-run wrote to the journal")
    #expect(try target.entries().count == 1)

    let real = try Interchange.output(target, ["import", file])
    #expect(real.hasPrefix("Imported 6 entries, 2 experiments, 2 roles, 1 reflection"), "\(real)")
    #expect(try target.sqlite("SELECT count(*) FROM entry") == "7")
    let imported = try Interchange.output(target, ["export"])
    let twice = try Interchange.output(target, ["import", file])
    #expect(twice == "Imported 0 entries from '\(file)' (6 already present, skipped).\n")
    #expect(try Interchange.output(target, ["export"]) == imported, "a re-import changed it")
    #expect(try target.sqlite("SELECT count(*) FROM entry") == "7")
    #expect(try target.sqlite("SELECT count(*) FROM experiment") == "2")
    #expect(try target.sqlite("SELECT count(*) FROM reflection") == "1")
    #expect(
      try target.entries().filter { $0.text == "My own entry" }.map(\.marks) == [
        ["coaching:energized"]
      ])
  }

  @Test("--dry-run into a journal that does not exist yet does not create it")
  func dryRunCreatesNothing() throws {
    let source = try TestJournal()
    defer { source.remove() }
    try Interchange.seedEveryField(source)
    let file = source.directory.file("export.json")
    try Interchange.write(try Interchange.output(source, ["export"]), to: file)

    let target = try TestJournal()
    defer { target.remove() }
    let dryRun = try target.run(["import", file, "--dry-run"])
    #expect(dryRun.status == 0, "stderr: \(dryRun.stderr)")
    #expect(dryRun.stdout.hasSuffix("Nothing was written.\n"), "\(dryRun.stdout)")
    #expect(!target.exists, "--dry-run created the journal file")
  }

  @Test("a JSON file cut in the middle is refused with exit 65 and the journal unchanged")
  func truncatedJSON() throws {
    let source = try TestJournal()
    defer { source.remove() }
    try Interchange.seedEveryField(source)
    let json = try Interchange.output(source, ["export"])
    // Cut inside the third entry's text: the first two entries are complete, so an import
    // that wrote as it read would leave them behind.
    let cut = try #require(json.range(of: "Zweite Zeile"))
    let file = source.directory.file("truncated.json")
    try Interchange.write(String(json[..<cut.lowerBound]), to: file)

    let target = try TestJournal()
    defer { target.remove() }
    try target.add("Existing entry one", ["-e", "deep-work", "--date", "2026-11-16"])
    try target.add("Existing entry two", ["-d", "delivery", "--date", "2026-11-17"])
    let before = try target.snapshot()

    let result = try target.run(["import", file])
    expectRefused(
      result, status: 65,
      mentioning: ["Cannot import '\(file)'", "unterminated string", "nothing was imported"])
    #expect(Interchange.lines(result.stderr).count == 1, "one line: \(result.stderr)")
    #expect(try target.snapshot() == before, "a failed import wrote to the journal")
    #expect(try target.entries().map(\.text) == ["Existing entry two", "Existing entry one"])
  }

  @Test("a CSV file with an unterminated quoted field is refused with exit 65, journal unchanged")
  func truncatedCSV() throws {
    let source = try TestJournal()
    defer { source.remove() }
    try Interchange.seedEveryField(source)
    let csv = try Interchange.output(source, ["export", "--format", "csv"])
    // Cut after the first line of the quoted multi-line text of the third row.
    let cut = try #require(csv.range(of: "Zweite Zeile"))
    let file = source.directory.file("truncated.csv")
    try Interchange.write(String(csv[..<cut.lowerBound]), to: file)

    let target = try TestJournal()
    defer { target.remove() }
    try target.add("Existing entry", ["-e", "deep-work", "--date", "2026-11-16"])
    // The rows before the cut use this tag: the import reaches the broken row.
    _ = try Interchange.output(target, ["tags", "add", "design-review", "--track", "both"])
    let before = try target.snapshot()

    let result = try target.run(["import", file, "--from", "csv"])
    expectRefused(
      result, status: 65,
      mentioning: ["Cannot import '\(file)'", "quoted field", "nothing was imported"])
    #expect(Interchange.lines(result.stderr).count == 1, "one line: \(result.stderr)")
    #expect(try target.snapshot() == before, "a failed import wrote to the journal")
    #expect(try target.entries().map(\.text) == ["Existing entry"])
  }

  @Test("a missing import file exits 66 and creates no journal")
  func missingFile() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let missing = journal.directory.file("no-such-export.json")
    let result = try journal.run(["import", missing])
    expectRefused(result, status: 66, mentioning: [missing])
    #expect(!journal.exists, "a failed import must not create the journal")

    try journal.add("Existing entry")
    let before = try journal.snapshot()
    for format in ["journal-json", "jrnl-json", "csv"] {
      let again = try journal.run(["import", missing, "--from", format])
      expectRefused(again, status: 66, mentioning: [missing])
    }
    #expect(try journal.snapshot() == before)
  }

  @Test("CSV and Markdown exports match the expected files; the CSV imports back")
  func csvAndMarkdownExpectedFiles() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Interchange.seedSmall(journal)

    let csv = try Interchange.output(journal, ["export", "--format", "csv"])
    #expect(csv == (try Interchange.text(Interchange.fixture("expected-export.csv"))))
    let markdown = try Interchange.output(journal, ["export", "--format", "markdown"])
    #expect(markdown == (try Interchange.text(Interchange.fixture("expected-export.md"))))

    // The CSV reproduces the live entries in a new journal.
    let file = journal.directory.file("export.csv")
    try Interchange.write(csv, to: file)
    let copy = try TestJournal()
    defer { copy.remove() }
    let imported = try Interchange.output(copy, ["import", file, "--from", "csv"])
    #expect(imported == "Imported 6 entries from '\(file)'.\n")
    #expect(try copy.entries().map(EntryContent.init) == journal.entries().map(EntryContent.init))
    #expect(try copy.sqlite("SELECT count(*) FROM entry WHERE deletedAt IS NOT NULL") == "0")
    let again = try Interchange.output(copy, ["import", file, "--from", "csv"])
    #expect(again == "Imported 0 entries from '\(file)' (6 already present, skipped).\n")
    #expect(try copy.entries().count == 6)
    #expect(try Interchange.output(copy, ["export", "--format", "csv"]) == csv)
  }
}
