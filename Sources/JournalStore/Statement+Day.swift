import CSQLite
import JournalCore

// How `entry` stores a day (migration 0010, issue 16): an INTEGER, the days since 1970-01-01,
// which is `Day.ordinal`. Ten characters of `YYYY-MM-DD` took 10 bytes in the row and in each
// index by day; the ordinal takes 2 (1880–2059) or 3. Every day the store binds or reads for
// `entry` goes through these; experiments, roles and reflections keep ISO text.

extension Statement.Value {
  /// A day as `entry` stores it.
  static func day(_ day: Day) -> Self { .integer(Int64(day.ordinal)) }
}

extension Statement {
  /// The day `column` holds, or `nil` when it is not an INTEGER in `Day.supportedOrdinals`,
  /// 1900-01-01 ... 2999-12-31, the CHECK of 0010 (a file changed by another program).
  func day(_ column: Int32) -> Day? {
    guard sqlite3_column_type(handle, column) == SQLITE_INTEGER else { return nil }
    let value = int(column)
    return Day.supportedOrdinals.contains(Int(value)) ? Day(ordinal: Int(value)) : nil
  }

  /// The day `column` holds.
  ///
  /// - Throws: `StoreError.corrupt` for anything but a stored day.
  func decodeDay(_ column: Column, of table: String) throws(StoreError) -> Day {
    guard let day = day(column.index) else { throw .corrupt(table: table, column: column.name) }
    return day
  }

  /// Like ``decodeDay(_:of:)``, for a column looked up by name.
  func decodeDay(_ name: String, of table: String) throws(StoreError) -> Day {
    try decodeDay(column(name), of: table)
  }
}
