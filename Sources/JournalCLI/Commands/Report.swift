import ArgumentParser
import JournalAnalysis
import JournalCore
import JournalIO
import JournalInterchange
import JournalReport
import JournalStore

extension JournalCommand {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report",
      abstract: "Write the brief for a career conversation: evidence, suggestion, next experiment.")

    enum Format: String, DocumentFormat {
      static let standard = Format.markdown

      case markdown, html, json
    }

    @OptionGroup var store: StoreOptions
    @OptionGroup var window: WindowOptions

    @OptionGroup var destination: OutputOptions<Format>

    func run() throws {
      let today = try Clock.today()
      let journal = try store.open(.read)
      let brief = try Brief.load(
        journal: journal, today: today, window: try window.weeks(today: today),
        calendar: destination.format == .html)
      let text: String
      switch destination.format {
      case .markdown: text = ReportMarkdown.render(brief)
      case .html: text = ReportHTML.render(brief)
      case .json: text = ReportJSON.render(brief).rendered() + "\n"
      }
      guard let output = destination.output else {
        do {
          try Console.standardOutput.write(text)
        } catch {
          throw JournalError.io(error)
        }
        return
      }
      // An existing file is replaced only with --force, like every file the user names.
      let file = try destination.create(output, journalPath: journal.path)
      do {
        try file.write(text)
        try file.commit()
      } catch {
        throw JournalError.io(error)
      }
      try Console.output("Wrote the \(destination.format.rawValue) report to '\(output)'.")
    }
  }
}
