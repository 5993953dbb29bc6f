import Foundation
import TestSupport
import Testing

/// A journal with entry 1 (2026-11-18, energy 1, +coaching -delivery) and entry 2.
private func journalWithEntries() throws -> (TestJournal, EntryRecord) {
  let journal = try TestJournal()
  try journal.add(
    "Original text", ["--date", "2026-11-18", "--energy", "1", "-e", "coaching", "-d", "delivery"])
  try journal.add("Another day", ["-e", "deep-work"])
  return (journal, try journal.entry(1))
}

@Suite("journal edit")
struct EditTests {
  @Test("a new text replaces only the text")
  func editText() throws {
    let (journal, original) = try journalWithEntries()
    defer { journal.remove() }

    let result = try journal.run(["edit", "1", "Corrected text"])

    expectSuccess(result)
    #expect(result.stdout.hasPrefix("Updated entry 1: "))
    #expect(result.stdout.contains("Corrected text"))
    let entry = try journal.entry(1)
    #expect(entry.text == "Corrected text")
    #expect(entry.date == original.date)
    #expect(entry.energy == original.energy)
    #expect(entry.marks == original.marks)
    #expect(entry.uuid == original.uuid)
    #expect(try journal.entry(2).text == "Another day")
  }

  @Test("'-' reads the new text from stdin")
  func editTextFromStdin() throws {
    let (journal, original) = try journalWithEntries()
    defer { journal.remove() }

    let result = try journal.run(["edit", "1", "-"], stdin: "From stdin\nwith two lines\n")

    expectSuccess(result)
    let entry = try journal.entry(1)
    #expect(entry.text == "From stdin\nwith two lines")
    #expect(entry.marks == original.marks)
  }

  @Test(
    "--energy, --no-energy and --date replace only themselves",
    arguments: [
      (["--energy", "-2"], "energy"), (["--energy=2"], "energy"), (["--energy", "0"], "energy"),
      (["--no-energy"], "energy"), (["--date", "monday"], "date"),
      (["--date", "2026-10-01"], "date"), (["--date", "-1d"], "date"),
    ])
  func editOneField(arguments: [String], field: String) throws {
    let (journal, original) = try journalWithEntries()
    defer { journal.remove() }

    let result = try journal.run(["edit", "1"] + arguments)

    expectSuccess(result)
    let entry = try journal.entry(1)
    #expect(entry.text == original.text)
    #expect(entry.marks == original.marks)
    let expectedEnergy: Int? =
      switch arguments.first ?? "" {
      case "--energy": Int(arguments[1])
      case "--energy=2": 2
      case "--no-energy": nil
      default: original.energy
      }
    #expect(entry.energy == expectedEnergy)
    let expectedDate =
      switch arguments.last ?? "" {
      case "monday": "2026-11-16"
      case "2026-10-01": "2026-10-01"
      case "-1d": "2026-11-19"
      default: original.date
      }
    #expect(entry.date == expectedDate, "\(field)")
  }

  @Test(
    "any -e/-d replaces all of the entry's marks",
    arguments: [
      (["-e", "deep-work"], ["deep-work:energized"]),
      (["-d", "coaching"], ["coaching:drained"]),
      (
        ["-e", "architecture", "-d", "mentoring", "-d", "delivery"],
        ["architecture:energized", "delivery:drained", "mentoring:drained"]
      ),
    ])
  func editTags(arguments: [String], expected: [String]) throws {
    let (journal, original) = try journalWithEntries()
    defer { journal.remove() }

    let result = try journal.run(["edit", "1"] + arguments)

    expectSuccess(result)
    let entry = try journal.entry(1)
    #expect(entry.marks == expected)
    #expect(entry.text == original.text)
    #expect(entry.energy == original.energy)
    #expect(entry.date == original.date)
    let coaching = try #require(try journal.tags().first { $0.name == "coaching" })
    let expectedCounts = expected.contains("coaching:drained") ? [0, 1] : [0, 0]
    #expect(coaching.counts == expectedCounts)
  }

  @Test("several changes at once")
  func editSeveral() throws {
    let (journal, original) = try journalWithEntries()
    defer { journal.remove() }

    let result = try journal.run([
      "edit", "1", "All new", "--energy", "-1", "--date", "yesterday", "-e", "mentoring", "--star",
      "--private",
    ])

    expectSuccess(result)
    let entry = try journal.entry(1)
    #expect(entry.text == "All new")
    #expect(entry.energy == -1)
    #expect(entry.date == "2026-11-19")
    #expect(entry.marks == ["mentoring:energized"])
    #expect(entry.starred && entry.isPrivate)
    #expect(entry.uuid == original.uuid)
    #expect(entry.createdAt == original.createdAt)
  }

