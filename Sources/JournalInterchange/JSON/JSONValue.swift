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
    var output: [UInt8] = []
    write(to: &output, indent: indent, compatible: encoderCompatible)
    return String(decoding: output, as: UTF8.self)
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

  /// Appends the JSON text to `output`, as ``rendered(indent:encoderCompatible:)`` returns it.
  ///
  /// - Parameters:
  ///   - output: The bytes written so far.
  ///   - indent: The indentation of the first line, or `nil` for one compact line.
  ///   - compatible: `JSONEncoder`'s layout (see ``rendered(indent:encoderCompatible:)``).
  public func write(to output: inout [UInt8], indent: Int?, compatible: Bool) {
    switch self {
    case .null: JSONText.append("null", to: &output)
    case .bool(let value): JSONText.append(value ? "true" : "false", to: &output)
    case .int(let value): JSONText.appendInt(Int64(value), to: &output)
    case .number(let value): JSONText.appendNumber(value, to: &output)
    case .string(let value): JSONText.appendString(value, to: &output, compatible: compatible)
    case .array(let values):
      writeContainer(
        values.map { (nil, $0) }, open: 0x5B, close: 0x5D, to: &output, indent: indent,
        compatible: compatible)
    case .members(let members):
      writeContainer(
        members.map { ($0.key, $0.value) }, open: 0x7B, close: 0x7D, to: &output, indent: indent,
        compatible: compatible)
    }
  }

  private func writeContainer(
    _ items: [(String?, JSONValue)], open: UInt8, close: UInt8, to output: inout [UInt8],
    indent: Int?, compatible: Bool
  ) {
    guard !items.isEmpty else {
      output.append(open)
      if compatible, let indent {
        output.append(contentsOf: [0x0A, 0x0A])
        output.append(contentsOf: repeatElement(0x20, count: indent))
      }
      output.append(close)
      return
    }
    output.append(open)
    let inner = indent.map { $0 + 2 }
    for (index, (key, value)) in items.enumerated() {
      if index > 0 { output.append(0x2C) }
      if let inner {
        output.append(0x0A)
        output.append(contentsOf: repeatElement(0x20, count: inner))
      }
      if let key {
        JSONText.appendString(key, to: &output, compatible: compatible)
        JSONText.append(indent == nil ? ":" : compatible ? " : " : ": ", to: &output)
      }
      value.write(to: &output, indent: inner, compatible: compatible)
    }
    if let indent {
      output.append(0x0A)
      output.append(contentsOf: repeatElement(0x20, count: indent))
    }
    output.append(close)
  }
}

/// JSON text written as UTF-8 bytes: what ``JSONValue`` prints, and what the streaming export
/// writes without building a ``JSONValue`` per row. Strings are scanned byte by byte and each
/// run that needs no escape is copied in one append: appending one Unicode scalar at a time
/// took 65% of `export --format json` on 1,000,000 entries (issue 16, 2026-11). On bytes this
/// is exact: every byte JSON escapes is ASCII, and no byte of a multi-byte UTF-8 sequence is
/// below 0x80.
public enum JSONText {
  /// Appends the bytes of `literal`, written in the source.
  ///
  /// - Parameters:
  ///   - literal: The text.
  ///   - output: The bytes written so far.
  @inline(__always)
  public static func append(_ literal: StaticString, to output: inout [UInt8]) {
    output.append(
      contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }

  /// Appends `text` as a JSON string, quotes included.
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - output: The bytes written so far.
  ///   - compatible: Escape backspace and form feed as `\b` and `\f`, as `JSONEncoder` does;
  ///     otherwise they are `\u0008` and `\u000c`.
  public static func appendString(_ text: String, to output: inout [UInt8], compatible: Bool) {
    var text = text
    text.withUTF8 { appendString($0, to: &output, compatible: compatible) }
  }

  /// Appends valid UTF-8 `bytes` as a JSON string, quotes included: `"` and `\` are escaped,
  /// line feed, carriage return and tab as `\n`, `\r`, `\t`, every other byte below 0x20 as
  /// `\u00xx` (lower-case hex); everything else, DEL and non-ASCII included, as it is.
  ///
  /// - Parameters:
  ///   - bytes: Valid UTF-8 (a Swift string's, or text the store checked).
  ///   - output: The bytes written so far.
  ///   - compatible: Escape backspace and form feed as `\b` and `\f`.
  public static func appendString(
    _ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], compatible: Bool
  ) {
    output.append(0x22)
    var run = 0
    for index in bytes.indices {
      let byte = bytes[index]
      guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
      if run < index {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
      }
      run = index + 1
      switch byte {
      case 0x22: append("\\\"", to: &output)
      case 0x5C: append("\\\\", to: &output)
      case 0x0A: append("\\n", to: &output)
      case 0x0D: append("\\r", to: &output)
      case 0x09: append("\\t", to: &output)
      case 0x08 where compatible: append("\\b", to: &output)
      case 0x0C where compatible: append("\\f", to: &output)
      default:
        append("\\u00", to: &output)
        output.append(hexDigit(byte >> 4))
        output.append(hexDigit(byte & 0xF))
      }
    }
    if run < bytes.count {
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
    }
    output.append(0x22)
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? 0x30 + value : 0x61 + value - 10
  }

  /// Appends the decimal digits of `value`, with a `-` when it is negative.
  ///
  /// - Parameters:
  ///   - value: The number.
  ///   - output: The bytes written so far.
  public static func appendInt(_ value: Int64, to output: inout [UInt8]) {
    // Most numbers written are one or two digits (a week's counts, an energy): directly, they
    // skip the digit buffer (7% of an all-history `trend --format json`, callgrind 2026-11-30).
    switch value {
    case 0..<10:
      output.append(0x30 + UInt8(value))
      return
    case 10..<100:
      output.append(0x30 + UInt8(value / 10))
      output.append(0x30 + UInt8(value % 10))
      return
    default:
      break
    }
    if value < 0 { output.append(0x2D) }
    // The magnitude as unsigned: Int64.min has none as a signed number.
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: UInt64.max has 20 digits
    withUnsafeMutableBytes(of: &digits) { buffer in
      var start = buffer.count
      repeat {
        start -= 1
        buffer[start] = 0x30 + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
    }
  }

  /// Appends a number: a whole one below 10^15 without a fraction (`2`, not `2.0`), any other
  /// as Swift's shortest round-tripping form (`0.4167`, `1e+16`). NaN and the infinities have
  /// no JSON form: they are written `null`, as ``JSONValue/figure(_:)`` makes them, never
  /// Swift's `nan` or `inf`, which no JSON reader accepts.
  ///
  /// - Parameters:
  ///   - value: The number.
  ///   - output: The bytes written so far.
  public static func appendNumber(_ value: Double, to output: inout [UInt8]) {
    guard value.isFinite else { return append("null", to: &output) }
    if value == value.rounded() && abs(value) < 1e15 {
      appendInt(Int64(value), to: &output)
    } else {
      output.append(contentsOf: String(value).utf8)
    }
  }
}
