/// Text for a person's terminal. Literals are written as they are (the program's own words and
/// its colours); every interpolated `String` has its control characters replaced by a visible
/// form, so no entry, tag or title can move the cursor, set the window title, write the
/// clipboard (OSC 52), clear the screen or plant a hyperlink:
/// - C0 (U+0000–U+001F, ESC included) becomes its Control Picture (`␛` U+241B, `␇` U+2407,
///   `␍` U+240D, `␊` U+240A…); a tab stays a tab, and a line feed stays one only in
///   ``block(_:)`` (for `show`'s whole text), never in a one-line field;
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

  /// The visible form of a control scalar, or `nil` for one that is not a control.
  static func visible(_ scalar: Unicode.Scalar, keepingLineFeed: Bool) -> String? {
    switch scalar.value {
    case 0x09: nil
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
