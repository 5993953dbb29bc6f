import CSQLite

/// A prepared statement, finalized in `deinit`. Values are always bound, never spliced into
/// SQL text.
final class Statement {
  let handle: OpaquePointer
  /// Unowned: a connection's cache holds its statements. Whatever keeps a statement past the
  /// call that made it (a cursor) keeps its connection too.
  unowned let connection: Connection
  let sql: String

  /// A value that can be bound to a `?` placeholder.
  enum Value: Equatable {
    case integer(Int64)
    case text(String)
    case blob([UInt8])
    case null
  }

  init(connection: Connection, sql: String) throws(StoreError) {
    var handle: OpaquePointer?
    let code = sqlite3_prepare_v2(connection.handle, sql, -1, &handle, nil)
    guard code == SQLITE_OK, let handle else {
      sqlite3_finalize(handle)
      throw connection.fail(code, sql: sql)
    }
    self.handle = handle
    self.connection = connection
    self.sql = sql
  }

  deinit {
    sqlite3_finalize(handle)
  }

  /// Resets the statement and binds `values` to its placeholders, in order.
  ///
  /// - Parameter values: One value per `?`.
  /// - Throws: `StoreError.sqlite` when a value cannot be bound.
  func bind(_ values: [Value]) throws(StoreError) {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    for (offset, value) in values.enumerated() {
      let index = Int32(offset + 1)
      let code: Int32
      switch value {
      case .integer(let number):
        code = sqlite3_bind_int64(handle, index, number)
      case .text(let string):
        // The explicit byte count keeps text after a NUL; SQLITE_TRANSIENT makes SQLite copy
        // the bytes before the Swift string goes away.
        var utf8 = string
        code = utf8.withUTF8 { bytes in
          bytes.withMemoryRebound(to: CChar.self) { chars in
            guard let base = chars.baseAddress else {
              return sqlite3_bind_text(handle, index, "", 0, nil)  // a static empty string
            }
            return sqlite3_bind_text(
              handle, index, base, Int32(chars.count),
              unsafeBitCast(-1, to: sqlite3_destructor_type.self))
          }
        }
      case .blob(let bytes):
        code = bytes.withUnsafeBytes { raw in
          // A NULL pointer would bind NULL: an empty BLOB is a zero-length zeroblob.
          guard let base = raw.baseAddress else { return sqlite3_bind_zeroblob(handle, index, 0) }
          return sqlite3_bind_blob(
            handle, index, base, Int32(raw.count),
            unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
      case .null:
        code = sqlite3_bind_null(handle, index)
      }
      guard code == SQLITE_OK else { throw connection.fail(code, sql: sql) }
    }
  }

  /// Binds to placeholder `index` a copy of column `column` of `other`'s current row, exactly
  /// as SQLite holds it (type and bytes), without making a Swift value of it.
  ///
  /// - Parameters:
  ///   - index: The placeholder, from 1.
  ///   - column: The column of `other`, from 0.
  ///   - other: A statement on a row (of any connection).
  /// - Throws: `StoreError.sqlite` when the value cannot be bound.
  func bind(_ index: Int32, copyOf column: Int32, in other: Statement) throws(StoreError) {
    // sqlite3_bind_value copies the value, so it outlives `other`'s next step.
    let code = sqlite3_bind_value(handle, index, sqlite3_column_value(other.handle, column))
    guard code == SQLITE_OK else { throw connection.fail(code, sql: sql) }
  }

  /// Advances to the next row.
  ///
  /// - Returns: `true` when a row is ready to read, `false` when the statement is done.
  /// - Throws: `StoreError` when the step fails.
  func step() throws(StoreError) -> Bool {
    let code = sqlite3_step(handle)
    switch code {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default: throw connection.fail(code, sql: sql)
    }
  }

  /// Binds `values` and runs the statement to completion, ignoring any rows.
  ///
  /// - Parameter values: One value per `?`.
  /// - Throws: `StoreError` when binding or stepping fails.
  func run(_ values: [Value] = []) throws(StoreError) {
    try bind(values)
    while try step() {}
  }

  /// Binds `values`, then calls `body` for each row, without holding all rows in memory.
  ///
  /// - Parameters:
  ///   - values: One value per `?`.
  ///   - body: Reads the current row through the `Statement`'s column accessors.
  /// - Throws: `StoreError` from SQLite, or what `body` throws.
  func forEachRow(_ values: [Value] = [], _ body: (Statement) throws(StoreError) -> Void)
    throws(StoreError)
  {
    try bind(values)
    while try step() {
      try body(self)
    }
  }

  /// The first column of the first row, as an integer, or `nil` when there is no row or it is
  /// NULL.
  ///
  /// - Parameter values: One value per `?`.
  /// - Returns: The value.
  /// - Throws: `StoreError` when the query fails.
  func scalarInt(_ values: [Value] = []) throws(StoreError) -> Int64? {
    try bind(values)
    defer { reset() }
    guard try step() else { return nil }
    return isNull(0) ? nil : int(0)
  }

  /// Ends the current run, so the statement holds no read snapshot open. A statement stepped
  /// once and kept (a cached one) would otherwise keep its connection reading the past.
  func reset() {
    sqlite3_reset(handle)
  }

  /// The first column of the first row, as text.
  func firstText() throws(StoreError) -> String? {
    try bind([])
    defer { reset() }
    guard try step() else { return nil }
    return optionalText(0)
  }

  // MARK: - Columns by index

  func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

  func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

  func text(_ column: Int32) -> String {
    guard let bytes = sqlite3_column_text(handle, column) else { return "" }
    let count = Int(sqlite3_column_bytes(handle, column))
    return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
  }

  func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }

  /// The bytes of a text column as SQLite holds them, read in place without making a
  /// `String`; they are valid only inside `body` (the next step or reset frees them).
  func withBytes<R>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    guard let bytes = sqlite3_column_text(handle, column) else {
      return body(UnsafeBufferPointer(start: nil, count: 0))
    }
    return body(UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))))
  }

  func optionalInt(_ column: Int32) -> Int64? { isNull(column) ? nil : int(column) }

  // MARK: - Columns by name

  /// The result columns' indexes by name, read from SQLite on the first lookup.
  private var columnIndexes: [String: Int32]?

  /// The index of the result column called `name` (its `AS` name, or the column's own).
  ///
  /// Names are resolved once per prepared statement; a decoder that reads many rows resolves
  /// its columns once with ``column(_:)`` and reads them by ``Column`` afterwards.
  ///
  /// - Parameter name: A column of the statement's result; a missing one is a programming
  ///   error.
  /// - Returns: The column.
  func column(_ name: String) -> Column {
    if columnIndexes == nil {
      var indexes: [String: Int32] = [:]
      for index in 0..<sqlite3_column_count(handle) {
        guard let cName = sqlite3_column_name(handle, index) else { continue }
        let name = String(cString: cName)
        if indexes[name] == nil { indexes[name] = index }  // the first of two equal names
      }
      columnIndexes = indexes
    }
    guard let index = columnIndexes?[name] else {
      preconditionFailure("no column '\(name)' in '\(sql)'")
    }
    return Column(index: index, name: name)
  }

  /// A result column, resolved by name: its index and the name, for errors.
  struct Column {
    /// The position in the result row.
    let index: Int32
    /// The name the column was looked up by.
    let name: String
  }

  func int(_ column: Column) -> Int64 { int(column.index) }

  func isNull(_ column: Column) -> Bool { isNull(column.index) }

  func text(_ column: Column) -> String { text(column.index) }

  func optionalText(_ column: Column) -> String? { optionalText(column.index) }

  func optionalInt(_ column: Column) -> Int64? { optionalInt(column.index) }

  func int(_ name: String) -> Int64 { int(column(name)) }

  func isNull(_ name: String) -> Bool { isNull(column(name)) }

  func text(_ name: String) -> String { text(column(name)) }

  func optionalText(_ name: String) -> String? { optionalText(column(name)) }

  func optionalInt(_ name: String) -> Int64? { optionalInt(column(name)) }

  /// The value of `column` read by `parse`, or an error naming the table and column when the
  /// journal holds something this version cannot read (a day `garbage`, a track `x`).
  ///
  /// - Parameters:
  ///   - column: The column.
  ///   - table: The table the value comes from, for the error.
  ///   - parse: Reads the column's text; `nil` means it cannot.
  /// - Returns: The value.
  /// - Throws: `StoreError.corrupt(table:column:)`.
  func decode<T>(_ column: Column, of table: String, _ parse: (String) -> T?) throws(StoreError)
    -> T
  {
    guard let value = parse(text(column)) else {
      throw .corrupt(table: table, column: column.name)
    }
    return value
  }

  /// Like ``decode(_:of:_:)``, for a column looked up by name.
  func decode<T>(_ name: String, of table: String, _ parse: (String) -> T?) throws(StoreError)
    -> T
  {
    try decode(column(name), of: table, parse)
  }

  /// Like ``decode(_:of:_:)``, with `nil` for NULL.
  func decodeIfPresent<T>(_ name: String, of table: String, _ parse: (String) -> T?)
    throws(StoreError) -> T?
  {
    let column = column(name)
    return isNull(column) ? nil : try decode(column, of: table, parse)
  }
}
