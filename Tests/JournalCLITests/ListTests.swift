import Foundation
import TestSupport
import Testing

/// Eight entries over three weeks, today pinned to Friday 2026-11-20. Ids follow this order.
private let seed: [(date: String, text: String, options: [String])] = [
  ("2026-11-02", "Designed the storage layer", ["-e", "architecture", "--energy", "2"]),
  ("2026-11-10", "Sprint planning and unblocking", ["-d", "delivery", "--energy", "-1"]),
  ("2026-11-13", "Paired with a new hire on the parser", ["-e", "mentoring", "-e", "deep-work"]),
  ("2026-11-16", "Coaching session: career talk", ["-e", "coaching", "--energy", "1"]),
  ("2026-11-17", "Debugged the cache invalidation bug", ["-e", "deep-work", "-d", "delivery"]),
  (
    "2026-11-19", "Resolved a disagreement on the API design",
    ["-d", "conflict-resolution", "-e", "architecture"]
  ),
  ("2026-11-20", "Wrote the migration guide", []),
  ("2026-11-20", "Cache warmup design review", ["-e", "architecture", "--star"]),
]

/// The bytes of a journal holding ``seed``, written once with `journal add` (68 processes
/// saved per test) and copied into each test's own folder.
private enum SeedJournal {
  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  static let bytes: Result<Data, Failure> = {
    do {
      let journal = try TestJournal()
      defer { journal.remove() }
      for (index, entry) in seed.enumerated() {
        let result = try journal.run(["add", entry.text, "--date", entry.date] + entry.options)
        guard result.status == 0, TestJournal.addedID(result.stdout) == Int64(index + 1) else {
          return .failure(Failure(description: "seeding failed: \(result.stderr)"))
        }
      }
      // The last writer closed the journal, so the WAL is checkpointed into the main file.
      guard let data = FileManager.default.contents(atPath: journal.path),
        !FileManager.default.fileExists(atPath: journal.path + "-wal")
      else { return .failure(Failure(description: "the seed journal was not checkpointed")) }
      return .success(data)
    } catch {
      return .failure(Failure(description: "\(error)"))
    }
  }()
}

/// A fresh journal holding ``seed``.
private func seededJournal() throws -> TestJournal {
  let journal = try TestJournal()
  try SeedJournal.bytes.get().write(to: URL(fileURLWithPath: journal.path))
  return journal
}

@Suite("journal list")
struct ListTests {
  @Test("everything, newest day first, then newest entry first")
  func listAll() throws {
    let journal = try seededJournal()
    defer { journal.remove() }

    #expect(try journal.entries().map(\.id) == [8, 7, 6, 5, 4, 3, 2, 1])
  }

  @Test(
    "--since and --until take every date form",
    arguments: [
      (["--since", "2026-11-16"], [8, 7, 6, 5, 4]),
      (["--until", "2026-11-13"], [3, 2, 1]),
      (["--since", "2026-11-10", "--until", "2026-11-16"], [4, 3, 2]),
      (["--since", "2026-11-17", "--until", "2026-11-17"], [5]),
      (["--since", "today"], [8, 7]),
      (["--until", "today"], [8, 7, 6, 5, 4, 3, 2, 1]),
      (["--since", "yesterday"], [8, 7, 6]),
      (["--until", "yesterday"], [6, 5, 4, 3, 2, 1]),
      (["--since", "monday"], [8, 7, 6, 5, 4]),
      (["--since", "friday"], [8, 7, 6, 5, 4, 3]),
      (["--until", "friday"], [3, 2, 1]),
      (["--since", "tuesday", "--until", "thursday"], [6, 5]),
      (["--since", "-3d"], [8, 7, 6, 5]),
      (["--since=-3d"], [8, 7, 6, 5]),
      (["--since", "-10d", "--until", "-4d"], [4, 3, 2]),
      (["--until", "-18d"], [1]),
      (["--since", "2026-11-21"], []),
      (["--until", "2026-11-01"], []),
    ] as [([String], [Int64])])
  func dateRange(arguments: [String], expected: [Int64]) throws {
    let journal = try seededJournal()
    defer { journal.remove() }

    #expect(try journal.entries(arguments).map(\.id) == expected)
  }

  @Test("an inverted range is refused, naming both days")
  func invertedRange() throws {
    let journal = try seededJournal()
    defer { journal.remove() }

    let result = try journal.run(["list", "--since", "today", "--until", "2026-11-16"])

    expectRefused(result, status: 65, mentioning: ["2026-11-20", "2026-11-16"])
  }

