/// A sequence of rows read one at a time, in GRDB's `Cursor` shape: the caller owns the loop,
/// so it handles its own errors and stops when it likes.
///
/// ```swift
/// var entries = try journal.entries(EntryFilter(limit: 10))
/// while let entry = try entries.next() {
///   print(entry.text)
/// }
/// ```
///
/// A cursor reads from the journal while it is iterated: it ends its statement (releasing the
/// read snapshot) when it returns `nil` or throws, and a cursor dropped before its end takes
/// its statement with it. Iterate one cursor at a time, and not across writes to the journal.
public protocol Cursor<Element> {
  /// What each row becomes.
  associatedtype Element

  /// Advances to the next element.
  ///
  /// - Returns: The element, or `nil` once there are no more (and on every call after).
  /// - Throws: `StoreError` when SQLite fails or a row is corrupt; the cursor is then done.
  mutating func next() throws(StoreError) -> Element?
}
