import JournalCore

/// Which way a rate has been moving over the window.
public enum Direction: String, Sendable {
  /// The least-squares slope is at least ``Trend/directionThreshold`` per week.
  case rising
  /// The slope is at most minus the threshold.
  case falling
  /// The slope lies between.
  case steady
  /// Fewer than three weeks with observations: no direction can be told.
  case unknown

  /// The direction of `slope`.
  ///
  /// - Parameter slope: Change in rate per week, or `nil`.
  public init(slope: Double?) {
    guard let slope else {
      self = .unknown
      return
    }
    if slope >= Trend.directionThreshold {
      self = .rising
    } else if slope <= -Trend.directionThreshold {
      self = .falling
    } else {
      self = .steady
    }
  }
}

/// One week of the trend: each tag's counts, and each track's balanced rate.
public struct TrendWeek: Hashable, Sendable {
  /// The ISO week.
  public let week: ISOWeek
  /// Counts per tag that has marks this week.
  public let tags: [String: MarkCounts]
  /// `.ic` and `.management`: the week's track figures.
  public let tracks: [Track: TrackFigures]

  /// Whether nothing was marked this week: a gap.
  public var isGap: Bool { tags.values.allSatisfy { $0.observations == 0 } }
}

/// A track's figures over some weeks: exposure, and the balanced rate with its interval.
public struct TrackFigures: Hashable, Sendable {
  /// `.ic` or `.management`.
  public let track: Track
  /// All marks on the track's tags (`both` tags count for each track).
  public let counts: MarkCounts
  /// The mean of the track's tags' shrunk rates, with a 90% interval; `nil` when none of its
  /// tags was marked.
  public let rate: Estimate?
  /// How many of the track's tags were marked.
  public let tagsObserved: Int

  /// The track figures from per-tag counts: each tag that counts toward `track` and was marked
  /// weighs the same, however often it was marked.
  ///
  /// - Parameters:
  ///   - track: `.ic` or `.management`.
  ///   - tags: Counts per tag, with each tag's track.
  /// - Returns: The figures.
  public static func balanced(_ track: Track, tags: [(track: Track, counts: MarkCounts)])
    -> TrackFigures
  {
    let observed = tags.filter { $0.track.counts(toward: track) && $0.counts.observations > 0 }
    let total = observed.reduce(MarkCounts()) { $0 + $1.counts }
    guard !observed.isEmpty else {
      return TrackFigures(track: track, counts: total, rate: nil, tagsObserved: 0)
    }
    let m = Double(observed.count)
    let value = observed.reduce(0) { $0 + $1.counts.shrunkRate } / m
    let variance = observed.reduce(0) { $0 + $1.counts.shrunkRateVariance } / (m * m)
    return TrackFigures(
      track: track, counts: total,
      rate: Statistics.interval(value: value, variance: variance, bounds: -1...1),
      tagsObserved: observed.count)
  }
}

/// A tag's figures over the window.
public struct TagSummary: Hashable, Sendable {
  /// The tag's name.
  public let name: String
  /// Its track.
  public let track: Track
  /// Its marks over the window.
  public let counts: MarkCounts
  /// The least-squares slope of its weekly rate, per week.
  public let slope: Double?
  /// Its direction.
  public var direction: Direction { Direction(slope: slope) }
  /// Weeks in which it was marked.
  public let weeksObserved: Int
}

/// A track's figures over the window, with how it moved.
public struct TrackSummary: Hashable, Sendable {
  /// The window's figures.
  public let figures: TrackFigures
  /// The least-squares slope of the weekly track rate, per week.
  public let slope: Double?
  /// Its direction.
  public var direction: Direction { Direction(slope: slope) }
  /// Weeks in which any of its tags was marked.
  public let weeksObserved: Int
}

/// How energy per activity and per track moved, week by week, over a window of ISO weeks.
public struct Trend: Hashable, Sendable {
  /// The smallest slope, in rate per week, that counts as rising or falling: 0.03 a week is
  /// about a third of the scale over twelve weeks.
  public static let directionThreshold = 0.03

  /// Every week of the window, oldest first, gaps included.
  public let weeks: [TrendWeek]
  /// The tags marked in the window: by track (ic, management, both, neutral), then name.
  public let tags: [TagSummary]
  /// The IC track.
  public let ic: TrackSummary
  /// The management track.
  public let management: TrackSummary
  /// IC rate minus management rate with its 90% interval; `nil` unless both tracks have
  /// observations.
  public let lean: Estimate?

