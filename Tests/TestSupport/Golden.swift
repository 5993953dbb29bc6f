import Foundation
import JournalCore

/// Golden files: rendered text compared byte for byte with a file kept in `Tests/Fixtures/`,
/// in the manner of swift-argument-parser's `assertSnapshot`.
///
/// When the file is missing, or `RECORD_GOLDEN=1` is set, the text is written to it and the
/// check fails with "recorded …; review the diff and run again", so that a new or changed
/// baseline is always read in `git diff` before it is trusted. `scripts/record-golden` records
/// every golden file, runs the tests again and shows what changed.
public enum Golden {
  /// The `Tests/Fixtures` folder of the package, found from this source file.
  public static let fixtures: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // TestSupport
    .deletingLastPathComponent()  // Tests
    .appendingPathComponent("Fixtures")

  /// Whether `RECORD_GOLDEN` asks for every golden file to be written again.
  public static var isRecording: Bool {
    let value = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] ?? ""
    return !value.isEmpty && value != "0"
  }

  /// Compares `text` with `Tests/Fixtures/golden/<name>`.
  ///
  /// - Parameters:
  ///   - text: The rendered text.
  ///   - name: A path under `Tests/Fixtures/golden`, such as `report/brief.md`.
  /// - Throws: ``Recorded`` when the file was (re)written, ``Mismatch`` when it differs.
  public static func check(_ text: String, _ name: String) throws {
    try check(text, fixture: "golden/" + name)
  }

  /// Compares `text` with `Tests/Fixtures/<path>`: a golden file kept elsewhere in the
  /// fixtures, such as the expected exports the end-to-end tests also read.
  ///
  /// - Parameters:
  ///   - text: The rendered text.
  ///   - path: A path under `Tests/Fixtures`.
  /// - Throws: ``Recorded`` when the file was (re)written, ``Mismatch`` when it differs.
  public static func check(_ text: String, fixture path: String) throws {
    let url = fixtures.appendingPathComponent(path)
    let expected = try? Data(contentsOf: url)
    if isRecording || expected == nil {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
      throw Recorded(path: path, changed: expected != Data(text.utf8))
    }
    let old = String(decoding: expected ?? Data(), as: UTF8.self)
    guard old == text, expected == Data(text.utf8) else {
      throw Mismatch(path: path, expected: old, actual: text)
    }
  }

  /// The text of `Tests/Fixtures/<path>`.
  ///
  /// - Parameter path: A path under `Tests/Fixtures`.
  /// - Returns: The file's text.
  /// - Throws: When it cannot be read.
  public static func fixture(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: fixtures.appendingPathComponent(path)), as: UTF8.self)
  }

  /// A golden file was written: the test fails once so that the new baseline is reviewed.
  public struct Recorded: Error, CustomStringConvertible {
    /// The path under `Tests/Fixtures`.
    public let path: String
    /// Whether the file's bytes changed.
    public let changed: Bool

    public var description: String {
      "recorded Tests/Fixtures/\(path)\(changed ? "" : " (unchanged)"); review the diff "
        + "(git diff Tests/Fixtures) and run again"
    }
  }

  /// The rendered text differs from its golden file.
  public struct Mismatch: Error, CustomStringConvertible {
    /// The path under `Tests/Fixtures`.
    public let path: String
    /// The golden file's text.
    public let expected: String
    /// The rendered text.
    public let actual: String

    public var description: String {
      let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
      var line = 0
      while line < min(old.count, new.count) && old[line] == new[line] { line += 1 }
      let was = line < old.count ? String(reflecting: String(old[line])) : "(end of file)"
      let now = line < new.count ? String(reflecting: String(new[line])) : "(end of file)"
      return
        "Tests/Fixtures/\(path) differs from the rendered text at line \(line + 1):\n"
        + "  golden:   \(was)\n  rendered: \(now)\n"
        + "If the change is intended, run scripts/record-golden and review the diff."
    }
  }
}

/// The core's seeded SplitMix64 generator (Steele, Lea and Flood), so that a property test
/// that fails fails the same way on every run and machine.
public typealias SplitMix64 = SeededRandom
