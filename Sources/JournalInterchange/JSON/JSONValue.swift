import JournalCore

/// A JSON document built in code, printed with keys in the order they were given: the trend
/// and report shapes read top-down as the README documents them.
public enum JSONValue: Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case members([Member])

  /// One key and its value in an object.
  public struct Member: Sendable {
    /// The key.
    public let key: String
    /// Its value.
    public let value: JSONValue

    /// `key` with `value`.
    public init(key: String, value: JSONValue) {
      self.key = key
      self.value = value
    }
  }

  /// An object whose keys print in the order given.
  public static func object(_ pairs: [(String, JSONValue)]) -> JSONValue {
    .members(pairs.map { Member(key: $0.0, value: $0.1) })
  }

  /// A rate or figure rounded to four decimals, or null.
  public static func figure(_ value: Double?) -> JSONValue {
    guard let value, value.isFinite else { return .null }
    return .number((value * 10_000).rounded() / 10_000)
  }

  public static func optionalString(_ value: String?) -> JSONValue {
    value.map { .string($0) } ?? .null
  }

  /// The JSON text, pretty-printed with two spaces, or compact when `indent` is `nil`.
  ///
  /// - Parameters:
  ///   - indent: The indentation of the first line, or `nil` for one compact line.
  ///   - encoderCompatible: Lay it out as Foundation's `JSONEncoder` does with sorted keys
  ///     (`"key" : value`, an empty container over two lines, `\b` and `\f` escaped). `list`,
  ///     `show` and `tags` printed through `JSONEncoder` before they moved to this writer, and
  ///     keep its bytes so that scripts comparing their output see no change.
  /// - Returns: The text.
  public func rendered(indent: Int? = 0, encoderCompatible: Bool = false) -> String {
    var output = ""
    write(to: &output, indent: indent, compatible: encoderCompatible)
    return output
  }

  /// The same value with every object's keys in ascending order, at every depth.
  public func sortingKeys() -> JSONValue {
    switch self {
    case .array(let values): .array(values.map { $0.sortingKeys() })
    case .members(let members):
      .members(
        members.sorted { $0.key < $1.key }.map {
          Member(key: $0.key, value: $0.value.sortingKeys())
        })
    default: self
    }
  }

  private func write(to output: inout String, indent: Int?, compatible: Bool) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .int(let value): output += String(value)
    case .number(let value):
      output += value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    case .string(let value): Self.writeString(value, to: &output, compatible: compatible)
    case .array(let values):
      writeContainer(
        values.map { (nil, $0) }, open: "[", close: "]", to: &output, indent: indent,
        compatible: compatible)
    case .members(let members):
      writeContainer(
        members.map { ($0.key, $0.value) }, open: "{", close: "}", to: &output, indent: indent,
        compatible: compatible)
    }
  }

  private func writeContainer(
    _ items: [(String?, JSONValue)], open: String, close: String, to output: inout String,
    indent: Int?, compatible: Bool
  ) {
    guard !items.isEmpty else {
      if compatible, let indent {
        output += open + "\n\n" + String(repeating: " ", count: indent) + close
      } else {
        output += open + close
      }
      return
    }
    output += open
    let inner = indent.map { $0 + 2 }
    for (index, (key, value)) in items.enumerated() {
      if index > 0 { output += "," }
      if let inner { output += "\n" + String(repeating: " ", count: inner) }
      if let key {
        Self.writeString(key, to: &output, compatible: compatible)
        output += indent == nil ? ":" : compatible ? " : " : ": "
      }
      value.write(to: &output, indent: inner, compatible: compatible)
    }
    if let indent { output += "\n" + String(repeating: " ", count: indent) }
    output += close
  }

  private static func writeString(_ value: String, to output: inout String, compatible: Bool) {
    output += "\""
    output.appendEscaping(value) { scalar in
      switch scalar {
      case "\"": "\\\""
      case "\\": "\\\\"
      case "\n": "\\n"
      case "\r": "\\r"
      case "\t": "\\t"
      case "\u{8}" where compatible: "\\b"
      case "\u{C}" where compatible: "\\f"
      case _ where scalar.value < 0x20:
        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
          + String(scalar.value, radix: 16)
      default: nil
      }
    }
    output += "\""
  }
}
