import JournalCore
import Testing

@Suite("DateExpression")
struct DateExpressionTests {
  @Test(
    "parses the accepted forms",
    arguments: [
      ("today", DateExpression.daysAgo(0)),
      ("yesterday", .daysAgo(1)),
      ("Monday", .lastWeekday(1)),
      ("mon", .lastWeekday(1)),
      ("TUESDAY", .lastWeekday(2)),
      ("wed", .lastWeekday(3)),
      ("thu", .lastWeekday(4)),
      ("friday", .lastWeekday(5)),
      ("sat", .lastWeekday(6)),
      ("sunday", .lastWeekday(7)),
      ("-3d", .daysAgo(3)),
      ("-0d", .daysAgo(0)),
      ("-36500d", .daysAgo(36_500)),
      ("  Today\n", .daysAgo(0)),
    ])
  func parses(_ text: String, _ expected: DateExpression) {
    #expect(DateExpression(text) == expected)
  }

  @Test("parses an ISO date as an absolute day")
  func parsesAbsolute() throws {
    #expect(DateExpression("2026-11-20") == .absolute(try day("2026-11-20")))
  }

  @Test(
    "rejects anything else",
    arguments: [
      "tomorrow", "-d", "-3", "3d", "-99999999999d", "2026-02-30", "", "   ", "-36501d", "- 3d",
      "+3d", "-+3d", "--3d", "-3dd", "-\u{663}d", "mo", "tues", "mondays", "2026-1-1",
    ])
  func rejects(_ text: String) {
    #expect(DateExpression(text) == nil)
  }

  @Test("case and surrounding spaces are ignored for -Nd")
  func uppercaseDaysAgo() {
    #expect(DateExpression("-3D ") == .daysAgo(3))
  }

  @Test(
    "resolves against today = 2026-11-20, a Friday; a weekday name never means today",
    arguments: [
      ("friday", "2026-11-13"), ("thursday", "2026-11-19"), ("monday", "2026-11-16"),
      ("saturday", "2026-11-14"), ("sunday", "2026-11-15"), ("tue", "2026-11-17"),
      ("wed", "2026-11-18"), ("-3d", "2026-11-17"), ("-0d", "2026-11-20"),
      ("today", "2026-11-20"), ("yesterday", "2026-11-19"), ("-30d", "2026-10-21"),
      ("2025-02-28", "2025-02-28"),
    ])
  func resolves(_ text: String, _ expected: String) throws {
    let today = try day("2026-11-20")
    let expression = try #require(DateExpression(text))
    #expect(expression.resolve(today: today)?.iso == expected)
  }

  @Test("resolution crosses month and year boundaries")
  func resolvesAcrossYears() throws {
    let today = try day("2027-01-01")  // A Friday.
    #expect(try #require(DateExpression("-1d")).resolve(today: today)?.iso == "2026-12-31")
    #expect(try #require(DateExpression("monday")).resolve(today: today)?.iso == "2026-12-28")
    #expect(try #require(DateExpression("friday")).resolve(today: today)?.iso == "2026-12-25")
    #expect(try #require(DateExpression("saturday")).resolve(today: today)?.iso == "2026-12-26")
  }
}
