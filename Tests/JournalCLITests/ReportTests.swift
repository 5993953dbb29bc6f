import Foundation
import TestSupport
import Testing

/// Seeds and readers shared by the report, experiment, reflection, privacy and demo suites.
///
/// Every journal here is written with `journal add --date …` against `TestJournal.today`
/// (Friday 2026-11-20, ISO week 2026-W47), so the default 12-week report covers
/// 2026-08-31 … 2026-11-22.
enum ReportSeed {
  /// Mondays and Wednesdays of 2026-W44 … 2026-W47: eight workdays over four weeks.
  static let fourWeeks = [
    "2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04", "2026-11-09", "2026-11-11",
    "2026-11-16", "2026-11-18",
  ]

  /// A clear IC journal: on each of ``fourWeeks`` deep work energized and delivery drained.
  ///
  /// By hand: deep-work 8 energized, 0 drained, shrunk rate 8 / (8 + 2) = +0.80 with Beta(9, 1)
  /// variance 4·9·1 / (10²·11) = 0.0327; delivery the mirror image, −0.80. IC rate +0.80
  /// (90% interval +0.50 to +1.00 after clamping), management −0.80, lean +1.60 with
  /// standard deviation √(2 · 0.0327) = 0.256: 90% interval +1.18 to +2.00, P(lean > 0) ≈ 1.
  static func clearIC(_ journal: TestJournal) throws {
    for day in fourWeeks {
      try journal.add(
        "Worked through the day, \(day)", ["--date", day, "-e", "deep-work", "-d", "delivery"])
    }
  }

  /// Runs `journal report ARGUMENTS`, requires success with a silent stderr, returns stdout.
  static func report(
    _ journal: TestJournal, _ arguments: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let result = try journal.run(["report"] + arguments)
    try #require(
      result.status == 0, "journal report failed: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.isEmpty, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    return result.stdout
  }

