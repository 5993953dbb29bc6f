import JournalCore

/// One tag's marks, with its track: the unit the track rates are pooled from.
public struct TagCounts: Hashable, Sendable {
  /// The tag's name.
  public let name: String
  /// Its track.
  public let track: Track
  /// Its marks.
  public let counts: MarkCounts

  /// Creates the row.
  ///
  /// - Parameters:
  ///   - name: The tag's name.
  ///   - track: Its track.
  ///   - counts: Its marks.
  public init(name: String, track: Track, counts: MarkCounts) {
    self.name = name
    self.track = track
    self.counts = counts
  }
}

/// How the track rates and the lean are estimated: every mark on a track's tags pooled, a
/// model interval and a delete-one-week jackknife interval, the wider of the two. Every sum
/// runs over tags sorted by name and weeks oldest first, so the same counts give the same bits
/// in any process.
///
/// **The rate.** A track's rate is (energized − drained) / marks over all the marks on its
/// tags: the mean of its tags' plain rates, each weighted by its marks (its *vote*). How finely
/// the tags are split does not change it (two tags of 13 marks count as one of 26), nothing is
/// pulled toward 0, and it is monotone: one more energized mark never lowers a tag's or its
/// track's rate, and a new tag with one energized mark never lowers its track.
///
/// Chosen by `scripts/calibrate` (docs/CALIBRATION.md, 2026-11-30): the earlier capped vote,
/// marks / (marks + 10), gave rarely logged tags more say than their marks, and their noise
/// with it. Of 800 simulated people with a clear preference it named 68.2% right at week 12;
/// pooled marks name 73.8%, and 75.9% with the lean's multiplier below, while balanced people
/// see a false verdict over 26 weekly looks in 16.0% and 17.6% (15.1% before).
///
/// **The interval.** The model variance treats each tag's marks as independent draws, with
/// the chance of "energized" read through Jeffreys' prior ((energized + ½) / (marks + 1)) so a
/// tag that was always energized still has some spread. Good and bad weeks move all marks
/// together, which the model does not see; the jackknife does: it recomputes the figure with
/// each week that has marks left out in turn. The interval is the figure ± the larger of
/// 1.645 model standard errors and ``Jackknife`` (t(n − 1), or 1.645 for the lean) jackknife
/// standard errors, clamped to the scale.
public enum Pooling {
  /// A tag's vote in its track: its marks.
  ///
  /// - Parameter marks: The tag's marks.
  /// - Returns: The weight.
  public static func vote(_ marks: Int) -> Double {
    Double(marks)
  }

  /// How many jackknife standard errors an interval reaches: t(n − 1) for a track's rate (and
  /// every other figure, an experiment's change included), the normal 1.645 for the lean.
  /// Measured by `scripts/calibrate` (docs/CALIBRATION.md, 2026-11-30): with t(n − 1) the
  /// lean's 90% intervals covered the truth 93–96% of the time in every scenario, wider than
  /// they say, which kept clear preferences unnamed; with 1.645 they cover 91.6–94.8%. The
  /// rates keep t: with 1.645 they covered only 83% in five-week journals with strong moods.
  public enum Jackknife: Sendable {
    /// Student's t with n − 1 degrees of freedom for n weeks left out.
    case studentT
    /// 1.645, the lean's.
    case normal

    /// The multiplier for `weeks` values with one week left out.
    func multiplier(weeks: Int) -> Double {
      switch self {
      case .studentT: Statistics.t90(degreesOfFreedom: weeks - 1)
      case .normal: Statistics.z90
      }
    }
  }

  /// The model variance of a tag's plain rate: 4 p(1 − p) / marks with Jeffreys' p.
  static func rateVariance(_ counts: MarkCounts) -> Double {
    let n = Double(counts.observations)
    guard n > 0 else { return 0 }
    let p = (Double(counts.energized) + 0.5) / (n + 1)
    return 4 * p * (1 - p) / n
  }

  /// The figure Σ coefficient × rate and its model variance Σ coefficient² × variance, where a
  /// tag's coefficient is `sign` × its vote over its track's total vote, for each track in
  /// `tracks` (``figure(count:track:counts:tracks:weights:)``, on an array of tags).
  static func figure(_ tags: [TagCounts], tracks: [(Track, Double)]) -> (
    value: Double, variance: Double
  )? {
    var weights: [Double] = []
    return figure(
      count: tags.count, track: { tags[$0].track }, counts: { tags[$0].counts }, tracks: tracks,
      weights: &weights)
  }

