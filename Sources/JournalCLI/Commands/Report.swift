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
        journal: journal, today: today, window: try window.weeks(today: today))
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
      do {
        // Replaced whole, as before: a report is regenerated from the journal at will.
        try AtomicFile.write(
          text, to: output, replacing: true, protecting: AtomicFile.journalFiles(journal.path))
      } catch {
        throw JournalError.io(error)
      }
      try Console.output("Wrote the \(destination.format.rawValue) report to '\(output)'.")
    }
  }
}
