import CSQLite
import JournalCore

extension Connection {
  /// Defines `journalCompactUUID(text)` and `journalCompactTime(text)` on this connection: the
  /// stored forms of ``CompactText`` for migration 0009, which rewrites the uuids and timestamps
  /// of existing entries with them (SQLite 3.40 has no `unhex`). A value that is not text is
  /// returned as it is. The functions live only on the migrating connection, never in the
  /// schema, so the `sqlite3` tool can still read and write every journal.
  ///
  /// - Throws: `StoreError` when SQLite refuses a definition.
  func defineCompactTextFunctions() throws(StoreError) {
    let functions: [(name: String, isUUID: Bool)] = [
      ("journalCompactUUID", true), ("journalCompactTime", false),
    ]
    for function in functions {
      let code = sqlite3_create_function_v2(
        handle, function.name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
        UnsafeMutableRawPointer(bitPattern: function.isUUID ? 1 : 2),
        { context, _, arguments in
          guard let context, let argument = arguments?[0] else { return }
          guard sqlite3_value_type(argument) == SQLITE_TEXT,
            let bytes = sqlite3_value_text(argument)
          else { return sqlite3_result_value(context, argument) }
          let text = String(
            decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_value_bytes(argument))),
            as: UTF8.self)
          let isUUID = Int(bitPattern: sqlite3_user_data(context)) == 1
          switch isUUID ? CompactText.uuid(text) : CompactText.timestamp(Timestamp(iso: text)) {
          case .integer(let seconds):
            sqlite3_result_int64(context, seconds)
          case .blob(let raw):
            raw.withUnsafeBytes { buffer in
              sqlite3_result_blob(
                context, buffer.baseAddress, Int32(buffer.count),
                unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            }
          case .text, .null:
            sqlite3_result_value(context, argument)
          }
        }, nil, nil, nil)
      guard code == SQLITE_OK else { throw fail(code, sql: "define \(function.name)") }
    }
  }
}
