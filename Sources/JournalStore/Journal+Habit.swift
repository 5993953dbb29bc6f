import JournalCore

extension Journal {
  /// The distinct days with a live entry, on or before `last`, ascending: every one of them,
  /// for the longest run of `journal status`. Read from the `entryByDay` index alone.
  ///
  /// - Parameter last: The last day.
  /// - Returns: The days.
  /// - Throws: `StoreError` on a SQLite failure or a corrupt day.
  public func entryDays(through last: Day) throws(StoreError) -> [Day] {
    // A skip scan: one index seek per distinct day (the next day after the one before), not
    // a walk over every entry as SELECT DISTINCT does. On a 1,000,000-entry century, 36,500
    // seeks take 32 ms in the sqlite3 tool against 72 ms for SELECT DISTINCT (BENCHMARKS.md).
    let statement = try db.prepare(
      """
      WITH RECURSIVE entryDay(day) AS (
        SELECT (SELECT day FROM entry INDEXED BY entryByDay
          WHERE deletedAt IS NULL AND day <= ?1 ORDER BY day LIMIT 1)
        UNION ALL
        SELECT (SELECT e.day FROM entry e INDEXED BY entryByDay
          WHERE e.deletedAt IS NULL AND e.day > entryDay.day AND e.day <= ?1
          ORDER BY e.day LIMIT 1)
        FROM entryDay WHERE entryDay.day IS NOT NULL)
      SELECT day FROM entryDay WHERE day IS NOT NULL
      """)
    try statement.bind([.day(last)])
    defer { statement.reset() }
    var days: [Day] = []
    while try statement.step() {
      days.append(try statement.decodeDay("day", of: "entry"))
    }
    return days
  }

  /// The distinct days with a live entry from `first` through `last`, and the latest day with
  /// one on or before `last` (which may be earlier than `first`), in one read transaction:
  /// what the short `journal status --prompt` needs, a few index pages whatever the size of
  /// the journal.
  ///
  /// - Parameters:
  ///   - first: The first day of the window.
  ///   - last: The last day of the window.
  /// - Returns: The days, ascending, the latest one included.
  /// - Throws: `StoreError` on a SQLite failure or a corrupt day.
  public func recentEntryDays(from first: Day, through last: Day) throws(StoreError) -> [Day] {
    try reading { () throws(StoreError) -> [Day] in
      let latest = try db.prepare(
        """
        SELECT day FROM entry INDEXED BY entryByDay
        WHERE deletedAt IS NULL AND day <= ? ORDER BY day DESC LIMIT 1
        """)
      try latest.bind([.day(last)])
      defer { latest.reset() }
      guard try latest.step() else { return [] }
      let lastDay = try latest.decodeDay("day", of: "entry")
      guard lastDay >= first else { return [lastDay] }
      let window = try db.prepare(
        """
        SELECT DISTINCT day FROM entry INDEXED BY entryByDay
        WHERE deletedAt IS NULL AND day BETWEEN ? AND ? ORDER BY day
        """)
      try window.bind([.day(first), .day(last)])
      defer { window.reset() }
      var days: [Day] = []
      while try window.step() {
        days.append(try window.decodeDay("day", of: "entry"))
      }
      return days
    }
  }
}
