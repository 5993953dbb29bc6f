import JournalCore
import Testing

@testable import JournalStore

/// Whatever a person types after `list --search` is words to find, never FTS5 syntax: each
/// word is quoted on Unicode scalars, so no operator, column filter or hidden quote survives.
@Suite("Search terms are quoted")
struct SearchQuotingTests {
  static let operators = [
    "OR", "a\"b", "\"\u{301}", "-x", "col:x", "NEAR(a b)", "text:secret", "a*", "^start",
    "\u{600}\"", "AND NOT", "(", "\"",
  ]

  @Test("an operator-looking search runs without a syntax error", arguments: operators)
  func operatorSearch(_ search: String) throws {
    try withJournal { (journal, _) throws in
      let today = try day("2026-11-20")
      _ = try journal.addEntry(NewEntry(day: today, text: "plain words only"))
      let literal = try journal.addEntry(NewEntry(day: today, text: "literally \(search) here"))
      let found = try journal.ids(EntryFilter(search: search))
      #expect(!found.contains(where: { $0 != literal.id }))
    }
  }

  @Test("OR matches the word, not either side")
  func orIsAWord() throws {
    try withJournal { (journal, _) throws in
      let today = try day("2026-11-20")
      let apple = try journal.addEntry(NewEntry(day: today, text: "apple"))
      let both = try journal.addEntry(NewEntry(day: today, text: "apple or pear"))
      _ = try journal.addEntry(NewEntry(day: today, text: "pear"))
      #expect(try journal.ids(EntryFilter(search: "apple OR pear")) == [both.id])
      #expect(try journal.ids(EntryFilter(search: "apple")).sorted() == [apple.id, both.id])
    }
  }

  @Test("each word is one quoted string, its quotes doubled per Unicode scalar, then a prefix mark")
  func quoting() {
    #expect(Journal.ftsQuery("OR") == "\"OR\"*")
    #expect(Journal.ftsQuery("a\"b  -x") == "\"a\"\"b\"* \"-x\"*")
    #expect(Journal.ftsQuery("\"\u{301}") == "\"\"\"\u{301}\"*")
    #expect(Journal.ftsQuery("NEAR(a b)") == "\"NEAR(a\"* \"b)\"*")
  }

  @Test("a word matches the start of a word of the text, in any case, never its middle")
  func prefixes() throws {
    try withJournal { (journal, _) throws in
      let today = try day("2026-11-20")
      let aisha = try journal.addEntry(NewEntry(day: today, text: "1:1 with Aisha about the café"))
      let raisa = try journal.addEntry(NewEntry(day: today, text: "Raisa's review"))
      #expect(try journal.ids(EntryFilter(search: "aish")) == [aisha.id])
      #expect(try journal.ids(EntryFilter(search: "AISHA caf")) == [aisha.id])
      #expect(try journal.ids(EntryFilter(search: "ais")) == [aisha.id])  // not "Raisa"
      #expect(try journal.ids(EntryFilter(search: "rai")) == [raisa.id])
      #expect(try journal.ids(EntryFilter(search: "aishaa")) == [])
      #expect(try journal.ids(EntryFilter(search: "aish* OR rai")) == [])
    }
  }
}
