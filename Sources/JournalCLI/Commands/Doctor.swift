import ArgumentParser
import JournalReport
import JournalStore

extension JournalCommand {
  struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "doctor",
      abstract:
        "Check the journal: schema, integrity, foreign keys, schema objects, search index, rollup, "
        + "file mode.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var colors: ColorOptions

    func run() throws {
      // Read-only: doctor works on a journal it may not write (a backup on read-only media).
      let journal = try store.open(.read)
      let checks = journal.healthChecks()
      let style = colors.style
      for check in checks {
        let status = check.passed ? style.green("ok  ") : style.red("FAIL")
        try Console.output("\(status)  \(check.name.rightPadded(to: 14))  \(check.detail)")
      }
      let failed = checks.filter { !$0.passed }.map(\.name)
      if !failed.isEmpty {
        throw JournalError.unhealthy(path: journal.path, checks: failed)
      }
      try Console.output("'\(journal.path)' is healthy.")
    }
  }
}
