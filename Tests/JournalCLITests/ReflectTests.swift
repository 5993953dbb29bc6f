import Foundation
import TestSupport
import Testing

/// Issue 15, item 1: the articles' "how to choose" questions, answered by options or on a
/// terminal, stored as codes, and shown as they moved by `reflect list`.
@Suite("journal reflect: the how-to-choose questions and reflect list")
struct ReflectTests {
  @Test("answers by option are stored as codes, whatever their case")
  func answersByOption() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let result = try journal.run([
      "reflect", "--coding", "YES", "--scale", "people", "--people-issues", "unsure",
      "--date", "2026-11-18",
    ])
    expectSuccess(result)
    #expect(result.stdout == "Recorded reflection 1 for 2026-11-18 (3 answers).\n")
    #expect(
      try journal.sqlite(
        "SELECT reflectionId, question, answer FROM reflectionAnswer ORDER BY question")
        == "1|coding|yes\n1|people-issues|unsure\n1|scale|people")
    // `reflect add` is the same command, by name.
    expectSuccess(try journal.run(["reflect", "add", "--domain", "technical"]))
    #expect(try journal.sqlite("SELECT count(*) FROM reflectionAnswer") == "4")
    // The new table is the journal's own: doctor (schema objects, foreign keys) is content.
    expectSuccess(try journal.run(["doctor"]))
  }

  @Test("an unknown answer is refused with the valid ones, and nothing is written")
  func unknownAnswers() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    expectRefusedReport(
      try journal.run(["reflect", "--coding", "maybe"]), status: 64,
      "--coding 'maybe' is not an answer to 'Do you want to code most of the time?'; use yes, "
        + "no or unsure.")
    #expect(!journal.exists, "a refused reflect creates no journal")
    expectSuccess(try journal.run(["reflect", "--note", "first"]))
    let before = try journal.snapshot()
    expectRefusedReport(
      try journal.run(["reflect", "--scale", "money", "--five-years", "x"]), status: 64,
      "use technology, people or unsure")
    expectRefusedReport(
      try journal.run(["reflect", "--decisions", "organizational"]), status: 64,
      "use technical, organisational or unsure")
    #expect(try journal.snapshot() == before)
    #expect(try journal.sqlite("SELECT count(*) FROM reflection") == "1")
  }

  @Test("import checks the answers as reflect does: unknown codes are refused by name")
  func importChecksAnswers() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let file = journal.directory.file("reflections.json")
    func write(_ answers: String) throws {
      try Data(
        ("{\"format\": \"career-journal\", \"version\": 1, \"tags\": [], \"entries\": [], "
          + "\"experiments\": [], \"reflections\": [{\"uuid\": \"r1\", \"date\": \"2026-11-01\", "
          + "\"answers\": \(answers)}]}").utf8
      ).write(to: URL(fileURLWithPath: file))
    }
    let cases = [
      (
        "{\"coding\": \"maybe\"}",
        "reflection 1 has an unknown answer 'maybe' to 'coding'; answers are yes, no or unsure"
      ),
      ("{\"mood\": \"yes\"}", "reflection 1 answers an unknown question 'mood'"),
      ("[\"yes\"]", "reflection 1 has answers that are not an object"),
    ]
    for (answers, message) in cases {
      try write(answers)
      expectRefusedReport(try journal.run(["import", file]), status: 65, message)
      #expect(!journal.exists, "a refused import creates no journal")
    }
    try write("{\"scale\": \"people\", \"coding\": \"no\"}")
    expectSuccess(try journal.run(["import", file]))
    #expect(
      try journal.sqlite("SELECT question, answer FROM reflectionAnswer ORDER BY question")
        == "coding|no\nscale|people")
  }

  @Test("reflect list shows each answer as it moved, in text and JSON")
  func listShowsTheMoves() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let empty = try journal.run(["reflect", "--note", "nothing answered"])
    expectSuccess(empty)
    _ = try journal.sqlite("DELETE FROM reflection")
    let none = try journal.run(["reflect", "list"])
    #expect(none.status == 0)
    #expect(none.stdout.isEmpty)
    #expect(none.stderr.hasPrefix("No reflections yet; record one with 'journal reflect'"))

    for arguments in [
      [
        "--five-years", "How storage fails", "--coding", "yes", "--scale", "technology",
        "--motive", "status", "--date", "2026-03-02",
      ],
      // Same answers again: a repeat is not a move.
      ["--coding", "yes", "--date", "2026-06-01"],
      [
        "--coding", "unsure", "--scale", "people", "--motive", "energy", "--note",
        "After the offsite",
        "--date", "2026-09-01",
      ],
    ] {
      expectSuccess(try journal.run(["reflect"] + arguments))
    }
    let text = try journal.run(["reflect", "list"])
    expectSuccess(text)
    #expect(
      text.stdout == """
        3 reflections, 2026-03-02 to 2026-09-01.

        In five years, what do you want to be the person in the room who knows?
          2026-03-02  How storage fails

        five-year answer's kind       not answered
        what energizes you            not answered
        code most of the time         yes [IC] (2026-03-02) → unsure (2026-09-01)
        ambiguity and people issues   not answered
        impact and decisions          not answered
        scale through                 technology [IC] (2026-03-02) → people [management] (2026-09-01)
        motives                       status (2026-03-02) → energy (2026-09-01)

        Notes
          2026-09-01  After the offsite

        """)

    let json = try ReportSeed.object(
      try journal.run(["reflect", "list", "--format", "json"]).stdout)
    let reflections = try #require(json["reflections"] as? [[String: Any]])
    #expect(
      reflections.map { $0["date"] as? String } == ["2026-03-02", "2026-06-01", "2026-09-01"])
    #expect(
      reflections[0]["answers"] as? [String: String] == ["coding": "yes", "scale": "technology"])
    #expect(reflections[0]["wrong_reasons"] as? [String] == ["status"])
    let questions = try #require(json["questions"] as? [[String: Any]])
    #expect(
      questions.map { $0["question"] as? String }
        == ["domain", "energizes", "coding", "people-issues", "decisions", "scale"])
    let coding = try #require(questions.first { $0["question"] as? String == "coding" })
    #expect(coding["text"] as? String == "Do you want to code most of the time?")
    let history = try #require(coding["history"] as? [[String: Any]])
    #expect(history.map { $0["date"] as? String } == ["2026-03-02", "2026-09-01"])
    #expect(history.map { $0["answer"] as? String } == ["yes", "unsure"])
    #expect(history[0]["lean"] as? String == "ic")
    #expect(history[1]["lean"] is NSNull)
    expectRefusedReport(
      try journal.run(["reflect", "list", "--format", "csv"]), status: 64, "text or json")
  }
}

