import Dispatch
import JournalCore
import JournalIO
import JournalStore

/// Where an import comes from.
public enum ImportSource: String, CaseIterable, Sendable {
  /// `journal export --format json`: lossless.
  case journalJSON = "journal-json"
  /// `jrnl --format json`.
  case jrnlJSON = "jrnl-json"
  /// `journal export --format csv`.
  case csv
}

/// `--map OLD=NEW`: an imported tag renamed, with a mark when NEW starts with `+` (energized)
/// or `-` (drained); without one the tag is logged as exposure only.
public struct TagMapping: Hashable, Sendable {
  /// The tag as the imported file names it, without its symbol.
  public let from: String
  /// The journal's tag it becomes.
  public let to: String
  /// The mark it gets.
  public let mark: Mark

  public static func parse(_ text: String) throws -> TagMapping {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2 else {
      throw InterchangeError.invalidMapping(
        text, problem: "--map '\(text)' is not OLD=NEW; for example --map 1on1=+coaching.")
    }
    var target = parts[1]
    var mark = Mark.logged
    if target.hasPrefix("+") {
      mark = .energized
      target.removeFirst()
    } else if target.hasPrefix("-") {
      mark = .drained
      target.removeFirst()
    }
    let from = JournalImport.bareTag(parts[0])
    guard !from.isEmpty, let to = TagName.normalize(target) else {
      throw InterchangeError.invalidMapping(
        text,
        problem:
          "--map '\(text)' needs a tag on each side; NEW is a kebab-case tag, optionally after + "
          + "or -.")
    }
    return TagMapping(from: from, to: to, mark: mark)
  }
}

/// What an import added.
public struct ImportSummary: Sendable {
  /// Entries added.
  public var added = 0
  /// Entries skipped because the journal has them already.
  public var duplicates = 0
  /// Tags the import created.
  public var createdTags: [String] = []
  /// Experiments added.
  public var experiments = 0
  /// Reflections added.
  public var reflections = 0
}

/// Reads the import formats and writes them through one `Journal.importing` transaction: all
/// or nothing, and a re-import adds nothing.
///
/// Duplicates are found by each entry's stable id (`uuid`): career-journal JSON and CSV carry
/// it; a jrnl entry's is `jrnl-DATE-` and a 128-bit hash of its date, time, title and body; a
/// CSV row without one gets `csv-DATE-` and a hash of its date and text.
public enum JournalImport {
  public static func run(
    journal: Journal, path: String, source: ImportSource, mappings: [TagMapping],
    createTags: Bool, dryRun: Bool
  ) throws -> ImportSummary {
    let file: InputFile
    do {
      file = try InputFile.open(path)
    } catch {
      if error.errno == .noSuchFileOrDirectory { throw InterchangeError.fileMissing(path: path) }
      throw InterchangeError.io(error)
    }
    return try journal.importing(dryRun: dryRun) { importer in
      do {
        switch source {
        case .journalJSON:
          return try journalJSON(JSONReader(file: file), into: importer, path: path)
        case .jrnlJSON:
          return try jrnlJSON(
            JSONReader(file: file), into: importer, path: path, mappings: mappings,
            createTags: createTags)
        case .csv:
          return try csv(CSVReader(file: file), into: importer, path: path)
        }
      } catch let failure as SyntaxError {
        if let readFailure = failure.readFailure { throw InterchangeError.io(readFailure) }
        throw InterchangeError.invalid(
          path: path, format: source.rawValue, problem: "\(failure.message) at \(failure.location)")
      }
    }
  }

  // MARK: - career-journal JSON

