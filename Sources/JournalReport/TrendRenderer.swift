import JournalAnalysis
import JournalCore
import JournalInterchange
import JournalStore

/// How a trend looks: an aligned table with sparklines for people, JSON and CSV for scripts.
public struct TrendRenderer {
  public let style: Style

  /// A renderer that colours with `style`.
  public init(style: Style) {
    self.style = style
  }

  private static let levels = Array("▁▂▃▄▅▆▇█")
  /// Shown for a week with no marks: a gap, not a zero.
  public static let gap: Character = "·"

  /// The trend as a table for a terminal `width` columns wide (at least
  /// ``TerminalLayout/minimumWidth``): every line fits, no number is cut.
  ///
  /// - A span longer than the sparkline column holds shows its most recent weeks; a line
  ///   under the title says how many ("Sparklines show the last 22 of 52 weeks"), and rate,
  ///   marks and direction still cover every week.
  /// - Under each block of sparklines an axis labels every fourth week with its ISO week
  ///   number, counted back from the most recent; a label starts under its week's column.
  /// - A track's 90% interval follows its row when it fits, else it has a line of its own
  ///   under the rate column.
  /// - A tag name wider than its column has a line of its own, its figures on the next.
  ///
  /// - Parameters:
  ///   - trend: The trend.
  ///   - marks: The marks behind the figures (`--explain`), or `nil`.
  ///   - width: The terminal's width in columns; 80 when it is not known.
  /// - Returns: The text, without a final newline.
  public func text(_ trend: Trend, marks: [Journal.MarkReference]?, width: Int = 80) -> String {
    let layout = Layout(trend, width: width)
    let span = trend.weeks.count
    let title =
      "Energy by activity, \(trend.firstWeek) to \(trend.lastWeek) "
      + "(\(Plural.count(span, "week", "weeks")), \(trend.weeksObserved) with marks, "
      + "\(Plural.count(trend.observations, "mark", "marks")))"
    var lines = TerminalLayout.wrap(title, width: layout.width, indent: 2).map(style.bold)
    guard trend.observations > 0 else {
      lines += TerminalLayout.wrap(
        "No marked activities in these weeks. Log a day with 'journal add TEXT -e TAG'.",
        width: layout.width)
      return lines.joined(separator: "\n")
    }
    if layout.shown < span {
      lines += TerminalLayout.wrap(
        "Sparklines show the last \(layout.shown) of \(span) weeks (rate, marks and "
          + "direction: all \(span)).", width: layout.width)
    }
    let shownWeeks = trend.weeks.suffix(layout.shown)
    lines.append("")
    lines.append(
      "activity".rightPadded(to: layout.nameWidth) + "  " + "track".rightPadded(to: 10) + "  "
        + "weekly rate".rightPadded(to: layout.sparkWidth) + "  " + "rate".leftPadded(to: 5)
        + "  " + "marks".leftPadded(to: layout.marksWidth) + "  direction")
    for tag in trend.tags {
      let rates = shownWeeks.map { $0.tags[tag.name]?.rate }
      let name = TerminalText.line(tag.name)
      if TerminalLayout.columns(name) > layout.nameWidth { lines.append(name) }
      lines.append(
        layout.row(
          name: TerminalLayout.columns(name) > layout.nameWidth ? "" : name,
          track: tag.track.rawValue, sparkline: sparkline(rates), weeks: rates.count,
          rate: tag.counts.rate, marks: tag.counts.observations, direction: arrow(tag.direction)))
    }
    lines.append(layout.axis(shownWeeks.map(\.week)))
    lines.append("")
    for summary in [trend.ic, trend.management] {
      let rates = shownWeeks.map { $0.tracks[summary.figures.track]?.rate?.value }
      let row = layout.row(
        name: summary.figures.track.displayName + " track", track: "",
        sparkline: sparkline(rates), weeks: rates.count, rate: summary.figures.rate?.value,
        marks: summary.figures.counts.observations, direction: arrow(summary.direction))
      guard let rate = summary.figures.rate else {
        lines.append(row)
        continue
      }
      let interval = "90%: \(Format.range(rate.low, rate.high))"
      if layout.rowColumns(direction: summary.direction) + 2 + interval.count <= layout.width {
        lines.append(row + "  " + interval)
      } else {
        lines.append(row)
        lines.append(String(repeating: " ", count: layout.rateColumn) + interval)
      }
    }
    lines.append(layout.axis(shownWeeks.map(\.week)))
    lines.append("")
    lines += TerminalLayout.wrap(Self.leanSentence(trend), width: layout.width, indent: 2)
    for sentence in Self.directionSentences(trend) {
      lines += TerminalLayout.wrap(sentence, width: layout.width, indent: 2)
    }
    if let marks {
      lines.append("")
      lines += explanation(trend, marks: marks, width: layout.width)
    }
    return lines.joined(separator: "\n")
  }

