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
      ("last monday", .lastWeekday(1)),
      ("Last  Fri", .lastWeekday(5)),
      ("3d", .daysAgo(3)),
      ("-2w", .daysAgo(14)),
      ("2w", .daysAgo(14)),
      ("-5214w", .daysAgo(36_498)),
      ("3 days ago", .daysAgo(3)),
      ("1 day ago", .daysAgo(1)),
      ("2 weeks ago", .daysAgo(14)),
      ("a week ago", .daysAgo(7)),
      ("nov 20", .monthDay(month: 11, day: 20)),
      ("20 November", .monthDay(month: 11, day: 20)),
      ("Sept 3", .monthDay(month: 9, day: 3)),
      ("feb 29", .monthDay(month: 2, day: 29)),
      ("may 05", .monthDay(month: 5, day: 5)),
    ])
  func parses(_ text: String, _ expected: DateExpression) {
    #expect(DateExpression(text) == expected)
  }

  @Test(
    "parses ISO dates with or without leading zeros, and a month and day with a year",
    arguments: [
      ("2026-11-20", "2026-11-20"), ("2026-11-5", "2026-11-05"), ("2026-1-05", "2026-01-05"),
      ("2024-2-29", "2024-02-29"), ("nov 20 2026", "2026-11-20"), ("Nov 20, 2026", "2026-11-20"),
      ("20 nov 2025", "2025-11-20"), ("feb 29 2024", "2024-02-29"),
    ])
  func parsesAbsolute(_ text: String, _ expected: String) throws {
    #expect(DateExpression(text) == .absolute(try day(expected)))
  }

  @Test(
    "rejects anything else",
    arguments: [
      "tomorrow", "-d", "-3", "-99999999999d", "2026-02-30", "", "   ", "-36501d", "- 3d",
      "+3d", "-+3d", "--3d", "-3dd", "-\u{663}d", "mo", "tues", "mondays", "2026-001-01",
      "26-11-20", "2026-11-", "-5215w", "3 months ago", "3 days later", "next monday",
      "last", "last month", "nov", "nov 31", "feb 30", "31 apr", "nov 20 26", "nov 20,2026",
      "feb 29 2025", "nov 2026", "20 20", "11/20/2026", "20.11.2026", "2026/11/20",
      "yesterday at 6pm", "nov 123", "1000000 days ago", "- 3 days ago", "ages ago",
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

  @Test(
    "a month and day without a year is the latest such day up to today (2026-11-20)",
    arguments: [
      ("nov 20", "2026-11-20"), ("nov 21", "2025-11-21"), ("jan 1", "2026-01-01"),
      ("dec 31", "2025-12-31"), ("feb 29", "2024-02-29"), ("19 nov", "2026-11-19"),
    ])
  func resolvesMonthDay(_ text: String, _ expected: String) throws {
    let today = try day("2026-11-20")
    #expect(try #require(DateExpression(text)).resolve(today: today)?.iso == expected)
  }

  @Test("a leap day may be eight years back, and never before 1900")
  func leapDayFarBack() throws {
    let leap = try #require(DateExpression("feb 29"))
    #expect(leap.resolve(today: try day("2103-02-28"))?.iso == "2096-02-29")
    #expect(leap.resolve(today: try day("1903-06-01")) == nil, "1900 was not a leap year")
    #expect(try #require(DateExpression("dec 31")).resolve(today: try day("1900-12-30")) == nil)
  }

  @Test(
    "refused forms get a hint toward what was meant",
    arguments: [
      ("11/20/2026", "write it 2026-11-20 (YYYY-MM-DD)"),
      ("20.11.2026", "write it 2026-11-20 (YYYY-MM-DD)"),
      ("5/11/2026", "write it 2026-05-11 (month first) or 2026-11-05 (day first), as YYYY-MM-DD"),
      ("5/5/2026", "write it 2026-05-05 (YYYY-MM-DD)"),
      ("2026/11/20", "write it 2026-11-20 (YYYY-MM-DD)"),
      ("11/20/26", "write the year in full, as YYYY-MM-DD"),
      ("yesterday at 6pm", "a journal files entries by day, not by time of day; use 'yesterday'"),
      (
        "Last Monday at noon",
        "a journal files entries by day, not by time of day; use 'last monday'"
      ),
      ("last", "a date of several words needs quotes, as in --date 'last monday' or 'nov 20'"),
      ("nov", "a date of several words needs quotes, as in --date 'last monday' or 'nov 20'"),
      ("20", "a date of several words needs quotes, as in --date 'last monday' or 'nov 20'"),
    ])
  func hints(_ text: String, _ expected: String) {
    #expect(DateExpression(text) == nil)
    #expect(DateExpression.hint(for: text) == expected)
  }

  @Test(
    "no hint where there is no better advice",
    arguments: ["tomorrow", "13/13/2026", "32", "x at 6pm"])
  func noHint(_ text: String) {
    #expect(DateExpression.hint(for: text) == nil)
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
