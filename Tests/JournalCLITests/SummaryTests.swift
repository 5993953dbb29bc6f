import JournalCore
import Testing

@testable import JournalCLI

/// `list`'s one-scan summary (issue 16), measured in terminal columns (issue 14), against a
/// plain reading of what it should show, on seeded random text: mostly ASCII (the byte path),
/// and with the scalars that join or break characters or take two columns (the `Character`
/// path).
@Suite("EntryRenderer.summary: the first line, cut to a number of terminal columns")
struct SummaryTests {
  /// The first line (up to a `Character` that is a newline) when it fits in `limit` columns,
  /// with ` …` when more lines follow and that fits too; else its longest run of whole
  /// characters within `limit - 1` columns and `…`. Controls shown by `TerminalText.line`.
  static func oracle(_ text: String, limit: Int) -> String {
    let firstLine = text.prefix { !$0.isNewline }
    let more = firstLine.endIndex < text.endIndex
    let width = firstLine.reduce(0) { $0 + TerminalText.columns(of: $1) }
    if width + (more ? 2 : 0) <= limit {
      return TerminalText.line(firstLine) + (more ? " …" : "")
    }
    var kept = 0
    var keptWidth = 0
    for character in firstLine {
      let columns = TerminalText.columns(of: character)
      if keptWidth + columns > limit - 1 { break }
      keptWidth += columns
      kept += 1
    }
    return TerminalText.line(firstLine.prefix(kept)) + "…"
  }

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
        let expected = Self.oracle(text, limit: limit)
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
    // Two columns each: 12 do not fit in 10, so 4 (8 columns) and the ellipsis.
    #expect(summary("漢字漢字漢字") == "漢字漢字…")
    #expect(summary("ab漢字漢字漢") == "ab漢字漢…")
    #expect(summary("ab漢字漢字") == "ab漢字漢字")
    #expect(summary("😀😀😀😀😀😀") == "😀😀😀😀…")
    // A first line that fits, but not with " …" after it: cut.
    #expect(summary("exactly10!\nmore") == "exactly10…")
    #expect(summary("nine char\nmore") == "nine char…")
    #expect(summary("eight ch\nmore") == "eight ch …")
  }
}
