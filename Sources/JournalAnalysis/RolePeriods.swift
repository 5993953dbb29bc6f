import JournalCore

/// One role period: the role, the days it lasted, and how its weeks felt, with the same pooled
/// track rates, intervals and lean as the trend (see ``Pooling``).
public struct RolePeriod: Hashable, Sendable {
  /// The role.
  public let role: Role
  /// The last day of the period: the day before the next role starts, or the day the figures
  /// are for while the role is current.
  public let end: Day
  /// Whether this is the role held on the day the figures are for.
  public let isCurrent: Bool
  /// The ISO weeks counted for the role (see ``RoleHistory``), or `nil` when it lasted less
  /// than the workdays of any week.
  public let weeks: WeekWindow?
  /// The IC track's figures over those weeks.
  public let ic: TrackFigures
  /// The management track's figures over those weeks.
  public let management: TrackFigures
  /// IC rate minus management rate, with its 90% interval; `nil` unless both have marks.
  public let lean: Estimate?
  /// Weeks with at least one mark.
  public let weeksObserved: Int
  /// Marks over the period, on all tags.
  public let observations: Int

  /// Calendar days in the role, its first and last day included.
  public var days: Int { end.ordinal - role.start.ordinal + 1 }

  /// Whole weeks in the role.
  public var wholeWeeks: Int { days / 7 }
}

/// How each role a person held felt: the roles cut the journal into periods, and each period
/// gets the trend's pooled track rates and lean, so "as tech lead, management activities
/// energized you" can stand beside "as senior IC, they drained you".
///
/// **Weeks, not days.** The figures come from the weekly rollup (weeks × tags rows, whatever
/// the history's length). A week belongs to the role held on its Wednesday, that is, on most
/// of its five workdays: a role that starts on a Monday, Tuesday or Wednesday takes that week,
/// one that starts on a Thursday or later begins with the next. A role shorter than that may
/// get no week at all; it is listed without figures. Weeks after the day the figures are for
/// are never counted.
public struct RoleHistory: Hashable, Sendable {
  /// The periods of the roles started on or before the day the figures are for, the earliest
  /// first.
  public let periods: [RolePeriod]
  /// The day the figures are for.
  public let through: Day

  /// The current role's period, if any role was started by ``through``.
  public var current: RolePeriod? { periods.last }

  /// The first week whose figures any period needs, for reading the rollup once: the week of
  /// the earliest role's start. `nil` without a role started by `through`.
  ///
  /// - Parameters:
  ///   - roles: The roles, in any order.
  ///   - through: The day the figures are for.
  /// - Returns: The first week, or `nil`.
  public static func firstWeek(of roles: [Role], through: Day) -> ISOWeek? {
    roles.filter { $0.start <= through }.map(\.start).min().map { ISOWeek(containing: $0) }
  }

  /// The week the role held on a week's Wednesday takes: the week of `day` when `day` is a
  /// Monday, Tuesday or Wednesday, else the next.
  static func firstCountedWeek(from day: Day) -> ISOWeek {
    let week = ISOWeek(containing: day)
    return day.weekday <= 3 ? week : week.adding(weeks: 1)
  }

  /// Cuts the roles into periods and computes each one's figures.
  ///
  /// - Parameters:
  ///   - roles: The roles, in any order; those starting after `through` are left out.
  ///   - counts: Weekly per-tag counts covering at least the weeks from
  ///     ``firstWeek(of:through:)`` through the week of `through`; rows outside a period are
  ///     ignored.
  ///   - through: The day the figures are for: today, or the end of the report's window.
  public init(roles: [Role], counts: [WeeklyTagCount], through: Day) {
    self.through = through
    let started = roles.filter { $0.start <= through }.sorted {
      ($0.start, $0.id) < ($1.start, $1.id)
    }
    let lastWeek = ISOWeek(containing: through)
    var periods: [RolePeriod] = []
    for (index, role) in started.enumerated() {
      let next = index + 1 < started.count ? started[index + 1].start : nil
      let end = next.map { $0.adding(days: -1) } ?? through
      let first = Self.firstCountedWeek(from: role.start)
      var last = next.map { Self.firstCountedWeek(from: $0).adding(weeks: -1) } ?? lastWeek
      if lastWeek < last { last = lastWeek }
      let weeks = WeekWindow(first: first, last: last)
      periods.append(
        Self.period(role: role, end: end, isCurrent: next == nil, weeks: weeks, counts: counts))
    }
    self.periods = periods
  }

