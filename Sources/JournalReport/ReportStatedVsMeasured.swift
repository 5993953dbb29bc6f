import JournalAnalysis
import JournalCore
import JournalInterchange

// The report's "What you said and what your entries show" section (issue 15), in its three
// formats. Each renderer calls one function here, so the section's hooks stay one line each.

extension Brief {
  /// The latest reflection's answers beside the window's measured energy.
  public var statedVsMeasured: StatedVsMeasured {
    StatedVsMeasured(trend: trend, reflection: reflection)
  }

  /// The kind of role a clear suggestion points to, `nil` for tech-lead and unclear (or when
  /// no activity of the track has enough evidence): the one the suggestion worked out.
  public var roleShape: RoleShape? { suggestion.roleShape }
}

/// The stated-versus-measured section.
public enum ReportStatedVsMeasured {
  /// The section's heading.
  public static let heading = "What you said and what your entries show"

  /// How a verdict reads in a table.
  static func verdictText(_ verdict: StatedVsMeasured.Verdict) -> String {
    switch verdict {
    case .consistent: "consistent"
    case .inTension: "in tension"
    case .notEnoughEvidence: "not enough evidence"
    case .unsure: "unsure"
    }
  }

  /// The sentence under the heading, or why there is nothing to compare.
  static func introduction(_ brief: Brief, _ section: StatedVsMeasured) -> String {
    guard let reflection = brief.reflection else {
      return "No reflection yet: 'journal reflect' asks the articles' questions."
    }
    guard !section.comparisons.isEmpty else {
      return
        "The latest reflection (\(reflection.day.iso)) answers none of the articles' "
        + "\"how to choose\" questions; 'journal reflect' asks them."
    }
    return
      "Your answers of \(reflection.day.iso) beside the activities each question is about, over "
      + "this report's weeks. A verdict needs \(Suggestion.minimumMarks) marks over "
      + "\(Suggestion.minimumWeeks) weeks on those activities and a 90% interval wholly beyond "
      + "±\(Format.unsigned(Suggestion.margin)): above is consistent, below is "
      + "in tension; anything else is not enough evidence."
  }

  /// The measured columns of a comparison's row: activities, rate, interval, marks.
  static func cells(_ comparison: StatedVsMeasured.Comparison) -> [String] {
    guard let stated = comparison.stated else { return ["both sides (see below)", "-", "-", "-"] }
    let interval =
      stated.rate.map { "\(Format.range($0.low, $0.high))" } ?? "-"
    return [
      stated.group.name, Format.signed(stated.rate?.value), interval,
      String(stated.observations),
    ]
  }

  /// "yes (IC)", "unsure".
  static func answerCell(_ answer: ReflectionAnswer) -> String {
    answer.choice.code + (answer.choice.lean.map { " (\($0.nameInSentence))" } ?? "")
  }

  // MARK: - Markdown

  /// The section as Markdown lines.
  public static func markdown(_ brief: Brief) -> [Markdown] {
    let section = brief.statedVsMeasured
    var out: [Markdown] = ["## \(heading)", "", Markdown(line: introduction(brief, section))]
    guard !section.comparisons.isEmpty else { return out }
    out.append("")
    out.append("| question | you answered | activities | rate | 90% interval | marks | verdict |")
    out.append("| --- | --- | --- | ---: | --- | ---: | --- |")
    for comparison in section.comparisons {
      let cells =
        [comparison.answer.question.label, answerCell(comparison.answer)]
        + cells(comparison) + [verdictText(comparison.verdict)]
      out.append("| " + cells.map { "\($0)" as Markdown }.joined(separator: " | ") + " |")
    }
    out.append("")
    for comparison in section.comparisons {
      out.append(
        "- **\(comparison.answer.question.wording)** \(comparison.sentence)")
      if let idea = comparison.experiment {
        out.append(
          "  Experiment (\(idea.weeks) weeks, \(idea.track.displayName) side): \(idea.description)")
        out.append("")
        out.append("      " + Markdown(codeLine: ExperimentCommand.start(idea)))
        out.append("")
      }
    }
    if let note = section.wrongReasonsSentence {
      out.append("")
      out.append("> \(note)")
    }
    while out.last == "" { out.removeLast() }
    return out
  }

  // MARK: - HTML

