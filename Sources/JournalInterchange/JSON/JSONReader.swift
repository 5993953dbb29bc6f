import JournalIO

/// A parsed JSON value, for one element of a file at a time.
enum JSONNode: Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONNode])
  case object([String: JSONNode])

  subscript(key: String) -> JSONNode? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  var int: Int? {
    if case .number(let value) = self, value == value.rounded(), abs(value) < 9e15 {
      return Int(value)
    }
    return nil
  }

  var bool: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  var array: [JSONNode]? {
    if case .array(let values) = self { return values }
    return nil
  }

  var isNull: Bool { self == .null }
}

/// A pull parser over a file read in chunks: the importer walks the top-level object and
/// parses one entry at a time, so a file of a million entries never sits in memory whole.
struct JSONReader {

  private let file: InputFile
  /// The read that failed, if one did: from then on the file reads as ended, and every error
  /// the parser raises carries it (see ``SyntaxError/readFailure``).
  private var readFailure: IOError?
  private var buffer: [UInt8]
  private var position = 0
  private var count = 0
  private var consumed = 0  // bytes before `buffer[0]`
  private var stringBytes: [UInt8] = []  // the string being read, reused from one to the next

  /// Reads from `file`, `chunkSize` bytes at a time.
  init(file: InputFile, chunkSize: Int = 1 << 16) {
    self.file = file
    buffer = [UInt8](repeating: 0, count: chunkSize)
  }

  /// Reads from an open file descriptor (not closed here).
  init(fileDescriptor: Int32, chunkSize: Int = 1 << 16) {
    self.init(
      file: InputFile(
        descriptor: FileDescriptor(rawValue: fileDescriptor), place: .file("input"),
        closing: false),
      chunkSize: chunkSize)
  }

  /// The byte offset of the next unread byte.
  var offset: Int { consumed + position }

  private mutating func fill() -> Bool {
    consumed += count
    position = 0
    count = 0
    guard readFailure == nil else { return false }
    do {
      count = try file.read(into: &buffer)
    } catch {
      readFailure = error
    }
    return count > 0
  }

  private mutating func peek() -> UInt8? {
    if position == count && !fill() { return nil }
    return buffer[position]
  }

  private mutating func next() -> UInt8? {
    guard let byte = peek() else { return nil }
    position += 1
    return byte
  }

  private func fail(_ message: String) -> SyntaxError {
    SyntaxError(message: message, location: .byte(offset), readFailure: readFailure)
  }

