import JournalCore

/// An experiment judged against the weeks before it: its track's pooled rate during the
/// experiment's weeks and during as many weeks just before (the baseline), over the tags
/// logged in both periods (like with like), with intervals.
public struct ExperimentResult: Hashable, Sendable {
  /// What the comparison says.
  public enum Verdict: String, Sendable {
    /// The track energized clearly more during the experiment.
    case moreEnergized = "more-energized"
    /// The track energized clearly less.
    case lessEnergized = "less-energized"
    /// The intervals cannot tell the two periods apart, and the experiment could have seen a
    /// meaningful change.
    case noClearChange = "no-clear-change"
    /// No clear change, but the experiment was too short or too sparse to see a meaningful
    /// one: the smallest change it could detect is larger than ``meaningfulChange``.
    case tooShortToTell = "too-short-to-tell"
    /// Either period has too few marks on the tags logged in both.
    case notEnoughData = "not-enough-data"
  }

  /// The experiment.
  public let experiment: Experiment
  /// The experiment's weeks, `nil` when it starts after today.
  public let weeks: (first: ISOWeek, last: ISOWeek)?
  /// The track during the experiment, over the tags logged in both periods.
  public let during: TrackFigures?
  /// The track in the same number of weeks just before, over the same tags.
  public let baseline: TrackFigures?
  /// The tags compared: the track's tags logged in both periods, by name.
  public let comparedTags: [String]
  /// During minus baseline, with a 90% interval.
  public let change: Estimate?
  /// The smallest change this comparison would detect four times in five (80% power at the
  /// 90% level): (1.645 + 0.842) standard errors of the change.
  public let detectableChange: Double?
  /// When the verdict is ``Verdict/tooShortToTell``: a length, 8 to 12 weeks, that could tell.
  public let proposedWeeks: Int?
  /// The verdict.
  public let verdict: Verdict

  /// The marks each period needs on the compared tags before it is judged.
  public static let minimumMarks = 4
  /// The smallest change in a track's rate worth acting on.
  public static let meaningfulChange = 0.25
  /// z for 80% power: the 80th percentile of the standard normal.
  static let z80 = 0.841_621_233_572_914_3

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
      comparedTags = []
      change = nil
      detectableChange = nil
      proposedWeeks = nil
      verdict = .notEnoughData
      return
    }
    self.weeks = weeks
    let length = weeks.first.distance(to: weeks.last) + 1
    let baselineFirst = weeks.first.adding(weeks: -length)
    let track = experiment.track
    // Per week, each tag of the track, sorted by name.
    func byWeek(_ first: ISOWeek, _ count: Int) -> [[TagCounts]] {
      var table = [[String: TagCounts]](repeating: [:], count: count)
      for row in counts where row.track.counts(toward: track) {
        let index = first.distance(to: row.week)
        guard (0..<count).contains(index) else { continue }
        let sum = (table[index][row.tag]?.counts ?? MarkCounts()) + MarkCounts(row)
        table[index][row.tag] = TagCounts(name: row.tag, track: row.track, counts: sum)
      }
      return table.map { week in week.keys.sorted().compactMap { week[$0] } }
    }
    let duringWeeks = byWeek(weeks.first, length)
    let baselineWeeks = byWeek(baselineFirst, length)
    let common = Set(Pooling.totals(duringWeeks).map(\.name))
      .intersection(Pooling.totals(baselineWeeks).map(\.name)).sorted()
    comparedTags = common
    func keep(_ weeks: [[TagCounts]]) -> [[TagCounts]] {
      weeks.map { $0.filter { common.contains($0.name) } }
    }
    let during = TrackFigures.pooled(track, weeks: keep(duringWeeks))
    let baseline = TrackFigures.pooled(track, weeks: keep(baselineWeeks))
    self.during = during
    self.baseline = baseline
    guard let now = during.rate, let before = baseline.rate,
      during.counts.observations >= Self.minimumMarks,
      baseline.counts.observations >= Self.minimumMarks
    else {
      change = nil
      detectableChange = nil
      proposedWeeks = nil
      verdict = .notEnoughData
      return
    }
    let verdicts = Self.judge(
      change: now.value - before.value,
      halfWidths: (now.unclampedHalfWidth, before.unclampedHalfWidth), weeks: length)
    change = verdicts.change
    detectableChange = verdicts.detectable
    proposedWeeks = verdicts.proposedWeeks
    verdict = verdicts.verdict
  }

  /// The verdict on a change from the two periods' 90% half widths.
  ///
  /// - Parameters:
  ///   - change: During minus baseline.
  ///   - halfWidths: The two periods' unclamped 90% half widths.
  ///   - weeks: How many weeks each period has.
  /// - Returns: The change with its interval, the detectable change, a proposed length and
  ///   the verdict.
  public static func judge(change: Double, halfWidths: (Double, Double), weeks: Int) -> (
    change: Estimate, detectable: Double, proposedWeeks: Int?, verdict: Verdict
  ) {
    let half = (halfWidths.0 * halfWidths.0 + halfWidths.1 * halfWidths.1).squareRoot()
    let estimate = Estimate(value: change, halfWidth: half, bounds: -2...2)
    let detectable = (Statistics.z90 + z80) * estimate.standardError
    if estimate.isClearlyPositive { return (estimate, detectable, nil, .moreEnergized) }
    if estimate.isClearlyNegative { return (estimate, detectable, nil, .lessEnergized) }
    guard detectable > meaningfulChange else { return (estimate, detectable, nil, .noClearChange) }
    // The standard error shrinks about as 1 / sqrt(weeks).
    let ratio = detectable / meaningfulChange
    let needed = Int((Double(max(1, weeks)) * ratio * ratio).rounded(.up))
    return (estimate, detectable, min(12, max(8, needed)), .tooShortToTell)
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
      && lhs.comparedTags == rhs.comparedTags && lhs.detectableChange == rhs.detectableChange
      && lhs.proposedWeeks == rhs.proposedWeeks
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(experiment)
    hasher.combine(verdict)
  }
}
