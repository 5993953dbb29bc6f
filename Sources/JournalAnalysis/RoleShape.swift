import JournalCore

/// Which kind of role a clear suggestion points to: the activities that carry the track's
/// energy, and the shape of role they stand for (for IC, cross-team design and direction, deep
/// problem solving, or leading one team's technical work; for management, growing people,
/// running delivery, or resolving conflict).
///
/// **The rule.** The track's activities (its own and `both` ones) with at least
/// ``Suggestion/minimumMarks`` marks over ``Suggestion/minimumWeeks`` weeks are ranked by
/// their rate, each with the 90% interval a track rate has (see ``Pooling``). The best one
/// carries the energy when its whole interval lies above 0; every other activity whose
/// interval overlaps the best one's cannot be told apart from it and is named too (so when the
/// top two overlap, both are). When the best one's interval reaches 0 or below, no shape is
/// claimed.
public struct RoleShape: Hashable, Sendable {
  /// The track of the suggestion.
  public let track: Track
  /// The track's activities with enough evidence, best rate first.
  public let ranked: [GroupReading]
  /// The activities that carry the energy, best first; empty when none clearly does.
  public let carrying: [GroupReading]
  /// The finding as a sentence citing its figures.
  public let sentence: String

  /// The shape of role for a clear suggestion of `track`, or `nil` when no activity of the
  /// track has enough evidence.
  ///
  /// - Parameters:
  ///   - trend: The window's trend.
  ///   - track: `.ic` or `.management`.
  public init?(trend: Trend, track: Track) {
    let ranked = trend.tags.filter { $0.track.counts(toward: track) }
      .map { GroupReading(.tags([$0.name]), in: trend) }
      .filter(\.hasEnoughEvidence)
      .sorted {
        ($0.rate?.value ?? 0, $0.observations, $1.activities.first ?? "")
          > ($1.rate?.value ?? 0, $1.observations, $0.activities.first ?? "")
      }
    guard let best = ranked.first, let bestRate = best.rate else { return nil }
    var carrying: [GroupReading] = []
    if bestRate.low > 0 {
      carrying.append(best)
      for other in ranked.dropFirst() {
        if let rate = other.rate, rate.high >= bestRate.low { carrying.append(other) }
      }
    }
    self.track = track
    self.ranked = ranked
    self.carrying = carrying
    self.sentence = Sentences.roleShape(track: track, ranked: ranked, carrying: carrying)
  }

  /// The shape of role an activity of `track` stands for, as a phrase.
  ///
  /// - Parameters:
  ///   - activity: The activity's name.
  ///   - track: `.ic` or `.management`.
  /// - Returns: "deep problem solving (a role with hard technical problems in one domain)".
  public static func shape(of activity: String, in track: Track) -> String {
    switch (track, activity) {
    case (.ic, "architecture"):
      "cross-team design and technical direction (a Staff or Principal role that sets "
        + "direction across teams)"
    case (.ic, "deep-work"):
      "deep problem solving (a role with hard technical problems in one domain)"
    case (.ic, "mentoring"):
      "leading one team's technical work (a tech lead who grows the engineers around them)"
    case (.management, "coaching"), (.management, "mentoring"):
      "growing people (a manager whose weeks are 1:1s, feedback and careers)"
    case (.management, "delivery"):
      "running delivery (a manager who owns planning, priorities and execution)"
    case (.management, "conflict-resolution"):
      "resolving conflict and people issues (a manager for team health and alignment)"
    default:
      "more \(activity)"
    }
  }
}
