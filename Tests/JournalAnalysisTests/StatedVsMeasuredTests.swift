import JournalAnalysis
import JournalCore
import Testing

/// Issue 15: what a person said beside what their entries show, and the shape of role a clear
/// suggestion points to. Every expectation below is computed by hand in its comment.
@Suite struct StatedVsMeasuredTests {
  /// `weeks` weeks from 2026-10-26, each with the same counts per tag. Identical weeks leave
  /// the jackknife no spread, so every interval is the model's: rate ± 1.6449 × sd.
  private func weeks(_ count: Int, _ perWeek: [(String, Int, Int)]) -> Trend {
    let first = Fixture.week("2026-10-26")
    var counts: [WeeklyTagCount] = []
    for week in 0..<count {
      for (tag, energized, drained) in perWeek {
        counts.append(Fixture.count(tag, energized, drained, week: week, from: first))
      }
    }
    return Trend(counts: counts, from: first, through: first.adding(weeks: count - 1))
  }

  private func reflection(
    _ answers: [(ReflectionQuestion, String)], motives: [Motive] = []
  ) -> Reflection {
    Reflection(
      id: 1, day: Fixture.day("2026-11-20"), fiveYears: "", motives: motives,
      answers: answers.compactMap { ReflectionAnswer($0, $1) })
  }

  /// Four weeks: deep-work 3/0 a week, coaching 0/2, mentoring 0/1, delivery 1/1.
  private var fixture: Trend {
    weeks(4, [("deep-work", 3, 0), ("coaching", 0, 2), ("mentoring", 0, 1), ("delivery", 1, 1)])
  }

  private func comparison(_ section: StatedVsMeasured, _ question: ReflectionQuestion)
    -> StatedVsMeasured.Comparison?
  {
    section.comparisons.first { $0.answer.question == question }
  }

