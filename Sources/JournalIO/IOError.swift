/// Why reading, writing or managing a file, a standard stream or a process failed: the place,
/// what was attempted, and the system's reason, as one sentence.
///
/// ```swift
/// // Cannot write 'brief.html': No space left on device.
/// IOError(.file("brief.html"), .write, .noSpace)
/// ```
public struct IOError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Where the failure happened.
  public enum Place: Equatable, Sendable {
    /// A file or folder, by the path the caller gave.
    case file(String)
    /// File descriptor 0.
    case standardInput
    /// File descriptor 1.
    case standardOutput
    /// File descriptor 2.
    case standardError
    /// A program that was run, by its command line.
    case command(String)

    /// The place as a sentence names it: a path in single quotes, a stream in words.
    public var described: String {
      switch self {
      case .file(let path): return "'\(path)'"
      case .standardInput: return "standard input"
      case .standardOutput: return "standard output"
      case .standardError: return "standard error"
      case .command(let command): return "'\(command)'"
      }
    }
  }

  /// What was being done.
  public enum Operation: String, Equatable, Sendable {
    /// Opening an existing file.
    case open
    /// Creating a file or folder.
    case create
    /// Reading bytes.
    case read
    /// Writing bytes.
    case write
    /// Flushing a file to the disk.
    case fsync
    /// Closing a descriptor (some file systems report write errors only here).
    case close
    /// Renaming a file over another.
    case rename
    /// Looking at a file's type, size or identity.
    case stat
    /// Removing a file or folder.
    case remove
    /// Changing a file's permissions.
    case chmod
    /// Starting a program.
    case run
    /// Replacing a file the caller named (the refusals of ``AtomicFile``).
    case replace
  }

  /// Why ``AtomicFile`` or a bounded read declined, when the system itself did not fail.
  public enum Refusal: Equatable, Sendable {
    /// The target is one of the protected files (the journal, its `-wal`, `-shm`, `-journal`).
    case protectedFile(String)
    /// The target exists and replacing it was not allowed.
    case exists
    /// The target is a symbolic link, which is never written through.
    case symbolicLink
    /// The target is a folder, a device or anything else that is not a regular file.
    case notRegularFile
    /// The input holds more bytes than the limit; `bytesRead` were read before stopping.
    case tooLarge(bytesRead: Int)
  }

  /// Where the failure happened.
  public let place: Place
  /// What was being done.
  public let operation: Operation
  /// The system's error number (for a refusal, the nearest one: EEXIST, ELOOP, EPERM, EFBIG).
  public let errno: Errno
  /// Set when the layer declined on purpose rather than the system failing.
  public let refusal: Refusal?

  /// An error the system reported.
  ///
  /// - Parameters:
  ///   - place: Where it happened.
  ///   - operation: What was being done.
  ///   - errno: The system's reason.
  public init(_ place: Place, _ operation: Operation, _ errno: Errno) {
    self.place = place
    self.operation = operation
    self.errno = errno
    self.refusal = nil
  }

  /// A refusal by this layer.
  ///
  /// - Parameters:
  ///   - place: The target.
  ///   - operation: What was declined.
  ///   - refusal: Why.
  public init(_ place: Place, _ operation: Operation, refusal: Refusal) {
    self.place = place
    self.operation = operation
    self.refusal = refusal
    switch refusal {
    case .protectedFile: errno = .notPermitted
    case .exists: errno = .fileExists
    case .symbolicLink: errno = .tooManySymbolicLinkLevels
    case .notRegularFile: errno = .invalidArgument
    case .tooLarge: errno = .fileTooLarge
    }
  }

  /// The path, when the place is a file.
  public var path: String? {
    if case .file(let path) = place { return path }
    return nil
  }

  /// One sentence, e.g. "Cannot write 'brief.html': No space left on device."
  public var description: String {
    let place = place.described
    switch refusal {
    case .protectedFile(let protected)?:
      return "Refusing to write \(place): it is the journal's own file '\(protected)'."
    case .exists?:
      return "Refusing to replace \(place): it exists already."
    case .symbolicLink?:
      return "Refusing to write \(place): it is a symbolic link, which is never followed."
    case .notRegularFile?:
      return "Refusing to write \(place): it is not a regular file."
    case .tooLarge(let bytes)?:
      return "Refusing to read \(place): it holds more than the \(bytes) bytes read so far."
    case nil:
      let verb: String
      switch operation {
      case .run: verb = "run"
      case .stat: verb = "look at"
      case .fsync: verb = "flush"
      case .chmod: verb = "change the permissions of"
      default: verb = operation.rawValue
      }
      let target: String
      switch self.place {
      case .standardOutput, .standardError: target = operation == .write ? "to " + place : place
      case .standardInput: target = operation == .read ? "from " + place : place
      default: target = place
      }
      return "Cannot \(verb) \(target): \(errno.description)."
    }
  }
}
