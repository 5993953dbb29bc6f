import JournalAnalysis
import JournalCore

@testable import JournalReport
@testable import JournalStore

/// A small hand-made brief: four weeks (2026-W45 ... 2026-W48, the third a gap), three real
/// tags and one neutral tag with a hostile name, two experiments, a reflection and two quotes,
/// with text that Markdown, HTML, JSON and CSV must each escape in their own way.
///
/// The figures, by hand (README, "How the figures are computed": a track's rate pools its
/// tags' marks, (energized − drained) / marks; the lean's jackknife reaches 1.645 standard
/// errors, a track's t(n − 1)):
///
/// | tag          | track      | energized | drained | marks | rate  |
/// | ------------ | ---------- | --------: | ------: | ----: | ----: |
/// | deep-work    | ic         |         5 |       1 |     6 | +0.67 |
/// | architecture | ic         |         1 |       0 |     1 | +1.00 |
/// | coaching     | management |         1 |       4 |     5 | −0.60 |
/// | hostile name | neutral    |         1 |       0 |     1 | +1.00 |
///
/// IC = (6 − 1) / 7 = 0.7143; management = −0.6; lean = 1.3143 → **+1.31**. Leaving out one
/// week with marks at a time gives leans of 1.6 (without W45), 1.3333 (W46) and 1.1 (W48):
/// mean 1.3444, jackknife variance 2/3·0.12519 = 0.08346, standard error 0.2889, half-width
/// 1.645 × 0.2889 = 0.4752. The model's is wider: IC variance (6/7)²·4·(5.5/7)(1.5/7)/6 +
/// (1/7)²·0.75 = 0.09777 (Jeffreys), management 4·0.25·0.75/5 = 0.15, half-width 1.645 ×
/// √0.24777 = 0.8188. So the 90% interval is 1.3143 ± 0.8188 = +0.50 to +2.13, cut at the
/// largest possible lean: **+0.50 to +2.00**.
enum BriefFixture {
  /// The day `iso`, which the fixture only ever spells correctly.
  static func day(_ iso: String) -> Day {
    Day(iso: iso) ?? Day(ordinal: .min)
  }

  static let today = day("2026-11-27")
  static let first = ISOWeek(containing: day("2026-11-02"))
  static let last = ISOWeek(containing: day("2026-11-23"))

  /// A neutral tag whose name no journal would accept, to show what each renderer does with
  /// markup, table pipes, quotes and commas in a tag name.
  static let hostileTag = "<b>\"ops\"</b>|*on-call*, & more"

  /// The weekly rows.
  static let counts: [WeeklyTagCount] = [
    row(0, "deep-work", .ic, 2, 0, energySum: 3, energyCount: 2),
    row(0, "coaching", .management, 1, 1, energySum: -1, energyCount: 2),
    row(0, hostileTag, .neutral, 1, 0),
    row(1, "deep-work", .ic, 1, 1, energySum: 0, energyCount: 1),
    row(1, "architecture", .ic, 1, 0, energySum: 2, energyCount: 1),
    row(1, "coaching", .management, 0, 2, energySum: -3, energyCount: 2),
    row(3, "deep-work", .ic, 2, 0, energySum: 4, energyCount: 2),
    row(3, "coaching", .management, 0, 1),
  ]

  static func row(
    _ week: Int, _ tag: String, _ track: Track, _ energized: Int, _ drained: Int,
    energySum: Int = 0, energyCount: Int = 0
  ) -> WeeklyTagCount {
    WeeklyTagCount(
      week: first.adding(weeks: week), tag: tag, track: track, energized: energized,
      drained: drained, energySum: energySum, energyCount: energyCount)
  }

  static let trend = Trend(counts: counts, from: first, through: last)