  private static func journalJSON(
    _ reader: JSONReader, into importer: Journal.Importer, path: String
  )
    throws -> ImportSummary
  {
    var reader = reader
    var summary = ImportSummary()
    let isNew = try importer.hasNoEntries()
    var sawFormat = false
    var index = 0
    try reader.readObject { key, reader in
      switch key {
      case "format":
        guard try reader.readValue().string == JournalExport.formatName else {
          throw invalid(path, "its format is not \"\(JournalExport.formatName)\"")
        }
        sawFormat = true
      case "version":
        guard let version = try reader.readValue().int, version <= JournalExport.formatVersion
        else {
          throw invalid(path, "it was written by a newer career-journal")
        }
      case "tags":
        var tags: [TagRecord] = []
        try reader.readArray { reader in
          let node = try reader.readValue()
          guard let name = node["name"]?.string,
            let track = node["track"]?.string.flatMap(Track.init(rawValue:))
          else { throw invalid(path, "tag \(tags.count + 1) lacks a name or a valid track") }
          tags.append(
            TagRecord(
              name: name, track: track, description: node["description"]?.string ?? "",
              createdAt: node["created_at"]?.string.map(Timestamp.init(iso:))))
        }
        for tag in tags where !(try importer.hasTag(tag.name)) {
          summary.createdTags.append(tag.name)
        }
        if isNew { try importer.restoreTags(tags) } else { try tags.forEach(importer.ensureTag) }
      case "entries":
        try reader.readArray { reader in
          index += 1
          try importer.insertEntry(
            try entry(from: try reader.readValue(), index: index, path: path))
        }
      case "experiments":
        try reader.readArray { reader in
          let node = try reader.readValue()
          guard let record = experiment(from: node) else {
            throw invalid(path, "experiment \(summary.experiments + 1) is incomplete")
          }
          if try importer.insertExperiment(record) { summary.experiments += 1 }
        }
      case "reflections":
        try reader.readArray { reader in
          let node = try reader.readValue()
          guard let record = reflection(from: node) else {
            throw invalid(path, "a reflection is incomplete")
          }
          if try importer.insertReflection(record) { summary.reflections += 1 }
        }
      default:
        try reader.skipValue()
      }
    }
    try reader.expectEnd()
    guard sawFormat else {
      throw invalid(path, "it has no \"format\": \"\(JournalExport.formatName)\"")
    }
    (summary.added, summary.duplicates) = try importer.finishEntries()
    return summary
  }

  private static func entry(from node: JSONNode, index: Int, path: String) throws
    -> ImportedEntry
  {
    guard let day = node[.date]?.string.flatMap({ Day(iso: $0) }) else {
      throw invalid(path, "entry \(index) has no valid date")
    }
    guard let rawText = node[.text]?.string else {
      throw invalid(path, "entry \(index) has no text")
    }
    let text: String
    do {
      text = try EntryText.clean(rawText)
    } catch {
      throw invalid(path, "entry \(index): \(error)")
    }
    var energy: Int?
    if let value = node[.energy], !value.isNull {
      guard let number = value.int, Entry.energyRange.contains(number) else {
        throw invalid(path, "entry \(index) has an energy outside -2...2")
      }
      energy = number
    }
    var tags: [TagMark] = []
    for tag in node[.tags]?.array ?? [] {
      guard let name = tag[.name]?.string.flatMap(TagName.normalize),
        let mark = tag[.mark]?.string.flatMap(Mark.init(rawValue:))
      else { throw invalid(path, "entry \(index) has a tag without a valid name and mark") }
      if !tags.contains(where: { $0.name == name }) { tags.append(TagMark(name: name, mark: mark)) }
    }
    let uuid = node[.uuid]?.string ?? ("json-\(day.iso)-" + Fingerprint.hex(day.iso, text))
    return ImportedEntry(
      id: node[.id]?.int.map(Int64.init), uuid: uuid, day: day, text: text, energy: energy,
      tags: tags, isStarred: node[.starred]?.bool ?? false,
      isPrivate: node[.private]?.bool ?? false,
      createdAt: Timestamp(recorded: node[.createdAt]?.string),
      updatedAt: Timestamp(recorded: node[.updatedAt]?.string),
      deletedAt: node[.deletedAt]?.string.map(Timestamp.init(iso:)))
  }

  private static func experiment(from node: JSONNode) -> ExperimentRecord? {
    guard let title = node["title"]?.string, let uuid = node["uuid"]?.string,
      let track = node["track"]?.string.flatMap(Track.init(rawValue:)),
      track == .ic || track == .management,
      let start = node["start"]?.string.flatMap({ Day(iso: $0) }),
      let weeks = node["planned_weeks"]?.int, (1...52).contains(weeks)
    else { return nil }
    return ExperimentRecord(
      experiment: Experiment(
        id: Int64(node["id"]?.int ?? 0), title: title, track: track,
        hypothesis: node["hypothesis"]?.string ?? "", start: start, plannedWeeks: weeks,
        end: node["end"]?.string.flatMap { Day(iso: $0) }, outcome: node["outcome"]?.string),
      uuid: uuid, createdAt: node["created_at"]?.string.map(Timestamp.init(iso:)),
      updatedAt: node["updated_at"]?.string.map(Timestamp.init(iso:)))
  }

  private static func reflection(from node: JSONNode) -> ReflectionRecord? {
    guard let uuid = node["uuid"]?.string, let day = node["date"]?.string.flatMap({ Day(iso: $0) })
    else { return nil }
    return ReflectionRecord(
      reflection: Reflection(
        id: Int64(node["id"]?.int ?? 0), day: day, fiveYears: node["five_years"]?.string ?? "",
        motives: (node["motives"]?.array ?? []).compactMap {
          $0.string.flatMap(Motive.init(rawValue:))
        },
        note: node["note"]?.string ?? ""),
      uuid: uuid, createdAt: node["created_at"]?.string.map(Timestamp.init(iso:)))
  }

