import JournalAnalysis
import JournalCore
import Testing

@Suite struct SuggestionTests {
  /// Four weeks, each with the same counts per tag.
  private func fourWeeks(_ perWeek: [(String, Int, Int)]) -> Trend {
    let first = Fixture.week("2026-10-26")
    var counts: [WeeklyTagCount] = []
    for week in 0..<4 {
      for (tag, energized, drained) in perWeek {
        counts.append(Fixture.count(tag, energized, drained, week: week, from: first))
      }
    }
    return Trend(counts: counts, from: first, through: first.adding(weeks: 3))
  }

  @Test func icWhenTheLeanClearlyExcludesZero() throws {
    // deep-work 12/0 → +1; delivery 0/12 → -1 (issue 13: plain rates). Lean 2. Jeffreys
    // p = 12.5/13, Var each = 4p(1-p)/12 = 0.012327; identical weeks, so no jackknife;
    // interval [2 - 1.6449 * 0.15702, 2] = [1.7417, 2] lies beyond +0.1. Confidence is capped.
    let suggestion = Suggestion(trend: fourWeeks([("deep-work", 3, 0), ("delivery", 0, 3)]))
    #expect(suggestion.outcome == .ic)
    #expect(suggestion.confidence == Suggestion.confidenceCap)
    #expect(suggestion.underSampled == nil)
    #expect(suggestion.nextExperiment.track == .ic)
    #expect(
      suggestion.reasons.contains { $0.contains("+2.00") && $0.contains("beyond the ±0.10 margin") }
    )
    #expect(suggestion.reasons.contains { $0.hasPrefix("IC activities: energy rate +1.00") })
  }

  @Test func managementWhenTheLeanIsClearlyNegative() {
    let suggestion = Suggestion(trend: fourWeeks([("deep-work", 0, 3), ("coaching", 3, 0)]))
    #expect(suggestion.outcome == .management)
    #expect(suggestion.confidence == Suggestion.confidenceCap)
    #expect(suggestion.nextExperiment.track == .management)
  }

  @Test func techLeadWhenBothClearlyEnergizeAndNeitherMore() {
    // deep-work and coaching each 12/4: shrunk 8/18 = 0.4444, Var = 4*13*5/(18^2*19) = 260/6156,
    // sd 0.20551, low = 0.4444 - 0.3380 = 0.1064 > 0. Lean 0 covers 0.
    // Confidence = Φ(0.4444 / 0.20551)^2 = Φ(2.16262)^2 = 0.96966 (scipy).
    let suggestion = Suggestion(trend: fourWeeks([("deep-work", 3, 1), ("coaching", 3, 1)]))
    #expect(suggestion.outcome == .techLead)
    // Issue 13: jointly, P(both > 0) >= P(IC > 0) + P(management > 0) - 1. Each rate 0.5 with
    // Var 4 * (12.5/17) * (4.5/17) / 16 = 0.048659: P = Φ(0.5 / 0.22059) = 0.98829, bound
    // 0.97659, capped at 0.95.
    #expect(suggestion.confidence == Suggestion.confidenceCap)
    #expect(suggestion.reasons.contains { $0.contains("tech-lead") })
  }

  @Test func unclearWhenThinNamesTheUnderSampledSide() {
    // Two weeks of deep-work only: IC has 2 weeks (< 4), management nothing.
    let first = Fixture.week("2026-11-09")
    let trend = Trend(
      counts: [
        Fixture.count("deep-work", 3, 0, week: 0, from: first),
        Fixture.count("deep-work", 3, 0, week: 1, from: first),
      ], from: first, through: first.adding(weeks: 1))
    let suggestion = Suggestion(trend: trend)
    #expect(suggestion.outcome == .unclear)
    #expect(suggestion.confidence == 0)
    #expect(suggestion.underSampled == .management)
    #expect(suggestion.nextExperiment.track == .management)
    #expect(suggestion.nextExperiment.description.contains("mentor"))
    #expect(
      suggestion.reasons.contains {
        $0.hasPrefix(
          "Management is under-sampled: 0 marks on management-only activities over 0 weeks")
      })
    #expect(
      suggestion.reasons.contains {
        $0.hasPrefix("IC is under-sampled: 6 marks on IC-only activities over 2 weeks")
      })
  }

  @Test func unclearWhenBalanced() {
    // deep-work and coaching each 8/4: shrunk 4/14 = 0.2857, Var = 4*9*5/(14^2*15) = 0.06122,
    // low = 0.2857 - 1.6449*0.2474 = -0.1213: not clearly positive. Lean 0: P(lean > 0) = 0.5.
    let suggestion = Suggestion(trend: fourWeeks([("deep-work", 2, 1), ("coaching", 2, 1)]))
    #expect(suggestion.outcome == .unclear)
    #expect(close(suggestion.confidence, 0.5, tolerance: 1e-6))
    // Equal marks: the IC side is the one to try next (ties go to IC).
    #expect(suggestion.underSampled == .ic)
    #expect(suggestion.nextExperiment.track == .ic)
    #expect(suggestion.nextExperiment.description.contains("broader"))
    #expect(suggestion.reasons.contains { $0.contains("balanced") })
  }

  @Test func exposureDoesNotDecide() {
    // 60 drained delivery marks and 8 energized coaching marks over four weeks, nothing on IC.
    // Pooled, management would be -0.76 and "dominant"; here IC is simply under-sampled, and the
    // reasons say that coaching energized while delivery drained.
    let suggestion = Suggestion(trend: fourWeeks([("delivery", 0, 15), ("coaching", 2, 0)]))
    #expect(suggestion.outcome == .unclear)
    #expect(suggestion.underSampled == .ic)
    #expect(
      suggestion.reasons.contains {
        $0.contains("coaching energized you (+1.00 from 8 marks)")
          && $0.contains("delivery drained you (-1.00 from 60 marks)")
      })
    #expect(
      suggestion.reasons.contains { $0.hasPrefix("Delivery was logged most (60 of 68 marks") })
  }

  @Test func aBothActivityLoggedMostWeighsInBothTracks() {
    // mentoring 3/0 a week (12 marks), deep-work and delivery 1 each (4 and 4): 12 of 20.
    let suggestion = Suggestion(
      trend: fourWeeks([("mentoring", 3, 0), ("deep-work", 1, 0), ("delivery", 0, 1)]))
    #expect(
      suggestion.reasons.contains(
        "Mentoring was logged most (12 of 20 marks on IC and management activities): it weighs "
          + "in both tracks' rates by its marks, but a track is chosen by how its marks felt, "
          + "never by how many it has."), "\(suggestion.reasons)")
  }

  @Test func exposureDoesNotDecideWithBothTracksLogged() throws {
    // Add deep-work 3/1 a week. Management pools its marks: (8 - 60) / 68 = -0.7647; IC =
    // (12 - 4) / 16 = 0.5; lean 1.2647. Model Var = 0.048659 + (60/68)² × 0.000542 + (8/68)²
    // × 0.026235 = 0.049444 (four equal weeks: no jackknife spread): low 1.2647 - 1.6449 ×
    // 0.22236 = 0.8990. The 60 delivery marks do not make it "management"; the rates make it IC.
    let trend = fourWeeks([("delivery", 0, 15), ("coaching", 2, 0), ("deep-work", 3, 1)])
    let lean = try #require(trend.lean)
    #expect(close(lean.value, 0.5 + 52.0 / 68))
    #expect(close(lean.low, 0.898_955_28, tolerance: 1e-7))
    #expect(Suggestion(trend: trend).outcome == .ic)
  }

  @Test(arguments: [(0.0, 0.5), (1.0, 0.841_344_7), (-1.959_964, 0.025), (3.0, 0.998_650_1)])
  func normalCDF(x: Double, expected: Double) {
    #expect(close(Statistics.normalCDF(x), expected, tolerance: 2e-7))
  }
}