  /// The tags of `weeks` summed, sorted by name, without tags that have no marks.
  static func totals(_ weeks: [[TagCounts]], skipping skipped: Int? = nil) -> [TagCounts] {
    var sums: [String: TagCounts] = [:]
    for (index, week) in weeks.enumerated() where index != skipped {
      for tag in week {
        let sum = sums[tag.name]?.counts ?? MarkCounts()
        sums[tag.name] = TagCounts(name: tag.name, track: tag.track, counts: sum + tag.counts)
      }
    }
    return sums.keys.sorted().compactMap { name in
      guard let tag = sums[name], tag.counts.observations > 0 else { return nil }
      return tag
    }
  }

  /// A figure over `weeks` (each week's tags) with its 90% interval: the track rate for
  /// `[(track, 1)]`, the lean for `[(.ic, 1), (.management, -1)]`.
  ///
  /// - Parameters:
  ///   - weeks: Per week, its tags' counts; weeks in order.
  ///   - tracks: Which track means enter, with which sign.
  ///   - bounds: Where the figure can lie.
  ///   - jackknife: The jackknife's multiplier: `.normal` for the lean.
  /// - Returns: The estimate, or `nil` when a track in `tracks` has no marks.
  public static func estimate(
    _ weeks: [[TagCounts]], tracks: [(Track, Double)], bounds: ClosedRange<Double>,
    jackknife: Jackknife = .studentT
  ) -> Estimate? {
    guard let whole = figure(totals(weeks), tracks: tracks) else { return nil }
    let relevant = weeks.indices.filter { index in
      weeks[index].contains { tag in
        tag.counts.observations > 0 && tracks.contains { tag.track.counts(toward: $0.0) }
      }
    }
    var leftOut: [Double] = []
    // One week left out of one leaves nothing: no sums to build for it.
    let sums = weeks.count > 1 ? LeaveOneOut(weeks) : nil
    for index in relevant {
      let rest = sums?.totals(skipping: weeks[index]) ?? totals(weeks, skipping: index)
      if let value = figure(rest, tracks: tracks)?.value {
        leftOut.append(value)
      }
    }
    return interval(whole, leftOut: leftOut, jackknife: jackknife, bounds: bounds)
  }
}

extension Pooling {
  /// The figure ± the larger of 1.645 model standard errors and
  /// `jackknife`'s multiple of the jackknife standard error of the values with one week left
  /// out, clamped to `bounds`.
  static func interval(
    _ whole: (value: Double, variance: Double), leftOut: [Double], jackknife: Jackknife,
    bounds: ClosedRange<Double>
  ) -> Estimate {
    var half = Statistics.z90 * max(0, whole.variance).squareRoot()
    if leftOut.count >= 2 {
      let n = Double(leftOut.count)
      let mean = leftOut.reduce(0, +) / n
      let spread = leftOut.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
      let error = ((n - 1) / n * spread).squareRoot()
      half = max(half, jackknife.multiplier(weeks: leftOut.count) * error)
    }
    return Estimate(value: whole.value, halfWidth: half, bounds: bounds)
  }
}

/// The tags of every week summed once, so that leaving one week out is a subtraction: the
/// jackknife over n weeks then costs n × tags instead of n² × tags. Measured 2026-11-30 with
/// hyperfine on the release build and the benchmark's million-entry journal (a loaded 2-core
/// machine, so user time is the steadier figure): `trend --since 2020-01-06` (360 weeks) took
/// 149 ms of user time before, 9.1 ms after; `trend --by-role` over three roles held for
/// seven years 60 ms before, 10.4 ms after. Counts are integers, so
/// the difference equals the sum without the week exactly, and the figures are bit for bit
/// those of ``Pooling/totals(_:skipping:)``.
struct LeaveOneOut {
  private let sums: [String: TagCounts]
  private let names: [String]

  /// The sums, or `nil` when a tag is listed with two tracks in different weeks (then the
  /// track of a sum depends on which week is left out, and the caller sums afresh).
  init?(_ weeks: [[TagCounts]]) {
    var sums: [String: TagCounts] = [:]
    for week in weeks {
      for tag in week {
        if let sum = sums[tag.name] {
          guard sum.track == tag.track else { return nil }
          sums[tag.name] = TagCounts(
            name: tag.name, track: tag.track, counts: sum.counts + tag.counts)
        } else {
          sums[tag.name] = tag
        }
      }
    }
    self.sums = sums
    names = sums.keys.sorted()
  }

