extension FileDescriptor {
  /// Writes every byte of `bytes`: a short write is continued where it stopped, and EINTR is
  /// retried.
  ///
  /// - Parameters:
  ///   - bytes: What to write.
  ///   - place: How an error names the destination.
  /// - Throws: `IOError` with operation `.write` (ENOSPC, EPIPE, EIO…); how much of `bytes`
  ///   reached the file is then unknown.
  public func writeAll(_ bytes: UnsafeRawBufferPointer, naming place: IOError.Place)
    throws(IOError)
  {
    var offset = 0
    while offset < bytes.count {
      let rest = UnsafeRawBufferPointer(rebasing: bytes[offset...])
      let written: Int
      do {
        written = try retryingInterrupts { () throws(Errno) in
          try Syscalls.current.write(rawValue, rest)
        }
      } catch {
        throw IOError(place, .write, error)
      }
      // write(2) returns 0 only for a request of 0 bytes; anything else would loop forever.
      guard written > 0 else { throw IOError(place, .write, .ioError) }
      offset += written
    }
  }

  /// Writes every byte of `bytes`, as ``writeAll(_:naming:)-(UnsafeRawBufferPointer,_)``.
  ///
  /// - Parameters:
  ///   - bytes: What to write.
  ///   - place: How an error names the destination.
  /// - Throws: `IOError` with operation `.write`.
  public func writeAll(_ bytes: [UInt8], naming place: IOError.Place) throws(IOError) {
    try bytes.withUnsafeBytes { raw in
      Result { () throws(IOError) in try writeAll(raw, naming: place) }
    }.get()
  }

  /// Writes the UTF-8 of `text`, as ``writeAll(_:naming:)-(UnsafeRawBufferPointer,_)``.
  ///
  /// - Parameters:
  ///   - text: What to write.
  ///   - place: How an error names the destination.
  /// - Throws: `IOError` with operation `.write`.
  public func writeAll(_ text: String, naming place: IOError.Place) throws(IOError) {
    var text = text
    try text.withUTF8 { utf8 in
      Result { () throws(IOError) in try writeAll(UnsafeRawBufferPointer(utf8), naming: place) }
    }.get()
  }
}

/// Buffered output for commands that stream many lines (export): 64 KiB are gathered, then
/// written with every error checked, so memory stays flat however large the journal.
///
/// Call ``finish()`` at the end: it writes what is left and, for an ``AtomicFile``, puts the
/// file in place. A sink dropped without `finish()` writes nothing more to a file (the
/// temporary file is removed) and makes a last, unchecked attempt on a stream.
///
/// ```swift
/// let output = BufferedOutput()  // standard output
/// try output.line("id,day,text")
/// try output.finish()
/// ```
public final class BufferedOutput {
  /// How many bytes are gathered before they are written.
  public static let capacity = 1 << 16

  private enum Destination {
    case descriptor(FileDescriptor, IOError.Place)
    case file(AtomicFile)
  }

  private let destination: Destination
  private var buffer: [UInt8] = []
  private var finished = false

  /// Output to standard output.
  public convenience init() {
    self.init(descriptor: .standardOutput, naming: .standardOutput)
  }

  /// Output to an open descriptor, which is not closed here.
  ///
  /// - Parameters:
  ///   - descriptor: Where the bytes go.
  ///   - place: How errors name it.
  public init(descriptor: FileDescriptor, naming place: IOError.Place) {
    destination = .descriptor(descriptor, place)
    buffer.reserveCapacity(Self.capacity)
  }

  /// Output to a file that replaces its target only when ``finish()`` succeeds.
  ///
  /// - Parameter file: The file, from ``AtomicFile/create(at:replacing:protecting:)``.
  public init(file: AtomicFile) {
    destination = .file(file)
    buffer.reserveCapacity(Self.capacity)
  }

  deinit {
    switch destination {
    case .descriptor(let descriptor, let place):
      if !finished { try? descriptor.writeAll(buffer, naming: place) }
    case .file(let file):
      if !finished { file.discard() }
    }
  }

  /// Appends the UTF-8 of `text`.
  ///
  /// - Parameter text: What to write.
  /// - Throws: `IOError` when a full buffer cannot be written.
  public func write(_ text: String) throws(IOError) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= Self.capacity { try flush() }
  }

  /// Appends `bytes`.
  ///
  /// - Parameter bytes: What to write.
  /// - Throws: `IOError` when a full buffer cannot be written.
  public func write(bytes: some Sequence<UInt8>) throws(IOError) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= Self.capacity { try flush() }
  }

  /// Appends `text` and a newline.
  ///
  /// - Parameter text: One line, without its newline.
  /// - Throws: `IOError` when a full buffer cannot be written.
  public func line(_ text: String) throws(IOError) {
    buffer.append(contentsOf: text.utf8)
    buffer.append(0x0A)
    if buffer.count >= Self.capacity { try flush() }
  }

  /// Writes out what is buffered; the buffer is emptied even when the write fails.
  ///
  /// - Throws: `IOError` with operation `.write`.
  public func flush() throws(IOError) {
    defer { buffer.removeAll(keepingCapacity: true) }
    switch destination {
    case .descriptor(let descriptor, let place): try descriptor.writeAll(buffer, naming: place)
    case .file(let file): try file.write(buffer)
    }
  }

  /// Writes what is left and, for a file, flushes it to the disk and renames it over its
  /// target. Call it once, at the end.
  ///
  /// - Throws: `IOError`; a file's target is then unchanged.
  public func finish() throws(IOError) {
    finished = true
    switch destination {
    case .descriptor:
      try flush()
    case .file(let file):
      do {
        try flush()
      } catch {
        file.discard()
        throw error
      }
      try file.commit()
    }
  }
}
