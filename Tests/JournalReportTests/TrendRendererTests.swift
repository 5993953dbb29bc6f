import Foundation
import JournalAnalysis
import JournalCore
import JournalIO
import TestSupport
import Testing

@testable import JournalInterchange
@testable import JournalReport

/// The trend's text, JSON and CSV on the hand-made fixture of ``BriefFixture``.
@Suite("TrendRenderer: text with and without colour, JSON and CSV")
struct TrendRendererTests {
  let trend = BriefFixture.trend

  @Test("plain text matches its golden file")
  func plainText() throws {
    let text = TrendRenderer(style: Style(enabled: false)).text(trend, marks: nil)
    try Golden.check(text + "\n", "trend/plain.txt")
  }

  @Test("coloured text with the entries behind the figures matches its golden file")
  func colouredExplained() throws {
    let text = TrendRenderer(style: Style(enabled: true)).text(trend, marks: BriefFixture.marks)
    try Golden.check(text + "\n", "trend/colour-explain.txt")
  }

  @Test("JSON with marks matches its golden file")
  func json() throws {
    try Golden.check(
      TrendRenderer.json(trend, marks: BriefFixture.marks).rendered() + "\n", "trend/trend.json")
  }

  @Test("the streaming writer gives the bytes of the JSON tree, with and without marks")
  func streamedJSONMatchesTree() throws {
    for marks in [nil, BriefFixture.marks] {
      let folder = try TemporaryDirectory()
      defer { folder.remove() }
      let path = folder.file("trend.json")
      let sink = BufferedOutput(file: try AtomicFile.create(at: path, replacing: false))
      var stream = EntryStream(to: sink, chunkSize: 64)
      try TrendRenderer.writeJSON(trend, marks: marks, to: &stream)
      try stream.flush()
      try sink.finish()
      let streamed = String(
        decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
      #expect(streamed == TrendRenderer.json(trend, marks: marks).rendered())
    }
  }

  @Test("CSV matches its golden file")
  func csv() throws {
    try Golden.check(TrendRenderer.csv(trend), "trend/trend.csv")
  }

  @Test("an empty window names its week and says how to log a day")
  func empty() {
    let empty = Trend(counts: [], from: BriefFixture.first, through: BriefFixture.first)
    let text = TrendRenderer(style: Style(enabled: false)).text(empty, marks: nil)
    #expect(text.contains("2026-W45 to 2026-W45"))
    #expect(text.contains("'journal add TEXT -e TAG'"))
  }

  @Test("the lean sentence carries the hand-computed lean, interval, weeks and marks")
  func leanSentence() {
    let sentence = TrendRenderer.leanSentence(BriefFixture.trend)
    for figure in ["+1.31", "+0.50 to +2.00", "3 weeks", "13 marks"] {
      #expect(sentence.contains(figure), "\(sentence)")
    }
  }

  @Test("sparklines: ▁ for -1, █ for +1, · for a gap; colour only when enabled")
  func sparkline() {
    let plain = TrendRenderer(style: Style(enabled: false))
    #expect(plain.sparkline([-1, 0, nil, 1]) == "▁▅·█")
    let colour = TrendRenderer(style: Style(enabled: true))
    #expect(colour.sparkline([-1, nil, 1]) == "\u{1B}[31m▁\u{1B}[0m·\u{1B}[32m█\u{1B}[0m")
  }

  @Test("CSV: the gap week has one row with an empty tag; the hostile tag name is quoted")
  func csvRows() throws {
    let rows = TrendRenderer.csv(trend).split(separator: "\n").map(String.init)
    #expect(rows.contains("2026-W47,2026-11-16,,,0,0,0,,"))
    #expect(rows.contains("2026-W45,2026-11-02,deep-work,ic,2,0,2,1.0,1.5"))
    #expect(
      rows.contains(
        "2026-W45,2026-11-02,\"<b>\"\"ops\"\"</b>|*on-call*, & more\",neutral,1,0,1,1.0,"))
  }
}
