#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads RFC 4180 records (quoted fields may hold commas, quotes and line breaks) from a file
/// in chunks, one record at a time.
struct CSVReader {
  private let fd: Int32
  private var buffer = [UInt8](repeating: 0, count: 1 << 16)
  private var position = 0
  private var count = 0
  /// The 1-based line where the next record starts, for error messages.
  private(set) var line = 1

  init(fileDescriptor: Int32) {
    fd = fileDescriptor
  }

  private mutating func next() -> UInt8? {
    if position == count {
      count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      position = 0
      if count <= 0 {
        count = 0
        return nil
      }
    }
    position += 1
    return buffer[position - 1]
  }

  private mutating func peek() -> UInt8? {
    guard let byte = next() else { return nil }
    position -= 1
    return byte
  }

  /// The next record's fields, or `nil` at the end of the file.
  mutating func readRecord() throws(SyntaxError) -> [String]? {
    guard peek() != nil else { return nil }
    var fields: [String] = []
    var field: [UInt8] = []
    var quoted = false
    func finish(_ bytes: [UInt8]) throws(SyntaxError) -> String {
      guard let text = String(validating: bytes, as: UTF8.self) else {
        throw SyntaxError(message: "a field is not valid UTF-8", location: .line(line))
      }
      return text
    }
    while let byte = next() {
      if quoted {
        if byte == UInt8(ascii: "\"") {
          if peek() == UInt8(ascii: "\"") {
            position += 1
            field.append(byte)
          } else {
            quoted = false
          }
        } else {
          if byte == 0x0A { line += 1 }
          field.append(byte)
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\"") where field.isEmpty:
        quoted = true
      case UInt8(ascii: ","):
        fields.append(try finish(field))
        field = []
      case 0x0D where peek() == 0x0A:
        continue
      case 0x0A:
        line += 1
        fields.append(try finish(field))
        return fields
      default:
        field.append(byte)
      }
    }
    if quoted { throw SyntaxError(message: "a quoted field is not closed", location: .line(line)) }
    fields.append(try finish(field))
    return fields
  }
}
