import JournalCore

/// What `journal edit` changes: edits of an entry's values; a value not given stays as it is.
public struct EntryChanges: Sendable {
  /// Applies the edits to the entry's current values.
  let apply: @Sendable (inout NewEntry) -> Void
  /// Whether nothing would change.
  public let isEmpty: Bool

  /// Creates a set of changes.
  ///
  /// - Parameters:
  ///   - day: A new day.
  ///   - text: A new text.
  ///   - energy: A new energy; `.some(nil)` clears it.
  ///   - tags: New marks, replacing the old ones.
  ///   - isStarred: Star or unstar.
  ///   - isPrivate: Private or not.
  public init(
    day: Day? = nil, text: String? = nil, energy: Int?? = nil, tags: [TagMark]? = nil,
    isStarred: Bool? = nil, isPrivate: Bool? = nil
  ) {
    isEmpty =
      day == nil && text == nil && energy == nil && tags == nil && isStarred == nil
      && isPrivate == nil
    apply = { values in
      if let day { values.day = day }
      if let text { values.text = text }
      if let energy { values.energy = energy }
      if let tags { values.tags = tags }
      if let isStarred { values.isStarred = isStarred }
      if let isPrivate { values.isPrivate = isPrivate }
    }
  }
}

/// Which entries `journal list` shows.
public struct EntryFilter: Sendable {
  /// The first day included.
  public var since: Day?
  /// The last day included.
  public var until: Day?
  /// Entries carrying any of these tags, named as typed (an unknown or invalid name is an
  /// `unknownTag` error that quotes it).
  public var tags: [String]
  /// Words that must all appear in the text (full-text search); blank means no search.
  public var search: String?
  /// At most this many entries, newest first.
  public var limit: Int?
  /// Only starred entries.
  public var starred = false
  /// Deleted entries instead of live ones, the most recently deleted first (`list
  /// --deleted`: the ids `restore` takes).
  public var deleted = false

  /// Creates a filter; the defaults select every live entry.
  ///
  /// - Parameters:
  ///   - since: The first day included.
  ///   - until: The last day included.
  ///   - tags: Entries carrying any of these tags.
  ///   - search: Words that must all appear in the text.
  ///   - limit: At most this many, newest first.
  public init(
    since: Day? = nil, until: Day? = nil, tags: [String] = [], search: String? = nil,
    limit: Int? = nil
  ) {
    self.since = since
    self.until = until
    self.tags = tags
    self.search = search
    self.limit = limit
  }

  /// Creates a filter on canonical tag names.
  ///
  /// - Parameters:
  ///   - since: The first day included.
  ///   - until: The last day included.
  ///   - tags: Entries carrying any of these tags.
  ///   - search: Words that must all appear in the text.
  ///   - limit: At most this many, newest first.
  public init(
    since: Day? = nil, until: Day? = nil, tags: [TagName], search: String? = nil,
    limit: Int? = nil
  ) {
    self.init(since: since, until: until, tags: tags.map(\.text), search: search, limit: limit)
  }
}

extension Journal {
  /// Writes a new entry and its tag marks in one transaction.
  ///
  /// - Parameter new: The entry's values.
  /// - Returns: The stored entry, with its id and timestamps.
  /// - Throws: `StoreError.unknownTag` (nothing written) or a SQLite failure.
  public func addEntry(_ new: NewEntry) throws(StoreError) -> Entry {
    try db.transaction { () throws(StoreError) -> Entry in
      let tagIDs = try resolveTags(new.tags.map(\.name))
      let columns = Self.columns(new)
      let insert = try db.prepare(
        "INSERT INTO entry (\(columns.map(\.name).joined(separator: ", "))) VALUES ("
          + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ") RETURNING id")
      try insert.bind(columns.map(\.value))
      _ = try insert.step()
      let id = insert.int("id")
      // Run to the end: in defensive mode, a RETURNING insert finalized after its first row
      // rolls the transaction back.
      while try insert.step() {}
      try insertMarks(entryID: id, tags: new.tags, tagIDs: tagIDs)
      return try liveEntry(id: id)
    }
  }

