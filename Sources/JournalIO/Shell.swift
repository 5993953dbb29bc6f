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

    /// In words: "exited with status 3", "was ended by signal 9"; the shell's own 127 and 126
    /// say what they mean (`sh -c` could not find or run the command).
    public var description: String {
      switch self {
      case .exited(127): return "was not found (the shell exited with status 127)"
      case .exited(126): return "could not be run (the shell exited with status 126)"
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
    // posix_spawn rather than system(3), which Swift does not offer on macOS.
    let words: [String] = ["sh", "-c", command]
    let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    defer { for argument in arguments { free(argument) } }

    #if canImport(Glibc)
      var attributes = posix_spawnattr_t()
    #elseif canImport(Darwin)
      var attributes: posix_spawnattr_t? = nil
    #endif
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // The caller ignores SIGINT and SIGQUIT while it waits; the shell gets them back.
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGINT)
    sigaddset(&defaults, SIGQUIT)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

    let oldInterrupt = signal(SIGINT, SIG_IGN)
    let oldQuit = signal(SIGQUIT, SIG_IGN)
    defer {
      signal(SIGINT, oldInterrupt)
      signal(SIGQUIT, oldQuit)
    }
    var child = pid_t()
    let spawned = posix_spawn(
      &child, "/bin/sh", nil, &attributes, arguments, currentEnvironment())
    guard spawned == 0 else { throw IOError(.command(command), .run, Errno(rawValue: spawned)) }
    var status: Int32 = 0
    while waitpid(child, &status, 0) == -1 {
      let error = Errno.current
      guard error == .interrupted else { throw IOError(.command(command), .run, error) }
    }
    // The wait status layout, the same on Linux and macOS: the low 7 bits are the signal
    // (0 when the program exited), the next 8 bits the exit code.
    let signal = status & 0x7F
    if signal == 0 { return .exited((status >> 8) & 0xFF) }
    return .signalled(signal)
  }

  private static func currentEnvironment() -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    #if canImport(Glibc)
      return environ
    #elseif canImport(Darwin)
      return nsGetEnviron().pointee
    #endif
  }
}

#if canImport(Darwin)
  // crt_externs.h, which the Darwin module does not always bring in.
  @_silgen_name("_NSGetEnviron")
  private func nsGetEnviron()
    -> UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
#endif
