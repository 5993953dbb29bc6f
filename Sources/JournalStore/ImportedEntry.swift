import JournalCore

/// An entry as an import brings it: what a file recorded, with `nil` for what it did not.
///
/// Its values are a ``NewEntry`` (read through, as `imported.day`); the rest is what only an
/// import carries. Unlike ``Entry``, nothing here is a placeholder: a missing id lets the
/// journal choose one, and a missing timestamp is the moment of the import.
@dynamicMemberLookup
public struct ImportedEntry: Hashable, Sendable {
  /// The day, text, energy, marks, star and privacy; the tags must exist.
  public var values: NewEntry
  /// The id the file gave the entry, kept when it is positive and free in the journal.
  public var id: Int64?
  /// The stable identifier; an entry whose uuid the journal holds is a duplicate.
  public var uuid: String
  /// When it was first written; `nil` means the moment of the import.
  public var createdAt: Timestamp?
  /// When it was last changed; `nil` means the moment of the import.
  public var updatedAt: Timestamp?
  /// When it was deleted; `nil` for a live entry.
  public var deletedAt: Timestamp?

  /// Creates an imported entry from its values.
  ///
  /// - Parameters:
  ///   - values: The day, text, energy, marks, star and privacy.
  ///   - id: The file's id for it, if any.
  ///   - uuid: The stable identifier.
  ///   - createdAt: When it was written, if recorded.
  ///   - updatedAt: When it was last changed, if recorded.
  ///   - deletedAt: When it was deleted, for a deleted entry.
  public init(
    _ values: NewEntry, id: Int64? = nil, uuid: String, createdAt: Timestamp? = nil,
    updatedAt: Timestamp? = nil, deletedAt: Timestamp? = nil
  ) {
    self.values = values
    self.id = id
    self.uuid = uuid
    self.createdAt = createdAt
    self.updatedAt = updatedAt
    self.deletedAt = deletedAt
  }

  /// Creates an imported entry.
  ///
  /// - Parameters:
  ///   - id: The file's id for it, if any.
  ///   - uuid: The stable identifier.
  ///   - day: The work day.
  ///   - text: The free text, already cleaned.
  ///   - energy: The overall energy.
  ///   - tags: The activities and their marks.
  ///   - isStarred: A highlight.
  ///   - isPrivate: Never quoted.
  ///   - createdAt: When it was written, if recorded.
  ///   - updatedAt: When it was last changed, if recorded.
  ///   - deletedAt: When it was deleted, for a deleted entry.
  public init(
    id: Int64? = nil, uuid: String, day: Day, text: String, energy: Int? = nil,
    tags: [TagMark] = [], isStarred: Bool = false, isPrivate: Bool = false,
    createdAt: Timestamp? = nil, updatedAt: Timestamp? = nil, deletedAt: Timestamp? = nil
  ) {
    self.init(
      NewEntry(
        day: day, text: text, energy: energy, tags: tags, isStarred: isStarred,
        isPrivate: isPrivate),
      id: id, uuid: uuid, createdAt: createdAt, updatedAt: updatedAt, deletedAt: deletedAt)
  }

  /// One of the entry's values: `day`, `text`, `energy`, `tags`, `isStarred`, `isPrivate`.
  public subscript<Value>(dynamicMember keyPath: WritableKeyPath<NewEntry, Value>) -> Value {
    get { values[keyPath: keyPath] }
    set { values[keyPath: keyPath] = newValue }
  }

  /// The id to keep if it is free: the file's id when it is a valid one (positive).
  var wantedID: Int64? {
    guard let id, id > 0 else { return nil }
    return id
  }
}
