import JournalAnalysis
import JournalCore
import JournalInterchange

/// The brief as one self-contained HTML file: inline CSS and SVG, no script, no network,
/// readable on screen and on paper.
public enum ReportHTML {
  public static let icColour = "#2563eb"
  public static let managementColour = "#d97706"
  /// Energized and drained bars: a blue and a brown-orange from ColorBrewer's diverging
  /// schemes, which people with red-green colour blindness tell apart (the report used green
  /// and red); they differ from the calendar's blue and orange, and from the track lines'.
  public static let energizedColour = "#2166ac"
  public static let drainedColour = "#b35806"

  public static func render(_ brief: Brief) -> String {
    let trend = brief.trend
    let suggestion = brief.suggestion
    var body: [HTML] = []
    body.append("<h1>Career brief: \(brief.since.iso) to \(brief.until.iso)</h1>")
    body.append("<p class=\"period\">\(brief.periodSentence)</p>")

    body.append("<section class=\"suggestion \(suggestion.outcome.rawValue)\">")
    body.append("<h2>Suggestion: \(Brief.headline(suggestion.outcome))</h2>")
    body.append(
      "<p class=\"confidence\">Confidence <strong>\(Format.percent(suggestion.confidence))</strong> "
        + "(\(suggestion.confidenceWords))</p>"
    )
    if let running = brief.runningExperimentSentence {
      body.append("<p class=\"running\">\(running)</p>")
    }
    let reasons = suggestion.reasons.map { reason -> HTML in "<li>\(reason)</li>" }
    body.append("<ul>\(reasons.joined())</ul>")
    let idea = suggestion.nextExperiment
    body.append(
      "<p><strong>Next experiment (\(idea.weeks) weeks, \(idea.track.displayName) side):</strong> "
        + "\(idea.description)</p><pre>\(ExperimentCommand.start(idea))</pre>")
    body.append("</section>")

    body.append("<h2>Weekly energy per track</h2>")
    body.append("<div class=\"chart-box\">\(trackChart(trend))</div>")
    body.append(
      "<table><tr><th>track</th><th>rate</th><th>90% interval</th><th>marks</th><th>weeks</th><th>direction</th></tr>"
    )
    for summary in [trend.ic, trend.management] {
      let figures = summary.figures
      let interval =
        figures.rate.map { "\(Format.range($0.low, $0.high))" } ?? "-"
      body.append(
        "<tr><td>\(figures.track.displayName)</td><td>\(Format.signed(figures.rate?.value))</td>"
          + "<td>\(interval)</td><td>\(figures.counts.observations)</td><td>\(summary.weeksObserved)</td>"
          + "<td>\(summary.direction.rawValue)</td></tr>")
    }
    body.append("</table>")
    if let lean = trend.lean {
      body.append(
        "<p>Lean (IC minus management): <strong>\(Format.signed(lean.value))</strong>, 90% interval "
          + "\(Format.range(lean.low, lean.high)).</p>")
    }

    body.append("<h2>Energy by activity</h2>")
    body.append("<div class=\"chart-box\">\(tagChart(trend))</div>")

    if let calendar = brief.calendar { body.append(CalendarHTML.section(calendar)) }
    body.append(RoleSection.html(brief))
    body.append("<h2>What energized and what drained most</h2>")
    body.append(evidence(brief, tags: brief.energizers, mark: .energized, title: "Energized most"))
    body.append(evidence(brief, tags: brief.drainers, mark: .drained, title: "Drained most"))

    body.append("<h2>Experiments</h2>")
    if brief.experiments.isEmpty {
      body.append("<p>None yet.</p>")
    } else {
      body.append("<ul>")
      for result in brief.experiments {
        let experiment = result.experiment
        let status = experiment.end.map { "ended \($0.iso)" } ?? "running"
        var item: HTML =
          "<li><strong>\(experiment.title)</strong> (\(experiment.track.displayName), "
          + "from \(experiment.start.iso), \(experiment.plannedWeeks) weeks, \(status)): "
          + "\(Brief.verdictSentence(result))"
        if !experiment.hypothesis.isEmpty {
          item += "<br>Hypothesis: \(experiment.hypothesis)"
        }
        if let outcome = experiment.outcome, !outcome.isEmpty {
          item += "<br>Outcome: \(outcome)"
        }
        body.append(item + "</li>")
      }
      body.append("</ul>")
    }

    body.append("<h2>Latest reflection</h2>")
    if let reflection = brief.reflection {
      body.append("<p>Written \(reflection.day.iso).</p><ul>")
      if !reflection.fiveYears.isEmpty {
        body.append(
          "<li><em>In five years, the person in the room who knows:</em> \(reflection.fiveYears)</li>"
        )
      }
      if !reflection.motives.isEmpty {
        let motives = reflection.motives.map(\.phrase).joined(separator: ", ")
        body.append("<li><em>Motives:</em> \(motives)</li>")
      }
      if !reflection.note.isEmpty {
        body.append("<li><em>Note:</em> \(reflection.note)</li>")
      }
      body.append("</ul>")
      if let note = brief.motivesNote { body.append("<blockquote>\(note)</blockquote>") }
    } else {
      body.append("<p>None yet: <code>journal reflect</code> asks the articles' questions.</p>")
    }
    body.append(ReportStatedVsMeasured.html(brief))

    let page: HTML = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
      <title>Career brief \(brief.since.iso) to \(brief.until.iso)</title>
      <style>
      body { font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #111827;
             max-width: 760px; margin: 2em auto; padding: 0 1em; }
      h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { font-size: 1.2em; margin-top: 1.6em; }
      .period { color: #4b5563; }
      .suggestion { border: 1px solid #d1d5db; border-radius: 8px; padding: 0.5em 1.2em; background: #f9fafb; }
      table { border-collapse: collapse; margin: 0.8em 0; } th, td { padding: 0.2em 0.8em; text-align: left;
      border-bottom: 1px solid #e5e7eb; } td:nth-child(n+2) { font-variant-numeric: tabular-nums; }
      blockquote { margin: 0.4em 0 0.4em 1em; padding-left: 0.8em; border-left: 3px solid #d1d5db; color: #374151; }
      pre { background: #f3f4f6; padding: 0.5em; border-radius: 4px; white-space: pre-wrap; }
      svg { display: block; max-width: 100%; height: auto; }
      /* On a phone a 720-unit chart shrunk to the screen has 5 px text: below 600 px the charts
         keep 480 px (scrolling sideways in their box) and a larger font, about 10 px. */
      @media (max-width: 600px) { .chart-box { overflow-x: auto; }
        .chart-box svg.chart { min-width: 480px; } svg.chart text { font-size: 15px; } }
      \(CalendarHTML.css)
      @media print { body { margin: 0; max-width: none; font-size: 12px; }
        .suggestion, svg, table, blockquote, li, .calendar-box { break-inside: avoid; }
        h2, h3 { break-after: avoid; } details { display: none; } }
      </style>
      </head>
      <body>
      \(body.joined(separator: "\n"))
      </body>
      </html>

      """
    return page.markup
  }

  /// Weekly balanced rate per track: a line per track on a -1 ... +1 scale, broken at gaps.
  public static func trackChart(_ trend: Trend) -> HTML {
    let width = 720.0
    let height = 220.0
    let left = 40.0
    let right = 12.0
    let top = 12.0
    let bottom = 28.0
    let count = max(trend.weeks.count, 2)
    func x(_ index: Int) -> Double {
      left + (width - left - right) * Double(index) / Double(count - 1)
    }
    func y(_ rate: Double) -> Double { top + (height - top - bottom) * (1 - rate) / 2 }
    var svg: [HTML] = [
      "<svg class=\"chart tracks\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
        + "role=\"img\" aria-label=\"Weekly energy rate per track\">"
    ]
    for (rate, label) in [(1.0, "+1"), (0.0, "0"), (-1.0, "-1")] {
      svg.append(
        "<line x1=\"\(left)\" y1=\"\(y(rate))\" x2=\"\(width - right)\" y2=\"\(y(rate))\" "
          + "stroke=\"\(rate == 0 ? "#9ca3af" : "#e5e7eb")\" stroke-width=\"1\"/>"
          + "<text x=\"\(left - 6)\" y=\"\(y(rate) + 4)\" font-size=\"11\" text-anchor=\"end\" fill=\"#6b7280\">\(label)</text>"
      )
    }
    for (index, week) in trend.weeks.enumerated() where index % max(1, trend.weeks.count / 8) == 0 {
      svg.append(
        "<text x=\"\(x(index))\" y=\"\(height - 8)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#6b7280\">"
          + "\(week.week.description.suffix(3))</text>")
    }
    for (track, colour) in [(Track.ic, icColour), (.management, managementColour)] {
      var segment: [String] = []
      var segments: [[String]] = []
      for (index, week) in trend.weeks.enumerated() {
        if let rate = week.tracks[track]?.rate?.value {
          segment.append("\(x(index)),\(y(rate))")
          // Shape as well as colour tells the tracks apart: IC circles, management squares.
          svg.append(
            track == .ic
              ? "<circle cx=\"\(x(index))\" cy=\"\(y(rate))\" r=\"3\" fill=\"\(colour)\"/>"
              : "<rect x=\"\(x(index) - 3)\" y=\"\(y(rate) - 3)\" width=\"6\" height=\"6\" "
                + "fill=\"\(colour)\"/>")
        } else if !segment.isEmpty {
          segments.append(segment)
          segment = []
        }
      }
      if !segment.isEmpty { segments.append(segment) }
      for points in segments where points.count > 1 {
        svg.append(
          "<polyline class=\"\(track.rawValue)\" points=\"\(points.joined(separator: " "))\" fill=\"none\" "
            + "stroke=\"\(colour)\" stroke-width=\"2.5\""
            + (track == .management ? " stroke-dasharray=\"7 4\"/>" : "/>"))
      }
    }
    svg.append(
      "<text x=\"\(left + 8)\" y=\"\(top + 12)\" font-size=\"12\" fill=\"\(icColour)\">● IC</text>"
        + "<text x=\"\(left + 60)\" y=\"\(top + 12)\" font-size=\"12\" fill=\"\(managementColour)\">■ Management</text>"
    )
    svg.append("</svg>")
    return svg.joined(separator: "\n")
  }

  /// One horizontal bar per tag: its window rate from the zero line, blue or orange, and as
  /// thick as its evidence: 4 px plus 15 × marks / (marks + 10), at most 16: 5.4 px for 1
  /// mark, 11.5 for 10, 14 for 20, so a bar from 1 mark never looks as strong as one from 20.
  public static func tagChart(_ trend: Trend) -> HTML {
    let rowHeight = 26.0
    let width = 720.0
    let labelWidth = 190.0
    let countWidth = 150.0  // "+0.54 · 13 marks" at the phone-width font size
    let half = (width - labelWidth - countWidth) / 2
    let zero = labelWidth + half
    let height = rowHeight * Double(max(trend.tags.count, 1)) + 8
    var svg: [HTML] = [
      "<svg class=\"chart tags\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
        + "role=\"img\" aria-label=\"Energy rate per activity\">",
      "<line x1=\"\(zero)\" y1=\"0\" x2=\"\(zero)\" y2=\"\(height)\" stroke=\"#9ca3af\" stroke-width=\"1\"/>",
    ]
    for (index, tag) in trend.tags.enumerated() {
      let y = 4 + Double(index) * rowHeight
      let rate = tag.counts.rate ?? 0
      let length = abs(rate) * (half - 4)
      let x = rate >= 0 ? zero : zero - length
      let marks = Double(tag.counts.observations)
      let barHeight = min(16, 4 + 15 * marks / (marks + 10))
      svg.append(
        "<text x=\"\(labelWidth - 10)\" y=\"\(y + 16)\" font-size=\"12\" text-anchor=\"end\" fill=\"#111827\">"
          + "\(tag.name)</text>"
          + "<rect class=\"bar\" x=\"\(x)\" y=\"\(y + 12 - barHeight / 2)\" width=\"\(max(length, 1))\" "
          + "height=\"\(barHeight)\" "
          + "fill=\"\(rate >= 0 ? energizedColour : drainedColour)\"/>"
          + "<text x=\"\(width - countWidth + 8)\" y=\"\(y + 16)\" font-size=\"12\" fill=\"#4b5563\">"
          + "\(Format.signed(rate)) · \(Plural.count(tag.counts.observations, "mark", "marks"))</text>"
      )
    }
    svg.append("</svg>")
    return svg.joined(separator: "\n")
  }

  private static func evidence(_ brief: Brief, tags: [TagSummary], mark: Mark, title: String)
    -> HTML
  {
    var html: HTML = "<h3>\(title)</h3>"
    guard !tags.isEmpty else { return html + "<p>Nothing stands out yet.</p>" }
    html += "<ul>"
    for tag in tags {
      let marks = Plural.count(tag.counts.observations, "mark", "marks")
      html +=
        "<li><strong>\(tag.name)</strong> (\(tag.track.rawValue)): rate \(Format.signed(tag.counts.rate)) from \(marks)"
      for entry in brief.quotes[Brief.QuoteKey(tag: tag.name, mark: mark)] ?? [] {
        html +=
          "<blockquote>\(entry.day.iso): \(entry.text.firstLineSummary(limit: 240))</blockquote>"
      }
      html += "</li>"
    }
    return html + "</ul>"
  }
}
