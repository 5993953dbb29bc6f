/// A day as a person types it on the command line.
///
/// The forms, in any case, with any spaces around and between the words:
/// - an ISO date, with or without leading zeros: `2026-11-20`, `2026-11-5`;
/// - `today`, `yesterday`;
/// - a weekday name or its first three letters, alone or after `last` (`monday`, `last mon`):
///   the most recent one, today excluded;
/// - days or weeks back: `-3d`, `3d`, `-2w`, `2w`, `3 days ago`, `1 week ago`, `a week ago`;
/// - a month and a day, either way round, with or without a year: `nov 20`, `20 november`,
///   `nov 20 2026`, `nov 20, 2026`; without a year it is the latest such day up to today.
///
/// Numeric forms with slashes or dots (`11/20/2026`, `20.11.2026`) are refused, because half
/// the world reads them the other way round; ``hint(for:)`` suggests the ISO form instead.
///
/// Parsing needs no clock; ``resolve(today:)`` turns the expression into a ``Day`` once the
/// caller knows which day "today" is.
public enum DateExpression: Hashable, Sendable {
  /// A calendar date written out.
  case absolute(Day)
  /// A number of days before today (`today` is 0, `yesterday` is 1, `-3d` is 3, `-2w` is 14).
  case daysAgo(Int)
  /// The most recent past day with this ISO weekday (1 is Monday), never today itself.
  case lastWeekday(Int)
  /// A month (1 ... 12) and day of month with no year: the latest such day up to today,
  /// today included (`feb 29` is the latest leap day).
  case monthDay(month: Int, day: Int)

  /// The largest number of days back accepted (`-36500d`, `5214w`): about a century.
  public static let maximumDaysAgo = 36_500

  /// The forms accepted, for error messages and help.
  public static let accepted =
    "YYYY-MM-DD, today, yesterday, monday or last monday, -3d, -2w, 3 days ago, or nov 20"

