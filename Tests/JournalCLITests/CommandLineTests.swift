import Foundation
import TestSupport
import Testing

/// A mistyped command line teaches: "did you mean" for commands and subcommands, `help` of an
/// unknown command refused, `--db` and `--color` before the subcommand, `--color` itself.
@Suite("Command line: did you mean, global options, --color")
struct CommandLineTests {
  private let environment = ["JOURNAL_TODAY": TestJournal.today]

  @Test(
    "an unknown command is refused with the nearest one",
    arguments: [
      ("trends", "did you mean 'trend'?"), ("tag", "did you mean 'tags'?"),
      ("ls", "did you mean 'list'?"), ("reprot", "did you mean 'report'?"),
      ("zzzzzz", "'journal --help' lists them"),
    ])
  func unknownCommand(word: String, hint: String) throws {
    let result = try JournalProcess.run([word], environment: environment)
    expectRefused(result, status: 64, mentioning: ["'\(word)' is not a journal command", hint])
    #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
  }

  @Test("an unknown subcommand of a group lists the group's subcommands, database untouched")
  func unknownSubcommand() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("Designed the queue", ["-e", "architecture"])
    let before = try journal.snapshot()

    let tags = try journal.run(["tags", "remove", "architecture"])
    expectRefused(
      tags, status: 64,
      mentioning: [
        "'journal tags' has no subcommand 'remove'", "list, add, rename, merge, set-track, delete",
      ])
    let typo = try journal.run(["tags", "lst"])
    expectRefused(typo, status: 64, mentioning: ["did you mean 'list'?"])
    let experiment = try journal.run(["experiment", "ned", "1"])
    expectRefused(
      experiment, status: 64,
      mentioning: ["'journal experiment' has no subcommand 'ned'", "did you mean 'end'?"])
    #expect(try journal.snapshot() == before)
  }

  @Test("help of an unknown command exits 64; of a known one, its help and 0")
  func helpOfUnknownCommand() throws {
    let unknown = try JournalProcess.run(["help", "nope"], environment: environment)
    expectRefused(unknown, status: 64, mentioning: ["'nope' is not a journal command"])
    let nested = try JournalProcess.run(["help", "tags", "nope"], environment: environment)
    expectRefused(nested, status: 64, mentioning: ["'journal tags' has no subcommand 'nope'"])
    let known = try JournalProcess.run(["help", "trend"], environment: environment)
    #expect(known.status == 0)
    #expect(known.stdout.contains("USAGE: journal trend"))
  }

  @Test("an unknown option gets the parser's nearest option")
  func unknownOption() throws {
    let result = try JournalProcess.run(["list", "--limt", "3"], environment: environment)
    #expect(result.status == 64)
    #expect(result.stderr.contains("Unknown option '--limt'. Did you mean '--limit'?"))
  }

  @Test("--db and --color before the subcommand mean what they mean after it")
  func globalOptionsBeforeTheSubcommand() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = folder.file("journal.sqlite")

    let added = try JournalProcess.run(
      ["--db", path, "add", "Paired on the flaky test", "-e", "deep-work"],
      environment: environment)
    expectSuccess(added)
    #expect(added.stdout.hasPrefix("Added entry 1: 2026-11-20 Fri"))
    // `=` form, a nested command, and text after `--` that looks like an option.
    let dash = try JournalProcess.run(
      ["--db=\(path)", "add", "-e", "coaching", "--", "-1 on the reorg"], environment: environment)
    expectSuccess(dash)
    let listed = try JournalProcess.run(
      ["--color", "always", "--db", path, "tags", "list"], environment: environment)
    expectSuccess(listed)
    #expect(listed.stdout.contains("\u{1B}["), "--color always colours a pipe")
    let plain = try JournalProcess.run(["--db", path, "list"], environment: environment)
    expectSuccess(plain)
    #expect(!plain.stdout.contains("\u{1B}["), "a pipe gets no colour by default")
    #expect(plain.stdout.contains("-1 on the reorg"))
    #expect(plain.stdout.contains("Paired on the flaky test"))
  }

  @Test("--color takes auto, always or never only")
  func colorValues() throws {
    let result = try JournalProcess.run(["list", "--color", "sometimes"], environment: environment)
    #expect(result.status == 64)
    #expect(result.stderr.contains("sometimes"))
    #expect(result.stderr.contains("auto"))
  }
}

@Suite("Help text promises only what a command accepts")
struct HelpPromiseTests {
  @Test("show takes text or json only; experiment start tries ic or management only")
  func refusedAtParse() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let id = try journal.add("A day", ["-e", "deep-work"])
    let before = try journal.snapshot()

    let show = try journal.run(["show", String(id), "--format", "csv"])
    #expect(show.status == 64)
    #expect(show.stderr.contains("'csv'"))
    let help = try journal.run(["show", "--help"])
    #expect(help.stdout.contains("text, json") && !help.stdout.contains("csv"))

    let both = try journal.run(["experiment", "start", "Blend", "--track", "both", "--weeks", "6"])
    #expect(both.status == 64)
    #expect(both.stderr.contains("use ic or management"))
    #expect(try journal.snapshot() == before)

    let edit = try journal.run(["edit", "--help"])
    #expect(edit.stdout.contains("Never quote the entry in a report (it still counts in"))
  }
}

