import JournalCore
import Testing

@Suite("ISOWeek")
struct ISOWeekTests {
  @Test(
    "the week a day belongs to: its Monday, its Sunday and its ISO name",
    arguments: [
      // A Sunday belongs to the week that started the Monday before.
      ("2026-11-22", "2026-11-16", "2026-11-22", "2026-W47"),
      ("2026-11-16", "2026-11-16", "2026-11-22", "2026-W47"),
      ("2026-11-20", "2026-11-16", "2026-11-22", "2026-W47"),
      ("2021-01-03", "2020-12-28", "2021-01-03", "2020-W53"),
      ("2024-12-30", "2024-12-30", "2025-01-05", "2025-W01"),
      ("2020-12-31", "2020-12-28", "2021-01-03", "2020-W53"),
      ("2026-01-01", "2025-12-29", "2026-01-04", "2026-W01"),
      ("2027-01-01", "2026-12-28", "2027-01-03", "2026-W53"),
      ("2021-01-04", "2021-01-04", "2021-01-10", "2021-W01"),
      ("1970-01-01", "1969-12-29", "1970-01-04", "1970-W01"),
      ("1900-01-01", "1900-01-01", "1900-01-07", "1900-W01"),
      ("2000-03-01", "2000-02-28", "2000-03-05", "2000-W09"),
    ])
  func weekContaining(_ iso: String, _ start: String, _ end: String, _ name: String) throws {
    let week = ISOWeek(containing: try day(iso))
    #expect(week.start.iso == start)
    #expect(week.start.weekday == 1)
    #expect(week.end.iso == end)
    #expect(week.description == name)
  }

  @Test("yearAndNumber splits the ISO name")
  func yearAndNumber() throws {
    let week = ISOWeek(containing: try day("2021-01-03"))
    #expect(week.yearAndNumber.year == 2020)
    #expect(week.yearAndNumber.number == 53)
  }

  @Test("every day of a week maps to the same week")
  func sameWeekForEveryDay() throws {
    let monday = try day("2026-12-28")
    let weeks = Set((0..<7).map { ISOWeek(containing: monday.adding(days: $0)) })
    #expect(weeks.count == 1)
    #expect(ISOWeek(containing: monday.adding(days: 7)) != ISOWeek(containing: monday))
  }

  @Test("adding(weeks:) crosses year boundaries, including 53-week years")
  func addingWeeks() throws {
    let w53 = ISOWeek(containing: try day("2026-12-31"))
    #expect(w53.description == "2026-W53")
    #expect(w53.adding(weeks: 1).description == "2027-W01")
    #expect(w53.adding(weeks: 1).start.iso == "2027-01-04")
    #expect(w53.adding(weeks: -1).description == "2026-W52")
    let w01 = ISOWeek(containing: try day("2024-12-30"))
    #expect(w01.adding(weeks: -1).description == "2024-W52")
    #expect(w01.adding(weeks: -1).start.iso == "2024-12-23")
    #expect(w01.adding(weeks: 0) == w01)
    let w2020 = ISOWeek(containing: try day("2020-12-31"))
    #expect(w2020.adding(weeks: 1).description == "2021-W01")
    #expect(w2020.adding(weeks: 52).description == "2021-W52")
  }

  @Test("distance(to:) counts weeks in both directions across years")
  func distance() throws {
    let w2020w53 = ISOWeek(containing: try day("2021-01-03"))
    let w2021w01 = ISOWeek(containing: try day("2021-01-04"))
    #expect(w2020w53.distance(to: w2021w01) == 1)
    #expect(w2021w01.distance(to: w2020w53) == -1)
    #expect(w2020w53.distance(to: w2020w53) == 0)
    // 2020-W01 starts 2019-12-30; 2026-W47 starts 2026-11-16: 2513 days apart.
    let first = ISOWeek(containing: try day("2019-12-30"))
    let last = ISOWeek(containing: try day("2026-11-22"))
    #expect(first.distance(to: last) == 359)
    #expect(last.distance(to: first) == -359)
    #expect(first.adding(weeks: 359) == last)
    // Before 1970 too.
    let old = ISOWeek(containing: try day("1969-12-31"))
    #expect(old.distance(to: ISOWeek(containing: try day("1970-01-05"))) == 1)
  }

  @Test("weeks order by their start")
  func ordering() throws {
    let earlier = ISOWeek(containing: try day("2020-12-31"))
    let later = ISOWeek(containing: try day("2021-01-04"))
    #expect(earlier < later)
    #expect(!(later < earlier))
  }
}
