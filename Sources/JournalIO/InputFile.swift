#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A source of bytes: a file opened for reading, or standard input. Every read retries EINTR
/// and reports −1 as an ``IOError``, never as the end of the file.
///
/// ```swift
/// let bytes = try InputFile.open("entries.json").readAll(limit: 1 << 20)
/// ```
public final class InputFile: Sendable {
  /// The descriptor read from.
  public let descriptor: FileDescriptor
  /// How errors name the source.
  public let place: IOError.Place
  private let closesDescriptor: Bool

  /// Wraps a descriptor that is already open.
  ///
  /// - Parameters:
  ///   - descriptor: The descriptor to read.
  ///   - place: How errors name it.
  ///   - closing: Whether to close the descriptor when this value goes away.
  public init(descriptor: FileDescriptor, place: IOError.Place, closing: Bool) {
    self.descriptor = descriptor
    self.place = place
    self.closesDescriptor = closing
  }

  /// Standard input (descriptor 0), which is never closed here.
  public static var standardInput: InputFile {
    InputFile(descriptor: .standardInput, place: .standardInput, closing: false)
  }

  /// Opens the file at `path` for reading (close-on-exec; closed when the value goes away).
  ///
  /// - Parameter path: The file.
  /// - Returns: The open file.
  /// - Throws: `IOError` with operation `.open`, e.g. ENOENT.
  public static func open(_ path: String) throws(IOError) -> InputFile {
    let fd: CInt
    do {
      fd = try retryingInterrupts { () throws(Errno) in
        try Syscalls.current.open(path, O_RDONLY | O_CLOEXEC, 0)
      }
    } catch {
      throw IOError(.file(path), .open, error)
    }
    return InputFile(descriptor: FileDescriptor(rawValue: fd), place: .file(path), closing: true)
  }

  /// Reads the whole file at `path`.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - limit: The most bytes accepted, or `nil` for no limit.
  /// - Returns: Its bytes.
  /// - Throws: `IOError` when it cannot be opened or read, or holds more than `limit` bytes.
  public static func readAll(_ path: String, limit: Int? = nil) throws(IOError) -> [UInt8] {
    try open(path).readAll(limit: limit)
  }

  deinit {
    if closesDescriptor { _ = try? Syscalls.current.close(descriptor.rawValue) }
  }

  /// Reads up to `buffer.count` bytes into `buffer`.
  ///
  /// - Parameters:
  ///   - buffer: Where the bytes go.
  ///   - retryOnInterrupt: Whether EINTR is retried (it is, unless you say otherwise).
  /// - Returns: The number of bytes read; 0 only at the end of the input.
  /// - Throws: `IOError` with operation `.read` when the system reports −1 (EIO, EISDIR…).
  public func read(
    into buffer: UnsafeMutableRawBufferPointer, retryOnInterrupt: Bool = true
  ) throws(IOError) -> Int {
    do {
      return try retryingInterrupts(retryOnInterrupt) { () throws(Errno) in
        try Syscalls.current.read(descriptor.rawValue, buffer)
      }
    } catch {
      throw IOError(place, .read, error)
    }
  }

  /// Reads up to `buffer.count` bytes into the start of `buffer`.
  ///
  /// - Parameter buffer: Where the bytes go; its size is not changed.
  /// - Returns: The number of bytes read; 0 only at the end of the input.
  /// - Throws: `IOError` with operation `.read`.
  public func read(into buffer: inout [UInt8]) throws(IOError) -> Int {
    try buffer.withUnsafeMutableBytes { raw in
      Result { () throws(IOError) in try read(into: raw) }
    }.get()
  }

  /// Reads everything up to the end of the input.
  ///
  /// - Parameter limit: The most bytes accepted, or `nil` for no limit.
  /// - Returns: The bytes.
  /// - Throws: `IOError` when a read fails, or with refusal `.tooLarge(bytesRead:)` as soon as
  ///   more than `limit` bytes have arrived (the rest is not read).
  public func readAll(limit: Int? = nil) throws(IOError) -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = try read(into: &chunk)
      if count == 0 { return bytes }
      bytes += chunk[0..<count]
      if let limit, bytes.count > limit {
        throw IOError(place, .read, refusal: .tooLarge(bytesRead: bytes.count))
      }
    }
  }
}