  @Test(
    "an invalid --since or --until is a usage error",
    arguments: [["--since", "2026-02-30"], ["--until", "someday"], ["--since", "-x"]])
  func invalidRange(arguments: [String]) throws {
    let journal = try seededJournal()
    defer { journal.remove() }

    expectRefused(try journal.run(["list"] + arguments), status: 64)
  }

  @Test(
    "--tag selects entries with any of the tags, energized or drained",
    arguments: [
      (["--tag", "deep-work"], [5, 3]),
      (["--tag", "architecture"], [8, 6, 1]),
      (["--tag", "DELIVERY"], [5, 2]),
      (["--tag", "deep-work", "--tag", "coaching"], [5, 4, 3]),
      (["--tag", "mentoring", "--tag", "deep-work"], [5, 3]),
      (["--tag", "architecture", "--since", "-7d"], [8, 6]),
      (["--tag", "conflict-resolution", "--tag", "coaching", "--until", "2026-11-18"], [4]),
    ] as [([String], [Int64])])
  func tagFilter(arguments: [String], expected: [Int64]) throws {
    let journal = try seededJournal()
    defer { journal.remove() }

    #expect(try journal.entries(arguments).map(\.id) == expected)
  }

  @Test("a tag filter with a tag nobody used gives nothing")
  func tagFilterUnused() throws {
    let journal = try seededJournal()
    defer { journal.remove() }
    expectSuccess(try journal.run(["tags", "add", "hiring", "--track", "management"]))

    #expect(try journal.entries(["--tag", "hiring"]).isEmpty)
  }

  @Test(
    "--tag with an unknown or invalid tag is refused",
    arguments: [("coachng", Int32(65), "coaching"), ("deep work", Int32(64), "deep work")])
  func tagFilterRefused(tag: String, status: Int32, mentioned: String) throws {
    let journal = try seededJournal()
    defer { journal.remove() }

    expectRefused(try journal.run(["list", "--tag", tag]), status: status, mentioning: [mentioned])
  }

  @Test(
    "--search finds entries containing every word, in any case",
    arguments: [
      ("cache", [8, 5]),
      ("Cache BUG", [5]),
      ("bug cache", [5]),
      ("design", [8, 6, 1]),  // a word's start: "Designed" too
      ("desi", [8, 6, 1]),
      ("cach inval", [5]),
      ("esign", []),  // the start of a word, not any part of it
      ("career talk", [4]),
      ("planning and unblocking", [2]),
      ("cache parser", []),
      ("kubernetes", []),
    ] as [(String, [Int64])])
  func search(words: String, expected: [Int64]) throws {
    let journal = try seededJournal()
    defer { journal.remove() }

    #expect(try journal.entries(["--search", words]).map(\.id) == expected)
  }

  /// FTS5 query syntax in the input is plain text: no syntax error, no operator meaning.
  @Test(
    "FTS operators and punctuation in --search are text",
    arguments: [
      ("cache OR parser", []),  // as an operator OR would find 8, 5 and 3
      ("cache NOT bug", []),  // as an operator NOT would find 8
      ("planning AND unblocking", [2]),  // "and" is a word of entry 2
      ("\"cache\"", [8, 5]),
      ("cache*", [8, 5]),
      ("(cache)", [8, 5]),
      ("cache:", [8, 5]),
      ("^cache", [8, 5]),
      ("bug)", [5]),
      ("text:cache", []),
      ("NEAR(cache bug)", []),
      ("\"cache bug", [5]),
      ("cache -bug", [5]),
    ] as [(String, [Int64])])
  func searchOperatorsAreText(words: String, expected: [Int64]) throws {
    let journal = try seededJournal()
    defer { journal.remove() }

    #expect(try journal.entries(["--search=" + words]).map(\.id) == expected)
  }

  @Test(
    "--search with only punctuation or operators never errors",
    arguments: [
      "\"", "'", "*", "(", ")", ":", "^", "+", "-", "{", "}", "\"\"", "AND", "NEAR(", "\\",
    ])
  func searchPunctuationNeverErrors(words: String) throws {
    let journal = try seededJournal()
    defer { journal.remove() }

    for format in ["text", "json", "csv"] {
      let result = try journal.run(["list", "--search=" + words, "--format", format])
      #expect(result.status == 0, "'\(words)' \(format): \(result.stderr)")
      #expect(!result.stderr.contains("Error"), "'\(words)' \(format): \(result.stderr)")
      expectNoCrash(result)
    }
  }

