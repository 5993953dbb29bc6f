import FoundationEssentials
import JournalCore

/// The stable JSON shape of an entry, documented in the README.
public struct EntryJSON: Encodable {
  /// The entry.
  public let entry: Entry

  /// The JSON of `entry`.
  public init(entry: Entry) {
    self.entry = entry
  }

  private enum CodingKeys: String, CodingKey {
    case id, uuid, date, text, energy, tags, starred, `private`
    case createdAt = "created_at"
    case updatedAt = "updated_at"
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(entry.id, forKey: .id)
    try container.encode(entry.uuid, forKey: .uuid)
    try container.encode(entry.day.iso, forKey: .date)
    try container.encode(entry.text, forKey: .text)
    try container.encode(entry.energy, forKey: .energy)  // null when not given
    try container.encode(entry.tags, forKey: .tags)
    try container.encode(entry.isStarred, forKey: .starred)
    try container.encode(entry.isPrivate, forKey: .private)
    try container.encode(entry.createdAt.iso, forKey: .createdAt)
    try container.encode(entry.updatedAt.iso, forKey: .updatedAt)
  }

  /// One entry as compact JSON with sorted keys: the same input always gives the same bytes.
  public static func compact(_ entry: Entry) throws -> String {
    try JSON.string(EntryJSON(entry: entry), pretty: false)
  }
}

/// JSON encoding with the project's settings: sorted keys, no escaped slashes.
public enum JSON {
  public static func string(_ value: some Encodable, pretty: Bool) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty
      ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
      : [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
