#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The wall clock in the user's time zone, as the C library reads it (honouring `TZ`).
///
/// FoundationEssentials' `TimeZone.current` is GMT on Linux; `localtime_r` reads the zone
/// the way `date` does.
public enum LocalTime {
  /// A calendar day in the local time zone.
  public struct Date: Equatable, Sendable {
    /// The year, e.g. 2026.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int
  }

  /// Seconds since 1970-01-01 00:00 UTC.
  ///
  /// - Returns: `time(3)`.
  public static func secondsSinceEpoch() -> Int {
    Int(time(nil))
  }

  /// Today's date in the local time zone.
  ///
  /// - Returns: The local date, or `nil` when the C library cannot convert the time.
  public static func today() -> Date? {
    var now = time(nil)
    var local = tm()
    guard localtime_r(&now, &local) != nil else { return nil }
    return Date(
      year: Int(local.tm_year) + 1900, month: Int(local.tm_mon) + 1, day: Int(local.tm_mday))
  }
}
