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
}