  private static let weekdays = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  ]

  private static let months = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
  ]

  /// Parses `text`, or returns `nil` when it is none of the accepted forms or names a day
  /// that does not exist.
  ///
  /// - Parameter text: What the user typed; case and spaces around the words are ignored.
  public init?(_ text: String) {
    guard let expression = Self.parse(Self.words(text)) else { return nil }
    self = expression
  }

  /// The lowercased words of `text`, split at whitespace.
  private static func words(_ text: String) -> [Substring] {
    text.lowercased().split(whereSeparator: { $0.isWhitespace })
  }

  private static func parse(_ words: [Substring]) -> DateExpression? {
    switch words.count {
    case 1:
      let word = words[0]
      if let day = isoDay(word) { return .absolute(day) }
      if word == "today" { return .daysAgo(0) }
      if word == "yesterday" { return .daysAgo(1) }
      if let weekday = weekday(word) { return .lastWeekday(weekday) }
      return shortOffset(word)
    case 2:
      if words[0] == "last", let weekday = weekday(words[1]) { return .lastWeekday(weekday) }
      return monthDay(words[0], words[1], year: nil)
    case 3:
      if words[2] == "ago" {
        guard let count = words[0] == "a" || words[0] == "an" ? 1 : number(words[0]),
          let unit = unitDays(words[1])
        else { return nil }
        return daysAgo(count, unit: unit)
      }
      // `nov 20, 2026`: the comma after the day is the usual English way to write it.
      let middle = words[1].last == "," ? words[1].dropLast() : words[1]
      guard words[2].utf8.count == 4, let year = number(words[2]) else { return nil }
      return monthDay(words[0], middle, year: year)
    default:
      return nil
    }
  }

  /// `Y-M-D` with a four-digit year and a one- or two-digit month and day.
  private static func isoDay(_ word: Substring) -> Day? {
    let parts = word.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].utf8.count == 4, (1...2).contains(parts[1].utf8.count),
      (1...2).contains(parts[2].utf8.count), let year = number(parts[0]),
      let month = number(parts[1]), let day = number(parts[2])
    else { return nil }
    return Day(year: year, month: month, day: day)
  }

  /// A count of one to six ASCII digits (no sign, no other digits).
  private static func number(_ text: Substring) -> Int? {
    guard (1...6).contains(text.utf8.count),
      text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
    else { return nil }
    return text.utf8.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
  }

  /// The ISO weekday a full or three-letter weekday name stands for.
  private static func weekday(_ word: Substring) -> Int? {
    weekdays.firstIndex(where: { $0 == word || $0.prefix(3) == word }).map { $0 + 1 }
  }

  /// The month a full or three-letter month name (or `sept`) stands for.
  private static func month(_ word: Substring) -> Int? {
    if word == "sept" { return 9 }
    return months.firstIndex(where: { $0 == word || $0.prefix(3) == word }).map { $0 + 1 }
  }

  /// The days in one `day`/`days`/`week`/`weeks`.
  private static func unitDays(_ word: Substring) -> Int? {
    switch word {
    case "day", "days": 1
    case "week", "weeks": 7
    default: nil
    }
  }

  /// `-3d`, `3d`, `-2w` or `2w`.
  private static func shortOffset(_ word: Substring) -> DateExpression? {
    let unsigned = word.first == "-" ? word.dropFirst() : word
    let unit: Int
    switch unsigned.last {
    case "d": unit = 1
    case "w": unit = 7
    default: return nil
    }
    guard let count = number(unsigned.dropLast()) else { return nil }
    return daysAgo(count, unit: unit)
  }

  private static func daysAgo(_ count: Int, unit: Int) -> DateExpression? {
    count * unit <= maximumDaysAgo ? .daysAgo(count * unit) : nil
  }

  /// `nov 20` or `20 nov`, with a year or without.
  private static func monthDay(_ first: Substring, _ second: Substring, year: Int?)
    -> DateExpression?
  {
    let (monthWord, dayWord) = month(first) != nil ? (first, second) : (second, first)
    guard let month = month(monthWord), dayWord.utf8.count <= 2, let day = number(dayWord) else {
      return nil
    }
    if let year {
      return Day(year: year, month: month, day: day).map { .absolute($0) }
    }
    // Any year will do to check the day exists; a leap year lets `feb 29` through.
    return Day(year: 2000, month: month, day: day) == nil ? nil : .monthDay(month: month, day: day)
  }

  /// The day this expression names when today is `today`.
  ///
  /// - Parameter today: The user's local calendar day.
  /// - Returns: The day meant, or `nil` when it lands outside the years a journal accepts
  ///   (`-36500d` from 1950).
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
    case .monthDay(let month, let dayOfMonth):
      // This year's, else the year before's; a leap day may be up to eight years back.
      var year = min(today.components.year, Day.latestYear)
      while year >= Day.earliestYear {
        if let candidate = Day(year: year, month: month, day: dayOfMonth), candidate <= today {
          return candidate
        }
        year -= 1
      }
      return nil
    }
    return day.isSupported ? day : nil
  }

  /// What the person probably meant by a text ``init(_:)`` refuses.
  ///
  /// - Parameter text: The refused text.
  /// - Returns: A clause for an error message, or `nil` when there is no better advice than
  ///   the list of forms.
  public static func hint(for text: String) -> String? {
    let words = words(text)
    if words.count == 1, let hint = numericHint(words[0]) { return hint }
    // `yesterday at 6pm`: entries are filed by day.
    if let at = words.firstIndex(of: "at"), at > 0, parse(Array(words[..<at])) != nil {
      let day = words[..<at].joined(separator: " ")
      return "a journal files entries by day, not by time of day; use '\(day)'"
    }
    // `--date last monday` unquoted reaches the parser as `last`.
    if words.count == 1,
      words[0] == "last" || month(words[0]) != nil || number(words[0]).map({ $0 <= 31 }) == true
    {
      return "a date of several words needs quotes, as in --date 'last monday' or 'nov 20'"
    }
    return nil
  }

  /// The ISO form of a numeric date written with slashes or dots, or the two readings of one
  /// that could be either month or day first.
  private static func numericHint(_ word: Substring) -> String? {
    let parts = word.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "." })
    guard parts.count == 3, let first = number(parts[0]), let second = number(parts[1]),
      let third = number(parts[2])
    else { return nil }
    if parts[0].utf8.count == 4 {
      return Day(year: first, month: second, day: third).map { "write it \($0.iso) (YYYY-MM-DD)" }
    }
    guard parts[2].utf8.count == 4 else { return "write the year in full, as YYYY-MM-DD" }
    let readings = [
      Day(year: third, month: first, day: second), Day(year: third, month: second, day: first),
    ].compactMap { $0 }
    switch (readings.first, readings.last) {
    case (let only?, let last?) where only == last:
      return "write it \(only.iso) (YYYY-MM-DD)"
    case (let monthFirst?, let dayFirst?):
      return
        "write it \(monthFirst.iso) (month first) or \(dayFirst.iso) (day first), as YYYY-MM-DD"
    default:
      return nil
    }
  }
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
