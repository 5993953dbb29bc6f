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
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["JOURNAL_DB"] = nil
    env["JOURNAL_TODAY"] = nil
    env["NO_COLOR"] = nil
    for (key, value) in environment {
      env[key] = value.isEmpty ? nil : value
    }
    process.environment = env
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    if let stdin {
      let input = Pipe()
      process.standardInput = input
      try process.run()
      // A command may exit before reading all of its input (a refused oversized text): the
      // broken pipe is then its business, not a reason to kill the test runner with SIGPIPE.
      _ = JournalProcess.brokenPipeIgnored
      try? input.fileHandleForWriting.write(contentsOf: stdin)
      try? input.fileHandleForWriting.close()
    } else {
      process.standardInput = FileHandle.nullDevice
      try process.run()
    }
    // Read both pipes before waiting, so a large output cannot fill a pipe and stall.
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return JournalResult(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
