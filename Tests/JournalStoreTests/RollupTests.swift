import JournalCore
import TestSupport
import Testing

@testable import JournalStore

/// The weekly rollup must always equal a recomputation from the entries.
@Suite struct RollupTests {
  private func day(_ iso: String) throws -> Day {
    try #require(Day(iso: iso))
  }

  private func withJournal(_ body: (Journal) throws -> Void) throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    try body(try Journal.open(at: folder.file("journal.sqlite"), access: .write))
  }

  private func counts(_ journal: Journal, _ first: String, _ last: String) throws
    -> [String: [Int]]
  {
    let window = try #require(
      WeekWindow(
        first: ISOWeek(containing: try day(first)), last: ISOWeek(containing: try day(last))))
    let rows = try journal.weeklyTagCounts(in: window)
    var result: [String: [Int]] = [:]
    for row in rows {
      result["\(row.week.start.iso) \(row.tag)"] = [
        row.energized, row.drained, row.energySum, row.energyCount,
      ]
    }
    return result
  }

  @Test func aSundayEntryCountsInTheWeekThatStartedOnMonday() throws {
    try withJournal { journal in
      _ = try journal.addEntry(
        NewEntry(
          day: try day("2026-11-22"), text: "Sunday", energy: 2,
          tags: [TagMark(name: "deep-work", mark: .energized)]))
      let rows = try counts(journal, "2026-11-16", "2026-11-23")
      #expect(rows.count == 1)
      #expect(rows["2026-11-16 deep-work"] == [1, 0, 2, 1])
      #expect(try journal.rollupMismatches().isEmpty)
    }
  }

  @Test func staysExactThroughEveryKindOfWrite() throws {
    try withJournal { journal in
      let monday = try day("2026-11-16")
      let a = try journal.addEntry(
        NewEntry(
          day: monday, text: "a", energy: 1,
          tags: [
            TagMark(name: "deep-work", mark: .energized), TagMark(name: "delivery", mark: .drained),
          ]))
      let b = try journal.addEntry(
        NewEntry(
          day: monday.adding(days: 2), text: "b", energy: -2,
          tags: [TagMark(name: "coaching", mark: .drained)]))
      let c = try journal.addEntry(
        NewEntry(
          day: monday.adding(days: 7), text: "c",
          tags: [
            TagMark(name: "coaching", mark: .energized),
            TagMark(name: "mentoring", mark: .energized),
          ]))
      #expect(try journal.rollupMismatches().isEmpty)
      // Week of the 16th: deep-work 1/0 energy 1; delivery 0/1 energy 1; coaching 0/1 energy -2.
      var rows = try counts(journal, "2026-11-16", "2026-11-23")
      #expect(rows["2026-11-16 deep-work"] == [1, 0, 1, 1])
      #expect(rows["2026-11-16 coaching"] == [0, 1, -2, 1])
      #expect(rows["2026-11-23 coaching"] == [1, 0, 0, 0])

      // Edits: move b to the next week, change its energy, then replace a's tags.
      _ = try journal.updateEntry(
        id: b.id, EntryChanges(day: monday.adding(days: 8), energy: .some(0)))
      #expect(try journal.rollupMismatches().isEmpty)
      _ = try journal.updateEntry(
        id: a.id, EntryChanges(tags: [TagMark(name: "architecture", mark: .drained)]))
      #expect(try journal.rollupMismatches().isEmpty)
      rows = try counts(journal, "2026-11-16", "2026-11-23")
      #expect(rows["2026-11-16 coaching"] == nil)
      #expect(rows["2026-11-16 deep-work"] == nil)
      #expect(rows["2026-11-16 architecture"] == [0, 1, 1, 1])
      #expect(rows["2026-11-23 coaching"] == [1, 1, 0, 1])

      // Delete, restore, purge.
      try journal.deleteEntry(id: c.id)
      #expect(try journal.rollupMismatches().isEmpty)
      #expect(try counts(journal, "2026-11-23", "2026-11-23")["2026-11-23 mentoring"] == nil)
      _ = try journal.restoreEntry(id: c.id)
      #expect(try journal.rollupMismatches().isEmpty)
      #expect(
        try counts(journal, "2026-11-23", "2026-11-23")["2026-11-23 mentoring"] == [1, 0, 0, 0])
      try journal.deleteEntry(id: c.id)
      try journal.purgeEntry(id: c.id)
      #expect(try journal.rollupMismatches().isEmpty)
      try journal.purgeEntry(id: b.id)
      #expect(try journal.rollupMismatches().isEmpty)

      // Tags: rename keeps the rows; merge moves them.
      try journal.renameTag("architecture", to: "design")
      #expect(try counts(journal, "2026-11-16", "2026-11-16")["2026-11-16 design"] == [0, 1, 1, 1])
      try journal.addTag(name: "ops", track: .neutral, description: "")
      _ = try journal.addEntry(
        NewEntry(day: monday, text: "d", tags: [TagMark(name: "ops", mark: .energized)]))
      try journal.mergeTag("ops", into: "design")
      #expect(try journal.rollupMismatches().isEmpty)
      #expect(try counts(journal, "2026-11-16", "2026-11-16")["2026-11-16 design"] == [1, 1, 1, 1])

      // Many entries in one transaction.
      try journal.addEntries(
        (0..<50).map { index in
          NewEntry(
            day: monday.adding(days: -index), text: "bulk \(index)", energy: index % 5 - 2,
            tags: [
              TagMark(
                name: index % 2 == 0 ? "coaching" : "deep-work",
                mark: index % 3 == 0 ? .drained : .energized)
            ])
        })
      #expect(try journal.rollupMismatches().isEmpty)
    }
  }

  @Test func staysExactThroughAnImport() throws {
    try withJournal { journal in
      let monday = try day("2026-11-16")
      _ = try journal.addEntry(
        NewEntry(
          day: monday, text: "before", energy: 2,
          tags: [TagMark(name: "coaching", mark: .energized)]
        ))
      func entry(
        _ uuid: String, _ day: Day, _ energy: Int?, _ tags: [TagMark], deleted: Bool = false
      )
        -> ImportedEntry
      {
        ImportedEntry(
          uuid: uuid, day: day, text: "imported \(uuid)", energy: energy, tags: tags,
          deletedAt: deleted ? Timestamp(iso: "2026-11-20T00:00:00Z") : nil)
      }
      try journal.importing { importer in
        for imported in [
          // A Sunday: still the week that started on the 16th.
          entry(
            "i1", monday.adding(days: 6), -1,
            [TagMark(name: "coaching", mark: .drained), TagMark(name: "delivery", mark: .logged)]),
          entry("i2", monday.adding(days: 7), nil, [TagMark(name: "coaching", mark: .energized)]),
          // Deleted: in no week.
          entry("i3", monday, 1, [TagMark(name: "coaching", mark: .energized)], deleted: true),
          // The same uuid again: a duplicate, not added.
          entry("i1", monday, 2, [TagMark(name: "deep-work", mark: .energized)]),
        ] {
          try importer.insertEntry(imported)
        }
      }
      #expect(try journal.rollupMismatches().isEmpty)
      // [energized, drained, energySum, energyCount], by hand: the week of the 16th has
      // "before" (+coaching, energy 2) and i1 (-coaching and logged delivery, energy -1).
      let rows = try counts(journal, "2026-11-16", "2026-11-23")
      #expect(rows["2026-11-16 coaching"] == [1, 1, 1, 2])
      #expect(rows["2026-11-16 delivery"] == [0, 0, -1, 1])
      #expect(rows["2026-11-16 deep-work"] == nil)
      #expect(rows["2026-11-23 coaching"] == [1, 0, 0, 0])
      let unmarked = try journal.db.prepare(
        "SELECT sum(unmarked) FROM weekTag WHERE week = '2026-11-16'"
      ).scalarInt()
      #expect(unmarked == 1)
    }
  }

  @Test func mismatchesAreDetected() throws {
    try withJournal { journal in
      _ = try journal.addEntry(
        NewEntry(
          day: try day("2026-11-16"), text: "x", tags: [TagMark(name: "coaching", mark: .energized)]
        ))
      try journal.db.execute("UPDATE weekTag SET energized = 5")
      #expect(try journal.rollupMismatches() == ["2026-11-16 coaching"])
    }
  }
}
