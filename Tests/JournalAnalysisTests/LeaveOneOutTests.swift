import JournalCore
import Testing

@testable import JournalAnalysis

@Suite struct LeaveOneOutTests {
  @Test("leaving a week out by subtraction gives exactly the totals summed without it")
  func matchesSummingAfresh() throws {
    var random = SeededRandom(seed: 15)
    let names = ["architecture", "coaching", "deep-work", "delivery", "mentoring", "admin"]
    for _ in 0..<200 {
      let weeks: [[TagCounts]] = (0..<Int.random(in: 1...12, using: &random)).map { _ in
        names.filter { _ in random.chance(0.5) }.map { name in
          TagCounts(
            name: name, track: Fixture.tracks[name] ?? .neutral,
            counts: MarkCounts(
              energized: Int.random(in: 0...3, using: &random),
              drained: Int.random(in: 0...3, using: &random),
              energySum: Int.random(in: -4...4, using: &random),
              energyCount: Int.random(in: 0...2, using: &random)))
        }
      }
      let sums = try #require(LeaveOneOut(weeks))
      for index in weeks.indices {
        #expect(sums.totals(skipping: weeks[index]) == Pooling.totals(weeks, skipping: index))
      }
    }
  }

  @Test("a tag listed with two tracks is summed afresh, not subtracted")
  func inconsistentTracks() {
    let weeks = [
      [TagCounts(name: "x", track: .ic, counts: MarkCounts(energized: 1))],
      [TagCounts(name: "x", track: .management, counts: MarkCounts(drained: 1))],
    ]
    #expect(LeaveOneOut(weeks) == nil)
  }
}
