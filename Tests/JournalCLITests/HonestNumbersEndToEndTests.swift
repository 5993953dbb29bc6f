import Foundation
import TestSupport
import Testing

/// Issue 13 through the built binary: the same bytes in every process, `both` evidence
/// counted for neither track, and the running experiment in the report's headline.
@Suite("honest numbers, end to end")
struct HonestNumbersEndToEndTests {
  /// Mondays, Wednesdays and Fridays of 2026-W42 … 2026-W47: eighteen workdays, six weeks.
  static let sixWeeks = [
    "2026-10-12", "2026-10-14", "2026-10-16", "2026-10-19", "2026-10-21", "2026-10-23",
    "2026-10-26", "2026-10-28", "2026-10-30", "2026-11-02", "2026-11-04", "2026-11-06",
    "2026-11-09", "2026-11-11", "2026-11-13", "2026-11-16", "2026-11-18", "2026-11-20",
  ]

  /// A journal with marks only on `mentoring` (a `both` activity): mostly energized.
  private func mentoringOnly(_ journal: TestJournal) throws {
    for (index, day) in Self.sixWeeks.enumerated() {
      let mark = index % 4 == 3 ? "-d" : "-e"
      try journal.add("Paired with a new hire, \(day)", ["--date", day, mark, "mentoring"])
    }
  }

  /// Runs `journal ARGUMENTS` and requires success with a silent stderr.
  private func output(
    _ journal: TestJournal, _ arguments: [String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let result = try journal.run(arguments)
    try #require(
      result.status == 0, "journal \(arguments) failed: \(result.stderr)",
      sourceLocation: sourceLocation)
    #expect(result.stderr.isEmpty, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    return result.stdout
  }

  @Test("every format gives the same bytes in separate processes (issue 13, item 7)")
  func sameBytesInEveryProcess() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    // The demo journal: six activities on both tracks, an experiment, a reflection: many
    // sums over dictionaries whose order changes with each process's hash seed.
    expectSuccess(try journal.run(["demo"]))