  @Test("--star/--unstar and --private/--public toggle the flags")
  func editFlags() throws {
    let (journal, _) = try journalWithEntries()
    defer { journal.remove() }

    expectSuccess(try journal.run(["edit", "1", "--star", "--private"]))
    let flagged = try journal.entry(1)
    #expect(flagged.starred && flagged.isPrivate)

    expectSuccess(try journal.run(["edit", "1", "--unstar", "--public"]))
    let plain = try journal.entry(1)
    #expect(!plain.starred && !plain.isPrivate)
    #expect(plain.text == "Original text")
  }

  @Test("updated_at moves forward, created_at stays")
  func editTimestamps() throws {
    let (journal, _) = try journalWithEntries()
    defer { journal.remove() }
    // Back-date the stamps, so the edit's second is certainly later.
    _ = try journal.sqlite(
      "UPDATE entry SET createdAt = '2020-01-02T03:04:05Z', updatedAt = '2020-01-02T03:04:05Z'")
    #expect(try journal.entry(1).updatedAt == "2020-01-02T03:04:05Z")

    expectSuccess(try journal.run(["edit", "1", "--energy", "2"]))

    let entry = try journal.entry(1)
    #expect(entry.createdAt == "2020-01-02T03:04:05Z")
    #expect(entry.updatedAt > "2020-01-02T03:04:05Z")
    #expect(entry.updatedAt.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/) != nil)
    let other = try journal.entry(2)
    #expect(other.updatedAt == "2020-01-02T03:04:05Z", "other entries are untouched")
  }

  @Test("search finds the new text, not the old")
  func editUpdatesSearch() throws {
    let (journal, _) = try journalWithEntries()
    defer { journal.remove() }

    expectSuccess(try journal.run(["edit", "1", "Rewritten paragraph"]))

    #expect(try journal.entries(["--search", "original"]).isEmpty)
    #expect(try journal.entries(["--search", "rewritten"]).map(\.id) == [1])
  }

  @Test(
    "an unknown or deleted id is refused, the journal unchanged",
    arguments: [("99", "99"), ("3", "3")])
  func editUnknown(id: String, mentioned: String) throws {
    let (journal, _) = try journalWithEntries()
    defer { journal.remove() }
    let before = try journal.snapshot()

    expectRefused(try journal.run(["edit", id, "text"]), status: 65, mentioning: [mentioned])
    #expect(try journal.snapshot() == before)
  }

  @Test("a deleted entry cannot be edited until it is restored")
  func editDeleted() throws {
    let (journal, _) = try journalWithEntries()
    defer { journal.remove() }
    expectSuccess(try journal.run(["delete", "1", "--yes"]))
    let before = try journal.snapshot()

    let result = try journal.run(["edit", "1", "--energy", "2"])

    expectRefused(result, status: 65, mentioning: ["deleted", "restore"])
    #expect(try journal.snapshot() == before)
  }

  @Test(
    "a refused edit changes nothing",
    arguments: [
      (["1"], Int32(64), "Nothing to change"),
      (["1", "text", "--editor"], 64, "not both"),
      (["1", "--energy", "1", "--no-energy"], 64, "not both"),
      (["1", "--energy", "3"], 64, "3"),
      (["1", "--date", "2026-02-30"], 64, "2026-02-30"),
      (["1", "-e", "bad name"], 64, "bad name"),
      (["1", "-e", "coaching", "-d", "coaching"], 64, "coaching"),
      (["1", "-e", "coachng"], 65, "coaching"),
      (["1", "-e", "deep-work", "-d", "delivry"], 65, "delivery"),
      (["1", "  "], 65, "empty"),
      (["1", "-", "--energy", "2"], 65, "empty"),
      (["abc", "text"], 64, "abc"),
      ([], 64, "id"),
    ] as [([String], Int32, String)])
  func editRefused(arguments: [String], status: Int32, mentioned: String) throws {
    let (journal, original) = try journalWithEntries()
    defer { journal.remove() }
    let before = try journal.snapshot()

    let result = try journal.run(["edit"] + arguments)

    expectRefused(result, status: status, mentioning: [mentioned])
    #expect(try journal.snapshot() == before)
    #expect(try journal.entry(1) == original)
  }
}

@Suite("journal delete and restore")
struct DeleteRestoreTests {
  @Test(
    "delete without --yes off a terminal is refused with a usage error", arguments: [false, true])
  func deleteNeedsConfirmation(purge: Bool) throws {
    let (journal, _) = try journalWithEntries()
    defer { journal.remove() }
    let before = try journal.snapshot()

    let result = try journal.run(["delete", "1"] + (purge ? ["--purge"] : []), stdin: "y\n")

    expectRefused(result, status: 64, mentioning: ["--yes"])
    #expect(try journal.snapshot() == before)
    #expect(try journal.entries().map(\.id) == [2, 1])
  }

