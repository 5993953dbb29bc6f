import CSQLite

/// A full-text index of one batch of entries, held by its own in-memory database, that says
/// which of them a search matches: the first batch of `list --search`'s walk.
///
/// SQLite 3.40's FTS5 answers a prefix query (every search term is one, `"priya"*`) by merging
/// the doclists of all the prefix's terms over the whole journal before it returns a row,
/// whatever rowid range is asked: 9–11 ms for `priya` on 1,000,000 entries, growing with
/// history. Indexing just the newest entries' texts again, with the same tokenizer and the same
/// query, costs what the batch holds instead (5.9 million instructions for 128 entries, of 20.1
/// million for the whole command, callgrind 2026-11-30), and gives the matches the journal's
/// index gives while that index agrees with the entries (which `journal doctor` checks): it
/// is the same SQLite code reading the same bytes.
///
/// A separate `:memory:` connection, not a `temp` table of the journal's: it writes nothing
/// in the journal's connection (which may be read-only or in a read transaction) and frees
/// everything when it goes.
final class BatchSearchIndex {
  private let connection: Connection
  private let insert: Statement
  private let matches: Statement

  /// Makes the empty index.
  ///
  /// - Throws: `StoreError` when SQLite cannot make it.
  init() throws(StoreError) {
    connection = try Connection(path: ":memory:", readOnly: false)
    // The journal's `entryText` is `fts5(text, content = 'entry', …, detail = column)` with
    // the default tokenizer: the same tokenizer and detail here, so a query matches the same
    // texts. Contentless: only the index is needed, not a second copy of the texts.
    try connection.execute(
      "CREATE VIRTUAL TABLE batch USING fts5 (text, content = '', detail = column)")
    insert = try connection.prepare("INSERT INTO batch (rowid, text) VALUES (?, ?)")
    matches = try connection.prepare("SELECT rowid FROM batch WHERE batch MATCH ?")
  }

  /// Indexes the entries `walk` gives, up to `count` of them, and returns their ids and which
  /// of them match `query`.
  ///
  /// - Parameters:
  ///   - walk: A statement on the journal whose rows are an entry's `id`. Only the batch
  ///     reads texts (by id), so the rest of the walk stays in the day index.
  ///   - count: At most this many entries.
  ///   - query: The FTS5 query (see ``Journal/ftsQuery(_:)``).
  /// - Returns: The ids read, in the walk's order; the ids that match; whether the walk ended.
  /// - Throws: `StoreError` on a SQLite failure.
  func read(_ walk: Statement, count: Int, query: String) throws(StoreError)
    -> (ids: [Int64], matching: Set<Int64>, walkIsDone: Bool)
  {
    let texts = try walk.connection.cached("SELECT text FROM entry WHERE id = ?")
    defer { texts.reset() }
    var ids: [Int64] = []
    ids.reserveCapacity(count)
    var walkIsDone = false
    // One transaction: FTS5 writes its segment once, at the commit, not once per row.
    try connection.transaction { () throws(StoreError) in
      while ids.count < count {
        guard try walk.step() else {
          walkIsDone = true
          break
        }
        let id = walk.int(0)
        ids.append(id)
        try texts.bind([.integer(id)])
        guard try texts.step() else { continue }
        // FTS5 flushes its pending terms to a new segment whenever a rowid is not larger than
        // the last: the walk's ids fall, so they go in complemented (~id, which cannot
        // overflow) and rise: one segment, not one per row (18 million instructions fewer for
        // 128 rows, callgrind 2026-11-30). The text goes in as the journal holds it.
        try insert.bind([.integer(~id)])
        try insert.bind(2, copyOf: 0, in: texts)
        while try insert.step() {}
      }
    }
    var matching = Set<Int64>()
    try matches.forEachRow([.text(query)]) { (row) throws(StoreError) in
      matching.insert(~row.int(0))
    }
    matches.reset()
    return (ids, matching, walkIsDone)
  }
}
