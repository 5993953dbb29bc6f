import JournalCore
import TestSupport
import Testing

@testable import JournalStore

@Suite("Corrupt rows")
struct CorruptRowTests {
  /// A value this version cannot read, written past the schema's checks with raw SQL, and a
  /// read that meets it.
  struct Case: CustomStringConvertible, Sendable {
    let description: String
    let sql: String
    let expected: StoreError
    let read: @Sendable (Journal) throws -> Void
  }

  static let cases: [Case] = [
    Case(
      description: "an entry's day 'garbage', read by id",
      sql: "UPDATE entry SET day = 'garbage' WHERE id = 1",
      expected: .corrupt(table: "entry", column: "day"),
      read: { _ = try $0.entry(id: 1) }),
    Case(
      description: "an entry's day 'garbage', listed",
      sql: "UPDATE entry SET day = 'garbage' WHERE id = 1",
      expected: .corrupt(table: "entry", column: "day"),
      read: { _ = try $0.ids() }),
    Case(
      description: "an entry's day 376200 (3000-01-01, after the years a journal takes), exported",
      sql: "UPDATE entry SET day = 376200 WHERE id = 1",
      expected: .corrupt(table: "entry", column: "day"),
      read: {
        var entries = try $0.storedEntries()
        _ = try entries.next()
      }),
    Case(
      description: "an entry's day 20000.5, not a whole day, read by id",
      sql: "UPDATE entry SET day = 20000.5 WHERE id = 1",
      expected: .corrupt(table: "entry", column: "day"),
      read: { _ = try $0.entry(id: 1) }),
    Case(
      description: "an entry's day '2026-13-45', exported",
      sql: "UPDATE entry SET day = '2026-13-45' WHERE id = 1",
      expected: .corrupt(table: "entry", column: "day"),
      read: {
        var entries = try $0.storedEntries()
        _ = try entries.next()
      }),
    Case(
      description: "a mark 7",
      sql: "UPDATE entryTag SET mark = 7 WHERE entryId = 2",
      expected: .corrupt(table: "entryTag", column: "mark"),
      read: { _ = try $0.entry(id: 2) }),
    Case(
      description: "a tag's track 'x', listed",
      sql: "UPDATE tag SET track = 'x' WHERE name = 'coaching'",
      expected: .corrupt(table: "tag", column: "track"),
      read: { _ = try $0.tags() }),
    Case(
      description: "a tag's track 'x', exported",
      sql: "UPDATE tag SET track = 'x' WHERE name = 'coaching'",
      expected: .corrupt(table: "tag", column: "track"),
      read: { _ = try $0.tagRecords() }),
    Case(
      description: "a tag's track 'x', in the weekly counts",
      sql: "UPDATE tag SET track = 'x' WHERE name = 'coaching'",
      expected: .corrupt(table: "tag", column: "track"),
      read: { _ = try $0.weeklyTagCounts(in: WeekWindow(weeks: 1, endingWith: week("2026-11-16"))) }
    ),
    Case(
      description: "an experiment's start 'garbage'",
      sql: "UPDATE experiment SET startDay = 'garbage'",
      expected: .corrupt(table: "experiment", column: "startDay"),
      read: { _ = try $0.experiments() }),
    Case(
      description: "an experiment's track 'x'",
      sql: "UPDATE experiment SET track = 'x'",
      expected: .corrupt(table: "experiment", column: "track"),
      read: { _ = try $0.experimentRecords() }),
    Case(
      description: "a reflection's motive 'fame'",
      sql: "UPDATE reflection SET motives = 'status,fame'",
      expected: .corrupt(table: "reflection", column: "motives"),
      read: { _ = try $0.reflectionRecords() }),
    Case(
      description: "a reflection's day 'garbage'",
      sql: "UPDATE reflection SET day = 'garbage'",
      expected: .corrupt(table: "reflection", column: "day"),
      read: { _ = try $0.reflectionRecords() }),
  ]

  static func week(_ iso: String) throws -> ISOWeek {
    ISOWeek(containing: try day(iso))
  }

  @Test(
    "a value this version cannot read is a corrupt-row error, never a default", arguments: cases)
  func corruptRow(_ example: Case) throws {
    try withJournal { (journal, _) throws in
      let today = try day("2026-11-18")
      _ = try journal.addEntry(
        NewEntry(day: try day("2026-11-16"), text: "Paired on the cache bug"))
      _ = try journal.addEntry(
        NewEntry(day: today, text: "Design review", tags: [energized("coaching")]))
      _ = try journal.startExperiment(
        title: "Lead the migration", track: .management, hypothesis: "It energizes me",
        start: today, weeks: 4)
      _ = try journal.addReflection(
        day: today, fiveYears: "Staff engineer", motives: [.status], note: "")
      try journal.db.execute("PRAGMA ignore_check_constraints = ON")
      try journal.db.execute(example.sql)
      #expect(thrownError { try example.read(journal) } == example.expected)
    }
  }

  @Test("a cursor that met a corrupt row is done: the next call returns nil")
  func cursorEndsAtCorruptRow() throws {
    try withJournal { (journal, _) throws in
      _ = try journal.addEntry(
        NewEntry(day: try day("2026-11-16"), text: "Paired on the cache bug"))
      _ = try journal.addEntry(NewEntry(day: try day("2026-11-17"), text: "Design review"))
      try journal.db.execute("PRAGMA ignore_check_constraints = ON")
      try journal.db.execute("UPDATE entry SET day = 'garbage' WHERE id = 1")
      var entries = try journal.storedEntries()
      #expect(thrownError { try entries.next() } == .corrupt(table: "entry", column: "day"))
      #expect(try entries.next() == nil)
    }
  }

  @Test("a cursor keeps reading after the Journal that made it is gone")
  func cursorOutlivesJournal() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = folder.file("journal.sqlite")
    do {
      let journal = try Journal.open(at: path, access: .write)
      _ = try journal.addEntry(NewEntry(day: try day("2026-11-16"), text: "One"))
      _ = try journal.addEntry(NewEntry(day: try day("2026-11-17"), text: "Two"))
    }
    var entries = try Journal.open(at: path, access: .read).entries(EntryFilter())
    #expect(try entries.next()?.text == "Two")
    #expect(try entries.next()?.text == "One")
    #expect(try entries.next() == nil)
  }

  @Test("the corrupt-row error names the table and column in one sentence")
  func description() {
    let text = StoreError.corrupt(table: "entry", column: "day").description
    #expect(text.hasPrefix("The journal's entry.day holds a value this version cannot read;"))
    #expect(text.contains("'journal doctor'"))
  }
}
