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

  @Test("each run of letters and digits is one quoted prefix term; a word with none is empty")
  func quoting() {
    #expect(Journal.ftsQuery("OR") == "\"OR\"*")
    #expect(Journal.ftsQuery("a\"b  -x") == "\"a\"* \"b\"* \"x\"*")
    #expect(Journal.ftsQuery("\"\u{301}") == "\"\"")
    #expect(Journal.ftsQuery("NEAR(a b)") == "\"NEAR\"* \"a\"* \"b\"*")
    #expect(Journal.ftsQuery("e-mail 1:1 café") == "\"e\"* \"mail\"* \"1\"* \"1\"* \"café\"*")
    // A combining mark and an emoji split the word, as the tokenizer splits it.
    #expect(Journal.ftsQuery("ab\u{305}cd\u{1F600}e") == "\"ab\"* \"cd\"* \"e\"*")
  }

  @Test("no character a search keeps inside a part is one the linked SQLite's tokenizer splits at")
  func tokenCharactersAgreeWithSQLite() throws {
    let db = try Connection(path: ":memory:", readOnly: false, trustsSchema: true)
    try db.execute("CREATE VIRTUAL TABLE probe USING fts5 (text, detail = column)")
    // Row N holds "q", code point N, "qq": "qq" starts a word exactly when N is a separator.
    try db.execute("BEGIN")
    let insert = try db.prepare("INSERT INTO probe (rowid, text) VALUES (?, ?)")
    var kept = 0
    for value in UInt32(0x80)..<0x30000 {
      guard let scalar = Unicode.Scalar(value), Journal.isTokenCharacter(scalar) else { continue }
      kept += 1
      var text = String.UnicodeScalarView()
      text.append("q")
      text.append(scalar)
      text.append(contentsOf: "qq".unicodeScalars)
      try insert.run([.integer(Int64(value)), .text(String(text))])
    }
    try db.execute("COMMIT")
    var split: [String] = []
    try db.prepare("SELECT rowid FROM probe WHERE probe MATCH '\"qq\"*'").forEachRow {
      (row) throws(StoreError) in
      split.append(String(row.int(0), radix: 16))
    }
    #expect(kept > 100_000, "only \(kept) token characters")
    #expect(split.isEmpty, "the tokenizer splits at U+\(split.prefix(10))")
  }

  @Test("a word with separators inside matches when each part starts a word")
  func separatedWords() throws {
    try withJournal { (journal, _) throws in
      let today = try day("2026-11-20")
      let mail = try journal.addEntry(NewEntry(day: today, text: "Sent the e-mail to Priya"))
      let oneOnOne = try journal.addEntry(NewEntry(day: today, text: "1:1 with Sam"))
      _ = try journal.addEntry(NewEntry(day: today, text: "email and more"))
      #expect(try journal.ids(EntryFilter(search: "e-mail")) == [mail.id])
      #expect(try journal.ids(EntryFilter(search: "E-MAI pri")) == [mail.id])
      #expect(try journal.ids(EntryFilter(search: "1:1")) == [oneOnOne.id])
    }
  }

  @Test("no search of 2,000 random words is an SQLite error (the index cannot match phrases)")
  func randomWordsNeverFail() throws {
    let pool: [Unicode.Scalar] = [
      "a", "Z", "7", "-", ":", "'", "\"", "*", "(", ")", "^", ".", "\u{301}", "\u{200D}",
      "\u{E9}", "\u{3042}", "\u{1E900}", "\u{10D00}", "\u{1F600}", "\u{FF10}", "\u{663}",
      "\u{E000}", "\u{A0}", "\u{2028}", "_", "\u{2160}",
    ]
    var random = SeededRandom(seed: 16)
    try withJournal { (journal, _) throws in
      let today = try day("2026-11-20")
      var texts: [String] = []
      for _ in 0..<2_000 {
        var word = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 1...8, using: &random) {
          word.append(pool[Int.random(in: 0..<pool.count, using: &random)])
        }
        texts.append(String(word))
      }
      for text in texts.prefix(50) {
        _ = try journal.addEntry(NewEntry(day: today, text: "x " + text))
      }
      for text in texts {
        _ = try journal.ids(EntryFilter(search: text))
      }
      // Each stored text finds its own entry by its own words.
      for (index, text) in texts.prefix(50).enumerated()
      where text.unicodeScalars.contains(where: Journal.isTokenCharacter) {
        #expect(try journal.ids(EntryFilter(search: text)).contains(Int64(index + 1)), "\(text)")
      }
    }
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