  /// The columns of the trend's table for one width: the name column fits the longest name
  /// that leaves 12 weeks of sparkline (a longer one has a line of its own), the sparkline
  /// takes the rest.
  struct Layout {
    let width: Int
    let nameWidth: Int
    let marksWidth: Int
    let sparkWidth: Int
    /// The weeks the sparklines show: the most recent ones that fit.
    let shown: Int

    /// Two spaces between columns; track (10), rate (5), direction ("↘ falling", 9).
    static func fixedColumns(marksWidth: Int) -> Int { 2 + 10 + 2 + 2 + 5 + 2 + marksWidth + 2 + 9 }

    init(_ trend: Trend, width: Int) {
      let marks =
        ([trend.ic, trend.management].map(\.figures.counts.observations)
        + trend.tags.map(\.counts.observations)).map { String($0).count }
      marksWidth = max(5, marks.max() ?? 0)
      let fixed = Self.fixedColumns(marksWidth: marksWidth)
      self.width = max(width, TerminalLayout.minimumWidth + marksWidth - 5)
      // "Management track" is 16 columns; a longer name that fits leaves 12 weeks of sparkline.
      let widest = self.width - fixed - 12
      let fitting = trend.tags.map { TerminalLayout.columns(TerminalText.line($0.name)) }
        .filter { $0 <= widest }
      nameWidth = max(16, fitting.max() ?? 0)
      let span = trend.weeks.count
      shown = min(span, self.width - fixed - nameWidth)
      sparkWidth = max(11, shown)
    }

    /// Where the rate column starts.
    var rateColumn: Int { nameWidth + 2 + 10 + 2 + sparkWidth + 2 }

    /// The columns a row takes whose direction is `direction` (its colour codes take none).
    func rowColumns(direction: Direction) -> Int {
      rateColumn + 5 + 2 + marksWidth + 2
        + TerminalLayout.columns(TrendRenderer.directionWords(direction))
    }

    /// One row; `sparkline` may hold colour codes, `weeks` is its visible width.
    func row(
      name: String, track: String, sparkline: String, weeks: Int, rate: Double?, marks: Int,
      direction: String
    ) -> String {
      TerminalLayout.padded(name, to: nameWidth) + "  " + track.rightPadded(to: 10) + "  "
        + sparkline.rightPadded(to: sparkWidth, visibleCount: weeks) + "  "
        + Format.signed(rate).leftPadded(to: 5) + "  "
        + String(marks).leftPadded(to: marksWidth) + "  " + direction
    }

