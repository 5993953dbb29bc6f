/// A day as a person types it on the command line: `2026-11-20`, `today`, `yesterday`,
/// a weekday name such as `monday` (the most recent one, today excluded), or `-3d`.
///
/// Parsing needs no clock; ``resolve(today:)`` turns the expression into a ``Day`` once the
/// caller knows which day "today" is.
public enum DateExpression: Hashable, Sendable {
  /// A calendar date written out.
  case absolute(Day)
  /// A number of days before today (`today` is 0, `yesterday` is 1, `-3d` is 3).
  case daysAgo(Int)
  /// The most recent past day with this ISO weekday (1 is Monday), never today itself.
  case lastWeekday(Int)

  /// The largest `-Nd` accepted: about a century.
  public static let maximumDaysAgo = 36_500

  /// The forms accepted, for error messages and help.
  public static let accepted = "YYYY-MM-DD, today, yesterday, a weekday name such as monday, or -Nd"

  private static let weekdays = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  ]

  /// Parses `text`, or returns `nil` when it is none of the accepted forms or names a day
  /// that does not exist.
  ///
  /// - Parameter text: What the user typed; case and surrounding spaces are ignored.
  public init?(_ text: String) {
    let word = text.trimmingWhitespace().lowercased()
    if let day = Day(iso: word) {
      self = .absolute(day)
    } else if word == "today" {
      self = .daysAgo(0)
    } else if word == "yesterday" {
      self = .daysAgo(1)
    } else if let index = Self.weekdays.firstIndex(where: { $0 == word || $0.prefix(3) == word }) {
      self = .lastWeekday(index + 1)
    } else if word.hasPrefix("-"), word.hasSuffix("d"), word.count >= 3,
      word.dropFirst().dropLast().allSatisfy(\.isASCIIDigit),
      let count = Int(word.dropFirst().dropLast()), count <= Self.maximumDaysAgo
    {
      self = .daysAgo(count)
    } else {
      return nil
    }
  }

  /// The day this expression names when today is `today`.
  ///
  /// - Parameter today: The user's local calendar day.
  /// - Returns: The day meant, or `nil` when a relative expression lands outside the years a
  ///   journal accepts (`-36500d` from 1950).
  public func resolve(today: Day) -> Day? {
    let day: Day
    switch self {
    case .absolute(let absolute):
      day = absolute
    case .daysAgo(let count):
      day = today.adding(days: -count)
    case .lastWeekday(let weekday):
      let back = (today.weekday - weekday + 7) % 7
      day = today.adding(days: -(back == 0 ? 7 : back))
    }
    return day.isSupported ? day : nil
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
  /// The text without leading and trailing spaces, tabs and newlines.
  public func trimmingWhitespace() -> String {
    // Most texts start and end with a visible ASCII character: nothing to trim, and no need
    // to break the text into characters to find out (an import trims every entry twice).
    let visibleASCII = UInt8(ascii: "!")...UInt8(ascii: "~")
    if let first = utf8.first, let last = utf8.last, visibleASCII.contains(first),
      visibleASCII.contains(last)
    {
      return self
    }
    return self[...].trimmingWhitespace()
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and newlines.
  public func trimmingWhitespace() -> String {
    let isSpace: (Character) -> Bool = { $0.isWhitespace }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
