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

    @OptionGroup var colors: ColorOptions

    func run() throws {
      let today = try Clock.today()
      if let db {
        if Journal.exists(at: db) {
          throw ValidationError("'\(db)' exists already; give a new path for the sample journal.")
        }
        try show(at: db, today: today)
        try Console.output("The sample journal is kept at '\(db)'; try: journal trend --db '\(db)'")
      } else {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try show(at: folder.file("journal.sqlite"), today: today)
        try Console.output("That journal was temporary and is gone. Start your own:")
        try Console.output(
          "  journal add \"What happened today\" -e deep-work -d delivery --energy 1")
      }
    }

    /// Writes the sample and prints its trend and report; the journal is closed on return.
    private func show(at path: String, today: Day) throws {
      let journal = try Journal.open(at: path, access: .write)
      let count = try DemoJournal.write(into: journal, today: today)
      try Console.output(
        "A sample journal: \(count) workdays over \(DemoJournal.weeks) weeks of a senior engineer")
      try Console.output("who starts mentoring two new hires halfway through.\n")
      let window = WeekWindow(weeks: DemoJournal.weeks, endingWith: ISOWeek(containing: today))
      let brief = try Brief.load(journal: journal, today: today, window: window)
      try Console.output("$ journal trend --weeks \(DemoJournal.weeks)\n")
      try Console.output(TrendRenderer(style: colors.style).text(brief.trend, marks: nil))
      try Console.output("\n$ journal report --weeks \(DemoJournal.weeks)\n")
      try Console.output(ReportMarkdown.render(brief))
    }
  }
}
