import JournalCore
import Testing

@testable import JournalAnalysis

/// `Pooling.totals`' one-week shortcut (issue 16) against the dictionary recount it skips: on
/// seeded random weeks, a first week sorted, shuffled or with a name twice, every week skipped.
@Suite("Pooling.totals: one sorted week as it is, the same as summing it")
struct PoolingTotalsTests {
  static let names = ["architecture", "coaching", "deep-work", "delivery", "mentoring", "zz"]
  static let tracks: [Track] = [.ic, .management, .ic, .management, .both, .neutral]

  static func randomWeeks(_ generator: inout SeededRandom) -> [[TagCounts]] {
    (0..<Int.random(in: 1...(Bool.random(using: &generator) ? 2 : 20), using: &generator)).map {
      _ in
      names.indices.compactMap { index -> TagCounts? in
        guard Bool.random(using: &generator) else { return nil }
        return TagCounts(
          name: names[index], track: tracks[index],
          counts: MarkCounts(
            energized: Int.random(in: 0...3, using: &generator),
            drained: Int.random(in: 0...3, using: &generator),
            energySum: Int.random(in: -6...6, using: &generator),
            energyCount: Int.random(in: 0...3, using: &generator)))
      }
    }
  }

  /// `Pooling.totals` as it was written before its one-week shortcut: the oracle.
  static func recount(_ weeks: [[TagCounts]], skipping skipped: Int? = nil) -> [TagCounts] {
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

  @Test("the recount's totals, for one week sorted, shuffled or with a name twice")
  func sameAsRecount() {
    var generator = SeededRandom(seed: 9)
    for _ in 0..<1_000 {
      var weeks = Self.randomWeeks(&generator)
      if Bool.random(using: &generator), let first = weeks.first?.first {
        weeks[0].append(first)  // a name twice, out of order
      }
      if Bool.random(using: &generator) { weeks[0].shuffle(using: &generator) }
      for skipped in [nil, 0, 1, weeks.count] as [Int?] {
        #expect(Pooling.totals(weeks, skipping: skipped) == Self.recount(weeks, skipping: skipped))
      }
    }
  }

  @Test("one week: its tags with marks, in order; a week without marks gives none")
  func handComputed() {
    let week = [
      TagCounts(name: "a", track: .ic, counts: MarkCounts(energized: 1)),
      TagCounts(name: "b", track: .ic, counts: MarkCounts()),
      TagCounts(name: "c", track: .management, counts: MarkCounts(drained: 2)),
    ]
    #expect(Pooling.totals([week]) == [week[0], week[2]])
    #expect(Pooling.totals([week, week], skipping: 1) == [week[0], week[2]])
    #expect(Pooling.totals([[week[1]]]).isEmpty)
  }
}
