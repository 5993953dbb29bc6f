import JournalAnalysis
import JournalCore
import JournalInterchange
import JournalStore

/// Everything `journal report` shows, gathered once and rendered as Markdown, HTML or JSON.
public struct Brief {
  public let today: Day
  public let trend: Trend
  public let entries: Journal.EntryCount
  public let suggestion: Suggestion
  public let experiments: [ExperimentResult]
  public let reflection: Reflection?
  /// Tags with enough marks, best rate first: what energized most.
  public let energizers: [TagSummary]
  /// Tags with enough marks, worst rate first: what drained most.
  public let drainers: [TagSummary]
  /// Starred, non-private entries quoted as evidence, by tag name and mark.
  public let quotes: [QuoteKey: [Entry]]

  public struct QuoteKey: Hashable, Sendable {
    /// The tag.
    public let tag: String
    /// The mark the quote speaks for.
    public let mark: Mark

    /// The quotes for `tag` under `mark`.
    public init(tag: String, mark: Mark) {
      self.tag = tag
      self.mark = mark
    }
  }

  /// Marks a tag needs to be called one of the most energizing or draining.
  public static let minimumMarksToRank = 3
  /// Quotes per tag and mark.
  public static let quotesPerTag = 2

  public var since: Day { trend.firstWeek.start }
  public var until: Day { trend.lastWeek.end }

  /// Reads the brief for the weeks of `window`.
  public static func load(journal: Journal, today: Day, window: WeekWindow)
    throws(StoreError)
    -> Brief
  {
    let trend = Trend(
      counts: try journal.weeklyTagCounts(in: window), from: window.first, through: window.last)
    var experiments: [ExperimentResult] = []
    for experiment in try journal.experiments() {
      let counts =
        try ExperimentResult.span(of: experiment, today: today)
        .flatMap { WeekWindow(first: $0.first, last: $0.last) }
        .map { (span) throws(StoreError) in try journal.weeklyTagCounts(in: span) } ?? []
      experiments.append(ExperimentResult(experiment: experiment, counts: counts, today: today))
    }
    let ranked = trend.tags.filter { $0.counts.observations >= minimumMarksToRank }
    let energizers = ranked.filter { ($0.counts.rate ?? 0) > 0 }
      .sorted {
        ($0.counts.rate ?? 0, $0.counts.observations) > (
          $1.counts.rate ?? 0, $1.counts.observations
        )
      }
    let drainers = ranked.filter { ($0.counts.rate ?? 0) < 0 }
      .sorted {
        ($0.counts.rate ?? 0, -$0.counts.observations) < (
          $1.counts.rate ?? 0, -$1.counts.observations
        )
      }
    // Each highlight is quoted once, under the first ranked tag it speaks for; the 60 newest
    // highlights are plenty for two quotes each under six tags. They are read one by one and
    // no further once every tag has its quotes.
    var quotes: [QuoteKey: [Entry]] = [:]
    let ranks =
      (energizers.prefix(3).map { QuoteKey(tag: $0.name, mark: .energized) })
      + (drainers.prefix(3).map { QuoteKey(tag: $0.name, mark: .drained) })
    let wantsQuotes = { ranks.contains { quotes[$0, default: []].count < quotesPerTag } }
    if wantsQuotes() {
      var highlights = try journal.quotableHighlights(in: window, limit: 60)
      while let entry = try highlights.next() {
        let keys = Set(entry.tags.map { QuoteKey(tag: $0.name, mark: $0.mark) })
        if let key = ranks.first(where: {
          keys.contains($0) && quotes[$0, default: []].count < quotesPerTag
        }) {
          quotes[key, default: []].append(entry)
        }
        if !wantsQuotes() { break }
      }
    }
    return Brief(
      today: today, trend: trend,
      entries: try journal.entryCount(in: window),
      suggestion: Suggestion(trend: trend), experiments: experiments,
      reflection: try journal.latestReflection(onOrBefore: window.lastDay),
      energizers: Array(energizers.prefix(3)), drainers: Array(drainers.prefix(3)), quotes: quotes)
  }

  /// The headline of a suggestion.
  public static func headline(_ outcome: Suggestion.Outcome) -> String {
    switch outcome {
    case .ic: "IC track (Staff / Principal engineer)"
    case .management: "Management track (engineering manager)"
    case .techLead: "Tech lead: both tracks energize you"
    case .unclear: "Unclear: try both deliberately"
    }
  }

  /// "48 entries over 12 weeks (11 with marks), 104 marks. 2 private entries count in the
  /// figures but are never quoted."
  public var periodSentence: String {
    var sentence =
      "\(Plural.count(entries.entries, "entry", "entries")) over "
      + "\(Plural.count(trend.weeks.count, "week", "weeks")) (\(trend.weeksObserved) with marks), "
      + "\(Plural.count(trend.observations, "mark", "marks"))."
    let hidden = entries.privateEntries
    if hidden > 0 {
      sentence +=
        " \(Plural.count(hidden, "private entry counts", "private entries count")) in the figures "
        + "but \(hidden == 1 ? "is" : "are") never quoted."
    }
    return sentence
  }

  /// A gentle word on the wrong-reason motives of the latest reflection, if any.
  public var motivesNote: String? {
    let wrong = reflection?.motives.filter(\.isWrongReason) ?? []
    guard !wrong.isEmpty else { return nil }
    let list = wrong.map(\.phrase).joined(separator: ", ")
    return
      "You named \(list) among your reasons. The articles call these poor compasses on their own: "
      + "worth asking whether the work itself, not the \(wrong.count == 1 ? "pull" : "pulls") "
      + "around it, energizes you."
  }

  /// One line on an experiment's result.
  public static func verdictSentence(_ result: ExperimentResult) -> String {
    let track = result.experiment.track == .ic ? "IC" : "management"
    switch result.verdict {
    case .notEnoughData:
      let during = result.during?.counts.observations ?? 0
      let before = result.baseline?.counts.observations ?? 0
      return
        "Not enough data yet: \(during) \(track) marks during, \(before) before (each side needs "
        + "\(ExperimentResult.minimumMarks))."
    case .moreEnergized, .lessEnergized, .noClearChange:
      guard let change = result.change, let now = result.during?.rate,
        let before = result.baseline?.rate
      else { return "" }
      let verb =
        result.verdict == .moreEnergized
        ? "energized you more"
        : result.verdict == .lessEnergized ? "energized you less" : "made no clear difference"
      return
        "The \(track) side \(verb): \(Format.signed(now.value)) during against "
        + "\(Format.signed(before.value)) before (change \(Format.signed(change.value)), 90% interval "
        + "\(Format.signed(change.low)) to \(Format.signed(change.high)))."
    }
  }
}
