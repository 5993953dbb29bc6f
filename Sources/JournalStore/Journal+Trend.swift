import JournalCore

extension Journal {
  /// The weekly per-tag counts from `first` through `last`, read from the rollup table the
  /// triggers keep exact: weeks × tags rows, however long the history.
  ///
  /// - Parameters:
  ///   - first: The first week included.
  ///   - last: The last week included.
  ///   - tags: Only these tags; empty means all.
  /// - Returns: One count per week and tag that has marks, oldest week first.
  /// - Throws: `StoreError.unknownTag` for a tag the journal lacks, or a SQLite failure.
  public func weeklyTagCounts(from first: ISOWeek, through last: ISOWeek, tags: [String] = [])
    throws(StoreError) -> [WeeklyTagCount]
  {
    var sql = """
      SELECT w.week, t.name, t.track, w.energized, w.drained, w.energySum, w.energyCount
      FROM weekTag w JOIN tag t ON t.id = w.tagId
      WHERE w.week BETWEEN ? AND ?
      """
    var values: [Statement.Value] = [.text(first.start.iso), .text(last.start.iso)]
    if !tags.isEmpty {
      let ids = try resolveTags(tags)
      sql +=
        " AND w.tagId IN (" + Array(repeating: "?", count: ids.count).joined(separator: ", ") + ")"
      values += ids.map { .integer($0) }
    }
    sql += " ORDER BY w.week, t.name"
    var counts: [WeeklyTagCount] = []
    try db.prepare(sql).forEachRow(values) { (row) throws(StoreError) in
      guard let day = Day(iso: row.text(0)) else { return }
      counts.append(
        WeeklyTagCount(
          week: ISOWeek(containing: day), tag: row.text(1),
          track: Track(rawValue: row.text(2)) ?? .neutral, energized: Int(row.int(3)),
          drained: Int(row.int(4)), energySum: Int(row.int(5)), energyCount: Int(row.int(6))))
    }
    return try Self.checked(counts)
  }

  /// One tag mark on a live entry, for `--explain`.
  public struct MarkReference: Hashable, Sendable {
    /// The entry's id.
    public let entryID: Int64
    /// The entry's day.
    public let day: Day
    /// The tag.
    public let tag: String
    /// How it felt.
    public let mark: Mark
  }

  /// The marks behind the weekly counts from `first` through `last`, by day, through the
  /// day index (never a scan of the whole history).
  ///
  /// - Parameters:
  ///   - first: The first week included.
  ///   - last: The last week included.
  ///   - tags: Only these tags; empty means all.
  ///   - body: Receives each mark.
  /// - Throws: `StoreError` on a SQLite failure.
  public func forEachMark(
    from first: ISOWeek, through last: ISOWeek, tags: [String] = [],
    _ body: (MarkReference) -> Void
  ) throws(StoreError) {
    var sql = """
      SELECT e.id, e.day, t.name, et.mark
      FROM entry e JOIN entryTag et ON et.entryId = e.id JOIN tag t ON t.id = et.tagId
      WHERE e.deletedAt IS NULL AND e.day BETWEEN ? AND ? AND et.mark != 0
      """
    var values: [Statement.Value] = [.text(first.start.iso), .text(last.end.iso)]
    if !tags.isEmpty {
      let ids = try resolveTags(tags)
      sql +=
        " AND et.tagId IN (" + Array(repeating: "?", count: ids.count).joined(separator: ", ") + ")"
      values += ids.map { .integer($0) }
    }
    sql += " ORDER BY e.day, e.id, t.name"
    try db.prepare(sql).forEachRow(values) { (row) throws(StoreError) in
      guard let day = Day(iso: row.text(1)), let mark = Mark(storedValue: Int(row.int(3))) else {
        return
      }
      body(MarkReference(entryID: row.int(0), day: day, tag: row.text(2), mark: mark))
    }
  }

  /// The weeks and tags where the rollup differs from a recomputation from the entries; empty
  /// when the rollup is exact. `journal doctor` and the tests use it.
  ///
  /// - Returns: `week tag` pairs that disagree.
  /// - Throws: `StoreError` on a SQLite failure.
  public func rollupMismatches() throws(StoreError) -> [String] {
    var mismatches: [String] = []
    try db.prepare(
      """
      WITH fresh AS (
        SELECT date(e.day, 'weekday 0', '-6 days') AS week, et.tagId AS tagId,
          sum(et.mark = 1) AS energized, sum(et.mark = -1) AS drained, sum(et.mark = 0) AS unmarked,
          sum(coalesce(e.energy, 0)) AS energySum, sum(e.energy IS NOT NULL) AS energyCount
        FROM entryTag et JOIN entry e ON e.id = et.entryId
        WHERE e.deletedAt IS NULL GROUP BY 1, 2
      ),
      stored AS (
        SELECT week, tagId, energized, drained, unmarked, energySum, energyCount FROM weekTag
      ),
      difference AS (
        SELECT * FROM (SELECT * FROM fresh EXCEPT SELECT * FROM stored)
        UNION
        SELECT * FROM (SELECT * FROM stored EXCEPT SELECT * FROM fresh)
      )
      SELECT DISTINCT d.week, coalesce(t.name, d.tagId) FROM difference d
      LEFT JOIN tag t ON t.id = d.tagId ORDER BY 1, 2
      """
    ).forEachRow { (row) throws(StoreError) in
      mismatches.append(row.text(0) + " " + row.text(1))
    }
    return mismatches
  }
}