  /// The live entry with `id`.
  ///
  /// - Parameter id: The entry's number.
  /// - Returns: The entry.
  /// - Throws: `StoreError.unknownEntry` or `.deletedEntry`.
  public func entry(id: Int64) throws(StoreError) -> Entry {
    try liveEntry(id: id)
  }

  /// The live entries that `filter` selects, newest first, read one at a time.
  ///
  /// ```swift
  /// var entries = try journal.entries(EntryFilter(tags: ["coaching"], limit: 10))
  /// while let entry = try entries.next() { print(entry.day, entry.text) }
  /// ```
  ///
  /// - Parameter filter: Which entries.
  /// - Returns: A cursor over the entries.
  /// - Throws: `StoreError.unknownTag` for a tag the journal lacks, or a SQLite failure.
  public func entries(_ filter: EntryFilter) throws(StoreError) -> EntryCursor {
    try entries(filter, fewMatches: Self.fewMatches)
  }

  /// ``entries(_:)``, with the number of matches below which a search sorts its matches
  /// rather than walking the day index (tests lower it to walk small journals).
  func entries(_ filter: EntryFilter, fewMatches: Int64) throws(StoreError) -> EntryCursor {
    EntryCursor(
      ids: try entryIDs(filter, fewMatches: fewMatches),
      fetch: try db.prepare(Self.entrySelect + " WHERE e.id = ?"))
  }

  /// The live entries that `filter` selects, newest first, as ``EntryRows`` read in place:
  /// for `list`'s output, which writes them without making an ``Entry`` of each.
  ///
  /// - Parameter filter: Which entries.
  /// - Returns: The rows.
  /// - Throws: `StoreError.unknownTag` for a tag the journal lacks, or a SQLite failure.
  public func entryRows(_ filter: EntryFilter) throws(StoreError) -> EntryRows {
    EntryRows(
      ids: try entryIDs(filter, fewMatches: Self.fewMatches),
      fetch: try db.prepare(Self.entrySelect + " WHERE e.id = ?"))
  }

  /// The largest entry id the journal has held (0 for none): `list` right-aligns ids to its
  /// width before it has read them all.
  ///
  /// - Returns: The id.
  /// - Throws: A SQLite failure.
  public func largestEntryID() throws(StoreError) -> Int64 {
    try db.prepare("SELECT max(id) FROM entry").scalarInt([]) ?? 0
  }

