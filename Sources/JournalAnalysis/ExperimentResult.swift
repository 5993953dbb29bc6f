import JournalCore

/// An experiment judged against the weeks before it: its track's balanced rate during the
/// experiment's weeks and during as many weeks just before (the baseline), with intervals.
public struct ExperimentResult: Hashable, Sendable {
  /// What the comparison says.
  public enum Verdict: String, Sendable {
    /// The track energized clearly more during the experiment.
    case moreEnergized = "more-energized"
    /// The track energized clearly less.
    case lessEnergized = "less-energized"
    /// The intervals cannot tell the two periods apart.
    case noClearChange = "no-clear-change"
    /// Either period has too few marks on the track.
    case notEnoughData = "not-enough-data"
  }

  /// The experiment.
  public let experiment: Experiment
  /// The experiment's weeks, `nil` when it starts after today.
  public let weeks: (first: ISOWeek, last: ISOWeek)?
  /// The track during the experiment.
  public let during: TrackFigures?
  /// The track in the same number of weeks just before.
  public let baseline: TrackFigures?
  /// During minus baseline, with a 90% interval.
  public let change: Estimate?
  /// The verdict.
  public let verdict: Verdict

  /// The marks each period needs on the track before it is judged.
  public static let minimumMarks = 4

  /// Judges `experiment` from weekly counts covering its weeks and the baseline weeks.
  ///
  /// - Parameters:
  ///   - experiment: The experiment.
  ///   - counts: Weekly rows from ``span(of:today:)``'s first week through the
  ///     experiment's last week (others are ignored).
  ///   - today: The user's local day.
  public init(experiment: Experiment, counts: [WeeklyTagCount], today: Day) {
    self.experiment = experiment
    guard let weeks = experiment.weeks(today: today) else {
      self.weeks = nil
      during = nil
      baseline = nil
      change = nil
      verdict = .notEnoughData
      return
    }
    self.weeks = weeks
    let length = weeks.first.distance(to: weeks.last) + 1
    let baselineFirst = weeks.first.adding(weeks: -length)
    func figures(_ first: ISOWeek, _ last: ISOWeek) -> TrackFigures {
      var totals: [String: (track: Track, counts: MarkCounts)] = [:]
      for row in counts where row.week >= first && row.week <= last {
        totals[row.tag, default: (row.track, MarkCounts())].counts += MarkCounts(row)
      }
      return TrackFigures.balanced(experiment.track, tags: Array(totals.values))
    }
    let during = figures(weeks.first, weeks.last)
    let baseline = figures(baselineFirst, weeks.first.adding(weeks: -1))
    self.during = during
    self.baseline = baseline
    guard let now = during.rate, let before = baseline.rate,
      during.counts.observations >= Self.minimumMarks,
      baseline.counts.observations >= Self.minimumMarks
    else {
      change = nil
      verdict = .notEnoughData
      return
    }
    let variance =
      (now.unclampedHalfWidth / Statistics.z90) * (now.unclampedHalfWidth / Statistics.z90)
      + (before.unclampedHalfWidth / Statistics.z90) * (before.unclampedHalfWidth / Statistics.z90)
    let change = Statistics.interval(
      value: now.value - before.value, variance: variance, bounds: -2...2)
    self.change = change
    verdict =
      change.isClearlyPositive
      ? .moreEnergized : change.isClearlyNegative ? .lessEnergized : .noClearChange
  }

  /// The first week of the baseline: as many weeks before the experiment as it has run.
  ///
  /// - Parameters:
  ///   - experiment: The experiment.
  ///   - today: The user's local day.
  /// - Returns: The baseline's first and the experiment's last week, to read counts for.
  public static func span(of experiment: Experiment, today: Day) -> (first: ISOWeek, last: ISOWeek)?
  {
    guard let weeks = experiment.weeks(today: today) else { return nil }
    let length = weeks.first.distance(to: weeks.last) + 1
    return (weeks.first.adding(weeks: -length), weeks.last)
  }

  public static func == (lhs: ExperimentResult, rhs: ExperimentResult) -> Bool {
    lhs.experiment == rhs.experiment && lhs.during == rhs.during && lhs.baseline == rhs.baseline
      && lhs.verdict == rhs.verdict && lhs.change == rhs.change
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(experiment)
    hasher.combine(verdict)
  }
}
