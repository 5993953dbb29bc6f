import JournalCore
import Testing

@testable import JournalInterchange

/// The byte-level JSON and CSV writers (issue 16) against the scalar-by-scalar writers they
/// replaced, kept here as oracles: on seeded random text built from the scalars each format
/// treats specially, and on every Unicode scalar alone, they must give the same bytes.
@Suite("Byte writers: JSONText and CSV.appendField against the scalar writers")
struct ByteWriterTests {
  /// The scalars the formats and the terminal treat specially, with ordinary text around them:
  /// C0 and C1 controls, DEL, every line break `Character.isNewline` knows, quotes, backslash,
  /// commas, formula starts, combining and format characters, and multi-byte text.
  static let alphabet: [Unicode.Scalar] = [
    "a", "Z", "0", " ", ",", "\"", "'", "\\", "/", ";", ":", "=", "+", "-", "@", "~",
    "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{1B}", "\u{1F}",
    "\u{7F}", "\u{80}", "\u{85}", "\u{9B}", "\u{9F}", "\u{A0}", "\u{2028}", "\u{2029}",
    "\u{301}", "\u{200D}", "\u{0600}", "\u{FEFF}", "é", "ß", "漢", "😀", "\u{1F3FD}", "\u{10FFFF}",
  ]

  static func randomString(_ generator: inout SeededRandom) -> String {
    var text = String.UnicodeScalarView()
    for _ in 0..<Int.random(in: 0...16, using: &generator) {
      text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
    }
    return String(text)
  }

  static let seeds: [UInt64] = [1, 2, 3, 0x5EED, 20_261_130]

  /// Every scalar alone, and a few neighbours: exhaustive for the one-scalar case.
  static var everyScalar: [String] {
    (0...0x10FFFF).compactMap { Unicode.Scalar($0) }.map { String(Character($0)) }
  }

  // MARK: - Oracles: the writers before issue 16

  /// `JSONValue.writeString` as it was: scalar by scalar through `appendEscaping`.
  static func oldJSONString(_ value: String, compatible: Bool) -> String {
    var output = "\""
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
    return output + "\""
  }

  /// `CSV.field` as it was, plus the one rule added since: a field that starts with U+FEFF is
  /// quoted (at the start of a file it would read as a byte-order mark).
  static func oldCSVField(_ value: String) -> String {
    guard
      value.unicodeScalars.first == "\u{FEFF}"
        || value.unicodeScalars.contains(where: {
          $0 == "," || $0 == "\"" || Character($0).isNewline
        })
    else { return value }
    var quoted = String.UnicodeScalarView()
    quoted.append("\"")
    for scalar in value.unicodeScalars {
      if scalar == "\"" { quoted.append("\"") }
      quoted.append(scalar)
    }
    quoted.append("\"")
    return String(quoted)
  }

  static func newJSONString(_ value: String, compatible: Bool) -> [UInt8] {
    var output: [UInt8] = []
    JSONText.appendString(value, to: &output, compatible: compatible)
    return output
  }

  // MARK: - JSON

