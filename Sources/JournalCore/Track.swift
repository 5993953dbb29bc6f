/// The career track a tag speaks for.
///
/// `both` tags (mentoring) count toward each of `ic` and `management`; `neutral` tags count
/// toward neither, but are still logged and listed.
public enum Track: String, CaseIterable, Codable, Sendable {
  /// Individual contributor: Staff, Principal.
  case ic
  /// Engineering management: EM, Director.
  case management
  /// Evidence for either track, such as mentoring.
  case both
  /// Logged, but evidence for neither track.
  case neutral

  /// Whether a mark on a tag of this track counts as evidence for `track`.
  ///
  /// - Parameter track: `.ic` or `.management`.
  /// - Returns: `true` when this track is `track` itself or `both`.
  public func counts(toward track: Track) -> Bool {
    self == track || (self == .both && (track == .ic || track == .management))
  }

  /// "IC", "Management", "Both", "Neutral": the track as a heading or a table cell names it.
  public var displayName: String {
    switch self {
    case .ic: "IC"
    case .management: "Management"
    case .both: "Both"
    case .neutral: "Neutral"
    }
  }

  /// "IC", "management", "both", "neutral": the track inside a sentence.
  public var nameInSentence: String {
    self == .ic ? "IC" : rawValue
  }
}

/// How an activity felt on the day it was logged.
public enum Mark: String, CaseIterable, Codable, Sendable {
  /// It gave energy.
  case energized
  /// It took energy.
  case drained
  /// Done, with no feeling recorded: exposure without energy, as imports from tools that have
  /// no energized/drained mark (jrnl) arrive. Counts as exposure, never in a rate.
  case logged

  /// The value stored in the database: +1 energized, -1 drained, 0 logged.
  public var storedValue: Int {
    switch self {
    case .energized: 1
    case .drained: -1
    case .logged: 0
    }
  }

  /// The mark stored as `value`, or `nil` for any other number.
  ///
  /// - Parameter storedValue: +1, -1 or 0.
  public init?(storedValue: Int) {
    switch storedValue {
    case 1: self = .energized
    case -1: self = .drained
    case 0: self = .logged
    default: return nil
    }
  }

  /// Energized first, then drained, then logged: the order tags are listed in.
  public var order: Int {
    switch self {
    case .energized: 0
    case .drained: 1
    case .logged: 2
    }
  }
}
