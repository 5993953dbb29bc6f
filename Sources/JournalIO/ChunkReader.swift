/// A byte cursor over an ``InputFile`` read in fixed-size chunks, for parsers that look at one
/// byte at a time (the JSON and CSV readers): memory stays at one chunk however large the
/// file, and a failed read is an error rather than an early end.
///
/// ```swift
/// var reader = ChunkReader(try InputFile.open(path))
/// while let byte = try reader.next() { … }
/// ```
public struct ChunkReader {
  @usableFromInline let file: InputFile
  @usableFromInline var buffer: [UInt8]
  @usableFromInline var position = 0
  @usableFromInline var count = 0
  @usableFromInline var consumed = 0  // bytes before `buffer[0]`
  @usableFromInline var atEnd = false

  /// A cursor at the start of `file`.
  ///
  /// - Parameters:
  ///   - file: The input; it stays open as long as the reader.
  ///   - chunkSize: Bytes per read (64 KiB unless given).
  public init(_ file: InputFile, chunkSize: Int = 1 << 16) {
    self.file = file
    buffer = [UInt8](repeating: 0, count: max(1, chunkSize))
  }

  /// Where errors should say the input came from.
  public var place: IOError.Place { file.place }

  /// The offset of the next unread byte from the start of the input.
  @inlinable public var offset: Int { consumed + position }

  /// The next byte without consuming it.
  ///
  /// - Returns: The byte, or `nil` at the end of the input.
  /// - Throws: `IOError` when a read fails.
  @inlinable
  public mutating func peek() throws(IOError) -> UInt8? {
    if position == count {
      guard try refill() else { return nil }
    }
    return buffer[position]
  }

  /// The next byte, consumed.
  ///
  /// - Returns: The byte, or `nil` at the end of the input.
  /// - Throws: `IOError` when a read fails.
  @inlinable
  public mutating func next() throws(IOError) -> UInt8? {
    guard let byte = try peek() else { return nil }
    position += 1
    return byte
  }

  /// Consumes the byte ``peek()`` returned (does nothing at the end of the input).
  @inlinable
  public mutating func skip() {
    if position < count { position += 1 }
  }

  /// Reads the next chunk; `false` at the end of the input.
  @usableFromInline
  mutating func refill() throws(IOError) -> Bool {
    if atEnd { return false }
    consumed += count
    position = 0
    count = 0
    let read = try file.read(into: &buffer)
    if read == 0 {
      atEnd = true
      return false
    }
    count = read
    return true
  }
}
