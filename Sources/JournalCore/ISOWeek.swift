/// An ISO 8601 week: weeks start on Monday, and week 1 is the week with the year's first
/// Thursday, so 2024-12-30 belongs to 2025-W01 and 2021-01-03 to 2020-W53.
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The Monday that starts the week.
  public let start: Day

  /// The week that contains `day`.
  ///
  /// - Parameter day: Any day of the week.
  public init(containing day: Day) {
    self.start = day.adding(days: 1 - day.weekday)
  }

  /// The Sunday that ends the week.
  public var end: Day { start.adding(days: 6) }

  /// The ISO week-numbering year and the week number (1 ... 53).
  public var yearAndNumber: (year: Int, number: Int) {
    // The Thursday decides which year a week belongs to.
    let thursday = start.adding(days: 3)
    let year = thursday.components.year
    guard let januaryFirst = Day(year: year, month: 1, day: 1) else {
      // Outside the supported years: fall back to a count from the Thursday alone.
      return (year, 1)
    }
    return (year, (thursday.ordinal - januaryFirst.ordinal) / 7 + 1)
  }

  /// The week `count` weeks after this one (before it when negative).
  ///
  /// - Parameter count: How many weeks to move.
  /// - Returns: The moved week.
  public func adding(weeks count: Int) -> ISOWeek {
    ISOWeek(containing: start.adding(days: 7 * count))
  }

  /// The number of weeks from `self` to `other` (negative when `other` is earlier).
  ///
  /// - Parameter other: Another week.
  /// - Returns: `other` minus `self`, in weeks.
  public func distance(to other: ISOWeek) -> Int {
    (other.start.ordinal - start.ordinal) / 7
  }

  /// `2026-W47`.
  public var description: String {
    let (year, number) = yearAndNumber
    return "\(Day.pad(year, 4))-W\(Day.pad(number, 2))"
  }

  public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { lhs.start < rhs.start }
}
