import Foundation
import Testing

@testable import JournalCLI

/// The man page's hand-written sections (`docs/journal.1.sections`, appended by
/// `scripts/man-page`) against the code they describe: `scripts/check-install` renders the
/// installed page with `man -l`; these keep the text from drifting without a release build.
@Suite("Man page sections")
struct ManPageTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static func read(_ path: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
  }

  /// Every `Console.environment("NAME")` in the sources.
  static func environmentVariables() throws -> Set<String> {
    var names: Set<String> = []
    let sources = root.appendingPathComponent("Sources/JournalCLI")
    let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
    while let file = files?.nextObject() as? URL {
      guard file.pathExtension == "swift" else { continue }
      let text = try String(contentsOf: file, encoding: .utf8)
      var rest = text[...]
      while let range = rest.range(of: "environment(\"") {
        let after = rest[range.upperBound...]
        guard let end = after.firstIndex(of: "\"") else { break }
        names.insert(String(after[..<end]))
        rest = after[end...]
      }
    }
    return names
  }

  @Test func namesEveryEnvironmentVariableTheBinaryReads() throws {
    let sections = try Self.read("docs/journal.1.sections")
    let names = try Self.environmentVariables()
    #expect(names.isSuperset(of: ["JOURNAL_DB", "JOURNAL_TODAY", "NO_COLOR", "EDITOR", "HOME"]))
    for name in names.sorted() {
      #expect(sections.contains("Ev \(name)"), "ENVIRONMENT does not name \(name)")
    }
  }

  @Test func namesEveryExitCodeAsTheReadmeDoes() throws {
    let sections = try Self.read("docs/journal.1.sections")
    let readme = try Self.read("README.md")
    let codes = [
      ExitStatus.success, ExitStatus.failure, ExitStatus.usage, ExitStatus.dataError,
      ExitStatus.noInput, ExitStatus.ioError,
    ]
    #expect(codes == [0, 1, 64, 65, 66, 74])
    for code in codes {
      #expect(sections.contains("\n.It \(code)\n"), "EXIT STATUS does not name \(code)")
      #expect(readme.contains("\n| \(code) | "), "README's exit codes do not name \(code)")
    }
  }

  @Test func sectionsComeInTheOrderManPagesUse() throws {
    let sections = try Self.read("docs/journal.1.sections")
    let headings = sections.split(separator: "\n").filter { $0.hasPrefix(".Sh ") }
      .map { String($0.dropFirst(4)) }
    #expect(headings == ["EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES", "SEE ALSO"])
  }
}
