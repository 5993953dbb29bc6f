import Foundation
import TestSupport
import Testing

/// `journal add` on a terminal mentions the workdays of this week so far without an entry,
/// once per set of days; never in a pipe. Today is Friday 2026-11-20 (ISO week 2026-W47).
@Suite("journal add: the missed-workdays hint", .enabled(if: Terminal.isAvailable))
struct AddHintTests {
  @Test("shown on a terminal once, again only when the missed days change; never when piped")
  func onceOnATerminal() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("Monday", ["--date", "2026-11-16", "-e", "deep-work"])
    try journal.add("Wednesday", ["--date", "2026-11-18", "-e", "deep-work"])

    let first = try Terminal.run(["add", "Friday", "-e", "deep-work"], on: journal)
    #expect(first.status == 0, "output: \(first.stdout)")
    #expect(first.stdout.contains("Added entry 3: "))
    #expect(
      first.stdout.contains(
        "No entries yet for Tue and Thu this week; 'journal add --date tue' adds one."),
      "output: \(first.stdout)")
    #expect(try journal.sqlite("SELECT missedDays FROM addHint") == "2026-11-17,2026-11-19")

    // The same days missed: said once already.
    let second = try Terminal.run(["add", "Friday again", "-e", "deep-work"], on: journal)
    #expect(second.status == 0, "output: \(second.stdout)")
    #expect(second.stdout.contains("Added entry 4: "))
    #expect(!second.stdout.contains("No entries yet"), "output: \(second.stdout)")

    // Tuesday written (in a pipe: no hint there); the set changes to Thursday alone.
    let piped = try journal.run(["add", "Tuesday", "--date", "tue", "-e", "deep-work"])
    expectSuccess(piped)
    #expect(!piped.stdout.contains("No entries yet"))
    let third = try Terminal.run(["add", "Friday, third", "-e", "deep-work"], on: journal)
    #expect(
      third.stdout.contains("No entries yet for Thu this week; 'journal add --date thu' adds one."),
      "output: \(third.stdout)")

    // Nothing missed: no hint, whatever was said before.
    try journal.add("Thursday", ["--date", "2026-11-19", "-e", "deep-work"])
    let fourth = try Terminal.run(["add", "Friday, fourth", "-e", "deep-work"], on: journal)
    #expect(fourth.status == 0)
    #expect(!fourth.stdout.contains("No entries yet"), "output: \(fourth.stdout)")
  }

  @Test("not when stdin or stdout is piped, even with days missed")
  func notWhenPiped() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    // stdout piped, stdin a pipe too: the ordinary scripted add.
    let scripted = try journal.run(["add", "Friday", "-e", "deep-work"])
    expectSuccess(scripted)
    #expect(!scripted.stdout.contains("No entries yet"))
    // On a terminal, but stdout piped into cat: still no hint.
    let command =
      ([JournalProcess.executable, "add", "Friday again", "-e", "deep-work", "--db", journal.path])
      .map(ExternalCommand.shellQuoted).joined(separator: " ") + " | cat"
    let result = try ExternalCommand.run(
      "script", ["-qec", command, "/dev/null"],
      environment: ["JOURNAL_TODAY": TestJournal.today, "SHELL": "/bin/sh", "TERM": "dumb"])
    #expect(result.status == 0, "output: \(result.stdout)")
    #expect(result.stdout.contains("Added entry 2: "))
    #expect(!result.stdout.contains("No entries yet"), "output: \(result.stdout)")
    #expect(try journal.sqlite("SELECT count(*) FROM addHint") == "0")
  }
}
