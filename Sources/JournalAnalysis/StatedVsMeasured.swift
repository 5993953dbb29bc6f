import JournalCore

/// The activities one side of a question is about: a whole track (as the report's track rate
/// pools it, custom activities included by their track) or named activities.
public enum ActivityGroup: Hashable, Sendable {
  /// Every activity that counts toward the track (`both` activities such as mentoring too).
  case track(Track)
  /// The named activities.
  case tags([String])

  /// "IC activities", "deep-work", "conflict-resolution and coaching".
  public var name: String {
    switch self {
    case .track(let track): "\(track.nameInSentence) activities"
    case .tags(let names): names.listed()
    }
  }
}

/// What one group of activities measured over the window: its pooled rate with the same 90%
/// interval as a track's (see ``Pooling``), and the evidence behind it.
public struct GroupReading: Hashable, Sendable {
  /// The activities.
  public let group: ActivityGroup
  /// The activities that had marks in the window, by name.
  public let activities: [String]
  /// The pooled rate of the activities' marks with its 90% interval; `nil` without marks.
  public let rate: Estimate?
  /// Marks on the activities.
  public let observations: Int
  /// Weeks with a mark on one of them.
  public let weeksObserved: Int

  /// Whether there is enough evidence to compare: the same minimum a suggestion asks of a
  /// track, ``Suggestion/minimumMarks`` marks over ``Suggestion/minimumWeeks`` weeks.
  public var hasEnoughEvidence: Bool {
    rate != nil && observations >= Suggestion.minimumMarks
      && weeksObserved >= Suggestion.minimumWeeks
  }

  /// Reads `group` off `trend`.
  ///
  /// - Parameters:
  ///   - group: The activities.
  ///   - trend: The window's trend.
  public init(_ group: ActivityGroup, in trend: Trend) {
    self.group = group
    switch group {
    case .track(let track):
      let summary = track == .ic ? trend.ic : trend.management
      activities = trend.tags.filter { $0.track.counts(toward: track) }.map(\.name).sorted()
      rate = summary.figures.rate
      observations = summary.figures.counts.observations
      weeksObserved = summary.weeksObserved
    case .tags(let names):
      let wanted = Set(names)
      // Each activity enters under one stand-in track, so ``Pooling`` pools exactly these.
      // A week's tags come in name order already (``WeekTags/forEachTag(_:)``).
      let weeks: [[TagCounts]] = trend.weeks.map { week in
        var tags: [TagCounts] = []
        week.tags.forEachTag { name, counts in
          if wanted.contains(name) && counts.observations > 0 {
            tags.append(TagCounts(name: name, track: .ic, counts: counts))
          }
        }
        return tags
      }
      activities = trend.tags.filter { wanted.contains($0.name) }.map(\.name).sorted()
      rate = Pooling.estimate(weeks, tracks: [(.ic, 1)], bounds: -1...1)
      observations = weeks.joined().reduce(0) { $0 + $1.counts.observations }
      weeksObserved = weeks.filter { !$0.isEmpty }.count
    }
  }

  /// What the reading says, on its own: energizing when the whole interval lies above
  /// +``Suggestion/margin``, draining when below −margin, `nil` otherwise or without enough
  /// evidence.
  public var reading: Mark? {
    guard hasEnoughEvidence, let rate else { return nil }
    if rate.low > Suggestion.margin { return .energized }
    if rate.high < -Suggestion.margin { return .drained }
    return nil
  }
}

/// What a person said in `journal reflect` beside what their entries show about the same
/// activities, question by question.
///
/// **The rule.** For an answer that leans toward a track, take the activities that answer
/// points to (``activities(_:_:)``) and their pooled rate over the window, with the 90%
/// interval every track rate has. With at least ``Suggestion/minimumMarks`` marks over
/// ``Suggestion/minimumWeeks`` weeks on them:
/// - **consistent** when the whole interval lies above +``Suggestion/margin`` (they energize
///   you, as you said they would);
/// - **in tension** when the whole interval lies below −margin (they drain you);
/// - **not enough evidence** otherwise, or with fewer marks or weeks.
///
/// An "unsure" answer is not judged: both sides' readings are reported as information.
public struct StatedVsMeasured: Hashable, Sendable {
  /// How an answer compares with the entries.
  public enum Verdict: String, Sendable {
    /// The activities the answer leans toward energize you.
    case consistent
    /// They drain you.
    case inTension = "in-tension"
    /// Too few marks or weeks, or an interval that reaches inside the margin.
    case notEnoughEvidence = "not-enough-evidence"
    /// The answer was "unsure": nothing to judge; the readings are information.
    case unsure
  }

  /// One question: the answer, both sides' readings, the verdict and its sentence.
  public struct Comparison: Hashable, Sendable {
    /// The answer given.
    public let answer: ReflectionAnswer
    /// The activities an IC-leaning answer points to, as measured.
    public let ic: GroupReading
    /// The activities a management-leaning answer points to, as measured.
    public let management: GroupReading
    /// How the answer compares.
    public let verdict: Verdict
    /// The verdict as a sentence citing its figures.
    public let sentence: String
    /// In tension only: the experiment that would tell which holds.
    public let experiment: ExperimentIdea?

    /// The side the answer leans toward, measured; `nil` for "unsure".
    public var stated: GroupReading? {
      switch answer.choice.lean {
      case .ic: ic
      case .management: management
      default: nil
      }
    }
  }

