import Foundation
import TestSupport
import Testing

@Suite("journal add")
struct AddTests {
  @Test("text from the argument, with the 'Added entry N: …' line")
  func textFromArgument() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let result = try journal.run(
      ["add", "Fixed the flaky cache test", "-e", "deep-work", "-d", "delivery", "--energy", "1"])

    expectSuccess(result)
    #expect(result.stdout.hasPrefix("Added entry 1: "))
    #expect(result.stdout.hasSuffix("\n"))
    #expect(result.stdout.split(separator: "\n").count == 1)
    for part in ["2026-11-20 Fri", "+1", "+deep-work", "-delivery", "Fixed the flaky cache test"] {
      #expect(result.stdout.contains(part), "'\(part)' in \(result.stdout)")
    }
    #expect(!result.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")

    let entries = try journal.entries()
    #expect(entries.count == 1)
    let entry = try #require(entries.first)
    #expect(entry.id == 1)
    #expect(entry.text == "Fixed the flaky cache test")
    #expect(entry.date == TestJournal.today)
    #expect(entry.energy == 1)
    #expect(entry.marks == ["deep-work:energized", "delivery:drained"])
    #expect(!entry.starred)
    #expect(!entry.isPrivate)
  }

  @Test("ids count up and each line names its own id")
  func successiveIDs() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    for expected in Int64(1)...3 {
      let result = try journal.run(["add", "entry \(expected)"])
      expectSuccess(result)
      #expect(TestJournal.addedID(result.stdout) == expected)
      #expect(result.stdout.contains("entry \(expected)"))
    }
    #expect(try journal.entries().map(\.id) == [3, 2, 1])
  }

  @Test("the text is trimmed, and multi-line text is kept whole")
  func textIsTrimmedAndKept() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let id = try journal.add("  \n First line\nSecond line, with more  \n\n")

    #expect(try journal.entry(id).text == "First line\nSecond line, with more")
  }

  @Test("text from piped stdin when no argument is given")
  func textFromPipedStdin() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let result = try journal.run(
      ["add", "-e", "coaching"], stdin: "Ran two 1:1s\nand a career talk\n")

    expectSuccess(result)
    #expect(result.stdout.hasPrefix("Added entry 1: "))
    let entry = try journal.entry(1)
    #expect(entry.text == "Ran two 1:1s\nand a career talk")
    #expect(entry.marks == ["coaching:energized"])
  }

  @Test("'-' as the text reads stdin")
  func dashReadsStdin() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let result = try journal.run(["add", "-", "--energy", "2"], stdin: "Paired on the parser")

    expectSuccess(result)
    let entry = try journal.entry(1)
    #expect(entry.text == "Paired on the parser")
    #expect(entry.energy == 2)
  }

  @Test(
    "empty and whitespace-only text is refused, nothing written",
    arguments: ["", " ", "   \t  ", "\n\n", " \t\n \r\n"])
  func emptyTextArgumentRefused(text: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("the only entry")
    let before = try journal.snapshot()

    let result = try journal.run(["add", text])

    expectRefused(result, status: 65, mentioning: ["empty"])
    #expect(try journal.snapshot() == before)
    #expect(try journal.entries().map(\.text) == ["the only entry"])
  }

  @Test("empty or whitespace-only stdin is refused", arguments: ["", "   \n\t\n"])
  func emptyStdinRefused(text: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("the only entry")
    let before = try journal.snapshot()

    let piped = try journal.run(["add"], stdin: text)
    let dash = try journal.run(["add", "-"], stdin: text)

    expectRefused(piped, status: 65, mentioning: ["empty"])
    expectRefused(dash, status: 65, mentioning: ["empty"])
    #expect(try journal.snapshot() == before)
  }

  @Test("an empty text on a missing journal does not create it")
  func emptyTextCreatesNothing() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let result = try journal.run(["add", "  "])

    expectRefused(result, status: 65)
    #expect(!journal.exists)
  }

  @Test("stdin that is not UTF-8 or holds a NUL byte is refused")
  func badBytesOnStdinRefused() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("the only entry")
    let before = try journal.snapshot()

    let invalid = try journal.run(["add"], stdinData: Data([0x66, 0xFF, 0xFE, 0x6F]))
    let nul = try journal.run(["add"], stdinData: Data([0x61, 0x00, 0x62]))

    expectRefused(invalid, status: 65, mentioning: ["UTF-8"])
    expectRefused(nul, status: 65, mentioning: ["NUL"])
    #expect(try journal.snapshot() == before)
  }

  @Test("a huge text on stdin is refused cleanly, nothing written")
  func hugeStdinRefused() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("the only entry")
    let before = try journal.snapshot()
    let line = String(repeating: "log line that was piped by mistake ", count: 3) + "\n"

    let result = try journal.run(["add"], stdin: String(repeating: line, count: 30_000))

    expectRefused(result, status: 65, mentioning: ["bytes"])
    #expect(try journal.snapshot() == before)
  }

  /// Each date form, with today pinned to Friday 2026-11-20.
  @Test(
    "each date form files the entry on the right day",
    arguments: [
      ("2026-11-03", "2026-11-03"),
      ("2024-02-29", "2024-02-29"),
      ("today", "2026-11-20"),
      ("TODAY", "2026-11-20"),
      ("yesterday", "2026-11-19"),
      ("friday", "2026-11-13"),  // today is a Friday: the most recent one before it
      ("monday", "2026-11-16"),
      ("thursday", "2026-11-19"),
      ("saturday", "2026-11-14"),
      ("sunday", "2026-11-15"),
      ("Wednesday", "2026-11-18"),
      ("mon", "2026-11-16"),
      ("-0d", "2026-11-20"),
      ("-1d", "2026-11-19"),
      ("-3d", "2026-11-17"),
      ("-30d", "2026-10-21"),
      ("-366d", "2025-11-19"),
      ("last monday", "2026-11-16"),
      ("Last Fri", "2026-11-13"),
      ("3d", "2026-11-17"),
      ("-1w", "2026-11-13"),
      ("2w", "2026-11-06"),
      ("2 days ago", "2026-11-18"),
      ("a week ago", "2026-11-13"),
      ("3 weeks ago", "2026-10-30"),
      ("nov 20", "2026-11-20"),
      ("20 nov", "2026-11-20"),
      ("November 3", "2026-11-03"),
      ("dec 24", "2025-12-24"),  // The latest December 24 up to today.
      ("feb 29", "2024-02-29"),
      ("nov 5, 2026", "2026-11-05"),
      ("2026-11-5", "2026-11-05"),
      ("2026-1-5", "2026-01-05"),
    ])
  func dateForms(expression: String, expected: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let result = try journal.run(["add", "On a day", "--date", expression])

    expectSuccess(result)
    #expect(result.stdout.contains(expected))
    #expect(try journal.entry(1).date == expected)
  }

  @Test("the default day is today, and --date=VALUE works too")
  func defaultDayAndEqualsForm() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    try journal.add("no date")
    try journal.add("equals form", ["--date=-2d"])

    #expect(try journal.entry(1).date == "2026-11-20")
    #expect(try journal.entry(2).date == "2026-11-18")
  }

  @Test(
    "a date that does not exist or is not a date form is a usage error",
    arguments: [
      "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-11-31", "20261120",
      "2026/11/20", "someday", "tomorrow", "-d", "+3d", "-3", "", "11/20/2026", "nov 31",
      "3 months ago", "next monday", "yesterday at 6pm", "last",
    ])
  func invalidDates(expression: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("the only entry")
    let before = try journal.snapshot()

    let result = try journal.run(["add", "On a day", "--date", expression])

    expectRefused(result, status: 64)
    #expect(try journal.snapshot() == before)
  }

  @Test("the invalid date is quoted in the message")
  func invalidDateMessage() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let result = try journal.run(["add", "x", "--date", "2026-02-30"])

    expectRefused(result, status: 64, mentioning: ["2026-02-30"])
    #expect(!journal.exists)
  }

  @Test(
    "a refused date says what was probably meant, on one line",
    arguments: [
      ("11/20/2026", "not a date: write it 2026-11-20 (YYYY-MM-DD)."),
      ("5/11/2026", "not a date: write it 2026-05-11 (month first) or 2026-11-05 (day first)"),
      (
        "yesterday at 6pm",
        "not a date: a journal files entries by day, not by time of day; use 'yesterday'."
      ),
      ("last", "not a date: a date of several words needs quotes"),
      ("someday", "not a date: use YYYY-MM-DD, today, yesterday, monday or last monday, -3d"),
    ])
  func dateHints(expression: String, message: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let result = try journal.run(["add", "x", "--date", expression])

    expectRefused(result, status: 64, mentioning: ["'\(expression)'", message])
    #expect(!journal.exists)
  }

  @Test("a month and day in the future this year is last year's; a future date is refused")
  func monthDayNeverInTheFuture() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let lastYear = try journal.run(["add", "x", "--date", "nov 21"])
    let future = try journal.run(["add", "y", "--date", "nov 21 2026"])

    expectSuccess(lastYear)
    #expect(try journal.entry(1).date == "2025-11-21")
    expectRefused(future, status: 64, mentioning: ["2026-11-21"])
    #expect(try journal.entries().count == 1)
  }

  @Test("the wider forms work for every date option: --since, --until, --on")
  func rangeForms() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    for date in ["2026-11-02", "2026-11-06", "2026-11-16", "2026-11-20"] {
      try journal.add("on \(date)", ["--date", date])
    }

    let range = try journal.run(["list", "--since", "2 weeks ago", "--until", "last monday"])
    let day = try journal.run(["list", "--on", "nov 2"])

    expectSuccess(range)
    #expect(range.stdout.contains("on 2026-11-06") && range.stdout.contains("on 2026-11-16"))
    #expect(!range.stdout.contains("on 2026-11-02") && !range.stdout.contains("on 2026-11-20"))
    expectSuccess(day)
    #expect(day.stdout.split(separator: "\n").count == 1 && day.stdout.contains("on 2026-11-02"))
  }

  @Test(
    "--energy accepts -2 ... 2, as a separate argument or with '='",
    arguments: [
      (["--energy", "-2"], -2), (["--energy", "-1"], -1), (["--energy", "0"], 0),
      (["--energy", "1"], 1), (["--energy", "2"], 2), (["--energy=-2"], -2),
      (["--energy", "+2"], 2),
    ])
  func energyAccepted(arguments: [String], expected: Int) throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let result = try journal.run(["add", "A day"] + arguments)

    expectSuccess(result)
    #expect(try journal.entry(1).energy == expected)
  }

  @Test(
    "--energy out of range or not a number is a usage error",
    arguments: ["3", "-3", "10", "1.5", "high", ""])
  func energyRefused(value: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("the only entry")
    let before = try journal.snapshot()

    let result = try journal.run(["add", "A day", "--energy", value])

    expectRefused(result, status: 64)
    #expect(try journal.snapshot() == before)
  }

  @Test("without --energy the energy is null")
  func energyAbsent() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    try journal.add("A day")

    #expect(try journal.entry(1).energy == nil)
  }

  @Test("-e and -d are repeatable, long forms too, in any case")
  func repeatableTags() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let result = try journal.run([
      "add", "A full day", "-e", "deep-work", "-e", "ARCHITECTURE", "--energized", "Mentoring",
      "-d", "delivery", "--drained", "conflict-resolution",
    ])

    expectSuccess(result)
    #expect(
      try journal.entry(1).marks == [
        "architecture:energized", "conflict-resolution:drained", "deep-work:energized",
        "delivery:drained", "mentoring:energized",
      ])
    let tags = try journal.tags()
    #expect(tags.first { $0.name == "architecture" }?.energized == 1)
    #expect(tags.first { $0.name == "delivery" }?.drained == 1)
  }

  @Test(
    "a tag given twice is a usage error",
    arguments: [["-e", "coaching", "-d", "coaching"], ["-e", "coaching", "-e", "Coaching"]])
  func duplicateTagRefused(tags: [String]) throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let result = try journal.run(["add", "A day"] + tags)

    expectRefused(result, status: 64, mentioning: ["coaching"])
    #expect(!journal.exists)
  }

  @Test("--star and --private are stored")
  func starAndPrivate() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    try journal.add("Shipped the storage redesign", ["--star"])
    try journal.add("Hard conversation about a colleague", ["--private"])
    try journal.add("Plain day")

    let starred = try journal.entry(1)
    #expect(starred.starred && !starred.isPrivate)
    let hidden = try journal.entry(2)
    #expect(!hidden.starred && hidden.isPrivate)
    let plain = try journal.entry(3)
    #expect(!plain.starred && !plain.isPrivate)
  }

  @Test("JOURNAL_TODAY that is not a day is refused")
  func invalidPinnedToday() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let result = try journal.run(["add", "A day"], environment: ["JOURNAL_TODAY": "2026-02-30"])

    expectRefused(result, status: 65, mentioning: ["JOURNAL_TODAY", "2026-02-30"])
    #expect(!journal.exists)
  }

  @Test("a text that starts with a dash is taken after '--'")
  func textAfterDoubleDash() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let result = try JournalProcess.run(
      ["add", "--db", journal.path, "--", "-3 bugs closed"],
      environment: ["JOURNAL_TODAY": TestJournal.today])

    expectSuccess(result)
    #expect(try journal.entry(1).text == "-3 bugs closed")
  }
}
