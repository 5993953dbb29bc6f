import Foundation

/// Runs a program other than `journal` — `sqlite3`, `date`, `script` — the way
/// ``JournalProcess`` runs the journal: captured stdout and stderr, optional stdin bytes, and an
/// environment based on the test runner's with `JOURNAL_*` and `NO_COLOR` removed.
public enum ExternalCommand {
  /// Runs `executable` with `arguments`.
  ///
  /// - Parameters:
  ///   - executable: An absolute path, or a name looked up in `PATH`.
  ///   - arguments: The command line after the program's name.
  ///   - stdin: Bytes for standard input; `nil` connects it to `/dev/null`.
  ///   - environment: Variables added to (or, with an empty value, removed from) the
  ///     environment.
  /// - Returns: Status, stdout and stderr.
  /// - Throws: ``NotFound`` when the program is not installed, or when it cannot be started.
  public static func run(
    _ executable: String, _ arguments: [String], stdin: Data? = nil,
    environment: [String: String] = [:]
  ) throws -> JournalResult {
    guard let path = executable.hasPrefix("/") ? executable : which(executable) else {
      throw NotFound(name: executable)
    }
    return try launch(path, arguments, stdin: stdin, environment: environment)
  }

  /// Runs the program at `path`, as ``run(_:_:stdin:environment:)`` and
  /// ``JournalProcess/run(_:stdin:environment:)`` describe.
  ///
  /// - Throws: When the process cannot be started.
  static func launch(
    _ path: String, _ arguments: [String], stdin: Data?, environment: [String: String]
  ) throws -> JournalResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
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

  /// The absolute path of the program `name` in `PATH`, or `nil` when there is none.
  ///
  /// - Parameter name: A program name such as `sqlite3`.
  /// - Returns: Its path.
  public static func which(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = folder + "/" + name
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Quotes `text` for a POSIX shell command line.
  ///
  /// - Parameter text: Any text.
  /// - Returns: The text in single quotes, its own single quotes escaped.
  public static func shellQuoted(_ text: String) -> String {
    "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''")
      + "'"
  }

  /// A program that is not installed.
  public struct NotFound: Error, CustomStringConvertible {
    /// The program's name.
    public let name: String

    public var description: String { "'\(name)' is not installed or not in PATH" }
  }
}
