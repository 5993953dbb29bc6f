import JournalAnalysis
import JournalCore
import JournalInterchange
import JournalStore

/// Everything `journal report` shows, gathered once and rendered as Markdown, HTML or JSON.
public struct Brief {
  public let today: Day
  /// The first entry of the window, if any: the period starts there when the journal is
  /// younger than the window.
  public let firstEntry: Day?
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
  /// The role periods through the report's last day; `nil` when no role is recorded.
  public var roles: RoleHistory? = nil
  /// The year of daily energy that ends on the report's last day (the HTML calendar).
  public var calendar: EnergyCalendar? = nil

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

  public var since: Day { max(trend.firstWeek.start, firstEntry ?? trend.firstWeek.start) }
  public var until: Day { trend.lastWeek.end }

  /// Reads the brief for the weeks of `window`, every figure from one snapshot of the
  /// journal.
  ///
  /// - Parameters:
  ///   - journal: The journal.
  ///   - today: The day the report is written.
  ///   - window: The weeks it covers.
  ///   - calendar: Whether to read the year of daily energy (only HTML draws it).
  /// - Returns: The brief.
  /// - Throws: `StoreError` on a SQLite failure.
  public static func load(
    journal: Journal, today: Day, window: WeekWindow, calendar: Bool = false
  ) throws(StoreError) -> Brief {
    try journal.reading { () throws(StoreError) -> Brief in
      try read(journal: journal, today: today, window: window, calendar: calendar)
    }
  }

  private static func read(journal: Journal, today: Day, window: WeekWindow, calendar: Bool)
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
    // Quotes prove the sentence they stand under: for "X energized you", entries where X was
    // marked energized (drained for "drained you"), starred first, then by overall energy;
    // never private. Each entry is quoted once, under the first ranked tag it speaks for.
    var quotes: [QuoteKey: [Entry]] = [:]
    var quoted: Set<Int64> = []
    let ranks =
      (energizers.prefix(3).map { QuoteKey(tag: $0.name, mark: .energized) })
      + (drainers.prefix(3).map { QuoteKey(tag: $0.name, mark: .drained) })
    for key in ranks {
      var candidates = try journal.quotableEntries(
        tag: key.tag, mark: key.mark, in: window, limit: quotesPerTag + quoted.count)
      while quotes[key, default: []].count < quotesPerTag, let entry = try candidates.next() {
        guard !quoted.contains(entry.id) else { continue }
        quotes[key, default: []].append(entry)
        quoted.insert(entry.id)
      }
    }
    let (roles, calendar) = try readRolesAndCalendar(
      journal: journal, last: min(window.lastDay, today), calendar: calendar)
    return Brief(
      today: today, firstEntry: try journal.firstEntryDay(through: window.lastDay),
      trend: trend,
      entries: try journal.entryCount(in: window),
      suggestion: Suggestion(trend: trend), experiments: experiments,
      reflection: try journal.latestReflection(onOrBefore: window.lastDay),
      energizers: Array(energizers.prefix(3)), drainers: Array(drainers.prefix(3)), quotes: quotes,
      roles: roles, calendar: calendar)
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
    let track = result.experiment.track.nameInSentence
    switch result.verdict {
    case .notEnoughData:
      let during = result.during?.counts.observations ?? 0
      let before = result.baseline?.counts.observations ?? 0
      return
        "Not enough data yet: \(Plural.count(during, "\(track) mark", "\(track) marks")) during, "
        + "\(before) before on the activities logged in both periods (each side needs "
        + "\(ExperimentResult.minimumMarks))."
    case .moreEnergized, .lessEnergized, .noClearChange, .tooShortToTell:
      guard let change = result.change, let now = result.during?.rate,
        let before = result.baseline?.rate
      else { return "" }
      let verb: String
      switch result.verdict {
      case .moreEnergized: verb = "energized you more"
      case .lessEnergized: verb = "energized you less"
      case .tooShortToTell: verb = "was too short to tell"
      default: verb = "made no clear difference"
      }
      var sentence =
        "The \(track) side \(verb): \(Format.signed(now.value)) during against "
        + "\(Format.signed(before.value)) before (change \(Format.signed(change.value)), 90% interval "
        + "\(Format.range(change.low, change.high)))"
      if let detectable = result.detectableChange {
        sentence +=
          "; the smallest change it could detect is \(Format.unsigned(detectable))"
      }
      if let weeks = result.proposedWeeks {
        sentence +=
          ", more than a meaningful \(Format.unsigned(ExperimentResult.meaningfulChange)): "
          + "run it for \(weeks) weeks to tell"
      }
      return sentence + "."
    }
  }

  /// The running experiment, for the headline: "An experiment is under way …; its partial
  /// result: …", or `nil` when none is running.
  public var runningExperimentSentence: String? {
    guard
      let result = experiments.last(where: {
        $0.experiment.end == nil && $0.weeks != nil
          && $0.experiment.start.adding(days: 7 * $0.experiment.plannedWeeks) > today
      })
    else { return nil }
    let experiment = result.experiment
    let elapsed = min(
      experiment.plannedWeeks,
      ISOWeek(containing: experiment.start).distance(to: ISOWeek(containing: today)) + 1)
    let partial = Self.verdictSentence(result)
    return
      "An experiment is under way: '\(experiment.title)' (week \(elapsed) of "
      + "\(experiment.plannedWeeks)); its partial result: "
      + (partial.isEmpty ? "none yet." : partial.prefix(1).lowercased() + partial.dropFirst())
  }
}