  /// One comparison per answered question, in the questions' order.
  public let comparisons: [Comparison]
  /// The track most answers lean toward, `nil` when as many lean each way (or none do).
  public let statedLean: Track?
  /// How many answers lean toward ``statedLean`` (or either way, when there is none).
  public let answersTowardLean: Int
  /// How many answers lean toward a track at all (not "unsure").
  public let leaningAnswers: Int
  /// Names a stated lean that rests on the articles' poor reasons, if it does.
  public let wrongReasonsSentence: String?

  /// The activities each side of `question` is about.
  ///
  /// - Parameters:
  ///   - question: The question.
  ///   - side: `.ic` or `.management`.
  /// - Returns: The group.
  public static func activities(_ question: ReflectionQuestion, _ side: Track) -> ActivityGroup {
    let ic = side == .ic
    switch question {
    case .domain, .energizes: return .track(ic ? .ic : .management)
    case .coding: return .tags(ic ? ["deep-work"] : ["delivery"])
    case .peopleIssues: return .tags(ic ? ["deep-work"] : ["coaching", "conflict-resolution"])
    case .decisions: return .tags(ic ? ["architecture"] : ["delivery"])
    case .scale: return .tags(ic ? ["architecture", "deep-work"] : ["coaching", "mentoring"])
    }
  }

  /// Compares the answers of `reflection` with `trend`.
  ///
  /// - Parameters:
  ///   - trend: The window's trend.
  ///   - reflection: The reflection; `nil` or one without answers gives no comparisons.
  public init(trend: Trend, reflection: Reflection?) {
    let answers = reflection?.answers ?? []
    comparisons = answers.map { answer in
      let ic = GroupReading(Self.activities(answer.question, .ic), in: trend)
      let management = GroupReading(Self.activities(answer.question, .management), in: trend)
      guard let lean = answer.choice.lean else {
        return Comparison(
          answer: answer, ic: ic, management: management, verdict: .unsure,
          sentence: Sentences.unsureComparison(answer, ic: ic, management: management),
          experiment: nil)
      }
      let stated = lean == .ic ? ic : management
      let verdict: Verdict
      switch stated.reading {
      case .energized: verdict = .consistent
      case .drained: verdict = .inTension
      default: verdict = .notEnoughEvidence
      }
      return Comparison(
        answer: answer, ic: ic, management: management, verdict: verdict,
        sentence: Sentences.statedComparison(answer, stated: stated, verdict: verdict),
        experiment: verdict == .inTension ? ExperimentIdea.toTell(answer) : nil)
    }
    let toIC = answers.filter { $0.choice.lean == .ic }.count
    let toManagement = answers.filter { $0.choice.lean == .management }.count
    statedLean = toIC > toManagement ? .ic : toManagement > toIC ? .management : nil
    answersTowardLean = max(toIC, toManagement)
    leaningAnswers = toIC + toManagement
    wrongReasonsSentence = statedLean.flatMap { lean in
      Sentences.wrongReasons(
        lean: lean, toward: max(toIC, toManagement), of: toIC + toManagement,
        motives: reflection?.motives ?? [])
    }
  }
}

extension ExperimentIdea {
  /// The experiment that would tell whether an answer in tension holds: the side the answer
  /// leans toward, tried deliberately and measured against the weeks before it.
  static func toTell(_ answer: ReflectionAnswer) -> ExperimentIdea? {
    guard let lean = answer.choice.lean else { return nil }
    let ic = lean == .ic
    switch answer.question {
    case .domain, .energizes:
      return toTry(lean)
    case .coding:
      return ic
        ? ExperimentIdea(
          track: .ic, title: "Protect two deep-work days a week",
          description:
            "Block two days a week for hands-on technical work, then log whether deep work "
            + "energizes you once it is not squeezed between other work.", weeks: 6)
        : ExperimentIdea(
          track: .management, title: "Own the team's planning and priorities",
          description:
            "Take over planning and prioritising for a few weeks, coding less, and log how "
            + "delivery feels when it is yours to shape.", weeks: 6)
    case .peopleIssues:
      return ic
        ? ExperimentIdea(
          track: .ic, title: "Take the hardest structured problem on the board",
          description:
            "Pick a well-defined, hard technical problem and see it through, then log how the "
            + "deep work feels.", weeks: 6)
        : ExperimentIdea(
          track: .management, title: "Handle the team's next people issues with backing",
          description:
            "With your manager's backing, take the lead on the next disagreements and 1:1s, "
            + "then log how conflict resolution and coaching feel.", weeks: 6)
    case .decisions:
      return ic
        ? ExperimentIdea(
          track: .ic, title: "Drive one cross-team design decision",
          description:
            "Own a technical decision that reaches beyond your team, from proposal to "
            + "agreement, and log how the architecture work feels.", weeks: 6)
        : ExperimentIdea(
          track: .management, title: "Run delivery for one project",
          description:
            "Own one project's planning, priorities and unblocking end to end, and log how "
            + "delivery feels.", weeks: 6)
    case .scale:
      return ic
        ? ExperimentIdea(
          track: .ic, title: "Build something other teams adopt",
          description:
            "Design and build a tool, library or platform piece for other teams, and log how "
            + "the architecture and deep work feel.", weeks: 6)
        : toTry(.management)
    }
  }
}