  private mutating func skipWhitespace() {
    while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
      position += 1
    }
  }

  private mutating func expect(_ byte: UInt8) throws(SyntaxError) {
    skipWhitespace()
    guard next() == byte else {
      throw fail("expected '\(Character(Unicode.Scalar(byte)))'")
    }
  }

  /// Calls `body` with each key of the object that starts here; `body` must read the value.
  mutating func readObject(_ body: (String, inout JSONReader) throws -> Void) throws {
    try expect(UInt8(ascii: "{"))
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      position += 1
      return
    }
    while true {
      skipWhitespace()
      let key = try readString()
      try expect(UInt8(ascii: ":"))
      try body(key, &self)
      skipWhitespace()
      switch next() {
      case UInt8(ascii: ","): continue
      case UInt8(ascii: "}"): return
      default: throw fail("expected ',' or '}' in an object")
      }
    }
  }

  /// Calls `body` for each element of the array that starts here; `body` must read it.
  mutating func readArray(_ body: (inout JSONReader) throws -> Void) throws {
    try expect(UInt8(ascii: "["))
    skipWhitespace()
    if peek() == UInt8(ascii: "]") {
      position += 1
      return
    }
    while true {
      try body(&self)
      skipWhitespace()
      switch next() {
      case UInt8(ascii: ","): continue
      case UInt8(ascii: "]"): return
      default: throw fail("expected ',' or ']' in an array")
      }
    }
  }

  /// Parses the whole value that starts here.
  mutating func readValue(depth: Int = 0) throws(SyntaxError) -> JSONNode {
    guard depth < 64 else { throw fail("nested too deeply") }
    skipWhitespace()
    guard let byte = peek() else { throw fail("unexpected end of file") }
    switch byte {
    case UInt8(ascii: "{"):
      var members: [String: JSONNode] = [:]
      do {
        try readObject { key, reader in members[key] = try reader.readValue(depth: depth + 1) }
      } catch let failure as SyntaxError {
        throw failure
      } catch {
        throw fail("\(error)")
      }
      return .object(members)
    case UInt8(ascii: "["):
      var values: [JSONNode] = []
      do {
        try readArray { reader in values.append(try reader.readValue(depth: depth + 1)) }
      } catch let failure as SyntaxError {
        throw failure
      } catch {
        throw fail("\(error)")
      }
      return .array(values)
    case UInt8(ascii: "\""):
      return .string(try readString())
    case UInt8(ascii: "t"):
      try readLiteral("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try readLiteral("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try readLiteral("null")
      return .null
    default:
      return .number(try readNumber())
    }
  }

  /// Skips a UTF-8 byte order mark (EF BB BF) at the very start of the file, which some
  /// editors write; JSON itself never starts with 0xEF.
  mutating func skipByteOrderMark() throws(SyntaxError) {
    guard offset == 0, peek() == 0xEF else { return }
    position += 1
    guard next() == 0xBB, next() == 0xBF else { throw fail("invalid byte at the start") }
  }

  /// Skips the value that starts here.
  mutating func skipValue() throws(SyntaxError) {
    _ = try readValue()
  }

  /// Checks that nothing but white space follows.
  mutating func expectEnd() throws(SyntaxError) {
    skipWhitespace()
    guard peek() == nil else { throw fail("unexpected data after the end") }
    if readFailure != nil { throw fail("the file could not be read to its end") }
  }

  private mutating func readLiteral(_ word: String) throws(SyntaxError) {
    for byte in word.utf8 {
      guard next() == byte else { throw fail("invalid literal") }
    }
  }

  private mutating func readNumber() throws(SyntaxError) -> Double {
    var text = ""
    while let byte = peek(),
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
        || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
        || byte == UInt8(ascii: "E")
    {
      text.unicodeScalars.append(Unicode.Scalar(byte))
      position += 1
    }
    guard let value = Double(text) else { throw fail("invalid value") }
    // Swift reads 1e400 as infinity, which no JSON writer can print back (found by fuzzing).
    guard value.isFinite else { throw fail("a number out of range") }
    return value
  }

  /// Reads a string, decoding escapes; invalid UTF-8 is refused.
  mutating func readString() throws(SyntaxError) -> String {
    skipWhitespace()
    guard next() == UInt8(ascii: "\"") else { throw fail("expected a string") }
    stringBytes.removeAll(keepingCapacity: true)
    while true {
      // Copy the run of plain bytes up to the next quote, backslash or control character in
      // one go: entry texts are long, and byte-at-a-time reading was 13% of an import.
      if position == count && !fill() { throw fail("unterminated string") }
      let start = position
      let limit = count
      let end = buffer.withUnsafeBufferPointer { bytes in
        var index = start
        while index < limit {
          let byte = bytes[index]
          if byte == 0x22 || byte == 0x5C || byte < 0x20 { break }
          index += 1
        }
        return index
      }
      stringBytes.append(contentsOf: buffer[start..<end])
      position = end
      if position == count { continue }
      let byte = buffer[position]
      position += 1
      switch byte {
      case UInt8(ascii: "\""):
        // ASCII needs no validation, and the check is far quicker than String(validating:).
        if stringBytes.withUnsafeBufferPointer({ $0.allSatisfy { $0 < 0x80 } }) {
          return String(decoding: stringBytes, as: UTF8.self)
        }
        guard let string = String(validating: stringBytes, as: UTF8.self) else {
          throw fail("a string is not valid UTF-8")
        }
        return string
      case UInt8(ascii: "\\"):
        guard let escape = next() else { throw fail("unterminated string") }
        switch escape {
        case UInt8(ascii: "\""): stringBytes.append(0x22)
        case UInt8(ascii: "\\"): stringBytes.append(0x5C)
        case UInt8(ascii: "/"): stringBytes.append(0x2F)
        case UInt8(ascii: "b"): stringBytes.append(0x08)
        case UInt8(ascii: "f"): stringBytes.append(0x0C)
        case UInt8(ascii: "n"): stringBytes.append(0x0A)
        case UInt8(ascii: "r"): stringBytes.append(0x0D)
        case UInt8(ascii: "t"): stringBytes.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try readHex4()
          if (0xD800...0xDBFF).contains(scalar) {
            guard next() == UInt8(ascii: "\\"), next() == UInt8(ascii: "u") else {
              throw fail("an unpaired surrogate")
            }
            let low = try readHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw fail("an unpaired surrogate") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let unicode = Unicode.Scalar(scalar) else { throw fail("an invalid \\u escape") }
          stringBytes.append(contentsOf: String(Character(unicode)).utf8)
        default:
          throw fail("an invalid escape")
        }
      default:
        throw fail("a control character inside a string")
      }
    }
  }

  private mutating func readHex4() throws(SyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = next(), let digit = Self.hexValue(byte) else {
        throw fail("an invalid \\u escape")
      }
      value = value * 16 + digit
    }
    return value
  }

  private static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }
}
