import Foundation
import Testing

@testable import JournalStore

@Suite("Schema")
struct SchemaTests {
  static let outOfDate: Comment =
    "Schema+Generated.swift is out of date: run scripts/generate-schema"

  /// The migrations as `Schema/*.sql` defines them: sorted by file name, the id is the name
  /// without `.sql`, the SQL is the file without its final newline.
  static func migrationsOnDisk() throws -> [Schema.Migration] {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // JournalStoreTests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()  // the package
    let folder = root.appendingPathComponent("Schema")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".sql") }
      .sorted()
    return try names.map { name in
      var sql = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      if sql.hasSuffix("\n") { sql.removeLast() }
      return Schema.Migration(id: String(name.dropLast(".sql".count)), sql: sql)
    }
  }

  @Test("the compiled migrations are exactly Schema/*.sql")
  func generatedMatchesSchemaFolder() throws {
    let onDisk = try Self.migrationsOnDisk()
    #expect(!onDisk.isEmpty, "no Schema/*.sql found")
    #expect(onDisk.map(\.id) == Schema.migrations.map(\.id), Self.outOfDate)
    for (file, compiled) in zip(onDisk, Schema.migrations) where file != compiled {
      Issue.record("\(file.id) differs. \(Self.outOfDate)")
    }
    #expect(onDisk == Schema.migrations, Self.outOfDate)
  }

  @Test("migration ids are numbered 0001, 0002, ... without gaps, each with a name")
  func idsAreConsecutive() throws {
    let ids = Schema.migrations.map(\.id)
    #expect(!ids.isEmpty)
    for (index, id) in ids.enumerated() {
      let number = String(index + 1)
      let prefix = String(repeating: "0", count: 4 - number.count) + number + "_"
      #expect(id.hasPrefix(prefix), "migration \(index + 1) is '\(id)'")
      let name = id.dropFirst(prefix.count)
      #expect(
        !name.isEmpty && name.allSatisfy { ("a"..."z").contains($0) || $0 == "_" || $0.isNumber },
        "'\(id)' should be NNNN_snake_case")
    }
  }

  @Test("the current version is the number of migrations")
  func currentVersion() {
    #expect(Schema.currentVersion == Schema.migrations.count)
    #expect(Schema.all == Schema.migrations)
  }

  @Test("the first migration stamps the career-journal application id")
  func firstMigrationSetsApplicationID() throws {
    let first = try #require(Schema.migrations.first)
    #expect(first.sql.contains("PRAGMA application_id = \(Schema.applicationID);"))
    // 'CJRN' as a big-endian 32-bit number.
    let cjrn = Array("CJRN".utf8).reduce(Int64(0)) { $0 * 256 + Int64($1) }
    #expect(Schema.applicationID == cjrn)
  }

  @Test("Schema.builtInTags lists exactly the tags a new journal starts with")
  func builtInTagsMatchTheFirstMigration() throws {
    try withJournal { (journal, _) throws in
      #expect(try journal.tags().map(\.name) == Schema.builtInTags)
    }
  }

  @Test("every trigger a journal has is among Schema.triggerStatements, word for word")
  func triggerStatements() throws {
    // Schema/ holds 15 different CREATE TRIGGER statements: 3 in 0001, 6 in 0002, 2 in 0004,
    // and the 4 of 0010 that turn a day's ordinal into its week (0007's and 0009's repeat
    // earlier ones word for word).
    #expect(Schema.triggerStatements.count == 15)
    try withJournal { _, folder in
      let db = try rawDatabase(at: folder.file("journal.sqlite"))
      var triggers: [String] = []
      try db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger'").forEachRow {
        triggers.append($0.text(0))
      }
      #expect(triggers.count == 9)  // 0004 replaces two of 0001's and 0002's
      for trigger in triggers {
        #expect(Schema.triggerStatements.contains(trigger), "\(trigger)")
      }
    }
  }
}
