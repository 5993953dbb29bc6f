import JournalCore

/// Which way a rate has been moving over the window.
public enum Direction: String, Sendable {
  /// The slope is at least ``Trend/directionThreshold`` per week and its 90% interval lies
  /// above 0.
  case rising
  /// The slope is at most minus the threshold and its interval lies below 0.
  case falling
  /// No clear direction: the slope is small, or it cannot be told from week-to-week noise.
  case steady
  /// Fewer than three weeks with observations: no direction can be told.
  case unknown

  /// The direction of a slope alone, without its noise: only the threshold.
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

  /// The direction of a fitted slope: large enough, and distinguishable from noise (its 90%
  /// interval excludes 0, a t-test at 10%).
  ///
  /// - Parameter fit: The least-squares fit, or `nil`.
  public init(fit: SlopeFit?) {
    guard let fit else {
      self = .unknown
      return
    }
    if fit.slope >= Trend.directionThreshold && fit.low > 0 {
      self = .rising
    } else if fit.slope <= -Trend.directionThreshold && fit.high < 0 {
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

/// A track's figures over some weeks: exposure, and the pooled rate with its interval.
public struct TrackFigures: Hashable, Sendable {
  /// `.ic` or `.management`.
  public let track: Track
  /// All marks on the track's tags (`both` tags count for each track).
  public let counts: MarkCounts
  /// Marks on the tags of this track alone (`both` tags left out): the evidence minimum
  /// counts these, so a `both` mark is never counted twice.
  public let ownCounts: MarkCounts
  /// The vote-weighted mean of the track's tags' rates (see ``Pooling``), with a 90%
  /// interval; `nil` when none of its tags was marked.
  public let rate: Estimate?
  /// How many of the track's tags were marked.
  public let tagsObserved: Int

  /// The track figures from per-week tag counts.
  ///
  /// - Parameters:
  ///   - track: `.ic` or `.management`.
  ///   - weeks: Per week, its tags' counts.
  /// - Returns: The figures.
  public static func pooled(_ track: Track, weeks: [[TagCounts]]) -> TrackFigures {
    let totals = Pooling.totals(weeks)
    var counts = MarkCounts()
    var own = MarkCounts()
    var observed = 0
    for tag in totals where tag.track.counts(toward: track) {
      counts += tag.counts
      observed += 1
      if tag.track == track { own += tag.counts }
    }
    return TrackFigures(
      track: track, counts: counts, ownCounts: own,
      rate: Pooling.estimate(weeks, tracks: [(track, 1)], bounds: -1...1), tagsObserved: observed)
  }

  /// The track figures from one set of counts (one week, or a period without week detail).
  ///
  /// - Parameters:
  ///   - track: `.ic` or `.management`.
  ///   - tags: Counts per tag, with each tag's track.
  /// - Returns: The figures.
  public static func balanced(_ track: Track, tags: [(track: Track, counts: MarkCounts)])
    -> TrackFigures
  {
    pooled(
      track,
      weeks: [
        tags.enumerated().map {
          TagCounts(name: String($0.offset), track: $0.element.track, counts: $0.element.counts)
        }
      ])
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
  /// The least-squares fit of its weekly plain rates, per week.
  public let fit: SlopeFit?
  /// The fitted slope, per week.
  public var slope: Double? { fit?.slope }
  /// Its direction: large enough and clear of the noise.
  public var direction: Direction { Direction(fit: fit) }
  /// Weeks in which it was marked.
  public let weeksObserved: Int
  /// Its vote in its track's rate, marks / (marks + k) (see ``Pooling``).
  public var vote: Double { Pooling.vote(counts.observations) }
}

/// A track's figures over the window, with how it moved.
public struct TrackSummary: Hashable, Sendable {
  /// The window's figures.
  public let figures: TrackFigures
  /// The least-squares fit of the weekly track rates, per week.
  public let fit: SlopeFit?
  /// The fitted slope, per week.
  public var slope: Double? { fit?.slope }
  /// Its direction: large enough and clear of the noise.
  public var direction: Direction { Direction(fit: fit) }
  /// Weeks in which any of its tags was marked.
  public let weeksObserved: Int
  /// Weeks in which a tag of this track alone (not `both`) was marked.
  public let ownWeeksObserved: Int
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
    // Every sum below runs over tags sorted by name: dictionary order changes per process.
    let weekTags: [[TagCounts]] = byWeek.map { tags in
      tags.keys.sorted().compactMap { name in
        guard let counts = tags[name] else { return nil }
        return TagCounts(name: name, track: trackOf[name] ?? .neutral, counts: counts)
      }
    }

    weeks = weekTags.enumerated().map { index, tags in
      TrendWeek(
        week: first.adding(weeks: index),
        tags: Dictionary(uniqueKeysWithValues: tags.map { ($0.name, $0.counts) }),
        tracks: [
          .ic: TrackFigures.pooled(.ic, weeks: [tags]),
          .management: TrackFigures.pooled(.management, weeks: [tags]),
        ])
    }

    let totals = Pooling.totals(weekTags)
    let order: [Track] = [.ic, .management, .both, .neutral]
    tags = totals.sorted {
      let lhs = order.firstIndex(of: $0.track) ?? 0
      let rhs = order.firstIndex(of: $1.track) ?? 0
      return (lhs, $0.name) < (rhs, $1.name)
    }.map { tag in
      let points = byWeek.enumerated().compactMap { index, week -> (x: Double, y: Double)? in
        week[tag.name]?.rate.map { (Double(index), $0) }
      }
      return TagSummary(
        name: tag.name, track: tag.track, counts: tag.counts, fit: Statistics.slopeFit(points),
        weeksObserved: points.count)
    }

    let weeks = self.weeks
    func summary(_ track: Track) -> TrackSummary {
      let points = weeks.enumerated().compactMap { index, week -> (x: Double, y: Double)? in
        week.tracks[track]?.rate.map { (Double(index), $0.value) }
      }
      let own = weekTags.filter { week in
        week.contains { $0.track == track && $0.counts.observations > 0 }
      }.count
      return TrackSummary(
        figures: TrackFigures.pooled(track, weeks: weekTags), fit: Statistics.slopeFit(points),
        weeksObserved: points.count, ownWeeksObserved: own)
    }
    ic = summary(.ic)
    management = summary(.management)
    lean = Pooling.estimate(weekTags, tracks: [(.ic, 1), (.management, -1)], bounds: -2...2)
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
