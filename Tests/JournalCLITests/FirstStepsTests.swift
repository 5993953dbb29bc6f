import Foundation
import TestSupport
import Testing

/// What a new user meets first: the tags before any journal, a tag given with commas, an
/// entry without tags, a tag logged without a feeling, and deleting a tag made by mistake.
@Suite("First steps: tags before a journal, -l, tags delete, hints")
struct FirstStepsTests {
  @Test("tags with no journal lists the built-in tags and creates no file")
  func tagsBeforeAnyJournal() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let text = try journal.run(["tags"])
    expectSuccess(text)
    for name in ["architecture", "coaching", "conflict-resolution", "deep-work", "delivery"] {
      #expect(text.stdout.contains("\n\(name) "), "\(name) in \(text.stdout)")
    }
    #expect(text.stdout.contains("No journal yet"))
    let json = try journal.run(["tags", "--format", "json"])
    expectSuccess(json)
    let tags = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(tags.count == 6)
    #expect(tags.first?["name"] as? String == "architecture")
    #expect(tags.first?["track"] as? String == "ic")
    #expect(!FileManager.default.fileExists(atPath: journal.path), "no journal file was created")
  }

  @Test("a tag list given with commas is refused with one option per tag")
  func commaSeparatedTags() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let result = try journal.run(["add", "Designed it", "-e", "deep-work,architecture"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("give one per option: -e deep-work -e architecture"))
    #expect(!FileManager.default.fileExists(atPath: journal.path))
  }

  @Test("-l logs a tag with no feeling: exposure, not a rate")
  func loggedMark() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let id = try journal.add("Sprint planning", ["-l", "delivery", "-e", "coaching"])
    let entry = try journal.entry(id)
    #expect(
      entry.tags == [
        MarkRecord(name: "coaching", mark: "energized"),
        MarkRecord(name: "delivery", mark: "logged"),
      ])
    let rollup = try journal.sqlite(
      "SELECT energized, drained, unmarked FROM weekTag JOIN tag ON tag.id = tagId "
        + "WHERE name = 'delivery'")
    #expect(rollup == "0|0|1")
    let twice = try journal.run(["add", "x", "-e", "delivery", "-l", "delivery"])
    #expect(twice.status == 64)
    #expect(twice.stderr.contains("mark each activity once, as energized, drained or logged"))
  }

  @Test("an entry without any tag is kept, with a one-line note")
  func entryWithoutTags() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let result = try journal.run(["add", "A quiet day"])
    expectSuccess(result)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.first?.hasPrefix("Added entry 1: ") == true)
    #expect(lines.last?.hasPrefix("Note: no activity marked") == true)
    #expect(lines.last?.contains("journal edit 1 -e TAG") == true)
    let tagged = try journal.run(["add", "Paired", "-e", "deep-work"])
    #expect(!tagged.stdout.contains("Note:"))
  }

  @Test("tags delete removes an unused tag, refuses one a live entry carries")
  func deleteTag() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let used = try journal.add("Pairing", ["-e", "mentoring"])
    expectSuccess(try journal.run(["tags", "add", "typo-tag", "--track", "ic"]))
    let gone = try journal.add("Old note", ["-e", "typo-tag"])
    expectSuccess(try journal.run(["delete", String(gone), "--yes"]))

    let before = try journal.snapshot()
    let refused = try journal.run(["tags", "delete", "mentoring"])
    expectRefused(
      refused, status: 65,
      mentioning: [
        "Tag 'mentoring' is in use (1 entry carries it)", "journal tags merge mentoring",
      ])
    #expect(try journal.snapshot() == before)

    let deleted = try journal.run(["tags", "delete", "typo-tag"])
    expectSuccess(deleted)
    #expect(deleted.stdout == "Deleted tag 'typo-tag' (1 mark of deleted entries went with it).\n")
    #expect(try journal.tags().map(\.name).contains("typo-tag") == false)
    #expect(try journal.sqlite("SELECT count(*) FROM entryTag WHERE entryId = \(gone)") == "0")
    #expect(try journal.entry(used).tags == [MarkRecord(name: "mentoring", mark: "energized")])
    let unknown = try journal.run(["tags", "delete", "typo-tag"])
    expectRefused(unknown, status: 65, mentioning: ["Unknown tag 'typo-tag'"])
  }

  @Test("an unknown tag is refused with the nearest and the journal's tags, piped or not")
  func unknownTagListsTags() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("First", ["-e", "deep-work"])
    let before = try journal.snapshot()
    let all =
      "the journal's tags: architecture, coaching, conflict-resolution, deep-work, delivery, "
      + "mentoring;"
    let typed = try journal.run(["add", "Paired", "-e", "mentorship"])
    expectRefused(
      typed, status: 65,
      mentioning: ["Unknown tag 'mentorship' (did you mean 'mentoring'?)", all])
    let piped = try journal.run(["add", "-d", "1on1"], stdin: "A 1:1 that went badly")
    expectRefused(piped, status: 65, mentioning: ["Unknown tag '1on1'", all])
    #expect(!piped.stderr.contains("did you mean"))
    #expect(try journal.snapshot() == before)
  }
}

@Suite("Inline marks through journal add")
struct InlineMarksEndToEndTests {
  @Test("+tag, -tag and @tag in the text mark the entry; the text is kept as written")
  func inline() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let text = "Paired with Priya +deep-work, then -delivery (@mentoring). +1 to pairing."
    let id = try journal.add(text)
    let entry = try journal.entry(id)
    #expect(entry.text == text)
    #expect(
      entry.tags == [
        MarkRecord(name: "deep-work", mark: "energized"),
        MarkRecord(name: "delivery", mark: "drained"),
        MarkRecord(name: "mentoring", mark: "logged"),
      ])
    // Piped text too, together with an option for another tag.
    let piped = try journal.run(["add", "-e", "coaching"], stdin: "1:1 went well, but -delivery")
    expectSuccess(piped)
    #expect(!piped.stdout.contains("Note:"))
  }

  @Test("a tag marked one way by an option and the other in the text is refused, unchanged")
  func conflict() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("First", ["-e", "deep-work"])
    let before = try journal.snapshot()
    let result = try journal.run(["add", "Shipped it -deep-work", "-e", "deep-work"])
    expectRefused(
      result, status: 64,
      mentioning: ["'deep-work' is marked energized by an option and drained in the text"])
    #expect(try journal.snapshot() == before)
    // The same mark both ways is one mark.
    let same = try journal.run(["add", "Shipped it +deep-work", "-e", "deep-work"])
    expectSuccess(same)
  }

  @Test("prose that only looks like a mark leaves the entry untagged, with the note")
  func prose() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let result = try journal.run(["add", "+1 to the e-mail from @priya"])
    expectSuccess(result)
    #expect(result.stdout.contains("Note: no activity marked"))
  }
}
