/// A role a person actually held: `senior-ic`, `tech-lead`, `manager`, or a name of their own.
/// It starts on a day and lasts until the next role starts, so the journal's roles are a
/// sequence of periods, and a return to an earlier role is simply a new period: the articles'
/// point that the choice between the tracks is reversible.
public struct Role: Hashable, Sendable {
  /// The short number users type.
  public var id: Int64
  /// The role's name, kebab-case like a tag (see `TagName`).
  public var name: String
  /// The role's lean: the track the job itself asks for (`both` for a tech lead, `neutral`
  /// when unknown). It labels the period; the entries measure how it felt.
  public var track: Track
  /// The first day in the role.
  public var start: Day

  /// Creates a role value.
  ///
  /// - Parameters:
  ///   - id: The short number.
  ///   - name: The canonical name.
  ///   - track: The role's lean.
  ///   - start: The first day.
  public init(id: Int64, name: String, track: Track, start: Day) {
    self.id = id
    self.name = name
    self.track = track
    self.start = start
  }

  /// The role's name in a sentence: hyphens read as spaces and the abbreviations IC, EM and
  /// VP in capitals (`tech-lead` is "tech lead", `senior-ic` "senior IC").
  public var displayName: String {
    name.split(separator: "-").map { word in
      ["ic", "em", "vp"].contains(word) ? word.uppercased() : String(word)
    }.joined(separator: " ")
  }

  /// The lean of the role names the articles use, by canonical name: the IC ladder (ic,
  /// senior-ic, staff, principal, distinguished), the management ladder (manager,
  /// engineering-manager, director, vp), and tech-lead, the blend of both.
  public static let knownTracks: [String: Track] = [
    "ic": .ic, "senior-ic": .ic, "staff": .ic, "principal": .ic, "distinguished": .ic,
    "manager": .management, "engineering-manager": .management, "director": .management,
    "vp": .management, "tech-lead": .both,
  ]

  /// The lean of `name` when it is a known role name, else `nil`.
  ///
  /// - Parameter name: A canonical role name.
  /// - Returns: Its track, or `nil` for a name of the person's own.
  public static func knownTrack(for name: String) -> Track? {
    knownTracks[name]
  }
}