@Suite("journal reflect on a terminal", .enabled(if: Terminal.isAvailable))
struct ReflectTerminalTests {
  @Test("it asks each question, re-asks an unknown answer or motive, and stores codes")
  func interview() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    // Five-year answer; domain 1 (technical); energizes skipped; coding 'maybe' then 'no';
    // people issues 'unsure'; decisions 9 then 2; scale skipped; motives 'money' then growth.
    let input = "Storage engines\n1\n\nmaybe\nno\nunsure\n9\n2\n\nmoney, fear\ngrowth\n"
    let result = try Terminal.run(["reflect"], on: journal, input: input)
    #expect(result.status == 0, "output: \(result.stdout)")
    #expect(result.stdout.contains("Do you want to code most of the time?"))
    #expect(result.stdout.contains("  1) yes [yes]"))
    #expect(
      result.stdout.contains("'maybe' is not an answer here; type 1 to 3 or yes, no or unsure."))
    #expect(result.stdout.contains("'9' is not an answer here"))
    #expect(result.stdout.contains("Not a motive: 'money'; use status, compensation"))
    #expect(result.stdout.contains("Recorded reflection 1 for 2026-11-20 (4 answers)."))
    #expect(
      try journal.sqlite("SELECT question, answer FROM reflectionAnswer ORDER BY question")
        == "coding|no\ndecisions|organisational\ndomain|technical\npeople-issues|unsure")
    #expect(
      try journal.sqlite("SELECT fiveYears, motives FROM reflection") == "Storage engines|growth")
  }

  @Test("input that ends mid-way cancels, says where, and records nothing")
  func endOfInputCancels() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    expectSuccess(try journal.run(["reflect", "--note", "an earlier one"]))
    let before = try journal.snapshot()

    let result = try Terminal.run(["reflect"], on: journal, input: "Storage\n1\n1\n")
    #expect(result.status == 1, "output: \(result.stdout)")
    #expect(
      result.stdout.contains(
        "Error: Cancelled: input ended at 'Do you want to code most of the time?'; nothing was "
          + "recorded."))
    #expect(try journal.snapshot() == before)

    // Nothing answered at all: cancelled too, saying so.
    let nothing = try Terminal.run(["reflect"], on: journal, input: "\n\n\n\n\n\n\n\n")
    #expect(nothing.status == 1)
    #expect(nothing.stdout.contains("Cancelled: no question was answered; nothing was recorded."))
    #expect(try journal.sqlite("SELECT count(*) FROM reflection") == "1")
  }
}
