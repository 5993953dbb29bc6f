import Foundation
import TestSupport
import Testing

/// A result that cannot be written is a failure the person sees, never a silent exit 0.
@Suite("Output that cannot be written")
struct OutputFailureTests {
  @Test(
    "report and export into a full device exit 74 naming the output, the journal unchanged",
    arguments: [["report"], ["report", "--format", "json"], ["export"]])
  func fullDevice(command: [String]) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("Paired on the cache bug", ["-e", "deep-work", "--star"])
    let before = try journal.snapshot()
    let line =
      (["\"$0\""] + command.map(ExternalCommand.shellQuoted)).joined(separator: " ")
      + " --db \"$1\" > /dev/full"
    let result = try ExternalCommand.run(
      "/bin/sh", ["-c", line, JournalProcess.executable, journal.path],
      environment: ["JOURNAL_TODAY": TestJournal.today])
    #expect(result.status == 74, "\(result.stderr)")
    #expect(result.stderr.contains("standard output"), "\(result.stderr)")
    #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
    #expect(try journal.snapshot() == before)
  }
}
