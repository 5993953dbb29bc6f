import Foundation
import JournalCore
import JournalIO
import TestSupport
import Testing

@testable import JournalInterchange
@testable import JournalStore

/// The streaming writer (issue 16) against the `Entry`-based writers it replaced in export and
/// `list`: for each row of a journal of seeded random entries, ``EntryStream`` must write the
/// bytes that ``EntryJSON``, ``CSV/entryRow(_:)`` and the Markdown heading give for the same
/// entry read through ``EntryCursor``.
@Suite("EntryStream: the bytes of EntryJSON, CSV.entryRow and the Markdown export")
struct EntryStreamTests {
  static let tagNames = [
    "deep-work", "delivery", "coaching", "mentoring", "conflict-resolution", "architecture",
  ]

  /// A journal of `count` random entries (random days, texts, energies, marks, flags, some
  /// deleted), given to `body`.
  static func withRandomJournal(
    seed: UInt64, count: Int, _ body: (Journal) throws -> Void
  ) throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let journal = try Journal.open(at: folder.file("journal.sqlite"), access: .write)
    var generator = SeededRandom(seed: seed)
    var entries: [NewEntry] = []
    for _ in 0..<count {
      var marks: [TagMark] = []
      for name in tagNames.shuffled(using: &generator).prefix(
        Int.random(in: 0...4, using: &generator))
      {
        let mark = [Mark.energized, .drained, .logged][Int.random(in: 0..<3, using: &generator)]
        marks.append(TagMark(name: name, mark: mark))
      }
      let day = try #require(Day(iso: "2024-01-01")).adding(
        days: Int.random(in: 0...1_000, using: &generator))
      entries.append(
        NewEntry(
          day: day, text: "text " + ByteWriterTests.randomString(&generator),
          energy: Bool.random(using: &generator) ? Int.random(in: -2...2, using: &generator) : nil,
          tags: marks, isStarred: Bool.random(using: &generator),
          isPrivate: Bool.random(using: &generator)))
    }
    try journal.addEntries(entries)
    try journal.db.execute(
      """
      UPDATE entry SET deletedAt = '2026-11-20T19:00:00Z' WHERE id % 7 = 3;
      UPDATE entry SET updatedAt = 'a, "b"' WHERE id % 11 = 5;
      """)
    try body(journal)
  }

  /// What `write` puts into a stream, as text.
  static func streamed(_ write: (inout EntryStream) throws -> Void) throws -> String {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = folder.file("out")
    let sink = BufferedOutput(file: try AtomicFile.create(at: path, replacing: false))
    var stream = EntryStream(to: sink)
    try write(&stream)
    try stream.flush()
    try sink.finish()
    return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
  }

  static let seeds: [UInt64] = [1, 7, 20_261_130]

  @Test("export's JSON and CSV rows, row by row, on random entries", arguments: seeds)
  func exportRows(seed: UInt64) throws {
    try Self.withRandomJournal(seed: seed, count: 300) { journal in
      for includeDeleted in [true, false] {
        var entries = try journal.storedEntries(includeDeleted: includeDeleted)
        let rows = try journal.entryRows(includeDeleted: includeDeleted)
        var count = 0
        while let entry = try entries.next() {
          #expect(try rows.next())
          let json = try Self.streamed { try $0.appendExportedJSON(rows) }
          #expect(json == EntryJSON.exported(entry).rendered(indent: nil), "entry \(entry.id)")
          let csv = try Self.streamed { try $0.appendExportedCSV(rows) }
          let logged = entry.tags.filter { $0.mark == .logged }.map(\.name).joined(separator: ";")
          #expect(csv == CSV.entryRow(entry) + "," + CSV.row([logged, entry.uuid]))
          count += 1
        }
        #expect(try !rows.next())
        #expect(count > 200)
      }
    }
  }

  @Test("list's JSON and CSV rows, newest first, on random entries", arguments: seeds)
  func listRows(seed: UInt64) throws {
    try Self.withRandomJournal(seed: seed, count: 300) { journal in
      for filter in [EntryFilter(), EntryFilter(tags: ["coaching"], limit: 40)] {
        var entries = try journal.entries(filter)
        let rows = try journal.entryRows(filter)
        while let entry = try entries.next() {
          #expect(try rows.next())
          let json = try Self.streamed { try $0.appendListedJSON(rows) }
          #expect(json == EntryJSON.listed(entry).rendered(indent: nil, encoderCompatible: true))
          let csv = try Self.streamed { try $0.appendCSV(rows) }
          #expect(csv == CSV.entryRow(entry))
        }
        #expect(try !rows.next())
      }
    }
  }

  @Test("a mark this version cannot read is the error EntryCursor gives, at the same row")
  func corruptMark() throws {
    try Self.withRandomJournal(seed: 3, count: 60) { journal in
      // A name with ':' splits into three parts: a row that carries it cannot be read.
      try journal.db.execute("UPDATE tag SET name = 'odd:name' WHERE name = 'coaching'")
      var entries = try journal.storedEntries()
      let rows = try journal.entryRows()
      var read = 0
      while true {
        let entry = Result { () throws(StoreError) in try entries.next() }
        let row = Result { () throws(StoreError) in try rows.next() }
        switch (entry, row) {
        case (.success(let entry?), .success(true)):
          #expect(entry.id == rows.id)
          read += 1
          continue
        case (.failure(let expected), .failure(let error)):
          #expect(expected == .corrupt(table: "entryTag", column: "mark"))
          #expect(error == expected)
          #expect(try !rows.next())
        default:
          Issue.record("after \(read) rows: \(entry) but \(row)")
        }
        break
      }
    }
  }

  @Test("tag names that are not ASCII come out as EntryCursor reads them, sorted the same")
  func unicodeTagNames() throws {
    try Self.withRandomJournal(seed: 4, count: 60) { journal in
      try journal.db.execute(
        """
        UPDATE tag SET name = 'e\u{301}lan' WHERE name = 'coaching';
        UPDATE tag SET name = 'éclair' WHERE name = 'delivery';
        UPDATE tag SET name = CAST(x'ff' AS TEXT) || 'x' WHERE name = 'mentoring';
        """)
      var entries = try journal.storedEntries()
      let rows = try journal.entryRows()
      while let entry = try entries.next() {
        #expect(try rows.next())
        let json = try Self.streamed { try $0.appendExportedJSON(rows) }
        #expect(json == EntryJSON.exported(entry).rendered(indent: nil), "entry \(entry.id)")
      }
    }
  }

  @Test("rows keep their connection: they can be read after the journal that made them is gone")
  func outlivesJournal() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = folder.file("journal.sqlite")
    do {
      let journal = try Journal.open(at: path, access: .write)
      _ = try journal.addEntry(NewEntry(day: try #require(Day(iso: "2026-11-20")), text: "one"))
      _ = try journal.addEntry(NewEntry(day: try #require(Day(iso: "2026-11-21")), text: "two"))
    }
    let rows = try Journal.open(at: path, access: .read).entryRows(EntryFilter())
    var texts: [String] = []
    while try rows.next() {
      texts.append(rows.withBytes(.text) { String(decoding: $0, as: UTF8.self) })
    }
    #expect(texts == ["two", "one"])
  }
}