  /// `journal report --format json ARGUMENTS`, parsed with JSONSerialization.
  static func reportJSON(
    _ journal: TestJournal, _ arguments: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> [String: Any] {
    try object(
      report(journal, ["--format", "json"] + arguments, sourceLocation: sourceLocation),
      sourceLocation: sourceLocation)
  }

  /// A JSON text whose top level is an object.
  static func object(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> [String: Any]
  {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(
      value as? [String: Any], "not a JSON object: \(text)", sourceLocation: sourceLocation)
  }

  /// A JSON text whose top level is an array of objects.
  static func array(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> [[String: Any]]
  {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(
      value as? [[String: Any]], "not a JSON array of objects: \(text)",
      sourceLocation: sourceLocation)
  }

  /// The object at `key`.
  static func field(
    _ object: [String: Any], _ key: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> [String: Any] {
    try #require(
      object[key] as? [String: Any], "'\(key)' is not an object in \(object)",
      sourceLocation: sourceLocation)
  }

  /// The number at `key`.
  static func number(
    _ object: [String: Any], _ key: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Double {
    try #require(
      (object[key] as? NSNumber)?.doubleValue, "'\(key)' is not a number in \(object)",
      sourceLocation: sourceLocation)
  }

  /// The strings at `key`.
  static func strings(
    _ object: [String: Any], _ key: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> [String] {
    try #require(
      object[key] as? [String], "'\(key)' is not an array of strings in \(object)",
      sourceLocation: sourceLocation)
  }

  /// The quoted evidence texts of a JSON report, energized and drained.
  static func quotedTexts(_ report: [String: Any]) -> [String] {
    let evidence = report["evidence"] as? [String: Any] ?? [:]
    var texts: [String] = []
    for side in ["energized", "drained"] {
      for tag in evidence[side] as? [[String: Any]] ?? [] {
        for quote in tag["quotes"] as? [[String: Any]] ?? [] {
          if let text = quote["text"] as? String { texts.append(text) }
        }
      }
    }
    return texts
  }

  /// The lines of a text.
  static func lines(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }
}

@Suite("journal report")
struct ReportTests {
  @Test("markdown to stdout by default: headings, tables, figures of a clear IC journal")
  func markdownByDefault() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try ReportSeed.clearIC(journal)

    let text = try ReportSeed.report(journal)
    let lines = ReportSeed.lines(text)

    // Issue 13: the period starts at the first entry when the journal is younger than the window.
    #expect(lines.first == "# Career brief: 2026-10-26 to 2026-11-22")
    #expect(text.contains("8 entries over 12 weeks (4 with marks), 16 marks."))
    #expect(lines.contains("## Suggestion: IC track (Staff / Principal engineer)"))
    #expect(lines.contains("Confidence: **95%** (early lean)"))
    for heading in [
      "## Energy by track", "## Energy by activity", "## Week by week",
      "## What energized and what drained most", "## Experiments", "## Latest reflection",
    ] {
      #expect(lines.contains(heading), "heading '\(heading)'")
    }
    // Tables: a header, a delimiter row, and one row per track or activity.
    #expect(
      lines.contains("| track | rate | 90% interval | marks | weeks | direction | mean energy |"))
    #expect(lines.contains("| IC | +1.00 | +0.73 to +1.00 | 8 | 4 | steady | - |"))
    #expect(lines.contains("| Management | -1.00 | -1.00 to -0.73 | 8 | 4 | steady | - |"))
    #expect(lines.contains("| deep-work | ic | +1.00 | 8 | 0 | 8 | steady |"))
    #expect(lines.contains("| delivery | management | -1.00 | 0 | 8 | 8 | steady |"))
    #expect(lines.filter { $0.hasPrefix("| --- |") }.count == 2)
    #expect(lines.contains("Lean (IC minus management): **+2.00**, 90% interval +1.62 to +2.00."))
    // Reasons cite figures.
    #expect(
      lines.contains(
        "- IC activities: energy rate +1.00 (90% interval +0.73 to +1.00) from 8 marks over 4 weeks."
      ))
    #expect(
      lines.contains(
        "- The lean is +2.00 toward IC (90% interval +1.62 to +2.00): the whole interval lies "
          + "beyond the ±0.10 margin."))
    #expect(
      lines.contains(
        "    journal experiment start \"Take a Staff-scope problem\" --track ic --weeks 8"))
    #expect(lines.contains("None yet: `journal reflect` asks the articles' questions."))
    #expect(!text.contains("\u{1B}["), "no colour in a report on a pipe")
  }

  @Test("JSON: the documented fields, and a clear IC journal suggests ic with figures")
  func jsonClearIC() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try ReportSeed.clearIC(journal)

    let report = try ReportSeed.reportJSON(journal)

    let period = try ReportSeed.field(report, "period")
    #expect(period["since"] as? String == "2026-10-26")  // the first entry (issue 13)
    #expect(period["until"] as? String == "2026-11-22")
    #expect(try ReportSeed.number(period, "weeks") == 12)
    #expect(try ReportSeed.number(period, "weeks_observed") == 4)
    #expect(try ReportSeed.number(report, "entries") == 8)
    #expect(try ReportSeed.number(report, "private_entries") == 0)
    #expect(try ReportSeed.number(report, "observations") == 16)

    let suggestion = try ReportSeed.field(report, "suggestion")
    #expect(suggestion["track"] as? String == "ic")
    let confidence = try ReportSeed.number(suggestion, "confidence")
    #expect(confidence > 0.9 && confidence <= 1)
    #expect(suggestion["under_sampled"] is NSNull)
    let reasons = try ReportSeed.strings(suggestion, "reasons")
    #expect(
      reasons.contains(
        "IC activities: energy rate +1.00 (90% interval +0.73 to +1.00) from 8 marks over 4 weeks."),
      "\(reasons)")
    #expect(
      reasons.contains(
        "Management activities: energy rate -1.00 (90% interval -1.00 to -0.73) from 8 marks over "
          + "4 weeks."), "\(reasons)")
    #expect(
      reasons.contains(
        "The lean is +2.00 toward IC (90% interval +1.62 to +2.00): the whole interval lies "
          + "beyond the ±0.10 margin."),
      "\(reasons)")
    let next = try ReportSeed.field(suggestion, "next_experiment")
    #expect(next["track"] as? String == "ic")
    #expect(next["title"] as? String == "Take a Staff-scope problem")
    #expect(try ReportSeed.number(next, "weeks") == 8)
    #expect(
      next["command"] as? String
        == "journal experiment start \"Take a Staff-scope problem\" --track ic --weeks 8")
    #expect((next["description"] as? String)?.isEmpty == false)

    let tracks = try ReportSeed.field(report, "tracks")
    let ic = try ReportSeed.field(tracks, "ic")
    let management = try ReportSeed.field(tracks, "management")
    #expect(try ReportSeed.number(ic, "rate") == 1)
    #expect(try ReportSeed.number(ic, "observations") == 8)
    #expect(try ReportSeed.number(ic, "weeks_observed") == 4)
    #expect(try ReportSeed.number(management, "rate") == -1)
    #expect(try ReportSeed.number(management, "drained") == 8)
    let lean = try ReportSeed.field(report, "lean")
    #expect(try ReportSeed.number(lean, "value") == 2)
    #expect(try ReportSeed.number(lean, "low") == 1.6232)
    #expect(try ReportSeed.number(lean, "high") == 2)

    let tags = try ReportSeed.field(report, "tags")
    let deepWork = try ReportSeed.field(tags, "deep-work")
    #expect(deepWork["track"] as? String == "ic")
    #expect(try ReportSeed.number(deepWork, "energized") == 8)
    #expect(try ReportSeed.number(deepWork, "drained") == 0)
    let delivery = try ReportSeed.field(tags, "delivery")
    #expect(try ReportSeed.number(delivery, "drained") == 8)
    #expect(Set(tags.keys) == ["deep-work", "delivery"])

    #expect((report["weeks"] as? [Any])?.count == 12)
    #expect((report["experiments"] as? [Any])?.isEmpty == true)
    #expect(report["reflection"] is NSNull)
    #expect(report["evidence"] is [String: Any])
  }

  @Test("a thin journal (one week) is unclear, names the under-sampled side and an experiment")
  func thinJournalIsUnclear() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("Debugged the cache", ["--date", "2026-11-16", "-e", "deep-work"])
    try journal.add("Profiled the importer", ["--date", "2026-11-17", "-e", "deep-work"])
    try journal.add(
      "Planning meeting", ["--date", "2026-11-18", "-e", "deep-work", "-d", "delivery"])

    let report = try ReportSeed.reportJSON(journal)
    let suggestion = try ReportSeed.field(report, "suggestion")

    #expect(suggestion["track"] as? String == "unclear")
    #expect(try ReportSeed.number(suggestion, "confidence") == 0)
    // Management has 1 mark, IC 3: the side with the fewest marks is the one to try.
    #expect(suggestion["under_sampled"] as? String == "management")
    let reasons = try ReportSeed.strings(suggestion, "reasons")
    #expect(
      reasons.contains(
        "Management is under-sampled: 1 mark on management-only activities over 1 week; a "
          + "suggestion needs 7 more marks and 3 more weeks with marks (at least 8 marks over 4 "
          + "weeks; activities that count for both tracks, such as mentoring, count for neither "
          + "here)."), "\(reasons)")
    #expect(
      reasons.contains(
        "IC is under-sampled: 3 marks on IC-only activities over 1 week; a suggestion needs 5 more "
          + "marks and 3 more weeks with marks (at least 8 marks over 4 weeks; activities that "
          + "count for both tracks, such as mentoring, count for neither here)."), "\(reasons)")
    let next = try ReportSeed.field(suggestion, "next_experiment")
    #expect(next["track"] as? String == "management")
    #expect(next["title"] as? String == "Mentor two engineers and lead the next planning")
    #expect((next["description"] as? String)?.contains("mentor") == true)
    #expect(
      (next["command"] as? String)?.hasPrefix("journal experiment start \"Mentor two engineers")
        == true)

    let text = try ReportSeed.report(journal)
    #expect(text.contains("## Suggestion: Unclear: try both deliberately"))
    #expect(text.contains("Confidence: **none**"))
    #expect(text.contains("**Next experiment (6 weeks, Management side):**"))
  }

  @Test("the exposure trap: many drained delivery marks do not make it 'management'")
  func exposureDoesNotDecide() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    // Four weeks, Monday to Thursday: delivery drained every day (16 marks), deep work energized
    // on Mondays and Tuesdays (8), coaching energized on Wednesdays (4).
    let weeks = [
      ["2026-10-26", "2026-10-27", "2026-10-28", "2026-10-29"],
      ["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"],
      ["2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12"],
      ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19"],
    ]
    for days in weeks {
      for (offset, day) in days.enumerated() {
        var options = ["--date", day, "-d", "delivery"]
        if offset < 2 { options += ["-e", "deep-work"] }
        if offset == 2 { options += ["-e", "coaching"] }
        try journal.add("Status meetings all day, \(day)", options)
      }
    }

    let report = try ReportSeed.reportJSON(journal)
    let tracks = try ReportSeed.field(report, "tracks")
    let ic = try ReportSeed.field(tracks, "ic")
    let management = try ReportSeed.field(tracks, "management")
    // Management dominates the log ...
    #expect(try ReportSeed.number(management, "observations") == 20)
    #expect(try ReportSeed.number(ic, "observations") == 8)
    // ... and its rate pools them: (4 − 16) / 20 = −0.6. The lean compares how the two tracks'
    // marks felt, 1 − (−0.6) = 1.6: 16 drained marks lower management's rate; they never make
    // its claim stronger.
    #expect(try ReportSeed.number(management, "rate") == -0.6)
    #expect(try ReportSeed.number(ic, "rate") == 1)
    let lean = try ReportSeed.field(report, "lean")
    #expect(try ReportSeed.number(lean, "value") == 1.6)

    let suggestion = try ReportSeed.field(report, "suggestion")
    #expect(suggestion["track"] as? String == "ic")
    #expect(suggestion["track"] as? String != "management")
    #expect(try ReportSeed.number(suggestion, "confidence") == 0.95)  // capped (issue 13)
    let reasons = try ReportSeed.strings(suggestion, "reasons")
    #expect(
      reasons.contains {
        $0.hasPrefix(
          "Delivery was logged most (16 of 28 marks on IC and management activities): it weighs "
            + "in its track's rate by its marks, but a track is chosen by how its marks felt")
      }, "\(reasons)")
    #expect(
      reasons.contains(
        "Within management, coaching energized you (+1.00 from 4 marks) while delivery drained you "
          + "(-1.00 from 16 marks)."), "\(reasons)")
    #expect(
      reasons.contains(
        // Model variance, four equal weeks (no jackknife spread): deep-work 8/0, Jeffreys p
        // 8.5/9, 0.0262346; delivery 0/16 and coaching 4/0 weighted 0.8 and 0.2: 0.64 ×
        // 0.0071367 + 0.04 × 0.09 = 0.0081675. 1.6 ± 1.6449 × √0.0344021 = 1.6 ± 0.3051.
        "The lean is +1.60 toward IC (90% interval +1.29 to +1.91): the whole interval lies "
          + "beyond the ±0.10 margin."),
      "\(reasons)")
  }

  @Test("--weeks N and --since/--until choose whole ISO weeks")
  func periodOptions() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try ReportSeed.clearIC(journal)

    let two = try ReportSeed.reportJSON(journal, ["--weeks", "2"])
    let twoPeriod = try ReportSeed.field(two, "period")
    #expect(twoPeriod["since"] as? String == "2026-11-09")
    #expect(twoPeriod["until"] as? String == "2026-11-22")
    #expect(try ReportSeed.number(twoPeriod, "weeks") == 2)
    #expect(try ReportSeed.number(two, "entries") == 4)
    #expect(try ReportSeed.number(two, "observations") == 8)

    let one = try ReportSeed.reportJSON(
      journal, ["--since", "2026-11-02", "--until", "2026-11-08"])
    let onePeriod = try ReportSeed.field(one, "period")
    #expect(onePeriod["since"] as? String == "2026-11-02")
    #expect(onePeriod["until"] as? String == "2026-11-08")
    #expect(try ReportSeed.number(one, "entries") == 2)
    // One week is thin, whatever it holds.
    #expect((try ReportSeed.field(one, "suggestion"))["track"] as? String == "unclear")

    // Mid-week days widen to the weeks that contain them.
    let text = try ReportSeed.report(journal, ["--since", "2026-10-28", "--until", "2026-11-04"])
    #expect(text.hasPrefix("# Career brief: 2026-10-26 to 2026-11-08\n"))
    #expect(text.contains("4 entries over 2 weeks (2 with marks), 8 marks."))
  }

  @Test("bad periods are refused and a missing journal is not created")
  func refusals() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    expectRefused(try journal.run(["report"]), status: 66)
    #expect(!journal.exists, "report never creates a journal")

    try ReportSeed.clearIC(journal)
    let before = try journal.snapshot()
    expectRefusedReport(try journal.run(["report", "--weeks", "0"]), status: 64, "--weeks 0")
    expectRefusedReport(
      try journal.run(["report", "--weeks", "4", "--since", "2026-11-01"]), status: 64, "not both")
    expectRefusedReport(try journal.run(["report", "--format", "pdf"]), status: 64, "pdf")
    expectRefused(
      try journal.run(["report", "--since", "2026-11-10", "--until", "2026-11-01"]), status: 65,
      mentioning: ["2026-11-10", "2026-11-01"])
    #expect(try journal.snapshot() == before)
  }

  @Test("--output writes the file with mode 0600 and says where; same bytes as stdout")
  func outputFile() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try ReportSeed.clearIC(journal)

    for format in ["markdown", "html", "json"] {
      let path = journal.directory.file("brief-\(format).out")
      let result = try journal.run(["report", "--format", format, "--output", path])
      expectSuccess(result)
      #expect(result.stdout == "Wrote the \(format) report to '\(path)'.\n")
      let written = try String(contentsOfFile: path, encoding: .utf8)
      #expect(written == (try ReportSeed.report(journal, ["--format", format])))
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(format)")
    }

    // An existing file is kept without --force (issue 12: as for backup and export)...
    let path = journal.directory.file("old.md")
    let old = String(repeating: "old text that must go\n", count: 2000)
    try old.write(toFile: path, atomically: false, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
    let kept = try journal.run(["report", "--output", path])
    #expect(kept.status == 64, "\(kept.stderr)")
    #expect(kept.stderr == "Error: '\(path)' exists already; pass --force to replace it.\n")
    #expect(kept.stdout.isEmpty)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == old)
    // ...and with it, replaced whole and closed down to 0600.
    expectSuccess(try journal.run(["report", "--output", path, "--force"]))
    let replaced = try String(contentsOfFile: path, encoding: .utf8)
    #expect(replaced == (try ReportSeed.report(journal)))
    #expect(!replaced.contains("old text"))
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

    // A folder that does not exist: one error line, no crash.
    let missing = journal.directory.file("no-such-folder/brief.md")
    let refused = try journal.run(["report", "--output", missing])
    #expect(refused.status == 74, "an I/O failure; stderr: \(refused.stderr)")
    #expect(refused.stderr.hasPrefix("Error:"))
    #expect(refused.stdout.isEmpty)
    expectNoCrash(refused)
  }

  @Test("--force without --output is a usage error, for report and export alike")
  func forceNeedsOutput() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    for command in ["report", "export"] {
      let result = try journal.run([command, "--force"])
      #expect(result.status == 64, "\(command): \(result.stderr)")
      #expect(result.stderr.contains("--output"), "\(command): \(result.stderr)")
      #expect(result.stdout.isEmpty)
    }
  }

  @Test("HTML: one self-contained file with inline CSS and SVG, no script, no network")
  func htmlIsSelfContained() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try ReportSeed.clearIC(journal)
    try journal.add(
      "Fixed the <b>parser</b> & \"quoted\" bug",
      ["--date", "2026-11-19", "-e", "deep-work", "--star"])

    let html = try ReportSeed.report(journal, ["--format", "html"])

    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<style>"))
    #expect(html.contains("</html>"))
    #expect(html.contains("<svg"))
    #expect(html.contains("class=\"chart tracks\""))
    #expect(html.contains("class=\"chart tags\""))
    // The weekly chart draws both tracks (management dashed, with squares); the tag chart a
    // blue and a brown-orange bar, never red and green.
    #expect(html.contains("<polyline class=\"ic\""))
    #expect(html.contains("<polyline class=\"management\""))
    #expect(html.contains("stroke=\"#2563eb\" stroke-width=\"2.5\"/>"))
    #expect(html.contains("stroke=\"#d97706\" stroke-width=\"2.5\" stroke-dasharray=\"7 4\"/>"))
    #expect(html.contains("fill=\"#2166ac\""))
    #expect(html.contains("fill=\"#b35806\""))
    #expect(!html.contains("#16a34a") && !html.contains("#dc2626"))
    let lower = html.lowercased()
    for forbidden in ["<script", "<link", "<img", "<iframe", "@import", "url(", " src="] {
      #expect(!lower.contains(forbidden), "'\(forbidden)' in the HTML")
    }
    let withoutNamespace = lower.replacingOccurrences(
      of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
    #expect(!withoutNamespace.contains("http://"))
    #expect(!withoutNamespace.contains("https://"))
    #expect(!withoutNamespace.contains("//fonts"))
    #expect(html.contains(">deep-work</text>"))
    #expect(html.contains(">delivery</text>"))
    #expect(html.contains("Suggestion: IC track (Staff / Principal engineer)"))

    // The starred entry is quoted, escaped, and never raw.
    #expect(html.contains("Fixed the &lt;b&gt;parser&lt;/b&gt; &amp; &quot;quoted&quot; bug"))
    #expect(!html.contains("<b>parser</b>"))
    #expect(!html.contains("& \"quoted\""))
  }

  @Test("Markdown quotes starred entries as '  >' lines and escapes pipes and markup")
  func markdownQuotesAndEscapes() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try ReportSeed.clearIC(journal)
    try journal.add(
      "Split the queue | merged the fix *today*",
      ["--date", "2026-11-19", "-e", "deep-work", "--star"])
    try journal.add(
      "Fixed the <b>parser</b>\nsecond line", ["--date", "2026-11-20", "-e", "deep-work", "--star"])
    try journal.add(
      "Unstarred words never quoted", ["--date", "2026-11-20", "-e", "deep-work"])

    let text = try ReportSeed.report(journal)
    let lines = ReportSeed.lines(text)

    #expect(lines.contains("- **deep-work** (ic): rate +1.00 from 11 marks"))
    #expect(lines.contains("  > 2026-11-19: Split the queue \\| merged the fix \\*today\\*"))
    #expect(lines.contains("  > 2026-11-20: Fixed the \\<b\\>parser\\</b\\> …"))
    #expect(!text.contains("queue | merged"))
    #expect(!text.contains("<b>"))
    #expect(!text.contains("Unstarred words"))
    #expect(lines.filter { $0.hasPrefix("  > ") }.count == 2)
    // Every table row still has its seven columns: no stray pipe broke one.
    for line in lines where line.hasPrefix("| ") && line.contains("| ic |") {
      #expect(line.filter { $0 == "|" }.count == 8, "\(line)")
    }

    // JSON carries the text as written.
    let report = try ReportSeed.reportJSON(journal)
    let quoted = ReportSeed.quotedTexts(report)
    #expect(quoted.contains("Split the queue | merged the fix *today*"))
    #expect(quoted.contains("Fixed the <b>parser</b>\nsecond line"))
    #expect(!quoted.contains("Unstarred words never quoted"))
  }
}

/// A refusal by the argument parser: exit status, nothing on stdout, an `Error:` line that
/// mentions `fragment`, no crash.
func expectRefusedReport(
  _ result: JournalResult, status: Int32, _ fragment: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  expectRefused(result, status: status, mentioning: [fragment], sourceLocation: sourceLocation)
}