  // MARK: - jrnl JSON

  /// A jrnl tag without its symbol (`@1on1` → `1on1`), lowercase.
  static func bareTag(_ tag: String) -> String {
    // ASCII tags (nearly all) by their bytes; others by their characters.
    if tag.utf8.allSatisfy({ $0 < 0x80 }) {
      let isAlphanumeric: (UInt8) -> Bool = {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20)
          || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
      }
      let lowercased = tag.utf8.drop { !isAlphanumeric($0) }.map {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0
      }
      return String(decoding: lowercased, as: UTF8.self)
    }
    return String(tag.drop { !$0.isLetter && !$0.isNumber }).lowercased()
  }

  /// An entry of a jrnl file as the reading thread leaves it: everything that needs no journal.
  struct JrnlEntry: Sendable {
    let day: Day
    let text: String
    /// Its tags without their symbol, lowercase, in the file's order.
    let tags: [String]
    let uuid: String
    let isStarred: Bool
  }

  /// Imports a jrnl file with two threads: one reads and parses the file while this one
  /// writes what it has read, a batch behind. Parsing is about a quarter of the work, and it
  /// needs no journal, so the two overlap (BENCHMARKS.md).
  private static func jrnlJSON(
    _ reader: JSONReader, into importer: Journal.Importer, path: String, mappings: [TagMapping],
    createTags: Bool
  ) throws -> ImportSummary {
    let channel = BatchChannel<JrnlEntry>(capacity: 4)
    let reading = DispatchGroup()
    DispatchQueue.global().async(group: reading) {
      var reader = reader
      do {
        try readJrnl(&reader, path: path, batchSize: 256) { channel.send($0) }
        channel.finish(throwing: nil)
      } catch {
        channel.finish(throwing: error)
      }
    }
    // However this ends, the reader stops and is gone before the file is closed.
    defer {
      channel.cancel()
      reading.wait()
    }

    var summary = ImportSummary()
    var unknown: [String] = []
    let maps = Dictionary(mappings.map { ($0.from, $0) }, uniquingKeysWith: { first, _ in first })
    while let batch = try channel.receive() {
      for entry in batch {
        var tags: [TagMark] = []
        for bare in entry.tags {
          var mark = TagMark(
            name: TagName.normalize(bare) ?? TagName.suggestion(for: bare) ?? bare, mark: .logged)
          if let mapping = maps[bare] {
            mark = TagMark(name: mapping.to, mark: mapping.mark)
          } else if !(try importer.hasTag(mark.name)) {
            if createTags, TagName.normalize(mark.name) != nil {
              try importer.ensureTag(
                TagRecord(name: mark.name, track: .neutral, description: "imported from jrnl"))
              summary.createdTags.append(mark.name)
            } else if !unknown.contains(bare) {
              unknown.append(bare)
            }
          }
          if let existing = tags.firstIndex(where: { $0.name == mark.name }) {
            if tags[existing].mark == .logged { tags[existing] = mark }  // a feeling beats none
          } else {
            tags.append(mark)
          }
        }
        guard unknown.isEmpty else { continue }  // keep reading to list every unknown tag
        try importer.insertEntry(
          ImportedEntry(
            uuid: entry.uuid, day: entry.day, text: entry.text, tags: tags,
            isStarred: entry.isStarred))
      }
    }
    if !unknown.isEmpty { throw InterchangeError.unknownTags(path: path, tags: unknown) }
    (summary.added, summary.duplicates) = try importer.finishEntries()
    return summary
  }

  /// Reads a jrnl file into entries, `batchSize` at a time; stops early when `send` says the
  /// importer has gone.
  static func readJrnl(
    _ reader: inout JSONReader, path: String, batchSize: Int, send: ([JrnlEntry]) -> Bool
  ) throws {
    struct Stopped: Error {}
    var batch: [JrnlEntry] = []
    var index = 0
    var sawEntries = false
    do {
      try reader.readObject { key, reader in
        guard key == "entries" else { return try reader.skipValue() }
        sawEntries = true
        try reader.readArray { reader in
          index += 1
          batch.append(try jrnlEntry(reader.readValue(), index: index, path: path))
          if batch.count == batchSize {
            guard send(batch) else { throw Stopped() }
            batch.removeAll(keepingCapacity: true)
          }
        }
      }
    } catch is Stopped {
      return
    }
    try reader.expectEnd()
    guard sawEntries else { throw invalid(path, "it has no \"entries\" array") }
    if !batch.isEmpty { _ = send(batch) }
  }

  private static func jrnlEntry(_ node: JSONNode, index: Int, path: String) throws -> JrnlEntry {
    guard let date = node["date"]?.string, let day = Day(iso: date) else {
      throw invalid(path, "entry \(index) has no valid date")
    }
    let title = node["title"]?.string ?? ""
    let body = node["body"]?.string ?? ""
    let joined = body.trimmingWhitespace().isEmpty ? title : title + "\n" + body
    let text: String
    do {
      text = try EntryText.clean(joined)
    } catch {
      throw invalid(path, "entry \(index): \(error)")
    }
    // The day leads the key so a chronological file inserts into the uuid index in order.
    let uuid = "jrnl-\(day.iso)-" + Fingerprint.hex(date, node["time"]?.string ?? "", title, body)
    return JrnlEntry(
      day: day, text: text,
      tags: (node["tags"]?.array?.compactMap(\.string) ?? []).map(bareTag), uuid: uuid,
      isStarred: node["starred"]?.bool ?? false)
  }

  // MARK: - CSV

  private static func csv(_ reader: CSVReader, into importer: Journal.Importer, path: String) throws
    -> ImportSummary
  {
    var reader = reader
    var summary = ImportSummary()
    guard let header = try reader.readRecord() else { throw invalid(path, "it is empty") }
    let column = Dictionary(
      header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    guard let dateColumn = column["date"], let textColumn = column["text"] else {
      throw invalid(path, "its header lacks a date or a text column")
    }
    var row = 1
    while let fields = try reader.readRecord() {
      row += 1
      if fields == [""] { continue }  // a blank line
      func field(_ name: String) -> String {
        guard let index = column[name], index < fields.count else { return "" }
        return fields[index]
      }
      guard fields.count == header.count else {
        throw invalid(path, "row \(row) has \(fields.count) fields, the header \(header.count)")
      }
      guard let day = Day(iso: fields[dateColumn]) else {
        throw invalid(path, "row \(row) has no valid date")
      }
      let text: String
      do {
        text = try EntryText.clean(CSV.textValue(fields[textColumn]))
      } catch {
        throw invalid(path, "row \(row): \(error)")
      }
      var energy: Int?
      if !field("energy").isEmpty {
        guard let value = Int(field("energy")), Entry.energyRange.contains(value) else {
          throw invalid(path, "row \(row) has an energy outside -2...2")
        }
        energy = value
      }
      var tags: [TagMark] = []
      for (name, mark) in [
        ("energized", Mark.energized), ("drained", .drained), ("logged", .logged),
      ] {
        for tag in field(name).split(separator: ";") {
          guard let canonical = TagName.normalize(String(tag)) else {
            throw invalid(path, "row \(row) has an invalid tag '\(tag)'")
          }
          if !tags.contains(where: { $0.name == canonical }) {
            tags.append(TagMark(name: canonical, mark: mark))
          }
        }
      }
      let uuid =
        field("uuid").isEmpty ? "csv-\(day.iso)-" + Fingerprint.hex(day.iso, text) : field("uuid")
      try importer.insertEntry(
        ImportedEntry(
          id: Int64(field("id")), uuid: uuid, day: day, text: text, energy: energy, tags: tags,
          isStarred: field("starred") == "1", isPrivate: field("private") == "1",
          createdAt: Timestamp(recorded: field("created_at")),
          updatedAt: Timestamp(recorded: field("updated_at"))))
    }
    (summary.added, summary.duplicates) = try importer.finishEntries()
    return summary
  }

  private static func invalid(_ path: String, _ problem: String) -> InterchangeError {
    .invalid(path: path, format: "", problem: problem)
  }
}