  /// The ids of the entries that `filter` selects, newest first.
  private func entryIDs(_ filter: EntryFilter, fewMatches: Int64) throws(StoreError)
    -> any Cursor<Int64>
  {
    var conditions = [filter.deleted ? "e.deletedAt IS NOT NULL" : "e.deletedAt IS NULL"]
    if filter.starred { conditions.append("e.isStarred = 1") }
    var values: [Statement.Value] = []
    if let since = filter.since {
      conditions.append("e.day >= ?")
      values.append(.day(since))
    }
    if let until = filter.until {
      conditions.append("e.day <= ?")
      values.append(.day(until))
    }
    if !filter.tags.isEmpty {
      let ids = try resolveTags(filter.tags)
      let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ", ")
      conditions.append(
        "EXISTS (SELECT 1 FROM entryTag et WHERE et.entryId = e.id AND et.tagId IN (\(placeholders)))"
      )
      values += ids.map { .integer($0) }
    }
    // The newest-first order comes from walking the day index backwards, unless a search
    // matches so few entries that looking each up and sorting them is cheaper than walking
    // the index until enough of them turn up.
    // Deleted entries are not in the day indexes (partial, on live entries); they are few, and
    // sorted by deletion.
    var walkDayIndex = !filter.deleted
    let dayIndex = filter.starred ? "entryStarredByDay" : "entryByDay"
    if let search = filter.search, search.contains(where: { !$0.isWhitespace }) {
      let query = Self.ftsQuery(search)
      if walkDayIndex {
        let walk = try db.prepare(
          "SELECT e.id FROM entry e INDEXED BY \(dayIndex) WHERE "
            + conditions.joined(separator: " AND ") + " ORDER BY e.day DESC, e.id DESC")
        try walk.bind(values)
        var searchWalk = SearchWalk(
          walk: walk, query: query, asciiTerms: Self.asciiTerms(search), limit: filter.limit)
        // A common word fills `--limit` from the newest entries: one query, no count.
        if try searchWalk.firstBatchSuffices() { return searchWalk }
        let probe = try db.prepare(
          "SELECT count(*) FROM (SELECT 1 FROM entryText WHERE entryText MATCH ? LIMIT ?)"
        ).scalarInt([.text(query), .integer(fewMatches)])
        if (probe ?? 0) >= fewMatches { return searchWalk }
        searchWalk.close()
      }
      walkDayIndex = false
      conditions.append("e.id IN (SELECT rowid FROM entryText WHERE entryText MATCH ?)")
      values.append(.text(query))
    }
    values.append(.integer(Int64(filter.limit ?? -1)))
    // Ids first, entries second: the tags of an entry are gathered only for the entries shown,
    // never for every candidate of the sort.
    let order = filter.deleted ? "e.deletedAt DESC, e.id DESC" : "e.day DESC, e.id DESC"
    let ids = try db.prepare(
      "SELECT e.id AS id FROM entry e" + (walkDayIndex ? " INDEXED BY \(dayIndex)" : "")
        + " WHERE " + conditions.joined(separator: " AND ") + " ORDER BY \(order) LIMIT ?")
    try ids.bind(values)
    return RowCursor(ids) { (row) throws(StoreError) in row.int(0) }
  }

  /// Below this many search matches, `list --search` sorts the matches instead of walking the
  /// day index. Counting them reads up to this many rowids of the index: 5,000 cost 2.8
  /// million instructions on a 1,000,000-entry journal, 1,000 about a fifth of that, and
  /// sorting 1,000 matches costs less than walking to them (callgrind, 2026-11-30).
  static let fewMatches: Int64 = 1_000

  /// Changes an entry; only the fields given in `changes` are replaced.
  ///
  /// - Parameters:
  ///   - id: The entry's number.
  ///   - changes: The new values.
  /// - Returns: The entry as stored afterwards.
  /// - Throws: `StoreError.unknownEntry`, `.deletedEntry`, `.unknownTag` (nothing written).
  public func updateEntry(id: Int64, _ changes: EntryChanges) throws(StoreError) -> Entry {
    try db.transaction { () throws(StoreError) -> Entry in
      let current = try liveEntry(id: id)
      var new = current.values
      changes.apply(&new)
      let tagIDs = new.tags == current.tags ? nil : try resolveTags(new.tags.map(\.name))
      let changed = zip(Self.columns(new), Self.columns(current.values))
        .filter { $0.value != $1.value }.map(\.0)
      let assignments =
        changed.map { "\($0.name) = ?" } + ["updatedAt = \(Self.storedNow)"]
      try db.prepare("UPDATE entry SET \(assignments.joined(separator: ", ")) WHERE id = ?")
        .run(changed.map(\.value) + [.integer(id)])
      if let tagIDs {
        try db.prepare("DELETE FROM entryTag WHERE entryId = ?").run([.integer(id)])
        try insertMarks(entryID: id, tags: new.tags, tagIDs: tagIDs)
      }
      return try liveEntry(id: id)
    }
  }

  /// Hides an entry; ``restoreEntry(id:)`` brings it back until it is purged.
  ///
  /// - Parameter id: The entry's number.
  /// - Throws: `StoreError.unknownEntry` or `.deletedEntry`.
  public func deleteEntry(id: Int64) throws(StoreError) {
    try db.transaction { () throws(StoreError) in
      _ = try liveEntry(id: id)
      try db.prepare(
        "UPDATE entry SET deletedAt = \(Self.storedNow) WHERE id = ?"
      ).run([.integer(id)])
    }
  }

  /// Brings back a deleted entry.
  ///
  /// - Parameter id: The entry's number.
  /// - Returns: The restored entry.
  /// - Throws: `StoreError.unknownEntry` or `.notDeleted`.
  public func restoreEntry(id: Int64) throws(StoreError) -> Entry {
    try db.transaction { () throws(StoreError) -> Entry in
      guard let isDeleted = try isDeleted(id: id) else { throw .unknownEntry(id: id) }
      guard isDeleted else { throw .notDeleted(id: id) }
      try db.prepare("UPDATE entry SET deletedAt = NULL WHERE id = ?").run([.integer(id)])
      return try liveEntry(id: id)
    }
  }

  /// Removes an entry for good, live or deleted, with its marks and its search index row.
  ///
  /// - Parameter id: The entry's number.
  /// - Throws: `StoreError.unknownEntry`.
  public func purgeEntry(id: Int64) throws(StoreError) {
    try db.transaction { () throws(StoreError) in
      guard try isDeleted(id: id) != nil else { throw .unknownEntry(id: id) }
      try db.prepare("DELETE FROM entry WHERE id = ?").run([.integer(id)])
    }
  }

  /// Whether the entry is deleted; `nil` when there is no such entry.
  private func isDeleted(id: Int64) throws(StoreError) -> Bool? {
    let statement = try db.prepare("SELECT deletedAt IS NOT NULL FROM entry WHERE id = ?")
    try statement.bind([.integer(id)])
    guard try statement.step() else { return nil }
    return statement.int(0) != 0
  }

  private func liveEntry(id: Int64) throws(StoreError) -> Entry {
    let statement = try db.cached(Self.entrySelect + " WHERE e.id = ?")
    try statement.bind([.integer(id)])
    defer { statement.reset() }
    guard try statement.step() else { throw .unknownEntry(id: id) }
    guard statement.isNull("deletedAt") else { throw .deletedEntry(id: id) }
    return try EntryReader(statement).entry()
  }

  func insertMarks(entryID: Int64, tags: [TagMark], tagIDs: [Int64]) throws(StoreError) {
    let insert = try db.cached("INSERT INTO entryTag (entryId, tagId, mark) VALUES (?, ?, ?)")
    for (tag, tagID) in zip(tags, tagIDs) {
      try insert.run([.integer(entryID), .integer(tagID), .integer(Int64(tag.mark.storedValue))])
    }
  }

  /// Now, as `entry` stores a timestamp: seconds since 1970 (``CompactText``).
  static let storedNow = "CAST(strftime('%s', 'now') AS INTEGER)"

  /// An entry with its marks; `deletedAt` tells live and deleted entries apart, so one
  /// statement serves both lookups. `updatedAt` is NULL while the entry has not changed since
  /// it was created (migration 0009): it reads as `createdAt` here, for every reader. Read its
  /// rows with ``EntryReader``.
  static let entrySelect = """
    SELECT e.id AS id, e.uuid AS uuid, e.day AS day, e.text AS text, e.energy AS energy,
      e.isStarred AS isStarred, e.isPrivate AS isPrivate, e.createdAt AS createdAt,
      coalesce(e.updatedAt, e.createdAt) AS updatedAt,
      (SELECT group_concat(t.name || ':' || et.mark, ',')
         FROM entryTag et JOIN tag t ON t.id = et.tagId WHERE et.entryId = e.id) AS tags,
      e.deletedAt AS deletedAt
    FROM entry e
    """

  /// Reads entries from the rows of a statement over ``entrySelect``: its columns are looked
  /// up by name once, then read by index for every row (`list` reads many).
  struct EntryReader {
    private let row: Statement
    private let id, uuid, day, text, energy, isStarred, isPrivate: Statement.Column
    private let createdAt, updatedAt, tags, deletedAt: Statement.Column

    init(_ statement: Statement) {
      row = statement
      id = statement.column("id")
      uuid = statement.column("uuid")
      day = statement.column("day")
      text = statement.column("text")
      energy = statement.column("energy")
      isStarred = statement.column("isStarred")
      isPrivate = statement.column("isPrivate")
      createdAt = statement.column("createdAt")
      updatedAt = statement.column("updatedAt")
      tags = statement.column("tags")
      deletedAt = statement.column("deletedAt")
    }

    /// The entry of the current row.
    ///
    /// - Returns: The entry, its marks energized first, then drained, then logged, by name.
    /// - Throws: `StoreError.corrupt` for a day or a mark this version cannot read.
    func entry() throws(StoreError) -> Entry {
      Entry(
        NewEntry(
          day: try row.decodeDay(day, of: "entry"), text: row.text(text),
          energy: row.optionalInt(energy).map { Int($0) }, tags: try Self.marks(row.text(tags)),
          isStarred: row.int(isStarred) != 0, isPrivate: row.int(isPrivate) != 0),
        id: row.int(id), uuid: row.compactText(uuid.index),
        createdAt: Timestamp(iso: row.compactText(createdAt.index)),
        updatedAt: Timestamp(iso: row.compactText(updatedAt.index)),
        deletedAt: row.isNull(deletedAt)
          ? nil : Timestamp(iso: row.compactText(deletedAt.index)))
    }

    /// The marks of a `tags` column (`name:mark,…`), energized first, then drained, then
    /// logged, by name.
    ///
    /// - Parameter text: The column's text.
    /// - Returns: The marks.
    /// - Throws: `StoreError.corrupt` for a mark this version cannot read.
    static func marks(_ text: String) throws(StoreError) -> [TagMark] {
      var marks: [TagMark] = []
      for pair in text.split(separator: ",") {
        let parts = pair.split(separator: ":")
        guard parts.count == 2, let value = Int(parts[1]), let mark = Mark(storedValue: value)
        else { throw .corrupt(table: "entryTag", column: "mark") }
        marks.append(TagMark(name: String(parts[0]), mark: mark))
      }
      marks.sort {
        ($0.mark.order, $0.name) < ($1.mark.order, $1.name)
      }
      return marks
    }
  }

  /// Every word must appear, as the start of a word of the text (`aish` finds "Aisha"): each
  /// is quoted, so FTS5 operators in the input (`OR`, `NEAR`, `*`, `-`, `^`, `col:`, `"`) are
  /// plain text, and followed by FTS5's prefix mark `*`. The index keeps no word positions
  /// (`detail = column`, migration 0009), so it cannot match a phrase: a word with separators
  /// inside (`e-mail`, `1:1`) becomes one term per part, each of which must start a word.
  /// Words split on Unicode scalars, never `Character`s, so a combining mark after a `"`
  /// cannot hide it. A word with no letter or digit the index surely knows is an empty phrase,
  /// which alone matches nothing (as punctuation alone always did).
  static func ftsQuery(_ search: String) -> String {
    var terms: [String] = []
    for parts in searchParts(search) {
      // An empty phrase, as FTS5 read such a word before: alone it matches nothing, beside
      // other terms it asks nothing.
      if parts.isEmpty { terms.append("\"\"") }
      for part in parts {
        terms.append("\"" + String(String.UnicodeScalarView(part)) + "\"*")
      }
    }
    return terms.joined(separator: " ")
  }

  /// The words of a search, each split into its parts as FTS5's tokenizer splits a word: runs
  /// of token characters (none for a word of punctuation alone).
  private static func searchParts(_ search: String)
    -> [[Substring.UnicodeScalarView.SubSequence]]
  {
    search.unicodeScalars.split(whereSeparator: \.properties.isWhitespace).map { word in
      word.split(whereSeparator: { !isTokenCharacter($0) })
    }
  }

  /// The terms of ``ftsQuery(_:)``, lowercased, when every one is ASCII: what
  /// ``BatchSearchIndex`` matches in an ASCII text without FTS5. Empty when the search has
  /// only words without a letter or digit (FTS5's empty phrases, which match nothing); `nil`
  /// when a term is not ASCII.
  static func asciiTerms(_ search: String) -> [[UInt8]]? {
    var terms: [[UInt8]] = []
    for part in searchParts(search).joined() {
      // FTS5 cuts a token at 32,768 bytes (FTS5_MAX_TOKEN_SIZE); so long a term is its to match.
      guard part.count <= 32_768, part.allSatisfy(\.isASCII) else { return nil }
      terms.append(part.map { BatchSearchIndex.lowercased(UInt8($0.value)) })
    }
    return terms
  }

  /// Whether FTS5's `unicode61` tokenizer keeps `scalar` inside a word: a letter, a number or
  /// a private-use character (its default categories, `L* N* Co`). Not a combining mark: the
  /// tokenizer keeps only the diacritics it folds away and splits at the rest, and a search
  /// part may never hold a character the tokenizer splits at, or it would be a phrase. The New
  /// Tai Lue vowel signs U+19B0–U+19C9 (letters since Unicode 8) and the Vedic signs U+1CF2
  /// and U+1CF3 (since Unicode 14) were spacing marks when SQLite 3.40's tables were made. A
  /// letter newer than SQLite's tables is a token character there too (it treats unassigned
  /// code points so). `SearchQuotingTests` checks every code point of the
  /// first three planes against the linked SQLite.
  static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return BatchSearchIndex.isWordByte(UInt8(scalar.value)) }
    if (0x19B0...0x19C9).contains(scalar.value) || (0x1CF2...0x1CF3).contains(scalar.value) {
      return false
    }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber, .privateUse:
      return true
    default:
      return false
    }
  }

  /// The `entry` columns that hold an entry's values (its marks are rows of `entryTag`), with
  /// what `values` stores in them.
  static func columns(_ values: NewEntry) -> [(name: String, value: Statement.Value)] {
    [
      ("day", .day(values.day)), ("text", .text(values.text)),
      ("energy", optional(values.energy)), ("isStarred", .integer(values.isStarred ? 1 : 0)),
      ("isPrivate", .integer(values.isPrivate ? 1 : 0)),
    ]
  }

  static func optional(_ value: Int?) -> Statement.Value {
    value.map { .integer(Int64($0)) } ?? .null
  }
}

extension Journal {
  /// Writes many entries in one transaction: all or nothing, and one commit instead of one per
  /// entry.
  ///
  /// - Parameter entries: The entries' values; a lazy sequence keeps memory flat however many.
  /// - Throws: `StoreError.unknownTag` (nothing written) or a SQLite failure.
  public func addEntries(_ entries: some Sequence<NewEntry>) throws(StoreError) {
    try importing { (importer) throws(StoreError) in
      var random = SystemRandomNumberGenerator()
      for new in entries {
        // The day first (32 bits: days since 1900), then 96 random bits: a chronological load
        // appends to the uuid index, and the uuid is the 16 bytes `add`'s are. (A load wrote
        // `YYYY-MM-DD-` and 32 hex digits until 2026-11-30: 19 bytes, stored as they were.)
        let day = UInt64(new.day.ordinal - Day.supportedOrdinals.lowerBound)
        let uuid = Self.hex(day << 32 | random.next() >> 32) + Self.hex(random.next())
        try importer.insertEntry(ImportedEntry(new, uuid: uuid))
      }
    }
  }

  private static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
