import JournalCore

extension Journal {
  /// How many live entries a period holds, and how many of them are private.
  public struct EntryCount: Hashable, Sendable {
    /// Live entries in the period.
    public let entries: Int
    /// Those marked private: counted in the figures, never quoted.
    public let privateEntries: Int
  }

  /// Counts the live entries of the days of `window` through the day index.
  ///
  /// - Parameter window: The weeks.
  /// - Returns: The counts.
  /// - Throws: `StoreError` on a SQLite failure.
  public func entryCount(in window: WeekWindow) throws(StoreError) -> EntryCount {
    // Two counts, each from an index alone (`entryByDay`, `entryPrivateByDay`): summing
    // isPrivate in one count read every entry of the window from the table.
    let statement = try db.prepare(
      """
      SELECT
        (SELECT count(*) FROM entry INDEXED BY entryByDay
          WHERE deletedAt IS NULL AND day BETWEEN ?1 AND ?2) AS entries,
        (SELECT count(*) FROM entry INDEXED BY entryPrivateByDay
          WHERE isPrivate = 1 AND deletedAt IS NULL AND day BETWEEN ?1 AND ?2) AS private
      """)
    try statement.bind([.text(window.firstDay.iso), .text(window.lastDay.iso)])
    defer { statement.reset() }
    _ = try statement.step()
    return EntryCount(
      entries: Int(statement.int("entries")), privateEntries: Int(statement.int("private")))
  }

  /// The starred entries of the days of `window` that may be quoted (never a private one),
  /// newest first: each entry is read only when its turn comes, so a dense window costs no more
  /// than the quotes the caller takes.
  ///
  /// - Parameters:
  ///   - window: The weeks.
  ///   - limit: At most this many.
  /// - Returns: A cursor over the entries.
  /// - Throws: `StoreError` on a SQLite failure.
  public func quotableHighlights(in window: WeekWindow, limit: Int)
    throws(StoreError) -> EntryCursor
  {
    let ids = try db.prepare(
      """
      SELECT id FROM entry INDEXED BY entryStarredByDay
      WHERE isStarred = 1 AND deletedAt IS NULL AND isPrivate = 0 AND day BETWEEN ? AND ?
      ORDER BY day DESC, id DESC LIMIT ?
      """)
    try ids.bind([.text(window.firstDay.iso), .text(window.lastDay.iso), .integer(Int64(limit))])
    return EntryCursor(ids: ids, fetch: try db.prepare(Self.entrySelect + " WHERE e.id = ?"))
  }
}
