import JournalCore

/// The entries of a query, read one at a time as the caller asks for them: a dense journal
/// costs no more than the entries the caller takes.
///
/// Made by ``Journal/entries(_:)``, ``Journal/storedEntries(since:until:includeDeleted:chronological:)``
/// and ``Journal/quotableEntries(tag:mark:in:limit:)``.
public struct EntryCursor: Cursor {
  /// The rows walked: whole entries, or (with `fetch`) the ids of entries to read.
  private let rows: Statement
  /// Reads one entry by id, for a walk over ids.
  private let fetch: Statement?
  private let reader: Journal.EntryReader
  private let id: Statement.Column?
  /// Keeps the database open while the cursor lives, even when its `Journal` is gone.
  private let connection: Connection
  private var isDone = false

  /// A cursor over `rows`, a statement over ``Journal/entrySelect`` with its values bound.
  init(entries rows: Statement) {
    self.rows = rows
    self.fetch = nil
    self.reader = Journal.EntryReader(rows)
    self.id = nil
    self.connection = rows.connection
  }

  /// A cursor that reads, for each row of `ids` (values bound, an `id` column), the entry
  /// `fetch` (``Journal/entrySelect`` by id) gives, skipping ids it no longer finds.
  init(ids: Statement, fetch: Statement) {
    self.rows = ids
    self.fetch = fetch
    self.reader = Journal.EntryReader(fetch)
    self.id = ids.column("id")
    self.connection = ids.connection
  }

  /// Advances to the next entry.
  ///
  /// - Returns: The entry, or `nil` when there are no more.
  /// - Throws: `StoreError` on a SQLite failure or a corrupt row; the cursor is then done.
  public mutating func next() throws(StoreError) -> Entry? {
    guard !isDone else { return nil }
    do throws(StoreError) {
      while try rows.step() {
        guard let fetch, let id else { return try reader.entry() }
        try fetch.bind([.integer(rows.int(id))])
        defer { fetch.reset() }
        if try fetch.step() { return try reader.entry() }
      }
    } catch {
      finish()
      throw error
    }
    finish()
    return nil
  }

  /// Ends the statements, so the cursor holds no read snapshot open.
  private mutating func finish() {
    isDone = true
    rows.reset()
    fetch?.reset()
  }
}
