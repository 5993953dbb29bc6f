import JournalCore

/// An entry as an import brings it: what a file recorded, with `nil` for what it did not.
///
/// Unlike ``Entry``, nothing here is a placeholder: a missing id lets the journal choose one,
/// and a missing timestamp is the moment of the import.
public struct ImportedEntry: Hashable, Sendable {
  /// The id the file gave the entry, kept when it is positive and free in the journal.
  public var id: Int64?
  /// The stable identifier; an entry whose uuid the journal holds is a duplicate.
  public var uuid: String
  /// The local work day.
  public var day: Day
  /// The free text, already cleaned.
  public var text: String
  /// The overall energy, -2 ... +2.
  public var energy: Int?
  /// The activities and their marks; the tags must exist.
  public var tags: [TagMark]
  /// A highlight.
  public var isStarred: Bool
  /// Never quoted.
  public var isPrivate: Bool
  /// When it was first written; `nil` means the moment of the import.
  public var createdAt: Timestamp?
  /// When it was last changed; `nil` means the moment of the import.
  public var updatedAt: Timestamp?
  /// When it was deleted; `nil` for a live entry.
  public var deletedAt: Timestamp?

  /// Creates an imported entry.
  ///
  /// - Parameters:
  ///   - id: The file's id for it, if any.
  ///   - uuid: The stable identifier.
  ///   - day: The work day.
  ///   - text: The free text.
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
    self.id = id
    self.uuid = uuid
    self.day = day
    self.text = text
    self.energy = energy
    self.tags = tags
    self.isStarred = isStarred
    self.isPrivate = isPrivate
    self.createdAt = createdAt
    self.updatedAt = updatedAt
    self.deletedAt = deletedAt
  }

  /// The id to keep if it is free: the file's id when it is a valid one (positive).
  var wantedID: Int64? {
    guard let id, id > 0 else { return nil }
    return id
  }
}
