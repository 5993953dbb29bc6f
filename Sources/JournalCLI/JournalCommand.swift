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
      Doctor.self, Demo.self, Generate.self,
    ]
  )

  public init() {}

  /// Parses the arguments, runs the command, and maps every error to its exit code here and
  /// nowhere else: our errors print one line on stderr; the parser's own (help, usage) keep
  /// their conventional output and codes.
  public static func main() {
    Memory.keepFreedHeap()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as JournalError {
      Console.error("Error: \(error)")
      Console.terminate(ExitStatus.code(for: error))
    } catch let error as StoreError {
      let wrapped = JournalError.storage(error)
      Console.error("Error: \(wrapped)")
      Console.terminate(ExitStatus.code(for: wrapped))
    } catch {
      exit(withError: error)
    }
  }
}
