import JournalCore
import JournalIO
import JournalReport

/// The process's streams and environment: results on stdout, errors on stderr.
enum Console {
  /// Writes `message` and a newline to stderr, unbuffered.
  static func error(_ message: String) {
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

  /// Colour only on a terminal, and never when `NO_COLOR` is set (no-color.org).
  static var usesColor: Bool { stdoutIsTerminal && environment("NO_COLOR") == nil }

  /// Asks a yes/no question on the terminal; anything but `y` or `yes` is no.
  static func confirm(_ question: String) -> Bool {
    print(question + " [y/N] ", terminator: "")
    Terminal.flushPrinted()
    guard let answer = readLine() else { return false }
    return ["y", "yes"].contains(answer.lowercased().trimmingWhitespace())
  }
}

extension Style {
  /// Colour on a terminal without `NO_COLOR`.
  static var current: Style { Style(enabled: Console.usesColor) }
}
