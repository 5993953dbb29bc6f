import JournalCore

extension Journal {
  /// Runs `body`'s reads against one snapshot of the journal (a read transaction), so counts,
  /// trend and quotes read for one report agree even while another process adds an entry.
  ///
  /// - Parameter body: The reads.
  /// - Returns: What `body` returns.
  /// - Throws: What `body` throws, or `StoreError` on a SQLite failure.
  public func reading<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
    try db.readTransaction(body)
  }

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
    // Two counts, each from an index alone (`entryByDay`, `entryPrivateByDay`): summing
    // isPrivate in one count read every entry of the window from the table.
    let statement = try db.prepare(
      """
      SELECT
        (SELECT count(*) FROM entry INDEXED BY entryByDay
          WHERE deletedAt IS NULL AND day BETWEEN ?1 AND ?2),
        (SELECT count(*) FROM entry INDEXED BY entryPrivateByDay
          WHERE isPrivate = 1 AND deletedAt IS NULL AND day BETWEEN ?1 AND ?2)
      """)
    try statement.bind([.text(first.iso), .text(last.iso)])
    _ = try statement.step()
    return EntryCount(entries: Int(statement.int(0)), privateEntries: Int(statement.int(1)))
  }

  /// Calls `body` with the starred entries from `first` through `last` that may be quoted (never
  /// a private one), newest first, until it returns `false`: each entry is read only when its
  /// turn comes, so a dense window costs no more than the quotes it gives.
  ///
  /// - Parameters:
  ///   - first: The first day.
  ///   - last: The last day.
  ///   - limit: At most this many.
  ///   - body: Receives each entry; returns whether to go on.
  /// - Throws: `StoreError` on a SQLite failure.
  public func forEachQuotableHighlight(
    from first: Day, through last: Day, limit: Int, _ body: (Entry) -> Bool
  ) throws(StoreError) {
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
      guard body(try entry(id: id)) else { return }
    }
  }
}

extension Journal {
  /// The day of the journal's first live entry on or before `last`, or `nil` when there is
  /// none.
  ///
  /// - Parameter last: The last day.
  /// - Returns: The earliest day with an entry.
  /// - Throws: `StoreError` on a SQLite failure.
  public func firstEntryDay(through last: Day) throws(StoreError) -> Day? {
    let statement = try db.prepare(
      """
      SELECT day FROM entry INDEXED BY entryByDay
      WHERE deletedAt IS NULL AND day <= ? ORDER BY day, id LIMIT 1
      """)
    var found: Day?
    try statement.forEachRow([.text(last.iso)]) { (row) throws(StoreError) in
      found = Day(iso: row.text(0))
    }
    return found
  }

  /// The entries from `first` through `last` that can prove "`tag` energized you" (or drained
  /// you): starred entries where `tag` carries `mark`, never a private one; the highest overall
  /// energy first for `.energized` (the lowest for `.drained`), then the newest. Only starred
  /// entries are quoted, as the README promises: the star is the user's consent to quote.
  ///
  /// - Parameters:
  ///   - tag: The tag's name.
  ///   - mark: `.energized` or `.drained`.
  ///   - first: The first day.
  ///   - last: The last day.
  ///   - limit: At most this many.
  /// - Returns: The entries, best first.
  /// - Throws: `StoreError` on a SQLite failure.
  public func quotableEntries(
    tag: String, mark: Mark, from first: Day, through last: Day, limit: Int
  ) throws(StoreError) -> [Entry] {
    let ids = try db.prepare(
      """
      SELECT e.id FROM entry e INDEXED BY entryByDay
      JOIN entryTag et ON et.entryId = e.id
      JOIN tag t ON t.id = et.tagId
      WHERE e.deletedAt IS NULL AND e.isPrivate = 0 AND e.isStarred = 1
        AND e.day BETWEEN ?1 AND ?2
        AND t.name = ?3 AND et.mark = ?4
      ORDER BY e.isStarred DESC, e.energy IS NULL, e.energy * ?4 DESC, e.day DESC, e.id DESC
      LIMIT ?5
      """)
    var found: [Int64] = []
    try ids.forEachRow([
      .text(first.iso), .text(last.iso), .text(tag), .integer(mark == .drained ? -1 : 1),
      .integer(Int64(limit)),
    ]) { (row) throws(StoreError) in
      found.append(row.int(0))
    }
    var entries: [Entry] = []
    for id in found { entries.append(try entry(id: id)) }
    return entries
  }
}