/// A stable 128-bit fingerprint (two FNV-1a 64-bit hashes), for duplicate keys of records that
/// carry no id of their own.
enum Fingerprint {
  static func hex(_ parts: String...) -> String {
    var hash = TwoHashes()
    for (index, part) in parts.enumerated() {
      var part = part
      part.withUTF8 { hash.mix($0) }  // the contiguous bytes: no per-byte string indexing
      hash.mix(index == parts.count - 1 ? 0 : 0x1F)  // a separator, and 0 after the last part
    }
    return hex64(hash.first) + hex64(hash.second)
  }

  private struct TwoHashes {
    var first: UInt64 = 0xcbf2_9ce4_8422_2325
    var second: UInt64 = 0x8422_2325_cbf2_9ce4

    mutating func mix(_ byte: UInt8) {
      first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      second = (second ^ UInt64(byte ^ 0x5A)) &* 0x0000_0100_0000_01B3
    }

    mutating func mix(_ bytes: UnsafeBufferPointer<UInt8>) {
      for byte in bytes { mix(byte) }
    }
  }

  private static func hex64(_ value: UInt64) -> String {
    let digits = Array("0123456789abcdef".utf8)
    let bytes = (0..<16).map { digits[Int((value >> (60 - 4 * UInt64($0))) & 0xF)] }
    return String(decoding: bytes, as: UTF8.self)
  }
}
