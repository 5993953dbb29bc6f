import Foundation
import JournalCore
import Testing

@testable import JournalStore

@Suite("Entries")
struct EntryTests {
  /// Adds five entries and returns their ids, which are 1 ... 5:
  ///
  /// 1. 2026-11-16 "Paired on the cache bug", deep-work energized
  /// 2. 2026-11-18 "One-on-ones all afternoon", coaching drained
  /// 3. 2026-11-18 "Design review for storage", architecture and coaching energized
  /// 4. 2026-11-20 "Mentored the new hire on the cache", mentoring energized
  /// 5. 2026-11-10 "Release coordination and cache warmup", delivery drained
  @discardableResult
  static func seed(_ journal: Journal) throws -> [Int64] {
    let rows: [(String, String, [TagMark])] = [
      ("2026-11-16", "Paired on the cache bug", [energized("deep-work")]),
      ("2026-11-18", "One-on-ones all afternoon", [drained("coaching")]),
      (
        "2026-11-18", "Design review for storage",
        [energized("architecture"), energized("coaching")]
      ),
      ("2026-11-20", "Mentored the new hire on the cache", [energized("mentoring")]),
      ("2026-11-10", "Release coordination and cache warmup", [drained("delivery")]),
    ]
    return try rows.map { iso, text, tags in
      try journal.addEntry(NewEntry(day: try day(iso), text: text, tags: tags)).id
    }
  }

