#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The three small types this layer's API speaks, in place of swift-system's of the same names
// (README, "Design decisions"): only the members the project uses, and as few conformances as
// possible, since the runtime scans every conformance record at start-up.

/// A system error number, as ``IOError/errno`` reports it.
public struct Errno: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
  /// The C library's value, e.g. `ENOSPC`.
  public let rawValue: CInt

  /// The error with number `rawValue`.
  ///
  /// - Parameter rawValue: An `errno` value.
  public init(rawValue: CInt) { self.rawValue = rawValue }

  /// The C library's sentence for it (`strerror(3)`), e.g. "No space left on device".
  public var description: String {
    guard let message = strerror(rawValue) else { return "unknown error" }
    return String(cString: message)
  }

  /// `EPERM`.
  public static var notPermitted: Errno { Errno(rawValue: EPERM) }
  /// `ENOENT`.
  public static var noSuchFileOrDirectory: Errno { Errno(rawValue: ENOENT) }
  /// `EINTR`.
  public static var interrupted: Errno { Errno(rawValue: EINTR) }
  /// `EIO`.
  public static var ioError: Errno { Errno(rawValue: EIO) }
  /// `EBADF`.
  public static var badFileDescriptor: Errno { Errno(rawValue: EBADF) }
  /// `EEXIST`.
  public static var fileExists: Errno { Errno(rawValue: EEXIST) }
  /// `EINVAL`.
  public static var invalidArgument: Errno { Errno(rawValue: EINVAL) }
  /// `EFBIG`.
  public static var fileTooLarge: Errno { Errno(rawValue: EFBIG) }
  /// `ENOSPC`.
  public static var noSpace: Errno { Errno(rawValue: ENOSPC) }
  /// `ELOOP`.
  public static var tooManySymbolicLinkLevels: Errno { Errno(rawValue: ELOOP) }
}

/// An open file descriptor, as the layer's API takes it. It does not own the descriptor:
/// closing is up to whoever opened it.
public struct FileDescriptor: RawRepresentable, Hashable, Sendable {
  /// The descriptor's number.
  public let rawValue: CInt

  /// The descriptor numbered `rawValue`.
  ///
  /// - Parameter rawValue: An open descriptor.
  public init(rawValue: CInt) { self.rawValue = rawValue }

  /// Descriptor 0.
  public static var standardInput: FileDescriptor { FileDescriptor(rawValue: 0) }
  /// Descriptor 1.
  public static var standardOutput: FileDescriptor { FileDescriptor(rawValue: 1) }
  /// Descriptor 2.
  public static var standardError: FileDescriptor { FileDescriptor(rawValue: 2) }
}

/// A file's permission bits, as ``FileStatus/permissions`` reports them.
public struct FilePermissions: OptionSet, Sendable {
  /// The mode bits.
  public let rawValue: mode_t

  /// The permissions with these bits.
  ///
  /// - Parameter rawValue: Mode bits, e.g. `0o600`.
  public init(rawValue: mode_t) { self.rawValue = rawValue }

  /// `0o600`: the owner may read and write.
  public static var ownerReadWrite: FilePermissions { FilePermissions(rawValue: 0o600) }
  /// `0o700`: the owner may read, write and enter (a folder) or run (a file).
  public static var ownerReadWriteExecute: FilePermissions { FilePermissions(rawValue: 0o700) }
}
