import JournalAnalysis
import JournalCore

extension RoleSection {
  /// `journal trend --by-role`: one row per role period with its pooled track rates, their
  /// 90% intervals and the lean, then the current role.
  ///
  /// ```text
  /// role        from        to          weeks  marks  IC                     management             lean
  /// senior-ic   2026-08-03  2026-09-27    8/8     51  +0.67 (+0.42 … +0.93)  -0.43 (-0.77 … -0.10)  +1.11
  /// ```
  ///
  /// When that is wider than `width`, each role takes two lines, the intervals on the second
  /// (a role name wider than its column takes a line of its own before them):
  ///
  /// ```text
  /// role        from        to          weeks  marks     IC  management   lean
  /// senior-ic   2026-08-03  2026-09-27    8/8     51  +0.67       -0.43  +1.11
  ///               90%: IC +0.42 … +0.93, management -0.77 … -0.10
  /// ```
  ///
  /// - Parameters:
  ///   - roles: The history.
  ///   - width: The terminal's width in columns.
  /// - Returns: The text, without a final newline.
  public static func trendText(_ roles: RoleHistory, width: Int = 80) -> String {
    func figure(_ figures: TrackFigures) -> String {
      guard let rate = figures.rate else { return "-" }
      return
        "\(Format.signed(rate.value)) (\(Format.signed(rate.low)) … \(Format.signed(rate.high)))"
    }
    func name(_ period: RolePeriod) -> String {
      TerminalText.line(period.role.name) + (period.isCurrent ? "*" : "")
    }
    func weeks(_ period: RolePeriod) -> String {
      period.weeks.map { "\(period.weeksObserved)/\($0.count)" } ?? "0/0"
    }
    let width = max(width, TerminalLayout.minimumWidth)
    let wide = table(
      header: ["role", "from", "to", "weeks", "marks", "IC", "management", "lean"],
      rows: roles.periods.map { period in
        [
          name(period), period.role.start.iso, period.end.iso, weeks(period),
          String(period.observations), figure(period.ic), figure(period.management),
          Format.signed(period.lean?.value),
        ]
      }, numeric: [3, 4])
    var lines: [String]
    if wide.allSatisfy({ TerminalLayout.columns($0) <= width }) {
      lines = wide
    } else {
      lines = narrowTable(roles, width: width, name: name, weeks: weeks)
    }
    lines.append("")
    lines += TerminalLayout.wrap(
      "weeks: with marks/counted (a week belongs to the role held on its Wednesday); "
        + "* the current role; rates from -1 (drained) to +1 (energized), 90% intervals.",
      width: width)
    if let current = roles.currentPhrase {
      lines += TerminalLayout.wrap("Current role: \(current).", width: width)
    }
    return lines.joined(separator: "\n")
  }

  /// Two lines a role: its figures, then its 90% intervals.
  private static func narrowTable(
    _ roles: RoleHistory, width: Int, name: (RolePeriod) -> String,
    weeks: (RolePeriod) -> String
  ) -> [String] {
    // from, to, weeks, marks, IC, management, lean and the gaps before them: 64 columns.
    let roleWidth = max(4, width - 64)
    let rows = roles.periods.map { period in
      [
        TerminalLayout.columns(name(period)) > roleWidth ? "" : name(period),
        period.role.start.iso, period.end.iso, weeks(period), String(period.observations),
        Format.signed(period.ic.rate?.value), Format.signed(period.management.rate?.value),
        Format.signed(period.lean?.value),
      ]
    }
    let table = table(
      header: ["role", "from", "to", "weeks", "marks", "IC", "management", "lean"],
      rows: rows, numeric: [3, 4, 5, 6, 7], minimum: [roleWidth, 0, 0, 5, 5, 5, 10, 5])
    var lines = [table[0]]
    for (index, period) in roles.periods.enumerated() {
      if rows[index][0].isEmpty { lines.append(name(period)) }
      lines.append(table[index + 1])
      var intervals: [String] = []
      for (label, figures) in [("IC", period.ic), ("management", period.management)] {
        guard let rate = figures.rate else { continue }
        intervals.append("\(label) \(Format.signed(rate.low)) … \(Format.signed(rate.high))")
      }
      if !intervals.isEmpty {
        lines += TerminalLayout.wrap(
          "90%: " + intervals.joined(separator: ", "), width: width - 2, indent: 5
        ).map { "  " + $0 }
      }
    }
    return lines
  }

  /// `rows` under `header` in columns two spaces apart, the `numeric` ones right-aligned,
  /// each at least its `minimum` wide; no trailing spaces.
  private static func table(
    header: [String], rows: [[String]], numeric: Set<Int>, minimum: [Int] = []
  ) -> [String] {
    let all = [header] + rows
    let widths = header.indices.map { column in
      max(
        column < minimum.count ? minimum[column] : 0,
        all.map { TerminalLayout.columns($0[column]) }.max() ?? 0)
    }
    return all.map { row in
      row.indices.map { column in
        let pad = String(
          repeating: " ", count: max(0, widths[column] - TerminalLayout.columns(row[column])))
        return numeric.contains(column) ? pad + row[column] : row[column] + pad
      }.joined(separator: "  ").trimmingTrailingSpaces()
    }
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var text = Substring(self)
    while text.last == " " { text = text.dropLast() }
    return String(text)
  }
}
