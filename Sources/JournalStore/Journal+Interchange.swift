import CSQLite
import JournalCore

/// A tag as export and import carry it: everything but the counts.
public struct TagRecord: Hashable, Sendable {
  /// The canonical name.
  public var name: String
  /// The track it speaks for.
  public var track: Track
  /// What it covers.
  public var description: String
  /// When it was created; `nil` means now.
  public var createdAt: Timestamp?

  /// Creates a tag record.
  ///
  /// - Parameters:
  ///   - name: The canonical name.
  ///   - track: The track.
  ///   - description: What it covers.
  ///   - createdAt: When it was created.
  public init(name: String, track: Track, description: String, createdAt: Timestamp? = nil) {
    self.name = name
    self.track = track
    self.description = description
    self.createdAt = createdAt
  }
}

/// Everything export and import carry about an experiment.
public struct ExperimentRecord: Hashable, Sendable {
  /// The experiment.
  public var experiment: Experiment
  /// Its stable identifier.
  public var uuid: String
  /// When it was started; `nil` means now.
  public var createdAt: Timestamp?
  /// When it was last changed; `nil` means now.
  public var updatedAt: Timestamp?

  /// Creates an experiment record.
  ///
  /// - Parameters:
  ///   - experiment: The experiment.
  ///   - uuid: Its stable identifier.
  ///   - createdAt: When it was started.
  ///   - updatedAt: When it was last changed.
  public init(experiment: Experiment, uuid: String, createdAt: Timestamp?, updatedAt: Timestamp?) {
    self.experiment = experiment
    self.uuid = uuid
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }
}

/// Everything export and import carry about a role.
public struct RoleRecord: Hashable, Sendable {
  /// The role.
  public var role: Role
  /// Its stable identifier.
  public var uuid: String
  /// When it was recorded; `nil` means now.
  public var createdAt: Timestamp?
  /// When it was last changed; `nil` means now.
  public var updatedAt: Timestamp?

  /// Creates a role record.
  ///
  /// - Parameters:
  ///   - role: The role.
  ///   - uuid: Its stable identifier.
  ///   - createdAt: When it was recorded.
  ///   - updatedAt: When it was last changed.
  public init(role: Role, uuid: String, createdAt: Timestamp?, updatedAt: Timestamp?) {
    self.role = role
    self.uuid = uuid
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }
}

/// Everything export and import carry about a reflection.
public struct ReflectionRecord: Hashable, Sendable {
  /// The reflection.
  public var reflection: Reflection
  /// Its stable identifier.
  public var uuid: String
  /// When it was written; `nil` means now.
  public var createdAt: Timestamp?

  /// Creates a reflection record.
  ///
  /// - Parameters:
  ///   - reflection: The reflection.
  ///   - uuid: Its stable identifier.
  ///   - createdAt: When it was written.
  public init(reflection: Reflection, uuid: String, createdAt: Timestamp?) {
    self.reflection = reflection
    self.uuid = uuid
    self.createdAt = createdAt
  }
}

extension Journal {
  // MARK: - Export

  /// Every tag with its creation time, by name.
  ///
  /// - Returns: The tags.
  /// - Throws: `StoreError` on a SQLite failure.
  public func tagRecords() throws(StoreError) -> [TagRecord] {
    var records: [TagRecord] = []
    try db.prepare("SELECT name, track, description, createdAt FROM tag ORDER BY name").forEachRow {
      (row) throws(StoreError) in
      records.append(
        TagRecord(
          name: row.text("name"), track: try row.decode("track", of: "tag", Track.init(rawValue:)),
          description: row.text("description"),
          createdAt: Timestamp(iso: row.text("createdAt"))))
    }
    return records
  }

  /// Every entry, by id (the export order) or by day, read one at a time.
  ///
  /// - Parameters:
  ///   - since: The first day included.
  ///   - until: The last day included.
  ///   - includeDeleted: Whether deleted entries are included.
  ///   - chronological: Order by day, then id, instead of by id.
  /// - Returns: A cursor over the entries.
  /// - Throws: `StoreError` on a SQLite failure.
  public func storedEntries(
    since: Day? = nil, until: Day? = nil, includeDeleted: Bool = true, chronological: Bool = false
  ) throws(StoreError) -> EntryCursor {
    EntryCursor(
      entries: try storedEntriesStatement(
        since: since, until: until, includeDeleted: includeDeleted, chronological: chronological))
  }

