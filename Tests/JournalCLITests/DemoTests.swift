import Foundation
import TestSupport
import Testing

@Suite("journal demo")
struct DemoTests {
  /// Runs `journal demo ARGUMENTS` from `folder`, with `TMPDIR`, `HOME` and `JOURNAL_TODAY`
  /// pinned and no `XDG_DATA_HOME`.
  private func runDemo(
    _ arguments: [String] = [], in folder: String, temporary: String, home: String,
    today: String = TestJournal.today
  ) throws -> JournalResult {
    let command =
      "cd \(ExternalCommand.shellQuoted(folder)) && exec "
      + ([JournalProcess.executable, "demo"] + arguments).map(ExternalCommand.shellQuoted)
      .joined(separator: " ")
    return try ExternalCommand.run(
      "/bin/sh", ["-c", command],
      environment: [
        "JOURNAL_TODAY": today, "TMPDIR": temporary, "HOME": home, "XDG_DATA_HOME": "",
      ])
  }

  /// Creates `name` inside `root` and returns its path.
  private func folder(_ root: TemporaryDirectory, _ name: String) throws -> String {
    let path = root.file(name)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    return path
  }

  private func contents(_ path: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
  }

  @Test("prints a trend and a report with a suggestion, and leaves no file behind")
  func demoLeavesNothing() throws {
    let root = try TemporaryDirectory()
    defer { root.remove() }
    let work = try folder(root, "work")
    let temporary = try folder(root, "tmp")
    let home = try folder(root, "home")

    let result = try runDemo(in: work, temporary: temporary, home: home)

    expectSuccess(result)
    let lines = ReportSeed.lines(result.stdout)
    #expect(lines.first?.hasPrefix("A sample journal: ") == true)
    #expect(lines.contains("$ journal trend --weeks 16"))
    #expect(lines.contains { $0.hasPrefix("Energy by activity, 2026-W32 to 2026-W47 (16 weeks") })
    #expect(lines.contains { $0.hasPrefix("IC track ") })
    #expect(lines.contains { $0.hasPrefix("Management track ") })
    #expect(lines.contains { $0.hasPrefix("Lean: ") })
    #expect(lines.contains("$ journal report --weeks 16"))
    // The period starts at the first entry, a Tuesday (issue 13).
    #expect(lines.contains("# Career brief: 2026-08-04 to 2026-11-22"))
    let suggestion = try #require(lines.first { $0.hasPrefix("## Suggestion: ") })
    #expect(suggestion.count > "## Suggestion: ".count)
    #expect(lines.contains { $0.hasPrefix("Confidence: **") })
    #expect(lines.contains { $0.hasPrefix("- **Mentor the two new hires** (Management") })
    #expect(lines.contains("That journal was temporary and is gone. Start your own:"))
    #expect(lines.contains { $0.contains("journal add ") })
    #expect(!result.stdout.contains("\u{1B}["), "no colour on a pipe")

    #expect(try contents(work).isEmpty, "nothing in the current directory")
    #expect(try contents(temporary).isEmpty, "no temporary files left")
    #expect(try contents(home).isEmpty, "no journal at the default location")
  }

  @Test("the same day gives byte-identical output; another day moves the window")
  func demoIsDeterministic() throws {
    let root = try TemporaryDirectory()
    defer { root.remove() }
    let work = try folder(root, "work")
    let temporary = try folder(root, "tmp")
    let home = try folder(root, "home")

    let first = try runDemo(in: work, temporary: temporary, home: home)
    let second = try runDemo(in: work, temporary: temporary, home: home)
    expectSuccess(first)
    expectSuccess(second)
    #expect(!first.stdout.isEmpty)
    #expect(Data(first.stdout.utf8) == Data(second.stdout.utf8))

    let other = try runDemo(in: work, temporary: temporary, home: home, today: "2026-06-10")
    expectSuccess(other)
    // The period starts at the first entry (issue 13).
    #expect(other.stdout.contains("# Career brief: 2026-02-24 to 2026-06-14"))
    #expect(try contents(temporary).isEmpty)
  }

  @Test("--db PATH keeps the sample journal there, and it is the journal the report reads")
  func demoKeepsJournal() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let result = try journal.run(["demo"])

    expectSuccess(result)
    #expect(result.stdout.contains("The sample journal is kept at '\(journal.path)'"))
    #expect(!result.stdout.contains("is gone"))
    #expect(journal.exists)
    let attributes = try FileManager.default.attributesOfItem(atPath: journal.path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

    let firstLine = try #require(ReportSeed.lines(result.stdout).first)
    let count = try #require(
      Int(firstLine.dropFirst("A sample journal: ".count).prefix { $0.isNumber }))
    #expect(count > 40, "about 16 weeks of workdays")
    let entries = try journal.entries()
    #expect(entries.count == count)
    #expect(Set(entries.map(\.date)).count > 40)

