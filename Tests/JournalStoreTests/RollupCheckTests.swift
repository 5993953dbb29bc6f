import JournalCore
import TestSupport
import Testing

@testable import JournalStore

/// `journal doctor`'s rollup check sums the entries in Swift; the SQL recomputation
/// (`rollupMismatches`) is its oracle: both must name the same week/tag rows for every kind of
/// damage a hand edit can do.
@Suite struct RollupCheckTests {
  /// A journal of 200 entries over about a year, pseudo-random but fixed: days, energies,
  /// marks, some deleted.
  private func seeded(_ journal: Journal) throws {
    var generator = SplitMix(seed: 16)
    let tags = Schema.builtInTags
    let first = try day("2025-11-03")
    for index in 0..<200 {
      var marks: [TagMark] = []
      for tag in tags where generator.next() % 3 == 0 {
        marks.append(
          TagMark(name: tag, mark: [.energized, .drained, .logged][Int(generator.next() % 3)]))
      }
      let energy = generator.next() % 4 == 0 ? nil : Int(generator.next() % 5) - 2
      let entry = try journal.addEntry(
        NewEntry(
          day: first.adding(days: Int(generator.next() % 380)), text: "Entry \(index)",
          energy: energy, tags: marks))
      if generator.next() % 10 == 0 { try journal.deleteEntry(id: entry.id) }
    }
  }

  static let damages = [
    "UPDATE weekTag SET energized = energized + 1 WHERE week = (SELECT min(week) FROM weekTag)",
    "UPDATE weekTag SET energySum = energySum - 1 WHERE week = (SELECT max(week) FROM weekTag)",
    "UPDATE weekTag SET energyCount = energyCount + 2, unmarked = unmarked + 1 WHERE tagId = 3",
    "DELETE FROM weekTag WHERE week = (SELECT min(week) FROM weekTag WHERE week > '2026-03-01')",
    "INSERT INTO weekTag (week, tagId, energized) VALUES ('1999-01-04', 1, 1)",
    "INSERT INTO weekTag (week, tagId, unmarked) VALUES ('2026-06-02', 2, 0)",
    "UPDATE weekTag SET week = date(week, '+1 day') WHERE week = (SELECT min(week) FROM weekTag)",
  ]

  @Test("the Swift sum and the SQL recomputation agree on a damaged rollup", arguments: damages)
  func agreesWithSQL(damage: String) throws {
    try withJournal { journal, _ in
      try seeded(journal)
      #expect(try journal.rollupDifferences().isEmpty)
      #expect(try journal.rollupMismatches().isEmpty)
      try journal.db.execute(damage)
      let oracle = try journal.rollupMismatches()
      #expect(!oracle.isEmpty, "\(damage)")
      #expect(try journal.rollupDifferences() == oracle, "\(damage)")
    }
  }

  @Test("a week that is not a Monday, and an entry day that is not a date, are named")
  func unreadableWeeks() throws {
    try withJournal { journal, _ in
      _ = try journal.addEntry(
        NewEntry(day: try day("2026-11-18"), text: "x", tags: [energized("coaching")]))
      try journal.db.execute("UPDATE weekTag SET week = '2026-11-17'")
      #expect(
        try journal.rollupDifferences() == ["2026-11-16 coaching", "2026-11-17 coaching"])
      try journal.db.execute("UPDATE weekTag SET week = '2026-11-16'")
      #expect(try journal.rollupDifferences().isEmpty)
      // No day at all, written by hand past the column's CHECK and the trigger (whose date()
      // would give NULL).
      try journal.db.execute("DROP TRIGGER weekTagAfterEntryUpdate")
      try journal.db.execute("PRAGMA ignore_check_constraints = ON")
      try journal.db.execute("UPDATE entry SET day = '2026-13-45'")
      #expect(try journal.rollupDifferences().contains("2026-13-45 (not a day)"))
    }
  }
}

/// A small fixed pseudo-random sequence (SplitMix64), so a failure is reproducible.
private struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
