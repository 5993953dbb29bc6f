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
  /// Roles added.
  public var roles = 0
}

/// Reads the import formats and writes them through one `Journal.importing` transaction: all
/// or nothing, and a re-import adds nothing.
///
/// Duplicates are found by each entry's stable id (`uuid`): career-journal JSON and CSV carry
/// it; a jrnl entry's is `jrnl-DATE-` and a 128-bit hash of its date, time, title and body; a
/// CSV row without one gets `csv-DATE-` and a hash of its date and text.
public enum JournalImport {
  /// Imports the file at `path` into `journal`, all or nothing.
  ///
  /// A record dated after `today` is refused, as every command that dates a record refuses a
  /// future day.
  ///
  /// - Parameters:
  ///   - journal: The journal written to.
  ///   - path: The file to read.
  ///   - source: Its format.
  ///   - mappings: jrnl tag renames.
  ///   - createTags: Whether unknown jrnl tags are created as neutral.
  ///   - dryRun: Whether to roll back after counting.
  ///   - today: The user's day.
  /// - Returns: What was added.
  /// - Throws: `InterchangeError` for a file that cannot be read or holds an invalid record.
  public static func run(
    journal: Journal, path: String, source: ImportSource, mappings: [TagMapping],
    createTags: Bool, dryRun: Bool, today: Day
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
          return try journalJSON(
            JSONReader(file: file), into: importer, path: path, today: today,
            reopen: { try JSONReader(file: reopen(path)) })
        case .jrnlJSON:
          return try jrnlJSON(
            JSONReader(file: file), into: importer, path: path, mappings: mappings,
            createTags: createTags, today: today)
        case .csv:
          return try csv(CSVReader(file: file), into: importer, path: path, today: today)
        }
      } catch let failure as SyntaxError {
        if let readFailure = failure.readFailure { throw InterchangeError.io(readFailure) }
        throw InterchangeError.invalid(
          path: path, format: source.rawValue, problem: "\(failure.message) at \(failure.location)")
      } catch let failure as StoreError where failure.isConstraintViolation {
        // Every record is checked above; should one still break a rule of the schema, the
        // user reads a sentence, never SQLite's.
        throw InterchangeError.invalid(
          path: path, format: source.rawValue,
          problem: "a record breaks a rule of the journal (a duplicate id or a value out of range)")
      }
    }
  }

  /// The file at `path` opened again for a second pass: only a regular file reads the same
  /// twice (a pipe would read as empty), so anything else is refused.
  private static func reopen(_ path: String) throws -> InputFile {
    guard (try? FileStatus.of(path))?.kind == .regular else {
      throw invalid(
        path,
        "its tags come after its entries and it is not a regular file that can be read twice; "
          + "save it to a file first")
    }
    do {
      return try InputFile.open(path)
    } catch {
      throw InterchangeError.io(error)
    }
  }

  // MARK: - career-journal JSON

  /// Reads a career-journal JSON file whatever the order of its top-level keys (a `jq -S` or
  /// other key-sorted export puts `entries` before `tags`): the first pass reads `format`,
  /// `version` and `tags`, and imports entries, experiments and reflections only when these
  /// came first (the order `journal export` writes); otherwise it skips them and a second
  /// pass over the file imports them. Either way entries are streamed one at a time; only
  /// the tags are held in memory.
  private static func journalJSON(
    _ reader: JSONReader, into importer: Journal.Importer, path: String, today: Day,
    reopen: () throws -> JSONReader
  )
    throws -> ImportSummary
  {
    var reader = reader
    var summary = ImportSummary()
    let isNew = importer.startedEmpty
    var sawFormat = false
    var sawTags = false
    var deferred = false
    var counters = RecordCounters()
    try reader.skipByteOrderMark()
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
        sawTags = true
      case let key where recordArrays.contains(key):
        guard sawFormat && sawTags else {
          deferred = true
          return try reader.skipValue()
        }
        try records(
          key, &reader, into: importer, path: path, today: today, summary: &summary,
          counters: &counters)
      default:
        try reader.skipValue()
      }
    }
    try reader.expectEnd()
    guard sawFormat else {
      throw invalid(path, "it has no \"format\": \"\(JournalExport.formatName)\"")
    }
    if deferred {
      // The records came before the tags (or the format): read them again, now that the
      // tags exist.
      var second = try reopen()
      try second.skipByteOrderMark()
      try second.readObject { key, reader in
        guard recordArrays.contains(key) else {
          return try reader.skipValue()
        }
        try records(
          key, &reader, into: importer, path: path, today: today, summary: &summary,
          counters: &counters)
      }
    }
    (summary.added, summary.duplicates) = try importer.finishEntries()
    return summary
  }

  /// The top-level arrays of records, each imported by ``records(_:_:into:path:today:summary:counters:)``
  /// once the format and the tags are known.
  private static let recordArrays: Set<String> = ["entries", "experiments", "reflections", "roles"]

  /// The 1-based place of the record being read in each array, for error messages.
  private struct RecordCounters {
    var entries = 0
    var experiments = 0
    var reflections = 0
    var roles = 0
  }

  /// Imports the array `key` (one of ``recordArrays``) that starts here.
  private static func records(
    _ key: String, _ reader: inout JSONReader, into importer: Journal.Importer, path: String,
    today: Day, summary: inout ImportSummary, counters: inout RecordCounters
  ) throws {
    func notFuture(_ day: Day?, _ record: @autoclosure () -> String) throws {
      try checkNotFuture(day, record(), today: today, path: path)
    }
    switch key {
    case "entries":
      try reader.readArray { reader in
        counters.entries += 1
        let record = try entry(from: try reader.readValue(), index: counters.entries, path: path)
        try notFuture(record.values.day, "entry \(counters.entries)")
        try importer.insertEntry(record)
      }
    case "experiments":
      try reader.readArray { reader in
        counters.experiments += 1
        let record = try experiment(
          from: try reader.readValue(), index: counters.experiments, path: path)
        try notFuture(record.experiment.start, "experiment \(counters.experiments)")
        try notFuture(record.experiment.end, "experiment \(counters.experiments)'s end")
        if try importer.insertExperiment(record) { summary.experiments += 1 }
      }
    case "roles":
      try reader.readArray { reader in
        counters.roles += 1
        let record = try role(from: try reader.readValue(), index: counters.roles, path: path)
        try notFuture(record.role.start, "role \(counters.roles)")
        if try importer.insertRole(record) { summary.roles += 1 }
      }
    default:
      try reader.readArray { reader in
        counters.reflections += 1
        let record = try reflection(
          from: try reader.readValue(), index: counters.reflections, path: path)
        try notFuture(record.reflection.day, "reflection \(counters.reflections)")
        if try importer.insertReflection(record) { summary.reflections += 1 }
      }
    }
  }

  /// Refuses a record dated after today: a journal records days that have happened, and every
  /// command that dates a record (`add --date`, `role start --date`, …) refuses a future day.
  /// The record's label ("entry 12") is made only for the refusal, not for every record.
  private static func checkNotFuture(
    _ day: Day?, _ record: @autoclosure () -> String, today: Day, path: String
  ) throws {
    guard let day, day > today else { return }
    throw invalid(
      path,
      "\(record()) is dated \(day.iso), after today (\(today.iso)); correct that date in the file")
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
      id: try wantedID(node[.id], place: "entry \(index)", path: path), uuid: uuid, day: day,
      text: text, energy: energy,
      tags: tags, isStarred: node[.starred]?.bool ?? false,
      isPrivate: node[.private]?.bool ?? false,
      createdAt: Timestamp(recorded: node[.createdAt]?.string),
      updatedAt: Timestamp(recorded: node[.updatedAt]?.string),
      deletedAt: node[.deletedAt]?.string.map(Timestamp.init(iso:)))
  }

  /// The ids an import keeps: 1 to 2^53 − 1 (the largest integer every JSON reader holds
  /// exactly). A larger one is refused, not kept: SQLite gives the rows after an id of
  /// 2^63 − 1 random ids, and `journal show` numbers would stop being small and ordered.
  public static let idRange: ClosedRange<Int64> = 1...(1 << 53 - 1)

  /// The id a record asks for: `nil` when it has none, else one in ``idRange``.
  private static func wantedID(_ node: JSONNode?, place: String, path: String) throws -> Int64? {
    guard let node, !node.isNull else { return nil }
    guard let value = node.int.map(Int64.init), idRange.contains(value) else {
      throw invalid(path, "\(place) has an id outside 1...\(idRange.upperBound)")
    }
    return value
  }

  /// The first control character in `text` (C0, DEL, C1; tab and line feed allowed when
  /// `multiline`), as `U+XXXX`, or `nil`: imported text meets the rules of typed text.
  static func controlCharacter(in text: String, multiline: Bool) -> String? {
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if multiline && (value == 0x09 || value == 0x0A) { continue }
      if value < 0x20 || (0x7F...0x9F).contains(value) {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      }
    }
    return nil
  }

  /// `text` checked for control characters, as the record's `field`.
  private static func checkedText(
    _ text: String, field: String, multiline: Bool, place: String, path: String
  ) throws -> String {
    if let character = controlCharacter(in: text, multiline: multiline) {
      throw invalid(path, "\(place) has a control character (\(character)) in its \(field)")
    }
    return text
  }

  /// An experiment of the file, checked as `journal experiment start` and `end` check theirs.
  private static func experiment(from node: JSONNode, index: Int, path: String) throws
    -> ExperimentRecord
  {
    let place = "experiment \(index)"
    func text(_ key: String, _ field: String, multiline: Bool) throws -> String? {
      guard let value = node[key], !value.isNull else { return nil }
      guard let string = value.string else {
        throw invalid(path, "\(place) has a non-text \(field)")
      }
      return try checkedText(string, field: field, multiline: multiline, place: place, path: path)
    }
    guard let uuid = node["uuid"]?.string, !uuid.isEmpty else {
      throw invalid(path, "\(place) has no uuid")
    }
    guard let title = try text("title", "title", multiline: false),
      !title.allSatisfy(\.isWhitespace)
    else { throw invalid(path, "\(place) has no title") }
    guard let track = node["track"]?.string.flatMap(Track.init(rawValue:)),
      track == .ic || track == .management
    else { throw invalid(path, "\(place) has a track other than ic or management") }
    guard let start = node["start"]?.string.flatMap({ Day(iso: $0) }) else {
      throw invalid(path, "\(place) has no valid start date")
    }
    guard let weeks = node["planned_weeks"]?.int, (1...52).contains(weeks) else {
      throw invalid(path, "\(place) has planned weeks outside 1 to 52")
    }
    var end: Day?
    if let value = node["end"], !value.isNull {
      guard let day = value.string.flatMap({ Day(iso: $0) }) else {
        throw invalid(path, "\(place) has an invalid end date")
      }
      guard day >= start else {
        throw invalid(path, "\(place) ends (\(day.iso)) before it starts (\(start.iso))")
      }
      end = day
    }
    return ExperimentRecord(
      experiment: Experiment(
        id: try wantedID(node["id"], place: place, path: path) ?? 0, title: title, track: track,
        hypothesis: try text("hypothesis", "hypothesis", multiline: true) ?? "", start: start,
        plannedWeeks: weeks, end: end, outcome: try text("outcome", "outcome", multiline: true)),
      uuid: uuid, createdAt: node["created_at"]?.string.map(Timestamp.init(iso:)),
      updatedAt: node["updated_at"]?.string.map(Timestamp.init(iso:)))
  }

  /// A role of the file, checked as `journal role start` checks its own: a kebab-case name,
  /// a track, a valid day.
  private static func role(from node: JSONNode, index: Int, path: String) throws -> RoleRecord {
    let place = "role \(index)"
    guard let uuid = node["uuid"]?.string, !uuid.isEmpty else {
      throw invalid(path, "\(place) has no uuid")
    }
    guard let rawName = node["name"]?.string, let name = TagName(rawName) else {
      throw invalid(path, "\(place) has no valid name (kebab-case, like a tag)")
    }
    guard let track = node["track"]?.string.flatMap(Track.init(rawValue:)) else {
      throw invalid(path, "\(place) has no valid track (ic, management, both or neutral)")
    }
    guard let start = node["start"]?.string.flatMap({ Day(iso: $0) }) else {
      throw invalid(path, "\(place) has no valid start day")
    }
    return RoleRecord(
      role: Role(
        id: try wantedID(node["id"], place: place, path: path) ?? 0, name: name.text,
        track: track, start: start),
      uuid: uuid, createdAt: node["created_at"]?.string.map(Timestamp.init(iso:)),
      updatedAt: node["updated_at"]?.string.map(Timestamp.init(iso:)))
  }

  /// A reflection of the file, checked as `journal reflect` checks its own; an unknown motive
  /// is refused by name, never dropped.
  private static func reflection(from node: JSONNode, index: Int, path: String) throws
    -> ReflectionRecord
  {
    let place = "reflection \(index)"
    func text(_ key: String, _ field: String) throws -> String {
      guard let value = node[key], !value.isNull else { return "" }
      guard let string = value.string else {
        throw invalid(path, "\(place) has a non-text \(field)")
      }
      return try checkedText(string, field: field, multiline: true, place: place, path: path)
    }
    guard let uuid = node["uuid"]?.string, !uuid.isEmpty else {
      throw invalid(path, "\(place) has no uuid")
    }
    guard let day = node["date"]?.string.flatMap({ Day(iso: $0) }) else {
      throw invalid(path, "\(place) has no valid date")
    }
    var motives: [Motive] = []
    for value in node["motives"]?.array ?? [] {
      guard let name = value.string, let motive = Motive(rawValue: name) else {
        let shown = value.string.map { "'\($0)'" } ?? "a non-text value"
        throw invalid(
          path,
          "\(place) has an unknown motive \(shown); motives are "
            + Motive.allCases.map(\.rawValue).joined(separator: ", "))
      }
      if !motives.contains(motive) { motives.append(motive) }
    }
    var answers: [ReflectionAnswer] = []
    if let node = node["answers"], !node.isNull {
      guard case .object(let fields) = node else {
        throw invalid(path, "\(place) has answers that are not an object")
      }
      for key in fields.keys.sorted() {
        guard let value = fields[key] else { continue }
        guard let question = ReflectionQuestion(rawValue: key) else {
          throw invalid(
            path,
            "\(place) answers an unknown question '\(key)'; questions are "
              + ReflectionQuestion.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard let code = value.string, let answer = ReflectionAnswer(question, code) else {
          let shown = value.string.map { "'\($0)'" } ?? "a non-text value"
          throw invalid(
            path,
            "\(place) has an unknown answer \(shown) to '\(key)'; answers are "
              + question.codeList)
        }
        answers.append(answer)
      }
    }
    return ReflectionRecord(
      reflection: Reflection(
        id: try wantedID(node["id"], place: place, path: path) ?? 0, day: day,
        fiveYears: try text("five_years", "five-year answer"), motives: motives,
        note: try text("note", "note"), answers: answers),
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
    createTags: Bool, today: Day
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
    var index = 0
    while let batch = try channel.receive() {
      for entry in batch {
        index += 1
        try checkNotFuture(entry.day, "entry \(index)", today: today, path: path)
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
      try reader.skipByteOrderMark()
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

  private static func csv(
    _ reader: CSVReader, into importer: Journal.Importer, path: String, today: Day
  ) throws -> ImportSummary {
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
      try checkNotFuture(day, "row \(row)", today: today, path: path)
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
      var id: Int64?
      if !field("id").isEmpty {
        guard let value = Int64(field("id")), idRange.contains(value) else {
          throw invalid(path, "row \(row) has an id outside 1...\(idRange.upperBound)")
        }
        id = value
      }
      let uuid =
        field("uuid").isEmpty ? "csv-\(day.iso)-" + Fingerprint.hex(day.iso, text) : field("uuid")
      try importer.insertEntry(
        ImportedEntry(
          id: id, uuid: uuid, day: day, text: text, energy: energy, tags: tags,
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