@Suite struct ExperimentResultTests {
  private let start = Fixture.day("2026-11-02")  // a Monday

  private func experiment(weeks: Int = 2) -> Experiment {
    Experiment(
      id: 1, title: "Mentor two new hires", track: .management, start: start, plannedWeeks: weeks)
  }

  @Test func judgedAgainstTheSameNumberOfWeeksBefore() throws {
    // Baseline (2026-10-19, 2026-10-26): coaching 0/2 each → 0/4: -1 (issue 13: plain rates).
    // During (2026-11-02, 2026-11-09): coaching 2/0 each → 4/0: +1.
    // Jeffreys Var each = 4 * 0.9 * 0.1 / 4 = 0.09; change 2 ± 1.6449 * sqrt(0.18) = [1.3021, 2].
    let base = Fixture.week("2026-10-19")
    let counts = [
      Fixture.count("coaching", 0, 2, week: 0, from: base),
      Fixture.count("coaching", 0, 2, week: 1, from: base),
      Fixture.count("coaching", 2, 0, week: 2, from: base),
      Fixture.count("coaching", 2, 0, week: 3, from: base),
      Fixture.count("coaching", 9, 0, week: 4, from: base),  // after the experiment: ignored
      Fixture.count("deep-work", 0, 9, week: 2, from: base),  // the other track: ignored
    ]
    let span = try #require(
      ExperimentResult.span(of: experiment(), today: Fixture.day("2026-11-20")))
    #expect(span.first.start.iso == "2026-10-19")
    #expect(span.last.start.iso == "2026-11-09")
    let result = ExperimentResult(
      experiment: experiment(), counts: counts, today: Fixture.day("2026-11-20"))
    #expect(close(result.during?.rate?.value, 1))
    #expect(close(result.baseline?.rate?.value, -1))
    let change = try #require(result.change)
    #expect(close(change.value, 2))
    #expect(close(change.low, 2 - Statistics.z90 * 0.18.squareRoot()))
    #expect(result.comparedTags == ["coaching"])
    #expect(result.verdict == .moreEnergized)
  }

  @Test func notEnoughDataWhenEitherSideIsThin() {
    let base = Fixture.week("2026-10-19")
    let counts = [
      Fixture.count("coaching", 0, 4, week: 0, from: base),
      Fixture.count("coaching", 1, 0, week: 2, from: base),
    ]
    let result = ExperimentResult(
      experiment: experiment(), counts: counts, today: Fixture.day("2026-11-20"))
    #expect(result.verdict == .notEnoughData)
    #expect(result.change == nil)
    #expect(result.during?.counts.observations == 1)
  }

  @Test func aRunningExperimentIsJudgedOnTheWeeksSoFar() throws {
    // Planned 6 weeks from 2026-11-02; today 2026-11-10 is in its second week, so the baseline
    // is the 2 weeks before.
    let span = try #require(
      ExperimentResult.span(of: experiment(weeks: 6), today: Fixture.day("2026-11-10")))
    #expect(span.first.start.iso == "2026-10-19")
    #expect(span.last.start.iso == "2026-11-09")
    #expect(ExperimentResult.span(of: experiment(), today: Fixture.day("2026-11-01")) == nil)
  }
}

@Suite("Split sentences name a both-track activity as one")
struct SplitSentenceTests {
  @Test("mentoring energizing and delivery draining: 'mentoring (which counts for both tracks)'")
  func bothTrackActivityIsNamedAsSuch() {
    // Four weeks: mentoring 3 energized a week (rate +1), delivery 3 drained a week (rate -1).
    let counts = (0..<4).flatMap { week in
      [Fixture.count("mentoring", 3, 0, week: week), Fixture.count("delivery", 0, 3, week: week)]
    }
    let trend = Trend(
      counts: counts, from: Fixture.week("2026-11-16"),
      through: Fixture.week("2026-11-16").adding(weeks: 3))
    let reasons = Suggestion(trend: trend).reasons
    let split = reasons.first { $0.hasPrefix("Within management") }
    #expect(
      split
        == "Within management, mentoring (which counts for both tracks) energized you (+1.00 "
        + "from 12 marks) while delivery drained you (-1.00 from 12 marks).", "\(reasons)")
  }
}
