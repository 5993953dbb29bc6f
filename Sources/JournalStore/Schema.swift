/// The journal's schema: the numbered migrations from `Schema/`, compiled into the binary by
/// `scripts/generate-schema` (see `Schema+Generated.swift`).
public enum Schema {
  /// One migration: a file of plain SQL, never edited once shipped.
  public struct Migration: Sendable, Equatable {
    /// The file name without `.sql`, such as `0001_initial`.
    public let id: String
    /// The SQL text, run in one transaction.
    public let sql: String
  }

  /// The migrations this binary knows, oldest first.
  public static var all: [Migration] { migrations }

  /// The schema version of a fully migrated journal, kept in `PRAGMA user_version`.
  public static var currentVersion: Int { migrations.count }

  /// The tags every new journal starts with (`0001_initial.sql` inserts them; a test checks the
  /// two agree).
  public static let builtInTags: [String] = [
    "architecture", "coaching", "conflict-resolution", "deep-work", "delivery", "mentoring",
  ]

  /// `PRAGMA application_id` of a career journal ('CJRN'), set by the first migration.
  public static let applicationID: Int64 = 1_128_944_206
}