  /// The entries of ``storedEntries(since:until:includeDeleted:chronological:)``, as
  /// ``EntryRows`` read in place: for export, which writes them without making an ``Entry``
  /// of each.
  ///
  /// - Parameters:
  ///   - since: The first day included.
  ///   - until: The last day included.
  ///   - includeDeleted: Whether deleted entries are included.
  ///   - chronological: Order by day, then id, instead of by id.
  /// - Returns: The rows.
  /// - Throws: `StoreError` on a SQLite failure.
  public func entryRows(
    since: Day? = nil, until: Day? = nil, includeDeleted: Bool = true, chronological: Bool = false
  ) throws(StoreError) -> EntryRows {
    EntryRows(
      entries: try storedEntriesStatement(
        since: since, until: until, includeDeleted: includeDeleted, chronological: chronological))
  }

  private func storedEntriesStatement(
    since: Day?, until: Day?, includeDeleted: Bool, chronological: Bool
  ) throws(StoreError) -> Statement {
    var conditions = includeDeleted ? ["1"] : ["e.deletedAt IS NULL"]
    var values: [Statement.Value] = []
    if let since {
      conditions.append("e.day >= ?")
      values.append(.day(since))
    }
    if let until {
      conditions.append("e.day <= ?")
      values.append(.day(until))
    }
    let statement = try db.prepare(
      Self.entrySelect + " WHERE " + conditions.joined(separator: " AND ")
        + (chronological ? " ORDER BY e.day, e.id" : " ORDER BY e.id")
    )
    try statement.bind(values)
    return statement
  }

  /// Every experiment with its identifiers and timestamps, by id.
  ///
  /// - Returns: The records.
  /// - Throws: `StoreError` on a SQLite failure.
  public func experimentRecords() throws(StoreError) -> [ExperimentRecord] {
    var records: [ExperimentRecord] = []
    try db.prepare(
      """
      SELECT id, title, track, hypothesis, startDay, plannedWeeks, endDay, outcome, uuid,
        createdAt, updatedAt
      FROM experiment ORDER BY id
      """
    ).forEachRow { (row) throws(StoreError) in
      records.append(
        ExperimentRecord(
          experiment: try Self.experiment(from: row), uuid: row.text("uuid"),
          createdAt: Timestamp(iso: row.text("createdAt")),
          updatedAt: Timestamp(iso: row.text("updatedAt"))))
    }
    return records
  }

  /// Every role with its identifiers, the earliest start first.
  ///
  /// - Returns: The records.
  /// - Throws: `StoreError` on a SQLite failure or a corrupt row.
  public func roleRecords() throws(StoreError) -> [RoleRecord] {
    var records: [RoleRecord] = []
    try db.prepare(
      "SELECT id, name, track, startDay, uuid, createdAt, updatedAt FROM role ORDER BY startDay, id"
    ).forEachRow { (row) throws(StoreError) in
      records.append(
        RoleRecord(
          role: try Self.role(from: row), uuid: row.text("uuid"),
          createdAt: Timestamp(iso: row.text("createdAt")),
          updatedAt: Timestamp(iso: row.text("updatedAt"))))
    }
    return records
  }

  /// Every reflection with its identifiers, by id.
  ///
  /// - Returns: The records.
  /// - Throws: `StoreError` on a SQLite failure.
  public func reflectionRecords() throws(StoreError) -> [ReflectionRecord] {
    var records: [ReflectionRecord] = []
    try db.prepare(
      "SELECT id, day, fiveYears, motives, note, uuid, createdAt FROM reflection ORDER BY id"
    ).forEachRow { (row) throws(StoreError) in
      records.append(
        ReflectionRecord(
          reflection: try Self.reflection(from: row), uuid: row.text("uuid"),
          createdAt: Timestamp(iso: row.text("createdAt"))))
    }
    for index in records.indices {
      records[index].reflection = try withAnswers(records[index].reflection)
    }
    return records
  }

