/// ANSI styling that disappears when colour is off (piped output, `NO_COLOR`).
struct Style {
  let enabled: Bool

  static var current: Style { Style(enabled: Console.usesColor) }

  func green(_ text: String) -> String { wrap(text, "32") }
  func red(_ text: String) -> String { wrap(text, "31") }
  func dim(_ text: String) -> String { wrap(text, "2") }
  func bold(_ text: String) -> String { wrap(text, "1") }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
