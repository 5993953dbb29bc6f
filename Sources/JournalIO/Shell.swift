#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Running a command line through `/bin/sh`, as `system(3)` does: the caller waits, and
/// ignores SIGINT and SIGQUIT meanwhile, so Ctrl-C in an editor reaches only the editor.
public enum Shell {
  /// How a program ended.
  public enum Status: Equatable, Sendable, CustomStringConvertible {
    /// It exited with this code.
    case exited(Int32)
    /// A signal ended it.
    case signalled(Int32)

    /// Whether it exited with code 0.
    public var isSuccess: Bool { self == .exited(0) }

    /// In words: "exited with status 3", "was ended by signal 9".
    public var description: String {
      switch self {
      case .exited(let code): return "exited with status \(code)"
      case .signalled(let signal): return "was ended by signal \(signal)"
      }
    }
  }

  /// Runs `command` with `/bin/sh -c` and waits for it.
  ///
  /// - Parameter command: A shell command line; pass values through ``Environment`` rather
  ///   than quoting them into it.
  /// - Returns: How it ended.
  /// - Throws: `IOError` with operation `.run` when no shell could be started.
  public static func run(_ command: String) throws(IOError) -> Status {
    let status = system(command)
    guard status != -1 else { throw IOError(.command(command), .run, .current) }
    // The wait status layout, the same on Linux and macOS: the low 7 bits are the signal
    // (0 when the program exited), the next 8 bits the exit code.
    let signal = status & 0x7F
    if signal == 0 { return .exited((status >> 8) & 0xFF) }
    return .signalled(signal)
  }
}
