import JournalAnalysis
import JournalCore
import Testing

@Suite struct TrendTests {
  @Test func windowEndsWithTheWeekOfToday() {
    // Sunday 2026-11-22 is in 2026-W47 (Monday 2026-11-16); 11 weeks earlier is 2026-08-31.
    let (first, last) = Trend.window(weeks: 12, endingOn: Fixture.day("2026-11-22"))
    #expect(last.start.iso == "2026-11-16")
    #expect(first.start.iso == "2026-08-31")
    #expect(first.description == "2026-W36")
  }

  @Test(arguments: [
    ("2020-12-21", "2021-01-04", ["2020-W52", "2020-W53", "2021-W01"], "2020-12-28"),
    ("2024-12-23", "2025-01-06", ["2024-W52", "2025-W01", "2025-W02"], "2024-12-30"),
  ])
  func weeksAcrossYearBoundariesAreISOWeeks(
    first: String, last: String, expected: [String], middleStart: String
  ) {
    let trend = Trend(counts: [], from: Fixture.week(first), through: Fixture.week(last))
    #expect(trend.weeks.map(\.week.description) == expected)
    #expect(trend.weeks[1].week.start.iso == middleStart)
  }

  @Test func aSundayCountLandsInTheWeekThatStartedOnMonday() {
    // A row the store files under the week of Sunday 2026-11-22 belongs to 2026-W47.
    let sunday = WeeklyTagCount(
      week: Fixture.week("2026-11-22"), tag: "deep-work", track: .ic, energized: 1, drained: 0)
    let trend = Trend(
      counts: [sunday], from: Fixture.week("2026-11-09"), through: Fixture.week("2026-11-23"))
    #expect(trend.weeks.map { $0.tags["deep-work"]?.energized ?? 0 } == [0, 1, 0])
    #expect(trend.weeks[1].week.description == "2026-W47")
  }

  @Test func anEmptyWindowHasOnlyGapsAndNoLean() {
    let trend = Trend(
      counts: [], from: Fixture.week("2026-10-26"), through: Fixture.week("2026-11-16"))
    #expect(trend.weeks.count == 4)
    #expect(trend.weeks.allSatisfy { $0.isGap })
    #expect(trend.tags.isEmpty)
    #expect(trend.observations == 0)
    #expect(trend.ic.figures.rate == nil)
    #expect(trend.management.figures.rate == nil)
    #expect(trend.lean == nil)
    #expect(trend.ic.direction == .unknown)
  }

  @Test func aSingleEntry() throws {
    // One energized deep-work mark: tag rate 1; IC track = its only tag's rate, 1 (issue 13:
    // no pull toward 0). Jeffreys p = 1.5/2; Var = 4 * 0.75 * 0.25 / 1 = 0.75; half-width
    // 1.6449 * 0.8660 = 1.4245. Interval [-0.4245, 2.4245] → high clamped to 1.
    let trend = Fixture.oneWeek([Fixture.count("deep-work", 1, 0)])
    #expect(close(trend.tags.first?.counts.rate, 1))
    let ic = try #require(trend.ic.figures.rate)
    #expect(close(ic.value, 1))
    #expect(close(ic.low, 1 - Statistics.z90 * 0.75.squareRoot()))
    #expect(ic.high == 1)
    #expect(trend.management.figures.rate == nil)
    #expect(trend.lean == nil)
    #expect(trend.tags.first?.slope == nil)
  }

  @Test func bothCountsForEachTrackAndNeutralForNeither() throws {
    // mentoring (both) 2/0, delivery (management) 0/2, admin (neutral) 0/3.
    // IC = mentoring's rate 1 (its marks alone).
    // Management pools mentoring 2/0 and delivery 0/2: (2 - 2) / 4 = 0.
    // Lean weights: mentoring 1 - 1/2 = 0.5, delivery -1/2 → 0.5 + 0.5 = 1.
    // Var each = 4 * (2.5/3) * (0.5/3) / 2 = 0.27778; Var(lean) = 0.25 * 0.27778 * 2 = 0.13889.
    let trend = Fixture.oneWeek([
      Fixture.count("mentoring", 2, 0), Fixture.count("delivery", 0, 2),
      Fixture.count("admin", 0, 3),
    ])
    #expect(close(trend.ic.figures.rate?.value, 1))
    #expect(close(trend.management.figures.rate?.value, 0))
    #expect(trend.ic.figures.counts.observations == 2)
    #expect(trend.management.figures.counts.observations == 4)
    #expect(trend.ic.figures.tagsObserved == 1)
    #expect(trend.management.figures.tagsObserved == 2)
    #expect(trend.observations == 7)
    let lean = try #require(trend.lean)
    let variance = 0.5 * 4 * (2.5 / 3) * (0.5 / 3) / 2
    #expect(close(lean.value, 1))
    #expect(close(lean.low, 1 - Statistics.z90 * variance.squareRoot()))
    #expect(close(lean.high, 1 + Statistics.z90 * variance.squareRoot()))
    #expect(trend.tags.map(\.name) == ["delivery", "mentoring", "admin"])
  }

