import JournalCore

extension Journal {
  /// The weekly per-tag counts of the weeks of `window`, read from the rollup table the
  /// triggers keep exact: weeks × tags rows, however long the history.
  ///
  /// - Parameters:
  ///   - window: The weeks included.
  ///   - tags: Only these tags; empty means all.
  /// - Returns: One count per week and tag that has marks, oldest week first.
  /// - Throws: `StoreError.unknownTag` for a tag the journal lacks, or a SQLite failure.
  public func weeklyTagCounts(in window: WeekWindow, tags: [TagName] = [])
    throws(StoreError) -> [WeeklyTagCount]
  {
    var counts: [WeeklyTagCount] = []
    try forEachWeeklyTagCount(in: window, tags: tags) { counts.append($0) }
    return counts
  }

  /// ``weeklyTagCounts(in:tags:)`` handed to `body` one row at a time, oldest week first and
  /// by tag name within a week: over all history (tens of thousands of rows) no array of them
  /// is built (issue 16). Rows are checked for damage in batches before `body` sees them, so a
  /// damaged row throws before `body` sees any row of its batch.
  ///
  /// - Parameters:
  ///   - window: The weeks included.
  ///   - tags: Only these tags; empty means all.
  ///   - body: Called with each row.
  /// - Throws: `StoreError.unknownTag` for a tag the journal lacks, `StoreError.damagedCounts`
  ///   for a count no trigger could have written, or a SQLite failure.
  public func forEachWeeklyTagCount(
    in window: WeekWindow, tags: [TagName] = [], _ body: (WeeklyTagCount) -> Void
  ) throws(StoreError) {
    var sql = """
      SELECT w.week AS week, w.tagId AS tagId, t.name AS name, t.track AS track,
        w.energized AS energized,
        w.drained AS drained, w.energySum AS energySum, w.energyCount AS energyCount
      FROM weekTag w JOIN tag t ON t.id = w.tagId
      WHERE w.week BETWEEN ? AND ?
      """
    var values: [Statement.Value] = [.text(window.first.start.iso), .text(window.last.start.iso)]
    try restrict(&sql, &values, column: "w.tagId", to: tags)
    sql += " ORDER BY w.week, t.name"
    let statement = try db.prepare(sql)
    // Columns resolved once: all history is tens of thousands of rows (issue 16).
    let (week, tagID, name, track) = (
      statement.column("week"), statement.column("tagId"), statement.column("name"),
      statement.column("track")
    )
    let (energized, drained) = (statement.column("energized"), statement.column("drained"))
    let (energySum, energyCount) = (
      statement.column("energySum"), statement.column("energyCount")
    )
    // A week's rows share its day: parsed once per week, not once per row. A tag's name and
    // track are read from its first row only: over all history a name made and a track
    // matched per row were 16 million of 459 million instructions (callgrind, 2026-11-30).
    var tagsSeen: [Int64: (name: String, track: Track)] = [:]
    var lastDay: [UInt8]?
    var lastWeek = window.first
    var batch: [WeeklyTagCount] = []
    batch.reserveCapacity(256)
    func flush() throws(StoreError) {
      for count in try Self.checked(batch) { body(count) }
      batch.removeAll(keepingCapacity: true)
    }
    try statement.forEachRow(values) { (row) throws(StoreError) in
      if !row.withBytes(week.index, { lastDay?.elementsEqual($0) == true }) {
        lastWeek = ISOWeek(containing: try row.decode(week, of: "weekTag", Day.init(iso:)))
        lastDay = row.withBytes(week.index) { Array($0) }
      }
      let id = row.int(tagID)
      let tag: (name: String, track: Track)
      if let seen = tagsSeen[id] {
        tag = seen
      } else {
        tag = (row.text(name), try row.decode(track, of: "tag", Track.init(rawValue:)))
        tagsSeen[id] = tag
      }
      batch.append(
        WeeklyTagCount(
          week: lastWeek, tag: tag.name, track: tag.track,
          energized: Int(row.int(energized)), drained: Int(row.int(drained)),
          energySum: Int(row.int(energySum)), energyCount: Int(row.int(energyCount))))
      if batch.count == 256 { try flush() }
    }
    try flush()
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

  /// The marks behind the weekly counts of the weeks of `window`, by day, through the day
  /// index (never a scan of the whole history).
  ///
  /// - Parameters:
  ///   - window: The weeks included.
  ///   - tags: Only these tags; empty means all.
  /// - Returns: A cursor over the marks.
  /// - Throws: `StoreError.unknownTag` for a tag the journal lacks, or a SQLite failure.
  public func marks(in window: WeekWindow, tags: [TagName] = [])
    throws(StoreError) -> RowCursor<MarkReference>
  {
    var sql = """
      SELECT e.id AS id, e.day AS day, t.name AS name, et.mark AS mark
      FROM entry e JOIN entryTag et ON et.entryId = e.id JOIN tag t ON t.id = et.tagId
      WHERE e.deletedAt IS NULL AND e.day BETWEEN ? AND ? AND et.mark != 0
      """
    var values: [Statement.Value] = [.day(window.firstDay), .day(window.lastDay)]
    try restrict(&sql, &values, column: "et.tagId", to: tags)
    sql += " ORDER BY e.day, e.id, t.name"
    let statement = try db.prepare(sql)
    try statement.bind(values)
    let (id, day, name, mark) = (
      statement.column("id"), statement.column("day"), statement.column("name"),
      statement.column("mark")
    )
    return RowCursor(statement) { (row) throws(StoreError) in
      MarkReference(
        entryID: row.int(id), day: try row.decodeDay(day, of: "entry"),
        tag: row.text(name),
        mark: try row.decode(mark, of: "entryTag") { Int($0).flatMap(Mark.init(storedValue:)) })
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
        SELECT date(2440587.5 + e.day, 'weekday 0', '-6 days') AS week, et.tagId AS tagId,
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
      SELECT DISTINCT d.week AS week, coalesce(t.name, d.tagId) AS tag FROM difference d
      LEFT JOIN tag t ON t.id = d.tagId ORDER BY 1, 2
      """
    ).forEachRow { (row) throws(StoreError) in
      mismatches.append(row.text("week") + " " + row.text("tag"))
    }
    return mismatches
  }
}

extension Journal {
  /// Adds ` AND column IN (…)` for the ids of `tags` to `sql` and its values; no tags, no
  /// condition.
  ///
  /// - Throws: `StoreError.unknownTag` for a tag the journal lacks, or a SQLite failure.
  fileprivate func restrict(
    _ sql: inout String, _ values: inout [Statement.Value], column: String, to tags: [TagName]
  ) throws(StoreError) {
    guard !tags.isEmpty else { return }
    let ids = try resolveTags(tags.map(\.text))
    sql +=
      " AND \(column) IN (" + Array(repeating: "?", count: ids.count).joined(separator: ", ") + ")"
    values += ids.map { .integer($0) }
  }
}
