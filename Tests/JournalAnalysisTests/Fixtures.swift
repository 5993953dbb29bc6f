import JournalAnalysis
import JournalCore

/// Small hand-made weekly counts for the analysis tests.
enum Fixture {
  /// The day `iso`, which the fixtures only ever spell correctly.
  static func day(_ iso: String) -> Day {
    Day(iso: iso) ?? Day(ordinal: .min)
  }

  /// The ISO week containing `iso`.
  static func week(_ iso: String) -> ISOWeek {
    ISOWeek(containing: day(iso))
  }

  static let tracks: [String: Track] = [
    "deep-work": .ic, "architecture": .ic, "coaching": .management, "delivery": .management,
    "conflict-resolution": .management, "mentoring": .both, "admin": .neutral,
  ]

  /// One weekly row for `tag` in the week `offset` weeks after `start`.
  static func count(
    _ tag: String, _ energized: Int, _ drained: Int, week offset: Int = 0,
    from start: ISOWeek = week("2026-11-16"), energySum: Int = 0, energyCount: Int = 0
  ) -> WeeklyTagCount {
    WeeklyTagCount(
      week: start.adding(weeks: offset), tag: tag, track: tracks[tag] ?? .neutral,
      energized: energized, drained: drained, energySum: energySum, energyCount: energyCount)
  }

  /// A trend over the single week of 2026-11-16.
  static func oneWeek(_ counts: [WeeklyTagCount]) -> Trend {
    Trend(counts: counts, from: week("2026-11-16"), through: week("2026-11-16"))
  }
}

/// `|a - b| < 1e-9`.
func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-9) -> Bool {
  guard let a else { return false }
  return abs(a - b) < tolerance
}
