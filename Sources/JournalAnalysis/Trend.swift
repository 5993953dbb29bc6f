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

/// One week of the trend: each tag's counts, and each track's balanced rate. A view into the
/// trend's compact table (``TrendWeeks``): building it copies nothing (issue 16).
public struct TrendWeek: Hashable, Sendable {
  /// The ISO week.
  public let week: ISOWeek
  /// Counts per tag that has a row this week.
  public let tags: WeekTags
  /// `.ic` and `.management`: the week's track figures.
  public let tracks: WeekTracks

  /// Whether nothing was marked this week: a gap.
  public var isGap: Bool { tags.rows.allSatisfy { tags.table.counts[$0].observations == 0 } }
}

/// A week's tags and their counts, looked up by name; names in order.
public struct WeekTags: Hashable, Sendable {
  let table: TrendWeeks
  let rows: Range<Int>

  /// The counts of the tag called `name` this week, or `nil` when it has no row.
  public subscript(name: String) -> MarkCounts? {
    var low = rows.lowerBound
    var high = rows.upperBound
    while low < high {
      let middle = (low + high) / 2
      let other = table.names[table.tagIndex[middle]]
      if other == name { return table.counts[middle] }
      if other < name { low = middle + 1 } else { high = middle }
    }
    return nil
  }

  /// Calls `body` with each tag that has a row this week and its counts, in name order,
  /// without building ``keys`` or looking each one up (a trend over all history writes 5,200
  /// weeks).
  ///
  /// - Parameter body: Reads one tag's name and counts.
  public func forEachTag(_ body: (String, MarkCounts) throws -> Void) rethrows {
    for row in rows { try body(table.names[table.tagIndex[row]], table.counts[row]) }
  }

  /// The week's tag names, sorted.
  public var keys: [String] { rows.map { table.names[table.tagIndex[$0]] } }
  /// How many tags have a row this week.
  public var count: Int { rows.count }
  /// Whether no tag has a row this week.
  public var isEmpty: Bool { rows.isEmpty }
}

/// A week's track figures: `.ic` and `.management`, computed from its rows when asked.
public struct WeekTracks: Hashable, Sendable {
  let table: TrendWeeks
  let week: Int

  /// The figures of `track` this week; `nil` for `.both` and `.neutral`.
  public subscript(track: Track) -> TrackFigures? {
    guard track == .ic || track == .management else { return nil }
    let rows = table.rows(week)
    return TrackFigures(
      track, count: rows.count, tagTrack: { table.tracks[table.tagIndex[rows.lowerBound + $0]] },
      tagCounts: { table.counts[rows.lowerBound + $0] }, rate: table.rate(of: track, week: week))
  }
}

/// Every week of a trend, oldest first, gaps included, in one compact table: the tag names once
/// (sorted), and per week only its rows' tag numbers and integer counts (issue 16: over all
/// history, 5,200 weeks, a dictionary and two track figures per week had been 13 MB).
public struct TrendWeeks: RandomAccessCollection, Hashable, Sendable {
  /// The first week.
  let start: ISOWeek
  /// Tag names, sorted; a tag's number is its place here.
  let names: [String]
  /// Each tag's track.
  let tracks: [Track]
  /// Week `w`'s rows are `starts[w] ..< starts[w + 1]`, by tag number.
  let starts: [Int]
  /// Each row's tag number.
  let tagIndex: TagColumn
  /// Each row's counts.
  let counts: CountColumn

  public var startIndex: Int { 0 }
  public var endIndex: Int { starts.count - 1 }

  public subscript(position: Int) -> TrendWeek {
    TrendWeek(
      week: start.adding(weeks: position), tags: WeekTags(table: self, rows: rows(position)),
      tracks: WeekTracks(table: self, week: position))
  }

  /// Week `week`'s rows.
  func rows(_ week: Int) -> Range<Int> { starts[week]..<starts[week + 1] }

  /// Week `week`'s rate of `track` (`.ic` or `.management`) with its interval, from its rows
  /// when asked: kept for every week, they had been a tenth of the table.
  func rate(of track: Track, week: Int) -> Estimate? {
    let rows = rows(week)
    return Pooling.estimate(
      count: rows.count, track: { tracks[tagIndex[rows.lowerBound + $0]] },
      counts: { counts[rows.lowerBound + $0] }, tracks: [(track, 1)], bounds: -1...1)
  }
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
  /// The track's marks pooled, (energized − drained) / marks (see ``Pooling``), with a 90%
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
    return TrackFigures(
      track, count: totals.count, tagTrack: { totals[$0].track },
      tagCounts: { totals[$0].counts },
      rate: Pooling.estimate(weeks, tracks: [(track, 1)], bounds: -1...1))
  }
}

