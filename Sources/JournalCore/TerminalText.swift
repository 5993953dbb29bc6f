/// Text for a person's terminal. Literals are written as they are (the program's own words and
/// its colours); every interpolated `String` has its control characters replaced by a visible
/// form, so no entry, tag or title can move the cursor, set the window title, write the
/// clipboard (OSC 52), clear the screen or plant a hyperlink:
/// - C0 (U+0000–U+001F, ESC included) becomes its Control Picture (`␛` U+241B, `␇` U+2407,
///   `␍` U+240D, `␊` U+240A…); a tab and a line feed stay what they are only in
///   ``block(_:)`` (for `show`'s whole text); in a one-line field a tab becomes one space,
///   so the field is exactly as wide as ``columns(_:)`` counts (a tab would move to the
///   terminal's next tab stop, up to 8 columns, and break the list's columns);
/// - DEL (U+007F) becomes `␡` (U+2421);
/// - C1 (U+0080–U+009F, CSI and OSC's 8-bit forms among them) becomes U+FFFD `�`.
///
/// JSON output does not go through this: it escapes controls as `\u001b` and keeps the text.
public struct TerminalText: Sendable, Equatable, CustomStringConvertible,
  ExpressibleByStringInterpolation
{
  /// The text, safe to write to a terminal.
  public private(set) var text: String

  public var description: String { text }

  /// Words written in the source.
  public init(stringLiteral value: String) {
    text = value
  }

  public init(stringInterpolation: Interpolation) {
    text = stringInterpolation.text
  }

  /// One line of `text` (a field of a list or a title): every control character visible.
  ///
  /// - Parameter text: Text from the journal or the user.
  /// - Returns: The text with its controls replaced.
  public static func line(_ text: some StringProtocol) -> String {
    String.escaping(text) { visible($0, keepingLineFeed: false) }
  }

  /// A block of `text` (an entry's whole text): line feeds kept, every other control visible.
  ///
  /// - Parameter text: Text from the journal or the user.
  /// - Returns: The text with its controls replaced.
  public static func block(_ text: some StringProtocol) -> String {
    String.escaping(text) { visible($0, keepingLineFeed: true) }
  }

  /// `line` (already shown by ``line(_:)``) broken at spaces into lines of at most `width`
  /// columns, for `list --full` on a terminal: a line that fits is kept as it is; a longer one
  /// is filled word by word (runs of spaces at a break are dropped), and a word wider than
  /// `width` is cut into pieces that fit.
  ///
  /// - Parameters:
  ///   - line: One line of text, without line breaks.
  ///   - width: The columns available; at least 1.
  /// - Returns: One or more lines, none wider than `width` (but a single character wider
  ///   than a width of 1).
  public static func wrap(_ line: String, width: Int) -> [String] {
    let width = max(1, width)
    guard columns(line) > width else { return [line] }
    var lines: [String] = []
    var current = ""
    var currentWidth = 0
    func finish() {
      if !current.isEmpty { lines.append(current) }
      current = ""
      currentWidth = 0
    }
    for word in line.split(separator: " ") {
      let wordWidth = columns(word)
      if currentWidth > 0 && currentWidth + 1 + wordWidth <= width {
        current += " " + word
        currentWidth += 1 + wordWidth
        continue
      }
      finish()
      if wordWidth <= width {
        current = String(word)
        currentWidth = wordWidth
        continue
      }
      for character in word {
        let characterWidth = columns(of: character)
        if currentWidth + characterWidth > width { finish() }
        current.append(character)
        currentWidth += characterWidth
      }
    }
    finish()
    return lines.isEmpty ? [""] : lines
  }

  /// How many terminal columns `text` takes once shown by ``line(_:)``: ``columns(of:)`` of
  /// each character.
  ///
  /// - Parameter text: The text, as it is shown (its controls already visible).
  /// - Returns: The width in columns.
  public static func columns(_ text: some StringProtocol) -> Int {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
    return text.reduce(0) { $0 + columns(of: $1) }
  }

  /// How many terminal columns `character` takes, by a wcwidth-like rule: each scalar counts
  /// 0 when it is a combining or enclosing mark or a format character (a zero-width joiner,
  /// a variation selector), 2 when it is East Asian Wide or Fullwidth (Hangul, CJK, kana,
  /// fullwidth forms) or shown as an emoji by default, else 1; a character takes the sum, at
  /// most 2 (an emoji sequence joined with U+200D is one glyph). Ambiguous-width scalars
  /// (`★`, Cyrillic in some fonts) count 1, as terminals outside East Asian locales draw them.
  ///
  /// - Parameter character: One character.
  /// - Returns: 0, 1 or 2.
  public static func columns(of character: Character) -> Int {
    var width = 0
    for scalar in character.unicodeScalars {
      width += columns(ofScalar: scalar)
    }
    return min(width, 2)
  }

  private static func columns(ofScalar scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x300 { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if scalar.properties.isEmojiPresentation { return 2 }
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
      0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
      0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return 2
    default: return 1
    }
  }

  /// The visible form of a control scalar, or `nil` for one that is not a control.
  static func visible(_ scalar: Unicode.Scalar, keepingLineFeed: Bool) -> String? {
    switch scalar.value {
    case 0x09: keepingLineFeed ? nil : " "
    case 0x0A where keepingLineFeed: nil
    case 0x00..<0x20: Unicode.Scalar(0x2400 + scalar.value).map { String($0) }
    case 0x7F: "\u{2421}"
    case 0x80...0x9F: "\u{FFFD}"
    default: nil
    }
  }

  /// Builds terminal text from literal words and interpolations with their controls replaced.
  public struct Interpolation: StringInterpolationProtocol {
    var text = ""

    public init(literalCapacity: Int, interpolationCount: Int) {
      text.reserveCapacity(literalCapacity * 2)
    }

    public mutating func appendLiteral(_ literal: String) {
      text += literal
    }

    /// Text from the journal or the user, as one line.
    public mutating func appendInterpolation(_ value: some StringProtocol) {
      text += TerminalText.line(value)
    }

    /// Terminal text, as it is.
    public mutating func appendInterpolation(_ value: TerminalText) {
      text += value.text
    }

    /// A whole number's digits.
    public mutating func appendInterpolation(_ number: Int) {
      text += String(number)
    }
  }
}