  private static func period(
    role: Role, end: Day, isCurrent: Bool, weeks: WeekWindow?,
    counts: [WeeklyTagCount]
  ) -> RolePeriod {
    guard let weeks else {
      return RolePeriod(
        role: role, end: end, isCurrent: isCurrent, weeks: nil,
        ic: TrackFigures.pooled(.ic, weeks: []),
        management: TrackFigures.pooled(.management, weeks: []),
        lean: nil, weeksObserved: 0, observations: 0)
    }
    // The trend's own arithmetic over the period's weeks: the same pooling, intervals and lean
    // (a trend ignores rows outside its weeks, so the journal's rows go in as they are).
    let trend = Trend(counts: counts, from: weeks.first, through: weeks.last)
    return RolePeriod(
      role: role, end: end, isCurrent: isCurrent, weeks: weeks, ic: trend.ic.figures,
      management: trend.management.figures, lean: trend.lean, weeksObserved: trend.weeksObserved,
      observations: trend.observations)
  }

  /// "tech lead since 2026-06-01, 26 weeks": the time in the current role.
  ///
  /// - Returns: The phrase, or `nil` without a current role.
  public var currentPhrase: String? {
    guard let current else { return nil }
    let time =
      current.days < 7
      ? Plural.count(current.days, "day", "days")
      : Plural.count(current.wholeWeeks, "week", "weeks")
    return "\(current.role.displayName) since \(current.role.start.iso), \(time)"
  }

  /// The period's line: "As tech lead (current), 2026-08-03 to 2026-11-20 (16 weeks, 15 with marks):
  /// IC activities +0.52 (90% interval +0.31 to +0.70, 60 marks); management activities +0.12
  /// (90% interval -0.20 to +0.40, 30 marks); lean +0.40 toward IC."
  ///
  /// - Parameter period: A period of this history.
  /// - Returns: The sentence.
  public static func sentence(_ period: RolePeriod) -> String {
    let role = period.role
    let current = period.isCurrent ? " (current)" : ""
    let head = "As \(role.displayName)\(current), \(role.start.iso) to \(period.end.iso)"
    guard let weeks = period.weeks else {
      return head + ": too short to count a week of its own."
    }
    let weekCount = weeks.count
    let span =
      " (\(Plural.count(weekCount, "week", "weeks")), \(period.weeksObserved) with marks)"
    guard period.observations > 0 else { return head + span + ": no marks yet." }
    func track(_ figures: TrackFigures, _ name: String) -> String {
      guard let rate = figures.rate else { return "\(name) activities not marked" }
      return
        "\(name) activities \(Format.signed(rate.value)) (90% interval "
        + "\(Format.range(rate.low, rate.high)), "
        + "\(Plural.count(figures.counts.observations, "mark", "marks")))"
    }
    // The role's own side first: a manager reads the management figure before the IC one.
    let order =
      role.track == .management
      ? [track(period.management, "management"), track(period.ic, "IC")]
      : [track(period.ic, "IC"), track(period.management, "management")]
    var sentence = head + span + ": " + order.joined(separator: "; ")
    if let lean = period.lean {
      let side =
        lean.value > 0 ? "toward IC" : lean.value < 0 ? "toward management" : "to neither side"
      sentence += "; lean \(Format.signed(lean.value)) \(side)"
    }
    return sentence + "."
  }
}
