import JournalCore
import Testing

/// ``TerminalText/columns(_:)``: the wcwidth-like rule `list` cuts and aligns by.
@Suite("Terminal columns of text")
struct TerminalWidthTests {
  @Test(
    "hand-counted widths",
    arguments: [
      ("", 0), ("plain ascii", 11), ("café", 4), ("e\u{301}", 1), ("漢字", 4), ("ｆｕｌｌ", 8),
      ("한국어", 6), ("かな", 4), ("😀", 2), ("👩\u{200D}👩\u{200D}👧", 2), ("🇩🇪", 2),
      ("\u{2605}", 1), ("a\u{200B}b", 2), ("\u{240A}", 1), ("Привет", 6),
    ] as [(String, Int)])
  func width(text: String, expected: Int) {
    #expect(TerminalText.columns(text) == expected, "\(text.debugDescription)")
  }

  @Test("a character is at most two columns, and a combining mark alone none")
  func character() {
    #expect(TerminalText.columns(of: "\u{301}") == 0)
    #expect(TerminalText.columns(of: "漢") == 2)
    #expect(TerminalText.columns(of: "a") == 1)
    #expect(TerminalText.columns(of: "👍🏽") == 2)
  }

  @Test("a one-line field shows a tab as one space; a block keeps it")
  func tabs() {
    #expect(TerminalText.line("a\tb") == "a b")
    #expect(TerminalText.columns(TerminalText.line("a\tb")) == 3)
    #expect(TerminalText.block("a\tb\nc") == "a\tb\nc")
  }

  @Test(
    "wrap fills lines word by word and cuts a word wider than the width",
    arguments: [
      ("short line", 20, ["short line"]),
      ("the quick brown fox jumps", 10, ["the quick", "brown fox", "jumps"]),
      ("a  b   c", 3, ["a b", "c"]),
      ("abcdefghij xy", 4, ["abcd", "efgh", "ij", "xy"]),
      ("日本語のテキスト ok", 5, ["日本", "語の", "テキ", "スト", "ok"]),
      ("", 5, [""]),
    ])
  func wrap(_ line: String, _ width: Int, _ expected: [String]) {
    #expect(TerminalText.wrap(line, width: width) == expected)
  }

  @Test("wrap: no piece wider than the width, and the words come back in order")
  func wrapProperty() {
    var random = SeededRandom(seed: 14)
    let words = ["a", "ab", "abcdefghijklmno", "日本", "é", "x\u{301}", "😀", "-", "…"]
    for _ in 0..<2_000 {
      let count = Int.random(in: 0...12, using: &random)
      let line = (0..<count).map { _ in
        words[Int.random(in: 0..<words.count, using: &random)]
      }.joined(separator: Bool.random(using: &random) ? " " : "  ")
      let width = Int.random(in: 2...16, using: &random)
      let pieces = TerminalText.wrap(line, width: width)
      #expect(pieces.allSatisfy { TerminalText.columns($0) <= width }, "\(line) at \(width)")
      let original = line.split(separator: " ").joined()
      #expect(pieces.joined().replacingSpaces() == original, "\(line) at \(width)")
    }
  }
}

extension String {
  fileprivate func replacingSpaces() -> String { split(separator: " ").joined() }
}
