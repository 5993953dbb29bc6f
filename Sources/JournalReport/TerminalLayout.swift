import JournalCore

/// Measuring and wrapping text in terminal columns, for the tables that must fit a terminal's
/// width (`trend`, `trend --by-role`; issue 14).
public enum TerminalLayout {
  /// The narrowest width a table is laid out for: a narrower `COLUMNS` gets this layout (the
  /// trend's fixed columns, a 16-column name and an 11-column sparkline need 66).
  public static let minimumWidth = 66

  /// The columns `text` takes on a terminal, as `list` measures them
  /// (``TerminalText/columns(_:)``: wide East Asian characters and emoji two, combining marks
  /// none), so a role name measures the same in `trend --by-role` as in `list`. `text` holds
  /// no colour codes.
  ///
  /// - Parameter text: Plain text.
  /// - Returns: Its width in columns.
  public static func columns(_ text: some StringProtocol) -> Int {
    TerminalText.columns(text)
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