  @Test("--search needs a word", arguments: ["", "   "])
  func emptySearch(words: String) throws {
    let journal = try seededJournal()
    defer { journal.remove() }

    expectRefused(try journal.run(["list", "--search", words]), status: 64)
  }

  @Test(
    "--limit keeps the newest entries",
    arguments: [
      (["--limit", "1"], [8]),
      (["--limit", "3"], [8, 7, 6]),
      (["--limit", "100"], [8, 7, 6, 5, 4, 3, 2, 1]),
      (["--limit", "2", "--tag", "architecture"], [8, 6]),
      (["--limit", "2", "--until", "2026-11-16"], [4, 3]),
      (["--limit", "1", "--search", "cache"], [8]),
    ] as [([String], [Int64])])
  func limit(arguments: [String], expected: [Int64]) throws {
    let journal = try seededJournal()
    defer { journal.remove() }

    #expect(try journal.entries(arguments).map(\.id) == expected)
  }

  @Test("--limit must be a positive whole number", arguments: ["0", "-1", "two", "1.5"])
  func badLimit(value: String) throws {
    let journal = try seededJournal()
    defer { journal.remove() }

    expectRefused(try journal.run(["list", "--limit", value]), status: 64)
  }

  @Test("an unknown --format is a usage error")
  func badFormat() throws {
    let journal = try seededJournal()
    defer { journal.remove() }

    expectRefused(try journal.run(["list", "--format", "xml"]), status: 64, mentioning: ["xml"])
  }

  // MARK: Formats

