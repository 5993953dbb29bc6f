/// ANSI styling that disappears when colour is off (piped output, `NO_COLOR`).
public struct Style: Sendable {
  /// Whether the escapes are written at all.
  public let enabled: Bool

  /// A style that colours when `enabled`.
  public init(enabled: Bool) {
    self.enabled = enabled
  }

  /// Green: energized.
  public func green(_ text: String) -> String { wrap(text, "32") }
  /// Red: drained.
  public func red(_ text: String) -> String { wrap(text, "31") }
  /// Faint: secondary detail.
  public func dim(_ text: String) -> String { wrap(text, "2") }
  /// Bold: headings.
  public func bold(_ text: String) -> String { wrap(text, "1") }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