  // MARK: - Import

  /// Runs `body` with an ``Importer`` inside one transaction: everything it adds is committed
  /// together, or nothing is when it throws (or when `dryRun` is set).
  ///
  /// - Parameters:
  ///   - dryRun: Roll back at the end, whatever happens.
  ///   - body: The import.
  /// - Returns: What `body` returns.
  /// - Throws: What `body` throws, or `StoreError`.
  public func importing<T>(dryRun: Bool = false, _ body: (Importer) throws -> T) throws -> T {
    try inImportTransaction(dryRun: dryRun) { importer in Result { try body(importer) } }.get()
  }

  /// ``importing(dryRun:_:)`` for a body that throws only `StoreError`, so that the call does
  /// too (a bulk load of the store's own values).
  ///
  /// - Parameters:
  ///   - dryRun: Roll back at the end, whatever happens.
  ///   - body: The import.
  /// - Returns: What `body` returns.
  /// - Throws: `StoreError`.
  public func importing<T>(dryRun: Bool = false, _ body: (Importer) throws(StoreError) -> T)
    throws(StoreError) -> T
  {
    try inImportTransaction(dryRun: dryRun) { importer in
      Result { () throws(StoreError) -> T in try body(importer) }
    }.get()
  }

  /// The transaction both `importing` functions share: `body`'s failure rolls it back and is
  /// handed back as it was thrown; the store's own failures throw.
  private func inImportTransaction<T, Failure: Error>(
    dryRun: Bool, _ body: (Importer) -> Result<T, Failure>
  ) throws(StoreError) -> Result<T, Failure> {
    try db.execute("BEGIN IMMEDIATE")
    do {
      try beginBulkLoad()
      let importer = try Importer(journal: self, now: try currentTime())
      let outcome = body(importer)
      guard case .success = outcome else {
        try? db.execute("ROLLBACK")
        return outcome
      }
      let added = try importer.finishEntries().added
      try endBulkLoad(rollup: importer.rollup)
      try db.execute(dryRun ? "ROLLBACK" : "COMMIT")
      // A journal whose entries all came in this load (an import into a new journal, the
      // demo's, the journals `scripts/bench` generates) is packed: rows inserted one at a time
      // leave index pages about 87% full, and `VACUUM` rebuilds each index sorted and full.
      // The benchmark's 1,000,000 entries: 456.7 -> 442.0 bytes per entry, about 3 s more
      // than the 14 s load; an import of 100,000 jrnl entries: 59.3 -> 53.2 MB (with 8 KiB
      // pages), 1.34 -> 1.40 s (2026-11-30). A journal kept by `add` is not packed this way.
      // `VACUUM` goes through the WAL and a temporary copy: for a moment it needs about twice
      // the file's size free on disk, and without it fails and leaves the journal as it was.
      if importer.startedEmpty && added > 0 && !dryRun { vacuum() }
      return outcome
    } catch {
      try? db.execute("ROLLBACK")
      throw error
    }
  }

  /// SQLite's clock, ISO 8601 UTC to the second, as the schema's defaults write it.
  private func currentTime() throws(StoreError) -> Timestamp {
    let sql = "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
    guard let time = try db.prepare(sql).firstText() else {
      throw .sqlite(code: SQLITE_ERROR, message: "no current time", sql: sql)
    }
    return Timestamp(iso: time)
  }

  /// Inside a transaction: stop indexing and rolling up entries row by row (see
  /// `0004_bulk_search_index.sql`) and start remembering which ones to do at the end.
  func beginBulkLoad() throws(StoreError) {
    try db.execute(
      """
      INSERT INTO bulkLoad (active) VALUES (1);
      CREATE TEMP TABLE IF NOT EXISTS bulkLoaded (id INTEGER PRIMARY KEY);
      DELETE FROM temp.bulkLoaded;
      """)
  }

