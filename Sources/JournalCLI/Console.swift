import JournalCore
import JournalReport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's streams and environment: results on stdout, errors on stderr.
enum Console {
  /// Writes `message` and a newline to stderr, unbuffered.
  static func error(_ message: String) {
    let line = message + "\n"
    line.utf8CString.withUnsafeBufferPointer { buffer in
      // The C string's terminating NUL is not written.
      var offset = 0
      let count = buffer.count - 1
      while offset < count {
        let written = write(STDERR_FILENO, buffer.baseAddress.map { $0 + offset }, count - offset)
        if written <= 0 { return }
        offset += written
      }
    }
  }

  /// Ends the process with `code`, flushing stdout first.
  static func terminate(_ code: Int32) -> Never {
    exit(code)
  }

  /// The value of an environment variable, `nil` when unset or empty.
  static func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    let string = String(cString: value)
    return string.isEmpty ? nil : string
  }

  /// Whether stdin is a terminal (a person typing, not a pipe or a file).
  static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

  /// Whether stdout is a terminal.
  static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  /// Colour only on a terminal, and never when `NO_COLOR` is set (no-color.org).
  static var usesColor: Bool { stdoutIsTerminal && environment("NO_COLOR") == nil }

  /// Asks a yes/no question on the terminal; anything but `y` or `yes` is no.
  static func confirm(_ question: String) -> Bool {
    print(question + " [y/N] ", terminator: "")
    fflush(nil)
    guard let answer = readLine() else { return false }
    return ["y", "yes"].contains(answer.lowercased().trimmingWhitespace())
  }
}

extension Style {
  /// Colour on a terminal without `NO_COLOR`.
  static var current: Style { Style(enabled: Console.usesColor) }
}