  @Test("JSON strings: the same bytes as the scalar writer", arguments: seeds)
  func jsonStrings(seed: UInt64) {
    var generator = SeededRandom(seed: seed)
    for index in 0..<2_000 {
      let text = Self.randomString(&generator)
      for compatible in [false, true] {
        #expect(
          Self.newJSONString(text, compatible: compatible)
            == Array(Self.oldJSONString(text, compatible: compatible).utf8),
          "seed \(seed), string \(index): \(text.debugDescription)")
      }
    }
  }

  @Test("JSON strings: every Unicode scalar alone")
  func jsonEveryScalar() {
    var mismatches: [String] = []
    for text in Self.everyScalar {
      for compatible in [false, true]
      where Self.newJSONString(text, compatible: compatible)
        != Array(Self.oldJSONString(text, compatible: compatible).utf8)
      {
        mismatches.append(text.debugDescription)
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
  }

  @Test("JSON strings: hand-computed escapes")
  func jsonHandComputed() {
    #expect(
      String(
        decoding: Self.newJSONString("a\"b\\c\n\r\t\u{8}\u{C}\u{1B}\u{7F}é", compatible: false),
        as: UTF8.self)
        == #""a\"b\\c\n\r\t\u0008\u000c\u001b"# + "\u{7F}é\"")
    #expect(
      String(decoding: Self.newJSONString("\u{8}\u{C}\u{0}", compatible: true), as: UTF8.self)
        == #""\b\f\u0000""#)
  }

  @Test("JSON numbers: whole numbers without a fraction, others as Swift prints them")
  func jsonNumbers() {
    func text(_ value: JSONValue) -> String { value.rendered(indent: nil) }
    #expect(text(.int(0)) == "0")
    #expect(text(.int(-42)) == "-42")
    #expect(text(.int(Int.min)) == String(Int.min))
    #expect(text(.int(Int.max)) == String(Int.max))
    #expect(text(.number(2)) == "2")
    #expect(text(.number(-0.0)) == "0")
    #expect(text(.number(0.4167)) == "0.4167")
    #expect(text(.number(1e15)) == "1000000000000000.0")
    #expect(text(.number(1e16)) == "1e+16")
    #expect(text(.number(-3.5)) == "-3.5")
    #expect(text(.figure(0.123456)) == "0.1235")
  }

  // MARK: - CSV

  static func newCSVField(_ value: String, neutralising: Bool = false) -> String {
    var output: [UInt8] = []
    CSV.appendField(value, neutralising: neutralising, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  @Test("CSV fields: the same bytes as the scalar writer, plain and neutralised", arguments: seeds)
  func csvFields(seed: UInt64) {
    var generator = SeededRandom(seed: seed)
    for index in 0..<2_000 {
      let text = Self.randomString(&generator)
      let plain = Self.newCSVField(text)
      #expect(
        Array(plain.utf8) == Array(Self.oldCSVField(text).utf8),
        "seed \(seed), string \(index): \(text.debugDescription)")
      #expect(Array(CSV.field(text).utf8) == Array(plain.utf8))
      let neutralised = Self.newCSVField(text, neutralising: true)
      #expect(
        Array(neutralised.utf8) == Array(Self.oldCSVField(CSV.neutralised(text)).utf8),
        "seed \(seed), string \(index): \(text.debugDescription)")
    }
  }

  @Test("CSV fields: every Unicode scalar alone, and after a formula start")
  func csvEveryScalar() {
    var mismatches: [String] = []
    for scalar in Self.everyScalar {
      for text in [scalar, "=" + scalar, "'" + scalar, scalar + "x"]
      where Array(Self.newCSVField(text, neutralising: true).utf8)
        != Array(Self.oldCSVField(CSV.neutralised(text)).utf8)
      {
        mismatches.append(text.debugDescription)
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
  }

  @Test("CSV rows: hand-computed quoting and neutralising")
  func csvHandComputed() {
    #expect(
      CSV.row(["a", "b,c", "d\"e", "x\u{2028}y", "\u{85}", ""])
        == "a,\"b,c\",\"d\"\"e\",\"x\u{2028}y\",\"\u{85}\",")
    #expect(Self.newCSVField("=1+2", neutralising: true) == "'=1+2")
    #expect(Self.newCSVField("''-x", neutralising: true) == "'''-x")
    #expect(Self.newCSVField("=a,b", neutralising: true) == "\"'=a,b\"")
    #expect(Self.newCSVField("é=x", neutralising: true) == "é=x")
    // A leading U+FEFF is quoted, so a file's first field never reads as a byte-order mark.
    #expect(Self.newCSVField("\u{FEFF}") == "\"\u{FEFF}\"")
    #expect(Self.newCSVField("a\u{FEFF}") == "a\u{FEFF}")
  }

  // MARK: - JSONValue

  /// `JSONValue.write` as it was, on Strings: the layout oracle.
  static func oldRendered(_ value: JSONValue, indent: Int?, compatible: Bool) -> String {
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .number(let number):
      return number == number.rounded() && abs(number) < 1e15
        ? String(Int(number)) : String(number)
    case .string(let text): return oldJSONString(text, compatible: compatible)
    case .array(let values):
      return oldContainer(values.map { (nil, $0) }, "[", "]", indent, compatible)
    case .members(let members):
      return oldContainer(members.map { ($0.key, $0.value) }, "{", "}", indent, compatible)
    }
  }

  static func oldContainer(
    _ items: [(String?, JSONValue)], _ open: String, _ close: String, _ indent: Int?,
    _ compatible: Bool
  ) -> String {
    guard !items.isEmpty else {
      if compatible, let indent {
        return open + "\n\n" + String(repeating: " ", count: indent) + close
      }
      return open + close
    }
    var output = open
    let inner = indent.map { $0 + 2 }
    for (index, (key, value)) in items.enumerated() {
      if index > 0 { output += "," }
      if let inner { output += "\n" + String(repeating: " ", count: inner) }
      if let key {
        output += oldJSONString(key, compatible: compatible)
        output += indent == nil ? ":" : compatible ? " : " : ": "
      }
      output += oldRendered(value, indent: inner, compatible: compatible)
    }
    if let indent { output += "\n" + String(repeating: " ", count: indent) }
    return output + close
  }

  static func randomValue(_ generator: inout SeededRandom, depth: Int) -> JSONValue {
    switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &generator) {
    case 0: return .null
    case 1: return .bool(Bool.random(using: &generator))
    case 2: return .int(Int.random(in: -1_000_000...1_000_000, using: &generator))
    case 3:
      return .number(
        [0.5, -2, 1e15, 1e16, 0.1 + 0.2, 123_456.789, -0.0][
          Int.random(in: 0..<7, using: &generator)])
    case 4: return .string(randomString(&generator))
    case 5:
      return .array(
        (0..<Int.random(in: 0...3, using: &generator)).map { _ in
          randomValue(&generator, depth: depth + 1)
        })
    default:
      return .members(
        (0..<Int.random(in: 0...3, using: &generator)).map { _ in
          JSONValue.Member(
            key: randomString(&generator), value: randomValue(&generator, depth: depth + 1))
        })
    }
  }

  @Test("JSONValue: the same text as the String writer, every layout", arguments: seeds)
  func jsonValues(seed: UInt64) {
    var generator = SeededRandom(seed: seed)
    for index in 0..<500 {
      let value = Self.randomValue(&generator, depth: 0)
      for indent in [nil, 0, 2] as [Int?] {
        for compatible in [false, true] {
          #expect(
            Array(value.rendered(indent: indent, encoderCompatible: compatible).utf8)
              == Array(Self.oldRendered(value, indent: indent, compatible: compatible).utf8),
            "seed \(seed), value \(index), indent \(String(describing: indent))")
        }
      }
    }
  }
}
