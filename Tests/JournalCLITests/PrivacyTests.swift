import Foundation
import TestSupport
import Testing

@Suite("star and private entries in the report")
struct PrivacyTests {
  /// The three report formats, each rendered once.
  private func allFormats(_ journal: TestJournal) throws -> [(format: String, text: String)] {
    try ["markdown", "html", "json"].map { format in
      (format, try ReportSeed.report(journal, ["--format", format]))
    }
  }

  @Test("a private entry is never quoted in any format, even starred, yet counts in the figures")
  func privateNeverQuoted() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try ReportSeed.clearIC(journal)
    let publicID = try journal.add(
      "PUBLIC-EVIDENCE-3141 shipped the planner",
      ["--date", "2026-11-19", "-e", "deep-work", "--star"])
    let secretID = try journal.add(
      "PRIVATE-SECRET-4471 salary talk with Sam",
      ["--date", "2026-11-20", "-e", "deep-work", "--star", "--private"])
    try journal.add(
      "PRIVATE-DRAIN-9902 reorg rumours <b>",
      ["--date", "2026-11-20", "-d", "delivery", "--star", "--private"])

    let stored = try journal.entry(secretID)
    #expect(stored.starred && stored.isPrivate)
    #expect(stored.text == "PRIVATE-SECRET-4471 salary talk with Sam", "kept in the journal")
    #expect(try journal.entry(publicID).starred)

    for (format, text) in try allFormats(journal) {
      for secret in ["PRIVATE-SECRET-4471", "PRIVATE-DRAIN-9902", "salary", "reorg"] {
        #expect(!text.contains(secret), "'\(secret)' in the \(format) report")
      }
      #expect(text.contains("PUBLIC-EVIDENCE-3141"), "the public highlight in \(format)")
    }

    let markdown = try ReportSeed.report(journal)
    #expect(markdown.contains("11 entries over 12 weeks (4 with marks), 19 marks."))
    #expect(markdown.contains("2 private entries count in the figures but are never quoted."))
    #expect(markdown.contains("  > 2026-11-19: PUBLIC-EVIDENCE-3141 shipped the planner"))
    let html = try ReportSeed.report(journal, ["--format", "html"])
    #expect(html.contains("2 private entries count in the figures but are never quoted."))

    let report = try ReportSeed.reportJSON(journal)
    #expect(try ReportSeed.number(report, "entries") == 11)
    #expect(try ReportSeed.number(report, "private_entries") == 2)
    #expect(try ReportSeed.number(report, "observations") == 19)
    let tags = try ReportSeed.field(report, "tags")
    // The private marks count: 8 + 1 public + 1 private energized deep work, 8 + 1 drained delivery.
    #expect(try ReportSeed.number(try ReportSeed.field(tags, "deep-work"), "energized") == 10)
    #expect(try ReportSeed.number(try ReportSeed.field(tags, "delivery"), "drained") == 9)
    #expect(ReportSeed.quotedTexts(report) == ["PUBLIC-EVIDENCE-3141 shipped the planner"])
  }

  @Test("edit --star/--unstar and --private/--public decide what the report quotes")
  func editTogglesQuoting() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try ReportSeed.clearIC(journal)
    let id = try journal.add(
      "TOGGLE-TEXT-5150 found the race in the cache", ["--date", "2026-11-19", "-e", "deep-work"])
    let text = "TOGGLE-TEXT-5150 found the race in the cache"

    func quoted() throws -> Bool {
      let report = try ReportSeed.reportJSON(journal)
      let inJSON = ReportSeed.quotedTexts(report).contains(text)
      let inMarkdown = try ReportSeed.report(journal).contains(text)
      #expect(inJSON == inMarkdown, "markdown and json agree")
      return inJSON
    }
    func privateCount() throws -> Double {
      try ReportSeed.number(try ReportSeed.reportJSON(journal), "private_entries")
    }

    #expect(try !quoted(), "not starred yet")

    expectSuccess(try journal.run(["edit", String(id), "--star"]))
    #expect(try journal.entry(id).starred)
    #expect(try quoted())

    expectSuccess(try journal.run(["edit", String(id), "--private"]))
    #expect(try journal.entry(id).isPrivate)
    #expect(try journal.entry(id).starred, "privacy leaves the star alone")
    #expect(try !quoted())
    #expect(try privateCount() == 1)
    let markdown = try ReportSeed.report(journal)
    #expect(markdown.contains("1 private entry counts in the figures but is never quoted."))
    let html = try ReportSeed.report(journal, ["--format", "html"])
    #expect(!html.contains("TOGGLE-TEXT-5150"))
    // The HTML says it the way the Markdown does: one entry, singular.
    #expect(
      html.contains("1 private entry counts in the figures but is never quoted."),
      "HTML period line: \(html.split(separator: "\n").first { $0.contains("class=\"period\"") } ?? "")"
    )

    expectSuccess(try journal.run(["edit", String(id), "--public"]))
    #expect(try !journal.entry(id).isPrivate)
    #expect(try quoted())
    #expect(try privateCount() == 0)

    expectSuccess(try journal.run(["edit", String(id), "--unstar"]))
    #expect(try !journal.entry(id).starred)
    #expect(try !quoted())
    #expect(try journal.entry(id).text == text)
  }

  @Test("edit refuses --star with --unstar and --private with --public")
  func conflictingFlags() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let id = try journal.add("Some day", ["--date", "2026-11-19", "-e", "deep-work"])
    let before = try journal.snapshot()

    for flags in [["--star", "--unstar"], ["--private", "--public"]] {
      let result = try journal.run(["edit", String(id)] + flags)
      #expect(result.status == 64, "\(flags): \(result.stderr)")
      #expect(result.stderr.hasPrefix("Error:"))
      expectNoCrash(result)
    }
    #expect(try journal.snapshot() == before)
  }
}
