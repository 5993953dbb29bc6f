import JournalCore

/// The track the evidence suggests, how sure it is, why, and what to try next.
public struct Suggestion: Hashable, Sendable {
  /// What the evidence says.
  public enum Outcome: String, Sendable {
    /// IC activities energize clearly more: the Staff / Principal track.
    case ic
    /// Management activities energize clearly more: the EM / Director track.
    case management
    /// Both tracks clearly energize and neither more: the articles' blend, a tech-lead role.
    case techLead = "tech-lead"
    /// Too little evidence, or balanced: try both deliberately.
    case unclear
  }

  /// The suggestion.
  public let outcome: Outcome
  /// How sure, in 0 ... ``confidenceCap``: the probability, from the intervals, that the
  /// suggestion's claim holds (see ``Suggestion/init(trend:)``).
  public let confidence: Double
  /// The confidence in words, graded by the evidence behind it (see ``words(_:weeks:)``):
  /// for `ic`, `management` and `tech-lead`, "early lean" under ``earlyWeeks`` weeks with
  /// marks, "strong" from ``strongWeeks`` weeks when the confidence reaches ``confidenceCap``,
  /// "moderate" otherwise; for `unclear`, "no clear lean" when the evidence is balanced and
  /// "not enough evidence" when a track is under-sampled or the lean has no spread.
  public let confidenceWords: String
  /// Short sentences that cite the figures behind the suggestion.
  public let reasons: [String]
  /// The side that needs more evidence, when the outcome is unclear.
  public let underSampled: Track?
  /// The next deliberate experiment.
  public let nextExperiment: ExperimentIdea
  /// For `ic` and `management`, the kind of role within the track that the activities
  /// carrying its energy point to (its sentence is among ``reasons``); `nil` otherwise, or
  /// when no activity of the track has enough evidence.
  public let roleShape: RoleShape?

  /// The weeks with marks a track needs before it can decide anything.
  public static let minimumWeeks = 4
  /// The marks a track needs before it can decide anything.
  public static let minimumMarks = 8
  /// The practical margin: a track is suggested only when the lean's whole 90% interval lies
  /// beyond ±0.1, so a lean too small to matter never becomes a verdict however long you look.
  public static let margin = 0.1
  /// The highest confidence ever printed: the simulation checks the 90% intervals, not the
  /// far tails of a normal reading of them, so no journal is "over 99%" sure.
  public static let confidenceCap = 0.95
  /// Weeks with marks below which any verdict is an "early lean".
  public static let earlyWeeks = 8
  /// Weeks with marks from which a verdict well clear of the margin is "strong".
  public static let strongWeeks = 10