  @Test func consistentWhenTheActivitiesEnergize() throws {
    // "Code most of the time: yes" ↔ deep-work, 12/0: rate +1. Jeffreys p = 12.5/13, variance
    // 4p(1 − p)/12 = 0.0123274, half width 1.6449 × 0.111029 = 0.18263: interval
    // [0.81737, 1] (clamped) lies above +0.10 → consistent.
    let section = StatedVsMeasured(trend: fixture, reflection: reflection([(.coding, "yes")]))
    let row = try #require(comparison(section, .coding))
    #expect(row.verdict == .consistent)
    let rate = try #require(row.stated?.rate)
    #expect(close(rate.value, 1))
    #expect(close(rate.low, 0.817_373_7, tolerance: 1e-6))
    #expect(rate.high == 1)
    #expect(row.stated?.observations == 12)
    #expect(row.stated?.weeksObserved == 4)
    #expect(row.experiment == nil)
    #expect(
      row.sentence
        == "You answered 'yes' (IC), and deep-work energized you: +1.00 (90% interval +0.82 to "
        + "+1.00) from 12 marks over 4 weeks.")
  }

  @Test func inTensionWhenSayingPeopleButCoachingDrains() throws {
    // "Scale through people" ↔ coaching (0/8) and mentoring (0/4), both rate −1. Weights by
    // marks 8/12 and 4/12; value −1. Variances: coaching p = 0.5/9, 4p(1 − p)/8 = 0.0262346;
    // mentoring p = 0.5/5, 4p(1 − p)/4 = 0.09. Pooled variance (2/3)² × 0.0262346 + (1/3)² ×
    // 0.09 = 0.0216598, half width 1.6449 × 0.147173 = 0.242078: interval [−1, −0.757922]
    // lies below −0.10 → in tension.
    let section = StatedVsMeasured(trend: fixture, reflection: reflection([(.scale, "people")]))
    let row = try #require(comparison(section, .scale))
    #expect(row.verdict == .inTension)
    let rate = try #require(row.stated?.rate)
    #expect(close(rate.value, -1))
    #expect(rate.low == -1)
    #expect(close(rate.high, -0.757_922_4, tolerance: 1e-6))
    #expect(row.stated?.observations == 12)
    #expect(row.stated?.group == .tags(["coaching", "mentoring"]))
    #expect(
      row.sentence
        == "You answered 'through people' (management), but coaching and mentoring drained you: "
        + "-1.00 (90% interval -1.00 to -0.76) from 12 marks over 4 weeks. What you said and what "
        + "you logged pull apart; an experiment can tell which holds.")
    // The experiment that would tell: the people side, tried deliberately.
    #expect(row.experiment?.track == .management)
    #expect(row.experiment?.title == "Mentor two engineers and lead the next planning")
  }

  @Test func notEnoughEvidenceWhenTheIntervalStraddles() throws {
    // "Organisation-level decisions" ↔ delivery 4/4: rate 0, p = 0.5, variance 4 × 0.25 / 8 =
    // 0.125, half width 1.6449 × 0.353553 = 0.581544: [−0.58, +0.58] reaches inside ±0.10.
    let section = StatedVsMeasured(
      trend: fixture, reflection: reflection([(.decisions, "organisational")]))
    let row = try #require(comparison(section, .decisions))
    #expect(row.verdict == .notEnoughEvidence)
    #expect(close(row.stated?.rate?.high, 0.581_543_6, tolerance: 1e-6))
    #expect(row.experiment == nil)
    #expect(
      row.sentence.hasSuffix("The interval reaches inside ±0.10, so the entries do not tell yet."))
  }

  @Test func notEnoughEvidenceWithTooFewMarksOrWeeks() throws {
    // Architecture was never marked: no rate at all.
    let none = StatedVsMeasured(
      trend: fixture, reflection: reflection([(.decisions, "technical")]))
    let row = try #require(comparison(none, .decisions))
    #expect(row.verdict == .notEnoughEvidence)
    #expect(row.stated?.rate == nil)
    #expect(
      row.sentence
        == "You answered 'technical decisions, impact at a technical level' (IC); architecture: "
        + "0 marks over 0 weeks; a comparison needs 8 marks over 4 weeks.")
    // Three weeks of deep-work 3/0: clearly energizing (9/0), but 3 weeks < 4.
    let short = StatedVsMeasured(
      trend: weeks(3, [("deep-work", 3, 0)]), reflection: reflection([(.coding, "yes")]))
    #expect(comparison(short, .coding)?.verdict == .notEnoughEvidence)
    #expect(comparison(short, .coding)?.stated?.rate?.low ?? 0 > 0.1)
  }

  @Test func unsureReportsBothSidesAsInformation() throws {
    // "Ambiguity and people issues: unsure" ↔ deep-work (IC side) and coaching with
    // conflict-resolution (management side; only coaching was marked, 0/8, rate −1).
    let section = StatedVsMeasured(
      trend: fixture, reflection: reflection([(.peopleIssues, "unsure")]))
    let row = try #require(comparison(section, .peopleIssues))
    #expect(row.verdict == .unsure)
    #expect(row.stated == nil)
    #expect(
      row.sentence.hasPrefix(
        "You answered 'unsure'. For information: deep-work energized you (+1.00, 90% interval +0.82 to +1.00, 12 marks over 4 weeks); coaching and conflict-resolution drained you (-1.00,"
      ))
  }

  @Test func trackQuestionsUseTheReportsTrackRates() throws {
    // The five-year answer's kind and "what energizes you" compare with the whole track, the
    // same figures as the report's track table.
    let trend = fixture
    let section = StatedVsMeasured(
      trend: trend, reflection: reflection([(.domain, "people"), (.energizes, "technical")]))
    let domain = try #require(comparison(section, .domain))
    #expect(domain.stated?.rate == trend.management.figures.rate)
    #expect(domain.stated?.observations == 20)  // coaching 8, delivery 8, mentoring 4
    #expect(domain.stated?.activities == ["coaching", "delivery", "mentoring"])
    // Management pools coaching 0/8, delivery 4/4 and mentoring 0/4: (4 − 16) / 20 = −0.6.
    #expect(close(domain.stated?.rate?.value, -0.6, tolerance: 1e-12))
    #expect(comparison(section, .energizes)?.verdict == .consistent)
    #expect(section.comparisons.map(\.answer.question) == [.domain, .energizes])
  }

  @Test func noReflectionOrNoAnswersCompareNothing() {
    #expect(StatedVsMeasured(trend: fixture, reflection: nil).comparisons.isEmpty)
    let bare = StatedVsMeasured(trend: fixture, reflection: reflection([]))
    #expect(bare.comparisons.isEmpty)
    #expect(bare.statedLean == nil)
    #expect(bare.wrongReasonsSentence == nil)
  }

  @Test func aLeanOnPoorReasonsIsNamed() throws {
    let management = StatedVsMeasured(
      trend: fixture,
      reflection: reflection(
        [(.scale, "people"), (.decisions, "organisational"), (.coding, "yes")],
        motives: [.compensation, .growth]))
    #expect(management.statedLean == .management)
    #expect(management.answersTowardLean == 2)
    #expect(management.leaningAnswers == 3)
    let sentence = try #require(management.wrongReasonsSentence)
    #expect(
      sentence.hasPrefix(
        "Your answers lean toward management (2 of 3 that lean either way), and you named compensation among your motives: choosing management for status, compensation or pressure is the first mistake the articles warn about."
      ))

    let fear = StatedVsMeasured(
      trend: fixture, reflection: reflection([(.coding, "yes")], motives: [.fear]))
    #expect(
      fear.wrongReasonsSentence?.contains("refusing management out of fear is the second mistake")
        == true)

    // Good reasons only, or no lean (one each way, unsure not counted): nothing to name.
    let good = StatedVsMeasured(
      trend: fixture, reflection: reflection([(.coding, "yes")], motives: [.energy]))
    #expect(good.wrongReasonsSentence == nil)
    let balanced = StatedVsMeasured(
      trend: fixture,
      reflection: reflection(
        [(.coding, "yes"), (.scale, "people"), (.decisions, "unsure")], motives: [.status]))
    #expect(balanced.statedLean == nil)
    #expect(balanced.wrongReasonsSentence == nil)
  }

  // MARK: - The shape of role

  @Test func oneActivityClearlyCarriesTheEnergy() throws {
    // Architecture 12/0: [0.8174, 1]. Deep-work 4/8: rate −1/3, p = 4.5/13, variance
    // 4p(1 − p)/12 = 0.075444, half width 0.451796: [−0.7851, +0.1185], below 0.8174: apart.
    let trend = weeks(4, [("architecture", 3, 0), ("deep-work", 1, 2), ("delivery", 0, 3)])
    let shape = try #require(RoleShape(trend: trend, track: .ic))
    #expect(shape.carrying.map(\.activities) == [["architecture"]])
    #expect(
      shape.sentence
        == "Within IC, architecture (+1.00, 90% interval +0.82 to +1.00, 12 marks over 4 weeks) "
        + "carries the energy, clearly above deep-work (-0.33, 90% interval -0.79 to +0.12, 12 "
        + "marks over 4 weeks): that points to cross-team design and technical direction (a "
        + "Staff or Principal role that sets direction across teams).")
    // The suggestion is IC and carries the sentence among its reasons.
    let suggestion = Suggestion(trend: trend)
    #expect(suggestion.outcome == .ic)
    #expect(suggestion.reasons.last == shape.sentence)
  }

  @Test func overlappingIntervalsNameBoth() throws {
    // Architecture and deep-work both 12/0: identical intervals, so they cannot be told apart.
    let trend = weeks(4, [("architecture", 3, 0), ("deep-work", 3, 0), ("delivery", 0, 3)])
    let shape = try #require(RoleShape(trend: trend, track: .ic))
    #expect(shape.carrying.count == 2)
    #expect(shape.sentence.contains("carry the energy, and their intervals overlap"))
    #expect(shape.sentence.contains("cross-team design and technical direction"))
    #expect(shape.sentence.contains("or deep problem solving"))
  }

  @Test func managementShapesAndNoClaimWithoutAClearEnergizer() throws {
    // Coaching 12/0 against delivery 0/12: growing people.
    let people = weeks(4, [("coaching", 3, 0), ("delivery", 0, 3), ("deep-work", 0, 3)])
    let shape = try #require(RoleShape(trend: people, track: .management))
    #expect(
      shape.sentence.hasSuffix(
        "that points to growing people (a manager whose weeks are 1:1s, feedback and careers)."))
    // Deep-work 4/4 alone: its interval reaches below 0, so no shape is claimed.
    let flat = weeks(4, [("deep-work", 1, 1)])
    let none = try #require(RoleShape(trend: flat, track: .ic))
    #expect(none.carrying.isEmpty)
    #expect(none.sentence.contains("no activity clearly carries the energy yet"))
    // Too few marks on every activity: no shape at all.
    #expect(RoleShape(trend: weeks(1, [("deep-work", 3, 0)]), track: .ic) == nil)
  }
}