  @Test("delete --yes hides the entry everywhere", arguments: ["--yes", "-y"])
  func deleteHides(flag: String) throws {
    let (journal, _) = try journalWithEntries()
    defer { journal.remove() }

    let result = try journal.run(["delete", "1", flag])

    expectSuccess(result)
    #expect(result.stdout.contains("Deleted entry 1"))
    #expect(result.stdout.contains("journal restore 1"))
    #expect(try journal.entries().map(\.id) == [2])
    #expect(try journal.entries(["--search", "original"]).isEmpty)
    #expect(try journal.entries(["--tag", "coaching"]).isEmpty)
    let text = try journal.run(["list"])
    #expect(!text.stdout.contains("Original"))
    let csv = try journal.run(["list", "--format", "csv"])
    #expect(!csv.stdout.contains("Original"))
    let coaching = try #require(try journal.tags().first { $0.name == "coaching" })
    #expect(coaching.energized == 0)
  }

  @Test("show and delete on a deleted entry say it is deleted")
  func deletedEntryRefused() throws {
    let (journal, _) = try journalWithEntries()
    defer { journal.remove() }
    expectSuccess(try journal.run(["delete", "1", "--yes"]))
    let before = try journal.snapshot()

    let show = try journal.run(["show", "1"])
    let again = try journal.run(["delete", "1", "--yes"])

    expectRefused(show, status: 65, mentioning: ["deleted", "journal restore 1"])
    expectRefused(again, status: 65, mentioning: ["deleted"])
    #expect(try journal.snapshot() == before)
  }

  @Test("restore brings the entry back with its text, tags, energy, date and id")
  func restore() throws {
    let (journal, original) = try journalWithEntries()
    defer { journal.remove() }
    expectSuccess(try journal.run(["delete", "1", "--yes"]))

    let result = try journal.run(["restore", "1"])

    expectSuccess(result)
    #expect(result.stdout.hasPrefix("Restored entry 1: "))
    #expect(try journal.entry(1) == original)
    #expect(try journal.entries().map(\.id) == [2, 1])
    #expect(try journal.entries(["--tag", "delivery"]).map(\.id) == [1])
    #expect(try journal.entries(["--search", "original"]).map(\.id) == [1])
    let coaching = try #require(try journal.tags().first { $0.name == "coaching" })
    #expect(coaching.energized == 1)
  }

  @Test(
    "restore is refused for a live or unknown entry",
    arguments: [("1", "not deleted"), ("99", "99")])
  func restoreRefused(id: String, mentioned: String) throws {
    let (journal, _) = try journalWithEntries()
    defer { journal.remove() }
    let before = try journal.snapshot()

    expectRefused(try journal.run(["restore", id]), status: 65, mentioning: [mentioned])
    #expect(try journal.snapshot() == before)
  }

  @Test("delete --purge --yes removes the entry for good", arguments: [false, true])
  func purge(deletedFirst: Bool) throws {
    let (journal, _) = try journalWithEntries()
    defer { journal.remove() }
    if deletedFirst { expectSuccess(try journal.run(["delete", "1", "--yes"])) }

    let result = try journal.run(["delete", "1", "--purge", "--yes"])

    expectSuccess(result)
    #expect(result.stdout.contains("Purged entry 1"))
    expectRefused(try journal.run(["restore", "1"]), status: 65, mentioning: ["No entry", "1"])
    expectRefused(try journal.run(["show", "1"]), status: 65, mentioning: ["No entry"])
    #expect(try journal.entries().map(\.id) == [2])
    #expect(try journal.entries(["--search", "original"]).isEmpty)
    #expect(try journal.sqlite("SELECT count(*) FROM entry WHERE id = 1") == "0")
    #expect(try journal.sqlite("SELECT count(*) FROM entryTag WHERE entryId = 1") == "0")
    #expect(try journal.sqlite("PRAGMA integrity_check") == "ok")
    let coaching = try #require(try journal.tags().first { $0.name == "coaching" })
    #expect(coaching.counts == [0, 0])
  }

  @Test(
    "delete of an unknown id is refused",
    arguments: [["delete", "99", "--yes"], ["delete", "99", "--purge", "--yes"]])
  func deleteUnknown(arguments: [String]) throws {
    let (journal, _) = try journalWithEntries()
    defer { journal.remove() }
    let before = try journal.snapshot()

    expectRefused(try journal.run(arguments), status: 65, mentioning: ["99"])
    #expect(try journal.snapshot() == before)
  }
}
