import JournalCore
import Testing

@Suite("WeekWindow")
struct WeekWindowTests {
  @Test("twelve weeks ending with the week of a Sunday: the Monday 77 days before to that Sunday")
  func weeksEndingWith() throws {
    let window = WeekWindow(weeks: 12, endingWith: ISOWeek(containing: try day("2026-11-22")))
    #expect(window.firstDay == (try day("2026-08-31")))
    #expect(window.lastDay == (try day("2026-11-22")))
    #expect(window.count == 12)
    #expect(window.description == "2026-W36 to 2026-W47")
  }

  @Test("a count below one is one week")
  func atLeastOneWeek() throws {
    let week = ISOWeek(containing: try day("2026-11-18"))
    #expect(WeekWindow(weeks: 0, endingWith: week) == WeekWindow(first: week, last: week))
    #expect(WeekWindow(weeks: 1, endingWith: week).count == 1)
  }

  @Test("a last week before the first is no window; the ends are included")
  func ordered() throws {
    let first = ISOWeek(containing: try day("2026-11-16"))
    let last = ISOWeek(containing: try day("2026-11-30"))
    #expect(WeekWindow(first: last, last: first) == nil)
    let window = try #require(WeekWindow(first: first, last: last))
    #expect(window.contains(first) && window.contains(last))
    #expect(!window.contains(last.adding(weeks: 1)) && !window.contains(first.adding(weeks: -1)))
  }
}
