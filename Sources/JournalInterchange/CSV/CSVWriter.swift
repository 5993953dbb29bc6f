import JournalCore

/// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled.
public enum CSV {
  /// A row of fields, each quoted as needed (``field(_:)``): free text goes through
  /// ``neutralised(_:)`` first.
  public static func row(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",")
  }

  public static func field(_ value: String) -> String {
    // Scalars, not Characters: a combining mark after a comma or a quote (or a prepended
    // format character before one) makes a grapheme cluster that is neither, yet a reader
    // sees its bytes.
    guard
      value.unicodeScalars.contains(where: {
        $0 == "," || $0 == "\"" || Character($0).isNewline
      })
    else { return value }
    var quoted = String.UnicodeScalarView()
    quoted.append("\"")
    for scalar in value.unicodeScalars {
      if scalar == "\"" { quoted.append("\"") }
      quoted.append(scalar)
    }
    quoted.append("\"")
    return String(quoted)
  }

  /// A free-text cell (an entry's text, a tag's description), neutralised against spreadsheet
  /// formula injection the OWASP way: text that starts with `=`, `+`, `-`, `@`, a tab or a CR
  /// (after any run of `'`) gets one more `'` in front, so a spreadsheet shows it as text.
  /// ``textValue(_:)`` removes exactly that `'` again, so export → import → export is
  /// byte-identical. Only free-text columns go through this: ids, dates, the `energy` column's
  /// `-1`, tag lists (kebab-case), flags, timestamps and uuids are the journal's own formats.
  ///
  /// - Parameter text: The text.
  /// - Returns: The text, neutralised; ``row(_:)`` quotes it as needed.
  public static func neutralised(_ text: String) -> String {
    startsWithFormula(text) ? "'" + text : text
  }

  /// The text a free-text cell stands for: ``neutralised(_:)`` undone (one leading `'` removed
  /// when `'`s and then a formula character start the cell); anything else as it is.
  ///
  /// - Parameter cell: The cell's value, unquoted.
  /// - Returns: The text.
  public static func textValue(_ cell: String) -> String {
    guard cell.unicodeScalars.first == "'", startsWithFormula(cell) else { return cell }
    return String(String.UnicodeScalarView(cell.unicodeScalars.dropFirst()))
  }

  /// Whether `text`, after its leading `'`s, starts with a character a spreadsheet reads as
  /// the start of a formula. On Unicode scalars: a combining mark after `=` still counts.
  static func startsWithFormula(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first(where: { $0 != "'" }) else { return false }
    return ["=", "+", "-", "@", "\t", "\r"].contains(first)
  }

  /// The columns of `journal list --format csv`.
  public static let entryHeader = [
    "id", "date", "energy", "energized", "drained", "starred", "private", "text", "created_at",
    "updated_at",
  ]

  public static func entryRow(_ entry: Entry) -> String {
    row([
      String(entry.id), entry.day.iso, entry.energy.map(String.init) ?? "",
      entry.tags.filter { $0.mark == .energized }.map(\.name).joined(separator: ";"),
      entry.tags.filter { $0.mark == .drained }.map(\.name).joined(separator: ";"),
      entry.isStarred ? "1" : "0", entry.isPrivate ? "1" : "0", neutralised(entry.text),
      entry.createdAt.iso, entry.updatedAt.iso,
    ])
  }
}