  /// The first week.
  public var firstWeek: ISOWeek { weeks.first?.week ?? ISOWeek(containing: Day(ordinal: 0)) }
  /// The last week.
  public var lastWeek: ISOWeek { weeks.last?.week ?? firstWeek }
  /// Marks in the window, on all tags.
  public var observations: Int { tags.reduce(0) { $0 + $1.counts.observations } }
  /// Weeks with at least one mark.
  public var weeksObserved: Int { weeks.filter { !$0.isGap }.count }

  /// Builds the trend of the weeks `first` ... `last` from their weekly per-tag counts.
  ///
  /// - Parameters:
  ///   - counts: The weekly rows, in any order; rows outside the window are ignored.
  ///   - first: The first week.
  ///   - last: The last week (at least `first`).
  public init(counts: [WeeklyTagCount], from first: ISOWeek, through last: ISOWeek) {
    let weekCount = max(1, first.distance(to: last) + 1)
    var byWeek = [[String: MarkCounts]](repeating: [:], count: weekCount)
    var trackOf: [String: Track] = [:]
    for row in counts {
      let index = first.distance(to: row.week)
      guard (0..<weekCount).contains(index) else { continue }
      byWeek[index][row.tag, default: MarkCounts()] += MarkCounts(row)
      trackOf[row.tag] = row.track
    }

    func trackWeek(_ tags: [String: MarkCounts], _ track: Track) -> TrackFigures {
      TrackFigures.balanced(
        track, tags: tags.map { (track: trackOf[$0.key] ?? .neutral, counts: $0.value) })
    }

    weeks = byWeek.enumerated().map { index, tags in
      TrendWeek(
        week: first.adding(weeks: index), tags: tags,
        tracks: [.ic: trackWeek(tags, .ic), .management: trackWeek(tags, .management)])
    }

    var totals: [String: MarkCounts] = [:]
    for week in byWeek {
      for (tag, counts) in week { totals[tag, default: MarkCounts()] += counts }
    }
    let order: [Track] = [.ic, .management, .both, .neutral]
    tags = totals.keys.sorted {
      let lhs = order.firstIndex(of: trackOf[$0] ?? .neutral) ?? 0
      let rhs = order.firstIndex(of: trackOf[$1] ?? .neutral) ?? 0
      return (lhs, $0) < (rhs, $1)
    }.map { name in
      let points = byWeek.enumerated().compactMap { index, week -> (x: Double, y: Double)? in
        week[name]?.rate.map { (Double(index), $0) }
      }
      return TagSummary(
        name: name, track: trackOf[name] ?? .neutral, counts: totals[name] ?? MarkCounts(),
        slope: Statistics.slope(points), weeksObserved: points.count)
    }

    let tagTotals = totals.map { (track: trackOf[$0.key] ?? .neutral, counts: $0.value) }
    let weeks = self.weeks
    func summary(_ track: Track) -> TrackSummary {
      let points = weeks.enumerated().compactMap { index, week -> (x: Double, y: Double)? in
        week.tracks[track]?.rate.map { (Double(index), $0.value) }
      }
      return TrackSummary(
        figures: TrackFigures.balanced(track, tags: tagTotals), slope: Statistics.slope(points),
        weeksObserved: points.count)
    }
    ic = summary(.ic)
    management = summary(.management)
    lean = Self.lean(tags: tagTotals)
  }

  /// IC rate minus management rate. Each tag's shrunk rate enters with weight 1/m_ic for an IC
  /// tag, −1/m_mgmt for a management tag and the difference of the two for a `both` tag, so
  /// the variance is the weighted sum of the tags' variances (tags are independent).
  static func lean(tags: [(track: Track, counts: MarkCounts)]) -> Estimate? {
    let observed = tags.filter { $0.counts.observations > 0 }
    let icCount = Double(observed.filter { $0.track.counts(toward: .ic) }.count)
    let managementCount = Double(observed.filter { $0.track.counts(toward: .management) }.count)
    guard icCount > 0, managementCount > 0 else { return nil }
    var value = 0.0
    var variance = 0.0
    for tag in observed {
      let weight =
        (tag.track.counts(toward: .ic) ? 1 / icCount : 0)
        - (tag.track.counts(toward: .management) ? 1 / managementCount : 0)
      value += weight * tag.counts.shrunkRate
      variance += weight * weight * tag.counts.shrunkRateVariance
    }
    return Statistics.interval(value: value, variance: variance, bounds: -2...2)
  }

  /// The window of the `count` weeks that end with the week containing `today`.
  ///
  /// - Parameters:
  ///   - count: How many weeks (at least 1).
  ///   - today: The user's local day.
  /// - Returns: The first and last week.
  public static func window(weeks count: Int, endingOn today: Day) -> (
    first: ISOWeek, last: ISOWeek
  ) {
    let last = ISOWeek(containing: today)
    return (last.adding(weeks: -(max(1, count) - 1)), last)
  }
}
