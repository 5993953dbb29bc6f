import JournalCore
import Testing

@testable import JournalAnalysis

/// The jackknife's leave-one-week-out totals by subtraction (issue 16) against recounting the
/// other weeks, which they replace: on seeded random weeks, with tags missing from some weeks,
/// weeks without marks, and tags whose only marks are in the week left out.
@Suite("Pooling.leaveOneOutTotals: the totals of the other weeks, by subtraction")
struct LeaveOneOutTests {
  static let names = ["architecture", "coaching", "deep-work", "delivery", "mentoring", "zz"]
  static let tracks: [Track] = [.ic, .management, .ic, .management, .both, .neutral]

  static func randomWeeks(_ generator: inout SeededRandom) -> [[TagCounts]] {
    (0..<Int.random(in: 1...(Bool.random(using: &generator) ? 2 : 40), using: &generator)).map {
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

  @Test("the same totals as recounting, week by week", arguments: [1, 2, 3, 42] as [UInt64])
  func sameTotals(seed: UInt64) {
    var generator = SeededRandom(seed: seed)
    for _ in 0..<200 {
      let weeks = Self.randomWeeks(&generator)
      let leaving = Array(weeks.indices)
      #expect(
        Pooling.leaveOneOutTotals(weeks, all: Pooling.totals(weeks), leaving: leaving)
          == leaving.map { Pooling.totals(weeks, skipping: $0) })
    }
  }

  @Test("a tag named with two tracks is recounted, as totals resolves it")
  func conflictingTracks() {
    let weeks = [
      [TagCounts(name: "a", track: .ic, counts: MarkCounts(energized: 1))],
      [TagCounts(name: "a", track: .management, counts: MarkCounts(drained: 2))],
    ]
    #expect(
      Pooling.leaveOneOutTotals(weeks, all: Pooling.totals(weeks), leaving: [0, 1])
        == [
          [TagCounts(name: "a", track: .management, counts: MarkCounts(drained: 2))],
          [TagCounts(name: "a", track: .ic, counts: MarkCounts(energized: 1))],
        ])
  }

  @Test("a tag whose only marks are in the week left out is gone from its totals")
  func onlyInTheWeekLeftOut() {
    let weeks = [
      [TagCounts(name: "a", track: .ic, counts: MarkCounts(energized: 1))],
      [TagCounts(name: "b", track: .ic, counts: MarkCounts(drained: 1))],
    ]
    #expect(
      Pooling.leaveOneOutTotals(weeks, all: Pooling.totals(weeks), leaving: [0])
        == [[TagCounts(name: "b", track: .ic, counts: MarkCounts(drained: 1))]])
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

  @Test("totals: the recount's, for one week sorted, shuffled or with a name twice")
  func totalsShortcut() {
    var generator = SeededRandom(seed: 9)
    for _ in 0..<500 {
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
}
