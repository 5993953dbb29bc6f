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