  /// The totals without `week`: sorted by name, tags without marks left out.
  func totals(skipping week: [TagCounts]) -> [TagCounts] {
    var less: [String: MarkCounts] = [:]
    for tag in week { less[tag.name, default: MarkCounts()] += tag.counts }
    return names.compactMap { name in
      guard let sum = sums[name] else { return nil }
      let counts = less[name].map { sum.counts - $0 } ?? sum.counts
      return counts.observations > 0 ? TagCounts(name: name, track: sum.track, counts: counts) : nil
    }
  }
}

extension Pooling {
  /// ``figure(_:tracks:)`` over `count` tags given by number in name order (a trend's table,
  /// issue 16): the same sums in the same order, so the same bits. Tags without marks may be
  /// among them; they get no coefficient, as ``totals(_:skipping:)`` leaves them out.
  static func figure(
    count: Int, track: (Int) -> Track, counts: (Int) -> MarkCounts, tracks: [(Track, Double)],
    weights: inout [Double]
  ) -> (value: Double, variance: Double)? {
    weights.removeAll(keepingCapacity: true)
    weights.append(contentsOf: repeatElement(0, count: count))
    for (wanted, sign) in tracks {
      var total = 0.0
      for index in 0..<count where track(index).counts(toward: wanted) {
        let marks = counts(index).observations
        if marks > 0 { total += vote(marks) }
      }
      guard total > 0 else { return nil }
      for index in 0..<count where track(index).counts(toward: wanted) {
        let marks = counts(index).observations
        if marks > 0 { weights[index] += sign * vote(marks) / total }
      }
    }
    var value = 0.0
    var variance = 0.0
    for index in 0..<count where weights[index] != 0 {
      let tag = counts(index)
      value += weights[index] * (tag.rate ?? 0)
      variance += weights[index] * weights[index] * rateVariance(tag)
    }
    return (value, variance)
  }

  /// ``estimate(_:tracks:bounds:)`` of one week's tags, by number in name order: one week left
  /// out of one leaves nothing, so the model interval alone.
  static func estimate(
    count: Int, track: (Int) -> Track, counts: (Int) -> MarkCounts, tracks: [(Track, Double)],
    bounds: ClosedRange<Double>
  ) -> Estimate? {
    var weights: [Double] = []
    guard
      let whole = figure(
        count: count, track: track, counts: counts, tracks: tracks, weights: &weights)
    else { return nil }
    return Statistics.interval(value: whole.value, variance: whole.variance, bounds: bounds)
  }

  /// ``estimate(_:tracks:bounds:)`` of a trend's weeks, from their table and the tags' totals
  /// over all of them: each week left out is the totals minus that week's rows (integers, so
  /// exactly the sums without it).
  static func estimate(
    _ weeks: TrendWeeks, totals: [MarkCounts], tracks: [(Track, Double)],
    bounds: ClosedRange<Double>, jackknife: Jackknife = .studentT
  ) -> Estimate? {
    var weights: [Double] = []
    guard
      let whole = figure(
        count: totals.count, track: { weeks.tracks[$0] }, counts: { totals[$0] },
        tracks: tracks, weights: &weights)
    else { return nil }
    var leftOut: [Double] = []
    var rest = totals
    for week in weeks.indices {
      let rows = weeks.rows(week)
      let relevant = rows.contains { row in
        weeks.counts[row].observations > 0
          && tracks.contains { weeks.tracks[weeks.tagIndex[row]].counts(toward: $0.0) }
      }
      guard relevant else { continue }
      for row in rows {
        let tag = weeks.tagIndex[row]
        rest[tag] = totals[tag] - weeks.counts[row]
      }
      if let value = figure(
        count: rest.count, track: { weeks.tracks[$0] }, counts: { rest[$0] }, tracks: tracks,
        weights: &weights)?.value
      {
        leftOut.append(value)
      }
      for row in rows { rest[weeks.tagIndex[row]] = totals[weeks.tagIndex[row]] }
    }
    return interval(whole, leftOut: leftOut, jackknife: jackknife, bounds: bounds)
  }
}
