import JournalCore
import Testing

@Suite("Day")
struct DayTests {
  @Test(
    "init(year:month:day:) rejects days that do not exist or fall outside 1900...2999",
    arguments: [
      [2026, 2, 30], [2025, 2, 29], [1900, 2, 29], [2100, 2, 29], [2026, 13, 1], [2026, 0, 1],
      [2026, 1, 0], [2026, 1, 32], [2026, 4, 31], [2026, 6, 31], [2026, 9, 31], [2026, 11, 31],
      [1899, 12, 31], [3000, 1, 1], [0, 1, 1], [-1, 1, 1], [2026, -1, 1], [2026, 1, -1],
    ])
  func rejectsInvalidComponents(_ parts: [Int]) {
    #expect(Day(year: parts[0], month: parts[1], day: parts[2]) == nil)
  }

  @Test(
    "init(year:month:day:) accepts leap days and the edges of the supported range",
    arguments: [
      [2024, 2, 29], [2000, 2, 29], [1904, 2, 29], [1900, 1, 1], [2999, 12, 31], [2026, 4, 30],
      [2026, 12, 31], [2026, 1, 31],
    ])
  func acceptsValidComponents(_ parts: [Int]) throws {
    let value = try #require(Day(year: parts[0], month: parts[1], day: parts[2]))
    #expect(ymd(value) == parts)
  }

  @Test("ordinals of known days")
  func knownOrdinals() throws {
    #expect(try day("1970-01-01").ordinal == 0)
    #expect(try day("1970-01-02").ordinal == 1)
    #expect(try day("1969-12-31").ordinal == -1)
    #expect(try day("2000-03-01").ordinal == 11_017)
    #expect(try day("1900-01-01").ordinal == -25_567)
    #expect(try day("2999-12-31").ordinal == 376_199)
    #expect(try day("2026-11-20").ordinal == 20_777)
    // The accepted days, from their first to their last (Python's datetime agrees).
    #expect(Day.supportedOrdinals == -25_567...376_199)
    #expect(Day(ordinal: Day.supportedOrdinals.lowerBound).iso == "1900-01-01")
    #expect(Day(ordinal: Day.supportedOrdinals.upperBound).iso == "2999-12-31")
  }

  @Test(
    "ISO weekday: 1 is Monday, 7 is Sunday",
    arguments: [
      ("1970-01-01", 4), ("2026-11-22", 7), ("2024-12-30", 1), ("2026-11-20", 5),
      ("1900-01-01", 1), ("1969-12-31", 3), ("1969-12-28", 7), ("2999-12-31", 2),
    ])
  func weekday(_ iso: String, _ expected: Int) throws {
    #expect(try day(iso).weekday == expected)
  }

  @Test(
    "iso round trips through Day(iso:)",
    arguments: ["2026-11-20", "2024-02-29", "1900-01-01", "2999-12-31", "1970-01-01", "2000-03-01"])
  func isoRoundTrip(_ iso: String) throws {
    let value = try day(iso)
    #expect(value.iso == iso)
    #expect(value.description == iso)
    #expect(Day(iso: value.iso) == value)
  }

  @Test(
    "Day(iso:) refuses anything but YYYY-MM-DD naming a real, supported day",
    arguments: [
      "2026-1-01", "99999-01-01", "2026/01/01", " 2026-01-01", "2026-01-01 ", "", "2026-01-1",
      "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-01-00", "1899-12-31",
      "3000-01-01", "0000-01-01", "+026-01-01", "2026-0a-01", "2026-01-0\u{663}", "20260101",
      "2026-01-01T00:00", "-026-01-01",
    ])
  func rejectsMalformedISO(_ text: String) {
    #expect(Day(iso: text) == nil)
  }

  @Test("Day(iso:) accepts a Substring")
  func isoFromSubstring() throws {
    let text = "on 2026-11-20!"
    let slice = text.dropFirst(3).dropLast()
    let value = try #require(Day(iso: slice))
    #expect(value.ordinal == 20_777)
  }

  @Test("adding(days:) moves across month, year and leap boundaries")
  func addingDays() throws {
    #expect(try day("2024-02-28").adding(days: 1).iso == "2024-02-29")
    #expect(try day("2024-02-29").adding(days: 1).iso == "2024-03-01")
    #expect(try day("2025-02-28").adding(days: 1).iso == "2025-03-01")
    #expect(try day("2026-12-31").adding(days: 1).iso == "2027-01-01")
    #expect(try day("2026-01-01").adding(days: -1).iso == "2025-12-31")
    #expect(try day("1970-01-01").adding(days: -1).iso == "1969-12-31")
    #expect(try day("2026-11-20").adding(days: 0).iso == "2026-11-20")
  }

  @Test("ordering follows the calendar")
  func ordering() throws {
    #expect(try day("2026-11-19") < day("2026-11-20"))
    #expect(try day("1969-12-31") < day("1970-01-01"))
    #expect(try !(day("2026-11-20") < day("2026-11-20")))
    #expect(
      try [day("2027-01-01"), day("1999-12-31"), day("2026-11-20")].sorted().map(\.iso)
        == ["1999-12-31", "2026-11-20", "2027-01-01"])
  }

  /// Walks every day from 1900-01-01 to 2999-12-31 with a hand-rolled calendar (increment the
  /// day of month, roll over month and year) and checks ordinals, components and weekdays.
  @Test("every day 1900...2999 agrees with an independent day-by-day count")
  func everyDayAgreesWithIndependentCount() {
    func isLeap(_ year: Int) -> Bool {
      if year % 400 == 0 { return true }
      if year % 100 == 0 { return false }
      return year % 4 == 0
    }
    let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    var (year, month, dayOfMonth) = (1900, 1, 1)
    // 70 years of 365 days plus the 17 leap days 1904 ... 1968 lie between 1900 and 1970.
    var ordinal = -(70 * 365 + 17)
    var weekday = 1  // 1900-01-01 was a Monday.
    var checked = 0
    var mismatches: [String] = []
    while year <= 2999 {
      let built = Day(year: year, month: month, day: dayOfMonth)
      let fromOrdinal = Day(ordinal: ordinal)
      if built?.ordinal != ordinal || ymd(fromOrdinal) != [year, month, dayOfMonth]
        || fromOrdinal.weekday != weekday
      {
        mismatches.append("\(year)-\(month)-\(dayOfMonth) (ordinal \(ordinal))")
        if mismatches.count > 10 { break }
      }
      if year == 1970 && month == 1 && dayOfMonth == 1 && ordinal != 0 {
        mismatches.append("1970-01-01 reached at ordinal \(ordinal)")
      }
      checked += 1
      ordinal += 1
      weekday = weekday % 7 + 1
      dayOfMonth += 1
      let length = month == 2 && isLeap(year) ? 29 : lengths[month - 1]
      if dayOfMonth > length {
        dayOfMonth = 1
        month += 1
        if month > 12 {
          month = 1
          year += 1
        }
      }
    }
    #expect(mismatches.isEmpty, "first mismatches: \(mismatches)")
    // 1100 years of 365 days plus 267 leap days.
    #expect(checked == 401_767)
    #expect(ordinal == 376_200)
  }
}