@Suite("experiment edit and delete")
struct ExperimentEditDeleteTests {
  @Test("edit changes only what is given; an outcome is refused while running, kept after the end")
  func edit() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    expectSuccess(
      try journal.run([
        "experiment", "start", "Mentor two hires", "--track", "management", "--weeks", "6",
        "--date", "2026-10-05",
      ]))
    let before = try journal.snapshot()
    let early = try journal.run(["experiment", "edit", "1", "--outcome", "Loved it"])
    expectRefused(early, status: 65, mentioning: ["Experiment 1 is still running"])
    let nothing = try journal.run(["experiment", "edit", "1"])
    #expect(nothing.status == 64)
    let unknown = try journal.run(["experiment", "edit", "9", "--weeks", "8"])
    expectRefused(unknown, status: 65)
    #expect(try journal.snapshot() == before)

    let edited = try journal.run(["experiment", "edit", "1", "--weeks", "8", "--title", "Mentor"])
    expectSuccess(edited)
    #expect(
      edited.stdout
        == "Updated experiment 1: 'Mentor' [management, 8 weeks from 2026-10-05, running].\n")
    expectSuccess(try journal.run(["experiment", "end", "1", "--date", "2026-11-10"]))
    let outcome = try journal.run([
      "experiment", "edit", "1", "--outcome", "  Coaching energized me ",
    ])
    expectSuccess(outcome)
    #expect(
      try journal.sqlite("SELECT title, plannedWeeks, startDay, endDay, outcome FROM experiment")
        == "Mentor|8|2026-10-05|2026-11-10|Coaching energized me")
    let late = try journal.run(["experiment", "edit", "1", "--date", "2026-11-12"])
    expectRefused(late, status: 65, mentioning: ["2026-11-12"])
  }

  @Test("delete needs --yes off a terminal and removes only the experiment")
  func delete() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("Mentored", ["-e", "mentoring"])
    for title in ["Mentor", "Mentor"] {
      expectSuccess(
        try journal.run(["experiment", "start", title, "--track", "management", "--weeks", "6"]))
    }
    let asked = try journal.run(["experiment", "delete", "2"])
    expectRefused(asked, status: 64, mentioning: ["--yes"])
    let deleted = try journal.run(["experiment", "delete", "2", "--yes"])
    expectSuccess(deleted)
    #expect(deleted.stdout == "Deleted experiment 2: 'Mentor'; its weeks' entries stay.\n")
    #expect(try journal.sqlite("SELECT group_concat(id) FROM experiment") == "1")
    #expect(try journal.entries().count == 1)
    expectRefused(try journal.run(["experiment", "delete", "2", "--yes"]), status: 65)
  }
}

@Suite("A record's day is never in the future")
struct FutureDayTests {
  @Test(
    "every command that dates a record refuses a day after today, and writes nothing",
    arguments: [
      ["add", "Planned", "-e", "deep-work", "--date", "2099-01-01"],
      ["add", "Tomorrow", "-e", "deep-work", "--date", "2026-11-21"],
      ["edit", "1", "--date", "2026-12-01"],
      ["reflect", "--five-years", "x", "--date", "2026-11-21"],
      ["experiment", "start", "Later", "--track", "ic", "--weeks", "6", "--date", "2026-11-23"],
      ["role", "start", "staff", "--date", "2027-01-04"],
    ])
  func refused(arguments: [String]) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("Today", ["-e", "deep-work"])
    let before = try journal.snapshot()
    let result = try journal.run(arguments)
    expectRefused(result, status: 64, mentioning: ["is after today (2026-11-20)"])
    #expect(try journal.snapshot() == before)
  }

  @Test("today and earlier days are recorded; --until may reach past today")
  func todayAndEarlier() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("Today", ["-e", "deep-work", "--date", "2026-11-20"])
    try journal.add("Earlier", ["-e", "deep-work", "--date", "2026-11-02"])
    let listed = try journal.run(["list", "--until", "2027-01-01"])
    expectSuccess(listed)
    #expect(listed.stdout.split(separator: "\n").count == 2)
  }
}

@Suite("reflect show")
struct ReflectShowTests {
  @Test("the latest reflection by default, one by id, as text or JSON; unknown ids refused")
  func show() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("First", ["-e", "deep-work"])
    let none = try journal.run(["reflect", "show"])
    expectRefused(none, status: 65, mentioning: ["No reflections yet"])
    expectSuccess(
      try journal.run([
        "reflect", "--five-years", "How storage fails", "--coding", "yes", "--motive", "status",
        "--date", "2026-11-02",
      ]))
    expectSuccess(try journal.run(["reflect", "--coding", "unsure", "--note", "After the reorg"]))

    let latest = try journal.run(["reflect", "show"])
    expectSuccess(latest)
    #expect(
      latest.stdout == """
        Reflection 2, 2026-11-20

        In five years, what do you want to be the person in the room who knows?
          not answered
        Do you want to code most of the time?
          unsure
        Note: After the reorg

        """)
    let first = try journal.run(["reflect", "show", "1"])
    expectSuccess(first)
    #expect(first.stdout.contains("  How storage fails\n"))
    #expect(first.stdout.contains("Motives: status (a reason the articles warn about)"))
    let json = try journal.run(["reflect", "show", "1", "--format", "json"])
    let object = try ReportSeed.object(json.stdout)
    #expect(object["id"] as? Int == 1)
    #expect(object["answers"] as? [String: String] == ["coding": "yes"])
    #expect(object["wrong_reasons"] as? [String] == ["status"])
    let unknown = try journal.run(["reflect", "show", "9"])
    expectRefused(unknown, status: 65, mentioning: ["No reflection with id 9"])
  }
}
