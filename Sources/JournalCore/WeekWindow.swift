/// A run of whole ISO weeks, `first` through `last`, never empty: the period a trend, a report
/// or an experiment covers. Weeks start on Monday (ISO 8601).
///
/// ```swift
/// let window = WeekWindow(weeks: 12, endingWith: ISOWeek(containing: today))
/// let counts = try journal.weeklyTagCounts(in: window)
/// ```
public struct WeekWindow: Hashable, Sendable, CustomStringConvertible {
  /// The first week included.
  public let first: ISOWeek
  /// The last week included, never before `first`.
  public let last: ISOWeek

  /// The weeks `first` through `last`, or `nil` when `last` comes before `first`.
  ///
  /// - Parameters:
  ///   - first: The first week.
  ///   - last: The last week.
  public init?(first: ISOWeek, last: ISOWeek) {
    guard first <= last else { return nil }
    self.first = first
    self.last = last
  }

  /// The `count` weeks that end with `last`.
  ///
  /// - Parameters:
  ///   - count: How many weeks; less than 1 counts as 1.
  ///   - last: The last week.
  public init(weeks count: Int, endingWith last: ISOWeek) {
    self.first = last.adding(weeks: -(max(1, count) - 1))
    self.last = last
  }

  /// The Monday of the first week.
  public var firstDay: Day { first.start }

  /// The Sunday of the last week.
  public var lastDay: Day { last.end }

  /// How many weeks, at least 1.
  public var count: Int { first.distance(to: last) + 1 }

  /// Whether `week` is one of the window's weeks.
  ///
  /// - Parameter week: Any week.
  /// - Returns: `true` from `first` through `last`.
  public func contains(_ week: ISOWeek) -> Bool { first <= week && week <= last }

  /// `2026-W36 to 2026-W47`.
  public var description: String { "\(first) to \(last)" }
}
