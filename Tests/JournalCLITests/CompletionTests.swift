import Foundation
import TestSupport
import Testing

@Suite("Shell completions")
struct CompletionTests {
  /// `journal --generate-completion-script SHELL`, written to a file in `directory`.
  private func script(_ shell: String, in directory: TemporaryDirectory) throws -> String {
    let result = try JournalProcess.run(
      ["--generate-completion-script", shell], environment: ["JOURNAL_TODAY": TestJournal.today])
    expectSuccess(result)
    #expect(result.stdout.contains("journal"), "\(shell) script: \(result.stdout.prefix(200))")
    let file = directory.file("journal.\(shell)")
    try Interchange.write(result.stdout, to: file)
    return file
  }

  /// `PATH` with the built `journal` first, as a shell finds it when completing.
  private var pathWithJournal: String {
    let folder = URL(fileURLWithPath: JournalProcess.executable).deletingLastPathComponent().path
    return folder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
  }

  /// A journal with the custom tag `design-review`.
  private func journalWithCustomTag() throws -> TestJournal {
    let journal = try TestJournal()
    try journal.add("First entry", ["-e", "deep-work"])
    _ = try Interchange.output(journal, ["tags", "add", "design-review", "--track", "both"])
    return journal
  }

  @Test("the bash script loads in bash without error and registers the completion")
  func bashLoads() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let file = try script("bash", in: directory)
    let result = try ExternalCommand.run(
      "bash", ["-c", "set -euo pipefail; source \"$1\"; complete -p journal", "bash", file])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stderr.isEmpty, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("-F _journal journal"), "\(result.stdout)")
  }

  @Test(
    "the zsh script loads in zsh after compinit without error",
    .enabled(
      if: ExternalCommand.which("zsh") != nil,
      "zsh is not installed (scripts/check-completions installs it with apt-get)"))
  func zshLoads() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let file = try script("zsh", in: directory)
    // A private HOME: compinit writes its dump file there.
    let result = try ExternalCommand.run(
      "zsh",
      [
        "-c", "autoload -U compinit; compinit -u; source \"$1\"; print -r -- ${_comps[journal]}",
        "zsh", file,
      ], environment: ["HOME": directory.path, "ZDOTDIR": directory.path])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stderr.isEmpty, "stderr: \(result.stderr)")
    #expect(result.stdout == "_journal\n", "compdef registered: \(result.stdout)")
  }

  @Test(
    "the fish script is valid fish",
    .enabled(if: ExternalCommand.which("fish") != nil, "fish is not installed"))
  func fishLoads() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let file = try script("fish", in: directory)
    let syntax = try ExternalCommand.run("fish", ["-n", file])
    #expect(syntax.status == 0, "stderr: \(syntax.stderr)")
    let sourced = try ExternalCommand.run(
      "fish", ["-c", "source $argv[1]; complete -C 'journal ex'", file],
      environment: ["HOME": directory.path, "XDG_CONFIG_HOME": directory.path])
    #expect(sourced.status == 0, "stderr: \(sourced.stderr)")
    #expect(sourced.stdout.contains("export"), "\(sourced.stdout)")
  }

  @Test("tag names complete from the user's journal through ---completion")
  func tagNamesFromJournal() throws {
    let journal = try journalWithCustomTag()
    defer { journal.remove() }
    let environment = ["JOURNAL_DB": journal.path, "JOURNAL_TODAY": TestJournal.today]

    // The words as bash passes them: word 3 is being completed, the cursor at its start.
    let all = try JournalProcess.run(
      ["---completion", "add", "--", "--energized", "3", "0", "journal", "add", "-e", "de"],
      environment: environment)
    expectSuccess(all)
    let offered = Interchange.lines(all.stdout)
    for name in ["deep-work", "delivery", "design-review"] {
      #expect(offered.contains(name), "\(name) not offered: \(offered)")
    }

    // With the cursor after "de", only the tags that start with it.
    let prefixed = try JournalProcess.run(
      ["---completion", "add", "--", "--energized", "3", "2", "journal", "add", "-e", "de"],
      environment: environment)
    expectSuccess(prefixed)
    #expect(Interchange.lines(prefixed.stdout) == ["deep-work", "delivery", "design-review"])

    // `--db` on the command line wins over JOURNAL_DB, for `edit -d` too.
    let other = try TestJournal()
    defer { other.remove() }
    try other.add("Another journal")
    let withDB = try JournalProcess.run(
      [
        "---completion", "edit", "--", "--drained", "5", "2", "journal", "edit", "--db",
        journal.path, "-d", "de",
      ], environment: ["JOURNAL_DB": other.path, "JOURNAL_TODAY": TestJournal.today])
    expectSuccess(withDB)
    #expect(Interchange.lines(withDB.stdout) == ["deep-work", "delivery", "design-review"])
  }

  @Test("completing a tag without a journal offers nothing and creates no file")
  func noJournal() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let result = try JournalProcess.run(
      ["---completion", "add", "--", "--energized", "3", "2", "journal", "add", "-e", "de"],
      environment: ["JOURNAL_DB": journal.path, "JOURNAL_TODAY": TestJournal.today])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    #expect(!journal.exists, "completion created a journal")
  }

  @Test("bash completes `journal add -e de<TAB>` with the journal's tags")
  func bashCompletesTags() throws {
    let journal = try journalWithCustomTag()
    defer { journal.remove() }
    let file = try script("bash", in: journal.directory)
    // What bash-completion does on TAB: extglob on, COMP_* set, the function called.
    let program = """
      shopt -s extglob
      source "$1"
      COMP_LINE='journal add -e de'
      COMP_POINT=${#COMP_LINE}
      COMP_WORDS=(journal add -e de)
      COMP_CWORD=3
      _journal journal de -e
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    let result = try ExternalCommand.run(
      "bash", ["-c", program, "bash", file],
      environment: [
        "PATH": pathWithJournal, "JOURNAL_DB": journal.path, "JOURNAL_TODAY": TestJournal.today,
      ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stderr.isEmpty, "stderr: \(result.stderr)")
    #expect(Interchange.lines(result.stdout) == ["deep-work", "delivery", "design-review"])
  }
}