  /// The marks behind the counts, for the trend's `--explain` text and JSON.
  static let marks: [Journal.MarkReference] = [
    Journal.MarkReference(entryID: 1, day: day("2026-11-02"), tag: "deep-work", mark: .energized),
    Journal.MarkReference(entryID: 1, day: day("2026-11-02"), tag: "coaching", mark: .drained),
    Journal.MarkReference(entryID: 2, day: day("2026-11-04"), tag: "deep-work", mark: .energized),
    Journal.MarkReference(entryID: 2, day: day("2026-11-04"), tag: hostileTag, mark: .energized),
    Journal.MarkReference(entryID: 3, day: day("2026-11-05"), tag: "coaching", mark: .energized),
    Journal.MarkReference(entryID: 4, day: day("2026-11-10"), tag: "deep-work", mark: .energized),
    Journal.MarkReference(
      entryID: 4, day: day("2026-11-10"), tag: "architecture", mark: .energized),
    Journal.MarkReference(entryID: 5, day: day("2026-11-11"), tag: "deep-work", mark: .drained),
    Journal.MarkReference(entryID: 5, day: day("2026-11-11"), tag: "coaching", mark: .drained),
    Journal.MarkReference(entryID: 6, day: day("2026-11-13"), tag: "coaching", mark: .drained),
    Journal.MarkReference(entryID: 7, day: day("2026-11-24"), tag: "deep-work", mark: .energized),
    Journal.MarkReference(entryID: 8, day: day("2026-11-26"), tag: "deep-work", mark: .energized),
    Journal.MarkReference(entryID: 8, day: day("2026-11-26"), tag: "coaching", mark: .drained),
  ]

  /// A highlight with every character Markdown and HTML treat specially, a `<` hidden in a
  /// grapheme cluster by a combining accent, and a second line.
  static let hostileQuote = Entry(
    NewEntry(
      day: day("2026-11-10"),
      text:
        "Fixed <script>alert(\"x\")</script> | *bold* _under_ `code` # [link](x) \\ & 'apos' "
        + "<\u{301}i>hidden</i>\nSecond line is not quoted",
      energy: 2, tags: [TagMark(name: "deep-work", mark: .energized)], isStarred: true),
    id: 4, uuid: "00000000-0000-4000-8000-000000000004",
    createdAt: Timestamp(iso: "2026-11-10T17:00:00Z"),
    updatedAt: Timestamp(iso: "2026-11-10T17:00:00Z"))

  static let plainQuote = Entry(
    NewEntry(
      day: day("2026-11-11"), text: "Another 1:1 \"ran long\", again; tab\there", energy: -1,
      tags: [TagMark(name: "coaching", mark: .drained)], isStarred: true),
    id: 5, uuid: "00000000-0000-4000-8000-000000000005",
    createdAt: Timestamp(iso: "2026-11-11T17:00:00Z"),
    updatedAt: Timestamp(iso: "2026-11-11T17:00:00Z"))

  static let experiments = [
    Experiment(
      id: 1, title: "Mentor <two> \"new\" hires | *fast*", track: .management,
      hypothesis: "Coaching drains less when it is _chosen_ & planned", start: day("2026-11-16"),
      plannedWeeks: 4),
    Experiment(
      id: 2, title: "Own the cache redesign", track: .ic, hypothesis: "",
      start: day("2026-11-02"), plannedWeeks: 2, end: day("2026-11-15"),
      outcome: "Deep work held up;\nkeep it"),
  ]

  static let reflection = Reflection(
    id: 1, day: day("2026-11-20"),
    fiveYears: "<script>alert('x')</script> storage & *databases*", motives: [.status, .energy],
    note: "line one\nline | two",
    answers: [
      (ReflectionQuestion.coding, "yes"), (.peopleIssues, "unsure"), (.scale, "people"),
    ].compactMap { ReflectionAnswer($0, $1) })

  /// The brief, built the way `Brief.load` builds it but from values instead of a journal.
  static func brief(reflection: Reflection? = reflection, experiments: [Experiment]? = nil)
    -> Brief
  {
    let results = (experiments ?? self.experiments).map {
      ExperimentResult(experiment: $0, counts: counts, today: today)
    }
    let tags = trend.tags
    return Brief(
      today: today, firstEntry: nil, trend: trend,
      entries: Journal.EntryCount(entries: 9, privateEntries: 2),
      suggestion: Suggestion(trend: trend), experiments: results, reflection: reflection,
      energizers: tags.filter { $0.name == "deep-work" },
      drainers: tags.filter { $0.name == "coaching" },
      quotes: [
        Brief.QuoteKey(tag: "deep-work", mark: .energized): [hostileQuote],
        Brief.QuoteKey(tag: "coaching", mark: .drained): [plainQuote],
      ])
  }
}
