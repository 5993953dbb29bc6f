import JournalCore
import Testing

@testable import JournalStore

/// `Journal.reading`: the report's reads share one snapshot.
@Suite("One snapshot per report")
struct ReadSnapshotTests {
  @Test("a write committed by another connection during a read transaction is not seen in it")
  func writesDuringReadAreInvisible() throws {
    try withJournal { journal, folder in
      let monday = try day("2026-11-16")
      let week = WeekWindow(weeks: 1, endingWith: ISOWeek(containing: monday))
      _ = try journal.addEntry(NewEntry(day: monday, text: "Before", tags: []))
      let writer = try Journal.open(at: folder.file("journal.sqlite"), access: .write)
      let (inside, again) = try journal.reading { () throws(StoreError) -> (Int, Int) in
        let inside = try journal.entryCount(in: week).entries
        _ = try writer.addEntry(NewEntry(day: monday, text: "During", tags: []))
        return (inside, try journal.entryCount(in: week).entries)
      }
      #expect(inside == 1)
      #expect(again == 1, "the second read saw a write committed after the first")
      #expect(try journal.entryCount(in: week).entries == 2)
    }
  }

  @Test("a failure inside the read transaction ends it, and the journal reads on")
  func failureEndsTheTransaction() throws {
    try withJournal { journal, _ in
      let monday = try day("2026-11-16")
      let week = WeekWindow(weeks: 1, endingWith: ISOWeek(containing: monday))
      #expect(throws: StoreError.self) {
        try journal.reading { () throws(StoreError) -> Int in
          throw StoreError.journalNotFound(path: "x")
        }
      }
      _ = try journal.addEntry(NewEntry(day: monday, text: "After", tags: []))
      #expect(try journal.entryCount(in: week).entries == 1)
    }
  }
}
