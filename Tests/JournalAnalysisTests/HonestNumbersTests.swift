import JournalAnalysis
import JournalCore
import Testing

/// Issue 13: the pooled rate and its interval, the margin rule, the direction test and the
/// experiment verdicts against hand-computed figures (scipy/numpy for the arithmetic), and
/// monotonicity and determinism as properties over random journals.
@Suite struct HonestNumbersTests {
  // MARK: - The pooled rate and its interval

  @Test func pooledRateIsEveryMarkOfTheTrackWithAModelInterval() throws {
    // deep-work 6/2, architecture 1/0: the IC marks pooled, (6 − 2 + 1) / 9 = 0.555556.
    // Jeffreys p: 6.5/9 and 1.5/2; variances 4p(1−p)/n = 0.100309 and 0.75; coefficients
    // (votes over the track's marks) 8/9 and 1/9; model variance 0.088515, half width
    // 1.644854 × 0.297515 = 0.489369. One week: no jackknife.
    let trend = Fixture.oneWeek([
      Fixture.count("deep-work", 6, 2), Fixture.count("architecture", 1, 0),
    ])
    let rate = try #require(trend.ic.figures.rate)
    #expect(close(rate.value, 5.0 / 9, tolerance: 1e-12))
    #expect(close(rate.unclampedHalfWidth, 0.489_369_442, tolerance: 1e-8))
    #expect(close(rate.low, 5.0 / 9 - 0.489_369_442, tolerance: 1e-8))
    #expect(rate.high == 1)
  }

  @Test func theJackknifeWidensTheIntervalWhenWeeksDisagree() throws {
    // Week 0: deep-work 3/0, architecture 1/0; week 1: deep-work 1/2; week 2: deep-work 2/1.
    // Whole: 7 energized, 3 drained of 10 marks: 0.4. Leaving out each week: 0/6 = 0,
    // 5/7 = 0.714286, 3/7 = 0.428571; jackknife se 0.415133; t(2) = 2.9200: half width
    // 1.212189, larger than the model's 1.645 × 0.299 = 0.492.
    let first = Fixture.week("2026-11-02")
    let trend = Trend(
      counts: [
        Fixture.count("deep-work", 3, 0, week: 0, from: first),
        Fixture.count("architecture", 1, 0, week: 0, from: first),
        Fixture.count("deep-work", 1, 2, week: 1, from: first),
        Fixture.count("deep-work", 2, 1, week: 2, from: first),
      ], from: first, through: first.adding(weeks: 2))
    let rate = try #require(trend.ic.figures.rate)
    #expect(close(rate.value, 0.4, tolerance: 1e-12))
    #expect(close(rate.unclampedHalfWidth, 1.212_189_040, tolerance: 1e-8))
    #expect(close(rate.low, 0.4 - 1.212_189_040, tolerance: 1e-8))
    #expect(rate.high == 1)
  }

  @Test func theLeansJackknifeReachesTheNormalMultiplier() throws {
    // Week 0: deep-work 3/0, delivery 0/1; week 1: deep-work 1/2, delivery 1/1; week 2:
    // deep-work 2/1, delivery 0/2. Whole: IC 6 − 3 of 9 = 0.333333, management 1 − 4 of 5 =
    // −0.6; lean 0.933333. Leaving out each week:
    //   without week 0: IC 3 − 3 of 6 = 0, management 1 − 3 of 4 = −0.5 → 0.5
    //   without week 1: IC 5 − 1 of 6 = 0.666667, management 0 − 3 of 3 = −1 → 1.666667
    //   without week 2: IC 4 − 2 of 6 = 0.333333, management 1 − 2 of 3 = −0.333333 → 0.666667
    // Mean 0.944444; jackknife se √(2/3 × 0.796296) = 0.728604; × 1.644854 (not t(2) = 2.92)
    // = 1.198447. Model: Jeffreys p 6.5/10 and 1.5/6, variances 0.101111 and 0.15, both
    // coefficients ±1: half width 1.644854 × 0.501110 = 0.824252, the smaller.
    let first = Fixture.week("2026-11-02")
    let trend = Trend(
      counts: [
        Fixture.count("deep-work", 3, 0, week: 0, from: first),
        Fixture.count("delivery", 0, 1, week: 0, from: first),
        Fixture.count("deep-work", 1, 2, week: 1, from: first),
        Fixture.count("delivery", 1, 1, week: 1, from: first),
        Fixture.count("deep-work", 2, 1, week: 2, from: first),
        Fixture.count("delivery", 0, 2, week: 2, from: first),
      ], from: first, through: first.adding(weeks: 2))
    let lean = try #require(trend.lean)
    #expect(close(lean.value, 1.0 / 3 + 0.6, tolerance: 1e-12))
    #expect(close(lean.unclampedHalfWidth, 1.198_447_39, tolerance: 1e-7))
    // A track's rate keeps t(n − 1): IC leaves out 0, 0.666667, 0.333333; jackknife se
    // √(2/3 × 0.222222) = 0.384900, × 2.92 = 1.123909 (the model's 0.523 is smaller).
    let ic = try #require(trend.ic.figures.rate)
    #expect(close(ic.unclampedHalfWidth, 1.123_908_52, tolerance: 1e-7))
  }

