import Foundation
import TestSupport
import Testing

/// Issue 12: the text typed in `$EDITOR` is never lost to a late failure, and a draft never
/// outlives the command on success or on a signal.
@Suite("The editor keeps the text", .enabled(if: Terminal.isAvailable))
struct EditorDraftTests {
  /// A private `TMPDIR` inside the journal's folder, where drafts are made.
  private func scratch(_ journal: TestJournal) throws -> String {
    let path = journal.directory.file("tmp")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    return path
  }

  private func drafts(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder)
      .filter { $0.hasPrefix("journal-entry") }
  }

  /// The path in "… kept at 'PATH'." on the terminal.
  private func keptPath(_ output: String) -> String? {
    guard let start = output.range(of: "kept at '") else { return nil }
    let rest = output[start.upperBound...]
    guard let end = rest.range(of: "'.") else { return nil }
    return String(rest[..<end.lowerBound])
  }

  @Test(
    "a mistyped tag is refused before the editor opens",
    arguments: [["add"], ["edit", "1", "--editor"]])
  func tagCheckedFirst(command: [String]) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("the only entry")
    let before = try journal.snapshot()
    let opened = journal.directory.file("opened")
    let editor = try Terminal.makeEditor(
      "editor.sh", body: "touch \(ExternalCommand.shellQuoted(opened))", in: journal)

    let result = try Terminal.run(
      command + ["-e", "deepwork"], on: journal, environment: ["EDITOR": editor])

    #expect(result.status == 65, "output: \(result.stdout)")
    #expect(result.stdout.contains("deep-work"), "suggests the tag: \(result.stdout)")
    #expect(!FileManager.default.fileExists(atPath: opened), "the editor never ran")
    #expect(try journal.snapshot() == before)
  }

  @Test("a bad date or a missing entry is refused before the editor opens")
  func commandLineCheckedFirst() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let opened = journal.directory.file("opened")
    let editor = try Terminal.makeEditor(
      "editor.sh", body: "touch \(ExternalCommand.shellQuoted(opened))", in: journal)
    for command in [["add", "--date", "-9999999d"], ["edit", "7", "--editor"]] {
      let result = try Terminal.run(command, on: journal, environment: ["EDITOR": editor])
      #expect(result.status != 0, "\(command): \(result.stdout)")
      #expect(!FileManager.default.fileExists(atPath: opened), "\(command): the editor never ran")
    }
  }

  @Test("an editor that exits 1 keeps the text and says where")
  func failingEditorKeepsText() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("the only entry")
    let before = try journal.snapshot()
    let tmp = try scratch(journal)
    let editor = try Terminal.makeEditor(
      "editor.sh", body: "sed -i '1a A paragraph worth keeping' \"$1\"; exit 1", in: journal)

    let result = try Terminal.run(
      ["add", "-e", "deep-work"], on: journal, environment: ["EDITOR": editor, "TMPDIR": tmp])

    #expect(result.status == 1, "output: \(result.stdout)")
    #expect(
      result.stdout.contains("exited with status 1; your text is kept at '"), "\(result.stdout)")
    let path = try #require(keptPath(result.stdout), "\(result.stdout)")
    #expect(path.hasPrefix(tmp + "/"))
    #expect(try String(contentsOfFile: path, encoding: .utf8).contains("A paragraph worth keeping"))
    #expect(try journal.snapshot() == before)
  }

  @Test("a failure after the editor (the journal cannot be written) keeps the text")
  func lateFailureKeepsText() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("the only entry")
    let tmp = try scratch(journal)
    // The tag disappears while the editor is open: only the save can notice.
    let editor = try Terminal.makeEditor(
      "editor.sh",
      body: """
        sed -i '1a Typed while the tag went away' "$1"
        sqlite3 "$JOURNAL_DB_UNDER_TEST" "DELETE FROM entryTag; DELETE FROM tag WHERE name = 'coaching'"
        """, in: journal)

    let result = try Terminal.run(
      ["add", "-e", "coaching"], on: journal,
      environment: ["EDITOR": editor, "TMPDIR": tmp, "JOURNAL_DB_UNDER_TEST": journal.path])

    #expect(result.status == 65, "output: \(result.stdout)")
    #expect(result.stdout.contains("Your text is kept at '"), "\(result.stdout)")
    let path = try #require(keptPath(result.stdout), "\(result.stdout)")
    #expect(try String(contentsOfFile: path, encoding: .utf8).contains("Typed while the tag"))
  }

  @Test("on success the draft is removed, and --date names the day in the template")
  func successRemovesDraft() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let tmp = try scratch(journal)
    let seen = journal.directory.file("seen.txt")
    let editor = try Terminal.makeEditor(
      "editor.sh",
      body: "cp \"$1\" \(ExternalCommand.shellQuoted(seen)); sed -i '1a Retro went well' \"$1\"",
      in: journal)

    let result = try Terminal.run(
      ["add", "--date", "2026-11-16"], on: journal, environment: ["EDITOR": editor, "TMPDIR": tmp])

    #expect(result.status == 0, "output: \(result.stdout)")
    #expect(try journal.entry(1).text == "Retro went well")
    #expect(try drafts(in: tmp).isEmpty)
    let template = try String(contentsOfFile: seen, encoding: .utf8)
    #expect(template.contains("What happened on Monday, 2026-11-16?"), "\(template)")
    #expect(template.contains("# ------------------------ >8 ------------------------"))
  }

  @Test("SIGTERM or SIGHUP while the editor is open removes the draft", arguments: ["TERM", "HUP"])
  func signalRemovesDraft(signal: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("the only entry")
    let tmp = try scratch(journal)
    // The editor's parent is `sh -c`, or `journal` itself when the shell execs it.
    let editor = try Terminal.makeEditor(
      "editor.sh",
      body: """
        sed -i '1a Half a thought' "$1"
        p=$PPID
        if [ "$(cat /proc/$p/comm)" = sh ]; then p=$(cut -d' ' -f4 /proc/$p/stat); fi
        kill -\(signal) "$p"
        sleep 1
        """, in: journal)

    let result = try Terminal.run(
      ["add"], on: journal, environment: ["EDITOR": editor, "TMPDIR": tmp])

    #expect(result.status != 0, "output: \(result.stdout)")
    #expect(try drafts(in: tmp).isEmpty, "output: \(result.stdout)")
    // Killed with the journal open: its files may hold a log, but no new entry.
    #expect(try journal.entries().map(\.id) == [1])
  }
}
