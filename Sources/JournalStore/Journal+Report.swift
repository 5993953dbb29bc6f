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
    try statement.bind([.day(window.firstDay), .day(window.lastDay)])
    defer { statement.reset() }
    _ = try statement.step()
    return EntryCount(
      entries: Int(statement.int("entries")), privateEntries: Int(statement.int("private")))
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
    try statement.bind([.day(last)])
    defer { statement.reset() }
    guard try statement.step() else { return nil }
    return try statement.decodeDay("day", of: "entry")
  }

  /// The entries from `first` through `last` that can prove "`tag` energized you" (or drained
  /// you): starred entries where `tag` carries `mark`, never a private one; the highest overall
  /// energy first for `.energized` (the lowest for `.drained`), then the newest. Only starred
  /// entries are quoted, as the README promises: the star is the user's consent to quote.
  ///
  /// - Parameters:
  ///   - tag: The tag's name.
  ///   - mark: `.energized` or `.drained`.
  ///   - window: The weeks.
  ///   - limit: At most this many.
  /// - Returns: A cursor over the entries, best first; each is read when its turn comes.
  /// - Throws: `StoreError` on a SQLite failure.
  public func quotableEntries(tag: String, mark: Mark, in window: WeekWindow, limit: Int)
    throws(StoreError) -> EntryCursor
  {
    // Only starred entries are quoted: their own day index (live, starred) holds only them,
    // where the day index of all entries had every entry of the window read (a twentieth of
    // them starred in the benchmark's journal). `INDEXED BY` a partial index needs the query
    // to imply its WHERE: `isStarred = 1` and `deletedAt IS NULL` stay literal terms here.
    let ids = try db.prepare(
      """
      SELECT e.id FROM entry e INDEXED BY entryStarredByDay
      JOIN entryTag et ON et.entryId = e.id
      JOIN tag t ON t.id = et.tagId
      WHERE e.deletedAt IS NULL AND e.isPrivate = 0 AND e.isStarred = 1
        AND e.day BETWEEN ?1 AND ?2
        AND t.name = ?3 AND et.mark = ?4
      ORDER BY e.energy IS NULL, e.energy * ?4 DESC, e.day DESC, e.id DESC
      LIMIT ?5
      """)
    try ids.bind([
      .day(window.firstDay), .day(window.lastDay), .text(tag),
      .integer(mark == .drained ? -1 : 1), .integer(Int64(limit)),
    ])
    return EntryCursor(ids: ids, fetch: try db.prepare(Self.entrySelect + " WHERE e.id = ?"))
  }
}
