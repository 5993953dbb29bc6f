import Foundation
import JournalAnalysis
import JournalCore
import TestSupport
import Testing

@testable import JournalInterchange
@testable import JournalReport

/// The report's three renderers on a hand-made brief, in process. The goldens in
/// `Tests/Fixtures/golden/report/` show the whole output, escaping included; re-record them
/// with `scripts/record-golden` when the wording changes on purpose.
@Suite("Report renderers: Markdown, HTML and JSON of a hand-made brief")
struct ReportRendererTests {
  let brief = BriefFixture.brief()

  @Test("Markdown matches its golden file")
  func markdownGolden() throws {
    try Golden.check(ReportMarkdown.render(brief), "report/brief.md")
  }

  @Test("HTML matches its golden file")
  func htmlGolden() throws {
    try Golden.check(ReportHTML.render(brief), "report/brief.html")
  }

  @Test("JSON matches its golden file")
  func jsonGolden() throws {
    try Golden.check(ReportJSON.render(brief).rendered() + "\n", "report/brief.json")
  }

  @Test("a brief with no experiments and no reflection matches its golden file")
  func emptySectionsGolden() throws {
    let bare = BriefFixture.brief(reflection: nil, experiments: [])
    try Golden.check(ReportMarkdown.render(bare), "report/bare.md")
  }

  // MARK: - Hand-computed figures (see BriefFixture)
  //
  // These check figures, not wording: a change of prose is the goldens' business, and
  // `scripts/record-golden` takes care of it.

  @Test("the lean line carries the lean computed by hand: +1.31, interval +0.50 to +2.00")
  func leanByHand() throws {
    let markdown = try #require(line(containing: "Lean", in: ReportMarkdown.render(brief)))
    #expect(markdown.contains("+1.31") && markdown.contains("+0.50 to +2.00"), "\(markdown)")
    let html = try #require(line(containing: "Lean", in: ReportHTML.render(brief)))
    #expect(html.contains("+1.31") && html.contains("+0.50 to +2.00"), "\(html)")
  }

  @Test("the period counts by hand: 9 entries, 4 weeks, 3 with marks, 13 marks, 2 private")
  func periodByHand() {
    let sentence = brief.periodSentence
    for figure in ["9 entries", "4 weeks", "3 with marks", "13 marks", "2 private"] {
      #expect(sentence.contains(figure), "\(sentence)")
    }
    #expect(brief.since.iso == "2026-11-02")
    #expect(brief.until.iso == "2026-11-29")
  }

  @Test("the activity table has the rates computed by hand")
  func activityRowsByHand() {
    let markdown = ReportMarkdown.render(brief)
    #expect(markdown.contains("| deep-work | ic | +0.67 | 5 | 1 | 6 |"))
    #expect(markdown.contains("| architecture | ic | +1.00 | 1 | 0 | 1 |"))
    #expect(markdown.contains("| coaching | management | -0.60 | 1 | 4 | 5 |"))
  }

  @Test("user text is escaped: Markdown backslashes, HTML entities, no raw <script>")
  func escaping() {
    let markdown = ReportMarkdown.render(brief)
    #expect(markdown.contains("\\<script\\>"))
    #expect(!markdown.contains("<script>"))
    #expect(markdown.contains("Mentor \\<two\\> \"new\" hires \\| \\*fast\\*"))
    let html = ReportHTML.render(brief)
    #expect(!html.contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
    #expect(html.contains("&lt;b&gt;&quot;ops&quot;&lt;/b&gt;|*on-call*, &amp; more"))
    // Only the first line of a quote is shown.
    #expect(!markdown.contains("Second line is not quoted"))
    #expect(!html.contains("Second line is not quoted"))
  }

  @Test("the JSON parses back, through JSONReader and Foundation, with the documented keys")
  func jsonParsesBack() throws {
    let text = ReportJSON.render(brief).rendered()
    let node = try readJSON(text)
    guard case .object(let members) = node else {
      Issue.record("the report JSON is not an object")
      return
    }
    #expect(
      Set(members.keys) == [
        "period", "entries", "private_entries", "observations", "suggestion", "tracks", "lean",
        "tags", "weeks", "evidence", "experiments", "reflection", "stated_vs_measured",
        "role_shape",
      ])
    #expect(node["entries"]?.int == 9)
    #expect(node["private_entries"]?.int == 2)
    #expect(node["observations"]?.int == 13)
    #expect(node["period"]?["since"]?.string == "2026-11-02")
    #expect(node["lean"]?["value"] == .number(1.3143))
    #expect(node["lean"]?["low"] == .number(0.4955))
    #expect(node["lean"]?["high"] == .number(2))
    #expect(node["weeks"]?.array?.count == 4)
    #expect(node["tags"]?[BriefFixture.hostileTag]?["track"]?.string == "neutral")
    let quote = node["evidence"]?["energized"]?.array?.first?["quotes"]?.array?.first
    #expect(quote?["text"]?.string == BriefFixture.hostileQuote.text)
    #expect(node["reflection"]?["wrong_reasons"] == .array([.string("status")]))

    // Foundation agrees on the shape.
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let suggestion = try #require(object["suggestion"] as? [String: Any])
    #expect(
      Set(suggestion.keys) == [
        "track", "confidence", "confidence_words", "reasons", "under_sampled", "next_experiment",
        "running_experiment",
      ])
    let experiments = try #require(object["experiments"] as? [[String: Any]])
    #expect(experiments.map { $0["title"] as? String } == BriefFixture.experiments.map(\.title))
  }
}

/// The first line of `text` that contains `word`.
func line(containing word: String, in text: String) -> String? {
  text.split(separator: "\n").first { $0.contains(word) }.map(String.init)
}

/// Parses `text` with the interchange's `JSONReader`, from a temporary file.
func readJSON(_ text: String) throws -> JSONNode {
  let folder = try TemporaryDirectory()
  defer { folder.remove() }
  let path = folder.file("value.json")
  try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
  defer { try? handle.close() }
  var reader = JSONReader(fileDescriptor: handle.fileDescriptor, chunkSize: 7)
  let node = try reader.readValue()
  try reader.expectEnd()
  return node
}

@Suite("HTML tag chart: evidence as bar thickness")
struct TagChartThicknessTests {
  /// The `height` of each bar in `svg`, in order.
  static func barHeights(_ svg: String) -> [Double] {
    svg.components(separatedBy: "<rect class=\"bar\"").dropFirst().compactMap { rect in
      guard let start = rect.range(of: "height=\"")?.upperBound else { return nil }
      return Double(rect[start...].prefix { $0 != "\"" })
    }
  }

  @Test("a bar from 1 mark is thinner than one from 10, and 20; 4 + 15 × marks / (marks + 10)")
  func thicknessFollowsMarks() throws {
    let trend = Trend(
      counts: [
        BriefFixture.row(0, "architecture", .ic, 1, 0),
        BriefFixture.row(0, "deep-work", .ic, 10, 0),
        BriefFixture.row(0, "delivery", .management, 0, 20),
      ], from: BriefFixture.first, through: BriefFixture.last)
    let svg = ReportHTML.tagChart(trend).markup
    let heights = Self.barHeights(svg)
    // 4 + 15/11, 4 + 15 × 10/20, 4 + 15 × 20/30.
    #expect(heights.count == 3)
    #expect(abs(heights[0] - (4 + 15.0 / 11)) < 1e-9)
    #expect(heights[1] == 11.5)
    #expect(heights[2] == 14)
    #expect(svg.contains("+1.00 · 1 mark</text>"))
    #expect(svg.contains("-1.00 · 20 marks</text>"))
  }
}
