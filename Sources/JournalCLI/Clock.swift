import JournalCore
import JournalIO

/// Which day "today" is for the user.
enum Clock {
  /// The user's local calendar day: `JOURNAL_TODAY` when set (for reproducible runs and tests),
  /// else the day the C library's local time gives, which honours `TZ`.
  ///
  /// FoundationEssentials' `TimeZone.current` is GMT on Linux, so an entry written at 23:30 in
  /// Los Angeles would land on tomorrow; `localtime_r` reads the zone the way `date` does.
  static func today() throws(JournalError) -> Day {
    if let pinned = Console.environment("JOURNAL_TODAY") {
      guard let day = Day(iso: pinned) else { throw .invalidToday(pinned) }
      return day
    }
    if let local = LocalTime.today(),
      let day = Day(year: local.year, month: local.month, day: local.day)
    {
      return day
    }
    return Day(ordinal: LocalTime.secondsSinceEpoch() / 86_400)
  }
}
