/// "1 entry", "2 entries": a count with the word that agrees with it.
public enum Plural {
  /// `number` followed by `one` when it is 1, else by `many`.
  ///
  /// - Parameters:
  ///   - number: The count.
  ///   - one: The singular form.
  ///   - many: The plural form.
  /// - Returns: For example "1 mark" or "3 marks".
  public static func count(_ number: Int, _ one: String, _ many: String) -> String {
    "\(number) \(number == 1 ? one : many)"
  }
}

/// Numbers as the journal prints them: one formatter for the analysis, the report and the CLI.
public enum Format {
  /// `+0.42`, `-0.10`, `0.00`: two decimals with a sign.
  ///
  /// - Parameter value: The number.
  /// - Returns: The text.
  public static func signed(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let sign = hundredths > 0 ? "+" : hundredths < 0 ? "-" : ""
    let magnitude = abs(hundredths)
    let fraction = magnitude % 100
    return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }

  /// `0.10`: a size, two decimals without a sign (the magnitude of `value`).
  ///
  /// - Parameter value: The number.
  /// - Returns: The text.
  public static func unsigned(_ value: Double) -> String {
    let text = signed(abs(value))
    return text.hasPrefix("+") ? String(text.dropFirst()) : text
  }

  /// `+0.42 to +0.93`: an interval's ends, each as ``signed(_:)`` writes it.
  ///
  /// - Parameters:
  ///   - low: The lower end.
  ///   - high: The upper end.
  /// - Returns: The text.
  public static func range(_ low: Double, _ high: Double) -> String {
    "\(signed(low)) to \(signed(high))"
  }
}

extension Array where Element == String {
  /// The items as a list in a sentence: "a", "a and b", "a, b and c"; with `serialComma`,
  /// "a, b, and c" (for items long enough to need it).
  ///
  /// - Parameters:
  ///   - conjunction: The word before the last item: "and", "or".
  ///   - serialComma: Whether a comma also comes before the conjunction of three or more.
  /// - Returns: The list; empty for no items.
  public func listed(_ conjunction: String = "and", serialComma: Bool = false) -> String {
    guard let last, count > 1 else { return last ?? "" }
    let comma = serialComma && count > 2 ? "," : ""
    return dropLast().joined(separator: ", ") + "\(comma) \(conjunction) " + last
  }
}

extension String {
  /// The string with spaces before it up to `width` characters.
  public func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }

  /// The string with spaces after it up to `width` characters.
  public func rightPadded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}

extension Day {
  /// "Mon" … "Sun", the weekday's English abbreviation.
  public var weekdayAbbreviation: String {
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekday - 1]
  }
}

extension Entry {
  /// `+2`, `0`, `-1`, or blank when not given: an overall energy as the journal prints it.
  public static func energyLabel(_ value: Int?) -> String {
    guard let value else { return "" }
    return value > 0 ? "+\(value)" : "\(value)"
  }
}

extension TagMark {
  /// `+deep-work`, `-delivery`, `~admin` (`~`: logged without a feeling).
  public var label: String {
    switch mark {
    case .energized: "+" + name
    case .drained: "-" + name
    case .logged: "~" + name
    }
  }
}

extension String {
  /// The first line, cut to `limit` characters with an ellipsis; ` …` marks more lines.
  public func firstLineSummary(limit: Int) -> String {
    let firstLine = prefix { !$0.isNewline }
    let more = firstLine.count < count
    if firstLine.count > limit { return firstLine.prefix(limit - 1) + "…" }
    return String(firstLine) + (more ? " …" : "")
  }
}
