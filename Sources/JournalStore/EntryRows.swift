import JournalCore

/// Entries read in place from SQLite's rows, for the writers that stream many of them (export,
/// `list`): no `Entry` and no `String` per row, each column's bytes handed to the writer as
/// SQLite holds them (issue 16: building an `Entry` and a `JSONValue` per row made
/// `export --format json` 5.7–7.7× slower than `sqlite3 -json`).
///
/// What a row gives is what ``EntryCursor`` would give for it, byte for byte: text that is
/// not valid UTF-8 is repaired with U+FFFD as `String(decoding:as:)` does, a day or a mark
/// this version cannot read is `StoreError.corrupt`, and marks come energized first, then
/// drained, then logged, by name.
///
/// ```swift
/// let rows = try journal.entryRows(since: nil, until: nil)
/// while try rows.next() {
///   rows.withBytes(.text) { text in output.append(contentsOf: text) }
/// }
/// ```
public final class EntryRows {
  /// A column of an entry's text, read with ``withBytes(_:_:)``.
  public enum TextColumn: Sendable {
    case uuid, day, text, createdAt, updatedAt, deletedAt
  }

  /// The statement whose current row is read: the entries themselves, or (for `list`) the
  /// entry that the current id names.
  private let row: Statement
  /// For `list`: the ids, newest first; each is looked up in `row`.
  private var ids: (any Cursor<Int64>)?
  /// Statements hold their connection unowned: whatever keeps one past the call that made it
  /// keeps the connection too (as `RowCursor` does).
  private let connection: Connection
  private let idColumn, uuid, day, text, energy, isStarred, isPrivate: Int32
  private let createdAt, updatedAt, tags, deletedAt: Int32
  /// The current row's marks, sorted: byte ranges of the `tags` column. Kept from row to row
  /// so that reading marks allocates nothing.
  private var marks: [(start: Int, count: Int, mark: Mark)] = []
  /// The marks of a row whose `tags` column is not ASCII, read the way ``EntryCursor`` does.
  private var decodedMarks: [TagMark]?
  private var done = false

  /// Rows of `statement`, a query over ``Journal/entrySelect`` with its values bound.
  convenience init(entries statement: Statement) {
    self.init(statement, ids: nil)
  }

  /// Rows of `fetch` (``Journal/entrySelect`` by id) for each id of `ids`, skipping ids it no
  /// longer finds.
  convenience init(ids: some Cursor<Int64>, fetch: Statement) {
    self.init(fetch, ids: ids)
  }

  private init(_ statement: Statement, ids: (any Cursor<Int64>)?) {
    row = statement
    self.ids = ids
    connection = statement.connection
    (idColumn, uuid, day, text, energy) = (
      statement.column("id").index, statement.column("uuid").index,
      statement.column("day").index, statement.column("text").index,
      statement.column("energy").index
    )
    (isStarred, isPrivate, createdAt, updatedAt) = (
      statement.column("isStarred").index, statement.column("isPrivate").index,
      statement.column("createdAt").index, statement.column("updatedAt").index
    )
    (tags, deletedAt) = (statement.column("tags").index, statement.column("deletedAt").index)
    marks.reserveCapacity(8)
  }

  /// Advances to the next entry.
  ///
  /// - Returns: `true` when a row is ready to read, `false` when there are no more.
  /// - Throws: `StoreError` on a SQLite failure or a corrupt mark; the rows are then done.
  public func next() throws(StoreError) -> Bool {
    guard !done else { return false }
    do {
      if var walk = ids {
        defer { ids = walk }
        while let id = try walk.next() {
          try row.bind([.integer(id)])
          if try row.step() { return try readMarks() }
        }
      } else if try row.step() {
        return try readMarks()
      }
      row.reset()
      done = true
      return false
    } catch {
      done = true
      row.reset()
      throw error
    }
  }

  /// The entry's number.
  public var id: Int64 { row.int(idColumn) }

  /// The overall energy, or `nil` when not given.
  public var energyValue: Int? { row.optionalInt(energy).map { Int($0) } }

  /// Whether the entry is starred.
  public var starred: Bool { row.int(isStarred) != 0 }

  /// Whether the entry is private.
  public var isPrivateEntry: Bool { row.int(isPrivate) != 0 }

  /// Whether the entry is deleted.
  public var isDeleted: Bool { !row.isNull(deletedAt) }

  /// The entry's day.
  ///
  /// - Returns: The day.
  /// - Throws: `StoreError.corrupt` for a day this version cannot read.
  public func entryDay() throws(StoreError) -> Day {
    guard let parsed = row.day(day) else { throw .corrupt(table: "entry", column: "day") }
    return parsed
  }

