import JournalCore

/// A year of daily energy at a glance: the 365 days that end on a given day, laid out like a
/// contribution calendar, 53 columns of ISO weeks (Monday at the top) by 7 rows.
///
/// Each day with an entry gets a level from -2 (drained) to +2 (energized): the mean overall
/// energy of its entries that gave one, rounded half away from zero; when none gave one, twice
/// the day's mark balance (energized − drained) ÷ marks, rounded the same way; a day with
/// entries but neither is 0. A day without an entry has no level: it is drawn apart from a
/// neutral day.
public struct EnergyCalendar: Hashable, Sendable {
  /// One square of the calendar.
  public struct Cell: Hashable, Sendable {
    /// The day.
    public let day: Day
    /// Its column, 0 ... 52, oldest week first.
    public let column: Int
    /// Its row, 0 (Monday) ... 6 (Sunday).
    public let row: Int
    /// -2 ... 2, or `nil` for a day without an entry.
    public let level: Int?
    /// Live entries that day.
    public let entries: Int
    /// The mean overall energy given that day, if any entry gave one.
    public let meanEnergy: Double?
  }

  /// How many days the calendar shows.
  public static let dayCount = 365
  /// How many columns 365 days always take: 52 weeks and one day reach into 53 ISO weeks.
  public static let columnCount = 53

  /// Every day, oldest first: exactly ``dayCount`` cells.
  public let cells: [Cell]
  /// The first day shown.
  public var first: Day { cells.first?.day ?? last }
  /// The last day shown.
  public let last: Day

  /// The first day of the calendar that ends on `last`.
  ///
  /// - Parameter last: The last day shown.
  /// - Returns: The day 364 days before it.
  public static func firstDay(endingOn last: Day) -> Day {
    last.adding(days: -(dayCount - 1))
  }

  /// Lays out the year that ends on `last`.
  ///
  /// - Parameters:
  ///   - days: The days with entries, in any order; days outside the year are ignored.
  ///   - last: The last day shown (today, or the end of the report's window).
  public init(days: [DayEnergy], endingOn last: Day) {
    self.last = last
    let first = Self.firstDay(endingOn: last)
    var byDay: [Int: DayEnergy] = [:]
    for day in days where first <= day.day && day.day <= last { byDay[day.day.ordinal] = day }
    let firstWeek = ISOWeek(containing: first)
    cells = (0..<Self.dayCount).map { offset in
      let day = first.adding(days: offset)
      let sums = byDay[day.ordinal]
      return Cell(
        day: day, column: firstWeek.distance(to: ISOWeek(containing: day)), row: day.weekday - 1,
        level: sums.map(Self.level), entries: sums?.entries ?? 0,
        meanEnergy: sums.flatMap {
          $0.energyCount > 0 ? Double($0.energySum) / Double($0.energyCount) : nil
        })
    }
  }

  /// The level of a day with entries, -2 ... 2 (see the type's comment).
  ///
  /// - Parameter day: The day's sums.
  /// - Returns: The level.
  public static func level(_ day: DayEnergy) -> Int {
    if day.energyCount > 0 {
      return rounded(Double(day.energySum) / Double(day.energyCount))
    }
    let marks = day.energized + day.drained
    guard marks > 0 else { return 0 }
    return rounded(2 * Double(day.energized - day.drained) / Double(marks))
  }

  /// `value` rounded half away from zero and kept in -2 ... 2: 0.5 is 1, -0.5 is -1.
  static func rounded(_ value: Double) -> Int {
    let magnitude = Int(abs(value) + 0.5)
    return max(-2, min(2, value < 0 ? -magnitude : magnitude))
  }

  /// Days with an entry.
  public var daysLogged: Int { cells.count { $0.level != nil } }

  /// Days with an entry at each level, from -2 to 2.
  public var daysPerLevel: [Int] {
    (-2...2).map { level in cells.count { $0.level == level } }
  }

  /// One calendar month of the year shown, for a text summary.
  public struct Month: Hashable, Sendable {
    /// The year.
    public let year: Int
    /// The month, 1 ... 12.
    public let month: Int
    /// Days of the month shown.
    public let days: Int
    /// Days with an entry.
    public let logged: Int
    /// Days at level +1 or +2.
    public let energized: Int
    /// Days at level 0.
    public let neutral: Int
    /// Days at level -1 or -2.
    public let drained: Int
  }

  /// The months the calendar touches, oldest first (the first and last are usually partial).
  public var months: [Month] {
    var result: [Month] = []
    var index = 0
    while index < cells.count {
      let (year, month, _) = cells[index].day.components
      var end = index
      while end < cells.count, cells[end].day.components.year == year,
        cells[end].day.components.month == month
      {
        end += 1
      }
      let slice = cells[index..<end]
      result.append(
        Month(
          year: year, month: month, days: slice.count, logged: slice.count { $0.level != nil },
          energized: slice.count { ($0.level ?? 0) > 0 }, neutral: slice.count { $0.level == 0 },
          drained: slice.count { ($0.level ?? 0) < 0 }))
      index = end
    }
    return result
  }
}
