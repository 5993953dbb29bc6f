import Testing

@testable import JournalInterchange

@Suite("JSONReader: the streaming JSON parser")
struct JSONReaderTests {
  @Test("objects, arrays, nesting, numbers and literals", arguments: [1, 3, 4096])
  func document(chunkSize: Int) throws {
    let text = """
       { "a": [1, -2.5e3, 0.125, true, false, null],
        "b": {"c": "d", "e": {}, "f": []},
        "g": -0, "h": 1E2 , "i": 123456789012 }\t\r\n
      """
    #expect(
      try parseJSON(text, chunkSize: chunkSize)
        == .object([
          "a": .array([
            .number(1), .number(-2500), .number(0.125), .bool(true), .bool(false), .null,
          ]),
          "b": .object(["c": .string("d"), "e": .object([:]), "f": .array([])]),
          "g": .number(0), "h": .number(100), "i": .number(123_456_789_012),
        ]))
  }

  @Test("strings: every escape, \\u in both cases, surrogate pairs and raw UTF-8")
  func strings() throws {
    let text = #""q\" b\\ s\/ \b\f\n\r\t \u00e9\u00E9 \u20AC \ud83d\ude00 raw é😀 \u0000""#
    #expect(
      try parseJSON(text)
        == .string("q\" b\\ s/ \u{8}\u{C}\n\r\t éé € 😀 raw é😀 \u{0}"))
    #expect(try parseJSON(#""""#) == .string(""))
  }

  @Test("the accessors: int only for whole numbers, string, bool, array, subscript")
  func accessors() throws {
    let node = try parseJSON(#"{"n": 3, "x": 3.5, "s": "t", "b": true, "l": [1], "z": null}"#)
    #expect(node["n"]?.int == 3)
    #expect(node["x"]?.int == nil)
    #expect(node["s"]?.string == "t")
    #expect(node["b"]?.bool == true)
    #expect(node["l"]?.array == [.number(1)])
    #expect(node["z"]?.isNull == true)
    #expect(node["missing"] == nil)
    #expect(node["s"]?["t"] == nil)
  }

  @Test("readObject and readArray stream members; skipValue skips a whole nested value")
  func streaming() throws {
    let text = #"{"skip": {"deep": [1, {"x": "}]"}], "y": null}, "keep": ["a", "b"], "last": 2}"#
    var kept: [String] = []
    var keys: [String] = []
    try withJSONReader(text) { reader in
      try reader.readObject { key, reader in
        keys.append(key)
        switch key {
        case "keep":
          try reader.readArray { reader in kept.append(try reader.readString()) }
        default:
          try reader.skipValue()
        }
      }
      try reader.expectEnd()
    }
    #expect(keys == ["skip", "keep", "last"])
    #expect(kept == ["a", "b"])
  }

  @Test("offset counts the bytes read so far")
  func offset() throws {
    try withJSONReader(#"  "abc"  , "#) { (reader: inout JSONReader) throws in
      #expect(reader.offset == 0)
      #expect(try reader.readString() == "abc")
      #expect(reader.offset == 7)
    }
  }

  @Test("64 levels of nesting parse; 65 are refused")
  func depth() throws {
    let deepest = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
    #expect(throws: Never.self) { try parseJSON(deepest) }
    let tooDeep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
    #expect(
      try jsonError(Array(tooDeep.utf8))
        == SyntaxError(message: "nested too deeply", location: .byte(64)))
  }

  /// Each error and the byte offset it names: the offset just after the byte that gave the
  /// problem away (or the end of the input).
  @Test(
    "errors name the problem and a byte offset",
    arguments: [
      ("", "unexpected end of file", 0),
      ("   ", "unexpected end of file", 3),
      (#"{"a": [1, 2"#, "expected ',' or ']' in an array", 11),
      (#"{"a": 1"#, "expected ',' or '}' in an object", 7),
      (#"{"a" 1}"#, "expected ':'", 6),
      (#"{1: 2}"#, "expected a string", 2),
      (#""abc"#, "unterminated string", 4),
      (#""abc\"#, "unterminated string", 5),
      ("[tru]", "invalid literal", 5),
      ("nul", "invalid literal", 3),
      ("[1 2]", "expected ',' or ']' in an array", 4),
      ("-", "invalid value", 1),
      ("1.2.3", "invalid value", 5),
      ("[,]", "invalid value", 1),
      // Found by scripts/fuzz json: these read as infinity, which JSONValue printed as `inf`.
      ("1e400", "a number out of range", 5),
      ("[-2E+999]", "a number out of range", 8),
      (#""\x""#, "an invalid escape", 3),
      (#""\u12G4""#, "an invalid \\u escape", 6),
      (#""\ud83d""#, "an unpaired surrogate", 8),
      (#""\ud83d\u0041""#, "an unpaired surrogate", 13),
      (#""\ude00""#, "an invalid \\u escape", 7),
      ("\"a\nb\"", "a control character inside a string", 3),
      ("{} x", "unexpected data after the end", 3),
    ])
  func errors(input: String, message: String, offset: Int) throws {
    #expect(
      try jsonError(Array(input.utf8))
        == SyntaxError(message: message, location: .byte(offset)))
  }

  @Test("a string that is not valid UTF-8 is refused")
  func invalidUTF8() throws {
    let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x62, 0x22]
    #expect(
      try jsonError(bytes)
        == SyntaxError(message: "a string is not valid UTF-8", location: .byte(5)))
    // A truncated multi-byte sequence, too.
    #expect(
      try jsonError([0x22, 0xC3, 0x22])?.message == "a string is not valid UTF-8")
  }

  @Test("numbers are read as Swift reads them: some that JSON forbids get through")
  func lenientNumbers() throws {
    // JSON has no leading +, leading dot or leading zeros; the reader accepts them.
    #expect(try parseJSON("+1") == .number(1))
    #expect(try parseJSON(".5") == .number(0.5))
    #expect(try parseJSON("007") == .number(7))
  }
}
