import Foundation

/// The result of running the built `journal` binary.
public struct JournalResult: Sendable {
  /// The exit status.
  public let status: Int32
  /// Everything written to stdout.
  public let stdout: String
  /// Everything written to stderr.
  public let stderr: String
}

/// Runs the `journal` executable that SwiftPM built beside the test bundle.
public enum JournalProcess {
  /// The built binary: it sits in the same folder as the test runner. `JOURNAL_BIN` names
  /// another one, so that the end-to-end tests can check the release build that
  /// `scripts/install` ships (`JOURNAL_BIN=$(scripts/release-build) swift test`).
  public static let executable: String = {
    if let path = ProcessInfo.processInfo.environment["JOURNAL_BIN"], !path.isEmpty {
      return path
    }
    let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var folder = runner.deletingLastPathComponent()
    // On macOS the runner is inside `…PackageTests.xctest/Contents/MacOS`.
    while folder.path.contains(".xctest") { folder = folder.deletingLastPathComponent() }
    return folder.appendingPathComponent("journal").path
  }()

  /// Ignores SIGPIPE in the test process, once: writing to the stdin of a process that has
  /// exited then fails with an error instead of killing every test.
  static let brokenPipeIgnored: Void = {
    _ = signal(SIGPIPE, SIG_IGN)
  }()

  /// Runs `journal` with `arguments`.
  ///
  /// - Parameters:
  ///   - arguments: The command line after `journal`.
  ///   - stdin: Bytes for standard input; `nil` connects it to `/dev/null`.
  ///   - environment: Variables added to (or, with an empty value, removed from) a clean
  ///     environment that pins `JOURNAL_TODAY`-free defaults: no `NO_COLOR`, no `JOURNAL_DB`.
  /// - Returns: Status, stdout and stderr.
  /// - Throws: When the process cannot be started.
  public static func run(
    _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]
  ) throws -> JournalResult {
    try ExternalCommand.launch(executable, arguments, stdin: stdin, environment: environment)
  }
}