  /// Indexes the text of every entry of the bulk load in one statement, adds the marks the
  /// importer summed by week and tag to the rollup, and goes back to doing both row by row.
  func endBulkLoad(rollup: [WeekTagKey: WeekTagCounts]) throws(StoreError) {
    try db.execute(
      """
      INSERT INTO entryText (rowid, text)
        SELECT e.id, e.text FROM temp.bulkLoaded b CROSS JOIN entry e ON e.id = b.id;
      DELETE FROM temp.bulkLoaded;
      """)
    let add = try db.prepare(
      """
      INSERT INTO weekTag (week, tagId, energized, drained, unmarked, energySum, energyCount)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (week, tagId) DO UPDATE SET
        energized = energized + excluded.energized,
        drained = drained + excluded.drained,
        unmarked = unmarked + excluded.unmarked,
        energySum = energySum + excluded.energySum,
        energyCount = energyCount + excluded.energyCount
      """)
    for (key, counts) in rollup.sorted(by: { $0.key < $1.key }) {  // in the table's order
      try add.run([
        .text(key.week), .integer(key.tagID), .integer(counts.energized),
        .integer(counts.drained), .integer(counts.unmarked), .integer(counts.energySum),
        .integer(counts.energyCount),
      ])
    }
    try db.execute("DELETE FROM bulkLoad")
  }

  /// A row of the weekly rollup: the Monday of the week, and the tag.
  struct WeekTagKey: Hashable, Comparable {
    let week: String
    let tagID: Int64

    static func < (lhs: Self, rhs: Self) -> Bool {
      (lhs.week, lhs.tagID) < (rhs.week, rhs.tagID)
    }
  }

  /// What a set of marks adds to a row of the rollup (the columns of `weekTag`).
  struct WeekTagCounts {
    var energized: Int64 = 0
    var drained: Int64 = 0
    var unmarked: Int64 = 0
    var energySum: Int64 = 0
    var energyCount: Int64 = 0

    /// Adds one mark on an entry with `energy`; `weekTagAfterMarkInsert` adds the same.
    mutating func add(mark: Mark, energy: Int?) {
      switch mark {
      case .energized: energized += 1
      case .drained: drained += 1
      case .logged: unmarked += 1
      }
      energySum += Int64(energy ?? 0)
      energyCount += energy == nil ? 0 : 1
    }
  }

  /// Writes imported records; only available inside ``Journal/importing(dryRun:_:)``.
  ///
  /// Entries are written in batches of ``batchSize``: one statement inserts a batch, one its
  /// marks, one notes it for the final indexing. Per-row statements cost most of an import's
  /// time (each opens and closes a statement savepoint), so this makes 100,000 entries take
  /// seconds, not minutes.
  public final class Importer {
    let journal: Journal
    private var tagIDs: [String: Int64] = [:]
    private var pending: [ImportedEntry] = []
    private var added = 0
    private var duplicates = 0
    /// The marks of the live entries added so far, summed by week and tag. The rollup takes
    /// them in one pass at the end: a GROUP BY over the new marks took 0.9 s of a
    /// 100,000-entry import, this takes a dictionary update per mark.
    fileprivate(set) var rollup: [WeekTagKey: WeekTagCounts] = [:]

    /// Entries written per statement.
    static let batchSize = 200

    /// The moment of the import: the creation time of entries that bring none. Read once, not
    /// computed by SQLite for every row (3% of an import).
    private let now: Timestamp

    /// Whether the journal had no entries at all (deleted ones included) when the import
    /// began: a new journal.
    public let startedEmpty: Bool

    init(journal: Journal, now: Timestamp) throws(StoreError) {
      self.journal = journal
      self.now = now
      startedEmpty = try journal.db.prepare("SELECT EXISTS (SELECT 1 FROM entry)").scalarInt() == 0
    }

    private var db: Connection { journal.db }

    /// Whether a tag exists (case-insensitively).
    ///
    /// - Parameter name: The tag.
    /// - Returns: `true` when it exists.
    /// - Throws: `StoreError` on a SQLite failure.
    public func hasTag(_ name: String) throws(StoreError) -> Bool {
      try tagID(name) != nil
    }

    private func tagID(_ name: String) throws(StoreError) -> Int64? {
      if let id = tagIDs[name] { return id }  // names come normalized: lowercase already
      let key = name.lowercased()
      if let id = tagIDs[key] { return id }
      let id = try db.cached("SELECT id FROM tag WHERE name = ?").scalarInt([.text(key)])
      if let id { tagIDs[key] = id }
      return id
    }

