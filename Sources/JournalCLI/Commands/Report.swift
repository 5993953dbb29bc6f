import ArgumentParser
import JournalAnalysis
import JournalCore
import JournalInterchange
import JournalReport
import JournalStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension JournalCommand {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report",
      abstract: "Write the brief for a career conversation: evidence, suggestion, next experiment.")

    enum Format: String, CaseIterable, ExpressibleByArgument {
      case markdown, html, json
    }

    @OptionGroup var store: StoreOptions
    @OptionGroup var window: WindowOptions

    @Option(help: "Output format.")
    var format: Format = .markdown

    @Option(
      help: ArgumentHelp("Write to this file (mode 0600) instead of stdout.", valueName: "file"))
    var output: String?

    func run() throws {
      let today = try Clock.today()
      let brief = try Brief.load(
        journal: try store.open(.read), today: today, window: try window.weeks(today: today))
      let text: String
      switch format {
      case .markdown: text = ReportMarkdown.render(brief)
      case .html: text = ReportHTML.render(brief)
      case .json: text = ReportJSON.render(brief).rendered() + "\n"
      }
      if let output {
        try OutputFile.save(text, to: output)
        print("Wrote the \(format.rawValue) report to '\(output)'.")
      } else {
        print(text, terminator: "")
      }
    }
  }
}

/// Files the user asked for (`--output`): created mode 0600, replaced whole.
enum OutputFile {
  static func save(_ text: String, to path: String) throws(JournalError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw .storage(.cannotOpen(path: path, reason: lastError())) }
    defer { close(fd) }
    fchmod(fd, 0o600)
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      guard written > 0 else { throw .storage(.cannotOpen(path: path, reason: lastError())) }
      offset += written
    }
  }

  private static func lastError() -> String {
    String(cString: strerror(errno)).lowercased()
  }
}