    let commands: [[String]] = [
      ["report", "--weeks", "16"], ["report", "--weeks", "16", "--format", "html"],
      ["report", "--weeks", "16", "--format", "json"], ["trend", "--weeks", "16"],
      ["trend", "--weeks", "16", "--format", "json"],
      ["trend", "--weeks", "16", "--format", "csv"],
      ["experiment", "list", "--format", "json"],
    ]
    for command in commands {
      let first = try output(journal, command)
      #expect(!first.isEmpty, "\(command)")
      for _ in 0..<4 {
        let again = try output(journal, command)
        #expect(Data(again.utf8) == Data(first.utf8), "\(command) differs between processes")
      }
    }
  }

  @Test("only mentoring marks: no suggestion, confidence 0, both tracks under-sampled")
  func bothOnlyJournal() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try mentoringOnly(journal)

    let json = try ReportSeed.reportJSON(journal)
    let suggestion = try ReportSeed.field(json, "suggestion")
    #expect(suggestion["track"] as? String == "unclear")
    #expect(try ReportSeed.number(suggestion, "confidence") == 0)
    #expect(suggestion["confidence_words"] as? String == "not enough evidence")
    let reasons = try ReportSeed.strings(suggestion, "reasons")
    // Eighteen mentoring marks count for neither track's evidence: 0 marks on each side.
    expectReason(
      reasons, startingWith: "IC is under-sampled: 0 marks on IC-only activities over 0 weeks")
    expectReason(
      reasons,
      startingWith:
        "Management is under-sampled: 0 marks on management-only activities over 0 weeks")
    let tracks = try ReportSeed.field(json, "tracks")
    for track in ["ic", "management"] {
      let figures = try ReportSeed.field(tracks, track)
      #expect(try ReportSeed.number(figures, "own_observations") == 0)
      #expect(try ReportSeed.number(figures, "observations") == 18, "mentoring counts for both")
    }

    let report = try ReportSeed.report(journal)
    #expect(report.contains("## Suggestion: "))
    #expect(report.contains("IC is under-sampled"))
    #expect(report.contains("Management is under-sampled"))
    #expect(!report.contains("IC track (Staff"))
    #expect(!report.contains("Management track (EM"))
  }

  @Test("only mentoring marks and one drained architecture mark: still no management")
  func bothOnlyPlusOneDrainedArchitecture() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try mentoringOnly(journal)
    try journal.add("Design review went badly", ["--date", "2026-11-18", "-d", "architecture"])

    let json = try ReportSeed.reportJSON(journal)
    let suggestion = try ReportSeed.field(json, "suggestion")
    #expect(suggestion["track"] as? String == "unclear", "not one management-only mark")
    #expect(suggestion["track"] as? String != "management")
    #expect(try ReportSeed.number(suggestion, "confidence") == 0)
    let reasons = try ReportSeed.strings(suggestion, "reasons")
    expectReason(
      reasons, startingWith: "IC is under-sampled: 1 mark on IC-only activities over 1 week")
    expectReason(
      reasons,
      startingWith:
        "Management is under-sampled: 0 marks on management-only activities over 0 weeks")
    #expect(!(try ReportSeed.report(journal)).contains("Management track (EM"))
  }

  @Test("a running experiment is named in the headline section: markdown, html and json")
  func runningExperimentInHeadline() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try ReportSeed.clearIC(journal)
    _ = try output(
      journal,
      [
        "experiment", "start", "Own the storage redesign", "--track", "ic", "--weeks", "6",
        "--date", "2026-11-02",
      ])
    // Started Monday of 2026-W45; "today" is in 2026-W47: week 3 of 6.
    let opening =
      "An experiment is under way: 'Own the storage redesign' (week 3 of 6); "
      + "its partial result: "

    let json = try ReportSeed.reportJSON(journal)
    let suggestion = try ReportSeed.field(json, "suggestion")
    let sentence = try #require(suggestion["running_experiment"] as? String)
    #expect(sentence.hasPrefix(opening))
    #expect(sentence.count > opening.count)

    // Markdown: after the suggestion's heading and confidence, before the reasons and the
    // next section.
    let lines = ReportSeed.lines(try ReportSeed.report(journal))
    let heading = try #require(lines.firstIndex { $0.hasPrefix("## Suggestion: ") })
    let running = try #require(lines.firstIndex { $0.hasPrefix("An experiment is under way: ") })
    let next = try #require(lines.firstIndex { $0 == "## Energy by track" })
    let firstReason = try #require(lines.firstIndex { $0.hasPrefix("- ") })
    #expect(heading < running && running < firstReason && firstReason < next)
    #expect(lines[running].hasPrefix(opening))

    // HTML: its own paragraph in the suggestion section.
    let html = try output(journal, ["report", "--format", "html"])
    let paragraph = try #require(html.range(of: "<p class=\"running\">"))
    let suggestionHeading = try #require(html.range(of: "<h2>Suggestion: "))
    let nextHeading = try #require(
      html.range(of: "<h2>", range: suggestionHeading.upperBound..<html.endIndex))
    #expect(suggestionHeading.upperBound <= paragraph.lowerBound)
    #expect(paragraph.upperBound <= nextHeading.lowerBound)
    let text = html[paragraph.upperBound...].prefix { $0 != "<" }
    #expect(text.hasPrefix("An experiment is under way: "))
    #expect(text.contains("Own the storage redesign"))
    #expect(text.contains("(week 3 of 6); its partial result: "))

    // Ended, it leaves the headline.
    _ = try output(journal, ["experiment", "end", "1", "--outcome", "Done"])
    let after = try ReportSeed.field(try ReportSeed.reportJSON(journal), "suggestion")
    #expect(after["running_experiment"] is NSNull)
    #expect(!(try ReportSeed.report(journal)).contains("An experiment is under way"))
  }

  /// Expects one of `reasons` to start with `prefix`.
  private func expectReason(
    _ reasons: [String], startingWith prefix: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      reasons.contains { $0.hasPrefix(prefix) }, "\(reasons)", sourceLocation: sourceLocation)
  }
}
