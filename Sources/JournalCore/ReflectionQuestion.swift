/// The articles' "how to choose" questions, asked by `journal reflect` beside the five-year
/// question. Each has a fixed set of answers, stored by their codes (`yes`, `people`, …), never
/// by their wording, so the wording can change without touching a journal.
///
/// The questions come from the two articles in `shared/seeds`: "what energizes you?", "do you
/// want to code most of the time?", "are you comfortable with ambiguity and people issues?",
/// "which kind of impact and decisions do you prefer?", "do you want to scale through
/// technology or through people?", and the five-year answer's kind ("a technical domain, or
/// people, teams and organisations?").
public enum ReflectionQuestion: String, CaseIterable, Sendable {
  /// Is the five-year answer a technical domain, or people, teams and organisations?
  case domain
  /// What energizes you: technical work, or other people's growth and the organisation?
  case energizes
  /// Do you want to code most of the time?
  case coding
  /// Are you comfortable with ambiguity and people issues?
  case peopleIssues = "people-issues"
  /// Which kind of impact and decisions do you prefer?
  case decisions
  /// Do you want to scale your impact through technology or through people?
  case scale

  /// The question as `journal reflect` asks it.
  public var wording: String {
    switch self {
    case .domain:
      "Is that a technical domain, or people, teams and organisations?"
    case .energizes: "What energizes you?"
    case .coding: "Do you want to code most of the time?"
    case .peopleIssues: "Are you comfortable with ambiguity and people issues?"
    case .decisions: "Which kind of impact and decisions do you prefer?"
    case .scale: "Do you want to scale your impact through technology or through people?"
    }
  }

  /// A short label for tables and lists: "code most of the time".
  public var label: String {
    switch self {
    case .domain: "five-year answer's kind"
    case .energizes: "what energizes you"
    case .coding: "code most of the time"
    case .peopleIssues: "ambiguity and people issues"
    case .decisions: "impact and decisions"
    case .scale: "scale through"
    }
  }

  /// The answers it accepts, the IC-leaning one first, then the management-leaning one, then
  /// "unsure".
  public var choices: [ReflectionChoice] {
    switch self {
    case .domain:
      [
        ReflectionChoice("technical", .ic, "a technical domain"),
        ReflectionChoice("people", .management, "people, teams and organisations"),
        .unsure,
      ]
    case .energizes:
      [
        ReflectionChoice(
          "technical", .ic, "solving deep technical problems, designing systems, writing code"),
        ReflectionChoice(
          "people", .management,
          "leading teams, solving organisational problems, helping others grow"),
        .unsure,
      ]
    case .coding:
      [
        ReflectionChoice("yes", .ic, "yes"),
        ReflectionChoice("no", .management, "no: less coding, more organising and priorities"),
        .unsure,
      ]
    case .peopleIssues:
      [
        ReflectionChoice("structured", .ic, "I prefer structured problem solving"),
        ReflectionChoice("interpersonal", .management, "I enjoy handling interpersonal challenges"),
        .unsure,
      ]
    case .decisions:
      [
        ReflectionChoice("technical", .ic, "technical decisions, impact at a technical level"),
        ReflectionChoice(
          "organisational", .management, "team decisions, impact at an organisational level"),
        .unsure,
      ]
    case .scale:
      [
        ReflectionChoice("technology", .ic, "through technology"),
        ReflectionChoice("people", .management, "through people"),
        .unsure,
      ]
    }
  }

  /// The answer with `code`, or `nil` when the question has none by that code.
  ///
  /// - Parameter code: An answer code such as `yes`.
  /// - Returns: The answer.
  public func choice(_ code: String) -> ReflectionChoice? {
    choices.first { $0.code == code }
  }

  /// "yes, no or unsure": the codes in a sentence, for an error or a prompt.
  public var codeList: String {
    choices.map(\.code).listed("or")
  }
}

/// One answer to a ``ReflectionQuestion``: its stored code, the track it leans toward, and
/// its wording.
public struct ReflectionChoice: Hashable, Sendable {
  /// What is stored and typed: `yes`, `people`, `unsure`.
  public let code: String
  /// `.ic` or `.management`, or `nil` for "unsure".
  public let lean: Track?
  /// The answer as a prompt shows it.
  public let wording: String

  init(_ code: String, _ lean: Track?, _ wording: String) {
    self.code = code
    self.lean = lean
    self.wording = wording
  }

  /// "unsure": every question accepts it, and it leans nowhere.
  public static let unsure = ReflectionChoice("unsure", nil, "unsure")
}

/// A question and the code of the answer given.
public struct ReflectionAnswer: Hashable, Sendable {
  /// The question.
  public let question: ReflectionQuestion
  /// The answer; always one of the question's ``ReflectionQuestion/choices``.
  public let choice: ReflectionChoice

  /// The answer `code` to `question`, or `nil` when the question has no such answer.
  ///
  /// - Parameters:
  ///   - question: The question.
  ///   - code: The answer's code.
  public init?(_ question: ReflectionQuestion, _ code: String) {
    guard let choice = question.choice(code) else { return nil }
    self.question = question
    self.choice = choice
  }
}
