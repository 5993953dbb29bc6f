import JournalCore
import JournalReport
import JournalStore

/// The widths of `list`'s text lines.
struct ListLayout {
  /// The widest id's digits.
  var idWidth: Int
  /// The terminal's width; `nil` when stdout is not a terminal (the text is then never cut).
  var columns: Int?
  /// The whole text under each line.
  var full = false

  /// The columns from the end of the id to the end of the flags:
  /// `  2026-11-20 Fri  +1  ★p`.
  static let leadWidth = 24
  /// The marks' column: two or three tags (`+deep-work -delivery` is 20).
  static let marksWidth = 24
  /// Below this many columns left for the text, it goes on a line of its own.
  static let narrowestText = 20
}

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

  /// The current row of `rows` for `list`, read in place (no ``Entry`` made):
  /// `   12  2026-11-20 Fri  +1  ★p  +deep-work -delivery      Fixed the flaky cache test…`,
  /// the id right-aligned to `layout.idWidth`, `★` for a starred entry and `p` for a private
  /// one, the marks padded to ``ListLayout/marksWidth`` so the texts start in one column.
  ///
  /// On a terminal (`layout.columns` set) the text's first line is cut to what is left of the
  /// width; when less than ``ListLayout/narrowestText`` columns are left, or the marks are
  /// wider than their column, it goes on the next line instead, indented. Elsewhere the whole
  /// text follows on the same line, its line breaks shown as `␊`. With `layout.full` the whole
  /// text goes under the line, each of its lines indented.
  ///
  /// The line is built in one reserved string and tag names are measured on their bytes:
  /// piped, `list --tag coaching --since 2025-06-01` on a 1,000,000-entry journal (4,957
  /// lines, 1.42 MB with whole texts against 0.59 MB cut at 60) ran 280.4 million
  /// instructions against 276.1 million for the cut lines before issue 14 (callgrind,
  /// release build, 2026-11-30); a first version that measured names with
  /// `TerminalText.columns`, scanned the text twice and padded with `String(repeating:)` ran
  /// 362.3 million.
  ///
  /// - Parameters:
  ///   - rows: The rows, on an entry.
  ///   - layout: The widths.
  /// - Returns: The line, or lines (no final newline).
  /// - Throws: `StoreError.corrupt` for a day this version cannot read.
  func line(_ rows: EntryRows, layout: ListLayout) throws(StoreError) -> String {
    let day = try rows.entryDay()
    var line = ""
    // One allocation for the usual line: the fields, the marks and a short text.
    line.reserveCapacity(160)
    let id = String(rows.id)
    line += Self.spaces(layout.idWidth - id.utf8.count)
    line += id
    line += "  "
    line += day.iso
    line += " "
    line += day.weekdayAbbreviation
    line += "  "
    line += Entry.energyLabel(rows.energyValue).leftPadded(to: 2)
    line += rows.starred ? "  \u{2605}" : "   "
    line += rows.isPrivateEntry ? "p" : " "
    var marks = ""
    var marksWidth = 0
    rows.forEachMark { name, mark in
      if marksWidth > 0 {
        marks += " "
        marksWidth += 1
      }
      let label = TagMark(name: String(decoding: name, as: UTF8.self), mark: mark).label
      // A tag's name is ASCII but for an imported oddity: a column a byte, and one for the sign.
      marksWidth += EntryRows.isASCII(name) ? name.count + 1 : TerminalText.columns(label)
      switch mark {
      case .energized: marks += style.green(label)
      case .drained: marks += style.red(label)
      case .logged: marks += style.dim(label)
      }
    }
    let indent = String(repeating: " ", count: layout.idWidth + 2)
    if layout.full {
      if marksWidth > 0 { line += "  " + marks } else { line.trimTrailingSpaces() }
      let text = rows.withBytes(.text) { String(decoding: $0, as: UTF8.self) }
      guard let columns = layout.columns else {
        // Piped: each line of the text whole, as `show` prints it.
        for textLine in TerminalText.block(text).split(
          separator: "\n", omittingEmptySubsequences: false)
        {
          line += "\n" + (textLine.isEmpty ? "" : indent + textLine)
        }
        return line
      }
      // On a terminal: each line filled to the width, every piece indented.
      let width = max(ListLayout.narrowestText, columns - indent.count)
      for textLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
        for piece in TerminalText.wrap(TerminalText.line(textLine), width: width) {
          line += "\n" + (piece.isEmpty ? "" : indent + piece)
        }
      }
      return line
    }
    let textColumn = layout.idWidth + ListLayout.leadWidth + 2 + ListLayout.marksWidth + 2
    guard let columns = layout.columns else {
      line += "  "
      line += marks
      line += Self.spaces(ListLayout.marksWidth - marksWidth)
      line += "  "
      // The whole text on one line (a line break as `␊`, a tab as a space).
      line += rows.withBytes(.text) { Self.visible($0) }
      return line
    }
    let room = columns - textColumn
    if room >= ListLayout.narrowestText && marksWidth <= ListLayout.marksWidth {
      line += "  "
      line += marks
      line += Self.spaces(ListLayout.marksWidth - marksWidth)
      line += "  "
      line += rows.withBytes(.text) { Self.summary($0, limit: room) }
      return line
    }
    if marksWidth > 0 { line += "  " + marks } else { line.trimTrailingSpaces() }
    // The text on a line of its own: in the text column when there is room, else under the date.
    let wrapIndent =
      room >= ListLayout.narrowestText ? String(repeating: " ", count: textColumn) : indent
    let width = max(ListLayout.narrowestText, columns - wrapIndent.count)
    return line + "\n" + wrapIndent + rows.withBytes(.text) { Self.summary($0, limit: width) }
  }

  /// `count` spaces (none for a negative count), without building them each time.
  static func spaces(_ count: Int) -> String {
    count <= 0 ? "" : count < padding.count ? padding[count] : String(repeating: " ", count: count)
  }

  private static let padding = (0...32).map { String(repeating: " ", count: $0) }

  /// `TerminalText.line(text.firstLineSummary(limit:))` for `text`'s UTF-8, measured in
  /// terminal columns (``TerminalText/columns(of:)``), in one pass over at most its first
  /// `limit + 1` columns: `firstLineSummary` counts the first line, the whole text and the
  /// prefix, which took 62% of a 4,632-line `list` (issue 16). ASCII needs no grapheme
  /// breaking (no two ASCII scalars but CR LF form one `Character`) and takes a column a
  /// byte, so it is measured on bytes; other text walks `Character`s.
  ///
  /// - Parameters:
  ///   - bytes: The text's valid UTF-8.
  ///   - limit: At most this many columns (one of them the ellipsis); at least 3.
  /// - Returns: The first line, cut with `…` or followed by ` …` when more lines follow, its
  ///   controls made visible.
  static func summary(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> String {
    let scanned = min(bytes.count, limit + 1)
    for index in 0..<scanned {
      let byte = bytes[index]
      if byte >= 0x80 { return summary(String(decoding: bytes, as: UTF8.self), limit: limit) }
      if (0x0A...0x0D).contains(byte) {
        guard index + 2 > limit else {
          return visible(UnsafeBufferPointer(rebasing: bytes[..<index])) + " …"
        }
        return visible(UnsafeBufferPointer(rebasing: bytes[..<(limit - 1)])) + "…"
      }
    }
    guard scanned > limit else { return visible(bytes) }
    return visible(UnsafeBufferPointer(rebasing: bytes[..<(limit - 1)])) + "…"
  }

  /// ``summary(_:limit:)`` for text that is not all ASCII: one walk over its characters.
  private static func summary(_ text: String, limit: Int) -> String {
    var width = 0
    var cut = text.startIndex
    var index = text.startIndex
    for character in text {
      if character.isNewline {
        guard width + 2 > limit else { return TerminalText.line(text[..<index]) + " …" }
        return TerminalText.line(text[..<cut]) + "…"
      }
      // A control counts 1: it is shown as one picture.
      let columns = TerminalText.columns(of: character)
      if width + columns <= limit - 1 {
        cut = text.utf8.index(index, offsetBy: character.utf8.count)
      }
      width += columns
      if width > limit { return TerminalText.line(text[..<cut]) + "…" }
      index = text.utf8.index(index, offsetBy: character.utf8.count)
    }
    return TerminalText.line(text)
  }

  /// UTF-8 `bytes` as ``TerminalText/line(_:)`` shows them: printable ASCII as it is, after
  /// one scan; anything else (a control, a tab, a non-ASCII character) through `line`.
  private static func visible(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let text = String(decoding: bytes, as: UTF8.self)
    let plain = bytes.allSatisfy { (0x20..<0x7F).contains($0) }
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

extension String {
  /// Drops the spaces at the end (a line whose last field is blank).
  fileprivate mutating func trimTrailingSpaces() {
    while last == " " { removeLast() }
  }
}
