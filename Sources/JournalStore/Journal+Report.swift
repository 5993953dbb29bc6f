import JournalCore

extension Journal {
  /// How many live entries a period holds, and how many of them are private.
  public struct EntryCount: Hashable, Sendable {
    /// Live entries in the period.
    public let entries: Int
    /// Those marked private: counted in the figures, never quoted.
    public let privateEntries: Int
  }

  /// Counts the live entries from `first` through `last` through the day index.
  ///
  /// - Parameters:
  ///   - first: The first day.
  ///   - last: The last day.
  /// - Returns: The counts.
  /// - Throws: `StoreError` on a SQLite failure.
  public func entryCount(from first: Day, through last: Day) throws(StoreError) -> EntryCount {
    let statement = try db.prepare(
      """
      SELECT count(*), coalesce(sum(isPrivate), 0) FROM entry
      WHERE deletedAt IS NULL AND day BETWEEN ? AND ?
      """)
    try statement.bind([.text(first.iso), .text(last.iso)])
    _ = try statement.step()
    return EntryCount(entries: Int(statement.int(0)), privateEntries: Int(statement.int(1)))
  }

  /// The starred entries from `first` through `last` that may be quoted (never a private one),
  /// newest first.
  ///
  /// - Parameters:
  ///   - first: The first day.
  ///   - last: The last day.
  ///   - limit: At most this many.
  /// - Returns: The entries.
  /// - Throws: `StoreError` on a SQLite failure.
  public func quotableHighlights(from first: Day, through last: Day, limit: Int) throws(StoreError)
    -> [Entry]
  {
    var entries: [Entry] = []
    let ids = try db.prepare(
      """
      SELECT id FROM entry INDEXED BY entryStarredByDay
      WHERE isStarred = 1 AND deletedAt IS NULL AND isPrivate = 0 AND day BETWEEN ? AND ?
      ORDER BY day DESC, id DESC LIMIT ?
      """)
    var found: [Int64] = []
    try ids.forEachRow([.text(first.iso), .text(last.iso), .integer(Int64(limit))]) {
      (row) throws(StoreError) in
      found.append(row.int(0))
    }
    for id in found {
      entries.append(try entry(id: id))
    }
    return entries
  }
}