  @Test("text, piped: one line per entry, in columns, with the whole text")
  func textFormat() throws {
    let journal = try seededJournal()
    defer { journal.remove() }
    try journal.add(
      "A very long day that went on and on, with far more words than a list line can hold",
      ["--date", "2026-11-18"])
    try journal.add("Headline\nand a second line", ["--date", "2026-11-18"])

    // Piped, the width does not matter: nothing is cut.
    let result = try journal.run(["list"], environment: ["COLUMNS": "60"])
    #expect(try journal.run(["list"], environment: ["COLUMNS": "120"]).stdout == result.stdout)

    expectSuccess(result)
    #expect(!result.stdout.contains("\u{1B}["))
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    #expect(lines.count == 11)
    #expect(lines.last == "")
    let columns = lines.map { $0.split(separator: " ").map(String.init) }
    #expect(columns.compactMap(\.first) == ["8", "7", "6", "10", "9", "5", "4", "3", "2", "1"])
    // Ids to two digits (10 is the largest); the marks padded to 24 columns, so every text
    // starts in column 2 + 24 + 2 + 24 + 2 = 54.
    let five = try #require(lines.first { $0.contains("invalidation") })
    #expect(
      five
        == " 5  2026-11-17 Tue          +deep-work -delivery      Debugged the cache invalidation bug"
    )
    let one = try #require(lines.first { $0.contains("storage") })
    #expect(
      one == " 1  2026-11-02 Mon  +2      +architecture             Designed the storage layer")
    let eight = try #require(lines.first { $0.contains("warmup") })
    #expect(
      eight
        == " 8  2026-11-20 Fri      \u{2605}   +architecture             Cache warmup design review"
    )
    let seven = try #require(lines.first { $0.contains("migration") })
    #expect(
      seven == " 7  2026-11-20 Fri" + String(repeating: " ", count: 36)
        + "Wrote the migration guide")
    for line in lines.dropLast() {
      #expect(line.prefix(54).count == 54 && line.dropFirst(54).first != " ", "\(line)")
    }
    let two = try #require(lines.first { $0.contains("Sprint") })
    #expect(two.contains(" -1      -delivery  "))
    let long = try #require(lines.first { $0.contains("A very long day") })
    #expect(long.hasSuffix("far more words than a list line can hold"))
    let multi = try #require(lines.first { $0.contains("Headline") })
    #expect(multi.hasSuffix("Headline\u{240A}and a second line"))
  }

  @Test("text with no match: nothing on stdout, a note on stderr, success")
  func textNoMatch() throws {
    let journal = try seededJournal()
    defer { journal.remove() }

    let result = try journal.run(["list", "--search", "kubernetes"])

    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr == "No entries match.\n")
  }

  @Test("json: exactly the documented fields with the right types")
  func jsonFieldNames() throws {
    let journal = try seededJournal()
    defer { journal.remove() }

    let result = try journal.run(["list", "--format", "json"])

    expectSuccess(result)
    let objects = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(objects.count == 8)
    let fields: Set = [
      "id", "uuid", "date", "text", "energy", "tags", "starred", "private", "created_at",
      "updated_at",
    ]
    var uuids: Set<String> = []
    for object in objects {
      #expect(Set(object.keys) == fields)
      #expect(object["id"] is Int)
      #expect(object["text"] is String)
      #expect(object["starred"] is Bool)
      #expect(object["private"] is Bool)
      let uuid = try #require(object["uuid"] as? String)
      #expect(!uuid.isEmpty)
      uuids.insert(uuid)
      let date = try #require(object["date"] as? String)
      #expect(date.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil)
      for key in ["created_at", "updated_at"] {
        let stamp = try #require(object[key] as? String)
        #expect(stamp.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/) != nil)
      }
      let tags = try #require(object["tags"] as? [[String: Any]])
      for tag in tags {
        #expect(Set(tag.keys) == ["name", "mark"])
        #expect(["energized", "drained"].contains(tag["mark"] as? String))
      }
    }
    #expect(uuids.count == 8, "each entry has its own uuid")
    let seven = try #require(objects.first { $0["id"] as? Int == 7 })
    #expect(seven["energy"] is NSNull, "energy is null when absent")
    #expect((seven["tags"] as? [Any])?.isEmpty == true)
    let one = try #require(objects.first { $0["id"] as? Int == 1 })
    #expect(one["energy"] as? Int == 2)
    let eight = try #require(objects.first { $0["id"] as? Int == 8 })
    #expect(eight["starred"] as? Bool == true)
  }

  @Test("json: values match what was added")
  func jsonValues() throws {
    let journal = try seededJournal()
    defer { journal.remove() }

    let entries = try journal.entries()

    let byID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) })
    for (index, added) in seed.enumerated() {
      let entry = try #require(byID[Int64(index + 1)])
      #expect(entry.date == added.date)
      #expect(entry.text == added.text)
    }
    #expect(byID[2]?.energy == -1)
    #expect(byID[2]?.tags == [MarkRecord(name: "delivery", mark: "drained")])
    #expect(
      byID[6]?.tags == [
        MarkRecord(name: "architecture", mark: "energized"),
        MarkRecord(name: "conflict-resolution", mark: "drained"),
      ])
  }

  @Test("json with no match is an empty array")
  func jsonEmpty() throws {
    let journal = try seededJournal()
    defer { journal.remove() }

    let result = try journal.run(["list", "--format", "json", "--search", "kubernetes"])

    #expect(result.status == 0)
    let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any]
    #expect(array?.isEmpty == true)
  }

  @Test("json keeps unicode, quotes and line breaks in the text")
  func jsonText() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let text = "Said \"no\" to a 3rd project, café ☕\nthen a \\ backslash and a / slash\ttab"
    try journal.add(text)

    #expect(try journal.entries().first?.text == text)
    #expect(try journal.entry(1).text == text)
  }

  @Test("csv: the documented header, and one RFC 4180 record per entry")
  func csvFormat() throws {
    let journal = try seededJournal()
    defer { journal.remove() }
    try journal.add(
      "Commas, \"quotes\"\nand a line break",
      ["--date", "2026-11-18", "-e", "coaching", "--private"])

    let result = try journal.run(["list", "--format", "csv"])

    expectSuccess(result)
    #expect(
      result.stdout.hasPrefix(
        "id,date,energy,energized,drained,starred,private,text,created_at,updated_at\n"))
    #expect(result.stdout.contains("\"Commas, \"\"quotes\"\"\nand a line break\""))
    let records = try CSVReader.records(result.stdout)
    #expect(records.count == 10)
    #expect(records.allSatisfy { $0.count == 10 })
    let rows = records.dropFirst()
    #expect(rows.map { $0[0] } == ["8", "7", "6", "9", "5", "4", "3", "2", "1"])
    let tricky = try #require(rows.first { $0[0] == "9" })
    #expect(
      Array(tricky[0..<8]) == [
        "9", "2026-11-18", "", "coaching", "", "0", "1", "Commas, \"quotes\"\nand a line break",
      ])
    let three = try #require(rows.first { $0[0] == "3" })
    #expect(three[3] == "deep-work;mentoring" || three[3] == "mentoring;deep-work")
    let six = try #require(rows.first { $0[0] == "6" })
    #expect(
      Array(six[1..<7]) == ["2026-11-19", "", "architecture", "conflict-resolution", "0", "0"])
    let two = try #require(rows.first { $0[0] == "2" })
    #expect(two[2] == "-1")
    let eight = try #require(rows.first { $0[0] == "8" })
    #expect(eight[5] == "1")
    for row in rows {
      #expect(row[8].wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/) != nil)
    }
  }

  @Test("csv with no match is the header alone")
  func csvEmpty() throws {
    let journal = try seededJournal()
    defer { journal.remove() }

    let result = try journal.run([
      "list", "--format", "csv", "--tag", "coaching", "--since", "today",
    ])

    #expect(result.status == 0)
    #expect(
      result.stdout
        == "id,date,energy,energized,drained,starred,private,text,created_at,updated_at\n")
  }

  @Test("filters combine: range, tag, search and limit together")
  func combinedFilters() throws {
    let journal = try seededJournal()
    defer { journal.remove() }

    let ids = try journal.entries([
      "--since", "2026-11-03", "--until", "yesterday", "--tag", "deep-work", "--tag",
      "architecture", "--search", "the", "--limit", "2",
    ]).map(\.id)

    #expect(ids == [6, 5])
  }
}