    /// Makes the journal's tags exactly `tags` (for an import into a new journal, so that the
    /// round trip is lossless): missing ones are created, existing ones take the record's
    /// track, description and creation time, and others are removed.
    ///
    /// - Parameter tags: The tags of the file.
    /// - Throws: `StoreError.invalidTagName` or a SQLite failure.
    public func restoreTags(_ tags: [TagRecord]) throws(StoreError) {
      try finishEntries()
      for tag in tags { try upsertTag(tag, replacing: true) }
      let keep = Set(tags.map { $0.name.lowercased() })
      var remove: [String] = []
      try db.prepare("SELECT name FROM tag").forEachRow { (row) throws(StoreError) in
        let name = row.text("name")
        if !keep.contains(name.lowercased()) { remove.append(name) }
      }
      let delete = try db.prepare("DELETE FROM tag WHERE name = ?")
      for name in remove { try delete.run([.text(name)]) }
      tagIDs.removeAll()
    }

    /// Creates `tag` unless a tag of that name exists (which keeps its own settings).
    ///
    /// - Parameter tag: The tag.
    /// - Throws: `StoreError.invalidTagName` or a SQLite failure.
    public func ensureTag(_ tag: TagRecord) throws(StoreError) {
      try upsertTag(tag, replacing: false)
    }

    private func upsertTag(_ tag: TagRecord, replacing: Bool) throws(StoreError) {
      guard let name = TagName.normalize(tag.name) else { throw .invalidTagName(tag.name) }
      if try hasTag(name) {
        guard replacing else { return }
        try db.cached(
          """
          UPDATE tag SET track = ?, description = ?, createdAt = coalesce(?, createdAt)
          WHERE name = ?
          """
        ).run([
          .text(tag.track.rawValue), .text(tag.description),
          tag.createdAt.map { .text($0.iso) } ?? .null, .text(name),
        ])
      } else {
        try db.cached(
          """
          INSERT INTO tag (name, track, description, createdAt)
          VALUES (?, ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))
          """
        ).run([
          .text(name), .text(tag.track.rawValue), .text(tag.description),
          tag.createdAt.map { .text($0.iso) } ?? .null,
        ])
        tagIDs[name] = db.lastInsertedRowID
      }
    }

    /// Adds an imported entry unless one with its `uuid` exists (a duplicate). Its id is kept
    /// when free, else a new one is given; missing timestamps mean now. Its tags must exist.
    /// Entries are written in batches; ``finishEntries()`` writes the last one.
    ///
    /// - Parameter entry: The entry, with its uuid.
    /// - Throws: `StoreError.unknownTag` or a SQLite failure.
    public func insertEntry(_ entry: ImportedEntry) throws(StoreError) {
      for tag in entry.values.tags where try tagID(tag.name) == nil {
        _ = try journal.resolveTags([tag.name])  // throws .unknownTag with a suggestion
      }
      pending.append(entry)
      if pending.count >= Self.batchSize { try flush() }
    }

    /// Writes the entries still pending.
    ///
    /// - Returns: How many entries were added and how many were duplicates, so far.
    /// - Throws: `StoreError` on a SQLite failure.
    @discardableResult
    public func finishEntries() throws(StoreError) -> (added: Int, duplicates: Int) {
      try flush()
      return (added, duplicates)
    }

