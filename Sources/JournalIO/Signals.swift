#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Files removed when SIGINT, SIGTERM or SIGHUP ends the process (a closed terminal, a `kill`,
/// Ctrl-C outside an editor), so a private draft or scratch file does not outlive the command.
///
/// The handler only calls `unlink(2)` on paths copied to C strings beforehand, then restores
/// the default action and raises the signal again, so the process still ends by that signal.
///
/// ```swift
/// let cleanup = Signals.removeOnTermination(path)
/// defer { Signals.forget(cleanup) }
/// ```
public enum Signals {
  /// A path registered with ``removeOnTermination(_:)``.
  public struct Registration: Sendable {
    fileprivate let slot: Int
  }

  /// How many paths may be registered at once; more are not cleaned up on a signal.
  public static let capacity = 8

  /// The C strings the handler unlinks; written only outside the handler, before it can read
  /// a slot (a pointer store is atomic on the platforms Swift supports).
  nonisolated(unsafe) private static let slots:
    UnsafeMutablePointer<
      UnsafeMutablePointer<CChar>?
    > = {
      let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
      slots.initialize(repeating: nil, count: capacity)
      return slots
    }()

  nonisolated(unsafe) private static var isInstalled = false

  /// The signals that end a program a person is running.
  public static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// Removes `path` if one of ``terminating`` ends the process before ``forget(_:)``.
  ///
  /// - Parameter path: A file this process created.
  /// - Returns: The registration to forget, `nil` when every slot is taken.
  @discardableResult
  public static func removeOnTermination(_ path: String) -> Registration? {
    installHandlers()
    for slot in 0..<capacity where slots[slot] == nil {
      slots[slot] = strdup(path)
      return Registration(slot: slot)
    }
    return nil
  }

  /// Stops removing the path on a signal (it was removed, or is kept on purpose).
  ///
  /// - Parameter registration: From ``removeOnTermination(_:)``; `nil` is ignored.
  public static func forget(_ registration: Registration?) {
    guard let registration, let path = slots[registration.slot] else { return }
    slots[registration.slot] = nil
    free(path)
  }

  private static func installHandlers() {
    guard !isInstalled else { return }
    isInstalled = true
    for signal in terminating {
      var action = sigaction()
      #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handleTermination
      #elseif canImport(Darwin)
        action.__sigaction_u.__sa_handler = handleTermination
      #endif
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      var previous = sigaction()
      sigaction(signal, nil, &previous)
      // A signal the parent made us ignore (nohup, a shell's background job) stays ignored.
      if isIgnored(previous) { continue }
      sigaction(signal, &action, nil)
    }
  }

  private static func isIgnored(_ action: sigaction) -> Bool {
    #if canImport(Glibc)
      let handler = action.__sigaction_handler.sa_handler
    #elseif canImport(Darwin)
      let handler = action.__sigaction_u.__sa_handler
    #endif
    return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
  }

  /// Async-signal-safe: unlink, restore the default, raise again.
  fileprivate static func removeAll() {
    for slot in 0..<capacity {
      if let path = slots[slot] { unlink(path) }
    }
  }
}

private func handleTermination(_ signal: Int32) {
  Signals.removeAll()
  var action = sigaction()
  #if canImport(Glibc)
    action.__sigaction_handler.sa_handler = SIG_DFL
  #elseif canImport(Darwin)
    action.__sigaction_u.__sa_handler = SIG_DFL
  #endif
  sigemptyset(&action.sa_mask)
  sigaction(signal, &action, nil)
  raise(signal)
}
