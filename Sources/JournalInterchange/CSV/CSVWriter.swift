import JournalCore

/// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled.
public enum CSV {
  /// A row of fields, each quoted as needed (``field(_:)``): free text goes through
  /// ``neutralised(_:)`` first.
  public static func row(_ fields: [String]) -> String {
    var output: [UInt8] = []
    for (index, field) in fields.enumerated() {
      if index > 0 { output.append(0x2C) }
      appendField(field, to: &output)
    }
    return String(decoding: output, as: UTF8.self)
  }

  public static func field(_ value: String) -> String {
    var output: [UInt8] = []
    appendField(value, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends `value` as one field, as ``appendField(_:neutralising:to:)`` does.
  ///
  /// - Parameters:
  ///   - value: The field's text.
  ///   - neutralising: Neutralise it as free text first (``neutralised(_:)``).
  ///   - output: The bytes written so far.
  public static func appendField(
    _ value: String, neutralising: Bool = false, to output: inout [UInt8]
  ) {
    var value = value
    value.withUTF8 { appendField($0, neutralising: neutralising, to: &output) }
  }

  /// Appends valid UTF-8 `bytes` as one field: quoted when it holds a comma, a quote or a line
  /// break, each quote doubled. Byte by byte, for the streaming export (issue 16: walking
  /// `Character`s took 67% of `export --format csv`). A line break is a scalar that makes a
  /// `Character` a newline (`Character.isNewline`): LF, VT, FF, CR, and in UTF-8 NEL (C2 85),
  /// LINE SEPARATOR (E2 80 A8) and PARAGRAPH SEPARATOR (E2 80 A9). Scalars, not `Character`s:
  /// a combining mark after a comma or a quote (or a prepended format character before one)
  /// makes a grapheme cluster that is neither, yet a reader sees its bytes.
  ///
  /// - Parameters:
  ///   - bytes: Valid UTF-8.
  ///   - neutralising: Put a `'` in front when the text starts like a formula
  ///     (``neutralised(_:)``), inside the quotes.
  ///   - output: The bytes written so far.
  public static func appendField(
    _ bytes: UnsafeBufferPointer<UInt8>, neutralising: Bool = false, to output: inout [UInt8]
  ) {
    let quoted = needsQuotes(bytes)
    if quoted { output.append(0x22) }
    if neutralising && startsWithFormula(bytes) { output.append(0x27) }
    if quoted {
      var run = 0
      for index in bytes.indices where bytes[index] == 0x22 {
        // The quote ends this run and starts the next: written twice.
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...index]))
        run = index
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
      output.append(0x22)
    } else {
      output.append(contentsOf: bytes)
    }
  }

  /// Whether a field must be quoted: it holds a comma, a quote or a line break, or it starts
  /// with U+FEFF, which the reader takes for a byte-order mark when the field starts the file
  /// (`scripts/fuzz csv`, 2026-11-30: a record `[["\u{FEFF}"]]` read back as `[[""]]`).
  static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { return true }
    var index = 0
    while index < bytes.count {
      switch bytes[index] {
      case 0x2C, 0x22, 0x0A...0x0D: return true
      case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: return true
      case 0xE2
      where index + 2 < bytes.count && bytes[index + 1] == 0x80
        && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
        return true
      default: index += 1
      }
    }
    return false
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

  /// ``startsWithFormula(_:)`` on UTF-8: the characters it looks for, and `'`, are ASCII, so
  /// the first byte after the `'`s decides.
  static func startsWithFormula(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first(where: { $0 != 0x27 }) else { return false }
    switch first {
    case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: return true
    default: return false
    }
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
