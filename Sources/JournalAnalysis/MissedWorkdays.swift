import JournalCore

/// The workdays of the current ISO week that have gone by without an entry: what `journal add`
/// mentions, once, so a missed Monday can still be written while it is remembered.
public enum MissedWorkdays {
  /// The workdays (Monday to Friday) of `today`'s ISO week before `today` with no entry.
  ///
  /// - Parameters:
  ///   - days: Days with entries, in any order (at least those of this week).
  ///   - today: The day.
  /// - Returns: The missed days, ascending; empty on a Monday.
  public static func thisWeek(days: [Day], today: Day) -> [Day] {
    let logged = Set(days)
    let monday = ISOWeek(containing: today).start
    return (0..<5).map { monday.adding(days: $0) }.filter { $0 < today && !logged.contains($0) }
  }

  /// "No entries yet for Mon and Tue this week; 'journal add --date mon' adds one.", or `nil`
  /// when nothing was missed.
  ///
  /// - Parameter missed: The missed days, ascending.
  /// - Returns: The hint.
  public static func hint(_ missed: [Day]) -> String? {
    guard let first = missed.first else { return nil }
    let list = missed.map(\.weekdayAbbreviation).listed()
    return
      "No entries yet for \(list) this week; 'journal add --date \(first.weekdayAbbreviation.lowercased())' "
      + "adds one."
  }
}
