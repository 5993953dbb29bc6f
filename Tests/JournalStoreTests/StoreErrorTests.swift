import JournalCore
import Testing

@testable import JournalStore

@Suite("StoreError")
struct StoreErrorTests {
  static let examples: [StoreError] = [
    .sqlite(code: 19, message: "CHECK constraint failed: energy BETWEEN -2 AND 2", sql: "SELECT 1"),
    .sqlite(code: 5, message: "database is locked", sql: nil),
    .sqlite(
      code: 1, message: "no such table: entry",
      sql: "SELECT id\n  FROM entry\n  WHERE day = ?\n"
        + String(repeating: "  AND 1 = 1\n", count: 20)),
    .notAJournal(path: "/tmp/notes.txt"),
    .newerSchema(path: "/tmp/journal.sqlite", found: 3, supported: 2),
    .cannotOpen(path: "/tmp/journal.sqlite", reason: "permission denied"),
    .journalNotFound(path: "/tmp/journal.sqlite"),
    .readOnly(path: "/tmp/journal.sqlite"),
    .unknownEntry(id: 12),
    .deletedEntry(id: 12),
    .notDeleted(id: 12),
    .unknownTag(name: "coachng", suggestion: "coaching"),
    .unknownTag(name: "zzzzzz", suggestion: nil),
    .tagExists(name: "coaching"),
    .corrupt(table: "entry", column: "day"),
    .undatedEntries(
      path: "/tmp/journal.sqlite", count: 2,
      examples: ["entry 2 ('2026-02-30')", "entry 5 ('1899-12-31')"]),
    .undatedEntries(path: "/tmp/journal.sqlite", count: 1, examples: ["entry 7 ('2026-13-45')"]),
    .undatedEntries(
      path: "/tmp/journal.sqlite", count: 9,
      examples: (1...5).map { "entry \($0) ('2026-02-30')" }),
  ]

  /// `text` without its single-quoted parts (paths, names, SQL), which may hold any characters.
  static func unquoted(_ text: String) -> String {
    var result = ""
    var inQuote = false
    for character in text {
      if character == "'" {
        inQuote.toggle()
      } else if !inQuote {
        result.append(character)
      }
    }
    return result
  }

  @Test(
    "each description is one sentence on one line, ending with a full stop", arguments: examples)
  func oneSentence(_ error: StoreError) {
    let text = error.description
    #expect(text.last == ".", "'\(text)'")
    #expect(!text.hasSuffix(".."), "'\(text)'")
    #expect(!text.contains("\n"), "'\(text)'")
    #expect(text.first?.isUppercase == true || text.first == "'", "'\(text)'")
    // No sentence ends before the last character: no '.', '?' or '!' followed by a space,
    // outside the quoted names and paths.
    let plain = Array(Self.unquoted(text))
    let breaks = zip(plain, plain.dropFirst()).filter { ".?!".contains($0) && $1 == " " }
    #expect(breaks.isEmpty, "more than one sentence: '\(text)'")
  }

  @Test("descriptions name what they are about")
  func descriptionsCarryTheirSubject() {
    #expect(StoreError.unknownEntry(id: 12).description.contains("12"))
    #expect(StoreError.notAJournal(path: "/tmp/notes.txt").description.contains("/tmp/notes.txt"))
    #expect(
      StoreError.newerSchema(path: "/j", found: 3, supported: 2).description.contains("3"))
    let unknown = StoreError.unknownTag(name: "coachng", suggestion: "coaching").description
    #expect(unknown.contains("'coachng'"))
    #expect(unknown.contains("'coaching'"))
    #expect(unknown.contains("journal tags add coachng"))
    #expect(!StoreError.unknownTag(name: "zz", suggestion: nil).description.contains("mean"))
  }

  @Test("a long or multi-line statement is flattened and cut in the description")
  func sqlAbbreviated() {
    let sql = "SELECT id\n  FROM entry\n" + String(repeating: "  AND 1 = 1\n", count: 20)
    let text = StoreError.sqlite(code: 1, message: "boom", sql: sql).description
    #expect(text.hasPrefix("SQLite error 1: boom while executing 'SELECT id FROM entry AND 1 = 1"))
    #expect(text.hasSuffix("...'."))
    #expect(!text.contains("\n"))
    #expect(
      StoreError.sqlite(code: 5, message: "database is locked", sql: nil).description
        == "SQLite error 5: database is locked.")
  }

  @Test("a real SQLite failure reports the statement but never the values bound to it")
  func sqliteErrorHidesBoundValues() throws {
    try withJournal { (journal, _) throws in
      let today = try day("2026-11-20")
      let secret = "my secret plan to quit in March"
      let addError = thrownError {
        try journal.addEntry(NewEntry(day: today, text: secret, energy: 7))
      }
      let id = try journal.addEntry(NewEntry(day: today, text: "Fine")).id
      let editError = thrownError {
        try journal.updateEntry(id: id, EntryChanges(text: secret, energy: .some(-9)))
      }
      for error in [addError, editError] {
        guard case .sqlite(let code, let message, let sql)? = error else {
          Issue.record("expected a SQLite error, got \(String(describing: error))")
          continue
        }
        #expect(code & 0xFF == 19)
        #expect(message.contains("CHECK constraint failed"))
        let description = try #require(error).description
        #expect(!description.contains("secret"))
        #expect(!description.contains("-9"))
        #expect(sql?.contains("secret") == false)
        #expect(description.hasSuffix("."))
      }
    }
  }
}
