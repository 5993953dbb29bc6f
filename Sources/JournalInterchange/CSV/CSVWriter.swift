import JournalCore

/// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled.
public enum CSV {
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
      entry.isStarred ? "1" : "0", entry.isPrivate ? "1" : "0", entry.text, entry.createdAt.iso,
      entry.updatedAt.iso,
    ])
  }
}
