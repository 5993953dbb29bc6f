import Foundation
import TestSupport
import Testing

/// Imports that do not depend on key order, validate every record as the CLI does, bound their
/// memory, and leave no file behind when they fail (issue 12, "Imports").
@Suite("Import hardening")
struct ImportHardeningTests {
  /// `json` re-serialised with its keys sorted at every level, as `jq -S` writes it.
  static func sortedKeys(_ json: String) throws -> Data {
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
    return try JSONSerialization.data(
      withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
  }

  @Test("a key-sorted export (entries before tags) imports to the same journal, byte for byte")
  func sortedKeyExport() throws {
    let source = try TestJournal()
    defer { source.remove() }
    try Interchange.seedEveryField(source)
    let first = try Interchange.output(source, ["export", "--format", "json"])
    let sorted = try Self.sortedKeys(first)
    let text = String(decoding: sorted, as: UTF8.self)
    let entries = try #require(text.range(of: "\"entries\""))
    let tags = try #require(text.range(of: "\"tags\""))
    let format = try #require(text.range(of: "\"format\""))
    #expect(entries.lowerBound < tags.lowerBound, "the sorted file must list entries first")
    #expect(text.range(of: "\"experiments\"")!.lowerBound < format.lowerBound)
    let file = source.directory.file("sorted.json")
    try sorted.write(to: URL(fileURLWithPath: file))

    let copy = try TestJournal()
    defer { copy.remove() }
    let imported = try Interchange.output(copy, ["import", file])
    #expect(imported.hasPrefix("Imported 6 entries, 2 experiments, 1 reflection"), "\(imported)")
    #expect(try Interchange.output(copy, ["export", "--format", "json"]) == first)

    // Into a journal that has entries already (tags merged, not restored), too.
    let busy = try TestJournal()
    defer { busy.remove() }
    try busy.add("Already here", ["-e", "deep-work", "--date", "2026-11-02"])
    let merged = try busy.run(["import", file])
    expectSuccess(merged)
    #expect(try busy.entries().count == 6, "5 live imported entries and the existing one")
  }

  @Test("a UTF-8 byte order mark before a JSON export is ignored")
  func byteOrderMark() throws {
    let source = try TestJournal()
    defer { source.remove() }
    try Interchange.seedEveryField(source)
    let json = try Interchange.output(source, ["export", "--format", "json"])
    let jsonFile = source.directory.file("bom.json")
    try (Data([0xEF, 0xBB, 0xBF]) + Data(json.utf8)).write(to: URL(fileURLWithPath: jsonFile))

    let copy = try TestJournal()
    defer { copy.remove() }
    expectSuccess(try copy.run(["import", jsonFile]))
    #expect(try Interchange.output(copy, ["export", "--format", "json"]) == json)
  }
}
