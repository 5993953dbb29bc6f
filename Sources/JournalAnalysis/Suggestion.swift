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
  /// How sure, in 0 ... 1: the probability, from the intervals, that the suggestion's claim
  /// holds (see ``Suggestion/init(trend:)``).
  public let confidence: Double
  /// Short sentences that cite the figures behind the suggestion.
  public let reasons: [String]
  /// The side that needs more evidence, when the outcome is unclear.
  public let underSampled: Track?
  /// The next deliberate experiment.
  public let nextExperiment: ExperimentIdea

  /// The weeks with marks a track needs before it can decide anything.
  public static let minimumWeeks = 4
  /// The marks a track needs before it can decide anything.
  public static let minimumMarks = 8

  /// Reads the suggestion off a trend.
  ///
  /// - `ic` / `management`: both tracks have at least ``minimumWeeks`` weeks with marks and
  ///   ``minimumMarks`` marks, and the lean's 90% interval excludes zero. Confidence is the
  ///   probability that the lean has that sign.
  /// - `tech-lead`: enough evidence on both, both track rates' intervals lie above zero, and
  ///   the lean's interval covers zero. Confidence is the probability that both rates are
  ///   positive.
  /// - `unclear` otherwise. When a track is under-sampled, confidence is 0 and that track is
  ///   named; when the evidence is balanced, confidence is the probability of the side the lean
  ///   points to (below 0.95, or the interval would have excluded zero), and the track with
  ///   fewer marks is the one to try next.
  ///
  /// Exposure never decides: only the balanced rates and their intervals do.
  ///
  /// - Parameter trend: The window's trend.
  public init(trend: Trend) {
    let tracks = [trend.ic, trend.management]
    var reasons = tracks.map(Self.rateSentence)
    let thin = tracks.filter {
      $0.weeksObserved < Self.minimumWeeks || $0.figures.counts.observations < Self.minimumMarks
    }
    if let exposure = Self.exposureSentence(trend) { reasons.append(exposure) }
    reasons += Self.splitSentences(trend)

    guard thin.isEmpty, let lean = trend.lean, let ic = trend.ic.figures.rate,
      let management = trend.management.figures.rate
    else {
      // Try first the track with the least evidence.
      let side =
        thin.min {
          ($0.figures.counts.observations, $0.weeksObserved)
            < ($1.figures.counts.observations, $1.weeksObserved)
        }?.figures.track ?? .management
      for summary in thin {
        reasons.append(Self.thinSentence(summary))
      }
      self.init(
        outcome: .unclear, confidence: 0, reasons: reasons, underSampled: side,
        nextExperiment: ExperimentIdea.toTry(side))
      return
    }

    reasons.append(Self.leanSentence(lean))
    reasons += Self.directionSentences(trend)
    if lean.isClearlyPositive || lean.isClearlyNegative {
      let outcome: Outcome = lean.isClearlyPositive ? .ic : .management
      let p = Statistics.probabilityPositive(lean)
      self.init(
        outcome: outcome, confidence: outcome == .ic ? p : 1 - p, reasons: reasons,
        underSampled: nil,
        nextExperiment: ExperimentIdea.toConfirm(outcome == .ic ? .ic : .management))
    } else if ic.isClearlyPositive && management.isClearlyPositive {
      reasons.append(
        "Both tracks energize you and neither clearly more: the blend is a tech-lead role.")
      self.init(
        outcome: .techLead,
        confidence: Statistics.probabilityPositive(ic) * Statistics.probabilityPositive(management),
        reasons: reasons, underSampled: nil, nextExperiment: .techLead)
    } else {
      let p = Statistics.probabilityPositive(lean)
      let side =
        trend.ic.figures.counts.observations <= trend.management.figures.counts.observations
        ? Track.ic : .management
      reasons.append(
        "The evidence is balanced: neither track clearly energizes you more, so the next step is to "
          + "try the \(side == .ic ? "IC" : "management") side more deliberately.")
      self.init(
        outcome: .unclear, confidence: max(p, 1 - p), reasons: reasons, underSampled: side,
        nextExperiment: ExperimentIdea.toTry(side))
    }
  }

  private init(
    outcome: Outcome, confidence: Double, reasons: [String], underSampled: Track?,
    nextExperiment: ExperimentIdea
  ) {
    self.outcome = outcome
    self.confidence = min(1, max(0, confidence))
    self.reasons = reasons
    self.underSampled = underSampled
    self.nextExperiment = nextExperiment
  }

  // MARK: - Sentences

  static func name(_ track: Track) -> String {
    track == .ic ? "IC" : "Management"
  }

  private static func rateSentence(_ summary: TrackSummary) -> String {
    let track = name(summary.figures.track)
    let marks = summary.figures.counts.observations
    guard let rate = summary.figures.rate else {
      return "\(track) activities: no marks in this period."
    }
    return
      "\(track) activities: energy rate \(Format.signed(rate.value)) (90% interval "
      + "\(Format.signed(rate.low)) to \(Format.signed(rate.high))) from \(marks) marks over "
      + "\(summary.weeksObserved) weeks."
  }

  private static func thinSentence(_ summary: TrackSummary) -> String {
    "\(name(summary.figures.track)) is under-sampled: \(summary.figures.counts.observations) marks "
      + "over \(summary.weeksObserved) weeks, where a suggestion needs at least \(minimumMarks) "
      + "marks over \(minimumWeeks) weeks."
  }

  private static func leanSentence(_ lean: Estimate) -> String {
    let side = lean.value >= 0 ? "IC" : "management"
    let verdict =
      lean.isClearlyPositive || lean.isClearlyNegative
      ? "the interval excludes 0" : "the interval includes 0"
    return
      "The lean is \(Format.signed(lean.value)) toward \(side) (90% interval "
      + "\(Format.signed(lean.low)) to \(Format.signed(lean.high))): \(verdict)."
  }

  private static func directionSentences(_ trend: Trend) -> [String] {
    [trend.ic, trend.management].compactMap { summary in
      guard summary.direction == .rising || summary.direction == .falling, let slope = summary.slope
      else { return nil }
      return
        "\(name(summary.figures.track)) energy has been \(summary.direction.rawValue) "
        + "(\(Format.signed(slope)) a week over \(summary.weeksObserved) weeks)."
    }
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
      return
        "Within \(track == .ic ? "IC" : "management"), \(best.name) energized you "
        + "(\(Format.signed(high)) from \(best.counts.observations) marks) while \(worst.name) drained "
        + "you (\(Format.signed(low)) from \(worst.counts.observations) marks)."
    }
  }

  /// When one activity dominates the log, say that it does not dominate the answer.
  private static func exposureSentence(_ trend: Trend) -> String? {
    guard let most = trend.tags.max(by: { $0.counts.observations < $1.counts.observations }),
      trend.observations >= 10,
      Double(most.counts.observations) >= 0.4 * Double(trend.observations)
    else { return nil }
    return
      "\(most.name.prefix(1).uppercased() + most.name.dropFirst()) was logged most "
      + "(\(most.counts.observations) of \(trend.observations) marks), but every activity weighs "
      + "the same: how it felt decides, not how often your job asks for it."
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

  /// The command that starts it.
  public var command: String {
    "journal experiment start \"\(title)\" --track \(track.rawValue) --weeks \(weeks)"
  }

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

/// Number formatting shared by the analysis's sentences.
public enum Format {
  /// `+0.42`, `-0.10`, `0.00`: two decimals with a sign.
  ///
  /// - Parameter value: The number.
  /// - Returns: The text.
  public static func signed(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let sign = hundredths > 0 ? "+" : hundredths < 0 ? "-" : ""
    let magnitude = abs(hundredths)
    let fraction = magnitude % 100
    return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
