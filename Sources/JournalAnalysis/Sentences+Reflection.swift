import JournalCore

// The stated-versus-measured and role-shape sentences, one source each (issue 15).
extension Sentences {
  /// "+0.62 (90% interval +0.41 to +0.83) from 30 marks over 11 weeks".
  static func groupFigures(_ reading: GroupReading) -> String {
    guard let rate = reading.rate else { return "no marks in this period" }
    return
      "\(Format.signed(rate.value)) (90% interval \(Format.range(rate.low, rate.high))) from "
      + "\(Plural.count(reading.observations, "mark", "marks")) "
      + "over \(Plural.count(reading.weeksObserved, "week", "weeks"))"
  }

  /// "+0.62, 90% interval +0.41 to +0.83, 30 marks over 11 weeks": the figures inside
  /// parentheses.
  static func compactFigures(_ reading: GroupReading) -> String {
    guard let rate = reading.rate else { return "no marks in this period" }
    return
      "\(Format.signed(rate.value)), 90% interval \(Format.range(rate.low, rate.high)), "
      + "\(Plural.count(reading.observations, "mark", "marks")) "
      + "over \(Plural.count(reading.weeksObserved, "week", "weeks"))"
  }

  /// "3 marks over 2 weeks; a comparison needs 8 marks over 4 weeks".
  static func shortfall(_ reading: GroupReading) -> String {
    "\(Plural.count(reading.observations, "mark", "marks")) over "
      + "\(Plural.count(reading.weeksObserved, "week", "weeks")); a comparison needs "
      + "\(Suggestion.minimumMarks) marks over \(Suggestion.minimumWeeks) weeks"
  }

  /// "'yes' (IC)": an answer and the track it leans toward.
  static func answerPhrase(_ answer: ReflectionAnswer) -> String {
    let lean = answer.choice.lean.map { " (\($0.nameInSentence))" } ?? ""
    return "'\(answer.choice.wording)'\(lean)"
  }

  /// The verdict on an answer that leans toward a track: "You answered 'yes' (IC) and
  /// deep-work energized you: +0.62 (90% interval +0.41 to +0.83) from 30 marks over 11
  /// weeks."
  ///
  /// - Parameters:
  ///   - answer: The answer.
  ///   - stated: The activities it leans toward, measured.
  ///   - verdict: The verdict.
  /// - Returns: The sentence.
  public static func statedComparison(
    _ answer: ReflectionAnswer, stated: GroupReading, verdict: StatedVsMeasured.Verdict
  ) -> String {
    let said = "You answered \(answerPhrase(answer))"
    let name = stated.group.name
    switch verdict {
    case .consistent:
      return "\(said), and \(name) energized you: \(groupFigures(stated))."
    case .inTension:
      return
        "\(said), but \(name) drained you: \(groupFigures(stated)). What you said and what you "
        + "logged pull apart; an experiment can tell which holds."
    case .notEnoughEvidence, .unsure:
      guard stated.hasEnoughEvidence else {
        return "\(said); \(name): \(shortfall(stated))."
      }
      return
        "\(said); \(name): \(groupFigures(stated)). The interval reaches inside ±\(margin), so "
        + "the entries do not tell yet."
    }
  }

  /// The information given for an "unsure" answer: "You answered 'unsure'. For information:
  /// deep-work energized you (…); delivery drained you (…)."
  ///
  /// - Parameters:
  ///   - answer: The answer.
  ///   - ic: The IC side's activities, measured.
  ///   - management: The management side's activities, measured.
  /// - Returns: The sentence.
  public static func unsureComparison(
    _ answer: ReflectionAnswer, ic: GroupReading, management: GroupReading
  ) -> String {
    func part(_ reading: GroupReading) -> String {
      let name = reading.group.name
      guard reading.hasEnoughEvidence else {
        return
          "\(name) has too few marks to tell (\(reading.observations) over "
          + "\(Plural.count(reading.weeksObserved, "week", "weeks")))"
      }
      switch reading.reading {
      case .energized: return "\(name) energized you (\(compactFigures(reading)))"
      case .drained: return "\(name) drained you (\(compactFigures(reading)))"
      default: return "\(name) did not clearly energize or drain you (\(compactFigures(reading)))"
      }
    }
    return "You answered 'unsure'. For information: \(part(ic)); \(part(management))."
  }

  /// Names a stated lean that rests on the articles' poor reasons, or `nil` when the motives
  /// hold none. Status, compensation and pressure toward management are the articles' first
  /// mistake; fear behind a lean toward IC (refusing management out of fear), their second.
  ///
  /// - Parameters:
  ///   - lean: The track most answers lean toward.
  ///   - toward: How many answers lean that way.
  ///   - total: How many answers lean either way.
  ///   - motives: The reflection's motives.
  /// - Returns: The sentence, or `nil`.
  public static func wrongReasons(lean: Track, toward: Int, of total: Int, motives: [Motive])
    -> String?
  {
    let wrong = motives.filter(\.isWrongReason)
    guard !wrong.isEmpty else { return nil }
    let named = wrong.map(\.phrase).joined(separator: ", ")
    let opening =
      "Your answers lean toward \(lean.nameInSentence) (\(toward) of \(total) that lean either "
      + "way), and you named \(named) among your motives"
    let mistake: String
    if lean == .management, wrong.contains(where: { $0 != .fear }) {
      mistake =
        "choosing management for status, compensation or pressure is the first mistake the "
        + "articles warn about"
    } else if lean == .ic, wrong.contains(.fear) {
      mistake = "refusing management out of fear is the second mistake the articles warn about"
    } else {
      mistake = "the articles call these poor reasons to choose a track on their own"
    }
    return
      "\(opening): \(mistake). The comparison above shows what the activities themselves do "
      + "for you."
  }

  /// The role-shape sentence (see ``RoleShape``): "Within IC, deep-work carries the energy
  /// (+0.70, 90% interval +0.52 to +0.88, 30 marks over 12 weeks), clearly above architecture
  /// (…): that points to deep problem solving (…)."
  ///
  /// - Parameters:
  ///   - track: The suggested track.
  ///   - ranked: Its activities with enough evidence, best first.
  ///   - carrying: The activities that carry the energy (the best, and every one whose
  ///     interval overlaps it), or none.
  /// - Returns: The sentence.
  public static func roleShape(track: Track, ranked: [GroupReading], carrying: [GroupReading])
    -> String
  {
    func figures(_ reading: GroupReading) -> String {
      "\(reading.group.name) (\(compactFigures(reading)))"
    }
    let within = "Within \(track.nameInSentence)"
    guard let first = carrying.first else {
      let best = ranked.first.map { " (the best, \(figures($0)))" } ?? ""
      return
        "\(within), no activity clearly carries the energy yet\(best), so the entries do not "
        + "point to a shape of role."
    }
    var shapes: [String] = []
    for reading in carrying {
      let shape = RoleShape.shape(of: reading.group.name, in: track)
      if !shapes.contains(shape) { shapes.append(shape) }
    }
    if carrying.count > 1 {
      let pointTo =
        shapes.count == 1
        ? "they point to \(shapes[0])"
        : "the role could be \(shapes.listed("or", serialComma: true))"
      return
        "\(within), \(carrying.map(figures).listed(serialComma: true)) carry the energy, and their intervals "
        + "overlap, so the entries cannot tell them apart: \(pointTo)."
    }
    let next = ranked.dropFirst().first.map { ", clearly above \(figures($0))" } ?? ""
    return "\(within), \(figures(first)) carries the energy\(next): that points to \(shapes[0])."
  }
}