  /// The section as HTML.
  public static func html(_ brief: Brief) -> HTML {
    let section = brief.statedVsMeasured
    var html: HTML = "<h2>\(heading)</h2><p>\(introduction(brief, section))</p>"
    guard !section.comparisons.isEmpty else { return html }
    html +=
      "<table class=\"stated\"><tr><th>question</th><th>you answered</th><th>activities</th>"
      + "<th>rate</th><th>90% interval</th><th>marks</th><th>verdict</th></tr>"
    for comparison in section.comparisons {
      let cells =
        [comparison.answer.question.label, answerCell(comparison.answer)]
        + cells(comparison)
      let row = cells.map { cell -> HTML in "<td>\(cell)</td>" }.joined()
      html +=
        "<tr>\(row)<td class=\"\(comparison.verdict.rawValue)\">"
        + "\(verdictText(comparison.verdict))</td></tr>"
    }
    html += "</table><ul>"
    for comparison in section.comparisons {
      html += "<li><strong>\(comparison.answer.question.wording)</strong> \(comparison.sentence)"
      if let idea = comparison.experiment {
        html +=
          "<br>Experiment (\(idea.weeks) weeks, \(idea.track.displayName) side): "
          + "\(idea.description)<pre>\(ExperimentCommand.start(idea))</pre>"
      }
      html += "</li>"
    }
    html += "</ul>"
    if let note = section.wrongReasonsSentence {
      html += "<blockquote>\(note)</blockquote>"
    }
    return html
  }

  // MARK: - JSON

  /// The section as JSON: `null` without a reflection that answers a question.
  public static func json(_ brief: Brief) -> JSONValue {
    let section = brief.statedVsMeasured
    guard let reflection = brief.reflection, !section.comparisons.isEmpty else { return .null }
    func reading(_ reading: GroupReading) -> JSONValue {
      .object([
        ("activities", .array(activityNames(reading).map { .string($0) })),
        ("rate", .figure(reading.rate?.value)), ("low", .figure(reading.rate?.low)),
        ("high", .figure(reading.rate?.high)), ("observations", .int(reading.observations)),
        ("weeks_observed", .int(reading.weeksObserved)),
      ])
    }
    return .object([
      ("date", .string(reflection.day.iso)),
      (
        "comparisons",
        .array(
          section.comparisons.map { comparison in
            .object([
              ("question", .string(comparison.answer.question.rawValue)),
              ("text", .string(comparison.answer.question.wording)),
              ("answer", .string(comparison.answer.choice.code)),
              ("lean", .optionalString(comparison.answer.choice.lean?.rawValue)),
              ("verdict", .string(comparison.verdict.rawValue)),
              ("sentence", .string(comparison.sentence)),
              ("ic", reading(comparison.ic)), ("management", reading(comparison.management)),
              ("experiment", comparison.experiment.map(experimentJSON) ?? .null),
            ])
          })
      ),
      ("stated_lean", .optionalString(section.statedLean?.rawValue)),
      ("wrong_reasons", .optionalString(section.wrongReasonsSentence)),
    ])
  }

  /// The report's `role_shape`: `null` unless the suggestion is `ic` or `management`.
  public static func roleShapeJSON(_ brief: Brief) -> JSONValue {
    guard let shape = brief.roleShape else { return .null }
    return .object([
      ("track", .string(shape.track.rawValue)),
      ("activities", .array(shape.carrying.map { .string($0.group.name) })),
      (
        "shapes",
        .array(shape.carrying.map { .string(RoleShape.shape(of: $0.group.name, in: shape.track)) })
      ),
      ("sentence", .string(shape.sentence)),
    ])
  }

  /// For a track group, the activities measured; for named activities, the names.
  static func activityNames(_ reading: GroupReading) -> [String] {
    switch reading.group {
    case .track: reading.activities
    case .tags(let names): names
    }
  }

  /// An experiment idea as the report's JSON gives it: the suggestion's `next_experiment` and
  /// a stated-versus-measured row's `experiment`.
  static func experimentJSON(_ idea: ExperimentIdea) -> JSONValue {
    .object([
      ("track", .string(idea.track.rawValue)), ("title", .string(idea.title)),
      ("description", .string(idea.description)), ("weeks", .int(idea.weeks)),
      ("command", .string(ExperimentCommand.start(idea))),
    ])
  }
}
