import ArgumentParser
import Testing

@testable import JournalCLI

/// What keeps `journal` quick to start (BENCHMARKS.md, "Start-up").
@Suite("Start-up: work the parser does on every run")
struct StartupTests {
  /// Every command in the tree, depth first.
  private func allCommands(from root: any ParsableCommand.Type) -> [any ParsableCommand.Type] {
    [root] + root.configuration.subcommands.flatMap { allCommands(from: $0) }
  }

  @Test("every command names itself, so the parser never derives a name by reflection")
  func everyCommandIsNamed() {
    // Without a name, the parser turns the type's name into one with String(describing:), a
    // runtime conformance scan per command: 2.5 ms of every start for 26 commands (measured
    // before `reflect add` and `reflect list` made it 28).
    let commands = allCommands(from: JournalCommand.self)
    // The root, 18 subcommands, 6 under tags, 5 under experiment, 3 under reflect, 4 under role.
    #expect(commands.count == 37)
    for command in commands {
      #expect(command.configuration.commandName != nil, "\(command) has no commandName")
    }
  }

  @Test("a leaf subcommand parses alone, to the same command the root parse gives")
  func leafParse() throws {
    let arguments = ["add", "Paired on the cache bug", "-e", "deep-work", "--energy", "1"]
    let leaf = try #require(JournalCommand.parseLeaf(arguments))
    #expect(leaf is JournalCommand.Add)
    let root = try JournalCommand.parseAsRoot(arguments)
    #expect(String(reflecting: leaf) == String(reflecting: root))
  }

  @Test(
    "lines the leaf parse leaves to the root: groups, help, errors, completions",
    arguments: [
      [], ["--version"], ["tags", "list"], ["experiment"], ["add", "--help"], ["help", "add"],
      ["add", "-e"], ["add", "--energy", "9", "x"], ["trend", "--generate-completion-script"],
      ["---completion", "add", "--", "--energized", ""], ["frobnicate"],
    ])
  func rootOnly(arguments: [String]) {
    #expect(JournalCommand.parseLeaf(arguments) == nil)
  }
}
