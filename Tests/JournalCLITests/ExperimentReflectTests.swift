import Foundation
import TestSupport
import Testing

@Suite("journal experiment and journal reflect")
struct ExperimentReflectTests {
  /// `journal experiment list --format json`, parsed; requires success.
  private func experimentList(_ journal: TestJournal) throws -> [[String: Any]] {
    let result = try journal.run(["experiment", "list", "--format", "json"])
    expectSuccess(result)
    return try ReportSeed.array(result.stdout)
  }

  @Test("start, list (text and json) with thin data, end with an outcome; shown in the report")
  func startListEnd() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let started = try journal.run([
      "experiment", "start", "Mentor two | new hires", "--track", "management", "--weeks", "2",
      "--date", "2026-11-09", "--hypothesis", "Coaching energizes me",
    ])
    expectSuccess(started)
    #expect(
      started.stdout.hasPrefix(
        "Started experiment 1: 'Mentor two | new hires' (management, 2 weeks from 2026-11-09)."))
    #expect(journal.exists, "experiment start creates the journal")
    #expect(
      try journal.sqlite("SELECT title, track, hypothesis, startDay, plannedWeeks FROM experiment")
        == "Mentor two | new hires|management|Coaching energizes me|2026-11-09|2")

    let text = try journal.run(["experiment", "list"])
    expectSuccess(text)
    #expect(
      ReportSeed.lines(text.stdout) == [
        "1  Mentor two | new hires  [management, 2 weeks from 2026-11-09, running]",
        "   Not enough data yet: 0 management marks during, 0 before on the activities logged in "
          + "both periods (each side needs 4).", "",
      ])

    let listed = try #require(try experimentList(journal).first)
    #expect(listed["id"] as? Int == 1)
    #expect(listed["title"] as? String == "Mentor two | new hires")
    #expect(listed["track"] as? String == "management")
    #expect(listed["hypothesis"] as? String == "Coaching energizes me")
    #expect(listed["start"] as? String == "2026-11-09")
    #expect(listed["planned_weeks"] as? Int == 2)
    #expect(listed["end"] is NSNull)
    #expect(listed["outcome"] is NSNull)
    #expect(listed["verdict"] as? String == "not-enough-data")
    #expect(listed["change"] is NSNull)
    let weeks = try ReportSeed.field(listed, "weeks")
    #expect(weeks["first"] as? String == "2026-W46")
    #expect(weeks["last"] as? String == "2026-W47")
    #expect(try ReportSeed.number(try ReportSeed.field(listed, "during"), "observations") == 0)

    let ended = try journal.run([
      "experiment", "end", "1", "--outcome", "Coaching | felt *good*", "--date", "2026-11-20",
    ])
    expectSuccess(ended)
    #expect(ended.stdout == "Ended experiment 1: 'Mentor two | new hires' on 2026-11-20.\n")
    #expect(
      try journal.sqlite("SELECT endDay, outcome FROM experiment WHERE id = 1")
        == "2026-11-20|Coaching | felt *good*")

    let afterText = try journal.run(["experiment", "list"])
    expectSuccess(afterText)
    #expect(
      afterText.stdout.hasPrefix(
        "1  Mentor two | new hires  [management, 2 weeks from 2026-11-09, ended 2026-11-20]\n"))
    let afterJSON = try #require(try experimentList(journal).first)
    #expect(afterJSON["end"] as? String == "2026-11-20")
    #expect(afterJSON["outcome"] as? String == "Coaching | felt *good*")

    let markdown = try ReportSeed.report(journal)
    #expect(
      markdown.contains(
        "- **Mentor two \\| new hires** (Management, from 2026-11-09, 2 weeks, ended 2026-11-20): "
          + "Not enough data yet"))
    #expect(markdown.contains("  Hypothesis: Coaching energizes me"))
    #expect(markdown.contains("  Outcome: Coaching \\| felt \\*good\\*"))
    let report = try ReportSeed.reportJSON(journal)
    let experiments = try #require(report["experiments"] as? [[String: Any]])
    #expect(experiments.count == 1)
    #expect(experiments.first?["outcome"] as? String == "Coaching | felt *good*")
    #expect(experiments.first?["verdict"] as? String == "not-enough-data")
    let html = try ReportSeed.report(journal, ["--format", "html"])
    #expect(html.contains("Outcome: Coaching | felt *good*"))
  }

  @Test("an experiment whose weeks clearly energize more than the weeks before: more-energized")
  func moreEnergizedThanBaseline() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    // Baseline, 2026-W44 and W45: coaching drained four times. During, W46 and W47: energized
    // four times. Shrunk rates −4/6 and +4/6, each with Beta(5, 1) variance 20/252 = 0.0794:
    // change +1.33 with standard deviation √0.159 = 0.398, 90% interval +0.68 to +1.99.
    for day in ["2026-10-26", "2026-10-28", "2026-11-02", "2026-11-04"] {
      try journal.add("One-on-ones dragged, \(day)", ["--date", day, "-d", "coaching"])
    }
    for day in ["2026-11-09", "2026-11-11", "2026-11-16", "2026-11-18"] {
      try journal.add("Great one-on-ones, \(day)", ["--date", day, "-e", "coaching"])
    }
    expectSuccess(
      try journal.run([
        "experiment", "start", "Mentor the new hires", "--track", "management", "--weeks", "2",
        "--date", "2026-11-09",
      ]))

    let listed = try #require(try experimentList(journal).first)
    #expect(listed["verdict"] as? String == "more-energized")
    let during = try ReportSeed.field(listed, "during")
    let baseline = try ReportSeed.field(listed, "baseline")
    let change = try ReportSeed.field(listed, "change")
    // Issue 13: plain rates (no pull toward 0), Jeffreys variance 0.09 a period.
    #expect(try ReportSeed.number(during, "rate") == 1)
    #expect(try ReportSeed.number(during, "observations") == 4)
    #expect(try ReportSeed.number(baseline, "rate") == -1)
    #expect(try ReportSeed.number(baseline, "observations") == 4)
    #expect(try ReportSeed.number(change, "value") == 2)
    #expect(try ReportSeed.number(change, "low") == 1.3021)
    #expect(try ReportSeed.number(change, "low") > 0)

    let text = try journal.run(["experiment", "list"])
    expectSuccess(text)
    #expect(
      text.stdout.contains(
        "   The management side energized you more: +1.00 during against -1.00 before "
          + "(change +2.00, 90% interval +1.30 to +2.00); the smallest change it could detect is "))

    let report = try ReportSeed.reportJSON(journal)
    let experiments = try #require(report["experiments"] as? [[String: Any]])
    #expect(experiments.first?["verdict"] as? String == "more-energized")
  }

  @Test("ending twice or an unknown id is refused with 65 and changes nothing")
  func endRefusals() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    expectSuccess(
      try journal.run([
        "experiment", "start", "Own the storage redesign", "--track", "ic", "--weeks", "4",
        "--date", "2026-11-02",
      ]))
    expectSuccess(try journal.run(["experiment", "end", "1", "--outcome", "Loved it"]))
    let before = try journal.snapshot()

    expectRefused(
      try journal.run(["experiment", "end", "1", "--outcome", "Again"]), status: 65,
      mentioning: ["Experiment 1 has ended already"])
    expectRefused(
      try journal.run(["experiment", "end", "99"]), status: 65,
      mentioning: ["No experiment with id 99"])
    #expect(try journal.snapshot() == before)
    #expect(try journal.sqlite("SELECT endDay, outcome FROM experiment") == "2026-11-20|Loved it")
  }

  @Test("ending before the start is refused (65) with a message about the experiment")
  func endBeforeStart() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    expectSuccess(
      try journal.run([
        "experiment", "start", "Own the storage redesign", "--track", "ic", "--weeks", "2",
        "--date", "2026-11-10",
      ]))
    let before = try journal.snapshot()

    let result = try journal.run(["experiment", "end", "1", "--date", "2026-11-01"])

    expectRefused(result, status: 65, mentioning: ["2026-11-10", "2026-11-01"])
    // The user typed no --since or --until: the message must not talk about them.
    #expect(!result.stderr.contains("--since"), "stderr: \(result.stderr)")
    #expect(!result.stderr.contains("--until"), "stderr: \(result.stderr)")
    #expect(try journal.snapshot() == before)
    #expect(try journal.sqlite("SELECT count(*) FROM experiment WHERE endDay IS NULL") == "1")
  }

  @Test("start refuses a track that is not ic or management, and weeks out of range (64)")
  func startRefusals() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let cases: [([String], String)] = [
      (["--track", "both", "--weeks", "2"], "both"),
      (["--track", "neutral", "--weeks", "2"], "neutral"),
      (["--track", "manager", "--weeks", "2"], "manager"),
      (["--track", "ic", "--weeks", "0"], "--weeks 0"),
      (["--track", "ic", "--weeks", "53"], "--weeks 53"),
    ]
    for (options, fragment) in cases {
      let result = try journal.run(["experiment", "start", "Try something"] + options)
      expectRefusedReport(result, status: 64, fragment)
    }
    expectRefusedReport(
      try journal.run(["experiment", "start", "   ", "--track", "ic", "--weeks", "2"]),
      status: 64, "title")
    #expect(!journal.exists, "a refused start creates no journal")
  }

  @Test("reflect by options: the report shows the latest reflection and flags status")
  func reflectByOptions() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let result = try journal.run([
      "reflect", "--five-years", "The storage <expert> | who grew people", "--motive", "status",
      "--motive", "growth", "--note", "Talk to *Sam*", "--date", "2026-11-18",
    ])
    expectSuccess(result)
    let lines = ReportSeed.lines(result.stdout)
    #expect(lines.first == "Recorded reflection 1 for 2026-11-18.")
    #expect(lines.contains { $0.hasPrefix("Note: status or title is among the reasons") })
    #expect(
      try journal.sqlite("SELECT day, fiveYears, motives, note FROM reflection")
        == "2026-11-18|The storage <expert> | who grew people|status,growth|Talk to *Sam*")

    let markdown = try ReportSeed.report(journal)
    #expect(markdown.contains("## Latest reflection\n\nWritten 2026-11-18.\n"))
    #expect(
      markdown.contains(
        "- *In five years, the person in the room who knows:* The storage \\<expert\\> \\| who grew "
          + "people"))
    #expect(markdown.contains("- *Motives:* status or title, growth"))
    #expect(markdown.contains("- *Note:* Talk to \\*Sam\\*"))
    #expect(markdown.contains("> You named status or title among your reasons."))

    let report = try ReportSeed.reportJSON(journal)
    let reflection = try ReportSeed.field(report, "reflection")
    #expect(reflection["date"] as? String == "2026-11-18")
    #expect(reflection["five_years"] as? String == "The storage <expert> | who grew people")
    #expect(try ReportSeed.strings(reflection, "motives") == ["status", "growth"])
    #expect(try ReportSeed.strings(reflection, "wrong_reasons") == ["status"])
    #expect(reflection["note"] as? String == "Talk to *Sam*")

    let html = try ReportSeed.report(journal, ["--format", "html"])
    #expect(html.contains("The storage &lt;expert&gt; | who grew people"))
    #expect(html.contains("<blockquote>You named status or title among your reasons."))

    // A later reflection replaces it in the report; with good reasons only, no flag.
    let later = try journal.run([
      "reflect", "--motive", "energy", "--motive", "impact", "--motive", "energy", "--date",
      "2026-11-19",
    ])
    expectSuccess(later)
    #expect(later.stdout == "Recorded reflection 2 for 2026-11-19.\n")
    let latest = try ReportSeed.field(try ReportSeed.reportJSON(journal), "reflection")
    #expect(latest["date"] as? String == "2026-11-19")
    #expect(try ReportSeed.strings(latest, "motives") == ["energy", "impact"])
    #expect(try ReportSeed.strings(latest, "wrong_reasons").isEmpty)
    #expect(latest["five_years"] as? String == "")
    let latestMarkdown = try ReportSeed.report(journal)
    #expect(latestMarkdown.contains("Written 2026-11-19."))
    #expect(latestMarkdown.contains("- *Motives:* what energizes you, impact"))
    #expect(!latestMarkdown.contains("You named"))
    #expect(!latestMarkdown.contains("storage"))
  }

  @Test("reflect without options off a terminal, or with an unknown motive, is a usage error")
  func reflectRefusals() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    expectRefusedReport(try journal.run(["reflect"]), status: 64, "Nothing to record")
    expectRefusedReport(
      try journal.run(["reflect"], stdin: "Storage\nstatus\n"), status: 64, "Nothing to record")
    expectRefusedReport(
      try journal.run(["reflect", "--motive", "money", "--five-years", "x"]), status: 64, "money")
    #expect(!journal.exists, "a refused reflect creates no journal")

    expectSuccess(try journal.run(["reflect", "--note", "first"]))
    let before = try journal.snapshot()
    expectRefusedReport(try journal.run(["reflect", "--motive", "fame"]), status: 64, "fame")
    #expect(try journal.snapshot() == before)
    #expect(try journal.sqlite("SELECT count(*) FROM reflection") == "1")
  }
}
