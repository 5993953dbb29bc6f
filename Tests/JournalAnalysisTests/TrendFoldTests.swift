import JournalCore
import Testing

@testable import JournalAnalysis

/// The folded trend (issue 16: one compact table of tag numbers and integer counts) against the
/// trend as it was built before, per week dictionaries of tag names and track figures: on seeded
/// random journals, every figure the same to the bit.
@Suite("Trend folded from a compact table: the same bits as the per-week dictionaries")
struct TrendFoldTests {
  /// The trend's figures as `Trend.init` computed them before the fold, kept as the oracle.
  struct Oracle {
    var weeks: [(week: ISOWeek, tags: [String: MarkCounts], tracks: [Track: TrackFigures])] = []
    var tags: [TagSummary] = []
    var ic: TrackSummary
    var management: TrackSummary
    var lean: Estimate?
    var weeksObserved: Int

    init(counts: [WeeklyTagCount], from first: ISOWeek, through last: ISOWeek) {
      let weekCount = max(1, first.distance(to: last) + 1)
      var byWeek = [[String: MarkCounts]](repeating: [:], count: weekCount)
      var trackOf: [String: Track] = [:]
      for row in counts {
        let index = first.distance(to: row.week)
        guard (0..<weekCount).contains(index) else { continue }
        byWeek[index][row.tag, default: MarkCounts()] += MarkCounts(row)
        trackOf[row.tag] = row.track
      }
      let weekTags: [[TagCounts]] = byWeek.map { tags in
        tags.keys.sorted().compactMap { name in
          guard let counts = tags[name] else { return nil }
          return TagCounts(name: name, track: trackOf[name] ?? .neutral, counts: counts)
        }
      }
      weeks = weekTags.enumerated().map { index, tags in
        (
          first.adding(weeks: index),
          Dictionary(uniqueKeysWithValues: tags.map { ($0.name, $0.counts) }),
          [
            .ic: TrackFigures.pooled(.ic, weeks: [tags]),
            .management: TrackFigures.pooled(.management, weeks: [tags]),
          ]
        )
      }
      weeksObserved = byWeek.filter { !$0.values.allSatisfy { $0.observations == 0 } }.count
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
          name: tag.name, track: tag.track, counts: tag.counts,
          fit: Statistics.slopeFit(points), weeksObserved: points.count)
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
      lean = Pooling.estimate(
        weekTags, tracks: [(.ic, 1), (.management, -1)], bounds: -2...2, jackknife: .normal)
    }
  }

  static let names = [
    "architecture", "coaching", "deep-work", "delivery", "mentoring", "admin", "Zeta", "é-tag",
  ]
  static let tracks: [Track] = [.ic, .management, .both, .neutral]

  /// A random journal's rows: in or out of order, some outside the window, some a tag twice in
  /// a week, some without marks, and now and then a tag whose track changes between rows.
  static func randomRows(_ generator: inout SeededRandom, first: ISOWeek, weeks: Int)
    -> [WeeklyTagCount]
  {
    let tagCount = Int.random(in: 1...names.count, using: &generator)
    let trackOf = (0..<tagCount).map { _ in tracks.randomElement(using: &generator) ?? .ic }
    let density = Double.random(in: 0.05...1, using: &generator)
    var rows: [WeeklyTagCount] = []
    for week in -1...weeks {
      for tag in 0..<tagCount where Double.random(in: 0..<1, using: &generator) < density {
        let repeats = Int.random(in: 0..<20, using: &generator) == 0 ? 2 : 1
        for _ in 0..<repeats {
          let switched = Int.random(in: 0..<50, using: &generator) == 0
          let big = Int.random(in: 0..<10, using: &generator) == 0 ? 40 : 3
          rows.append(
            WeeklyTagCount(
              week: first.adding(weeks: week), tag: names[tag],
              track: switched ? (tracks.randomElement(using: &generator) ?? .ic) : trackOf[tag],
              energized: Int.random(in: 0...big, using: &generator),
              drained: Int.random(in: 0...big, using: &generator),
              energySum: Int.random(in: -6...6, using: &generator),
              energyCount: Int.random(in: 0...3, using: &generator)))
        }
      }
    }
    switch Int.random(in: 0..<4, using: &generator) {
    case 0: rows.shuffle(using: &generator)
    case 1: rows.reverse()
    case 2: break
    default: rows.sort { ($0.week, $0.tag) < ($1.week, $1.tag) }  // the store's order
    }
    return rows
  }

  /// Every figure of `trend` beside the oracle's: `==`, and the printed form, which also tells
  /// -0.0 from 0.0.
  static func expectSame(_ trend: Trend, _ oracle: Oracle) {
    func same<T: Equatable>(_ a: T, _ b: T, _ what: String) {
      #expect(a == b, "\(what)")
      #expect(String(reflecting: a) == String(reflecting: b), "\(what)")
    }
    #expect(trend.weeks.count == oracle.weeks.count)
    for (week, expected) in zip(trend.weeks, oracle.weeks) {
      same(week.week, expected.week, "week")
      same(week.tags.keys, expected.tags.keys.sorted(), "names of \(expected.week)")
      for (name, counts) in expected.tags {
        same(week.tags[name], counts, "\(name) in \(expected.week)")
      }
      #expect(week.tags["not-a-tag"] == nil)
      same(week.isGap, expected.tags.values.allSatisfy { $0.observations == 0 }, "gap")
      for track in [Track.ic, .management, .both, .neutral] {
        same(week.tracks[track], expected.tracks[track], "\(track) in \(expected.week)")
      }
    }
    same(trend.tags, oracle.tags, "tags")
    same(trend.ic, oracle.ic, "ic")
    same(trend.management, oracle.management, "management")
    same(trend.lean, oracle.lean, "lean")
    same(trend.weeksObserved, oracle.weeksObserved, "weeks observed")
  }

  @Test("seeded random journals: every week's and the window's figures, to the bit")
  func sameAsOracle() {
    var generator = SeededRandom(seed: 16)
    let first = ISOWeek(containing: Day(iso: "2020-12-21") ?? Day(ordinal: 0))
    for round in 0..<400 {
      let weeks = round % 10 == 0 ? 1 : Int.random(in: 1...80, using: &generator)
      let rows = Self.randomRows(&generator, first: first, weeks: weeks)
      let last = first.adding(weeks: weeks - 1)
      Self.expectSame(
        Trend(counts: rows, from: first, through: last),
        Oracle(counts: rows, from: first, through: last))
    }
  }

  @Test("counts beyond Int32 (kept whole on the side) are exact, as before")
  func wideCounts() {
    let first = ISOWeek(containing: Day(iso: "2026-11-16") ?? Day(ordinal: 0))
    let big = Int(Int32.max)
    let rows = [
      WeeklyTagCount(
        week: first, tag: "coaching", track: .management, energized: big, drained: 1,
        energySum: 2 * big, energyCount: big),
      WeeklyTagCount(
        week: first.adding(weeks: 1), tag: "deep-work", track: .ic, energized: 3, drained: 0),
      WeeklyTagCount(
        week: first, tag: "coaching", track: .management, energized: big, drained: 2,
        energySum: Int(Int32.min), energyCount: 1),
      WeeklyTagCount(
        week: first.adding(weeks: 2), tag: "deep-work", track: .ic, energized: 1, drained: 1,
        energySum: Int(Int32.min), energyCount: 1),
    ]
    let last = first.adding(weeks: 2)
    let trend = Trend(counts: rows, from: first, through: last)
    Self.expectSame(trend, Oracle(counts: rows, from: first, through: last))
    #expect(trend.weeks[0].tags["coaching"]?.energized == 2 * big)
    #expect(trend.weeks[0].tags["coaching"]?.energySum == 2 * big + Int(Int32.min))
    #expect(trend.weeks[2].tags["deep-work"]?.energySum == Int(Int32.min))
  }

  @Test("an empty window, and rows only outside it: all gaps, as before")
  func emptyWindows() {
    let first = ISOWeek(containing: Day(iso: "2026-11-16") ?? Day(ordinal: 0))
    let outside = [
      WeeklyTagCount(
        week: first.adding(weeks: -1), tag: "coaching", track: .management, energized: 2,
        drained: 0)
    ]
    for rows in [[], outside] {
      let trend = Trend(counts: rows, from: first, through: first.adding(weeks: 2))
      Self.expectSame(trend, Oracle(counts: rows, from: first, through: first.adding(weeks: 2)))
      #expect(trend.weeks.map(\.tags.count) == [0, 0, 0])
    }
  }
}
