import Foundation
import TestSupport
import Testing

/// Runs `journal` on a pseudo-terminal through util-linux `script -qec CMD /dev/null`, so stdin
/// and stdout are a terminal: the cases `$EDITOR`, confirmation and colour depend on.
///
/// On a terminal stdout and stderr are one stream, so these tests read `stdout` only.
enum Terminal {
  /// util-linux `script` (Linux only; the BSD `script` on macOS takes other arguments).
  static var isAvailable: Bool {
    #if os(Linux)
      return ExternalCommand.which("script") != nil
    #else
      return false
    #endif
  }

  /// Runs `journal ARGUMENTS --db PATH` on a terminal with `JOURNAL_TODAY` pinned.
  ///
  /// - Parameters:
  ///   - arguments: The command line after `journal`.
  ///   - journal: The journal the command uses.
  ///   - input: What the user types; `nil` is no input at all.
  ///   - environment: More variables; an empty value removes one.
  /// - Returns: Status and everything the terminal showed, as `stdout`.
  /// - Throws: When `script` cannot be started.
  static func run(
    _ arguments: [String], on journal: TestJournal, input: String? = nil,
    environment: [String: String] = [:]
  ) throws -> JournalResult {
    let command = ([JournalProcess.executable] + arguments + ["--db", journal.path])
      .map(ExternalCommand.shellQuoted).joined(separator: " ")
    var env = [
      "JOURNAL_TODAY": TestJournal.today, "SHELL": "/bin/sh", "VISUAL": "", "EDITOR": "",
      "TERM": "dumb",
    ]
    env.merge(environment) { $1 }
    return try ExternalCommand.run(
      "script", ["-qec", command, "/dev/null"], stdin: input.map { Data($0.utf8) },
      environment: env)
  }

  /// Writes an executable shell script `name` into the journal's folder and returns its path.
  static func makeEditor(_ name: String, body: String, in journal: TestJournal) throws -> String {
    let path = journal.directory.file(name)
    try Data(("#!/bin/sh\n" + body + "\n").utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    return path
  }
}

@Suite("On a terminal: $EDITOR, confirmation, colour", .enabled(if: Terminal.isAvailable))
struct TerminalTests {
  /// An editor that keeps a copy of what it was given, then writes one line after the first
  /// (above the template's scissors line, where a person types).
  private func appendingEditor(in journal: TestJournal) throws -> String {
    let seen = ExternalCommand.shellQuoted(journal.directory.file("seen.txt"))
    return try Terminal.makeEditor(
      "editor.sh",
      body: """
        cp "$1" \(seen)
        sed -i '1a Written in the editor' "$1"
        """, in: journal)
  }

  @Test("bare 'journal add' on a terminal opens $EDITOR with a commented template")
  func addOpensEditor() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let editor = try appendingEditor(in: journal)

    let result = try Terminal.run(
      ["add", "-e", "coaching", "-d", "delivery"], on: journal, environment: ["EDITOR": editor])

    #expect(result.status == 0, "output: \(result.stdout)")
    #expect(result.stdout.contains("Added entry 1: "))
    let entry = try journal.entry(1)
    #expect(entry.text == "Written in the editor")
    #expect(entry.marks == ["coaching:energized", "delivery:drained"])
    let template = try String(contentsOfFile: journal.directory.file("seen.txt"), encoding: .utf8)
    let comments = template.split(separator: "\n").filter { $0.hasPrefix("#") }
    #expect(!comments.isEmpty, "the editor got a commented template: \(template)")
    #expect(template.contains("Date: 2026-11-20"))
    #expect(template.contains("coaching"))
    #expect(!entry.text.contains("#"))
  }

  @Test("only the template's own lines are dropped: a line of the user's starting with '#' stays")
  func commentLinesKept() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let editor = try Terminal.makeEditor(
      "editor.sh",
      body: """
        { printf '%s\\n' '# Standup' '#1 priority today: the cache' 'Line two: C# is a language'
          cat "$1"; } > "$1.new" && mv "$1.new" "$1"
        """, in: journal)

    let result = try Terminal.run(["add"], on: journal, environment: ["EDITOR": editor])

