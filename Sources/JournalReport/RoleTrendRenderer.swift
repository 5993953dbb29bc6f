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
  /// - Parameter roles: The history.
  /// - Returns: The text, ending with a newline.
  public static func trendText(_ roles: RoleHistory) -> String {
    func figure(_ figures: TrackFigures) -> String {
      guard let rate = figures.rate else { return "-" }
      return
        "\(Format.signed(rate.value)) (\(Format.signed(rate.low)) … \(Format.signed(rate.high)))"
    }
    let header = ["role", "from", "to", "weeks", "marks", "IC", "management", "lean"]
    var rows: [[String]] = [header]
    for period in roles.periods {
      let weeks = period.weeks.map { "\(period.weeksObserved)/\($0.count)" } ?? "0/0"
      rows.append([
        period.role.name + (period.isCurrent ? "*" : ""), period.role.start.iso, period.end.iso,
        weeks, String(period.observations), figure(period.ic), figure(period.management),
        Format.signed(period.lean?.value),
      ])
    }
    let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    let numeric: Set<Int> = [3, 4]
    var lines = rows.map { row in
      row.indices.map { column in
        numeric.contains(column)
          ? row[column].leftPadded(to: widths[column])
          : row[column].rightPadded(to: widths[column])
      }.joined(separator: "  ").trimmingTrailingSpaces()
    }
    lines.append("")
    lines.append(
      "weeks: with marks/counted (a week belongs to the role held on its Wednesday); "
        + "* the current role; rates from -1 (drained) to +1 (energized), 90% intervals.")
    if let current = roles.currentPhrase { lines.append("Current role: \(current).") }
    return lines.joined(separator: "\n")
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var text = Substring(self)
    while text.last == " " { text = text.dropLast() }
    return String(text)
  }
}
