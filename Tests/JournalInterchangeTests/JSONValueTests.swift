import Foundation
import JournalCore
import TestSupport
import Testing

@testable import JournalInterchange

@Suite("JSONValue: the JSON writer")
struct JSONValueTests {
  let document = JSONValue.object([
    ("name", .string("deep-work")), ("count", .int(3)),
    ("list", .array([.null, .bool(true), .bool(false), .number(0.5)])),
    ("empty_object", .members([])), ("empty_list", .array([])),
    ("nested", .object([("inner", .array([.int(-1)]))])),
  ])

  @Test("pretty: two spaces per level, keys in the order given, empty containers inline")
  func pretty() {
    #expect(
      document.rendered() == """
        {
          "name": "deep-work",
          "count": 3,
          "list": [
            null,
            true,
            false,
            0.5
          ],
          "empty_object": {},
          "empty_list": [],
          "nested": {
            "inner": [
              -1
            ]
          }
        }
        """)
  }

  @Test("compact: no white space at all")
  func compact() {
    #expect(
      document.rendered(indent: nil)
        == #"{"name":"deep-work","count":3,"list":[null,true,false,0.5],"empty_object":{},"#
        + #""empty_list":[],"nested":{"inner":[-1]}}"#)
  }

  @Test("strings: quotes, backslashes and control characters are escaped, nothing else")
  func stringEscaping() {
    let text = "q\" b\\ s/ \u{0}\u{1}\u{8}\u{C}\u{1B}\u{1F}\t\n\r \u{7F} é 😀 \u{2028} <b>"
    #expect(
      JSONValue.string(text).rendered()
        == #""q\" b\\ s/ \u0000\u0001\u0008\u000c\u001b\u001f\t\n\r "# + "\u{7F} é 😀 \u{2028} <b>\""
    )
    // Keys are escaped the same way.
    #expect(JSONValue.object([("a\"\n", .null)]).rendered(indent: nil) == #"{"a\"\n":null}"#)
  }

  @Test(
    "numbers: integer-valued doubles print as integers, others as Swift prints them",
    arguments: [
      (42.0, "42"), (-7.0, "-7"), (0.0, "0"), (-0.0, "0"), (0.1, "0.1"), (-2.5, "-2.5"),
      (999_999_999_999_999.0, "999999999999999"), (1e15, "1000000000000000.0"), (1e16, "1e+16"),
      (1e-7, "1e-07"),
    ])
  func numbers(value: Double, expected: String) {
    #expect(JSONValue.number(value).rendered() == expected)
  }

  @Test(
    "figures: rounded to four decimals; nil, NaN and infinities are null",
    arguments: [
      (2.0 / 3.0, "0.6667"), (-1.0 / 3.0, "-0.3333"), (1.0, "1"), (0.123_45, "0.1235"),
      (-0.000_04, "0"), (12.5, "12.5"), (Double.nan, "null"), (Double.infinity, "null"),
      (-Double.infinity, "null"),
    ])
  func figures(value: Double, expected: String) {
    #expect(JSONValue.figure(value).rendered() == expected)
  }

  @Test("a nil figure and a nil optional string are null")
  func nulls() {
    #expect(JSONValue.figure(nil).rendered() == "null")
    #expect(JSONValue.optionalString(nil).rendered() == "null")
    #expect(JSONValue.optionalString("x").rendered() == "\"x\"")
  }

  @Test("a non-finite .number is written null, never Swift's 'nan' or 'inf'")
  func nonFiniteNumber() throws {
    #expect(JSONValue.number(.nan).rendered() == "null")
    #expect(JSONValue.number(.infinity).rendered() == "null")
    #expect(JSONValue.number(-.infinity).rendered() == "null")
    let array = JSONValue.array([.number(.nan), .number(1.5), .number(-.infinity)])
    #expect(array.rendered(indent: nil) == "[null,1.5,null]")
    // And it reads back: null where the number had no JSON form.
    #expect(try parseJSON(array.rendered()) == .array([.null, .number(1.5), .null]))
  }

  @Test("what the writer writes, the reader reads back")
  func readsBack() throws {
    let node = try parseJSON(document.rendered())
    #expect(
      node
        == .object([
          "name": .string("deep-work"), "count": .number(3),
          "list": .array([.null, .bool(true), .bool(false), .number(0.5)]),
          "empty_object": .object([:]), "empty_list": .array([]),
          "nested": .object(["inner": .array([.number(-1)])]),
        ]))
    #expect(try parseJSON(document.rendered(indent: nil)) == node)
  }
}