extension TrackFigures {
  /// The figures of `track` from `count` tags of any track, given by number (those that do
  /// not count toward it, or have no marks, add nothing), and its rate. Closures, not a
  /// lazy sequence: a week's figures are asked for 10,430 times in an all-history trend, and
  /// a sequence that holds the trend's table copied it each time (2 million instructions,
  /// callgrind 2026-11-30).
  ///
  /// - Parameters:
  ///   - track: `.ic` or `.management`.
  ///   - count: How many tags.
  ///   - tagTrack: Each tag's track.
  ///   - tagCounts: Each tag's counts.
  ///   - rate: The track's pooled rate with its interval.
  init(
    _ track: Track, count: Int, tagTrack: (Int) -> Track, tagCounts: (Int) -> MarkCounts,
    rate: Estimate?
  ) {
    var counts = MarkCounts()
    var own = MarkCounts()
    var observed = 0
    for index in 0..<count {
      let marks = tagCounts(index)
      let tagTrack = tagTrack(index)
      guard marks.observations > 0 && tagTrack.counts(toward: track) else { continue }
      counts += marks
      observed += 1
      if tagTrack == track { own += marks }
    }
    self.init(track: track, counts: counts, ownCounts: own, rate: rate, tagsObserved: observed)
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
  /// Its vote in its track's rate: its marks (see ``Pooling``).
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
  public let weeks: TrendWeeks
  /// The tags marked in the window: by track (ic, management, both, neutral), then name.
  public let tags: [TagSummary]
  /// The IC track.
  public let ic: TrackSummary
  /// The management track.
  public let management: TrackSummary
  /// IC rate minus management rate with its 90% interval; `nil` unless both tracks have
  /// observations.
  public let lean: Estimate?
  /// Weeks with at least one mark.
  public let weeksObserved: Int

  /// The first week.
  public var firstWeek: ISOWeek { weeks.start }
  /// The last week.
  public var lastWeek: ISOWeek { weeks.start.adding(weeks: weeks.count - 1) }
  /// Marks in the window, on all tags.
  public var observations: Int { tags.reduce(0) { $0 + $1.counts.observations } }

  /// Builds the trend of the weeks `first` ... `last` from their weekly per-tag counts.
  ///
  /// - Parameters:
  ///   - counts: The weekly rows, in any order; rows outside the window are ignored.
  ///   - first: The first week.
  ///   - last: The last week (at least `first`).
  public init(counts: [WeeklyTagCount], from first: ISOWeek, through last: ISOWeek) {
    var fold = Fold(from: first, through: last)
    for row in counts { fold.add(row) }
    self.init(fold)
  }

  /// Builds the trend from rows folded as they were read (see ``Fold``).
  ///
  /// - Parameter fold: The window's rows.
  public init(_ fold: consuming Fold) {
    let weeks = fold.table()
    let table = weeks
    let weekCount = table.count
    let tagCount = table.names.count

    // Every sum below runs over tags by number, which is name order, and weeks oldest first:
    // the order of the sums the figures were first written with, so the same bits.
    var totals = [MarkCounts](repeating: MarkCounts(), count: tagCount)
    var observed = 0
    // Each week's track rates (NaN: none), for the tracks' fits.
    var trackRates = [[Double]](repeating: [], count: 2)
    trackRates[0].reserveCapacity(weekCount)
    trackRates[1].reserveCapacity(weekCount)
    for week in 0..<weekCount {
      let rows = table.rows(week)
      if rows.contains(where: { table.counts[$0].observations > 0 }) { observed += 1 }
      for row in rows { totals[table.tagIndex[row]] += table.counts[row] }
      for (series, track) in [Track.ic, .management].enumerated() {
        trackRates[series].append(table.rate(of: track, week: week)?.value ?? .nan)
      }
    }
    self.weeks = weeks
    weeksObserved = observed

    // Each tag's and each track's fit: three passes over the weeks, no points kept.
    var tagFits = SlopeFolds(series: tagCount)
    var trackFits = SlopeFolds(series: 2)
    for pass in 0..<3 {
      for week in 0..<weekCount {
        let x = Double(week)
        for row in weeks.rows(week) {
          guard let y = weeks.counts[row].rate else { continue }
          switch pass {
          case 0: tagFits.addToMeans(weeks.tagIndex[row], x: x, y: y)
          case 1: tagFits.addToSpread(weeks.tagIndex[row], x: x, y: y)
          default: tagFits.addToResiduals(weeks.tagIndex[row], x: x, y: y)
          }
        }
        for series in 0..<2 where !trackRates[series][week].isNaN {
          let y = trackRates[series][week]
          switch pass {
          case 0: trackFits.addToMeans(series, x: x, y: y)
          case 1: trackFits.addToSpread(series, x: x, y: y)
          default: trackFits.addToResiduals(series, x: x, y: y)
          }
        }
      }
    }
    trackRates = []

    let order: [Track] = [.ic, .management, .both, .neutral]
    tags = (0..<tagCount).filter { totals[$0].observations > 0 }.sorted {
      let lhs = order.firstIndex(of: weeks.tracks[$0]) ?? 0
      let rhs = order.firstIndex(of: weeks.tracks[$1]) ?? 0
      return (lhs, weeks.names[$0]) < (rhs, weeks.names[$1])
    }.map { tag in
      TagSummary(
        name: weeks.names[tag], track: weeks.tracks[tag], counts: totals[tag],
        fit: tagFits.fit(tag), weeksObserved: tagFits.points(tag))
    }

    func summary(_ track: Track, series: Int) -> TrackSummary {
      var own = 0
      for week in 0..<weekCount
      where weeks.rows(week).contains(where: {
        weeks.tracks[weeks.tagIndex[$0]] == track && weeks.counts[$0].observations > 0
      }) {
        own += 1
      }
      let figures = TrackFigures(
        track, count: tagCount, tagTrack: { weeks.tracks[$0] }, tagCounts: { totals[$0] },
        rate: Pooling.estimate(weeks, totals: totals, tracks: [(track, 1)], bounds: -1...1))
      return TrackSummary(
        figures: figures, fit: trackFits.fit(series), weeksObserved: trackFits.points(series),
        ownWeeksObserved: own)
    }
    ic = summary(.ic, series: 0)
    management = summary(.management, series: 1)
    lean = Pooling.estimate(
      weeks, totals: totals, tracks: [(.ic, 1), (.management, -1)], bounds: -2...2,
      jackknife: .normal)
  }

  /// The rows of a trend's window, folded as they are read: tag names interned to numbers, and
  /// per row only the week's number, the tag's number and its integer counts. The store hands
  /// its rows over one at a time (``Journal/forEachWeeklyTagCount``), so no array of them is
  /// built; in the store's order (by week, then name) the rows already are the table.
  public struct Fold: Sendable {
    private let first: ISOWeek
    private let weekCount: Int
    private var numbers: [String: Int] = [:]
    private var names: [String] = []
    private var tracks: [Track] = []
    /// The tag that followed each tag last time: a week's tags mostly come in the same order
    /// as the week before's, so the name is compared, not hashed.
    private var successor: [Int] = []
    /// How many rows each week has.
    private var weekRows: [Int]
    /// Each row's week: kept only once a row came out of the store's order.
    private var rowWeek: [Int] = []
    private var lastWeek = -1
    private var rowTag = TagColumn()
    private var rowCounts = CountColumn()
    /// Whether the rows so far came by week, then name, each once.
    private var inOrder = true

    /// An empty fold of the weeks `first` ... `last`.
    ///
    /// - Parameters:
    ///   - first: The first week.
    ///   - last: The last week (at least `first`).
    public init(from first: ISOWeek, through last: ISOWeek) {
      self.first = first
      weekCount = max(1, first.distance(to: last) + 1)
      weekRows = Array(repeating: 0, count: weekCount)
    }

    /// Adds one weekly row; a row outside the window is ignored. A tag's track is the one its
    /// last row gave.
    ///
    /// - Parameter row: The row.
    public mutating func add(_ row: WeeklyTagCount) {
      let week = first.distance(to: row.week)
      guard (0..<weekCount).contains(week) else { return }
      let previous = rowTag.last
      let number: Int
      if let previous, successor[previous] >= 0, names[successor[previous]] == row.tag {
        number = successor[previous]
        tracks[number] = row.track
      } else if let known = numbers[row.tag] {
        number = known
        tracks[number] = row.track
      } else {
        number = names.count
        numbers[row.tag] = number
        names.append(row.tag)
        tracks.append(row.track)
        successor.append(-1)
      }
      if let previous {
        successor[previous] = number
        if inOrder, week < lastWeek || (week == lastWeek && !(names[previous] < row.tag)) {
          // Out of order: from now on each row's week is kept, for the sort.
          inOrder = false
          for (week, rows) in weekRows.enumerated() {
            rowWeek.append(contentsOf: repeatElement(week, count: rows))
          }
        }
      }
      if !inOrder { rowWeek.append(week) }
      weekRows[week] += 1
      lastWeek = week
      rowTag.append(number)
      rowCounts.append(MarkCounts(row))
    }

    /// The rows as one table: tags numbered in name order, rows by week then tag, a tag's rows
    /// within one week summed.
    fileprivate mutating func table() -> TrendWeeks {
      let byName = names.indices.sorted { names[$0] < names[$1] }
      var rank = [Int](repeating: 0, count: names.count)
      for (place, number) in byName.enumerated() { rank[number] = place }
      var starts = [Int](repeating: 0, count: weekCount + 1)
      var tagIndex = TagColumn()
      var counts = CountColumn()
      if inOrder {
        // The store's order: the rows are the table once their tags are renumbered.
        swap(&tagIndex, &rowTag)
        swap(&counts, &rowCounts)
        for row in tagIndex.indices { tagIndex[row] = rank[tagIndex[row]] }
        for week in 0..<weekCount { starts[week + 1] = starts[week] + weekRows[week] }
      } else {
        let order = rowWeek.indices.sorted {
          (rowWeek[$0], rank[rowTag[$0]]) < (rowWeek[$1], rank[rowTag[$1]])
        }
        tagIndex.reserveCapacity(order.count)
        var week = 0
        for row in order {
          while week < rowWeek[row] {
            week += 1
            starts[week] = tagIndex.count
          }
          let tag = rank[rowTag[row]]
          if tagIndex.count > starts[week], tagIndex[tagIndex.count - 1] == tag {
            counts[counts.count - 1] = counts[counts.count - 1] + rowCounts[row]
          } else {
            tagIndex.append(tag)
            counts.append(rowCounts[row])
          }
        }
        while week < weekCount {
          week += 1
          starts[week] = tagIndex.count
        }
      }
      rowWeek = []
      return TrendWeeks(
        start: first, names: byName.map { names[$0] }, tracks: byName.map { tracks[$0] },
        starts: starts, tagIndex: tagIndex, counts: counts)
    }
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

/// A table's counts, 16 bytes a row instead of 32: each count as an `Int32`, which the store's
/// damage check bounds (`Int32.max`); a row with a count beyond (an `energySum` up to twice that,
/// or counts summed from rows given twice) is kept whole on the side, so every count is exact.
struct CountColumn: Hashable, Sendable {
  /// energized, drained, energySum, energyCount; `energized == Int32.min` marks a wide row.
  private var narrow: [SIMD4<Int32>] = []
  private var wide: [Int: MarkCounts] = [:]

  /// How many rows.
  var count: Int { narrow.count }

  /// Row `row`'s counts.
  subscript(row: Int) -> MarkCounts {
    get {
      let packed = narrow[row]
      if packed.x == .min { return wide[row] ?? MarkCounts() }
      return MarkCounts(
        energized: Int(packed.x), drained: Int(packed.y), energySum: Int(packed.z),
        energyCount: Int(packed.w))
    }
    set {
      if let packed = Self.pack(newValue) {
        narrow[row] = packed
        wide[row] = nil
      } else {
        narrow[row] = SIMD4(.min, 0, 0, 0)
        wide[row] = newValue
      }
    }
  }

  /// Adds a row.
  mutating func append(_ counts: MarkCounts) {
    narrow.append(SIMD4(0, 0, 0, 0))
    self[narrow.count - 1] = counts
  }

  private static func pack(_ counts: MarkCounts) -> SIMD4<Int32>? {
    guard let energized = Int32(exactly: counts.energized), energized != .min,
      let drained = Int32(exactly: counts.drained),
      let energySum = Int32(exactly: counts.energySum),
      let energyCount = Int32(exactly: counts.energyCount)
    else { return nil }
    return SIMD4(energized, drained, energySum, energyCount)
  }
}

/// A table's tag numbers, 4 bytes a row: a journal has far fewer than `Int32.max` tags.
struct TagColumn: Hashable, Sendable {
  private var numbers: [Int32] = []

  /// How many rows.
  var count: Int { numbers.count }
  /// The rows' indices.
  var indices: Range<Int> { numbers.indices }
  /// The last row's tag number.
  var last: Int? { numbers.last.map(Int.init) }

  /// Row `row`'s tag number.
  subscript(row: Int) -> Int {
    get { Int(numbers[row]) }
    set { numbers[row] = Int32(truncatingIfNeeded: newValue) }
  }

  /// Adds a row.
  mutating func append(_ number: Int) { numbers.append(Int32(truncatingIfNeeded: number)) }

  /// Room for `count` rows.
  mutating func reserveCapacity(_ count: Int) { numbers.reserveCapacity(count) }
}
