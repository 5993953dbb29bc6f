import JournalCore
import JournalReport
import JournalStore

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

  /// ``line(_:)`` for the current row of `rows`, read in place: the same text, with the
  /// summary measured in one scan of the text's first bytes (``summary(_:limit:)``).
  ///
  /// - Parameter rows: The rows, on an entry.
  /// - Returns: The line.
  /// - Throws: `StoreError.corrupt` for a day this version cannot read.
  func line(_ rows: EntryRows) throws(StoreError) -> String {
    let day = try rows.entryDay()
    var line =
      String(rows.id).leftPadded(to: 5) + "  " + day.iso + " " + day.weekdayAbbreviation + "  "
      + Entry.energyLabel(rows.energyValue).leftPadded(to: 2)
    var marks = ""
    rows.forEachMark { name, mark in
      if !marks.isEmpty { marks += " " }
      let label = TagMark(name: String(decoding: name, as: UTF8.self), mark: mark).label
      switch mark {
      case .energized: marks += style.green(label)
      case .drained: marks += style.red(label)
      case .logged: marks += style.dim(label)
      }
    }
    if !marks.isEmpty { line += "  " + marks }
    line += "  " + rows.withBytes(.text) { Self.summary($0, limit: 60) }
    return line
  }

  /// `TerminalText.line(text.firstLineSummary(limit:))` for `text`'s UTF-8, in one pass over
  /// at most its first `limit + 1` characters: `firstLineSummary` counts the first line, the
  /// whole text and the prefix, which took 62% of a 4,632-line `list` (issue 16). ASCII needs
  /// no grapheme breaking (no two ASCII scalars but CR LF form one `Character`), so it is
  /// measured on bytes; other text walks `Character`s, stopping after `limit + 1`.
  ///
  /// - Parameters:
  ///   - bytes: The text's valid UTF-8.
  ///   - limit: At most this many characters (one of them the ellipsis); at least 1.
  /// - Returns: The first line, cut with `…` or followed by ` …` when more lines follow, its
  ///   controls made visible.
  static func summary(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> String {
    let scanned = min(bytes.count, limit + 1)
    for index in 0..<scanned {
      let byte = bytes[index]
      if byte >= 0x80 { return summary(String(decoding: bytes, as: UTF8.self), limit: limit) }
      if (0x0A...0x0D).contains(byte) {
        return visible(UnsafeBufferPointer(rebasing: bytes[..<index])) + " …"
      }
    }
    guard scanned > limit else { return visible(bytes) }
    return visible(UnsafeBufferPointer(rebasing: bytes[..<(limit - 1)])) + "…"
  }

  /// ``summary(_:limit:)`` for text that is not all ASCII: one walk over its characters.
  private static func summary(_ text: String, limit: Int) -> String {
    var count = 0
    var cut = text.startIndex
    var index = text.startIndex
    for character in text {
      if character.isNewline { return TerminalText.line(text[..<index]) + " …" }
      index = text.utf8.index(index, offsetBy: character.utf8.count)
      count += 1
      if count == limit - 1 { cut = index }
      if count > limit { return TerminalText.line(text[..<cut]) + "…" }
    }
    return TerminalText.line(text)
  }

  /// ASCII `bytes` as ``TerminalText/line(_:)`` shows them: as they are unless they hold a
  /// control character.
  private static func visible(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let text = String(decoding: bytes, as: UTF8.self)
    let plain = bytes.allSatisfy { $0 == 0x09 || (0x20..<0x7F).contains($0) }
    return plain ? text : TerminalText.line(text)
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