@Suite("EntryJSON: an entry's JSON, listed and exported")
struct EntryJSONTests {
  static let entry = Entry(
    NewEntry(
      day: Day(iso: "2026-11-20") ?? Day(ordinal: 0),
      text: "Paired on \"the\" cache bug\\race; <b>path/to</b>\ttab\nline two \u{1} café 😀",
      energy: -1,
      tags: [
        TagMark(name: "deep-work", mark: .energized), TagMark(name: "delivery", mark: .drained),
        TagMark(name: "mentoring", mark: .logged),
      ],
      isStarred: true, isPrivate: false),
    id: 12, uuid: "00000000-0000-4000-8000-00000000000c",
    createdAt: Timestamp(iso: "2026-11-20T17:00:00Z"),
    updatedAt: Timestamp(iso: "2026-11-20T17:30:00Z"))

  @Test("EntryJSON, pretty (list --format json, show --json), matches its golden file")
  func prettyGolden() throws {
    try Golden.check(
      EntryJSON.listed(Self.entry).rendered(encoderCompatible: true) + "\n",
      "interchange/entry.json")
  }

  @Test("EntryJSON.listed, compact (list --format json), matches its golden file")
  func compactGolden() throws {
    try Golden.check(
      EntryJSON.listed(Self.entry).rendered(indent: nil, encoderCompatible: true) + "\n",
      "interchange/entry-compact.json")
  }

  @Test("EntryJSON.exported (export's entry line) matches its golden file")
  func exportLineGolden() throws {
    try Golden.check(
      EntryJSON.exported(Self.entry).rendered(indent: nil) + "\n",
      "interchange/entry-export-line.json")
  }

  @Test("an entry without energy has energy null")
  func noEnergy() throws {
    var entry = Self.entry
    entry.energy = nil
    #expect(
      try parseJSON(EntryJSON.listed(entry).rendered(indent: nil, encoderCompatible: true))[
        "energy"] == .null)
    #expect(try parseJSON(EntryJSON.exported(entry).rendered())["energy"] == .null)
  }

  @Test("both writers give the same fields and values; export adds deleted_at")
  func writersAgree() throws {
    let encoded = try parseJSON(
      EntryJSON.listed(Self.entry).rendered(indent: nil, encoderCompatible: true))
    let exported = try parseJSON(EntryJSON.exported(Self.entry).rendered(indent: nil))
    guard case .object(var exportedMembers) = exported else {
      Issue.record("the export line is not an object")
      return
    }
    #expect(exportedMembers.removeValue(forKey: "deleted_at") == .null)
    #expect(encoded == .object(exportedMembers))
    #expect(encoded["text"]?.string == Self.entry.text)
  }
}

/// `encoderCompatible` against its oracle, Foundation's `JSONEncoder` with the settings `list`,
/// `show` and `tags` used before they moved to `JSONValue`: the same bytes for random text.
@Suite("JSONValue, encoderCompatible: the bytes JSONEncoder gave")
struct EncoderCompatibleTests {
  struct Record: Encodable {
    let text: String
    let empty: [Int]
    let tags: [String]
    let count: Int
    let flag: Bool
    let missing: Int?

    func encode(to encoder: Encoder) throws {
      enum Key: String, CodingKey { case text, empty, tags, count, flag, missing }
      var container = encoder.container(keyedBy: Key.self)
      try container.encode(text, forKey: .text)
      try container.encode(empty, forKey: .empty)
      try container.encode(tags, forKey: .tags)
      try container.encode(count, forKey: .count)
      try container.encode(flag, forKey: .flag)
      try container.encode(missing, forKey: .missing)
    }

    var value: JSONValue {
      JSONValue.object([
        ("text", .string(text)), ("empty", .array([])), ("tags", .array(tags.map { .string($0) })),
        ("count", .int(count)), ("flag", .bool(flag)), ("missing", .null),
      ]).sortingKeys()
    }
  }

  static let alphabet: [Unicode.Scalar] = [
    "a", "é", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{8}", "\u{C}", "\u{1B}", "\u{1F}",
    "\u{7F}", "\u{301}", "\u{200D}", "\u{2028}", "😀", " ", "<",
  ]

  @Test("200 random records, pretty and compact")
  func sameBytes() throws {
    var random = SeededRandom(seed: 2026)
    for _ in 0..<200 {
      var text = String.UnicodeScalarView()
      for _ in 0..<Int(random.next() % 12) { text.append(random.pick(Self.alphabet)) }
      let record = Record(
        text: String(text), empty: [], tags: random.chance(0.5) ? [] : [String(text)],
        count: Int(random.next() % 100) - 50, flag: random.chance(0.5), missing: nil)
      for pretty in [true, false] {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
          pretty
          ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
          : [.sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(record), as: UTF8.self)
        let rendered = record.value.rendered(indent: pretty ? 0 : nil, encoderCompatible: true)
        #expect(rendered == expected, "\(record.text.unicodeScalars.map(\.value))")
      }
    }
  }
}