    private func flush() throws(StoreError) {
      guard !pending.isEmpty else { return }
      var batch = pending
      pending.removeAll(keepingCapacity: true)
      // Keep each entry's own id where it is free (a restore into a new journal), else let
      // SQLite choose one.
      let wanted = Set(batch.compactMap(\.wantedID))
      var taken: Set<Int64> = []
      if !wanted.isEmpty {
        let list = wanted.map(String.init).joined(separator: ",")
        try db.prepare("SELECT id FROM entry WHERE id IN (\(list))").forEachRow {
          (row) throws(StoreError) in
          taken.insert(row.int("id"))
        }
      }
      // Decide which rows keep their id, then put those first: a row left to SQLite gets the
      // largest id plus one, which must not be an id a later row of the statement asks for.
      var kept: Set<Int> = []
      for (index, entry) in batch.enumerated() {
        guard let id = entry.wantedID, !taken.contains(id) else { continue }
        taken.insert(id)
        kept.insert(index)
      }
      let order =
        batch.indices.filter { kept.contains($0) } + batch.indices.filter { !kept.contains($0) }
      batch = order.map { batch[$0] }
      let keepsID = order.map { kept.contains($0) }
      let row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      var values: [Statement.Value] = []
      values.reserveCapacity(batch.count * 10)
      for (entry, keepID) in zip(batch, keepsID) {
        values += [
          keepID ? entry.wantedID.map { .integer($0) } ?? .null : .null,
          CompactText.uuid(entry.uuid),
          .day(entry.values.day),
          .text(entry.values.text), Journal.optional(entry.values.energy),
          .integer(entry.values.isStarred ? 1 : 0),
          .integer(entry.values.isPrivate ? 1 : 0),
          CompactText.timestamp(entry.createdAt ?? now),
          // NULL while unchanged since created, as `entry` keeps it (migration 0009).
          (entry.updatedAt ?? now) == (entry.createdAt ?? now)
            ? .null : CompactText.timestamp(entry.updatedAt ?? now),
          entry.deletedAt.map(CompactText.timestamp) ?? .null,
        ]
      }
      let sql = """
        INSERT INTO entry (id, uuid, day, text, energy, isStarred, isPrivate, createdAt,
          updatedAt, deletedAt)
        VALUES \(Array(repeating: row, count: batch.count).joined(separator: ", "))
        ON CONFLICT (uuid) DO NOTHING
        RETURNING id, uuid
        """
      // Only full batches repeat; the last one is prepared once.
      let insert = batch.count == Self.batchSize ? try db.cached(sql) : try db.prepare(sql)
      var ids: [String: Int64] = [:]
      let id = insert.column("id")
      let uuid = insert.column("uuid")
      try insert.forEachRow(values) { (row) throws(StoreError) in
        ids[row.compactText(uuid.index)] = row.int(id)
      }
      var marks: [Statement.Value] = []
      var inserted: [Statement.Value] = []
      for entry in batch {
        // A uuid seen twice in one batch is inserted once: the first claims it.
        guard let id = ids.removeValue(forKey: entry.uuid) else {
          duplicates += 1
          continue
        }
        added += 1
        inserted.append(.integer(id))
        // Only a live entry's marks count in its week, as in `weekTagAfterMarkInsert`.
        let week = entry.deletedAt == nil ? ISOWeek(containing: entry.values.day).start.iso : nil
        for tag in entry.values.tags {
          guard let tagID = try tagID(tag.name) else {
            throw .unknownTag(name: tag.name, suggestion: nil)
          }
          marks += [.integer(id), .integer(tagID), .integer(Int64(tag.mark.storedValue))]
          if let week {
            rollup[WeekTagKey(week: week, tagID: tagID), default: WeekTagCounts()].add(
              mark: tag.mark, energy: entry.values.energy)
          }
        }
      }
      try insertRows("INSERT INTO temp.bulkLoaded (id) VALUES ", row: "(?)", values: inserted)
      try insertRows(
        "INSERT INTO entryTag (entryId, tagId, mark) VALUES ", row: "(?, ?, ?)", values: marks)
    }

    /// Inserts rows of `row`'s shape, a hundred per statement. Full statements are cached; the
    /// last, shorter one is prepared once and dropped, so the cache holds one statement per
    /// table, not one per row count.
    private func insertRows(_ prefix: String, row: String, values: [Statement.Value])
      throws(StoreError)
    {
      let columns = row.filter { $0 == "?" }.count
      let chunk = 100 * columns
      var start = 0
      while start < values.count {
        let end = min(start + chunk, values.count)
        let rows = (end - start) / columns
        let sql = prefix + Array(repeating: row, count: rows).joined(separator: ", ")
        let statement = end - start == chunk ? try db.cached(sql) : try db.prepare(sql)
        try statement.run(Array(values[start..<end]))
        start = end
      }
    }

