import Foundation
import TestSupport
import Testing

@Suite("journal tags, and tags on entries")
struct TagsTests {
  /// The built-in tags and their tracks, from SPEC.md.
  static let builtIn: [String: (track: String, description: String)] = [
    "deep-work": ("ic", "technical deep work: hard problems, building, debugging"),
    "architecture": ("ic", "design and technical direction beyond one task"),
    "coaching": ("management", "growing people: 1:1s, feedback, career talks"),
    "conflict-resolution": ("management", "resolving disagreements and people issues"),
    "delivery": ("management", "coordinating, prioritising, unblocking delivery"),
    "mentoring": ("both", "teaching and pairing, as a Staff engineer or a lead does"),
  ]

  // MARK: Listing

  @Test("a new journal has the built-in tags with their tracks, by name")
  func builtInTags() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("first")

    let tags = try journal.tags()

    #expect(tags.map(\.name) == Self.builtIn.keys.sorted())
    for tag in tags {
      let expected = try #require(Self.builtIn[tag.name])
      #expect(tag.track == expected.track, "\(tag.name)")
      #expect(tag.description == expected.description, "\(tag.name)")
      #expect(tag.energized == 0 && tag.drained == 0, "\(tag.name)")
    }
  }

  @Test("tags --format json has exactly name, track, description, energized, drained")
  func tagJSONFieldNames() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("first", ["-e", "coaching"])

    let result = try journal.run(["tags", "--format", "json"])

    expectSuccess(result)
    let objects = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(objects.count == 6)
    for object in objects {
      #expect(Set(object.keys) == ["name", "track", "description", "energized", "drained"])
      #expect(object["name"] is String)
      #expect(object["energized"] is Int)
      #expect(object["drained"] is Int)
    }
  }

  @Test("tags counts energized and drained marks of live entries")
  func tagCounts() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("one", ["-e", "coaching", "-d", "delivery"])
    try journal.add("two", ["-e", "coaching", "-e", "deep-work"])
    try journal.add("three", ["-d", "coaching"])
    let deleted = try journal.add("four", ["-e", "coaching", "-d", "architecture"])
    expectSuccess(try journal.run(["delete", String(deleted), "--yes"]))

    let tags = try journal.tags()

    func counts(_ name: String) -> [Int]? {
      tags.first { $0.name == name }.map { [$0.energized, $0.drained] }
    }
    #expect(counts("coaching") == [2, 1])
    #expect(counts("delivery") == [0, 1])
    #expect(counts("deep-work") == [1, 0])
    #expect(counts("architecture") == [0, 0], "a deleted entry's marks are not counted")
    #expect(counts("mentoring") == [0, 0])
  }

  @Test("tags in text: a header, then one row per tag with track, counts and description")
  func tagText() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("one", ["-e", "coaching", "-e", "mentoring"])
    try journal.add("two", ["-e", "coaching", "-d", "mentoring"])

    for arguments in [["tags"], ["tags", "list"], ["tags", "list", "--format", "text"]] {
      let result = try journal.run(arguments)

      expectSuccess(result)
      #expect(!result.stdout.contains("\u{1B}["))
      let lines = result.stdout.split(separator: "\n").map(String.init)
      #expect(lines.count == 7, "\(arguments)")
      let header = try #require(lines.first)
      for column in ["tag", "track", "energized", "drained", "description"] {
        #expect(header.contains(column))
      }
      let coaching = try #require(lines.first { $0.hasPrefix("coaching ") })
      #expect(words(coaching).prefix(4) == ["coaching", "management", "2", "0"])
      #expect(coaching.hasSuffix("growing people: 1:1s, feedback, career talks"))
      let mentoring = try #require(lines.first { $0.hasPrefix("mentoring ") })
      #expect(words(mentoring).prefix(4) == ["mentoring", "both", "1", "1"])
      let deepWork = try #require(lines.first { $0.hasPrefix("deep-work ") })
      #expect(words(deepWork).prefix(4) == ["deep-work", "ic", "0", "0"])
    }
  }

  private func words(_ line: String) -> [String] {
    line.split(separator: " ").map(String.init)
  }

  @Test("tags --format csv has a header and one row per tag")
  func tagCSV() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("one", ["-d", "delivery"])

    let result = try journal.run(["tags", "--format", "csv"])

    expectSuccess(result)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "name,track,energized,drained,description")
    #expect(lines.count == 7)
    let delivery =
      "delivery,management,0,1,"
      + "\"coordinating, prioritising, unblocking delivery\""
    #expect(lines.contains(delivery))
  }

  // MARK: Unknown and invalid tags

  @Test(
    "an unknown tag is refused naming the nearest known tag, the journal unchanged",
    arguments: [
      ("-e", "coachng", "coaching"), ("-d", "coachng", "coaching"),
      ("-e", "deepwork", "deep-work"), ("-e", "Mentorin", "mentoring"),
      ("-d", "architecure", "architecture"), ("--drained", "delivry", "delivery"),
      ("-e", "conflict", "conflict-resolution"),
    ])
  func unknownTagSuggestsNearest(option: String, typo: String, nearest: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("first", ["-e", "coaching"])
    let before = try journal.snapshot()

    let result = try journal.run(["add", "second", "-e", "deep-work", option, typo])

    expectRefused(
      result, status: 65, mentioning: [typo.lowercased(), "'\(nearest)'", "journal tags add"])
    let after = try journal.snapshot()
    #expect(after == before, "before \(before), after \(after)")
    #expect(try journal.entries().map(\.text) == ["first"])
    #expect(try journal.tags().map(\.name) == Self.builtIn.keys.sorted())
  }

  @Test("an unknown tag unlike any known one still says how to create it")
  func unknownTagWithoutSuggestion() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("first")
    let before = try journal.snapshot()

    let result = try journal.run(["add", "second", "-e", "hiring"])

    expectRefused(result, status: 65, mentioning: ["hiring", "journal tags add hiring"])
    #expect(!result.stderr.contains("did you mean"))
    #expect(try journal.snapshot() == before)
  }

  @Test("an unknown tag on the first add does not create the journal")
  func unknownTagOnMissingJournal() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let result = try journal.run(["add", "first", "-e", "coachng"])

    expectRefused(result, status: 65, mentioning: ["coaching"])
    #expect(!journal.exists, "a refused add must not write a journal file")
  }

  @Test(
    "a tag name that is not kebab-case is a usage error",
    arguments: [
      "deep work", "deep_work", "-deep", "deep-", "deep--work", "deep.work", "café",
      String(repeating: "a", count: 41), "",
    ])
  func invalidTagName(name: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("first")
    let before = try journal.snapshot()

    let add = try journal.run(["add", "second", "-e", name])
    let create = try journal.run(["tags", "add", name, "--track", "ic"])

    expectRefused(add, status: 64)
    expectRefused(create, status: 64)
    #expect(try journal.snapshot() == before)
  }

  @Test("the usage error for 'deep work' suggests 'deep-work'")
  func invalidTagNameSuggestion() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let result = try journal.run(["add", "x", "-e", "deep work"])

    expectRefused(result, status: 64, mentioning: ["deep work", "deep-work"])
    #expect(!journal.exists)
  }

  // MARK: tags add

  @Test(
    "tags add creates a tag usable at once",
    arguments: ["ic", "management", "both", "neutral"])
  func addTag(track: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let result = try journal.run([
      "tags", "add", "Hiring-Loops", "--track", track, "--description", "interviews, debriefs",
    ])

    expectSuccess(result)
    #expect(result.stdout.contains("hiring-loops"))
    let tag = try #require(try journal.tags().first { $0.name == "hiring-loops" })
    #expect(
      tag
        == TagRecord(
          name: "hiring-loops", track: track, description: "interviews, debriefs", energized: 0,
          drained: 0))
    try journal.add("Ran an interview loop", ["-d", "HIRING-LOOPS"])
    #expect(try journal.entry(1).marks == ["hiring-loops:drained"])
  }

  @Test("tags add without a description leaves it empty")
  func addTagWithoutDescription() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    expectSuccess(try journal.run(["tags", "add", "oncall", "--track", "neutral"]))

    #expect(try journal.tags().first { $0.name == "oncall" }?.description == "")
  }

  @Test(
    "adding a tag that exists is refused, whatever its case",
    arguments: ["coaching", "Coaching", "DEEP-WORK", "hiring"])
  func addExistingTagRefused(name: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    expectSuccess(try journal.run(["tags", "add", "hiring", "--track", "management"]))
    let before = try journal.snapshot()

    let result = try journal.run(["tags", "add", name, "--track", "ic"])

    expectRefused(result, status: 65, mentioning: [name.lowercased(), "exists"])
    #expect(try journal.snapshot() == before)
  }

  @Test(
    "tags add needs a valid --track",
    arguments: [["--track", "manager"], ["--track", "IC-ish"], []])
  func addTagBadTrack(arguments: [String]) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("first")
    let before = try journal.snapshot()

    let result = try journal.run(["tags", "add", "hiring"] + arguments)

    expectRefused(result, status: 64)
    #expect(try journal.snapshot() == before)
  }

  // MARK: rename

  @Test("rename keeps every entry's marks under the new name")
  func renameKeepsMarks() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("one", ["-e", "coaching", "-d", "delivery"])
    try journal.add("two", ["-d", "coaching"])
    try journal.add("three", ["-e", "deep-work"])

    let result = try journal.run(["tags", "rename", "coaching", "People-Growth"])

    expectSuccess(result)
    #expect(result.stdout.contains("people-growth"))
    let marks = try journal.entries().reduce(into: [String: [String]]()) { $0[$1.text] = $1.marks }
    #expect(
      marks == [
        "one": ["delivery:drained", "people-growth:energized"],
        "two": ["people-growth:drained"],
        "three": ["deep-work:energized"],
      ])
    let tags = try journal.tags()
    #expect(!tags.contains { $0.name == "coaching" })
    let renamed = try #require(tags.first { $0.name == "people-growth" })
    #expect(renamed.track == "management")
    #expect(renamed.description == "growing people: 1:1s, feedback, career talks")
    #expect(renamed.counts == [1, 1])
    #expect(try journal.entries(["--tag", "people-growth"]).map(\.text) == ["two", "one"])
  }

  @Test("the old name is unknown after a rename")
  func oldNameUnknownAfterRename() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("one", ["-e", "coaching"])
    expectSuccess(try journal.run(["tags", "rename", "coaching", "people-growth"]))
    let before = try journal.snapshot()

    let result = try journal.run(["add", "two", "-e", "coaching"])

    expectRefused(result, status: 65, mentioning: ["coaching"])
    #expect(try journal.snapshot() == before)
  }

  @Test(
    "rename is refused for an unknown tag or onto an existing name",
    arguments: [
      (["nope", "other"], 65, "nope"), (["coaching", "delivery"], 65, "delivery"),
      (["coaching", "Deep-Work"], 65, "deep-work"), (["coaching", "bad name"], 64, "bad name"),
    ])
  func renameRefused(arguments: [String], status: Int32, mentioned: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("one", ["-e", "coaching"])
    let before = try journal.snapshot()

    let result = try journal.run(["tags", "rename"] + arguments)

    expectRefused(result, status: status, mentioning: [mentioned])
    #expect(try journal.snapshot() == before)
  }

  // MARK: merge

  @Test("merge moves every mark onto the target and removes the source")
  func mergeKeepsMarks() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("one", ["-e", "mentoring"])
    try journal.add("two", ["-d", "mentoring", "-e", "deep-work"])
    try journal.add("three", ["-e", "coaching"])
    try journal.add("four", ["-e", "delivery"])

    let result = try journal.run(["tags", "merge", "mentoring", "coaching"])

    expectSuccess(result)
    let marks = try journal.entries().reduce(into: [String: [String]]()) { $0[$1.text] = $1.marks }
    #expect(
      marks == [
        "one": ["coaching:energized"],
        "two": ["coaching:drained", "deep-work:energized"],
        "three": ["coaching:energized"],
        "four": ["delivery:energized"],
      ])
    let tags = try journal.tags()
    #expect(!tags.contains { $0.name == "mentoring" })
    let target = try #require(tags.first { $0.name == "coaching" })
    #expect(target.counts == [2, 1])
    #expect(target.track == "management")
  }

  @Test(
    "merge where an entry had both tags keeps the target's mark",
    arguments: [
      (["-e", "mentoring", "-d", "coaching"], "coaching:drained"),
      (["-d", "mentoring", "-e", "coaching"], "coaching:energized"),
      (["-e", "mentoring", "-e", "coaching"], "coaching:energized"),
    ])
  func mergeKeepsTargetMark(tags: [String], kept: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("both", tags + ["-e", "deep-work"])

    expectSuccess(try journal.run(["tags", "merge", "mentoring", "coaching"]))

    #expect(try journal.entry(1).marks == [kept, "deep-work:energized"])
    let target = try #require(try journal.tags().first { $0.name == "coaching" })
    #expect(target.energized + target.drained == 1, "one mark per entry and tag")
  }

  @Test(
    "merge is refused for unknown tags and into itself",
    arguments: [
      (["nope", "coaching"], 65, "nope"), (["coaching", "nope"], 65, "nope"),
      (["coaching", "coaching"], 64, "coaching"), (["coaching", "Coaching"], 64, "coaching"),
    ] as [([String], Int32, String)])
  func mergeRefused(arguments: [String], status: Int32, mentioned: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("one", ["-e", "coaching"])
    let before = try journal.snapshot()

    let result = try journal.run(["tags", "merge"] + arguments)

    expectRefused(result, status: status, mentioning: [mentioned])
    #expect(try journal.snapshot() == before)
  }

  // MARK: set-track

  @Test("set-track changes the track and keeps the marks", arguments: ["ic", "both", "neutral"])
  func setTrack(track: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("one", ["-e", "delivery"])

    let result = try journal.run(["tags", "set-track", "Delivery", track])

    expectSuccess(result)
    #expect(result.stdout.contains(track))
    let tag = try #require(try journal.tags().first { $0.name == "delivery" })
    #expect(tag.track == track)
    #expect(tag.energized == 1)
    #expect(try journal.entry(1).marks == ["delivery:energized"])
  }

  @Test(
    "set-track is refused for an unknown tag or track",
    arguments: [(["nope", "ic"], 65), (["delivery", "sideways"], 64), (["delivery"], 64)]
      as [([String], Int32)])
  func setTrackRefused(arguments: [String], status: Int32) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("one")
    let before = try journal.snapshot()

    let result = try journal.run(["tags", "set-track"] + arguments)

    expectRefused(result, status: status)
    #expect(try journal.snapshot() == before)
  }
}
