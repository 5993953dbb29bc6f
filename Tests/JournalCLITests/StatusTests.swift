import Foundation
import TestSupport
import Testing

@Suite("journal status")
struct StatusTests {
  /// Today (pinned) is Friday 2026-11-20. This week: Mon, Tue, Thu and today (4 of 5); the
  /// week before: all five days and a Saturday; two weeks back: Mon and Tue. The longest run:
  /// Mon 9 to Tue 17, across the weekend, 7 workdays.
  static func regularJournal() throws -> TestJournal {
    let journal = try TestJournal()
    for day in [
      "2026-11-02", "2026-11-03", "2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12",
      "2026-11-13", "2026-11-14", "2026-11-16", "2026-11-17", "2026-11-19", "2026-11-20",
    ] {
      try journal.add("worked", ["--date", day])
    }
    return journal
  }

  @Test("the text line counts this week, the four before, the last entry and the longest run")
  func text() throws {
    let journal = try Self.regularJournal()
    defer { journal.remove() }

    let result = try journal.run(["status"])

    expectSuccess(result)
    #expect(
      result.stdout
        == "This week 4/5 workdays · last 4 weeks 5 2 0 0 · last entry today · longest run 7 workdays\n"
    )
  }

  @Test("--format json has the documented fields")
  func json() throws {
    let journal = try Self.regularJournal()
    defer { journal.remove() }

    let result = try journal.run(["status", "--format", "json"])

    expectSuccess(result)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(
      Set(object.keys) == [
        "today", "this_week", "previous_weeks", "last_entry", "days_since_last_entry",
        "missed_workdays", "longest_run",
      ])
    #expect(object["today"] as? String == "2026-11-20")
    let week = try #require(object["this_week"] as? [String: Any])
    #expect(week["week"] as? String == "2026-W47")
    #expect(week["start"] as? String == "2026-11-16")
    #expect(week["logged"] as? Int == 4)
    #expect(week["workdays"] as? Int == 5)
    let previous = try #require(object["previous_weeks"] as? [[String: Any]])
    #expect(previous.map { $0["logged"] as? Int } == [5, 2, 0, 0])
    #expect(
      previous.map { $0["start"] as? String } == [
        "2026-11-09", "2026-11-02", "2026-10-26", "2026-10-19",
      ])
    #expect(object["last_entry"] as? String == "2026-11-20")
    #expect(object["days_since_last_entry"] as? Int == 0)
    #expect(object["missed_workdays"] as? Int == 0)
    #expect(object["longest_run"] as? Int == 7)
  }

  @Test("--prompt prints this week's count")
  func prompt() throws {
    let journal = try Self.regularJournal()
    defer { journal.remove() }

    let result = try journal.run(["status", "--prompt"])

    expectSuccess(result)
    #expect(result.stdout == "✎4/5\n")
  }

  @Test("a gap: the last entry ten days ago, and the prompt says so")
  func gap() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("worked", ["--date", "2026-11-09"])
    try journal.add("worked", ["--date", "2026-11-10"])

    let text = try journal.run(["status"])
    let prompt = try journal.run(["status", "--prompt"])
    let json = try journal.run(["status", "--format", "json"])

    expectSuccess(text)
    #expect(
      text.stdout
        == "This week 0/5 workdays · last 4 weeks 2 0 0 0 · last entry 10 days ago · longest run 2 workdays\n"
    )
    expectSuccess(prompt)
    #expect(prompt.stdout == "journal: 10d\n")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["missed_workdays"] as? Int == 7)  // Wed 11 to Fri 13, Mon 16 to Thu 19
  }

  @Test("after a weekend alone the prompt does not nag")
  func mondayPrompt() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("worked")  // Friday

    let result = try journal.run(
      ["status", "--prompt"], environment: ["JOURNAL_TODAY": "2026-11-23"])

    expectSuccess(result)
    #expect(result.stdout == "✎0/1\n")
  }

  @Test("no journal: status exits 66, status --prompt prints nothing and succeeds")
  func noJournal() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let status = try journal.run(["status"])
    let prompt = try journal.run(["status", "--prompt"])

    #expect(status.status == 66)
    #expect(status.stdout.isEmpty)
    #expect(prompt.status == 0)
    #expect(prompt.stdout.isEmpty && prompt.stderr.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: journal.path))
  }

  @Test("--prompt never fails: a file that is not a journal, or a bad JOURNAL_TODAY")
  func promptNeverFails() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Data("not a database".utf8).write(to: URL(fileURLWithPath: journal.path))

    let broken = try journal.run(["status", "--prompt"])
    let badToday = try journal.run(["status", "--prompt"], environment: ["JOURNAL_TODAY": "nope"])

    #expect(broken.status == 0 && broken.stdout.isEmpty && broken.stderr.isEmpty)
    #expect(badToday.status == 0 && badToday.stdout.isEmpty && badToday.stderr.isEmpty)
  }

  @Test("deleted entries log no day")
  func deletedEntries() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("worked", ["--date", "2026-11-19"])
    let today = try journal.add("worked")
    expectSuccess(try journal.run(["delete", String(today), "--yes"]))

    let result = try journal.run(["status"])

    expectSuccess(result)
    #expect(
      result.stdout
        == "This week 1/5 workdays · last 4 weeks 0 0 0 0 · last entry yesterday · longest run 1 workday\n"
    )
  }
}
