/// Measuring and wrapping text in terminal columns, for the tables that must fit a terminal's
/// width (`trend`, `trend --by-role`; issue 14).
public enum TerminalLayout {
  /// The narrowest width a table is laid out for: a narrower `COLUMNS` gets this layout (the
  /// trend's fixed columns, a 16-column name and an 11-column sparkline need 66).
  public static let minimumWidth = 66

  /// The columns `text` takes on a terminal: two for an East Asian wide or fullwidth character
  /// or an emoji, one for any other character (combining marks ride on their base character).
  /// `text` holds no colour codes.
  ///
  /// - Parameter text: Plain text.
  /// - Returns: Its width in columns.
  public static func columns(_ text: some StringProtocol) -> Int {
    text.reduce(0) { sum, character in
      sum + (character.unicodeScalars.first.map(isWide) == true ? 2 : 1)
    }
  }

  /// Whether `scalar` is wide (East Asian Width W or F, the common ranges).
  static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      true
    default: false
    }
  }

  /// `text` padded with spaces after it to `width` columns.
  static func padded(_ text: String, to width: Int) -> String {
    let used = columns(text)
    return used >= width ? text : text + String(repeating: " ", count: width - used)
  }

  /// `text` broken at spaces into lines of at most `width` columns, continuation lines after
  /// `indent` spaces. A word is never split (a number stays whole); a single word wider than
  /// the line gets a line of its own.
  ///
  /// - Parameters:
  ///   - text: One paragraph of plain text.
  ///   - width: The terminal's width.
  ///   - indent: Spaces before every line but the first.
  /// - Returns: The lines.
  public static func wrap(_ text: String, width: Int, indent: Int = 0) -> [String] {
    var lines: [String] = []
    var line = ""
    var used = 0
    let margin = String(repeating: " ", count: indent)
    for word in text.split(separator: " ") {
      let size = columns(word)
      if used == 0 {
        line = (lines.isEmpty ? "" : margin) + word
        used = (lines.isEmpty ? 0 : indent) + size
      } else if used + 1 + size > width {
        lines.append(line)
        line = margin + word
        used = indent + size
      } else {
        line += " " + word
        used += 1 + size
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}
