import ArgumentParser
import JournalAnalysis
import JournalCore
import JournalStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension JournalCommand {
  struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "See the product on a built-in sample journal, in a temporary database.")

    @Option(
      help: ArgumentHelp(
        "Keep the sample journal at this path (it must not exist yet).", valueName: "path"))
    var db: String?

    func run() throws {
      let today = try Clock.today()
      let folder = try db == nil ? Self.temporaryFolder() : nil
      defer { if let folder { Self.remove(folder) } }
      let path = db ?? (folder ?? "") + "/journal.sqlite"
      if db != nil, access(path, F_OK) == 0 {
        throw ValidationError("'\(path)' exists already; give a new path for the sample journal.")
      }
      let journal = try Journal.open(at: path, access: .write)
      let count = try DemoJournal.write(into: journal, today: today)
      print(
        "A sample journal: \(count) workdays over \(DemoJournal.weeks) weeks of a senior engineer")
      print("who starts mentoring two new hires halfway through.\n")
      let (first, last) = JournalAnalysis.Trend.window(weeks: DemoJournal.weeks, endingOn: today)
      let brief = try Brief.load(journal: journal, today: today, first: first, last: last)
      print("$ journal trend --weeks \(DemoJournal.weeks)\n")
      print(TrendRenderer(style: .current).text(brief.trend, marks: nil))
      print("\n$ journal report --weeks \(DemoJournal.weeks)\n")
      print(ReportMarkdown.render(brief))
      if db != nil {
        print("The sample journal is kept at '\(path)'; try: journal trend --db '\(path)'")
      } else {
        print("That journal was temporary and is gone. Start your own:")
        print("  journal add \"What happened today\" -e deep-work -d delivery --energy 1")
      }
    }

    private static func temporaryFolder() throws -> String {
      var template = Array(
        ((Console.environment("TMPDIR") ?? "/tmp") + "/journal-demo-XXXXXX").utf8CString)
      guard mkdtemp(&template) != nil else {
        throw JournalError.storage(.cannotOpen(path: "temporary folder", reason: "mkdtemp failed"))
      }
      return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func remove(_ folder: String) {
      for name in ["journal.sqlite", "journal.sqlite-wal", "journal.sqlite-shm"] {
        unlink(folder + "/" + name)
      }
      rmdir(folder)
    }
  }
}
