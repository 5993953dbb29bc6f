import ArgumentParser
import JournalStore

/// `journal`: the root command.
public struct JournalCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "journal",
    abstract: "A work journal that measures what energizes you: Staff engineer or manager?",
    discussion: """
      Log each workday with what energized and what drained you, then watch the trend and \
      bring the report to your next career conversation.
      """,
    version: "0.1.0",
    subcommands: [
      Add.self, List.self, Show.self, Edit.self, Delete.self, Restore.self, Tags.self, Trend.self,
      Report.self, Experiment.self, Reflect.self, Export.self, Import.self, Backup.self,
      Doctor.self, Demo.self, Status.self, Role.self,
    ]
  )

  public init() {}

  /// Parses the arguments, runs the command, and maps every error to its exit code here and
  /// nowhere else: our errors print one line on stderr; the parser's own (help, usage) keep
  /// their conventional output and codes.
  public static func main() {
    Memory.keepFreedHeap()
    do {
      try refuseInvalidUTF8Arguments()
      let arguments = try CommandLineHints.normalise(Array(CommandLine.arguments.dropFirst()))
      var command = try parseLeaf(arguments) ?? parseAsRoot(arguments)
      try command.run()
      try Console.finishOutput()
    } catch {
      guard let error = JournalError(error) else { exit(withError: error) }
      // What was printed before the failure still goes out; its own failure is secondary.
      try? Console.finishOutput()
      Console.error("Error: \(error)")
      Console.terminate(ExitStatus.code(for: error))
    }
  }

  /// Refuses an argument that is not valid UTF-8, as stdin is refused: `CommandLine.arguments`
  /// would replace the bad bytes with U+FFFD and the journal would store an altered text.
  static func refuseInvalidUTF8Arguments() throws(JournalError) {
    let argv = CommandLine.unsafeArgv
    for index in 1..<Int(max(CommandLine.argc, 1)) {
      guard let argument = argv[index] else { continue }
      var length = 0
      while argument[length] != 0 { length += 1 }
      let bytes = UnsafeRawBufferPointer(start: argument, count: length)
      guard String(validating: bytes, as: UTF8.self) != nil else { throw .invalidUTF8 }
    }
  }

  /// Parses a line that names a leaf subcommand (`add`, `trend`, ...) with that command alone.
  ///
  /// The root parse reflects over the whole command tree before it reaches the subcommand,
  /// about a millisecond of every run (see BENCHMARKS.md). A line the leaf accepts means the
  /// same to the root, whose only own options are `--help` and `--version`, so the result is
  /// the same; anything the leaf refuses (help, a usage error, a completion request) returns
  /// nil, and the root parse answers it with its usual message. (The leaf answers `--help`
  /// with a help command rather than an error; that too goes to the root, for its usage line.)
  static func parseLeaf(_ arguments: [String]) -> (any ParsableCommand)? {
    guard let name = arguments.first,
      let leaf = configuration.subcommands.first(where: { $0.configuration.commandName == name }),
      leaf.configuration.subcommands.isEmpty,
      let command = try? leaf.parseAsRoot(Array(arguments.dropFirst())),
      type(of: command) == leaf
    else { return nil }
    return command
  }
}
