import JournalCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
    var now = time(nil)
    var local = tm()
    localtime_r(&now, &local)
    return Day(
      year: Int(local.tm_year) + 1900, month: Int(local.tm_mon) + 1, day: Int(local.tm_mday))
      ?? Day(ordinal: Int(now / 86_400))
  }
}
