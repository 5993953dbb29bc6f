/// One logged work day: what happened, how it felt overall, and which activities energized or
/// drained.
public struct Entry: Hashable, Sendable {
  /// The short number users type (`journal show 12`).
  public var id: Int64
  /// The stable identifier kept across export and import.
  public var uuid: String
  /// The day, text, energy, marks, star and privacy, read through as `entry.day` and so on.
  public var values: NewEntry
  /// When the entry was first written.
  public var createdAt: Timestamp
  /// When the entry was last changed.
  public var updatedAt: Timestamp
  /// When `journal delete` hid the entry; `nil` for a live entry.
  public var deletedAt: Timestamp?

  /// Creates an entry value.
  ///
  /// - Parameters:
  ///   - values: The day, text, energy, marks, star and privacy.
  ///   - id: The short number.
  ///   - uuid: The stable identifier.
  ///   - createdAt: Creation time.
  ///   - updatedAt: Last change.
  ///   - deletedAt: When it was deleted, `nil` when live.
  public init(
    _ values: NewEntry, id: Int64, uuid: String, createdAt: Timestamp, updatedAt: Timestamp,
    deletedAt: Timestamp? = nil
  ) {
    self.id = id
    self.uuid = uuid
    self.values = values
    self.createdAt = createdAt
    self.updatedAt = updatedAt
    self.deletedAt = deletedAt
  }

  /// The local work day the entry is filed under.
  public var day: Day {
    get { values.day }
    set { values.day = newValue }
  }
  /// The free text, never empty.
  public var text: String {
    get { values.text }
    set { values.text = newValue }
  }
  /// The overall energy of the day, -2 (drained) ... +2 (energized), when given.
  public var energy: Int? {
    get { values.energy }
    set { values.energy = newValue }
  }
  /// The activities of the day and how each felt: energized, then drained, then logged, each
  /// by name.
  public var tags: [TagMark] {
    get { values.tags }
    set { values.tags = newValue }
  }
  /// A highlight the user wants quoted as evidence.
  public var isStarred: Bool {
    get { values.isStarred }
    set { values.isStarred = newValue }
  }
  /// Counted in every figure, never quoted.
  public var isPrivate: Bool {
    get { values.isPrivate }
    set { values.isPrivate = newValue }
  }

  /// The allowed overall energies.
  public static let energyRange = -2...2
}

/// A tag on an entry, with how that activity felt.
public struct TagMark: Hashable, Sendable, Codable {
  /// The tag's name.
  public var name: String
  /// Energized or drained.
  public var mark: Mark

  /// Creates a tag mark.
  ///
  /// - Parameters:
  ///   - name: The tag's canonical name.
  ///   - mark: How the activity felt.
  public init(name: String, mark: Mark) {
    self.name = name
    self.mark = mark
  }

  /// Creates a tag mark from a canonical name.
  ///
  /// - Parameters:
  ///   - name: The tag.
  ///   - mark: How the activity felt.
  public init(_ name: TagName, mark: Mark) {
    self.init(name: name.text, mark: mark)
  }
}

/// A tag as the journal knows it, with how often it was marked.
public struct Tag: Hashable, Sendable {
  /// The canonical kebab-case name.
  public var name: String
  /// The track the tag is evidence for.
  public var track: Track
  /// What the tag covers, possibly empty.
  public var description: String
  /// How many live entries marked it energized.
  public var energizedCount: Int
  /// How many live entries marked it drained.
  public var drainedCount: Int

  /// Creates a tag value.
  ///
  /// - Parameters:
  ///   - name: The canonical name.
  ///   - track: The track it speaks for.
  ///   - description: What it covers.
  ///   - energizedCount: Energized marks on live entries.
  ///   - drainedCount: Drained marks on live entries.
  public init(
    name: String, track: Track, description: String, energizedCount: Int = 0,
    drainedCount: Int = 0
  ) {
    self.name = name
    self.track = track
    self.description = description
    self.energizedCount = energizedCount
    self.drainedCount = drainedCount
  }
}
