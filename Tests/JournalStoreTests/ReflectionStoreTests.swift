import JournalCore
import Testing

@testable import JournalStore

/// Issue 15: reflections keep their "how to choose" answers as codes in `reflectionAnswer`.
@Suite struct ReflectionStoreTests {
  private func answers(_ pairs: [(ReflectionQuestion, String)]) -> [ReflectionAnswer] {
    pairs.compactMap { ReflectionAnswer($0, $1) }
  }

  @Test func answersAreStoredAndReadBackInTheQuestionsOrder() throws {
    try withJournal { journal, _ in
      _ = try journal.addReflection(
        day: try day("2026-09-01"), fiveYears: "later", motives: [], note: "",
        answers: answers([(.scale, "people"), (.coding, "unsure")]))
      _ = try journal.addReflection(
        day: try day("2026-03-02"), fiveYears: "first", motives: [.fear], note: "",
        answers: answers([(.coding, "yes")]))
      let latest = try #require(try journal.latestReflection(onOrBefore: try day("2026-12-31")))
      #expect(latest.fiveYears == "later")
      #expect(latest.answers.map(\.question) == [.coding, .scale])
      #expect(latest.answers.map(\.choice.code) == ["unsure", "people"])
      let all = try journal.reflections()
      #expect(all.map(\.fiveYears) == ["first", "later"], "oldest day first")
      #expect(all[0].answer(.coding)?.choice.lean == .ic)
      #expect(try journal.reflectionRecords().map(\.reflection.answers.count) == [2, 1])
    }
  }

  @Test func theSchemaKeepsCodesAndCascades() throws {
    try withJournal { journal, _ in
      let reflection = try journal.addReflection(
        day: try day("2026-11-20"), fiveYears: "", motives: [], note: "",
        answers: answers([(.coding, "yes")]))
      // Codes only: lowercase kebab-case; wording never fits.
      for bad in ["Yes", "a sentence with spaces", ""] {
        #expect(throws: StoreError.self) {
          try journal.db.execute(
            "INSERT INTO reflectionAnswer VALUES (\(reflection.id), 'scale', '\(bad)')")
        }
      }
      // One answer per question.
      #expect(throws: StoreError.self) {
        try journal.db.execute(
          "INSERT INTO reflectionAnswer VALUES (\(reflection.id), 'coding', 'no')")
      }
      // A well-formed code this version does not know is refused on reading, not dropped.
      try journal.db.execute(
        "INSERT INTO reflectionAnswer VALUES (\(reflection.id), 'scale', 'maybe')")
      #expect(throws: StoreError.corrupt(table: "reflectionAnswer", column: "answer")) {
        try journal.reflections()
      }
      try journal.db.execute("DELETE FROM reflection")
      #expect(try journal.db.integer("SELECT count(*) FROM reflectionAnswer") == 0)
      #expect(try journal.unknownSchemaObjects().isEmpty, "the tamper check knows the table")
    }
  }
}
