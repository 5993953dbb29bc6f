import Foundation
import TestSupport
import Testing

/// Every `journal …` command line in the README's fenced examples, run in order through
/// `/bin/sh` against one temporary journal, as a reader would type them: each must succeed.
/// Lines whose comment says they need a terminal (`journal add` opening `$EDITOR`) are left to
/// the pseudo-terminal tests.
@Suite("README examples")
struct ReadmeExamplesTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The example lines: in fenced blocks, starting with `journal ` (or `$ journal `, or a
  /// pipe into `journal`), continuation lines joined, trailing `# comments` kept for the
  /// terminal check.
  static func examples(in readme: String) -> [String] {
    var lines: [String] = []
    var inFence = false
    var pending = ""
    for raw in readme.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(raw)
      if line.hasPrefix("```") {
        inFence.toggle()
        continue
      }
      guard inFence else { continue }
      if !pending.isEmpty {
        pending += " " + line.trimmingCharacters(in: .whitespaces)
      } else {
        var command = line
        if command.hasPrefix("$ ") { command.removeFirst(2) }
        let isExample =
          command.hasPrefix("journal ")
          || (command.hasPrefix("echo ") && command.contains("| journal "))
        guard isExample else { continue }
        pending = command
      }
      if pending.hasSuffix("\\") {
        pending.removeLast()
        pending = pending.trimmingCharacters(in: .whitespaces)
        continue
      }
      lines.append(pending)
      pending = ""
    }
    return lines
  }

  @Test("the extraction finds the examples, joins continuations and keeps pipes")
  func extraction() {
    let readme = """
      Text `journal list` outside a fence is not an example.
      ```sh
      journal add "A day" -e deep-work
      echo "Piped" | journal add -e coaching
      journal reflect --five-years "x" \\
        --coding yes
      PS1='$(journal status --prompt)'
      ```
      ```text
      $ journal status
      This week 1/5
      ```
      """
    #expect(
      Self.examples(in: readme) == [
        "journal add \"A day\" -e deep-work", "echo \"Piped\" | journal add -e coaching",
        "journal reflect --five-years \"x\" --coding yes", "journal status",
      ])
  }

  @Test("every README example runs and succeeds against a temporary journal")
  func everyExampleSucceeds() throws {
    let readme = try String(
      contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    let examples = Self.examples(in: readme)
    #expect(examples.count >= 10, "examples found: \(examples)")
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let bin = URL(fileURLWithPath: JournalProcess.executable).deletingLastPathComponent().path
    let environment = [
      "JOURNAL_DB": folder.file("journal.sqlite"), "JOURNAL_TODAY": TestJournal.today,
      "PATH": bin + ":/usr/bin:/bin", "VISUAL": "", "EDITOR": "",
    ]
    var ran = 0
    for example in examples where !example.contains("# on a terminal") {
      let result = try ExternalCommand.run(
        "/bin/sh", ["-c", "cd \(ExternalCommand.shellQuoted(folder.path)) && \(example)"],
        environment: environment)
      #expect(
        result.status == 0, "`\(example)` exited \(result.status): \(result.stderr)")
      #expect(!result.stderr.contains("Error:"), "`\(example)`: \(result.stderr)")
      ran += 1
    }
    #expect(ran == examples.count - examples.filter { $0.contains("# on a terminal") }.count)
  }
}