  @Test func aVoteIsTheTagsMarks() {
    #expect(Pooling.vote(0) == 0)
    #expect(Pooling.vote(1) == 1)
    #expect(Pooling.vote(30) == 30)
  }

  // MARK: - The margin rule

  /// Eight weeks, each with the same counts per tag.
  private func weeks(_ count: Int, _ perWeek: [(String, Int, Int)]) -> Trend {
    let first = Fixture.week("2026-09-28")
    var counts: [WeeklyTagCount] = []
    for week in 0..<count {
      for (tag, energized, drained) in perWeek {
        counts.append(Fixture.count(tag, energized, drained, week: week, from: first))
      }
    }
    return Trend(counts: counts, from: first, through: first.adding(weeks: count - 1))
  }

  @Test func aLeanClearOfZeroButNotOfTheMarginSuggestsNothing() throws {
    // deep-work 10/2 a week, delivery 9/3 a week, eight weeks: IC 80/16 → 0.6667, management
    // 72/24 → 0.5, lean 0.1667. Model se of the lean: sqrt(4·(80.5/97)(16.5/97)/96 +
    // 4·(72.5/97)(24.5/97)/96) = 0.1189 → half 0.1956 (weeks are identical, so the jackknife
    // adds nothing): interval −0.029 to 0.362 — includes 0 and reaches inside ±0.1.
    let trend = weeks(8, [("deep-work", 10, 2), ("delivery", 9, 3)])
    let lean = try #require(trend.lean)
    #expect(close(lean.value, 1.0 / 6, tolerance: 1e-9))
    #expect(lean.low < Suggestion.margin)
    let suggestion = Suggestion(trend: trend)
    #expect(suggestion.outcome == .techLead)  // both clearly energize, neither clearly more
    #expect(suggestion.reasons.contains { $0.contains("reaches inside the ±0.10 margin") })
  }

  @Test func aLeanBeyondTheMarginIsSuggestedWithCappedConfidenceAndWords() throws {
    // deep-work 12/0 a week, delivery 2/10 a week, eight weeks: lean = 1 − (−0.6667) = 1.6667,
    // its interval well beyond +0.1.
    let trend = weeks(8, [("deep-work", 12, 0), ("delivery", 2, 10)])
    let suggestion = Suggestion(trend: trend)
    #expect(suggestion.outcome == .ic)
    #expect(suggestion.confidence == Suggestion.confidenceCap)
    #expect(suggestion.confidenceWords == "moderate")  // 8 weeks: past early, short of strong
    let early = Suggestion(trend: weeks(5, [("deep-work", 12, 0), ("delivery", 2, 10)]))
    #expect(early.outcome == .ic)
    #expect(early.confidenceWords == "early lean")
    let strong = Suggestion(trend: weeks(10, [("deep-work", 12, 0), ("delivery", 2, 10)]))
    #expect(strong.confidenceWords == "strong")
  }