    /// Whether `table` (an experiment, role or reflection table) holds the record with `uuid`:
    /// an import adds each record once.
    private func has(_ table: StaticString, uuid: String) throws(StoreError) -> Bool {
      try db.cached("SELECT id FROM \(table) WHERE uuid = ?").scalarInt([.text(uuid)]) != nil
    }

    /// The id to insert a record of `table` with: its own when positive and still free, else
    /// NULL, and SQLite chooses (an id of 0 or less means "none").
    private func insertableID(_ id: Int64, in table: StaticString) throws(StoreError)
      -> Statement.Value
    {
      guard id > 0,
        try db.cached("SELECT id FROM \(table) WHERE id = ?").scalarInt([.integer(id)]) == nil
      else { return .null }
      return .integer(id)
    }

    /// Inserts an experiment unless one with its uuid exists.
    ///
    /// - Parameter record: The experiment.
    /// - Returns: `true` when it was added.
    /// - Throws: `StoreError` on a SQLite failure.
    @discardableResult
    public func insertExperiment(_ record: ExperimentRecord) throws(StoreError) -> Bool {
      guard try !has("experiment", uuid: record.uuid) else { return false }
      let experiment = record.experiment
      try db.cached(
        """
        INSERT INTO experiment (id, uuid, title, track, hypothesis, startDay, plannedWeeks, endDay,
          outcome, createdAt, updatedAt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
          coalesce(?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))
        """
      ).run([
        try insertableID(experiment.id, in: "experiment"), .text(record.uuid),
        .text(experiment.title),
        .text(experiment.track.rawValue), .text(experiment.hypothesis), .text(experiment.start.iso),
        .integer(Int64(experiment.plannedWeeks)), experiment.end.map { .text($0.iso) } ?? .null,
        experiment.outcome.map { .text($0) } ?? .null,
        record.createdAt.map { .text($0.iso) } ?? .null,
        record.updatedAt.map { .text($0.iso) } ?? .null,
      ])
      return true
    }

    /// Inserts a role unless one with its uuid exists.
    ///
    /// - Parameter record: The role.
    /// - Returns: `true` when it was added.
    /// - Throws: `StoreError.roleExists` when another role starts on its day (two roles never
    ///   start on the same day), or a SQLite failure.
    @discardableResult
    public func insertRole(_ record: RoleRecord) throws(StoreError) -> Bool {
      guard try !has("role", uuid: record.uuid) else { return false }
      let role = record.role
      if let other = try journal.roleStarting(on: role.start) {
        throw .roleExists(day: role.start.iso, id: other.id, name: other.name)
      }
      try db.cached(
        """
        INSERT INTO role (id, uuid, name, track, startDay, createdAt, updatedAt)
        VALUES (?, ?, ?, ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
          coalesce(?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))
        """
      ).run([
        try insertableID(role.id, in: "role"), .text(record.uuid), .text(role.name),
        .text(role.track.rawValue), .text(role.start.iso),
        record.createdAt.map { .text($0.iso) } ?? .null,
        record.updatedAt.map { .text($0.iso) } ?? .null,
      ])
      return true
    }

    /// Inserts a reflection unless one with its uuid exists.
    ///
    /// - Parameter record: The reflection.
    /// - Returns: `true` when it was added.
    /// - Throws: `StoreError` on a SQLite failure.
    @discardableResult
    public func insertReflection(_ record: ReflectionRecord) throws(StoreError) -> Bool {
      guard try !has("reflection", uuid: record.uuid) else { return false }
      let reflection = record.reflection
      try db.cached(
        """
        INSERT INTO reflection (id, uuid, day, fiveYears, motives, note, createdAt)
        VALUES (?, ?, ?, ?, ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))
        """
      ).run([
        try insertableID(reflection.id, in: "reflection"), .text(record.uuid),
        .text(reflection.day.iso),
        .text(reflection.fiveYears),
        .text(reflection.motives.map(\.rawValue).joined(separator: ",")),
        .text(reflection.note), record.createdAt.map { .text($0.iso) } ?? .null,
      ])
      try journal.insertAnswers(reflection.answers, reflection: db.lastInsertedRowID)
      return true
    }
  }
}
