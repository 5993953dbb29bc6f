import ArgumentParser
import JournalAnalysis
import JournalCore
import JournalReport
import JournalStore

extension JournalCommand {
  struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "demo",
      abstract: "See the product on a built-in sample journal, in a temporary database.")

    @Option(
      help: ArgumentHelp(
        "Keep the sample journal at this path (it must not exist yet).", valueName: "path"))
    var db: String?

    func run() throws {
      let today = try Clock.today()
      if let db {
        if Journal.exists(at: db) {
          throw ValidationError("'\(db)' exists already; give a new path for the sample journal.")
        }
        try show(at: db, today: today)
        print("The sample journal is kept at '\(db)'; try: journal trend --db '\(db)'")
      } else {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try show(at: folder.file("journal.sqlite"), today: today)
        print("That journal was temporary and is gone. Start your own:")
        print("  journal add \"What happened today\" -e deep-work -d delivery --energy 1")
      }
    }

    /// Writes the sample and prints its trend and report; the journal is closed on return.
    private func show(at path: String, today: Day) throws {
      let journal = try Journal.open(at: path, access: .write)
      let count = try DemoJournal.write(into: journal, today: today)
      print(
        "A sample journal: \(count) workdays over \(DemoJournal.weeks) weeks of a senior engineer")
      print("who starts mentoring two new hires halfway through.\n")
      let window = WeekWindow(weeks: DemoJournal.weeks, endingWith: ISOWeek(containing: today))
      let brief = try Brief.load(journal: journal, today: today, window: window)
      print("$ journal trend --weeks \(DemoJournal.weeks)\n")
      print(TrendRenderer(style: .current).text(brief.trend, marks: nil))
      print("\n$ journal report --weeks \(DemoJournal.weeks)\n")
      print(ReportMarkdown.render(brief))
    }
  }
}
