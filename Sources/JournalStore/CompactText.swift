import JournalCore

/// How `entry` keeps its uuid and timestamps small (migration 0009, issue 16), and how they
/// read back as the very text they were: a journal of 1,000,000 entries spent 43 bytes a row
/// on a uuid's text and 59 on its index, and 40 on two timestamps that were mostly equal.
///
/// - A uuid in one of the two forms this program writes is a BLOB: 32 lowercase hex digits
///   (`add`, and a bulk load since 2026-11-30) are their 16 bytes; `YYYY-MM-DD-` and 32 hex
///   digits (a bulk load before, day first so a chronological load appends to the index) are
///   the day in 3 bytes and the 16. Any other uuid (an import's `jrnl-…`, uppercase hex) stays
///   TEXT, byte for byte.
/// - A timestamp written `YYYY-MM-DDTHH:MM:SSZ` (as SQLite's `strftime` writes it) in years
///   1900–2999 is an INTEGER, the seconds since 1970; any other text stays TEXT.
/// - `updatedAt` is NULL while the entry has not changed since `createdAt`.
///
/// A text and a BLOB or INTEGER never compare equal in SQLite, and each form decodes to the one
/// text it came from, so the mapping keeps `UNIQUE (uuid)` and every export byte as they were.
enum CompactText {
  /// Days from 1900-01-01 (the earliest a journal accepts) to 1970-01-01: a day's 3 bytes
  /// hold its ordinal plus this, 0 ... 401,767 for 1900 ... 2999.
  private static let dayOffset = -Day.supportedOrdinals.lowerBound

  // MARK: - Writing

  /// The value to store for `uuid`.
  ///
  /// - Parameter uuid: The entry's stable id as text.
  /// - Returns: A BLOB of 16 or 19 bytes for the program's own forms, else the text.
  static func uuid(_ uuid: String) -> Statement.Value {
    let bytes = Array(uuid.utf8)
    if bytes.count == 32, let raw = hexBytes(bytes[...]) { return .blob(raw) }
    guard bytes.count == 43, bytes[10] == UInt8(ascii: "-"),
      let day = Day(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
      let raw = hexBytes(bytes[11...])
    else { return .text(uuid) }
    let value = day.ordinal + dayOffset
    return .blob([UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] + raw)
  }

  /// The value to store for a timestamp.
  ///
  /// - Parameter timestamp: The recorded text.
  /// - Returns: The seconds since 1970 for `YYYY-MM-DDTHH:MM:SSZ`, else the text.
  static func timestamp(_ timestamp: Timestamp) -> Statement.Value {
    let bytes = Array(timestamp.iso.utf8)
    guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
      bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
      let day = Day(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
      let hour = number(bytes[11..<13]), hour < 24, let minute = number(bytes[14..<16]),
      minute < 60, let second = number(bytes[17..<19]), second < 60
    else { return .text(timestamp.iso) }
    return .integer(Int64(day.ordinal * 86_400 + hour * 3_600 + minute * 60 + second))
  }

  // MARK: - Reading

  /// The most bytes a decoded uuid or timestamp takes (`YYYY-MM-DD-` and 32 hex digits).
  static let maximumDecodedCount = 43

  /// Writes the uuid a stored BLOB stands for into `output`, which holds at least
  /// ``maximumDecodedCount`` bytes (an unknown length is written as plain hex, at most that).
  ///
  /// - Returns: The bytes written.
  static func write(
    storedBlob bytes: UnsafeBufferPointer<UInt8>, to output: UnsafeMutableBufferPointer<UInt8>
  ) -> Int {
    var count = 0
    var raw = bytes[...]
    if bytes.count == 19 {
      let value = Int(bytes[0]) << 16 | Int(bytes[1]) << 8 | Int(bytes[2])
      count = write(day: Day(ordinal: value - dayOffset), to: output)
      output[count] = UInt8(ascii: "-")
      count += 1
      raw = bytes[3...]
    }
    for byte in raw.prefix((maximumDecodedCount - count) / 2) {
      output[count] = hexDigits[Int(byte >> 4)]
      output[count + 1] = hexDigits[Int(byte & 0x0F)]
      count += 2
    }
    return count
  }

  /// Writes `YYYY-MM-DDTHH:MM:SSZ` for `seconds` since 1970 into `output` (at least 20 bytes).
  ///
  /// - Returns: The bytes written: 20.
  static func write(storedSeconds seconds: Int64, to output: UnsafeMutableBufferPointer<UInt8>)
    -> Int
  {
    let (days, rest) = Int(seconds).quotientAndRemainder(dividingBy: 86_400)
    let (day, time) = rest < 0 ? (days - 1, rest + 86_400) : (days, rest)
    var count = write(day: Day(ordinal: day), to: output)
    output[count] = UInt8(ascii: "T")
    count += 1 + write(time / 3_600, digits: 2, to: output, at: count + 1)
    output[count] = UInt8(ascii: ":")
    count += 1 + write(time / 60 % 60, digits: 2, to: output, at: count + 1)
    output[count] = UInt8(ascii: ":")
    count += 1 + write(time % 60, digits: 2, to: output, at: count + 1)
    output[count] = UInt8(ascii: "Z")
    return count + 1
  }

  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  /// `YYYY-MM-DD`, as ``Day/iso`` spells it, without making a `String`: 10 bytes.
  static func write(day: Day, to output: UnsafeMutableBufferPointer<UInt8>) -> Int {
    let (year, month, dayOfMonth) = day.components
    var count = write(year, digits: 4, to: output, at: 0)
    output[count] = UInt8(ascii: "-")
    count += 1 + write(month, digits: 2, to: output, at: count + 1)
    output[count] = UInt8(ascii: "-")
    return count + 1 + write(dayOfMonth, digits: 2, to: output, at: count + 1)
  }

  /// `value` in exactly `digits` decimal digits (a year outside 0 ... 9999 is never stored).
  private static func write(
    _ value: Int, digits: Int, to output: UnsafeMutableBufferPointer<UInt8>, at start: Int
  ) -> Int {
    var rest = max(0, value)
    for index in stride(from: start + digits - 1, through: start, by: -1) {
      output[index] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
    }
    return digits
  }

  private static func hexBytes(_ text: ArraySlice<UInt8>) -> [UInt8]? {
    func nibble(_ byte: UInt8) -> UInt8? {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
      default: nil
      }
    }
    guard text.count == 32 else { return nil }
    var result: [UInt8] = []
    result.reserveCapacity(16)
    var index = text.startIndex
    while index < text.endIndex {
      guard let high = nibble(text[index]), let low = nibble(text[index + 1]) else { return nil }
      result.append(high << 4 | low)
      index += 2
    }
    return result
  }

  private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
    var value = 0
    for byte in digits {
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }
}
