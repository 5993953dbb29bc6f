import JournalCore

/// The entries of a query, read one at a time as the caller asks for them: a dense journal
/// costs no more than the entries the caller takes.
///
/// Made by ``Journal/entries(_:)``, ``Journal/storedEntries(since:until:includeDeleted:chronological:)``
/// and ``Journal/quotableEntries(tag:mark:in:limit:)``.
public struct EntryCursor: Cursor {
  /// The rows walked: whole entries, or (for a walk over ids) the entry each id still names,
  /// `nil` when it is gone.
  private var rows: any Cursor<Entry?>

  /// A cursor over `rows`, a statement over ``Journal/entrySelect`` with its values bound.
  init(entries rows: Statement) {
    let reader = Journal.EntryReader(rows)
    self.rows = RowCursor(rows) { (_) throws(StoreError) in try reader.entry() }
  }

  /// A cursor that reads, for each row of `ids` (values bound, an `id` column), the entry
  /// `fetch` (``Journal/entrySelect`` by id) gives, skipping ids it no longer finds.
  init(ids: Statement, fetch: Statement) {
    let reader = Journal.EntryReader(fetch)
    let id = ids.column("id")
    self.rows = RowCursor(ids) { (row) throws(StoreError) -> Entry? in
      try fetch.bind([.integer(row.int(id))])
      defer { fetch.reset() }
      return try fetch.step() ? try reader.entry() : nil
    }
  }

  /// A cursor that reads, for each id `ids` gives, the entry `fetch` (``Journal/entrySelect``
  /// by id) gives, skipping ids it no longer finds.
  init(ids: some Cursor<Int64>, fetch: Statement) {
    self.rows = FetchingCursor(ids: ids, fetch: fetch)
  }

  /// Advances to the next entry.
  ///
  /// - Returns: The entry, or `nil` when there are no more.
  /// - Throws: `StoreError` on a SQLite failure or a corrupt row; the cursor is then done.
  public mutating func next() throws(StoreError) -> Entry? {
    while let found = try rows.next() {
      if let entry = found { return entry }
    }
    return nil
  }
}

/// The entry of each id another cursor gives, `nil` for an id whose entry is gone.
private struct FetchingCursor<IDs: Cursor<Int64>>: Cursor {
  var ids: IDs
  let fetch: Statement
  let reader: Journal.EntryReader

  init(ids: IDs, fetch: Statement) {
    self.ids = ids
    self.fetch = fetch
    self.reader = Journal.EntryReader(fetch)
  }

  mutating func next() throws(StoreError) -> Entry?? {
    guard let id = try ids.next() else { return nil }
    try fetch.bind([.integer(id)])
    defer { fetch.reset() }
    return .some(try fetch.step() ? try reader.entry() : nil)
  }
}
