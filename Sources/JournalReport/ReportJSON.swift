import JournalAnalysis
import JournalCore
import JournalInterchange

/// The brief as JSON, with the stable field names the README documents.
public enum ReportJSON {
  public static func render(_ brief: Brief) -> JSONValue {
    let trend = brief.trend
    let suggestion = brief.suggestion
    let idea = suggestion.nextExperiment
    var members: [(String, JSONValue)] = [
      (
        "period",
        .object([
          ("since", .string(brief.since.iso)), ("until", .string(brief.until.iso)),
          ("weeks", .int(trend.weeks.count)), ("weeks_observed", .int(trend.weeksObserved)),
        ])
      ),
      ("entries", .int(brief.entries.entries)),
      ("private_entries", .int(brief.entries.privateEntries)),
      ("observations", .int(trend.observations)),
      (
        "suggestion",
        .object([
          ("track", .string(suggestion.outcome.rawValue)),
          ("confidence", .figure(suggestion.confidence)),
          ("confidence_words", .string(suggestion.confidenceWords)),
          ("reasons", .array(suggestion.reasons.map { .string($0) })),
          ("under_sampled", .optionalString(suggestion.underSampled?.rawValue)),
          ("running_experiment", .optionalString(brief.runningExperimentSentence)),
          ("next_experiment", ReportStatedVsMeasured.experimentJSON(idea)),
        ])
      ),
      ("tracks", TrendRenderer.tracksJSON(trend)),
      ("lean", TrendRenderer.leanJSON(trend)),
      ("tags", TrendRenderer.tagsJSON(trend)),
      ("weeks", TrendRenderer.weeksJSON(trend, marks: nil)),
      (
        "evidence",
        .object([
          ("energized", evidence(brief, brief.energizers, .energized)),
          ("drained", evidence(brief, brief.drainers, .drained)),
        ])
      ),
      ("experiments", .array(brief.experiments.map(experiment))),
      ("reflection", reflection(brief)),
      ("stated_vs_measured", ReportStatedVsMeasured.json(brief)),
      ("role_shape", ReportStatedVsMeasured.roleShapeJSON(brief)),
    ]
    if let roles = RoleSection.json(brief) { members.append(("roles", roles)) }
    return .object(members)
  }

  private static func evidence(_ brief: Brief, _ tags: [TagSummary], _ mark: Mark) -> JSONValue {
    .array(
      tags.map { tag in
        .object([
          ("tag", .string(tag.name)), ("track", .string(tag.track.rawValue)),
          ("rate", .figure(tag.counts.rate)), ("observations", .int(tag.counts.observations)),
          (
            "quotes",
            .array(
              (brief.quotes[Brief.QuoteKey(tag: tag.name, mark: mark)] ?? []).map { entry in
                .object([
                  ("id", .int(Int(entry.id))), ("date", .string(entry.day.iso)),
                  ("text", .string(entry.text)),
                ])
              })
          ),
        ])
      })
  }

  public static func experiment(_ result: ExperimentResult) -> JSONValue {
    let experiment = result.experiment
    func figures(_ figures: TrackFigures?) -> JSONValue {
      guard let figures else { return .null }
      return .object([
        ("rate", .figure(figures.rate?.value)), ("low", .figure(figures.rate?.low)),
        ("high", .figure(figures.rate?.high)), ("observations", .int(figures.counts.observations)),
      ])
    }
    return .object([
      ("id", .int(Int(experiment.id))), ("title", .string(experiment.title)),
      ("track", .string(experiment.track.rawValue)), ("hypothesis", .string(experiment.hypothesis)),
      ("start", .string(experiment.start.iso)), ("planned_weeks", .int(experiment.plannedWeeks)),
      ("end", .optionalString(experiment.end?.iso)),
      ("outcome", .optionalString(experiment.outcome)),
      (
        "weeks",
        result.weeks.map {
          .object([
            ("first", .string($0.first.description)), ("last", .string($0.last.description)),
          ])
        } ?? .null
      ),
      ("during", figures(result.during)), ("baseline", figures(result.baseline)),
      (
        "change",
        result.change.map {
          .object([
            ("value", .figure($0.value)), ("low", .figure($0.low)), ("high", .figure($0.high)),
          ])
        } ?? .null
      ),
      ("verdict", .string(result.verdict.rawValue)),
      ("compared_tags", .array(result.comparedTags.map { .string($0) })),
      ("detectable_change", .figure(result.detectableChange)),
      ("proposed_weeks", result.proposedWeeks.map { .int($0) } ?? .null),
    ])
  }

  private static func reflection(_ brief: Brief) -> JSONValue {
    guard let reflection = brief.reflection else { return .null }
    return .object([
      ("date", .string(reflection.day.iso)), ("five_years", .string(reflection.fiveYears)),
      ("motives", .array(reflection.motives.map { .string($0.rawValue) })),
      (
        "wrong_reasons",
        .array(reflection.motives.filter(\.isWrongReason).map { .string($0.rawValue) })
      ),
      ("note", .string(reflection.note)),
      ("answers", JournalExport.answersJSON(reflection.answers)),
    ])
  }
}
