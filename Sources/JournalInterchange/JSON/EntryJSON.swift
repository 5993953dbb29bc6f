import JournalCore

/// An entry's JSON, in one place: the keys and how each is written and read. Export writes
/// every key in this order; `list` and `show` print them without `deleted_at`, keys sorted
/// (the shape the README documents); import reads them back by the same keys.
public enum EntryJSON {
  /// The keys of an entry's object, in the order export writes them.
  public enum Key: String, CaseIterable, Sendable {
    case id, uuid, date, text, energy, tags, starred, `private`
    case createdAt = "created_at"
    case updatedAt = "updated_at"
    case deletedAt = "deleted_at"
  }

  /// The keys of one tag mark in `tags`.
  public enum TagKey: String, Sendable {
    case name, mark
  }

  /// The value `entry` has under `key`.
  ///
  /// - Parameters:
  ///   - key: The key.
  ///   - entry: The entry.
  /// - Returns: Its JSON value (`null` for a missing energy or a live entry's deletion).
  public static func value(_ key: Key, of entry: Entry) -> JSONValue {
    switch key {
    case .id: .int(Int(entry.id))
    case .uuid: .string(entry.uuid)
    case .date: .string(entry.day.iso)
    case .text: .string(entry.text)
    case .energy: entry.energy.map { .int($0) } ?? .null
    case .tags:
      .array(
        entry.tags.map {
          .object([
            (TagKey.name.rawValue, .string($0.name)),
            (TagKey.mark.rawValue, .string($0.mark.rawValue)),
          ])
        })
    case .starred: .bool(entry.isStarred)
    case .private: .bool(entry.isPrivate)
    case .createdAt: .string(entry.createdAt.iso)
    case .updatedAt: .string(entry.updatedAt.iso)
    case .deletedAt: .optionalString(entry.deletedAt?.iso)
    }
  }

  /// Every key, in export order: one line of `journal export --format json`.
  ///
  /// - Parameter entry: The entry.
  /// - Returns: The object.
  public static func exported(_ entry: Entry) -> JSONValue {
    .members(Key.allCases.map { JSONValue.Member(key: $0.rawValue, value: value($0, of: entry)) })
  }

  /// The shape `list` and `show` print: every key but `deleted_at` (they list live entries),
  /// keys sorted at every depth.
  ///
  /// - Parameter entry: The entry.
  /// - Returns: The object.
  public static func listed(_ entry: Entry) -> JSONValue {
    .members(
      Key.allCases.filter { $0 != .deletedAt }.map {
        JSONValue.Member(key: $0.rawValue, value: value($0, of: entry))
      }
    ).sortingKeys()
  }
}

extension JSONNode {
  /// The value under an entry's `key`, if the object has one.
  subscript(key: EntryJSON.Key) -> JSONNode? { self[key.rawValue] }

  /// The value under a tag mark's `key`, if the object has one.
  subscript(key: EntryJSON.TagKey) -> JSONNode? { self[key.rawValue] }
}
