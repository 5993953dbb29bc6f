import JournalCore
import TestSupport
import Testing

@testable import JournalStore

/// How the journal keeps its file small (issue 16): 8 KiB pages for a new journal, and a first
/// load packed by `VACUUM`.
@Suite("File size")
struct FileSizeTests {
  private func pageSize(_ journal: Journal) throws -> Int64? {
    try journal.db.integer("PRAGMA page_size")
  }

  @Test("a new journal has 8 KiB pages; a journal made before keeps its 4 KiB ones")
  func pageSizes() throws {
    try withJournal { (journal, _) throws in
      #expect(try pageSize(journal) == 8_192)
      #expect(try journal.db.string("PRAGMA journal_mode") == "wal")
    }
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = folder.file("journal.sqlite")
    try MigrationTests.makeJournal(at: path, version: Schema.currentVersion - 1)
    let journal = try Journal.open(at: path, access: .write)
    #expect(try journal.schemaVersion() == Schema.currentVersion)
    #expect(try pageSize(journal) == 4_096)
    #expect(try journal.db.string("PRAGMA journal_mode") == "wal")
  }

  /// 10,000 entries a day apart, oldest first, two marks each.
  private func load() throws -> [NewEntry] {
    let first = try day("2018-01-01")
    return (0..<10_000).map { index in
      NewEntry(
        day: first.adding(days: index), text: "Entry \(index): paired on the cache layer",
        energy: index % 5 - 2,
        tags: [
          TagMark(name: index % 2 == 0 ? "coaching" : "deep-work", mark: .energized),
          TagMark(name: "delivery", mark: index % 3 == 0 ? .drained : .logged),
        ])
    }
  }

  private func pages(_ journal: Journal) throws -> (used: Int64, free: Int64) {
    let count = try #require(try journal.db.integer("PRAGMA page_count"))
    let free = try #require(try journal.db.integer("PRAGMA freelist_count"))
    return (count - free, free)
  }

  @Test("a load into an empty journal is packed: fewer pages than into one with an entry")
  func firstLoadIsPacked() throws {
    let entries = try load()
    let packed = try withJournal { (journal, _) throws in
      try journal.addEntries(entries)
      #expect(try journal.entryRowCount() == 10_000)
      #expect(try journal.rollupDifferences().isEmpty)
      #expect(try journal.db.string("PRAGMA integrity_check") == "ok")
      return try pages(journal)
    }
    let unpacked = try withJournal { (journal, _) throws in
      _ = try journal.addEntry(NewEntry(day: try day("2017-12-31"), text: "Already here"))
      try journal.addEntries(entries)
      #expect(try journal.entryRowCount() == 10_001)
      return try pages(journal)
    }
    #expect(packed.free == 0)
    // Packing fills the indexes' pages (about 87% full after inserts one at a time): 271
    // against 283 pages here, 4% of the whole file, where one entry more is a few hundred
    // bytes (without the `VACUUM`, 283 against 283).
    #expect(packed.used * 100 < unpacked.used * 98, "\(packed) against \(unpacked)")
  }
}