@Suite("journal show")
struct ShowTests {
  @Test("text: the whole entry with its week, energy, marks, flags and full text")
  func showText() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add(
      "Coaching session\nSecond paragraph with detail",
      [
        "--date", "2026-11-16", "-e", "coaching", "-e", "mentoring", "-d", "delivery", "--energy",
        "1", "--star",
      ])

    let result = try journal.run(["show", "1"])

    expectSuccess(result)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    #expect(lines.first == "Entry 1  2026-11-16 Mon (2026-W47)")
    #expect(lines.contains("Energy:    +1"))
    #expect(lines.contains("Energized: coaching, mentoring"))
    #expect(lines.contains("Drained:   delivery"))
    #expect(lines.contains("Flags:     starred"))
    #expect(lines.contains { $0.hasPrefix("Created ") && $0.contains(", updated ") })
    #expect(result.stdout.hasSuffix("\n\nCoaching session\nSecond paragraph with detail\n"))
    #expect(!result.stdout.contains("\u{1B}["))
  }

  @Test("text: an entry without energy or marks says so")
  func showTextBare() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("Quiet day")

    let result = try journal.run(["show", "1", "--format", "text"])

    expectSuccess(result)
    #expect(result.stdout.contains("Energy:    not given"))
    #expect(result.stdout.contains("Energized: -"))
    #expect(result.stdout.contains("Drained:   -"))
    #expect(!result.stdout.contains("Flags:"))
    #expect(result.stdout.hasSuffix("\nQuiet day\n"))
  }

  @Test("json: the same fields and values as list")
  func showJSON() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("One", ["-e", "coaching", "--energy", "-2", "--private"])
    try journal.add("Two")

    let result = try journal.run(["show", "1", "--format", "json"])

    expectSuccess(result)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(
      Set(object.keys) == [
        "id", "uuid", "date", "text", "energy", "tags", "starred", "private", "created_at",
        "updated_at",
      ])
    let shown = try JSONDecoder().decode(EntryRecord.self, from: Data(result.stdout.utf8))
    let listed = try #require(try journal.entries().first { $0.id == 1 })
    #expect(shown == listed)
    #expect(shown.energy == -2)
    #expect(shown.isPrivate)
    #expect(try journal.entry(2).energy == nil)
  }

  @Test("an unknown id is refused", arguments: ["99", "0", "3"])
  func showUnknown(id: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("One")
    try journal.add("Two")

    expectRefused(try journal.run(["show", id]), status: 65, mentioning: [id])
    expectRefused(try journal.run(["show", id, "--format", "json"]), status: 65)
  }

  @Test(
    "show needs an id, and prints text or json only",
    arguments: [["show"], ["show", "abc"], ["show", "1", "--format", "csv"], ["show", "1", "2"]])
  func showUsage(arguments: [String]) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("One")

    expectRefused(try journal.run(arguments), status: 64)
  }
}
