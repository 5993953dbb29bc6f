import JournalCore
import JournalInterchange
import Testing

@testable import JournalReport

/// The escapers over random text that mixes combining marks, format characters, line breaks,
/// controls and every character some format gives meaning to; each checked with an
/// independent un-escaper written here, on Unicode scalars.
@Suite("Escaping properties")
struct EscapingPropertyTests {
  static let pieces: [String] = [
    "<", ">", "&", "\"", "'", "\\", "`", "*", "_", "[", "]", "|", "#", "~", "-", "+", "=", "@",
    ".", ")", "1", ",", "\n", "\r", "\r\n", "\t", "\u{301}", "\u{200D}", "\u{600}", "\u{202E}",
    "\u{1B}", "\u{7}", "\u{7F}", "\u{9B}", "\u{85}", "\u{2028}", "a", "b", " ", "é", "👩‍💻",
    "<img src=x onerror=alert(1)>", "&amp;",
  ]

  static func samples(seed: UInt64, count: Int = 400) -> [String] {
    var random = SeededRandom(seed: seed)
    return (0..<count).map { _ in
      (0..<(1 + Int(random.next() % 12))).map { _ in random.pick(pieces) }.joined()
    }
  }

  /// HTML's five entities back to their characters, on scalars.
  static func unescapeHTML(_ markup: String) -> String? {
    var out = ""
    var rest = Substring(markup)
    while let first = rest.unicodeScalars.first {
      if first == "&" {
        let entities = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'"]
        guard
          let (entity, text) = entities.first(where: {
            rest.unicodeScalars.starts(with: $0.key.unicodeScalars)
          })
        else { return nil }
        out += text
        rest = Substring(rest.unicodeScalars.dropFirst(entity.unicodeScalars.count))
      } else {
        if first == "<" || first == ">" || first == "\"" || first == "'" { return nil }
        out.unicodeScalars.append(first)
        rest = Substring(rest.unicodeScalars.dropFirst())
      }
    }
    return out
  }

  @Test("HTML: no raw special scalar, and the entities give the text back")
  func html() {
    for text in Self.samples(seed: 12) {
      let markup: HTML = "<p>\(text)</p>"
      let inner = String(
        String.UnicodeScalarView(markup.markup.unicodeScalars.dropFirst(3).dropLast(4)))
      #expect(Self.unescapeHTML(inner) == text, "\(text.debugDescription)")
      #expect(!markup.markup.unicodeScalars.dropFirst(3).dropLast(4).contains("<"))
    }
  }

  @Test("Markdown: every special scalar is backslash-escaped, one line, text given back")
  func markdown() {
    let specials = Set("\\`*_[]<>|#&~".unicodeScalars)
    for text in Self.samples(seed: 13) {
      let listItem: Markdown = "- \(text)"
      for source in [Markdown(line: text).source, listItem.source] {
        let breaks = source.unicodeScalars.contains(where: \.isLineBreak)
        #expect(!breaks, "\(text.debugDescription)")
        var unescaped = String.UnicodeScalarView()
        var escaped = false
        for scalar in source.unicodeScalars {
          if escaped {
            unescaped.append(scalar)
            escaped = false
          } else if scalar == "\\" {
            escaped = true
          } else {
            #expect(!specials.contains(scalar), "\(text.debugDescription) → \(source)")
            unescaped.append(scalar)
          }
        }
        let expected = String.escaping(text) { $0.isLineBreak ? " " : nil }
        let back = String(unescaped)
        let withoutBullet = String(String.UnicodeScalarView(back.unicodeScalars.dropFirst(2)))
        let matches = back == expected || withoutBullet == expected
        #expect(matches, "\(text.debugDescription) → \(source)")
      }
    }
  }

  @Test("CSV: a neutralised, quoted field reads back as the same text")
  func csv() {
    for text in Self.samples(seed: 14) {
      let field = CSV.field(CSV.neutralised(text))
      var cell = field
      if field.unicodeScalars.first == "\"" {
        var undoubled = String.UnicodeScalarView()
        var previousQuote = false
        for scalar in field.unicodeScalars.dropFirst().dropLast() {
          if scalar == "\"" && previousQuote {
            previousQuote = false
            continue
          }
          previousQuote = scalar == "\""
          undoubled.append(scalar)
        }
        cell = String(undoubled)
      } else {
        let special: Set<Unicode.Scalar> = [",", "\"", "\n", "\r"]
        let bare = !field.unicodeScalars.contains(where: special.contains)
        #expect(bare, "\(text.debugDescription)")
      }
      let first: Unicode.Scalar = cell.unicodeScalars.first ?? "a"
      let formula: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
      #expect(!formula.contains(first))
      #expect(CSV.textValue(cell) == text, "\(text.debugDescription)")
    }
    #expect(CSV.neutralised("-1") == "'-1")
    #expect(CSV.neutralised("'=x") == "''=x")
    #expect(CSV.textValue("''=x") == "'=x")
    #expect(CSV.textValue("'plain") == "'plain")
  }

  @Test("terminal text: no control scalar survives, line feeds only in a block")
  func terminal() {
    for text in Self.samples(seed: 15) {
      #expect(
        !TerminalText.line(text).unicodeScalars.contains { $0.isTerminalControl && $0 != "\t" })
      #expect(
        !TerminalText.block(text).unicodeScalars.contains {
          $0.isTerminalControl && $0 != "\t" && $0 != "\n"
        })
      let interpolated: TerminalText = "x \(text)"
      #expect(!interpolated.text.unicodeScalars.contains("\u{1B}"))
    }
  }
}
