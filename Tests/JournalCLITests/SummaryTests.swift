import JournalCore
import Testing

@testable import JournalCLI

/// `list`'s one-scan summary (issue 16) against what it replaced,
/// `TerminalText.line(text.firstLineSummary(limit:))`, on seeded random text: mostly ASCII (the
/// byte path), and with the scalars that join or break characters (the `Character` path).
@Suite("EntryRenderer.summary: the text of firstLineSummary and TerminalText.line")
struct SummaryTests {
  static let ascii: [Unicode.Scalar] = [
    "a", "b", "Z", "0", " ", ",", "\"", "'", "=", "\t", "\n", "\r", "\u{0}", "\u{B}", "\u{C}",
    "\u{1B}", "\u{7F}",
  ]
  static let other: [Unicode.Scalar] = [
    "\u{80}", "\u{85}", "\u{9B}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{301}", "\u{200D}",
    "\u{0600}", "é", "漢", "😀", "\u{1F3FD}", "\u{1F1E9}", "\u{1F1EA}",
  ]

  static func randomString(_ generator: inout SeededRandom, otherShare: Int) -> String {
    var text = String.UnicodeScalarView()
    for _ in 0..<Int.random(in: 0...90, using: &generator) {
      // Mostly letters, so that long first lines are common.
      let pick = Int.random(in: 0..<100, using: &generator)
      if pick < otherShare {
        text.append(other[Int.random(in: 0..<other.count, using: &generator)])
      } else if pick < otherShare + 10 {
        text.append(ascii[Int.random(in: 0..<ascii.count, using: &generator)])
      } else {
        text.append("x")
      }
    }
    return String(text)
  }

  @Test("the same line on random text", arguments: [0, 1, 5, 30])
  func random(otherShare: Int) {
    var generator = SeededRandom(seed: UInt64(1_000 + otherShare))
    for index in 0..<3_000 {
      var text = Self.randomString(&generator, otherShare: otherShare)
      for limit in [1, 2, 5, 12, 60] {
        let expected = TerminalText.line(text.firstLineSummary(limit: limit))
        let actual = text.withUTF8 { EntryRenderer.summary($0, limit: limit) }
        #expect(actual == expected, "string \(index), limit \(limit): \(text.debugDescription)")
        #expect(Array(actual.utf8) == Array(expected.utf8))
      }
    }
  }

  @Test("hand-computed lines")
  func handComputed() {
    func summary(_ text: String, _ limit: Int = 10) -> String {
      var text = text
      return text.withUTF8 { EntryRenderer.summary($0, limit: limit) }
    }
    #expect(summary("short") == "short")
    #expect(summary("exactly10!") == "exactly10!")
    #expect(summary("eleven char") == "eleven ch…")
    #expect(summary("two\r\nlines") == "two …")
    #expect(summary("\nleading") == " …")
    #expect(summary("esc\u{1B}[0m") == "esc␛[0m")
    #expect(summary("café au lait") == "café au l…")
    #expect(
      summary("e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}")
        == "e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}")
    #expect(summary("c1\u{9B}x\u{2028}y") == "c1\u{FFFD}x …")
  }
}
