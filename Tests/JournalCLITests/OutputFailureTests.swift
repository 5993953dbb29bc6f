import Foundation
import TestSupport
import Testing

/// A result that cannot be written is a failure the person sees, never a silent exit 0.
@Suite("Output that cannot be written")
struct OutputFailureTests {
  /// Runs `journal COMMAND --db JOURNAL` with its standard output on `/dev/full`.
  static func intoFullDevice(_ command: [String], _ journal: TestJournal) throws -> JournalResult {
    let line =
      (["\"$0\""] + command.map(ExternalCommand.shellQuoted)).joined(separator: " ")
      + " --db \"$1\" > /dev/full"
    return try ExternalCommand.run(
      "/bin/sh", ["-c", line, JournalProcess.executable, journal.path],
      environment: ["JOURNAL_TODAY": TestJournal.today])
  }

  @Test(
    "report and export into a full device exit 74 naming the output, the journal unchanged",
    arguments: [["report"], ["report", "--format", "json"], ["export"]])
  func fullDevice(command: [String]) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("Paired on the cache bug", ["-e", "deep-work", "--star"])
    let before = try journal.snapshot()
    let result = try Self.intoFullDevice(command, journal)
    #expect(result.status == 74, "\(result.stderr)")
    #expect(result.stderr.contains("standard output"), "\(result.stderr)")
    #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
    #expect(try journal.snapshot() == before)
  }

  @Test(
    "every command's results into a full device exit 74 with 'Cannot write to standard output'",
    arguments: [
      ["list"], ["list", "--format", "json"], ["list", "--format", "csv"], ["show", "1"],
      ["show", "1", "--format", "json"], ["tags"], ["tags", "--format", "json"],
      ["tags", "--format", "csv"], ["trend"], ["trend", "--format", "json"],
      ["trend", "--format", "csv"], ["experiment", "list"],
      ["experiment", "list", "--format", "json"], ["export", "--format", "csv"],
      ["export", "--format", "markdown"], ["doctor"],
    ])
  func everyReadCommand(command: [String]) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("Paired on the cache bug", ["-e", "deep-work", "--star"])
    expectSuccess(
      try journal.run([
        "experiment", "start", "Mentor two hires", "--track", "management", "--weeks", "4",
      ]))
    let result = try Self.intoFullDevice(command, journal)
    #expect(result.status == 74, "\(command): \(result.stderr)")
    #expect(
      result.stderr.contains("Cannot write to standard output: No space left on device."),
      "\(command): \(result.stderr)")
  }

  @Test("a long listing that fills the buffer many times over still fails with 74")
  func longListing() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let text = String(repeating: "A long day of reviews. ", count: 300)
    for _ in 0..<40 { try journal.add(text, ["-e", "deep-work"]) }
    let result = try Self.intoFullDevice(["list", "--format", "json"], journal)
    #expect(result.status == 74, "\(result.stderr)")
    #expect(result.stderr.contains("Cannot write to standard output"), "\(result.stderr)")
  }
}