  /// Calls `body` with the bytes of `column`: valid UTF-8, as `String(decoding:as:)` reads
  /// them (the bytes themselves, unless they are not valid UTF-8). A NULL (a live entry's
  /// `deletedAt`) is empty; ask ``isDeleted`` first.
  ///
  /// - Parameters:
  ///   - column: The column.
  ///   - body: Reads the bytes; they are valid only inside it.
  /// - Returns: What `body` returns.
  public func withBytes<R>(_ column: TextColumn, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let index =
      switch column {
      case .uuid: uuid
      case .day: day
      case .text: text
      case .createdAt: createdAt
      case .updatedAt: updatedAt
      case .deletedAt: deletedAt
      }
    let read = { (bytes: UnsafeBufferPointer<UInt8>) -> R in
      if Self.isASCII(bytes) { return body(bytes) }
      // Valid UTF-8 comes back byte for byte; anything else repaired, as EntryCursor's
      // String(decoding:as:) repairs it.
      var repaired = String(decoding: bytes, as: UTF8.self)
      return repaired.withUTF8(body)
    }
    switch column {
    case .day:
      // `YYYY-MM-DD` from the stored ordinal; anything else (a file changed by another
      // program, which ``entryDay()`` refuses) as SQLite holds it.
      guard let stored = row.day(index) else { return row.withBytes(index, read) }
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { output in
        body(UnsafeBufferPointer(rebasing: output[..<CompactText.write(day: stored, to: output)]))
      }
    case .text:
      return row.withBytes(index, read)
    case .uuid, .createdAt, .updatedAt, .deletedAt:
      return row.withCompactText(index, read)
    }
  }

  /// Calls `body` for each mark of the entry, energized first, then drained, then logged, by
  /// name: the tag's name as UTF-8, and the mark.
  ///
  /// - Parameter body: Reads one mark; the bytes are valid only inside it.
  public func forEachMark(_ body: (UnsafeBufferPointer<UInt8>, Mark) -> Void) {
    if let decodedMarks {
      for var tag in decodedMarks {
        tag.name.withUTF8 { body($0, tag.mark) }
      }
      return
    }
    row.withBytes(tags) { bytes in
      for mark in marks {
        body(
          UnsafeBufferPointer(rebasing: bytes[mark.start..<(mark.start + mark.count)]), mark.mark)
      }
    }
  }

  /// Reads the marks of the current row into `marks` (or `decodedMarks`).
  ///
  /// - Returns: `true`.
  /// - Throws: `StoreError.corrupt` for a mark ``EntryCursor`` could not read either.
  private func readMarks() throws(StoreError) -> Bool {
    marks.removeAll(keepingCapacity: true)
    decodedMarks = nil
    let ok = row.withBytes(tags) { bytes -> Bool in
      guard Self.isASCII(bytes) else { return false }
      return Self.parseMarks(bytes, into: &marks)
    }
    if !ok {
      // Not ASCII, or malformed: EntryReader's own reading, which throws what it throws.
      decodedMarks = try Journal.EntryReader.marks(row.text(tags))
    }
    return true
  }

  /// Parses `name:mark,name:mark…` (ASCII) as ``Journal/EntryReader`` does — empty pieces
  /// skipped, exactly two non-empty parts, a mark of 1, -1 or 0 — and sorts the marks.
  ///
  /// - Returns: `false` when a piece does not parse.
  static func parseMarks(
    _ bytes: UnsafeBufferPointer<UInt8>, into marks: inout [(start: Int, count: Int, mark: Mark)]
  ) -> Bool {
    var start = 0
    while start < bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != 0x2C { end += 1 }
      if end > start {
        // Parts split on ':', empty ones skipped: exactly two must remain.
        var parts = 0
        var name = (0, 0)
        var value = (0, 0)
        var partStart = start
        for index in start...end where index == end || bytes[index] == 0x3A {
          if index > partStart {
            parts += 1
            if parts == 1 { name = (partStart, index) } else { value = (partStart, index) }
          }
          partStart = index + 1
        }
        guard parts == 2, let mark = markValue(bytes, value) else { return false }
        marks.append((name.0, name.1 - name.0, mark))
      }
      start = end + 1
    }
    // Few marks per entry: an insertion sort on (order, name bytes), the order of
    // EntryReader's sort on (order, name) for ASCII names.
    for index in marks.indices.dropFirst() {
      var position = index
      while position > 0 && precedes(marks[position], marks[position - 1], in: bytes) {
        marks.swapAt(position, position - 1)
        position -= 1
      }
    }
    return true
  }

  /// `Mark(storedValue: Int(text))`, on the bytes of `range`.
  private static func markValue(_ bytes: UnsafeBufferPointer<UInt8>, _ range: (Int, Int)) -> Mark? {
    var index = range.0
    var negative = false
    if bytes[index] == 0x2B || bytes[index] == 0x2D {
      negative = bytes[index] == 0x2D
      index += 1
    }
    guard index < range.1 else { return nil }
    var value = 0
    while index < range.1 {
      let byte = bytes[index]
      guard (0x30...0x39).contains(byte) else { return nil }
      value = value * 10 + Int(byte - 0x30)
      if value > 1 { return nil }  // no mark is larger: stop before any overflow
      index += 1
    }
    return Mark(storedValue: negative ? -value : value)
  }

  private static func precedes(
    _ left: (start: Int, count: Int, mark: Mark), _ right: (start: Int, count: Int, mark: Mark),
    in bytes: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    if left.mark.order != right.mark.order { return left.mark.order < right.mark.order }
    return UnsafeBufferPointer(rebasing: bytes[left.start..<(left.start + left.count)])
      .lexicographicallyPrecedes(
        UnsafeBufferPointer(rebasing: bytes[right.start..<(right.start + right.count)]))
  }

  /// Whether every byte is below 0x80, eight at a time.
  public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let raw = UnsafeRawBufferPointer(bytes)
    var index = 0
    var seen: UInt64 = 0
    while index + 8 <= raw.count {
      seen |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      index += 8
    }
    while index < raw.count {
      seen |= UInt64(raw[index])
      index += 1
    }
    return seen & 0x8080_8080_8080_8080 == 0
  }
}