    let listed = try journal.run(["list"])
    expectSuccess(listed)
    #expect(!listed.stdout.isEmpty)

    // The report the demo printed is what `journal report` prints on the kept journal.
    let report = try ReportSeed.report(journal, ["--weeks", "16"])
    #expect(result.stdout.contains(report))

    let json = try ReportSeed.reportJSON(journal, ["--weeks", "16"])
    #expect(try ReportSeed.number(json, "entries") == Double(count))
    let experiments = try #require(json["experiments"] as? [[String: Any]])
    #expect(experiments.count == 1)
    #expect(experiments.first?["track"] as? String == "management")
    #expect(experiments.first?["end"] is NSNull, "the experiment is still running")
    let reflection = try ReportSeed.field(json, "reflection")
    #expect(try ReportSeed.strings(reflection, "wrong_reasons") == ["compensation"])
    let suggestion = try ReportSeed.field(json, "suggestion")
    let track = try #require(suggestion["track"] as? String)
    #expect(["ic", "management", "tech-lead", "unclear"].contains(track))
    #expect(result.stdout.contains("## Suggestion: "))
  }

  /// Issue 13: the demo's report tells the story its own chart shows. IC energizes more and
  /// holds steady; management rises once mentoring starts, and the running experiment's
  /// partial result says the same; the verdict, the directions and the experiment agree.
  @Test("the verdict, the directions and the running experiment tell one story")
  func demoStoryAgrees() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    expectSuccess(try journal.run(["demo"]))

    let json = try ReportSeed.reportJSON(journal, ["--weeks", "16"])
    let suggestion = try ReportSeed.field(json, "suggestion")
    #expect(suggestion["track"] as? String == "ic")
    let tracks = try ReportSeed.field(json, "tracks")
    let ic = try #require(tracks["ic"] as? [String: Any])
    let management = try #require(tracks["management"] as? [String: Any])
    #expect(ic["direction"] as? String != "falling", "a falling IC track would undercut IC")
    #expect(management["direction"] as? String == "rising")
    let icRate = try #require(ic["rate"] as? Double)
    let managementRate = try #require(management["rate"] as? Double)
    #expect(icRate > managementRate)
    // The chart: over the last four weeks, too, IC sits above management on average.
    let weeks = try #require(json["weeks"] as? [[String: Any]]).suffix(4)
    func mean(_ track: String) throws -> Double {
      let rates = try weeks.map { week in
        let tracks = try #require(week["tracks"] as? [String: Any])
        return try #require((tracks[track] as? [String: Any])?["rate"] as? Double)
      }
      return rates.reduce(0, +) / Double(rates.count)
    }
    #expect(try mean("ic") > mean("management"))

    let experiments = try #require(json["experiments"] as? [[String: Any]])
    let experiment = try #require(experiments.first)
    #expect(experiment["verdict"] as? String == "more-energized")
    let running = try #require(suggestion["running_experiment"] as? String)
    #expect(
      running.hasPrefix("An experiment is under way: 'Mentor the two new hires' (week 8 of 12)"))
    #expect(running.contains("the management side energized you more"))

    let report = try ReportSeed.report(journal, ["--weeks", "16"])
    #expect(report.contains("## Suggestion: IC track"))
    #expect(report.contains(running))

    // Issue 15: the reflection's answers agree with the entries but one: organisation-level
    // decisions, while delivery drains them, shows as a tension with an experiment to tell.
    let stated = try ReportSeed.field(json, "stated_vs_measured")
    let comparisons = try #require(stated["comparisons"] as? [[String: Any]])
    let verdicts = comparisons.map { "\($0["question"] ?? "")=\($0["verdict"] ?? "")" }
    #expect(
      verdicts == [
        "domain=consistent", "energizes=consistent", "coding=consistent",
        "people-issues=unsure", "decisions=in-tension", "scale=consistent",
      ])
    #expect(report.contains("| impact and decisions | organisational (management) | delivery |"))
    #expect(report.contains("journal experiment start \"Run delivery for one project\""))
    let shape = try ReportSeed.field(json, "role_shape")
    #expect(shape["track"] as? String == "ic")
  }

  @Test("--db naming an existing file is refused (64) and the file is left alone")
  func demoRefusesExistingPath() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let other = journal.directory.file("notes.txt")
    try "my own notes\n".write(toFile: other, atomically: false, encoding: .utf8)
    let refused = try JournalProcess.run(
      ["demo", "--db", other], environment: ["JOURNAL_TODAY": TestJournal.today])
    expectRefusedReport(refused, status: 64, "exists already")
    #expect(try String(contentsOfFile: other, encoding: .utf8) == "my own notes\n")

    try journal.add("My real day", ["--date", "2026-11-19", "-e", "deep-work"])
    let before = try journal.snapshot()
    expectRefusedReport(try journal.run(["demo"]), status: 64, "exists already")
    #expect(try journal.snapshot() == before)
    #expect(try journal.entries().map(\.text) == ["My real day"])
  }
}
