/// The values a person gives an entry: what `journal add` writes and an ``Entry`` holds.
public struct NewEntry: Hashable, Sendable {
  /// The local work day.
  public var day: Day
  /// The free text, already checked to be non-empty.
  public var text: String
  /// The overall energy, -2 ... +2.
  public var energy: Int?
  /// The activities and how each felt; names in any case.
  public var tags: [TagMark]
  /// A highlight.
  public var isStarred: Bool
  /// Never quoted in reports.
  public var isPrivate: Bool

  /// Creates the values of a new entry.
  ///
  /// - Parameters:
  ///   - day: The local work day.
  ///   - text: The free text.
  ///   - energy: The overall energy, -2 ... +2.
  ///   - tags: The activities and their marks.
  ///   - isStarred: A highlight.
  ///   - isPrivate: Never quoted.
  public init(
    day: Day, text: String, energy: Int? = nil, tags: [TagMark] = [], isStarred: Bool = false,
    isPrivate: Bool = false
  ) {
    self.day = day
    self.text = text
    self.energy = energy
    self.tags = tags
    self.isStarred = isStarred
    self.isPrivate = isPrivate
  }
}