    #expect(result.status == 0, "output: \(result.stdout)")
    #expect(
      try journal.entry(1).text
        == "# Standup\n#1 priority today: the cache\nLine two: C# is a language")
  }

  @Test("an editor that saves CRLF: the template is still dropped, no CR is stored")
  func crlfEditor() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let editor = try Terminal.makeEditor(
      "editor.sh",
      body: """
        { printf 'First line\\r\\n# heading\\r\\n'; sed 's/$/\\r/' "$1"; } > "$1.new"
        mv "$1.new" "$1"
        """, in: journal)

    let result = try Terminal.run(
      ["add", "-e", "coaching"], on: journal, environment: ["EDITOR": editor])

    #expect(result.status == 0, "output: \(result.stdout)")
    #expect(try journal.entry(1).text == "First line\n# heading")
  }

  @Test("$VISUAL/$EDITOR may carry arguments")
  func editorWithArguments() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let editor = try Terminal.makeEditor(
      "editor.sh", body: #"sed -i "1a written with $1" "$2""#, in: journal)

    let result = try Terminal.run(
      ["add"], on: journal, environment: ["EDITOR": editor + " --flag"])

    #expect(result.status == 0, "output: \(result.stdout)")
    #expect(try journal.entry(1).text == "written with --flag")
  }

  @Test("an editor session left with only the template saves nothing")
  func emptyEditorSessionRefused() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("the only entry")
    let before = try journal.snapshot()
    let editor = try Terminal.makeEditor("editor.sh", body: "true", in: journal)

    let result = try Terminal.run(["add"], on: journal, environment: ["EDITOR": editor])

    #expect(result.status == 65, "output: \(result.stdout)")
    #expect(result.stdout.hasPrefix("Error:"))
    #expect(result.stdout.contains("empty"))
    #expect(try journal.snapshot() == before)
  }

  @Test("an editor that fails saves nothing")
  func failingEditor() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("the only entry")
    let before = try journal.snapshot()
    let editor = try Terminal.makeEditor(
      "editor.sh", body: "printf 'half a thought\\n' >> \"$1\"; exit 3", in: journal)

    let result = try Terminal.run(["add"], on: journal, environment: ["EDITOR": editor])

    #expect(result.status != 0)
    #expect(result.stdout.hasPrefix("Error:"), "output: \(result.stdout)")
    #expect(try journal.snapshot() == before)
  }

  @Test("a text argument on a terminal does not open the editor")
  func argumentSkipsEditor() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let editor = try Terminal.makeEditor("editor.sh", body: "exit 1", in: journal)

    let result = try Terminal.run(
      ["add", "Typed inline"], on: journal, environment: ["EDITOR": editor])

    #expect(result.status == 0, "output: \(result.stdout)")
    #expect(try journal.entry(1).text == "Typed inline")
  }

  @Test("edit --editor starts from the current text")
  func editWithEditor() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("First draft", ["-e", "mentoring"])
    let editor = try appendingEditor(in: journal)

    let result = try Terminal.run(
      ["edit", "1", "--editor"], on: journal, environment: ["EDITOR": editor])

    #expect(result.status == 0, "output: \(result.stdout)")
    #expect(result.stdout.contains("Updated entry 1"))
    let entry = try journal.entry(1)
    #expect(entry.text == "First draft\nWritten in the editor")
    #expect(entry.marks == ["mentoring:energized"])
    let seen = try String(contentsOfFile: journal.directory.file("seen.txt"), encoding: .utf8)
    #expect(seen.hasPrefix("First draft\n"))
    #expect(seen.contains("#"))
  }

  @Test("delete on a terminal asks; 'y' deletes")
  func deleteConfirmedOnTerminal() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("Keep or not")

    let result = try Terminal.run(["delete", "1"], on: journal, input: "y\n")

    #expect(result.status == 0, "output: \(result.stdout)")
    #expect(result.stdout.contains("[y/N]"))
    #expect(result.stdout.contains("Deleted entry 1"))
    #expect(try journal.entries().isEmpty)
  }

  @Test("delete on a terminal asks; anything but yes keeps the entry", arguments: ["n\n", "\n"])
  func deleteDeclinedOnTerminal(answer: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("Keep or not")
    let before = try journal.snapshot()

    let result = try Terminal.run(["delete", "1"], on: journal, input: answer)

    #expect(result.status != 0, "output: \(result.stdout)")
    #expect(result.stdout.contains("Error:"))
    #expect(try journal.snapshot() == before)
    #expect(try journal.entries().map(\.id) == [1])
  }

  @Test("colour on a terminal, none with NO_COLOR, TERM=dumb or --color never")
  func colourOnlyOnTerminal() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("Coloured", ["-e", "coaching"])
    let xterm = ["TERM": "xterm-256color"]

    let coloured = try Terminal.run(["list"], on: journal, environment: xterm)
    #expect(coloured.status == 0)
    #expect(coloured.stdout.contains("\u{1B}["))
    for (label, arguments, environment) in [
      ("NO_COLOR", ["list"], ["NO_COLOR": "1", "TERM": "xterm-256color"]),
      ("TERM=dumb", ["list"], ["TERM": "dumb"]),
      ("--color never", ["list", "--color", "never"], xterm),
      ("--color never before the command", ["--color", "never", "list"], xterm),
    ] {
      let plain = try Terminal.run(arguments, on: journal, environment: environment)
      #expect(plain.status == 0, "\(label)")
      #expect(plain.stdout.contains("+coaching"), "\(label)")
      #expect(!plain.stdout.contains("\u{1B}["), "\(label): \(plain.stdout.debugDescription)")
    }
  }
}
