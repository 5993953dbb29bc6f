#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Paths removed when the process is ended by SIGINT, SIGTERM or SIGHUP, so an interrupted
/// command leaves no scratch journal (or draft) in `$TMPDIR`.
///
/// The handler is plain C-level code: it reads a fixed table of C strings prepared before it
/// was installed and calls only `unlink`, `rmdir`, `signal` and `raise`, which are
/// async-signal-safe; then the signal is raised again with its default action, so the exit
/// status still says "killed by SIGTERM". A path is registered before the file exists and
/// unregistered after it is removed; its string is never freed (a handler on another thread
/// may be reading it), a few bytes per scratch folder.
///
/// ```swift
/// let token = SignalCleanup.register([folder + "/journal.sqlite", folder])
/// defer { SignalCleanup.unregister(token) }
/// ```
public enum SignalCleanup {
  /// The signals that end a command the user interrupted or a system stopped.
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// The most paths registered at once.
  static let capacity = 64

  /// The table the handler reads: `capacity` slots, `nil` when free. Allocated once, before
  /// any handler is installed, and never freed.
  nonisolated(unsafe) private static let table: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> =
    {
      let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
      table.initialize(repeating: nil, count: capacity)
      return table
    }()

  nonisolated(unsafe) private static var installed = false

  /// A registration, to pass to ``unregister(_:)``.
  public struct Token: Sendable {
    fileprivate let slots: [Int]
  }

  /// Registers `paths` for removal, in order (files before their folder), should a signal
  /// end the process; installs the handler the first time (only for signals whose action is
  /// still the default: an ignored SIGHUP stays ignored).
  ///
  /// - Parameter paths: Files and folders; `unlink` and then `rmdir` is tried on each.
  /// - Returns: The registration; paths beyond the table's capacity are not registered.
  public static func register(_ paths: [String]) -> Token {
    installIfNeeded()
    var slots: [Int] = []
    var next = 0
    for path in paths {
      while next < capacity && table[next] != nil { next += 1 }
      guard next < capacity, let copy = strdup(path) else { break }
      table[next] = copy
      slots.append(next)
    }
    return Token(slots: slots)
  }

  /// Forgets a registration (after the paths were removed, or kept on purpose).
  public static func unregister(_ token: Token) {
    for slot in token.slots { table[slot] = nil }
  }

  private static func installIfNeeded() {
    guard !installed else { return }
    installed = true
    _ = table  // allocated here, never inside the handler
    // A parent may have left these blocked (test runners do); a command must still answer them.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for number in signals { sigaddset(&unblock, number) }
    _ = sigprocmask(SIG_UNBLOCK, &unblock, nil)
    for number in signals {
      var current = sigaction()
      guard sigaction(number, nil, &current) == 0, current.isDefault else { continue }
      var action = sigaction()
      #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = cleanUpAndReraise
      #else
        action.__sigaction_u.__sa_handler = cleanUpAndReraise
      #endif
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      _ = sigaction(number, &action, nil)
    }
  }
}

extension sigaction {
  /// Whether this is `SIG_DFL`.
  fileprivate var isDefault: Bool {
    #if canImport(Glibc)
      let handler = __sigaction_handler.sa_handler
    #else
      let handler = __sigaction_u.__sa_handler
    #endif
    return handler.map { unsafeBitCast($0, to: Int.self) == 0 } ?? true
  }
}

/// The handler: removes what is registered, restores the default action and raises the
/// signal again. Async-signal-safe calls only; no allocation, no locks.
private func cleanUpAndReraise(_ number: Int32) {
  let table = SignalCleanup.tableForHandler
  for slot in 0..<SignalCleanup.capacity {
    if let path = table[slot] {
      unlink(path)
      rmdir(path)
    }
  }
  signal(number, SIG_DFL)
  raise(number)
}

extension SignalCleanup {
  /// The table, for the handler (initialised before the handler can run).
  fileprivate static var tableForHandler: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
    table
  }
}
