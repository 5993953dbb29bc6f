/// A calendar day with no time and no time zone: the unit a journal entry is filed under.
///
/// Entries record the user's *local* work day, so a day is a civil date, never an instant.
/// The arithmetic is proleptic Gregorian and needs no `Calendar`: a day is a count of days
/// since 1970-01-01, which makes comparisons, ranges and ISO weeks exact and fast.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before it).
  public let ordinal: Int

  /// The earliest year a journal accepts: older dates are almost certainly typos.
  public static let earliestYear = 1900
  /// The latest year a journal accepts.
  public static let latestYear = 2999
  /// The ordinals of the first day of ``earliestYear`` and the last of ``latestYear``
  /// (-25,567 and 376,199): the days a journal accepts.
  public static let supportedOrdinals =
    ordinal(year: earliestYear, month: 1, day: 1)...ordinal(year: latestYear, month: 12, day: 31)

  /// Creates the day that is `ordinal` days after 1970-01-01.
  ///
  /// - Parameter ordinal: Days since 1970-01-01, negative before it.
  public init(ordinal: Int) {
    self.ordinal = ordinal
  }

  /// Creates a day from its year, month and day of month, or returns `nil` when that day does
  /// not exist (2026-02-30) or falls outside ``earliestYear`` ... ``latestYear``.
  ///
  /// - Parameters:
  ///   - year: The Gregorian year.
  ///   - month: 1 ... 12.
  ///   - day: 1 ... the length of that month.
  public init?(year: Int, month: Int, day: Int) {
    guard (Self.earliestYear...Self.latestYear).contains(year), (1...12).contains(month),
      (1...Self.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.ordinal = Self.ordinal(year: year, month: month, day: day)
  }

  /// Howard Hinnant's days_from_civil, for a date known to exist.
  private static func ordinal(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let shiftedMonth = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// Parses a day written as ISO 8601 `YYYY-MM-DD`, or returns `nil`.
  ///
  /// - Parameter iso: Exactly four digits, a dash, two digits, a dash, two digits.
  public init?(iso: some StringProtocol) {
    let bytes = Array(iso.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for byte in bytes[range] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
      return nil
    }
    self.init(year: year, month: month, day: day)
  }

  /// Whether the day falls in ``earliestYear`` ... ``latestYear``, the years a journal accepts.
  public var isSupported: Bool {
    (Self.earliestYear...Self.latestYear).contains(components.year)
  }

  /// The year, month and day of month of this day.
  public var components: (year: Int, month: Int, day: Int) {
    // Howard Hinnant's civil_from_days.
    let z = ordinal + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  /// The ISO weekday: 1 is Monday, 7 is Sunday.
  public var weekday: Int {
    // 1970-01-01 was a Thursday (ISO weekday 4).
    let mod = (ordinal + 3) % 7
    return (mod < 0 ? mod + 7 : mod) + 1
  }

  /// The day `count` days after this one (before it when negative).
  ///
  /// - Parameter count: How many days to move.
  /// - Returns: The moved day.
  public func adding(days count: Int) -> Day {
    Day(ordinal: ordinal + count)
  }

  /// `YYYY-MM-DD`, the form printed everywhere, and stored for experiments, roles, reflections
  /// and the weekly rollup's weeks (an entry's day is stored as its ``ordinal``).
  public var iso: String {
    let (year, month, day) = components
    return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
  }

  public var description: String { iso }

  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

  static func isLeap(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
