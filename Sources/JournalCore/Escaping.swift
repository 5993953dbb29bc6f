/// The one escaping loop every output format shares (HTML, Markdown, CSV, JSON, the terminal):
/// it walks Unicode scalars, never `Character`s, so a combining mark after a `>` or a format
/// character before a `<` cannot hide the special scalar inside a grapheme cluster.
extension String {
  /// Appends `text`, replacing each Unicode scalar for which `replacement` returns a string.
  ///
  /// - Parameters:
  ///   - text: The text to append.
  ///   - replacement: What to write instead of a scalar, or `nil` to keep it.
  public mutating func appendEscaping(
    _ text: some StringProtocol, _ replacement: (Unicode.Scalar) -> String?
  ) {
    for scalar in text.unicodeScalars {
      if let replaced = replacement(scalar) {
        self += replaced
      } else {
        unicodeScalars.append(scalar)
      }
    }
  }

  /// `text` with each Unicode scalar for which `replacement` returns a string replaced by it.
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - replacement: What to write instead of a scalar, or `nil` to keep it.
  /// - Returns: The escaped text.
  public static func escaping(
    _ text: some StringProtocol, _ replacement: (Unicode.Scalar) -> String?
  ) -> String {
    var out = ""
    out.appendEscaping(text, replacement)
    return out
  }
}

extension Unicode.Scalar {
  /// Whether the scalar is a line break in any of the senses a renderer or terminal knows:
  /// LF, CR, VT, FF, NEL (U+0085), LINE SEPARATOR and PARAGRAPH SEPARATOR.
  public var isLineBreak: Bool {
    switch value {
    case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
    default: false
    }
  }

  /// Whether the scalar is a control character a terminal acts on: C0 (U+0000–U+001F, ESC
  /// included), DEL (U+007F) or C1 (U+0080–U+009F).
  public var isTerminalControl: Bool {
    value < 0x20 || (0x7F...0x9F).contains(value)
  }
}

extension Format {
  /// ``signed(_:)`` for a figure that may be missing: `-` when there is none.
  ///
  /// - Parameter value: The number, or `nil`.
  /// - Returns: The text.
  public static func signed(_ value: Double?) -> String {
    value.map { signed($0) } ?? "-"
  }

  /// `73%`; never a flat 100% or 0%, which no amount of journaling can justify.
  ///
  /// - Parameter value: A proportion from 0 to 1.
  /// - Returns: The text.
  public static func percent(_ value: Double) -> String {
    if value > 0.99 { return "over 99%" }
    if value < 0.01 { return value == 0 ? "none" : "under 1%" }
    return "\(Int((value * 100).rounded()))%"
  }
}
