/// The rows of one statement, each read into an `Element` as the caller asks for it.
public struct RowCursor<Element>: Cursor {
  private let statement: Statement
  private let read: (Statement) throws(StoreError) -> Element
  /// Keeps the database open while the cursor lives, even when its `Journal` is gone.
  private let connection: Connection
  private var isDone = false

  /// A cursor over `statement`, its values bound; `read` decodes the current row.
  init(_ statement: Statement, read: @escaping (Statement) throws(StoreError) -> Element) {
    self.statement = statement
    self.read = read
    self.connection = statement.connection
  }

  /// Advances to the next row.
  ///
  /// - Returns: The row's element, or `nil` when there are no more.
  /// - Throws: `StoreError` on a SQLite failure or a corrupt row; the cursor is then done.
  public mutating func next() throws(StoreError) -> Element? {
    guard !isDone else { return nil }
    do throws(StoreError) {
      if try statement.step() { return try read(statement) }
    } catch {
      finish()
      throw error
    }
    finish()
    return nil
  }

  /// Ends the statement, so the cursor holds no read snapshot open.
  private mutating func finish() {
    isDone = true
    statement.reset()
  }
}