  @Test func theActivityDoneMostWeighsByItsMarksAndIsNamed() {
    // 60 drained delivery marks and 8 energized coaching marks: management pools them,
    // (8 - 60) / 68 = -0.7647; the report names coaching as the energizer inside it.
    let trend = Fixture.oneWeek([
      Fixture.count("delivery", 0, 60), Fixture.count("coaching", 8, 0),
    ])
    #expect(close(trend.management.figures.rate?.value, -52.0 / 68))
    #expect(trend.management.figures.counts.observations == 68)
  }

  @Test func theIntervalNarrowsAsObservationsGrow() throws {
    // Same 3:1 ratio. Small: Jeffreys p = 3.5/5, Var = 4*0.7*0.3/4 = 0.21, width 1.5076.
    // Large (30:10): p = 30.5/41, Var = 4*(30.5/41)*(10.5/41)/40 = 0.019051, width 0.4541.
    let small = try #require(Fixture.oneWeek([Fixture.count("deep-work", 3, 1)]).ic.figures.rate)
    let large = try #require(Fixture.oneWeek([Fixture.count("deep-work", 30, 10)]).ic.figures.rate)
    #expect(close(2 * small.unclampedHalfWidth, 2 * Statistics.z90 * 0.21.squareRoot()))
    let largeVariance = 4 * (30.5 / 41) * (10.5 / 41) / 40
    #expect(close(large.width, 2 * Statistics.z90 * largeVariance.squareRoot()))
    #expect(large.width < small.width / 2)
    #expect(close(large.value, 0.5))
  }

  @Test func aRisingSeries() {
    // Weekly coaching rates -1, 0, +1, +1 at x = 0...3: slope = 3.5 / 5 = 0.7.
    // Weekly track rates, not shrunk (issue 13), are the same: slope 0.7. Residuals -0.2, 0.1,
    // 0.4, -0.3: se sqrt(0.3 / 2 / 5) = 0.1732, t(2) 2.92: interval 0.194 to 1.206 → rising.
    let trend = Trend(
      counts: [
        Fixture.count("coaching", 0, 2, week: 0), Fixture.count("coaching", 1, 1, week: 1),
        Fixture.count("coaching", 2, 0, week: 2), Fixture.count("coaching", 2, 0, week: 3),
      ], from: Fixture.week("2026-11-16"), through: Fixture.week("2026-12-07"))
    #expect(close(trend.tags.first?.slope, 0.7))
    #expect(trend.tags.first?.direction == .rising)
    #expect(close(trend.management.slope, 0.7))
    #expect(close(trend.management.fit?.low, 0.7 - 2.92 * 0.03.squareRoot()))
    #expect(trend.management.direction == .rising)
    #expect(trend.management.weeksObserved == 4)
  }

  @Test func aFallingSeries() {
    // The same weeks reversed: +1, +1, 0, -1 → slope -0.7.
    let trend = Trend(
      counts: [
        Fixture.count("coaching", 2, 0, week: 0), Fixture.count("coaching", 2, 0, week: 1),
        Fixture.count("coaching", 1, 1, week: 2), Fixture.count("coaching", 0, 2, week: 3),
      ], from: Fixture.week("2026-11-16"), through: Fixture.week("2026-12-07"))
    #expect(close(trend.tags.first?.slope, -0.7))
    #expect(trend.tags.first?.direction == .falling)
  }

  @Test func gapsAreSkippedNotCountedAsZero() {
    // Rates -1, gap, +1, +1 at x = 0, 2, 3: x̄ = 5/3, ȳ = 1/3,
    // Sxy = 20/9 + 2/9 + 8/9 = 30/9, Sxx = 42/9 → slope 30/42.
    let trend = Trend(
      counts: [
        Fixture.count("coaching", 0, 1, week: 0), Fixture.count("coaching", 1, 0, week: 2),
        Fixture.count("coaching", 3, 0, week: 3),
      ], from: Fixture.week("2026-11-16"), through: Fixture.week("2026-12-07"))
    #expect(trend.weeks[1].isGap)
    #expect(trend.weeks[1].tags["coaching"]?.rate == nil)
    #expect(trend.weeks[1].tracks[.management]?.rate == nil)
    #expect(close(trend.tags.first?.slope, 30.0 / 42))
    #expect(trend.weeksObserved == 3)
  }

  @Test(arguments: [(0.03, Direction.rising), (0.0299, .steady), (-0.03, .falling), (0, .steady)])
  func directionThresholds(slope: Double, expected: Direction) {
    #expect(Direction(slope: slope) == expected)
  }

  @Test func sameInputSameOutput() {
    let counts = [
      Fixture.count("coaching", 2, 1, week: 0), Fixture.count("deep-work", 1, 3, week: 1),
      Fixture.count("mentoring", 4, 0, week: 1),
    ]
    let first = Fixture.week("2026-11-16")
    let last = first.adding(weeks: 2)
    #expect(
      Trend(counts: counts, from: first, through: last)
        == Trend(counts: counts.reversed(), from: first, through: last))
  }
}