  @Test("dayEnergies sums each day's live entries, energy and marks, inside the range only")
  func dayEnergies() throws {
    try withJournal { journal, _ in
      let rows: [(String, Int?, [TagMark])] = [
        ("2026-11-16", 2, [energized("coaching"), drained("delivery")]),
        ("2026-11-16", -1, [energized("deep-work")]),
        ("2026-11-18", nil, [TagMark(name: "coaching", mark: .logged)]),
        ("2026-11-20", 1, [energized("mentoring")]),
        ("2026-11-23", 2, [energized("coaching")]),
        ("2026-11-15", 2, [energized("coaching")]),
      ]
      var ids: [Int64] = []
      for (iso, energy, tags) in rows {
        ids.append(
          try journal.addEntry(NewEntry(day: try day(iso), text: iso, energy: energy, tags: tags))
            .id)
      }
      _ = try journal.deleteEntry(id: ids[3])
      // By hand: the 16th has two entries (energy 2 and -1, three marks: two energized, one
      // drained), the 18th one without energy and a logged mark; the 20th's entry is deleted,
      // the 15th and the 23rd are outside the range.
      #expect(
        try journal.dayEnergies(from: try day("2026-11-16"), through: try day("2026-11-22")) == [
          DayEnergy(
            day: try day("2026-11-16"), entries: 2, energySum: 1, energyCount: 2, energized: 2,
            drained: 1),
          DayEnergy(
            day: try day("2026-11-18"), entries: 1, energySum: 0, energyCount: 0, energized: 0,
            drained: 0),
        ])
    }
  }

  @Test("a bulk load's uuids are 16 bytes, distinct, and start with the entry's day")
  func bulkLoadUUIDs() throws {
    try withJournal { journal, _ in
      // Out of day order on purpose, across 1900 and 2999, the ends of the accepted years.
      let days = ["2026-11-20", "1900-01-01", "2999-12-31", "2026-11-19", "2026-11-20"]
      try journal.addEntries(
        try days.map { NewEntry(day: try day($0), text: "on \($0)") })
      var rows: [(day: Int64, uuid: String)] = []
      try journal.db.prepare(
        "SELECT day, typeof(uuid) || ':' || length(uuid) || ':' || hex(uuid) FROM entry ORDER BY id"
      ).forEachRow { (row) throws(StoreError) in rows.append((row.int(0), row.text(1))) }
      #expect(rows.count == 5)
      #expect(Set(rows.map(\.uuid)).count == 5)
      for row in rows {
        let parts = row.uuid.split(separator: ":")
        #expect(parts.count == 3 && parts[0] == "blob" && parts[1] == "16", "\(row.uuid)")
        // The first 4 bytes: days since 1900-01-01 (-25,567 days from 1970), big-endian.
        let prefix = String(format: "%08X", row.day + 25_567)
        #expect(parts.last?.hasPrefix(prefix) == true, "\(row.uuid) for day \(row.day)")
      }
      // Read back as 32 lowercase hex digits, as `add`'s are.
      for id in 1...Int64(days.count) {
        let uuid = try journal.entry(id: id).uuid
        #expect(uuid.count == 32 && uuid.allSatisfy(\.isHexDigit) && uuid == uuid.lowercased())
      }
    }
  }

  static func isTimestamp(_ timestamp: Timestamp) -> Bool {
    isTimestamp(timestamp.iso)
  }

  static func isTimestamp(_ text: String) -> Bool {
    let pattern = Array("dddd-dd-ddTdd:dd:ddZ")
    let characters = Array(text)
    guard characters.count == pattern.count else { return false }
    return zip(characters, pattern).allSatisfy { character, expected in
      expected == "d" ? character.isASCII && character.isNumber : character == expected
    }
  }

  // MARK: - Adding

  @Test("addEntry returns the stored entry: id, uuid, timestamps, tags energized first")
  func addReturnsStoredEntry() throws {
    try withJournal { (journal, _) throws in
      let entry = try journal.addEntry(
        NewEntry(
          day: try day("2026-11-20"), text: "Paired, then 1:1s", energy: 2,
          tags: [
            drained("coaching"), energized("mentoring"), drained("Architecture"),
            energized("Deep-Work"),
          ],
          isStarred: true))
      #expect(entry.id == 1)
      #expect(entry.day.iso == "2026-11-20")
      #expect(entry.text == "Paired, then 1:1s")
      #expect(entry.energy == 2)
      #expect(entry.isStarred)
      #expect(!entry.isPrivate)
      #expect(
        entry.tags == [
          energized("deep-work"), energized("mentoring"), drained("architecture"),
          drained("coaching"),
        ])
      #expect(entry.uuid.count == 32)
      #expect(entry.uuid.allSatisfy { $0.isHexDigit && !$0.isUppercase })
      #expect(Self.isTimestamp(entry.createdAt), "createdAt is '\(entry.createdAt)'")
      #expect(entry.updatedAt == entry.createdAt)
      #expect(try journal.entry(id: entry.id) == entry)

      let second = try journal.addEntry(
        NewEntry(day: try day("2026-11-20"), text: "Second", isPrivate: true))
      #expect(second.id == 2)
      #expect(second.energy == nil)
      #expect(second.tags.isEmpty)
      #expect(second.isPrivate)
      #expect(!second.isStarred)
      #expect(second.uuid != entry.uuid)
    }
  }

  @Test("text is stored verbatim: Unicode, quotes, newlines and surrounding spaces")
  func textVerbatim() throws {
    try withJournal { (journal, _) throws in
      let text = "  Caf\u{E9} \u{1F600} \"quoted\" it's\nsecond line\t "
      let entry = try journal.addEntry(NewEntry(day: try day("2026-11-20"), text: text))
      #expect(try journal.entry(id: entry.id).text == text)
    }
  }

  @Test("text with a NUL character is either kept whole or refused, never cut short")
  func textWithNUL() throws {
    try withJournal { (journal, _) throws in
      let text = "before\u{0}after"
      let today = try day("2026-11-20")
      let result = thrownError { try journal.addEntry(NewEntry(day: today, text: text)) }
      if result == nil {
        let stored = try journal.entry(id: 1).text
        #expect(
          stored == text, "stored \(Array(stored.utf8).count) of \(Array(text.utf8).count) bytes")
      } else {
        #expect(try journal.entryRowCount() == 0)
      }
    }
  }

  @Test("an unknown tag is refused with the nearest known name, and nothing is written")
  func unknownTagWritesNothing() throws {
    try withJournal { (journal, _) throws in
      try Self.seed(journal)
      let marksBefore = try journal.markRowCount()
      let new = NewEntry(
        day: try day("2026-11-21"), text: "Typo",
        tags: [energized("deep-work"), drained("coachng")])
      #expect(throws: StoreError.unknownTag(name: "coachng", suggestion: "coaching")) {
        try journal.addEntry(new)
      }
      #expect(
        throws: StoreError.unknownTag(name: "Zzzzzz", suggestion: nil)
      ) {
        try journal.addEntry(
          NewEntry(day: try day("2026-11-21"), text: "Nothing close", tags: [energized("Zzzzzz")]))
      }
      #expect(try journal.entryRowCount() == 5)
      #expect(try journal.markRowCount() == marksBefore)
      #expect(try journal.ids(EntryFilter(search: "typo")).isEmpty)
      #expect(try journal.ftsRowIDs(matching: "typo").isEmpty)
      // The next entry takes the next id: the refused one left no trace.
      #expect(try journal.addEntry(NewEntry(day: try day("2026-11-21"), text: "Fine")).id == 6)
    }
  }

  @Test("a value the schema refuses rolls the whole entry back")
  func constraintFailureRollsBack() throws {
    try withJournal { (journal, _) throws in
      let today = try day("2026-11-20")
      let error = thrownError {
        try journal.addEntry(
          NewEntry(day: today, text: "Too much", energy: 3, tags: [energized("coaching")]))
      }
      guard case .sqlite(let code, _, _)? = error else {
        Issue.record("expected a SQLite error, got \(String(describing: error))")
        return
      }
      #expect(code & 0xFF == 19)  // SQLITE_CONSTRAINT
      #expect(try journal.entryRowCount() == 0)
      #expect(try journal.markRowCount() == 0)
    }
  }

  // MARK: - Listing

  @Test("entries(_:) lists live entries newest first: day descending, then id descending")
  func ordering() throws {
    try withJournal { (journal, _) throws in
      try Self.seed(journal)
      #expect(try journal.ids() == [4, 3, 2, 1, 5])
    }
  }

  static let filterCases: [(EntryFilter, [Int64])] = [
    (EntryFilter(since: Day(iso: "2026-11-16")), [4, 3, 2, 1]),
    (EntryFilter(until: Day(iso: "2026-11-18")), [3, 2, 1, 5]),
    (EntryFilter(since: Day(iso: "2026-11-18"), until: Day(iso: "2026-11-18")), [3, 2]),
    (EntryFilter(since: Day(iso: "2026-11-21")), []),
    (EntryFilter(since: Day(iso: "2026-11-19"), until: Day(iso: "2026-11-17")), []),
    (EntryFilter(tags: ["coaching"]), [3, 2]),
    (EntryFilter(tags: ["COACHING"]), [3, 2]),
    (EntryFilter(tags: ["coaching", "deep-work"]), [3, 2, 1]),
    (EntryFilter(tags: ["conflict-resolution"]), []),
    (EntryFilter(limit: 2), [4, 3]),
    (EntryFilter(limit: 0), []),
    (EntryFilter(limit: 10), [4, 3, 2, 1, 5]),
    (
      EntryFilter(
        since: Day(iso: "2026-11-16"), tags: ["deep-work", "mentoring", "delivery"],
        search: "cache", limit: 1), [4]
    ),
  ]

  @Test("entries(_:) filters by days, tags and limit", arguments: filterCases)
  func filters(_ filter: EntryFilter, _ expected: [Int64]) throws {
    try withJournal { (journal, _) throws in
      try Self.seed(journal)
      #expect(try journal.ids(filter) == expected)
    }
  }

  static let searchCases: [(String, [Int64])] = [
    ("cache", [4, 1, 5]),
    ("CACHE", [4, 1, 5]),
    ("cache bug", [1]),
    ("storage design", [3]),
    ("one-on-ones", [2]),
    ("cache AND bug", []),
    ("cache OR bug", []),
    ("NOT cache", []),
    ("\"cache", [4, 1, 5]),
    ("cache\"", [4, 1, 5]),
    ("\"cache bug\"", [1]),
    ("(cache)", [4, 1, 5]),
    ("(cache", [4, 1, 5]),
    ("cache*", [4, 1, 5]),
    ("*", []),
    ("^cache", [4, 1, 5]),
    ("-cache", [4, 1, 5]),
    ("+", []),
    ("NEAR(cache bug)", []),
    ("text:cache", []),
    ("{text}: cache", []),
    ("'); DROP TABLE entry; --", []),
  ]

  @Test(
    "search needs every word, ignores case, and treats FTS5 syntax as plain text",
    arguments: searchCases)
  func search(_ query: String, _ expected: [Int64]) throws {
    try withJournal { (journal, _) throws in
      try Self.seed(journal)
      let result = thrownError { try journal.ids(EntryFilter(search: query)) }
      #expect(result == nil, "search '\(query)' threw \(String(describing: result))")
      #expect(try journal.ids(EntryFilter(search: query)) == expected)
      #expect(try journal.entryRowCount() == 5)
    }
  }

  @Test("filtering by an unknown tag is an error with a suggestion")
  func filterUnknownTag() throws {
    try withJournal { (journal, _) throws in
      try Self.seed(journal)
      #expect(throws: StoreError.unknownTag(name: "mentorin", suggestion: "mentoring")) {
        try journal.ids(EntryFilter(tags: ["mentorin"]))
      }
    }
  }

  @Test("entries(_:) yields whole entries and the loop stops at the first error it throws")
  func forEachPassesEntries() throws {
    try withJournal { (journal, _) throws in
      try Self.seed(journal)
      var seen: [Entry] = []
      let error = thrownError {
        var entries = try journal.entries(EntryFilter())
        while let entry = try entries.next() {
          seen.append(entry)
          if seen.count == 2 { throw StoreError.unknownEntry(id: 99) }
        }
      }
      #expect(error == .unknownEntry(id: 99))
      #expect(seen.map(\.id) == [4, 3])
      #expect(seen.last?.tags == [energized("architecture"), energized("coaching")])
      #expect(seen.first?.text == "Mentored the new hire on the cache")
    }
  }

  // MARK: - Editing

  @Test("updateEntry replaces only the fields given")
  func updateOnlyGivenFields() throws {
    try withJournal { (journal, _) throws in
      let original = try journal.addEntry(
        NewEntry(
          day: try day("2026-11-16"), text: "Original words", energy: 1,
          tags: [energized("deep-work"), drained("coaching")]))

      let retexted = try journal.updateEntry(id: original.id, EntryChanges(text: "Rewritten words"))
      #expect(retexted.text == "Rewritten words")
      #expect(retexted.day == original.day)
      #expect(retexted.energy == 1)
      #expect(retexted.tags == original.tags)
      #expect(retexted.uuid == original.uuid)
      #expect(retexted.createdAt == original.createdAt)
      #expect(Self.isTimestamp(retexted.updatedAt))
      #expect(retexted.updatedAt >= original.updatedAt)

      let moved = try journal.updateEntry(
        id: original.id, EntryChanges(day: try day("2026-11-10"), isStarred: true))
      #expect(moved.day.iso == "2026-11-10")
      #expect(moved.isStarred)
      #expect(!moved.isPrivate)
      #expect(moved.text == "Rewritten words")
      #expect(moved.energy == 1)

      let hidden = try journal.updateEntry(id: original.id, EntryChanges(isPrivate: true))
      #expect(hidden.isPrivate)
      #expect(hidden.isStarred)

      #expect(try journal.entry(id: original.id) == hidden)
    }
  }

  @Test("energy: a value sets it, .some(nil) clears it, nil leaves it")
  func updateEnergy() throws {
    try withJournal { (journal, _) throws in
      let id = try journal.addEntry(
        NewEntry(day: try day("2026-11-16"), text: "Energy", energy: 1)
      ).id
      #expect(try journal.updateEntry(id: id, EntryChanges(energy: .some(-2))).energy == -2)
      #expect(try journal.updateEntry(id: id, EntryChanges(text: "Same energy")).energy == -2)
      #expect(try journal.updateEntry(id: id, EntryChanges(energy: .some(nil))).energy == nil)
      #expect(try journal.entry(id: id).energy == nil)
      #expect(
        try journal.db.integer("SELECT energy IS NULL FROM entry WHERE id = ?", [.integer(id)]) == 1
      )
    }
  }

  @Test("tags replace every mark of the entry")
  func updateTagsReplaceAll() throws {
    try withJournal { (journal, _) throws in
      let id = try journal.addEntry(
        NewEntry(
          day: try day("2026-11-16"), text: "Tags",
          tags: [energized("deep-work"), drained("coaching")])
      ).id
      let other = try journal.addEntry(
        NewEntry(day: try day("2026-11-16"), text: "Other", tags: [energized("coaching")])
      ).id
      let changed = try journal.updateEntry(
        id: id, EntryChanges(tags: [drained("Mentoring"), energized("delivery")]))
      #expect(changed.tags == [energized("delivery"), drained("mentoring")])
      #expect(try journal.markRowCount(entryID: id) == 2)
      #expect(try journal.tag("deep-work")?.energizedCount == 0)
      #expect(try journal.tag("coaching")?.drainedCount == 0)
      #expect(try journal.tag("coaching")?.energizedCount == 1)

      let cleared = try journal.updateEntry(id: id, EntryChanges(tags: []))
      #expect(cleared.tags.isEmpty)
      #expect(try journal.markRowCount(entryID: id) == 0)
      #expect(try journal.entry(id: other).tags == [energized("coaching")])
    }
  }

  @Test("an edit with an unknown tag changes nothing at all")
  func updateUnknownTagChangesNothing() throws {
    try withJournal { (journal, _) throws in
      let original = try journal.addEntry(
        NewEntry(day: try day("2026-11-16"), text: "Untouched", tags: [energized("coaching")]))
      #expect(throws: StoreError.unknownTag(name: "delivry", suggestion: "delivery")) {
        try journal.updateEntry(
          id: original.id,
          EntryChanges(text: "Changed", energy: .some(2), tags: [energized("delivry")]))
      }
      #expect(try journal.entry(id: original.id) == original)
      #expect(try journal.ftsRowIDs(matching: "changed").isEmpty)
    }
  }

  @Test("an edit the schema refuses changes nothing")
  func updateConstraintFailure() throws {
    try withJournal { (journal, _) throws in
      let original = try journal.addEntry(
        NewEntry(day: try day("2026-11-16"), text: "Untouched", energy: 1))
      let error = thrownError {
        try journal.updateEntry(id: original.id, EntryChanges(text: "Changed", energy: .some(9)))
      }
      guard case .sqlite? = error else {
        Issue.record("expected a SQLite error, got \(String(describing: error))")
        return
      }
      #expect(try journal.entry(id: original.id) == original)
    }
  }

  @Test("changing the text updates full-text search")
  func updateTextReindexes() throws {
    try withJournal { (journal, _) throws in
      let id = try journal.addEntry(NewEntry(day: try day("2026-11-16"), text: "Old giraffe")).id
      _ = try journal.updateEntry(id: id, EntryChanges(text: "New zebra"))
      #expect(try journal.ids(EntryFilter(search: "giraffe")).isEmpty)
      #expect(try journal.ids(EntryFilter(search: "zebra")) == [id])
      #expect(try journal.ftsRowIDs(matching: "giraffe").isEmpty)
      try journal.db.execute("INSERT INTO entryText (entryText) VALUES ('integrity-check')")
    }
  }

  @Test("editing an unknown or deleted entry is refused")
  func updateMissing() throws {
    try withJournal { (journal, _) throws in
      #expect(throws: StoreError.unknownEntry(id: 42)) {
        try journal.updateEntry(id: 42, EntryChanges(text: "x"))
      }
      let id = try journal.addEntry(NewEntry(day: try day("2026-11-16"), text: "Gone")).id
      try journal.deleteEntry(id: id)
      #expect(throws: StoreError.deletedEntry(id: id)) {
        try journal.updateEntry(id: id, EntryChanges(text: "x"))
      }
    }
  }

  @Test("EntryChanges.isEmpty is true only when nothing is given")
  func changesIsEmpty() {
    #expect(EntryChanges().isEmpty)
    #expect(!EntryChanges(energy: .some(nil)).isEmpty)
    #expect(!EntryChanges(tags: []).isEmpty)
    #expect(!EntryChanges(isPrivate: false).isEmpty)
  }

  // MARK: - Deleting, restoring, purging

  @Test("delete hides an entry, restore brings it back unchanged")
  func deleteAndRestore() throws {
    try withJournal { (journal, _) throws in
      try Self.seed(journal)
      let original = try journal.entry(id: 3)
      try journal.deleteEntry(id: 3)
      #expect(throws: StoreError.deletedEntry(id: 3)) { try journal.entry(id: 3) }
      #expect(try journal.ids() == [4, 2, 1, 5])
      #expect(try journal.ids(EntryFilter(tags: ["architecture"])).isEmpty)
      #expect(try journal.ids(EntryFilter(search: "storage")).isEmpty)
      #expect(throws: StoreError.deletedEntry(id: 3)) { try journal.deleteEntry(id: 3) }
      #expect(try journal.entryRowCount() == 5)
      #expect(try journal.markRowCount(entryID: 3) == 2)

      let restored = try journal.restoreEntry(id: 3)
      #expect(restored == original)
      #expect(try journal.entry(id: 3) == original)
      #expect(try journal.ids() == [4, 3, 2, 1, 5])
      #expect(try journal.ids(EntryFilter(search: "storage")) == [3])
    }
  }

  @Test("restore refuses a live entry and an unknown one; delete refuses an unknown one")
  func restoreRefusals() throws {
    try withJournal { (journal, _) throws in
      try Self.seed(journal)
      #expect(throws: StoreError.notDeleted(id: 2)) { try journal.restoreEntry(id: 2) }
      #expect(throws: StoreError.unknownEntry(id: 99)) { try journal.restoreEntry(id: 99) }
      #expect(throws: StoreError.unknownEntry(id: 99)) { try journal.deleteEntry(id: 99) }
      #expect(throws: StoreError.unknownEntry(id: 99)) { try journal.entry(id: 99) }
      #expect(try journal.ids() == [4, 3, 2, 1, 5])
    }
  }

  @Test("purge removes the entry, its marks and its search row", arguments: [false, true])
  func purge(deleteFirst: Bool) throws {
    try withJournal { (journal, _) throws in
      try Self.seed(journal)
      let id = try journal.addEntry(
        NewEntry(
          day: try day("2026-11-19"), text: "Unique zebra words",
          tags: [energized("coaching"), drained("delivery")])
      ).id
      #expect(try journal.ftsRowIDs(matching: "zebra") == [id])
      if deleteFirst { try journal.deleteEntry(id: id) }
      try journal.purgeEntry(id: id)
      #expect(throws: StoreError.unknownEntry(id: id)) { try journal.entry(id: id) }
      #expect(throws: StoreError.unknownEntry(id: id)) { try journal.restoreEntry(id: id) }
      #expect(throws: StoreError.unknownEntry(id: id)) { try journal.purgeEntry(id: id) }
      #expect(try journal.markRowCount(entryID: id) == 0)
      #expect(try journal.ftsRowIDs(matching: "zebra").isEmpty)
      #expect(try journal.ids(EntryFilter(search: "zebra")).isEmpty)
      #expect(try journal.entryRowCount() == 5)
      #expect(try journal.ids() == [4, 3, 2, 1, 5])
      #expect(try journal.tag("coaching")?.energizedCount == 1)
      #expect(try journal.tag("delivery")?.drainedCount == 1)
      try journal.db.execute("INSERT INTO entryText (entryText) VALUES ('integrity-check')")
      #expect(try journal.db.string("PRAGMA foreign_key_check") == nil)
    }
  }
}
