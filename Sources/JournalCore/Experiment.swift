/// A deliberate trial of one track: "mentor two new hires", "own the storage redesign".
public struct Experiment: Hashable, Sendable {
  /// The short number users type.
  public var id: Int64
  /// What the trial is.
  public var title: String
  /// `.ic` or `.management`.
  public var track: Track
  /// What the user expects to learn.
  public var hypothesis: String
  /// The first day.
  public var start: Day
  /// The planned length in weeks.
  public var plannedWeeks: Int
  /// The day it was ended, if it was.
  public var end: Day?
  /// What the user concluded.
  public var outcome: String?

  /// Creates an experiment value.
  ///
  /// - Parameters:
  ///   - id: The short number.
  ///   - title: What the trial is.
  ///   - track: The track tried.
  ///   - hypothesis: The expectation.
  ///   - start: The first day.
  ///   - plannedWeeks: The planned length.
  ///   - end: The day it was ended.
  ///   - outcome: The conclusion.
  public init(
    id: Int64, title: String, track: Track, hypothesis: String = "", start: Day,
    plannedWeeks: Int, end: Day? = nil, outcome: String? = nil
  ) {
    self.id = id
    self.title = title
    self.track = track
    self.hypothesis = hypothesis
    self.start = start
    self.plannedWeeks = plannedWeeks
    self.end = end
    self.outcome = outcome
  }

  /// The weeks the experiment covers: from the week of its start, for its planned length, cut
  /// short by an earlier end, and never past the week of `today`.
  ///
  /// - Parameter today: The user's local day.
  /// - Returns: The first and last week, or `nil` when it starts after today.
  public func weeks(today: Day) -> (first: ISOWeek, last: ISOWeek)? {
    let first = ISOWeek(containing: start)
    var last = first.adding(weeks: plannedWeeks - 1)
    if let end, ISOWeek(containing: end) < last { last = ISOWeek(containing: end) }
    let current = ISOWeek(containing: today)
    if current < last { last = current }
    return last < first ? nil : (first, last)
  }
}

/// The motives check: what pulls you toward a track. The first four are the articles' "wrong
/// reasons"; the report names them gently when they appear.
public enum Motive: String, CaseIterable, Codable, Sendable {
  /// Status or title.
  case status
  /// The pay difference (often smaller than assumed).
  case compensation
  /// Pressure or expectations from others.
  case pressure
  /// Fear of the new or of the unknown.
  case fear
  /// What the work itself energizes.
  case energy
  /// Learning and growth.
  case growth
  /// The impact on the team or the product.
  case impact

  /// Whether the articles call this a poor reason to choose a track.
  public var isWrongReason: Bool {
    switch self {
    case .status, .compensation, .pressure, .fear: true
    case .energy, .growth, .impact: false
    }
  }

  /// A short phrase for reports.
  public var phrase: String {
    switch self {
    case .status: "status or title"
    case .compensation: "compensation"
    case .pressure: "pressure from others"
    case .fear: "fear of the new"
    case .energy: "what energizes you"
    case .growth: "growth"
    case .impact: "impact"
    }
  }
}

/// Dated answers to the articles' questions.
public struct Reflection: Hashable, Sendable {
  /// The short number.
  public var id: Int64
  /// The day it was written.
  public var day: Day
  /// "In five years, what do you want to be the person in the room who knows?"
  public var fiveYears: String
  /// What pulls you toward a track.
  public var motives: [Motive]
  /// Anything else.
  public var note: String
  /// The answers to the "how to choose" questions, in the order of
  /// ``ReflectionQuestion/allCases``; a question left unanswered is absent.
  public var answers: [ReflectionAnswer]

  /// Creates a reflection value.
  ///
  /// - Parameters:
  ///   - id: The short number.
  ///   - day: The day written.
  ///   - fiveYears: The five-year answer.
  ///   - motives: The motives named.
  ///   - note: Anything else.
  ///   - answers: The answers to the "how to choose" questions, in any order.
  public init(
    id: Int64, day: Day, fiveYears: String, motives: [Motive], note: String = "",
    answers: [ReflectionAnswer] = []
  ) {
    self.id = id
    self.day = day
    self.fiveYears = fiveYears
    self.motives = motives
    self.note = note
    self.answers = ReflectionQuestion.allCases.compactMap { question in
      answers.last { $0.question == question }
    }
  }

  /// The answer to `question`, if it was answered.
  ///
  /// - Parameter question: The question.
  /// - Returns: The answer, or `nil`.
  public func answer(_ question: ReflectionQuestion) -> ReflectionAnswer? {
    answers.first { $0.question == question }
  }
}