  /// Reads the suggestion off a trend.
  ///
  /// - Evidence first: each track needs ``minimumMarks`` marks over ``minimumWeeks`` weeks on
  ///   its own tags (`both` tags such as mentoring count for neither, so they never count
  ///   twice). Otherwise `unclear` with confidence 0, naming the shortfall.
  /// - `ic` / `management`: the lean's 90% interval lies wholly beyond +``margin`` (or below
  ///   −``margin``). Confidence is the probability that the lean has that sign.
  /// - `tech-lead`: not decisive, and both track rates' intervals lie above zero. Confidence is
  ///   the probability that both are positive, bounded jointly (P(IC > 0) + P(management > 0)
  ///   − 1, which holds however the two depend on each other).
  /// - `unclear` otherwise, with the probability of the side the lean points to; a lean whose
  ///   whole interval lies within ±``margin`` says both fit about equally; a lean with no
  ///   spread at all is unclear with confidence 0.
  ///
  /// Confidence never exceeds ``confidenceCap``. Exposure weighs an activity within its track
  /// (by its marks), but the count of a track's marks never decides: only the pooled rates
  /// and their intervals do.
  ///
  /// - Parameter trend: The window's trend.
  public init(trend: Trend) {
    let tracks = [trend.ic, trend.management]
    var reasons = tracks.map(Self.rateSentence)
    let thin = tracks.filter {
      $0.ownWeeksObserved < Self.minimumWeeks
        || $0.figures.ownCounts.observations < Self.minimumMarks
    }
    if let exposure = Self.exposureSentence(trend) { reasons.append(exposure) }
    reasons += Self.splitSentences(trend)

    guard thin.isEmpty, let lean = trend.lean, let ic = trend.ic.figures.rate,
      let management = trend.management.figures.rate, lean.standardError > 0
    else {
      // Try first the track with the least evidence.
      let side =
        thin.min {
          ($0.figures.ownCounts.observations, $0.ownWeeksObserved)
            < ($1.figures.ownCounts.observations, $1.ownWeeksObserved)
        }?.figures.track ?? .management
      for summary in thin {
        reasons.append(Self.thinSentence(summary))
      }
      if thin.isEmpty {
        reasons.append(
          "The lean has no spread to judge it by (the same activities stand for both tracks), "
            + "so it says nothing yet.")
      }
      self.init(
        outcome: .unclear, confidence: 0, words: "not enough evidence", reasons: reasons,
        underSampled: side, nextExperiment: ExperimentIdea.toTry(side))
      return
    }

    reasons.append(Sentences.leanReason(lean))
    reasons += [trend.ic, trend.management].compactMap(Sentences.directionReason)
    let p = Statistics.probabilityPositive(lean)
    let weeks = trend.weeksObserved
    if Sentences.isBeyondMargin(lean) {
      let track: Track = lean.low > Self.margin ? .ic : .management
      let claim = track == .ic ? p : 1 - p
      // Which kind of role within the track: the activities that carry its energy.
      let shape = RoleShape(trend: trend, track: track)
      if let shape { reasons.append(shape.sentence) }
      self.init(
        outcome: track == .ic ? .ic : .management, confidence: claim,
        words: Self.words(claim, weeks: weeks), reasons: reasons, underSampled: nil,
        nextExperiment: ExperimentIdea.toConfirm(track), roleShape: shape)
    } else if ic.isClearlyPositive && management.isClearlyPositive {
      reasons.append(
        "Both tracks energize you and neither clearly more"
          + (Sentences.isWithinMargin(lean) ? " (they fit about equally)" : "")
          + ": the blend is a tech-lead role.")
      let both = max(
        0,
        Statistics.probabilityPositive(ic) + Statistics.probabilityPositive(management) - 1)
      self.init(
        outcome: .techLead, confidence: both, words: Self.words(both, weeks: weeks),
        reasons: reasons, underSampled: nil, nextExperiment: .techLead)
    } else {
      let side =
        trend.ic.figures.ownCounts.observations <= trend.management.figures.ownCounts.observations
        ? Track.ic : .management
      if Sentences.isWithinMargin(lean) {
        reasons.append(
          "Both tracks fit about equally: the whole interval of the lean lies within "
            + "±\(Sentences.margin), too small a difference to choose by. "
            + "Trying the \(side.nameInSentence) side more deliberately can still show what each feels like."
        )
      } else {
        reasons.append(
          "The evidence is balanced: neither track clearly energizes you more, so the next step "
            + "is to try the \(side.nameInSentence) side more deliberately.")
      }
      self.init(
        outcome: .unclear, confidence: max(p, 1 - p), words: "no clear lean", reasons: reasons,
        underSampled: side, nextExperiment: ExperimentIdea.toTry(side))
    }
  }

  /// "early lean" under ``earlyWeeks`` weeks with marks; "strong" from ``strongWeeks`` weeks
  /// when the claim's probability reaches the cap; "moderate" otherwise.
  static func words(_ probability: Double, weeks: Int) -> String {
    if weeks < earlyWeeks { return "early lean" }
    if weeks >= strongWeeks && probability >= confidenceCap { return "strong" }
    return "moderate"
  }

  private init(
    outcome: Outcome, confidence: Double, words: String, reasons: [String],
    underSampled: Track?, nextExperiment: ExperimentIdea, roleShape: RoleShape? = nil
  ) {
    self.outcome = outcome
    self.confidence = min(Self.confidenceCap, max(0, confidence))
    self.confidenceWords = words
    self.reasons = reasons
    self.underSampled = underSampled
    self.nextExperiment = nextExperiment
    self.roleShape = roleShape
  }

  // MARK: - Sentences

  private static func rateSentence(_ summary: TrackSummary) -> String {
    let track = summary.figures.track.displayName
    let marks = summary.figures.counts.observations
    guard let rate = summary.figures.rate else {
      return "\(track) activities: no marks in this period."
    }
    return
      "\(track) activities: energy rate \(Format.signed(rate.value)) (90% interval "
      + "\(Format.range(rate.low, rate.high))) from "
      + "\(Plural.count(marks, "mark", "marks")) over "
      + "\(Plural.count(summary.weeksObserved, "week", "weeks"))."
  }

  /// Names the real shortfall: how many more marks and weeks the track's own activities need.
  private static func thinSentence(_ summary: TrackSummary) -> String {
    let track = summary.figures.track.displayName
    let marks = summary.figures.ownCounts.observations
    let weeks = summary.ownWeeksObserved
    var missing: [String] = []
    if marks < minimumMarks {
      missing.append(Plural.count(minimumMarks - marks, "more mark", "more marks"))
    }
    if weeks < minimumWeeks {
      missing.append(Plural.count(minimumWeeks - weeks, "more week", "more weeks") + " with marks")
    }
    return
      "\(track) is under-sampled: \(Plural.count(marks, "mark", "marks")) on "
      + "\(summary.figures.track.nameInSentence)-only "
      + "activities over \(Plural.count(weeks, "week", "weeks")); a suggestion needs "
      + "\(missing.joined(separator: " and ")) (at least \(minimumMarks) marks over "
      + "\(minimumWeeks) weeks; activities that count for both tracks, such as mentoring, count "
      + "for neither here)."
  }

