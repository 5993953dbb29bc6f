import JournalIO

/// Reads RFC 4180 records (quoted fields may hold commas, quotes and line breaks) from a file
/// in chunks, one record at a time.
///
/// Lines may end in LF, CRLF or a lone CR (old Mac files); a UTF-8 byte order mark at the
/// start is skipped. Memory is bounded: a record longer than ``maximumRecordBytes`` is refused
/// as soon as it is, so a file without line breaks (`/dev/zero`) fails fast.
struct CSVReader {
  /// The longest record (line, with its quoted line breaks) accepted: 2 MiB, twice the 1 MiB
  /// limit of an entry's text, so any export of the journal reads back.
  static let maximumRecordBytes = 2 << 20
  private let file: InputFile
  /// The read that failed, if one did; the file reads as ended from then on, and the record
  /// being read fails with it.
  private var readFailure: IOError?
  private var buffer = [UInt8](repeating: 0, count: 1 << 16)
  private var position = 0
  private var count = 0
  /// The 1-based line where the next record starts, for error messages.
  private(set) var line = 1

  /// Reads from `file`.
  init(file: InputFile) {
    self.file = file
  }

  /// Reads from an open file descriptor (not closed here).
  init(fileDescriptor: Int32) {
    self.init(
      file: InputFile(
        descriptor: FileDescriptor(rawValue: fileDescriptor), place: .file("input"),
        closing: false))
  }

  private var started = false

  private mutating func next() -> UInt8? {
    if position == count {
      position = 0
      count = 0
      guard readFailure == nil else { return nil }
      do {
        count = try file.read(into: &buffer)
        if !started {
          started = true
          try skipByteOrderMark()
        }
      } catch {
        readFailure = error
      }
      if count == 0 || position == count { return nil }
    }
    position += 1
    return buffer[position - 1]
  }

  /// At the first read: reads until the buffer holds 3 bytes (or the file ends) and steps
  /// over EF BB BF.
  private mutating func skipByteOrderMark() throws(IOError) {
    while count > 0 && count < 3 {
      let more = try buffer.withUnsafeMutableBytes { raw in
        Result { () throws(IOError) in
          try file.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[count...]))
        }
      }.get()
      if more == 0 { break }
      count += more
    }
    if count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { position = 3 }
  }

  private mutating func peek() -> UInt8? {
    guard let byte = next() else { return nil }
    position -= 1
    return byte
  }

  /// The next record's fields, or `nil` at the end of the file.
  mutating func readRecord() throws(SyntaxError) -> [String]? {
    guard peek() != nil else {
      if let readFailure {
        throw SyntaxError(
          message: "the file could not be read to its end", location: .line(line),
          readFailure: readFailure)
      }
      return nil
    }
    var fields: [String] = []
    var field: [UInt8] = []
    var quoted = false
    let firstLine = line
    var quoteLine = line
    var bytes = 0
    func finish(_ bytes: [UInt8]) throws(SyntaxError) -> String {
      guard let text = String(validating: bytes, as: UTF8.self) else {
        throw SyntaxError(message: "a field is not valid UTF-8", location: .line(line))
      }
      return text
    }
    while let byte = next() {
      bytes += 1
      guard bytes <= Self.maximumRecordBytes else {
        throw SyntaxError(
          message:
            "the record is longer than \(Self.maximumRecordBytes >> 20) MiB (a file without line "
            + "breaks?)", location: .line(firstLine))
      }
      if quoted {
        if byte == UInt8(ascii: "\"") {
          if peek() == UInt8(ascii: "\"") {
            position += 1
            field.append(byte)
          } else {
            quoted = false
          }
        } else {
          if byte == 0x0A || (byte == 0x0D && peek() != 0x0A) { line += 1 }
          field.append(byte)
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\"") where field.isEmpty:
        quoted = true
        quoteLine = line
      case UInt8(ascii: ","):
        fields.append(try finish(field))
        field = []
      case 0x0D where peek() == 0x0A:
        continue
      case 0x0A, 0x0D:
        line += 1
        fields.append(try finish(field))
        return fields
      default:
        field.append(byte)
      }
    }
    if let readFailure {
      throw SyntaxError(
        message: "the file could not be read to its end", location: .line(line),
        readFailure: readFailure)
    }
    if quoted {
      throw SyntaxError(
        message: "a quoted field is not closed (it opens on line \(quoteLine))",
        location: .line(quoteLine))
    }
    fields.append(try finish(field))
    return fields
  }
}
