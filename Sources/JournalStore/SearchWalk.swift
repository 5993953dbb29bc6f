/// The ids of a walk down the day index (newest first) whose entries match a full-text query,
/// found a batch at a time: `list --search` for a word many entries contain.
///
/// Testing each entry of the walk with its own FTS5 lookup cost about 130 µs per entry on a
/// 1,000,000-entry journal (each lookup starts a new cursor on the word's whole doclist), and
/// reading every match to sort them costs what the history holds. Here the walk is read in
/// batches and one FTS5 query per batch, restricted to the batch's rowids, says which of them
/// match: the work per batch depends on the batch, not on the history (2026-11-30).
///
/// The first batch is matched by a ``BatchSearchIndex`` instead (ASCII texts in Swift, the
/// others by an FTS5 index of their own): FTS5 merges a prefix's doclists over the whole
/// journal for every query, so for a common word, which the first batch alone answers, the
/// cost then stays that of the batch (issue 16).
///
/// Ids usually grow with days, so a batch's ids lie close together; where they do not (a
/// back-dated import), the batch's sorted ids are split at every wide gap and each cluster is
/// queried on its own, so no query reads matches far outside the batch.
struct SearchWalk: Cursor {
  /// The walk: an `id` per row, newest first, values bound.
  private let walk: Statement
  /// The rowids matching the query between two rowids, prepared for the first batch after
  /// the first: a common word never needs it (preparing an FTS5 query costs its table's
  /// set-up).
  private var matches: Statement?
  private let query: String
  /// The query's terms, `nil` when FTS5 must match every text (see ``Journal/asciiTerms(_:)``).
  private let asciiTerms: [[UInt8]]?
  /// How many more ids to give; `nil` for no limit.
  private var remaining: Int?
  private var batchSize = SearchWalk.firstBatch
  private var isFirstBatch = true
  private var found: [Int64] = []
  private var position = 0
  private var walkIsDone = false
  /// Keeps the database open while the cursor lives, as `RowCursor` does.
  private let connection: Connection

  /// The first batch: enough for a `--limit 20` of a word in one entry of four.
  static let firstBatch = 128
  /// Batches double up to this size, so a rare word does not cost one query per 128 entries.
  static let largestBatch = 8_192
  /// Ids further apart than this start a new cluster (a new query) within a batch.
  static let widestGap: Int64 = 1_024

  /// - Parameters:
  ///   - walk: The walk, values bound.
  ///   - query: The FTS5 query (see ``Journal/ftsQuery(_:)``).
  ///   - asciiTerms: Its terms, `nil` when FTS5 must match every text (see
  ///     ``Journal/asciiTerms(_:)``).
  ///   - limit: At most this many ids; negative or `nil` for all.
  init(walk: Statement, query: String, asciiTerms: [[UInt8]]?, limit: Int?) {
    self.walk = walk
    self.query = query
    self.asciiTerms = asciiTerms
    self.remaining = limit.flatMap { $0 < 0 ? nil : $0 }
    self.connection = walk.connection
  }

  /// Reads the first batch and says whether it alone gives every id asked for (or the walk
  /// ended): then no count of the matches is needed to choose the plan. Every FTS5 prefix query
  /// merges the doclists of all the prefix's terms, 9–11 ms for `priya` on 1,000,000 entries,
  /// so for a common word this saves the counting query's merge (2026-11-30).
  ///
  /// - Returns: Whether the ids found so far are all the cursor will need.
  /// - Throws: `StoreError` on a SQLite failure; the cursor is then done.
  mutating func firstBatchSuffices() throws(StoreError) -> Bool {
    guard let remaining else { return false }
    try readBatch()
    return walkIsDone || found.count >= remaining
  }

  /// Advances to the next matching id.
  ///
  /// - Returns: The id, or `nil` when there are no more.
  /// - Throws: `StoreError` on a SQLite failure; the cursor is then done.
  mutating func next() throws(StoreError) -> Int64? {
    while remaining != 0 {
      if position < found.count {
        position += 1
        remaining = remaining.map { $0 - 1 }
        return found[position - 1]
      }
      guard !walkIsDone else { break }
      try readBatch()
    }
    close()
    return nil
  }

  /// Reads the next batch of the walk and keeps, in walk order, the ids that match; on a
  /// failure the cursor is closed, then the error thrown.
  private mutating func readBatch() throws(StoreError) {
    let batch: [Int64]
    let matching: Set<Int64>
    do throws(StoreError) {
      if isFirstBatch {
        let first = try BatchSearchIndex().read(
          walk, count: batchSize, enough: remaining, query: query, asciiTerms: asciiTerms)
        (batch, matching, walkIsDone) = (first.ids, first.matching, first.walkIsDone)
        isFirstBatch = false
      } else {
        batch = try readIDs()
        // Descending: FTS5 then starts from the newest end of each segment, where a walk
        // newest first looks; ascending, it seeks from the oldest (1.0 against 2.7 million
        // instructions for the newest 128 rowids of 1,000,000, callgrind 2026-11-30).
        let matches: Statement
        if let prepared = self.matches {
          matches = prepared
        } else {
          matches = try connection.prepare(
            """
            SELECT rowid FROM entryText WHERE entryText MATCH ? AND rowid BETWEEN ? AND ?
            ORDER BY rowid DESC
            """)
          self.matches = matches
        }
        matching = try journalMatches(batch, matches)
      }
    } catch {
      close()
      throw error
    }
    batchSize = min(batchSize * 2, Self.largestBatch)
    found = batch.filter { matching.contains($0) }
    position = 0
  }

  /// The next `batchSize` ids of the walk.
  private mutating func readIDs() throws(StoreError) -> [Int64] {
    var batch: [Int64] = []
    batch.reserveCapacity(batchSize)
    while batch.count < batchSize {
      guard try walk.step() else {
        walkIsDone = true
        break
      }
      batch.append(walk.int(0))
    }
    return batch
  }

  /// Which of `batch` match, by the journal's own index (`matches`), one query per cluster of
  /// close ids.
  private func journalMatches(_ batch: [Int64], _ matches: Statement) throws(StoreError)
    -> Set<Int64>
  {
    var matching = Set<Int64>()
    let sorted = batch.sorted()
    var start = 0
    while start < sorted.count {
      var end = start + 1
      // Sorted, so the gap is never negative; one too wide to hold (ids of a tampered file
      // at both ends of Int64) is a wide gap.
      while end < sorted.count,
        case (let gap, let overflow) = sorted[end].subtractingReportingOverflow(sorted[end - 1]),
        !overflow && gap <= Self.widestGap
      {
        end += 1
      }
      try matches.forEachRow(
        [.text(query), .integer(sorted[start]), .integer(sorted[end - 1])]
      ) { (row) throws(StoreError) in
        matching.insert(row.int(0))
      }
      start = end
    }
    matches.reset()
    return matching
  }

  /// Ends the walk without reading further (for a caller that chose another plan, or at the
  /// end): the walk, and the batch query if it was made, are reset, so the cursor holds no
  /// read snapshot open.
  mutating func close() {
    walkIsDone = true
    remaining = 0
    walk.reset()
    matches?.reset()
  }
}