    /// ISO week numbers under the sparkline column, every fourth week back from the last.
    func axis(_ weeks: [ISOWeek]) -> String {
      var cells = Array(repeating: Character(" "), count: weeks.count + 2)
      for (index, week) in weeks.enumerated() where (weeks.count - 1 - index) % 4 == 0 {
        let label = Array(week.description.suffix(3))  // "W07" of "2026-W07"
        for (offset, character) in label.enumerated() { cells[index + offset] = character }
      }
      var line = String(repeating: " ", count: nameWidth + 2 + 10 + 2) + String(cells)
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  /// The lean in one plain sentence, with its interval and what stands behind it (the wording
  /// lives in ``Sentences``, beside the suggestion's).
  public static func leanSentence(_ trend: Trend) -> String {
    Sentences.leanLine(trend)
  }

  /// "Coaching has been rising over 6 weeks with marks (+0.05 a week)." for every tag and track
  /// that moved (the wording lives in ``Sentences``).
  public static func directionSentences(_ trend: Trend) -> [String] {
    Sentences.directionLines(trend)
  }

  private func explanation(_ trend: Trend, marks: [Journal.MarkReference], width: Int)
    -> [String]
  {
    var lines = ["Entries behind the figures (+ energized, - drained):"]
    var byWeekAndTag: [ISOWeek: [String: [String]]] = [:]
    for mark in marks {
      let label = (mark.mark == .energized ? "+" : "-") + "#\(mark.entryID)"
      byWeekAndTag[ISOWeek(containing: mark.day), default: [:]][mark.tag, default: []].append(label)
    }
    let names = trend.tags.map { TerminalLayout.columns(TerminalText.line($0.name)) }
    // The entries keep at least 24 columns; a longer name pushes them to the next line.
    let nameWidth = max(16, min(names.max() ?? 0, width - 11 - 2 - 24))
    let entriesColumn = 9 + 2 + nameWidth + 2
    for week in trend.weeks.map(\.week) {
      guard let tags = byWeekAndTag[week] else { continue }
      for (index, tag) in tags.keys.sorted().enumerated() {
        let prefix = (index == 0 ? week.description : "").rightPadded(to: 9) + "  "
        let name = TerminalText.line(tag)
        var head = prefix + TerminalLayout.padded(name, to: nameWidth) + "  "
        if TerminalLayout.columns(name) > nameWidth {
          lines.append(prefix + name)
          head = String(repeating: " ", count: entriesColumn)
        }
        let entries = TerminalLayout.wrap(
          (tags[tag] ?? []).joined(separator: " "), width: width - entriesColumn)
        for (line, text) in entries.enumerated() {
          lines.append((line == 0 ? head : String(repeating: " ", count: entriesColumn)) + text)
        }
      }
    }
    return lines
  }

  /// One character per week: the rate from ▁ (-1) to █ (+1), `·` for a week with no marks.
  public func sparkline(_ rates: [Double?]) -> String {
    rates.map { rate -> String in
      guard let rate else { return String(Self.gap) }
      let index = Int(((rate + 1) / 2 * Double(Self.levels.count - 1)).rounded())
      let bar = String(Self.levels[min(max(index, 0), Self.levels.count - 1)])
      return rate > 0 ? style.green(bar) : rate < 0 ? style.red(bar) : bar
    }.joined()
  }

  private func arrow(_ direction: Direction) -> String {
    let words = Self.directionWords(direction)
    switch direction {
    case .rising: return style.green(words)
    case .falling: return style.red(words)
    case .steady, .unknown: return words
    }
  }

  /// The direction column's words, without colour ("↘ falling", the widest, is 9 columns).
  static func directionWords(_ direction: Direction) -> String {
    switch direction {
    case .rising: "↗ rising"
    case .falling: "↘ falling"
    case .steady: "→ steady"
    case .unknown: "  -"
    }
  }

  // MARK: - JSON and CSV

  public static func json(_ trend: Trend, marks: [Journal.MarkReference]?) -> JSONValue {
    .object([("weeks", weeksJSON(trend, marks: marks)), ("window", windowJSON(trend))])
  }

  /// The window's span and its figures over all its weeks.
  private static func windowJSON(_ trend: Trend) -> JSONValue {
    .object([
      ("since", .string(trend.firstWeek.start.iso)), ("until", .string(trend.lastWeek.end.iso)),
      ("weeks", .int(trend.weeks.count)), ("weeks_observed", .int(trend.weeksObserved)),
      ("observations", .int(trend.observations)), ("tags", tagsJSON(trend)),
      ("tracks", tracksJSON(trend)), ("lean", leanJSON(trend)),
    ])
  }

  /// Every week of the window with each tag's and each track's figures.
  public static func weeksJSON(_ trend: Trend, marks: [Journal.MarkReference]?) -> JSONValue {
    let marksByWeek = entriesByWeek(marks)
    return .array(trend.weeks.map { weekJSON($0, entries: marks == nil ? nil : marksByWeek) })
  }

  /// ``json(_:marks:)`` as `rendered()` prints it, written into `stream` one week at a time:
  /// over all history (thousands of weeks) no tree of every week is built, and memory stays
  /// flat (issue 16: rendering that tree took 79% of `trend --format json` over 100 years).
  ///
  /// - Parameters:
  ///   - trend: The trend.
  ///   - marks: The marks behind the figures (`--explain`), or `nil`.
  ///   - stream: Where the bytes go; no newline is written after the closing brace.
  /// - Throws: `IOError` when the stream's sink cannot write.
  public static func writeJSON(
    _ trend: Trend, marks: [Journal.MarkReference]?, to stream: inout EntryStream
  ) throws {
    let marksByWeek = entriesByWeek(marks)
    stream.append("{\n  \"weeks\": [")
    for (index, week) in trend.weeks.enumerated() {
      stream.append(index == 0 ? "\n    " : ",\n    ")
      if marks == nil {
        appendWeek(week, to: &stream)
      } else {
        stream.append(weekJSON(week, entries: marksByWeek), indent: 4)
      }
      try stream.flushIfFull()
    }
    stream.append(trend.weeks.isEmpty ? "]" : "\n  ]")
    stream.append(",\n  \"window\": ")
    stream.append(windowJSON(trend), indent: 2)
    stream.append("\n}")
  }

  /// ``weekJSON(_:entries:)`` without entries, rendered at an indent of 4, written straight
  /// into `stream`: a trend over all history writes thousands of weeks, and building each one's
  /// ``JSONValue`` took a fifth of it.
  private static func appendWeek(_ week: TrendWeek, to stream: inout EntryStream) {
    stream.append("{\n      \"week\": ")
    stream.appendJSONString(week.week.description)
    stream.append(",\n      \"start\": ")
    stream.appendJSONString(week.week.start.iso)
    stream.append(",\n      \"tags\": {")
    var first = true
    week.tags.forEachTag { name, counts in
      stream.append(first ? "\n        " : ",\n        ")
      first = false
      stream.appendJSONString(name)
      stream.append(": ")
      appendCounts(counts, rate: nil, to: &stream)
    }
    stream.append(week.tags.isEmpty ? "}" : "\n      }")
    stream.append(",\n      \"tracks\": {")
    for (index, track) in [Track.ic, .management].enumerated() {
      stream.append(index == 0 ? "\n        " : ",\n        ")
      stream.appendJSONString(track.rawValue)
      stream.append(": ")
      let figures = week.tracks[track]
      appendCounts(figures?.counts ?? MarkCounts(), rate: figures?.rate?.value, to: &stream)
    }
    stream.append("\n      }\n    }")
  }

  /// ``counts(_:rate:)`` as an object at an indent of 8.
  private static func appendCounts(
    _ counts: MarkCounts, rate: Double??, to stream: inout EntryStream
  ) {
    stream.append("{\n          \"energized\": ")
    stream.appendJSONInt(counts.energized)
    stream.append(",\n          \"drained\": ")
    stream.appendJSONInt(counts.drained)
    stream.append(",\n          \"observations\": ")
    stream.appendJSONInt(counts.observations)
    stream.append(",\n          \"rate\": ")
    stream.appendJSONFigure(rate ?? counts.rate)
    stream.append(",\n          \"mean_energy\": ")
    stream.appendJSONFigure(counts.meanEnergy)
    stream.append("\n        }")
  }

  /// The `entries` of each week and tag (`--explain`).
  private static func entriesByWeek(_ marks: [Journal.MarkReference]?) -> [ISOWeek: [String:
    [JSONValue]]]
  {
    var marksByWeek: [ISOWeek: [String: [JSONValue]]] = [:]
    for mark in marks ?? [] {
      marksByWeek[ISOWeek(containing: mark.day), default: [:]][mark.tag, default: []].append(
        .object([("id", .int(Int(mark.entryID))), ("mark", .string(mark.mark.rawValue))]))
    }
    return marksByWeek
  }

  /// One week's object: its tags' and tracks' figures, and with `entries` each tag's marks.
  private static func weekJSON(_ week: TrendWeek, entries: [ISOWeek: [String: [JSONValue]]]?)
    -> JSONValue
  {
    var tags: [(String, JSONValue)] = []
    tags.reserveCapacity(week.tags.count)
    week.tags.forEachTag { name, marks in
      var fields = counts(marks)
      if let entries {
        fields.append(("entries", .array(entries[week.week]?[name] ?? [])))
      }
      tags.append((name, .object(fields)))
    }
    let tracks: [(String, JSONValue)] = [Track.ic, .management].map { track in
      let figures = week.tracks[track]
      return (
        track.rawValue,
        .object(counts(figures?.counts ?? MarkCounts(), rate: figures?.rate?.value))
      )
    }
    return .object([
      ("week", .string(week.week.description)), ("start", .string(week.week.start.iso)),
      ("tags", .object(tags)), ("tracks", .object(tracks)),
    ])
  }

  /// Each tag's figures over the window.
  public static func tagsJSON(_ trend: Trend) -> JSONValue {
    .object(
      trend.tags.map { tag in
        (
          tag.name,
          .object(
            [("track", .string(tag.track.rawValue))] + counts(tag.counts) + [
              ("slope", .figure(tag.slope)), ("direction", .string(tag.direction.rawValue)),
              ("weeks_observed", .int(tag.weeksObserved)), ("slope_low", .figure(tag.fit?.low)),
              ("slope_high", .figure(tag.fit?.high)), ("vote", .figure(tag.vote)),
            ])
        )
      })
  }

  /// Each track's figures over the window, with its interval and direction.
  public static func tracksJSON(_ trend: Trend) -> JSONValue {
    .object(
      [trend.ic, trend.management].map { summary in
        let figures = summary.figures
        return (
          figures.track.rawValue,
          .object([
            ("rate", .figure(figures.rate?.value)), ("low", .figure(figures.rate?.low)),
            ("high", .figure(figures.rate?.high)),
            ("observations", .int(figures.counts.observations)),
            ("energized", .int(figures.counts.energized)),
            ("drained", .int(figures.counts.drained)),
            ("mean_energy", .figure(figures.counts.meanEnergy)),
            ("tags_observed", .int(figures.tagsObserved)), ("slope", .figure(summary.slope)),
            ("direction", .string(summary.direction.rawValue)),
            ("weeks_observed", .int(summary.weeksObserved)),
            ("slope_low", .figure(summary.fit?.low)), ("slope_high", .figure(summary.fit?.high)),
            ("own_observations", .int(figures.ownCounts.observations)),
            ("own_weeks_observed", .int(summary.ownWeeksObserved)),
          ])
        )
      })
  }

  /// The lean with its interval, or null.
  public static func leanJSON(_ trend: Trend) -> JSONValue {
    trend.lean.map {
      .object([("value", .figure($0.value)), ("low", .figure($0.low)), ("high", .figure($0.high))])
    } ?? .null
  }

  /// energized, drained, observations, rate, mean_energy: the per-week and per-tag fields.
  private static func counts(_ counts: MarkCounts, rate: Double?? = nil) -> [(String, JSONValue)] {
    [
      ("energized", .int(counts.energized)), ("drained", .int(counts.drained)),
      ("observations", .int(counts.observations)), ("rate", .figure(rate ?? counts.rate)),
      ("mean_energy", .figure(counts.meanEnergy)),
    ]
  }

  /// One row per week and tag that has marks; a week without marks has one row with an empty
  /// tag, so gaps stay visible.
  public static func csv(_ trend: Trend) -> String {
    var rows = [
      CSV.row([
        "week", "start", "tag", "track", "energized", "drained", "observations", "rate",
        "mean_energy",
      ])
    ]
    let trackOf = Dictionary(uniqueKeysWithValues: trend.tags.map { ($0.name, $0.track) })
    for week in trend.weeks {
      if week.isGap {
        rows.append(
          CSV.row([week.week.description, week.week.start.iso, "", "", "0", "0", "0", "", ""]))
        continue
      }
      week.tags.forEachTag { name, counts in
        rows.append(
          CSV.row([
            week.week.description, week.week.start.iso, name, trackOf[name]?.rawValue ?? "",
            String(counts.energized), String(counts.drained), String(counts.observations),
            decimal(counts.rate), decimal(counts.meanEnergy),
          ]))
      }
    }
    return rows.joined(separator: "\n") + "\n"
  }

  private static func decimal(_ value: Double?) -> String {
    guard let value else { return "" }
    let rounded = (value * 10_000).rounded() / 10_000
    return String(rounded)
  }
}

extension String {
  /// Pads to `width` visible characters when the string holds invisible colour codes.
  public func rightPadded(to width: Int, visibleCount: Int) -> String {
    visibleCount >= width ? self : self + String(repeating: " ", count: width - visibleCount)
  }
}
