import JournalCore

/// How the journaling habit holds: workdays logged this ISO week and in the four before it,
/// the last entry, and the longest run of consecutive workdays logged (`journal status`).
///
/// Workdays are Monday to Friday. A weekend neither breaks nor extends a run: an entry on a
/// Saturday counts for nothing, and Friday followed by Monday is consecutive. Days after
/// `today` (entries dated ahead) are ignored everywhere.
public struct Habit: Hashable, Sendable {
  /// Workdays logged in one ISO week, out of the workdays that week has had so far.
  public struct Week: Hashable, Sendable {
    /// The ISO week.
    public let week: ISOWeek
    /// Distinct workdays (Monday to Friday) with at least one entry.
    public let logged: Int
    /// Workdays of the week up to and including today: 5 for a past week.
    public let workdays: Int
  }

  /// The day the figures are for.
  public let today: Day
  /// The ISO week that contains `today`.
  public let thisWeek: Week
  /// The four ISO weeks before it, the newest first.
  public let previousWeeks: [Week]
  /// The latest day on or before `today` with an entry (any day of the week), or `nil`.
  public let lastEntry: Day?
  /// The longest run of consecutive workdays logged, or `nil` when it was not computed.
  public let longestRun: Int?

  /// How many weeks before this one the figures cover.
  public static let previousWeekCount = 4

  /// The first day whose entries the weekly counts read: the Monday four weeks before
  /// `today`'s week.
  ///
  /// - Parameter today: The day the figures are for.
  /// - Returns: That Monday.
  public static func firstCountedDay(today: Day) -> Day {
    ISOWeek(containing: today).adding(weeks: -previousWeekCount).start
  }

  /// Computes the habit from the days that have entries.
  ///
  /// - Parameters:
  ///   - days: Distinct days with entries, in any order: at least those from
  ///     ``firstCountedDay(today:)`` through `today`, and the last entry on or before `today`;
  ///     all of them when `countingRuns` is set.
  ///   - today: The day the figures are for.
  ///   - countingRuns: Whether to compute ``longestRun`` (it needs every day).
  public init(days: [Day], today: Day, countingRuns: Bool) {
    self.today = today
    let past = Set(days.filter { $0 <= today })
    let week = ISOWeek(containing: today)
    func count(_ week: ISOWeek) -> Week {
      let lastWorkday = min(week.start.adding(days: 4), today)
      let workdays = max(0, lastWorkday.ordinal - week.start.ordinal + 1)
      let logged = (0..<workdays).count { past.contains(week.start.adding(days: $0)) }
      return Week(week: week, logged: logged, workdays: workdays)
    }
    thisWeek = count(week)
    previousWeeks = (1...Self.previousWeekCount).map { count(week.adding(weeks: -$0)) }
    lastEntry = past.max()
    longestRun = countingRuns ? Self.longestRun(past.sorted()) : nil
  }

  /// Calendar days from the last entry to `today` (0 when it is today), or `nil` without one.
  public var daysSinceLastEntry: Int? {
    lastEntry.map { today.ordinal - $0.ordinal }
  }

  /// Workdays after the last entry and before `today` with no entry: what a prompt nags about.
  /// A weekend alone is never missed. Without any entry, 0.
  public var missedWorkdays: Int {
    guard let lastEntry, lastEntry < today else { return 0 }
    return (lastEntry.ordinal + 1..<today.ordinal).count { Day(ordinal: $0).weekday <= 5 }
  }

  /// The longest run of consecutive workdays among `days`: weekend days are skipped, and a
  /// Friday followed by the next Monday continues a run.
  ///
  /// - Parameter days: Distinct days, ascending.
  /// - Returns: The run's length in workdays; 0 when no workday is logged.
  public static func longestRun(_ days: some Sequence<Day>) -> Int {
    var counter = RunCounter()
    for day in days { counter.add(day) }
    return counter.longest
  }

  /// Counts runs of consecutive workdays from distinct days fed in ascending order, so a
  /// caller can stream them.
  public struct RunCounter: Hashable, Sendable {
    private var previous: Day?
    private var current = 0
    /// The longest run so far.
    public private(set) var longest = 0

    /// An empty counter.
    public init() {}

    /// Feeds the next day (later than every day fed before).
    ///
    /// - Parameter day: The day; a Saturday or Sunday is ignored.
    public mutating func add(_ day: Day) {
      guard day.weekday <= 5 else { return }
      if let previous, Self.nextWorkday(after: previous) == day {
        current += 1
      } else {
        current = 1
      }
      previous = day
      longest = max(longest, current)
    }

    static func nextWorkday(after day: Day) -> Day {
      day.adding(days: day.weekday == 5 ? 3 : 1)
    }
  }
}
