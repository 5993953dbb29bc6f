import FoundationEssentials
import JournalCore

/// How entries look on stdout: one line each in a list, a block for `show`, JSON and CSV for
/// scripts.
struct EntryRenderer {
  let style: Style

  private static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

  /// `12  2026-11-20 Fri  +1  +deep-work -delivery  Fixed the flaky cache test…`
  func line(_ entry: Entry) -> String {
    var fields = [
      String(entry.id).leftPadded(to: 5),
      entry.day.iso + " " + Self.weekdayNames[entry.day.weekday - 1],
      Self.energy(entry.energy).leftPadded(to: 2),
    ]
    let marks = tags(entry.tags)
    if !marks.isEmpty { fields.append(marks) }
    fields.append(Self.summary(of: entry.text, limit: 60))
    return fields.joined(separator: "  ")
  }

  /// The whole entry, for `journal show`.
  func detail(_ entry: Entry) -> String {
    let week = ISOWeek(containing: entry.day)
    var lines = [
      style.bold("Entry \(entry.id)") + "  \(entry.day.iso) "
        + Self.weekdayNames[entry.day.weekday - 1] + " (\(week))"
    ]
    lines.append("Energy:    " + (entry.energy.map { Self.energy($0) } ?? "not given"))
    let energized = entry.tags.filter { $0.mark == .energized }.map(\.name)
    let drained = entry.tags.filter { $0.mark == .drained }.map(\.name)
    lines.append(
      "Energized: " + (energized.isEmpty ? "-" : style.green(energized.joined(separator: ", "))))
    lines.append(
      "Drained:   " + (drained.isEmpty ? "-" : style.red(drained.joined(separator: ", "))))
    var flags: [String] = []
    if entry.isStarred { flags.append("starred") }
    if entry.isPrivate { flags.append("private") }
    if !flags.isEmpty { lines.append("Flags:     " + flags.joined(separator: ", ")) }
    lines.append(style.dim("Created \(entry.createdAt), updated \(entry.updatedAt)"))
    lines.append("")
    lines.append(entry.text)
    return lines.joined(separator: "\n")
  }

  /// `+deep-work -delivery ~admin`, coloured on a terminal (`~`: logged without a feeling).
  func tags(_ tags: [TagMark]) -> String {
    tags.map { tag in
      switch tag.mark {
      case .energized: style.green("+" + tag.name)
      case .drained: style.red("-" + tag.name)
      case .logged: style.dim("~" + tag.name)
      }
    }.joined(separator: " ")
  }

  /// `+2`, `0`, `-1`, or blank when not given.
  static func energy(_ value: Int?) -> String {
    guard let value else { return "" }
    return value > 0 ? "+\(value)" : "\(value)"
  }

  /// The first line of `text`, cut to `limit` characters with an ellipsis.
  static func summary(of text: String, limit: Int) -> String {
    let firstLine = text.prefix { !$0.isNewline }
    let more = firstLine.count < text.count
    if firstLine.count > limit { return firstLine.prefix(limit - 1) + "…" }
    return String(firstLine) + (more ? " …" : "")
  }
}

/// The stable JSON shape of an entry, documented in the README.
struct EntryJSON: Encodable {
  let entry: Entry

  private enum CodingKeys: String, CodingKey {
    case id, uuid, date, text, energy, tags, starred, `private`
    case createdAt = "created_at"
    case updatedAt = "updated_at"
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(entry.id, forKey: .id)
    try container.encode(entry.uuid, forKey: .uuid)
    try container.encode(entry.day.iso, forKey: .date)
    try container.encode(entry.text, forKey: .text)
    try container.encode(entry.energy, forKey: .energy)  // null when not given
    try container.encode(entry.tags, forKey: .tags)
    try container.encode(entry.isStarred, forKey: .starred)
    try container.encode(entry.isPrivate, forKey: .private)
    try container.encode(entry.createdAt, forKey: .createdAt)
    try container.encode(entry.updatedAt, forKey: .updatedAt)
  }

  /// One entry as compact JSON with sorted keys: the same input always gives the same bytes.
  static func compact(_ entry: Entry) throws -> String {
    try JSON.string(EntryJSON(entry: entry), pretty: false)
  }
}

/// JSON encoding with the project's settings: sorted keys, no escaped slashes.
enum JSON {
  static func string(_ value: some Encodable, pretty: Bool) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty
      ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
      : [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}

/// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled.
enum CSV {
  static func row(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",")
  }

  static func field(_ value: String) -> String {
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
    return "\""
      + value.split(separator: "\"", omittingEmptySubsequences: false)
      .joined(separator: "\"\"") + "\""
  }

  /// The columns of `journal list --format csv`.
  static let entryHeader = [
    "id", "date", "energy", "energized", "drained", "starred", "private", "text", "created_at",
    "updated_at",
  ]

  static func entryRow(_ entry: Entry) -> String {
    row([
      String(entry.id), entry.day.iso, entry.energy.map(String.init) ?? "",
      entry.tags.filter { $0.mark == .energized }.map(\.name).joined(separator: ";"),
      entry.tags.filter { $0.mark == .drained }.map(\.name).joined(separator: ";"),
      entry.isStarred ? "1" : "0", entry.isPrivate ? "1" : "0", entry.text, entry.createdAt,
      entry.updatedAt,
    ])
  }
}

extension String {
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }

  func rightPadded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
