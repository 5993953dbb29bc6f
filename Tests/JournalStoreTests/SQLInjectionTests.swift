import JournalCore
import Testing

@testable import JournalStore

@Suite("Parameterised SQL")
struct SQLInjectionTests {
  static let hostile = [
    "'); DROP TABLE entry; --",
    "\"); DROP TABLE tag; --",
    "x' OR '1'='1",
    "1; DELETE FROM entry",
  ]

  @Test("hostile text is stored verbatim and every table survives", arguments: hostile)
  func hostileText(_ text: String) throws {
    try withJournal { (journal, _) throws in
      let today = try day("2026-11-20")
      let kept = try journal.addEntry(NewEntry(day: today, text: "Keep me"))
      let entry = try journal.addEntry(
        NewEntry(day: today, text: text, tags: [energized("coaching")]))
      #expect(entry.text == text)
      #expect(try journal.entry(id: entry.id).text == text)
      _ = try journal.ids(EntryFilter(search: text))
      let edited = try journal.updateEntry(id: entry.id, EntryChanges(text: text + " again"))
      #expect(edited.text == text + " again")
      #expect(throws: StoreError.unknownTag(name: text, suggestion: nil)) {
        try journal.ids(EntryFilter(tags: [text]))
      }
      for table in ["entry", "tag", "entryTag", "entryText"] {
        #expect(try journal.db.hasObject(table), "\(table) is gone")
      }
      #expect(try journal.ids() == [entry.id, kept.id])
      #expect(try journal.tags().count == 6)
      #expect(try journal.entry(id: kept.id).text == "Keep me")
    }
  }

  @Test("a hostile tag name is refused, a hostile description kept, the tables survive")
  func hostileTagName() throws {
    try withJournal { (journal, _) throws in
      let name = "x'); DROP TABLE tag; --"
      #expect(throws: StoreError.invalidTagName(name)) {
        try journal.addTag(name: name, track: .neutral, description: "")
      }
      try journal.addTag(name: "x", track: .neutral, description: "'); DROP TABLE entry; --")
      #expect(try journal.tag("x")?.description == "'); DROP TABLE entry; --")
      try journal.setTrack(of: "x", to: .ic)
      #expect(try journal.tag("x")?.track == .ic)
      #expect(try journal.tags().count == 7)
      #expect(try journal.db.hasObject("entry"))
      #expect(try journal.db.hasObject("tag"))
    }
  }
}
