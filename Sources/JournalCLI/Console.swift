import JournalCore
import JournalIO
import JournalReport

/// The process's streams and environment: results on stdout, errors on stderr.
enum Console {
  /// Standard output, buffered and checked: every command's results go through it (never
  /// `print`, whose write errors are lost), and ``finishOutput()`` writes the rest at the end.
  nonisolated(unsafe) static let standardOutput = BufferedOutput()
  /// A failed write to stdout noticed where it could not be thrown (before a message on stderr).
  nonisolated(unsafe) private static var outputFailure: IOError?

  /// Appends `text` and `terminator` to stdout.
  ///
  /// - Throws: `.io` when a full buffer cannot be written (exit 74).
  static func output(_ text: String, terminator: String = "\n") throws(JournalError) {
    do {
      try standardOutput.write(text)
      try standardOutput.write(terminator)
    } catch {
      throw .io(error)
    }
  }

  /// Writes out what stdout holds so far (before a prompt, an editor, or the end).
  ///
  /// - Throws: `.io` for a failed write, or one noticed earlier.
  static func finishOutput() throws(JournalError) {
    do {
      try standardOutput.flush()
    } catch {
      outputFailure = outputFailure ?? error
    }
    if let failure = outputFailure {
      outputFailure = nil
      throw .io(failure)
    }
  }

  /// Writes `message` and a newline to stderr, unbuffered, after what stdout holds so far, so
  /// a terminal shows both in order.
  static func error(_ message: String) {
    do {
      try standardOutput.flush()
    } catch {
      outputFailure = outputFailure ?? error
    }
    Terminal.writeToStandardError(message + "\n")
  }

  /// Ends the process with `code`, flushing stdout first.
  static func terminate(_ code: Int32) -> Never {
    ProcessControl.exit(code)
  }

  /// The value of an environment variable, `nil` when unset or empty.
  static func environment(_ name: String) -> String? {
    guard let value = Environment.value(name), !value.isEmpty else { return nil }
    return value
  }

  /// Whether stdin is a terminal (a person typing, not a pipe or a file).
  static var stdinIsTerminal: Bool { Terminal.isTerminal(.standardInput) }

  /// Whether stdout is a terminal.
  static var stdoutIsTerminal: Bool { Terminal.isTerminal(.standardOutput) }

  /// Whether stderr is a terminal.
  static var stderrIsTerminal: Bool { Terminal.isTerminal(.standardError) }

  /// Colour only on a terminal, never when `NO_COLOR` is set (no-color.org), and never for
  /// `TERM=dumb` (a terminal that cannot show escapes, such as Emacs' shell buffer).
  static var usesColor: Bool {
    stdoutIsTerminal && environment("NO_COLOR") == nil && environment("TERM") != "dumb"
  }

  /// Asks before a destructive `command` unless `--yes` was given: on a terminal the
  /// `question` (no answer cancels), elsewhere a refusal, since a script cannot answer.
  ///
  /// - Parameters:
  ///   - question: What to ask, such as "Delete entry 3 (…)?"; made only when it is asked.
  ///   - command: The action in the refusal, such as "delete entry 3".
  ///   - given: Whether `--yes` was given.
  /// - Throws: `.confirmationNeeded` off a terminal, `.cancelled` for a no.
  static func confirm(
    _ question: @autoclosure () throws -> String, before command: String, unless given: Bool
  ) throws {
    guard !given else { return }
    guard stdinIsTerminal else { throw JournalError.confirmationNeeded(command: command) }
    guard try confirm(try question()) else { throw JournalError.cancelled }
  }

  /// Asks a yes/no question on the terminal; anything but `y` or `yes` is no.
  static func confirm(_ question: String) throws(JournalError) -> Bool {
    try output(question + " [y/N] ", terminator: "")
    try finishOutput()
    guard let answer = readLine() else { return false }
    return ["y", "yes"].contains(answer.lowercased().trimmingWhitespace())
  }
}
