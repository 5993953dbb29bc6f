/// A moment the journal recorded: ISO 8601 UTC text to the second, as SQLite's
/// `strftime('%Y-%m-%dT%H:%M:%SZ', 'now')` writes it (`2026-11-23T09:14:02Z`).
///
/// The text is kept byte for byte as it was stored or imported, so an export gives back the
/// very bytes an import read. Two timestamps in that format order as their moments do.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The text as stored.
  public let iso: String

  /// A timestamp holding `iso` exactly as given.
  ///
  /// - Parameter iso: Stored text, normally `yyyy-MM-ddTHH:mm:ssZ`.
  public init(iso: String) {
    self.iso = iso
  }

  /// The timestamp a file recorded, or `nil` when it recorded none: an absent field and an
  /// empty one both mean "not recorded" (the import's own time is used instead).
  ///
  /// - Parameter text: The field's text, if any.
  public init?(recorded text: String?) {
    guard let text, !text.isEmpty else { return nil }
    self.iso = text
  }

  /// The stored text.
  public var description: String { iso }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.iso < rhs.iso }
}
