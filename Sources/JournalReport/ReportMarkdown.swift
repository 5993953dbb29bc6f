import JournalAnalysis
import JournalCore
import JournalInterchange

/// The brief as Markdown: renders cleanly on a code host and reads well as plain text.
public enum ReportMarkdown {
  public static func render(_ brief: Brief) -> String {
    var out: [Markdown] = []
    let trend = brief.trend
    out.append("# Career brief: \(brief.since.iso) to \(brief.until.iso)")
    out.append("")
    out.append(Markdown(line: brief.periodSentence))
    out.append("")

    let suggestion = brief.suggestion
    out.append("## Suggestion: \(Brief.headline(suggestion.outcome))")
    out.append("")
    out.append(
      "Confidence: **\(Format.percent(suggestion.confidence))** (\(suggestion.confidenceWords))")
    out.append("")
    if let running = brief.runningExperimentSentence {
      out.append(Markdown(line: running))
      out.append("")
    }
    out += suggestion.reasons.map { "- \($0)" }
    out.append("")
    let idea = suggestion.nextExperiment
    out.append(
      "**Next experiment (\(idea.weeks) weeks, \(idea.track.displayName) side):** \(idea.description)"
    )
    out.append("")
    out.append("    " + Markdown(codeLine: ExperimentCommand.start(idea)))
    out.append("")

    out.append("## Energy by track")
    out.append("")
    out.append("| track | rate | 90% interval | marks | weeks | direction | mean energy |")
    out.append("| --- | ---: | --- | ---: | ---: | --- | ---: |")
    for summary in [trend.ic, trend.management] {
      let figures = summary.figures
      let interval =
        figures.rate.map { "\(Format.range($0.low, $0.high))" } ?? "-"
      out.append(
        "| \(figures.track.displayName) | \(Format.signed(figures.rate?.value)) | \(interval) "
          + "| \(figures.counts.observations) | \(summary.weeksObserved) | \(summary.direction.rawValue) | "
          + "\(Format.signed(figures.counts.meanEnergy)) |")
    }
    if let lean = trend.lean {
      out.append("")
      out.append(
        "Lean (IC minus management): **\(Format.signed(lean.value))**, 90% interval "
          + "\(Format.range(lean.low, lean.high)).")
    }
    out.append("")

    out.append("## Energy by activity")
    out.append("")
    out.append("| activity | track | rate | energized | drained | marks | direction |")
    out.append("| --- | --- | ---: | ---: | ---: | ---: | --- |")
    for tag in trend.tags {
      out.append(
        "| \(tag.name) | \(tag.track.rawValue) | \(Format.signed(tag.counts.rate)) | \(tag.counts.energized) | "
          + "\(tag.counts.drained) | \(tag.counts.observations) | \(tag.direction.rawValue) |")
    }
    out.append("")

    out.append("## Week by week")
    out.append("")
    out.append(
      "Weekly track rate from ▁ (-1, drained) to █ (+1, energized); · is a week without marks.")
    out.append("")
    out.append("```")
    let renderer = TrendRenderer(style: Style(enabled: false))
    for summary in [trend.ic, trend.management] {
      let rates = trend.weeks.map { $0.tracks[summary.figures.track]?.rate?.value }
      out.append(
        Markdown(
          codeLine: summary.figures.track.displayName.rightPadded(to: 11)
            + renderer.sparkline(rates)))
    }
    out.append(Markdown(codeLine: "weeks      \(trend.firstWeek) … \(trend.lastWeek)"))
    out.append("```")
    out.append("")

    out += RoleSection.markdown(brief)
    out.append("## What energized and what drained most")
    out.append("")
    out += evidence(
      brief, tags: brief.energizers, mark: .energized, empty: "Nothing energized you clearly yet.")
    out += evidence(
      brief, tags: brief.drainers, mark: .drained, empty: "Nothing drained you clearly.")

    out.append("## Experiments")
    out.append("")
    if brief.experiments.isEmpty {
      out.append("None yet. Start one with the command above.")
    }
    for result in brief.experiments {
      let experiment = result.experiment
      let status = experiment.end.map { "ended \($0.iso)" } ?? "running"
      out.append(
        "- **\(experiment.title)** (\(experiment.track.displayName), from \(experiment.start.iso), "
          + "\(experiment.plannedWeeks) weeks, \(status)): \(Brief.verdictSentence(result))")
      if !experiment.hypothesis.isEmpty {
        out.append("  Hypothesis: \(experiment.hypothesis)")
      }
      if let outcome = experiment.outcome, !outcome.isEmpty {
        out.append("  Outcome: \(outcome)")
      }
    }
    out.append("")

    out.append("## Latest reflection")
    out.append("")
    if let reflection = brief.reflection {
      out.append("Written \(reflection.day.iso).")
      out.append("")
      if !reflection.fiveYears.isEmpty {
        out.append(
          "- *In five years, the person in the room who knows:* \(reflection.fiveYears)")
      }
      if !reflection.motives.isEmpty {
        out.append("- *Motives:* \(reflection.motives.map(\.phrase).joined(separator: ", "))")
      }
      if !reflection.note.isEmpty { out.append("- *Note:* \(reflection.note)") }
      if let note = brief.motivesNote {
        out.append("")
        out.append("> \(note)")
      }
    } else {
      out.append("None yet: `journal reflect` asks the articles' questions.")
    }
    out.append("")
    out += ReportStatedVsMeasured.markdown(brief)
    return out.joined(separator: "\n").source + "\n"
  }

  private static func evidence(_ brief: Brief, tags: [TagSummary], mark: Mark, empty: String)
    -> [Markdown]
  {
    var out: [Markdown] = []
    out.append(mark == .energized ? "**Energized most**" : "**Drained most**")
    out.append("")
    if tags.isEmpty {
      out.append(Markdown(line: empty))
      out.append("")
      return out
    }
    for tag in tags {
      out.append(
        "- **\(tag.name)** (\(tag.track.rawValue)): rate \(Format.signed(tag.counts.rate)) from "
          + "\(Plural.count(tag.counts.observations, "mark", "marks"))")
      for entry in brief.quotes[Brief.QuoteKey(tag: tag.name, mark: mark)] ?? [] {
        out.append("  > \(entry.day.iso): \(entry.text.firstLineSummary(limit: 160))")
      }
    }
    out.append("")
    return out
  }
}