  /// When a track's activities pull in opposite directions, name them: "coaching energized you
  /// while delivery drained you" is more useful than their average.
  private static func splitSentences(_ trend: Trend) -> [String] {
    [Track.ic, .management].compactMap { track in
      let tags = trend.tags.filter { $0.track.counts(toward: track) && $0.counts.observations > 0 }
      guard let best = tags.max(by: { ($0.counts.rate ?? 0) < ($1.counts.rate ?? 0) }),
        let worst = tags.min(by: { ($0.counts.rate ?? 0) < ($1.counts.rate ?? 0) }),
        let high = best.counts.rate, let low = worst.counts.rate, high > 0, low < 0
      else { return nil }
      // A `both` activity (mentoring) counts for this track too; say so, or "within
      // management, mentoring…" reads as if mentoring were a management-only activity.
      func name(_ tag: TagSummary) -> String {
        tag.track == .both ? tag.name + " (which counts for both tracks)" : tag.name
      }
      return
        "Within \(track.nameInSentence), \(name(best)) energized you "
        + "(\(Format.signed(high)) from \(Plural.count(best.counts.observations, "mark", "marks"))) "
        + "while \(name(worst)) drained you (\(Format.signed(low)) from "
        + "\(Plural.count(worst.counts.observations, "mark", "marks")))."
    }
  }

  /// When one activity dominates the log, say how it weighs: by its marks within its tracks'
  /// rates, never by making a track's claim stronger. Neutral activities speak for no track,
  /// so they are left out of both counts.
  private static func exposureSentence(_ trend: Trend) -> String? {
    let counted = trend.tags.filter { $0.track != .neutral }
    let total = counted.reduce(0) { $0 + $1.counts.observations }
    guard let most = counted.max(by: { $0.counts.observations < $1.counts.observations }),
      total >= 10, Double(most.counts.observations) >= 0.4 * Double(total)
    else { return nil }
    return
      "\(most.name.prefix(1).uppercased() + most.name.dropFirst()) was logged most "
      + "(\(most.counts.observations) of \(total) marks on IC and management activities): it "
      + "weighs in \(most.track == .both ? "both tracks' rates" : "its track's rate") by its marks, "
      + "but a track is chosen by how its marks felt, never by how many it has."
  }
}

/// A concrete next experiment, from the two articles' advice.
public struct ExperimentIdea: Hashable, Sendable {
  /// The track it tries.
  public let track: Track
  /// A title to start it with.
  public let title: String
  /// Why and how, in a sentence or two.
  public let description: String
  /// How many weeks it should run.
  public let weeks: Int

  /// Try the under-sampled side: mentoring and informal leadership before formal management;
  /// harder, broader technical work before assuming the IC ceiling.
  static func toTry(_ track: Track) -> ExperimentIdea {
    track == .management
      ? ExperimentIdea(
        track: .management, title: "Mentor two engineers and lead the next planning",
        description:
          "Try the management side before the title: mentor one or two engineers and lead a "
          + "small initiative informally, then log how coaching, mentoring and delivery feel.",
        weeks: 6)
      : ExperimentIdea(
        track: .ic, title: "Own a harder, broader technical project",
        description:
          "Try the IC side beyond your current scope: take a harder technical project with "
          + "broader reach, such as a cross-team design, and log how deep work and architecture "
          + "feel.", weeks: 6)
  }

  /// Confirm a clear lean before acting on it; the decision stays reversible.
  static func toConfirm(_ track: Track) -> ExperimentIdea {
    track == .management
      ? ExperimentIdea(
        track: .management, title: "Run the team's 1:1s for a quarter",
        description:
          "Confirm it with the job, not the title: with your manager's backing, take on 1:1s or "
          + "a hiring loop before committing; the move stays reversible.", weeks: 8)
      : ExperimentIdea(
        track: .ic, title: "Take a Staff-scope problem",
        description:
          "Confirm it at the next level: ask for a problem with Staff scope (technical direction "
          + "across teams) and see whether it still energizes you.", weeks: 8)
  }

  /// Both energize: try the blend.
  static let techLead = ExperimentIdea(
    track: .management, title: "Act as tech lead for one project",
    description:
      "Try the blend the articles name: lead a small team's technical direction while keeping "
      + "hands-on work, and log both sides.", weeks: 8)
}
