import TestSupport
import Testing

@testable import JournalInterchange

/// Random text through each writer and back through its reader. The generator is seeded, so a
/// failure names a seed and an index that reproduce it.
@Suite("Round trips: CSV.row → CSVReader and JSONValue → JSONReader")
struct RoundTripTests {
  /// The building blocks of the random strings: ASCII that the formats treat specially, line
  /// breaks, control characters, combining marks and format characters (which join a following
  /// or preceding scalar into one grapheme cluster), and emoji.
  static let alphabet: [Unicode.Scalar] = [
    "a", "Z", "0", " ", ",", "\"", "'", "\\", "/", "<", ">", "&", "|", "*", ";", "=",
    "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1B}", "\u{7F}", "\u{85}", "\u{2028}",
    "\u{301}", "\u{308}", "\u{200D}", "\u{0600}", "\u{FEFF}", "\u{200B}",
    "é", "ß", "漢", "😀", "👩", "\u{1F3FD}", "\u{1F1E9}", "\u{1F1EA}",
  ]

  static func randomString(_ generator: inout SplitMix64) -> String {
    var text = String.UnicodeScalarView()
    for _ in 0..<Int.random(in: 0...12, using: &generator) {
      text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
    }
    return String(text)
  }

  static let seeds: [UInt64] = [1, 2, 3, 0x5EED, 20_261_129]

  @Test("CSV: every field of every row comes back scalar for scalar", arguments: seeds)
  func csv(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let rows = (0..<300).map { _ in
      (0..<Int.random(in: 1...5, using: &generator)).map { _ in Self.randomString(&generator) }
    }
    let records = try readCSV(rows.map(CSV.row).joined(separator: "\n") + "\n")
    // Report the first row that differs: once a record is misread, the rest are out of step.
    let scalars = { (fields: [String]) -> [[Unicode.Scalar]] in
      fields.map { Array($0.unicodeScalars) }
    }
    if let index = rows.indices.first(where: {
      $0 >= records.count || scalars(rows[$0]) != scalars(records[$0])
    }) {
      let written = CSV.row(rows[index]).debugDescription
      let read = index < records.count ? "\(records[index])" : "nothing"
      Issue.record(
        "seed \(seed), row \(index): \(rows[index]) was written as \(written), read back as \(read)"
      )
    }
    #expect(records.count == rows.count, "seed \(seed)")
  }

  @Test("JSON: every string comes back scalar for scalar", arguments: seeds)
  func json(seed: UInt64) throws {
    var generator = SplitMix64(seed: seed)
    let strings = (0..<300).map { _ in Self.randomString(&generator) }
    for (index, string) in strings.enumerated() {
      let back = try parseJSON(JSONValue.string(string).rendered())
      #expect(
        back.string.map { Array($0.unicodeScalars) } == Array(string.unicodeScalars),
        "seed \(seed), string \(index): \(string.debugDescription)")
    }
    // All at once, as object keys and values, compact and read in 5-byte chunks.
    let object = JSONValue.object(
      strings.enumerated().map { ("\($0.offset):" + $0.element, .string($0.element)) })
    let node = try parseJSON(object.rendered(indent: nil), chunkSize: 5)
    for (index, string) in strings.enumerated() {
      #expect(node["\(index):" + string]?.string == string, "seed \(seed), key \(index)")
    }
  }

  @Test("the generator is deterministic")
  func deterministic() {
    var a = SplitMix64(seed: 42)
    var b = SplitMix64(seed: 42)
    #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
    // The published first output of SplitMix64 seeded with 0.
    var zero = SplitMix64(seed: 0)
    #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
  }
}