  @Test func aSmallButCertainLeanSaysBothFitAboutEqually() throws {
    // 40/40 on each side for twelve weeks: lean 0, half width 1.645 × sqrt(2 × 4·0.25/960)
    // = 0.0751 < 0.1.
    let trend = weeks(12, [("deep-work", 40, 40), ("delivery", 40, 40)])
    let lean = try #require(trend.lean)
    #expect(lean.low > -Suggestion.margin && lean.high < Suggestion.margin)
    let suggestion = Suggestion(trend: trend)
    #expect(suggestion.outcome == .unclear)
    #expect(suggestion.reasons.contains { $0.hasPrefix("Both tracks fit about equally") })
  }

  // MARK: - Evidence counted once

  @Test func mentoringAloneIsUnclearWithConfidenceZero() {
    let suggestion = Suggestion(trend: weeks(8, [("mentoring", 3, 0)]))
    #expect(suggestion.outcome == .unclear)
    #expect(suggestion.confidence == 0)
    #expect(suggestion.confidenceWords == "not enough evidence")
    #expect(suggestion.reasons.contains { $0.hasPrefix("IC is under-sampled: 0 marks") })
    #expect(suggestion.reasons.contains { $0.contains("8 more marks and 4 more weeks") })
  }

  @Test func oneDrainedArchitectureMarkDoesNotMakeAManagementVerdict() {
    let first = Fixture.week("2026-09-28")
    var counts = (0..<8).map { Fixture.count("mentoring", 2, 1, week: $0, from: first) }
    counts.append(Fixture.count("architecture", 0, 1, week: 7, from: first))
    let trend = Trend(counts: counts, from: first, through: first.adding(weeks: 7))
    let suggestion = Suggestion(trend: trend)
    #expect(suggestion.outcome == .unclear)
    #expect(suggestion.confidence == 0)
    #expect(suggestion.reasons.contains { $0.contains("IC is under-sampled: 1 mark on") })
    #expect(suggestion.reasons.contains { $0.contains("7 more marks and 3 more weeks") })
  }

  // MARK: - Directions

