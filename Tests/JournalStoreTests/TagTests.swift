import JournalCore
import Testing

@testable import JournalStore

@Suite("Tags")
struct TagTests {
  @Test("a new journal has the six built-in tags, by name, with their tracks")
  func builtIns() throws {
    try withJournal { (journal, _) throws in
      let tags = try journal.tags()
      #expect(
        tags.map(\.name) == [
          "architecture", "coaching", "conflict-resolution", "deep-work", "delivery", "mentoring",
        ])
      #expect(tags.map(\.track) == [.ic, .management, .management, .ic, .management, .both])
      #expect(tags.allSatisfy { !$0.description.isEmpty })
      #expect(tags.allSatisfy { $0.energizedCount == 0 && $0.drainedCount == 0 })
      #expect(
        try journal.tag("deep-work")?.description
          == "technical deep work: hard problems, building, debugging")
    }
  }

  @Test("counts add up energized and drained marks of live entries only")
  func countsIgnoreDeletedEntries() throws {
    try withJournal { (journal, _) throws in
      let today = try day("2026-11-20")
      _ = try journal.addEntry(
        NewEntry(day: today, text: "One", tags: [energized("coaching"), drained("deep-work")]))
      _ = try journal.addEntry(NewEntry(day: today, text: "Two", tags: [energized("coaching")]))
      let third = try journal.addEntry(
        NewEntry(day: today, text: "Three", tags: [drained("coaching"), drained("deep-work")]))
      #expect(try journal.tag("coaching")?.energizedCount == 2)
      #expect(try journal.tag("coaching")?.drainedCount == 1)
      #expect(try journal.tag("deep-work")?.drainedCount == 2)

      try journal.deleteEntry(id: third.id)
      #expect(try journal.tag("coaching")?.energizedCount == 2)
      #expect(try journal.tag("coaching")?.drainedCount == 0)
      #expect(try journal.tag("deep-work")?.drainedCount == 1)
      #expect(try journal.tag("deep-work")?.energizedCount == 0)
      #expect(try journal.tag("mentoring")?.energizedCount == 0)

      _ = try journal.restoreEntry(id: third.id)
      #expect(try journal.tag("coaching")?.drainedCount == 1)
      #expect(try journal.tag("deep-work")?.drainedCount == 2)
    }
  }

  @Test("addTag creates a usable tag; a duplicate in any case is refused")
  func addTag() throws {
    try withJournal { (journal, _) throws in
      try journal.addTag(name: "on-call", track: .neutral, description: "pager duty")
      let tag = try #require(try journal.tag("on-call"))
      #expect(tag.track == .neutral)
      #expect(tag.description == "pager duty")
      #expect(try journal.tags().count == 7)
      let entry = try journal.addEntry(
        NewEntry(day: try day("2026-11-20"), text: "Paged", tags: [drained("ON-CALL")]))
      #expect(entry.tags == [drained("on-call")])

      #expect(throws: StoreError.tagExists(name: "on-call")) {
        try journal.addTag(name: "on-call", track: .ic, description: "")
      }
      #expect(throws: StoreError.tagExists(name: "Deep-Work")) {
        try journal.addTag(name: "Deep-Work", track: .ic, description: "again")
      }
      #expect(throws: StoreError.tagExists(name: "COACHING")) {
        try journal.addTag(name: "COACHING", track: .ic, description: "")
      }
      #expect(try journal.tags().count == 7)
      #expect(try journal.tag("deep-work")?.track == .ic)
      #expect(try journal.tag("on-call")?.track == .neutral)
    }
  }

  @Test("renameTag keeps every mark under the new name")
  func renameKeepsMarks() throws {
    try withJournal { (journal, _) throws in
      let today = try day("2026-11-20")
      let first = try journal.addEntry(
        NewEntry(day: today, text: "One", tags: [energized("coaching"), drained("delivery")]))
      let second = try journal.addEntry(
        NewEntry(day: today, text: "Two", tags: [drained("coaching")]))
      try journal.renameTag("Coaching", to: "people-growth")
      #expect(try journal.tag("coaching") == nil)
      let renamed = try #require(try journal.tag("people-growth"))
      #expect(renamed.track == .management)
      #expect(renamed.energizedCount == 1)
      #expect(renamed.drainedCount == 1)
      #expect(
        try journal.entry(id: first.id).tags == [energized("people-growth"), drained("delivery")])
      #expect(try journal.entry(id: second.id).tags == [drained("people-growth")])
      #expect(try journal.ids(EntryFilter(tags: ["people-growth"])) == [second.id, first.id])
      #expect(throws: StoreError.unknownTag(name: "coaching", suggestion: nil)) {
        try journal.ids(EntryFilter(tags: ["coaching"]))
      }
    }
  }

  @Test("renameTag refuses a name another tag has, and an unknown tag")
  func renameRefusals() throws {
    try withJournal { (journal, _) throws in
      #expect(throws: StoreError.tagExists(name: "delivery")) {
        try journal.renameTag("coaching", to: "delivery")
      }
      #expect(throws: StoreError.tagExists(name: "Delivery")) {
        try journal.renameTag("coaching", to: "Delivery")
      }
      #expect(throws: StoreError.unknownTag(name: "coachng", suggestion: "coaching")) {
        try journal.renameTag("coachng", to: "people")
      }
      #expect(try journal.tag("coaching")?.track == .management)
      #expect(try journal.tag("delivery")?.track == .management)
      #expect(try journal.tags().count == 6)
    }
  }

  @Test("mergeTag moves marks; where an entry had both, the target's mark stays")
  func merge() throws {
    try withJournal { (journal, _) throws in
      let today = try day("2026-11-20")
      let onlySource = try journal.addEntry(
        NewEntry(day: today, text: "One", tags: [energized("coaching")]))
      let both = try journal.addEntry(
        NewEntry(
          day: today, text: "Two", tags: [drained("coaching"), energized("mentoring")]))
      let onlyTarget = try journal.addEntry(
        NewEntry(day: today, text: "Three", tags: [drained("mentoring")]))
      let neither = try journal.addEntry(
        NewEntry(day: today, text: "Four", tags: [energized("deep-work")]))

      let moved = try journal.mergeTag("coaching", into: "mentoring")
      #expect(moved == 1)
      #expect(try journal.entry(id: onlySource.id).tags == [energized("mentoring")])
      #expect(try journal.entry(id: both.id).tags == [energized("mentoring")])
      #expect(try journal.entry(id: onlyTarget.id).tags == [drained("mentoring")])
      #expect(try journal.entry(id: neither.id).tags == [energized("deep-work")])
      #expect(try journal.tag("coaching") == nil)
      #expect(try journal.tags().count == 5)
      let mentoring = try #require(try journal.tag("mentoring"))
      #expect(mentoring.track == .both)
      #expect(mentoring.energizedCount == 2)
      #expect(mentoring.drainedCount == 1)
      #expect(try journal.markRowCount() == 4)
    }
  }

  @Test("mergeTag of a tag into itself changes nothing; unknown tags are refused")
  func mergeEdgeCases() throws {
    try withJournal { (journal, _) throws in
      let entry = try journal.addEntry(
        NewEntry(day: try day("2026-11-20"), text: "One", tags: [energized("coaching")]))
      #expect(try journal.mergeTag("coaching", into: "COACHING") == 0)
      #expect(try journal.entry(id: entry.id).tags == [energized("coaching")])
      #expect(throws: StoreError.unknownTag(name: "coachng", suggestion: "coaching")) {
        try journal.mergeTag("coachng", into: "mentoring")
      }
      #expect(throws: StoreError.unknownTag(name: "mentorng", suggestion: "mentoring")) {
        try journal.mergeTag("coaching", into: "mentorng")
      }
      #expect(try journal.tags().count == 6)
      #expect(try journal.entry(id: entry.id).tags == [energized("coaching")])
    }
  }

  @Test("setTrack changes the track a tag speaks for")
  func setTrack() throws {
    try withJournal { (journal, _) throws in
      try journal.setTrack(of: "Delivery", to: .neutral)
      #expect(try journal.tag("delivery")?.track == .neutral)
      try journal.setTrack(of: "delivery", to: .both)
      #expect(try journal.tag("delivery")?.track == .both)
      #expect(try journal.tag("coaching")?.track == .management)
      #expect(throws: StoreError.unknownTag(name: "delivry", suggestion: "delivery")) {
        try journal.setTrack(of: "delivry", to: .ic)
      }
    }
  }
}
