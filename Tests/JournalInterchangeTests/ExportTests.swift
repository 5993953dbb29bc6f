import Foundation
import JournalCore
import JournalIO
import TestSupport
import Testing

@testable import JournalInterchange
@testable import JournalStore

/// `JournalExport` into a `BufferedOutput` on a temporary file, from a journal seeded through the
/// store API. The CSV and Markdown must equal the files the end-to-end export test compares
/// with (`Tests/Fixtures/interchange/expected-export.{csv,md}`); the JSON has its own golden.
@Suite("JournalExport: JSON, CSV and Markdown into a BufferedOutput")
struct ExportTests {
  /// The day `iso`.
  static func day(_ iso: String) throws -> Day {
    try #require(Day(iso: iso), "'\(iso)' should be a valid day")
  }

  /// The journal of `ExportImportTests.seedSmall`, built through the store: the same ids, days,
  /// texts and marks, then fixed timestamps and uuids so that the output is stable. An
  /// experiment and a reflection are added for the JSON.
  static func withSeededJournal(_ body: (Journal, TemporaryDirectory) throws -> Void) throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let journal = try Journal.open(at: folder.file("journal.sqlite"), access: .write)
    func add(
      _ text: String, _ date: String, energy: Int? = nil, _ tags: [TagMark] = [],
      starred: Bool = false, isPrivate: Bool = false
    ) throws -> Int64 {
      try journal.addEntry(
        NewEntry(
          day: try day(date), text: text, energy: energy, tags: tags, isStarred: starred,
          isPrivate: isPrivate)
      ).id
    }
    _ = try add("Quiet day, mostly reading", "2026-11-10")
    _ = try add(
      "Paired on the storage engine; found the race", "2026-11-02", energy: 2,
      [TagMark(name: "deep-work", mark: .energized), TagMark(name: "delivery", mark: .drained)])
    _ = try add(
      "Ran the \"team health\" retro, then two 1:1s.\nSecond line, still fine.", "2026-11-04",
      [TagMark(name: "coaching", mark: .energized)], starred: true)
    _ = try add(
      "Private: mediated between two seniors", "2026-11-12", energy: -1,
      [
        TagMark(name: "mentoring", mark: .energized),
        TagMark(name: "conflict-resolution", mark: .drained),
      ], isPrivate: true)
    _ = try add(
      "Café — Überblick über die Architektur", "2026-11-18", energy: 0,
      [TagMark(name: "architecture", mark: .energized)])
    let deleted = try add("Deleted before the export", "2026-11-11")
    try journal.deleteEntry(id: deleted)
    _ = try add(
      "Walked a new hire through the codebase.\nSome @mentoring, without noting how it felt.",
      "2026-11-09", [TagMark(name: "mentoring", mark: .logged)])
    let experiment = try journal.startExperiment(
      title: "Mentor \"two\" hires, <fast>", track: .management,
      hypothesis: "Coaching\tdrains less\nwhen chosen", start: try day("2026-11-16"), weeks: 4)
    _ = try journal.endExperiment(id: experiment.id, on: try day("2026-11-20"), outcome: "Kept it")
    _ = try journal.addReflection(
      day: try day("2026-11-20"), fiveYears: "storage \\ databases \u{1}",
      motives: [.fear, .growth],
      note: "")
    try journal.db.execute(
      """
      UPDATE entry SET createdAt = '2026-11-20T17:00:00Z', updatedAt = '2026-11-20T17:30:00Z',
        uuid = printf('00000000-0000-4000-8000-%012d', id);
      UPDATE entry SET deletedAt = '2026-11-20T18:00:00Z' WHERE deletedAt IS NOT NULL;
      UPDATE tag SET createdAt = '2026-11-01T09:00:00Z';
      UPDATE experiment SET createdAt = '2026-11-16T09:00:00Z', updatedAt = '2026-11-20T09:00:00Z',
        uuid = printf('00000000-0000-4000-9000-%012d', id);
      UPDATE reflection SET createdAt = '2026-11-20T21:00:00Z',
        uuid = printf('00000000-0000-4000-a000-%012d', id);
      """)
    try body(journal, folder)
  }

  /// What `write` puts into a sink on a new file.
  static func exported(
    _ folder: TemporaryDirectory, _ write: (BufferedOutput) throws -> Void
  ) throws -> String {
    let path = folder.file("export-\(UUID().uuidString)")
    let sink = BufferedOutput(file: try AtomicFile.create(at: path, replacing: false))
    try write(sink)
    try sink.finish()
    return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
  }

  @Test("CSV equals Tests/Fixtures/interchange/expected-export.csv")
  func csv() throws {
    try Self.withSeededJournal { journal, folder in
      let csv = try Self.exported(folder) {
        try JournalExport.csv(journal, since: nil, until: nil, to: $0)
      }
      try Golden.check(csv, fixture: "interchange/expected-export.csv")
    }
  }

  @Test("Markdown equals Tests/Fixtures/interchange/expected-export.md")
  func markdown() throws {
    try Self.withSeededJournal { journal, folder in
      let markdown = try Self.exported(folder) {
        try JournalExport.markdown(journal, since: nil, until: nil, to: $0)
      }
      try Golden.check(markdown, fixture: "interchange/expected-export.md")
    }
  }

  @Test("JSON matches its golden file")
  func json() throws {
    try Self.withSeededJournal { journal, folder in
      let json = try Self.exported(folder) {
        try JournalExport.json(journal, since: nil, until: nil, to: $0)
      }
      try Golden.check(json, "export/export.json")
    }
  }

  @Test("JSON parses back: format, version, the deleted entry, every record")
  func jsonParsesBack() throws {
    try Self.withSeededJournal { journal, folder in
      let json = try Self.exported(folder) {
        try JournalExport.json(journal, since: nil, until: nil, to: $0)
      }
      let node = try parseJSON(json)
      #expect(node["format"]?.string == "career-journal")
      #expect(node["version"]?.int == 1)
      #expect(node["tags"]?.array?.count == 6)
      let entries = try #require(node["entries"]?.array)
      #expect(entries.count == 7)
      #expect(entries.filter { !($0["deleted_at"]?.isNull ?? true) }.count == 1)
      #expect(node["experiments"]?.array?.first?["title"]?.string == "Mentor \"two\" hires, <fast>")
      #expect(
        node["reflections"]?.array?.first?["five_years"]?.string == "storage \\ databases \u{1}")
    }
  }

  @Test("since and until select the days in between, in all three formats")
  func window() throws {
    try Self.withSeededJournal { journal, folder in
      let since = try Self.day("2026-11-09")
      let until = try Self.day("2026-11-12")
      let csv = try Self.exported(folder) {
        try JournalExport.csv(journal, since: since, until: until, to: $0)
      }
      let records = try readCSV(csv)
      #expect(records.first == JournalExport.csvHeader)
      #expect(records.dropFirst().map { $0[0] } == ["7", "1", "4"])
      let markdown = try Self.exported(folder) {
        try JournalExport.markdown(journal, since: since, until: until, to: $0)
      }
      #expect(markdown.hasPrefix("# Career journal\n\n## 2026-W46 (2026-11-09 to 2026-11-15)\n"))
      #expect(!markdown.contains("2026-W45"))
      let json = try parseJSON(
        try Self.exported(folder) {
          try JournalExport.json(journal, since: since, until: until, to: $0)
        })
      // The deleted entry of 2026-11-11 is exported too; the experiment starts after the window.
      #expect(json["entries"]?.array?.compactMap { $0["id"]?.int }.sorted() == [1, 4, 6, 7])
      #expect(json["experiments"]?.array == [])
      #expect(json["reflections"]?.array == [])
    }
  }

  @Test("an empty journal exports a header, a title, and empty lists")
  func empty() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let journal = try Journal.open(at: folder.file("journal.sqlite"), access: .write)
    let csv = try Self.exported(folder) {
      try JournalExport.csv(journal, since: nil, until: nil, to: $0)
    }
    #expect(csv == CSV.row(JournalExport.csvHeader) + "\n")
    let markdown = try Self.exported(folder) {
      try JournalExport.markdown(journal, since: nil, until: nil, to: $0)
    }
    #expect(markdown == "# Career journal\n")
    let json = try parseJSON(
      try Self.exported(folder) { try JournalExport.json(journal, since: nil, until: nil, to: $0) })
    #expect(json["entries"]?.array == [])
  }

  @Test("a file on a path that cannot be created fails with the path")
  func unwritable() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = folder.file("missing-folder/export.json")
    #expect {
      _ = try AtomicFile.create(at: path, replacing: false)
    } throws: { error in
      guard let error = error as? IOError else { return false }
      return error.path == path && error.errno == .noSuchFileOrDirectory
    }
  }
}
