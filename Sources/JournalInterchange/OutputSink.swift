#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Buffered output to stdout or to a file created mode 0600, for commands that stream many
/// lines (export): memory stays flat however large the journal.
public final class OutputSink {
  private let fd: Int32
  private let ownsDescriptor: Bool
  private var buffer: [UInt8] = []
  private static let flushThreshold = 1 << 16

  /// Standard output.
  public init() {
    fd = STDOUT_FILENO
    ownsDescriptor = false
  }

  /// A file, created or truncated, mode 0600.
  public init(path: String) throws(InterchangeError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw .io(path: path, reason: String(cString: strerror(errno)).lowercased())
    }
    fchmod(descriptor, 0o600)
    fd = descriptor
    ownsDescriptor = true
  }

  deinit {
    try? flush()
    if ownsDescriptor { close(fd) }
  }

  /// Appends `text`.
  public func write(_ text: String) throws(InterchangeError) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= Self.flushThreshold { try flush() }
  }

  /// Appends `text` and a newline.
  public func line(_ text: String) throws(InterchangeError) {
    try write(text + "\n")
  }

  /// Writes out what is buffered.
  public func flush() throws(InterchangeError) {
    var offset = 0
    while offset < buffer.count {
      let written = buffer[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
      guard written > 0 else {
        buffer.removeAll()
        throw .io(path: "output", reason: String(cString: strerror(errno)).lowercased())
      }
      offset += written
    }
    buffer.removeAll(keepingCapacity: true)
  }
}
