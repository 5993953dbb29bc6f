import CSQLite

/// Says which entries of one batch a search matches without the journal's full-text index:
/// the first batch of `list --search`'s walk.
///
/// SQLite 3.40's FTS5 answers a prefix query (every search term is one, `"priya"*`) by merging
/// the doclists of all the prefix's terms over the whole journal before it returns a row,
/// whatever rowid range is asked: 9–11 ms for `priya` on 1,000,000 entries, growing with
/// history. Matching just the newest entries' texts costs what the batch holds instead.
///
/// - An ASCII text, for a search whose terms are all ASCII, is matched here in Swift, as the
///   `unicode61` tokenizer reads ASCII: a word is a run of letters and digits, compared
///   lowercased, and each term must start one. `SearchWalkTests` holds this to the journal's
///   own index on seeded texts (`asciiMatchAgreesWithJournalIndex`).
/// - Any other text goes into an FTS5 index of its own, in a `:memory:` database made only
///   then, with the journal's tokenizer and the same query: the same SQLite code reading the
///   same bytes gives the matches the journal's index gives (while that index agrees with the
///   entries, which `journal doctor` checks).
///
/// `list --search priya --limit 20` took 19.5 million instructions with every text of the
/// batch in the FTS5 index (5.3 million of them the index's), and 15.4 million at 1,000,000
/// entries with the benchmark's ASCII texts matched here (`list --limit 20` alone: 13.7
/// million). Stopping once `--limit` matches are known (about 80 of the 128 texts read for
/// `priya`), and the CLI's `ArgumentChoice` and the walk's lazily prepared statement beside
/// it, brought it to 14.3 million against a plain list's 13.3 (callgrind, 2026-11-30).
final class BatchSearchIndex {
  /// A `:memory:` FTS5 index and its insert, made for the first text that needs it. A separate
  /// connection, not a `temp` table of the journal's: it writes nothing in the journal's
  /// connection (which may be read-only or in a read transaction) and frees everything when
  /// it goes.
  private var index: (connection: Connection, insert: Statement)?
  /// How many texts went into the FTS5 index (the rest were matched as ASCII).
  private(set) var indexedCount = 0

  /// Reads up to `count` entries of `walk` and says which of them match.
  ///
  /// - Parameters:
  ///   - walk: A statement on the journal whose rows are an entry's `id`. Only the batch
  ///     reads texts (by id), so the rest of the walk stays in the day index.
  ///   - count: At most this many entries.
  ///   - enough: Stop once this many entries are known to match (`nil`: read `count`). Any
  ///     text left to FTS5 was read before, so the first `enough` matches in walk order are
  ///     among those returned; the walk goes on from there in the next batch.
  ///   - query: The FTS5 query (see ``Journal/ftsQuery(_:)``).
  ///   - asciiTerms: The query's terms (see ``Journal/asciiTerms(_:)``), `nil` when FTS5 must
  ///     match every text (a term not ASCII, or too long).
  /// - Returns: The ids read, in the walk's order; the ids that match; whether the walk ended.
  /// - Throws: `StoreError` on a SQLite failure.
  func read(
    _ walk: Statement, count: Int, enough: Int? = nil, query: String, asciiTerms: [[UInt8]]?
  ) throws(StoreError) -> (ids: [Int64], matching: Set<Int64>, walkIsDone: Bool) {
    let texts = try walk.connection.cached("SELECT text FROM entry WHERE id = ?")
    defer { texts.reset() }
    var ids: [Int64] = []
    ids.reserveCapacity(count)
    var matching = Set<Int64>()
    var walkIsDone = false
    while ids.count < count && matching.count < (enough ?? Int.max) {
      guard try walk.step() else {
        walkIsDone = true
        break
      }
      let id = walk.int(0)
      ids.append(id)
      try texts.bind([.integer(id)])
      guard try texts.step() else { continue }
      let matched = texts.withBytes(0) { text -> Bool? in
        guard let asciiTerms, EntryRows.isASCII(text) else { return nil }
        return Self.matches(text, asciiTerms)
      }
      switch matched {
      case true?: matching.insert(id)
      case false?: break
      case nil: try indexText(id: id, from: texts)
      }
    }
    if let index {
      // Made for this batch: a later `read` makes its own.
      self.index = nil
      try index.connection.execute("COMMIT")
      let matches = try index.connection.prepare("SELECT rowid FROM batch WHERE batch MATCH ?")
      try matches.forEachRow([.text(query)]) { (row) throws(StoreError) in
        matching.insert(~row.int(0))
      }
    }
    return (ids, matching, walkIsDone)
  }

  /// Adds the text of `texts`' current row to the FTS5 index, making the index first.
  private func indexText(id: Int64, from texts: Statement) throws(StoreError) {
    if self.index == nil { self.index = try makeIndex() }
    guard let index else { return }
    // FTS5 flushes its pending terms to a new segment whenever a rowid is not larger than the
    // last: the walk's ids fall, so they go in complemented (~id, which cannot overflow) and
    // rise: one segment, not one per row (18 million instructions fewer for 128 rows,
    // callgrind 2026-11-30). The text goes in as the journal holds it.
    try index.insert.bind([.integer(~id)])
    try index.insert.bind(2, copyOf: 0, in: texts)
    while try index.insert.step() {}
    indexedCount += 1
  }

  private func makeIndex() throws(StoreError) -> (connection: Connection, insert: Statement) {
    let connection = try Connection(path: ":memory:", readOnly: false)
    // The journal's `entryText` is `fts5(text, content = 'entry', …, detail = column)` with
    // the default tokenizer: the same tokenizer and detail here, so a query matches the same
    // texts. Contentless: only the index is needed, not a second copy of the texts.
    try connection.execute(
      "CREATE VIRTUAL TABLE batch USING fts5 (text, content = '', detail = column)")
    // One transaction, committed by `read` at the end of the batch: FTS5 writes its segment
    // once, not once per row.
    try connection.execute("BEGIN")
    return (connection, try connection.prepare("INSERT INTO batch (rowid, text) VALUES (?, ?)"))
  }

  /// Whether each of `terms` (lowercase ASCII letters and digits) starts a word of the ASCII
  /// `text`, a word being a run of ASCII letters and digits, as `unicode61` tokenizes ASCII
  /// and folds its case. No terms at all (a search of punctuation alone, which FTS5 reads as
  /// an empty phrase) match nothing.
  static func matches(_ text: UnsafeBufferPointer<UInt8>, _ terms: [[UInt8]]) -> Bool {
    !terms.isEmpty && terms.allSatisfy { startsAWord($0, in: text) }
  }

  private static func startsAWord(_ term: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < text.count {
      while index < text.count && !isWordByte(text[index]) { index += 1 }
      // At the start of a word (or the end): the term's bytes are all word bytes, so a match
      // stays inside this word.
      var matched = 0
      while matched < term.count && index + matched < text.count
        && lowercased(text[index + matched]) == term[matched]
      {
        matched += 1
      }
      if matched == term.count { return true }
      while index < text.count && isWordByte(text[index]) { index += 1 }
    }
    return false
  }

  /// An ASCII letter or digit: a byte `unicode61` keeps inside a word.
  static func isWordByte(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }

  static func lowercased(_ byte: UInt8) -> UInt8 {
    (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
  }
}
