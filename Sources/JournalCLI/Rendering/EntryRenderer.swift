import JournalCore
import JournalReport

/// How entries look on stdout: one line each in a list, a block for `show`, JSON and CSV for
/// scripts. Entry text reaches the terminal through ``TerminalText``, its controls visible.
struct EntryRenderer {
  let style: Style

  /// `12  2026-11-20 Fri  +1  +deep-work -delivery  Fixed the flaky cache test…`
  func line(_ entry: Entry) -> String {
    var fields = [
      String(entry.id).leftPadded(to: 5),
      entry.day.iso + " " + entry.day.weekdayAbbreviation,
      Entry.energyLabel(entry.energy).leftPadded(to: 2),
    ]
    let marks = tags(entry.tags)
    if !marks.isEmpty { fields.append(marks) }
    fields.append(TerminalText.line(entry.text.firstLineSummary(limit: 60)))
    return fields.joined(separator: "  ")
  }

  /// The whole entry, for `journal show`.
  func detail(_ entry: Entry) -> String {
    let week = ISOWeek(containing: entry.day)
    var lines = [
      style.bold("Entry \(entry.id)") + "  \(entry.day.iso) "
        + entry.day.weekdayAbbreviation + " (\(week))"
    ]
    lines.append("Energy:    " + (entry.energy.map { Entry.energyLabel($0) } ?? "not given"))
    let energized = entry.tags.filter { $0.mark == .energized }.map(\.name)
    let drained = entry.tags.filter { $0.mark == .drained }.map(\.name)
    lines.append(
      "Energized: " + (energized.isEmpty ? "-" : style.green(energized.joined(separator: ", "))))
    lines.append(
      "Drained:   " + (drained.isEmpty ? "-" : style.red(drained.joined(separator: ", "))))
    var flags: [String] = []
    if entry.isStarred { flags.append("starred") }
    if entry.isPrivate { flags.append("private") }
    if !flags.isEmpty { lines.append("Flags:     " + flags.joined(separator: ", ")) }
    lines.append(style.dim("Created \(entry.createdAt.iso), updated \(entry.updatedAt.iso)"))
    lines.append("")
    lines.append(TerminalText.block(entry.text))
    return lines.joined(separator: "\n")
  }

  /// `+deep-work -delivery ~admin`, coloured on a terminal (`~`: logged without a feeling).
  func tags(_ tags: [TagMark]) -> String {
    tags.map { tag in
      switch tag.mark {
      case .energized: style.green(tag.label)
      case .drained: style.red(tag.label)
      case .logged: style.dim(tag.label)
      }
    }.joined(separator: " ")
  }
}