  @Test func aSteadyClimbIsRisingANoisyOneIsNot() throws {
    // numpy: points (0, 0), (1, 0.1), (2, 0.25), (3, 0.3): slope 0.105, se 0.0132288,
    // t(2) 2.92: interval 0.06637 to 0.14363 → rising.
    let climb = try #require(
      Statistics.slopeFit([(0, 0), (1, 0.1), (2, 0.25), (3, 0.3)]))
    #expect(close(climb.slope, 0.105, tolerance: 1e-12))
    #expect(close(climb.standardError, 0.013_228_757, tolerance: 1e-8))
    #expect(close(climb.low, 0.066_372_222, tolerance: 1e-5))
    #expect(Direction(fit: climb) == .rising)
    // (0, 0), (1, 0.5), (2, −0.4), (3, 0.2): slope −0.03, se 0.20567: interval −0.6306 to
    // 0.5706 → steady although the slope reaches the threshold.
    let noise = try #require(Statistics.slopeFit([(0, 0), (1, 0.5), (2, -0.4), (3, 0.2)]))
    #expect(close(noise.slope, -0.03, tolerance: 1e-12))
    #expect(close(noise.high, 0.570_552_377, tolerance: 1e-5))
    #expect(Direction(fit: noise) == .steady)
    #expect(Direction(fit: nil) == .unknown)
  }

  @Test func aClearButTinySlopeIsSteady() throws {
    let tiny = try #require(Statistics.slopeFit([(0, 0), (1, 0.01), (2, 0.02), (3, 0.03)]))
    #expect(tiny.low > 0)
    #expect(Direction(fit: tiny) == .steady)
  }

  @Test(arguments: [(1, 6.3138), (2, 2.92), (5, 2.015), (30, 1.6973)])
  func studentT(degrees: Int, expected: Double) {
    #expect(close(Statistics.t90(degreesOfFreedom: degrees), expected, tolerance: 1e-4))
  }

  // MARK: - Experiment verdicts

  @Test func experimentVerdicts() {
    // 0.5 with half widths 0.2 and 0.2: half sqrt(0.08) = 0.28284, low 0.217 > 0.
    let more = ExperimentResult.judge(change: 0.5, halfWidths: (0.2, 0.2), weeks: 6)
    #expect(more.verdict == .moreEnergized)
    #expect(close(more.change.unclampedHalfWidth, 0.282_842_712, tolerance: 1e-8))
    #expect(
      ExperimentResult.judge(change: -0.5, halfWidths: (0.2, 0.2), weeks: 6).verdict
        == .lessEnergized)
    // 0.1 with 0.3 and 0.3: half 0.424264, se 0.257931, detectable (1.644854 + 0.841621) ×
    // se = 0.641347 > 0.25: too short; 6 × (0.641347 / 0.25)² = 39.5 weeks → proposed 12.
    let short = ExperimentResult.judge(change: 0.1, halfWidths: (0.3, 0.3), weeks: 6)
    #expect(short.verdict == .tooShortToTell)
    #expect(close(short.detectable, 0.641_347_001, tolerance: 1e-6))
    #expect(short.proposedWeeks == 12)
    // 0.02 with 0.05 and 0.05: detectable 0.106891 < 0.25: a real "no clear change".
    let none = ExperimentResult.judge(change: 0.02, halfWidths: (0.05, 0.05), weeks: 6)
    #expect(none.verdict == .noClearChange)
    #expect(close(none.detectable, 0.106_891_167, tolerance: 1e-6))
    #expect(none.proposedWeeks == nil)
  }

  @Test func experimentsCompareLikeWithLike() throws {
    // Baseline weeks: delivery only. During: delivery the same, plus a new, energizing
    // coaching. Only delivery is compared, so nothing changed.
    let start = Fixture.day("2026-10-05")
    let experiment = Experiment(
      id: 1, title: "Mentor", track: .management, hypothesis: "", start: start, plannedWeeks: 4,
      end: nil, outcome: nil)
    let first = Fixture.week("2026-09-07")
    var counts: [WeeklyTagCount] = []
    for week in 0..<8 {
      counts.append(Fixture.count("delivery", 2, 2, week: week, from: first))
      if week >= 4 { counts.append(Fixture.count("coaching", 4, 0, week: week, from: first)) }
    }
    let result = ExperimentResult(
      experiment: experiment, counts: counts, today: Fixture.day("2026-11-01"))
    #expect(result.comparedTags == ["delivery"])
    let change = try #require(result.change)
    #expect(close(change.value, 0))
    #expect(result.verdict == .tooShortToTell || result.verdict == .noClearChange)
  }

  // MARK: - Properties over random journals

  /// A random journal: up to 8 weeks, the fixture tags plus `extra-N` tags of random tracks.
  private static func randomCounts(_ random: inout SplitMix) -> [WeeklyTagCount] {
    let first = Fixture.week("2026-09-07")
    let names = ["deep-work", "architecture", "coaching", "delivery", "mentoring", "admin"]
    var counts: [WeeklyTagCount] = []
    for week in 0..<(1 + random.below(8)) {
      for name in names where random.below(3) > 0 {
        counts.append(
          Fixture.count(name, random.below(5), random.below(5), week: week, from: first))
      }
    }
    return counts
  }

  private static func trend(_ counts: [WeeklyTagCount]) -> Trend {
    let first = Fixture.week("2026-09-07")
    return Trend(counts: counts, from: first, through: first.adding(weeks: 7))
  }

  @Test func oneMoreEnergizedMarkNeverLowersItsTagOrTrack() {
    var random = SplitMix(seed: 13)
    for _ in 0..<400 {
      let counts = Self.randomCounts(&random)
      guard !counts.isEmpty else { continue }
      let before = Self.trend(counts)
      var more = counts
      let index = random.below(more.count)
      more[index].energized += 1
      let after = Self.trend(more)
      let tag = more[index].tag
      let rateBefore = before.tags.first { $0.name == tag }?.counts.rate ?? -1
      let rateAfter = after.tags.first { $0.name == tag }?.counts.rate ?? -1
      #expect(rateAfter >= rateBefore - 1e-12)
      for track in [Track.ic, .management] where more[index].track.counts(toward: track) {
        let old = (track == .ic ? before.ic : before.management).figures.rate?.value ?? -1
        let new = (track == .ic ? after.ic : after.management).figures.rate?.value ?? -1
        #expect(new >= old - 1e-12, "\(tag) in \(track): \(old) → \(new)")
      }
    }
  }

  @Test func aNewTagWithOneEnergizedMarkNeverLowersItsTrack() {
    var random = SplitMix(seed: 7)
    for _ in 0..<400 {
      let counts = Self.randomCounts(&random)
      let before = Self.trend(counts)
      for (name, track) in [("extra-ic", Track.ic), ("extra-m", .management)] {
        let extra = WeeklyTagCount(
          week: Fixture.week("2026-09-07").adding(weeks: random.below(8)), tag: name,
          track: track, energized: 1, drained: 0, energySum: 0, energyCount: 0)
        let after = Self.trend(counts + [extra])
        let old = (track == .ic ? before.ic : before.management).figures.rate?.value ?? -1
        let new = (track == .ic ? after.ic : after.management).figures.rate?.value ?? -1
        #expect(new >= old - 1e-12, "\(name): \(old) → \(new)")
      }
    }
  }

  @Test func aTrackRateIsItsMarksPooledHoweverTheTagsAreSplit() {
    // Oracle: (energized − drained) / marks summed over the track's tags, straight from the
    // counts. Then one tag's marks are split between it and a new tag of the same track, in
    // the same weeks: the track's rate does not move.
    var random = SplitMix(seed: 21)
    for _ in 0..<400 {
      let counts = Self.randomCounts(&random)
      let trend = Self.trend(counts)
      for track in [Track.ic, .management] {
        let marks = counts.filter { $0.track.counts(toward: track) }
        let total = marks.reduce(0) { $0 + $1.energized + $1.drained }
        let rate = (track == .ic ? trend.ic : trend.management).figures.rate?.value
        if total == 0 {
          #expect(rate == nil)
        } else {
          let balance = marks.reduce(0) { $0 + $1.energized - $1.drained }
          #expect(abs((rate ?? .nan) - Double(balance) / Double(total)) < 1e-12)
        }
      }
      guard let tag = counts.first(where: { $0.track != .neutral })?.tag else { continue }
      var split: [WeeklyTagCount] = []
      for count in counts {
        guard count.tag == tag else {
          split.append(count)
          continue
        }
        let energized = random.below(count.energized + 1)
        let drained = random.below(count.drained + 1)
        var kept = count
        kept.energized -= energized
        kept.drained -= drained
        split.append(kept)
        split.append(
          WeeklyTagCount(
            week: count.week, tag: tag + "-split", track: count.track, energized: energized,
            drained: drained, energySum: 0, energyCount: 0))
      }
      let after = Self.trend(split)
      for (old, new) in [(trend.ic, after.ic), (trend.management, after.management)] {
        #expect(
          abs((old.figures.rate?.value ?? 9) - (new.figures.rate?.value ?? 9)) < 1e-12, "\(tag)")
      }
    }
  }

  @Test func theSameCountsInAnyOrderGiveTheSameBits() {
    var random = SplitMix(seed: 99)
    for _ in 0..<200 {
      let counts = Self.randomCounts(&random)
      var shuffled = counts
      for index in shuffled.indices.reversed() where index > 0 {
        shuffled.swapAt(index, random.below(index + 1))
      }
      let a = Self.trend(counts)
      let b = Self.trend(shuffled)
      #expect(a == b)
      #expect(a.lean?.value.bitPattern == b.lean?.value.bitPattern)
      #expect(a.lean?.low.bitPattern == b.lean?.low.bitPattern)
      #expect(a.ic.figures.rate?.high.bitPattern == b.ic.figures.rate?.high.bitPattern)
      #expect(Suggestion(trend: a) == Suggestion(trend: b))
    }
  }
}

/// SplitMix64, for seeded property tests.
struct SplitMix {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in 0 ..< `bound`.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
}
