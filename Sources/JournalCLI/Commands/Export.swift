import ArgumentParser
import JournalCore
import JournalIO
import JournalInterchange
import JournalStore

extension JournalCommand {
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export",
      abstract: "Export the journal: JSON (lossless), CSV or Markdown.",
      discussion: """
        JSON carries everything, deleted entries included, and 'journal import' reads it back. \
        CSV and Markdown hold the live entries, oldest first.
        """)

    enum Format: String, DocumentFormat {
      static let standard = Format.json

      case json, csv, markdown
    }

    @OptionGroup var store: StoreOptions
    @OptionGroup var range: RangeOptions

    @OptionGroup var destination: OutputOptions<Format>

    func run() throws {
      let (since, until) = try range.resolve(today: try Clock.today())
      let journal = try store.open(.read)
      // A file is written beside its target and renamed over it when complete: an export that
      // fails leaves the previous file as it was. The journal's own files are refused, and an
      // existing file is replaced only with --force.
      let sink =
        try destination.output.map { (path) throws(JournalError) in
          BufferedOutput(file: try destination.create(path, journalPath: journal.path))
        } ?? Console.standardOutput
      switch destination.format {
      case .json: try JournalExport.json(journal, since: since, until: until, to: sink)
      case .csv: try JournalExport.csv(journal, since: since, until: until, to: sink)
      case .markdown: try JournalExport.markdown(journal, since: since, until: until, to: sink)
      }
      try sink.finish()
      if let output = destination.output {
        Console.error("Exported the journal as \(destination.format.rawValue) to '\(output)'.")
      }
    }
  }
}
