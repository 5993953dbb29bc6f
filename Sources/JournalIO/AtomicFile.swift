#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one way to write a file the user named (a report, an export, a backup): the new content
/// goes to a private temporary file beside the target, which is flushed to the disk and then
/// renamed over the target, so the target is either the old file or the complete new one.
///
/// Before anything is created, the target is refused when it is one of the protected files
/// (compared by device and inode when both exist, by resolved path otherwise), a symbolic link
/// (never written through), not a regular file, or when it exists and `replacing` is false.
/// The temporary file is created `O_CREAT|O_EXCL|O_NOFOLLOW|O_CLOEXEC`, mode 0600, and removed
/// on any failure. Only that file's mode is ever set: nothing it did not create is chmod-ed.
///
/// ```swift
/// try AtomicFile.write(report, to: path, replacing: true,
///                      protecting: AtomicFile.journalFiles(journalPath))
/// ```
public final class AtomicFile {
  /// The file that is replaced by ``commit()``.
  public let path: String
  /// The temporary file beside it, which holds the new content until ``commit()``.
  public let temporaryPath: String
  private let descriptor: FileDescriptor
  private var isOpen = true
  private var isDone = false

  private init(path: String, temporaryPath: String, descriptor: FileDescriptor) {
    self.path = path
    self.temporaryPath = temporaryPath
    self.descriptor = descriptor
  }

  deinit {
    discard()
  }

  /// The journal's file and the files SQLite keeps beside it (`-wal`, `-shm`, `-journal`):
  /// what an output must never overwrite.
  ///
  /// - Parameter journalPath: The journal's path.
  /// - Returns: The four paths.
  public static func journalFiles(_ journalPath: String) -> [String] {
    ["", "-wal", "-shm", "-journal"].map { journalPath + $0 }
  }

  /// Checks the target and creates the temporary file beside it.
  ///
  /// - Parameters:
  ///   - path: The target.
  ///   - replacing: Whether an existing regular file may be replaced (the CLI's `--force`).
  ///   - protecting: Paths that must never be the target, e.g. ``journalFiles(_:)``.
  /// - Returns: The open file; write to it, then ``commit()``.
  /// - Throws: `IOError` with a ``IOError/Refusal`` for a refused target, or the system's
  ///   error (operation `.create`) when the temporary file cannot be made.
  public static func create(at path: String, replacing: Bool, protecting: [String] = [])
    throws(IOError) -> AtomicFile
  {
    try checkTarget(path, replacing: replacing, protecting: protecting)
    let (folder, name) = FileSystem.split(path)
    var attempt = 0
    while true {
      let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
      let temporaryPath = (folder == "/" ? "" : folder) + "/." + name + "." + suffix + ".tmp"
      do {
        let fd = try retryingInterrupts { () throws(Errno) in
          try Syscalls.current.open(
            temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        }
        // The file is this program's own: bring it to 0600 whatever the umask took away.
        _ = fchmod(fd, 0o600)
        return AtomicFile(
          path: path, temporaryPath: temporaryPath, descriptor: FileDescriptor(rawValue: fd))
      } catch .fileExists where attempt < 8 {
        attempt += 1
      } catch {
        throw IOError(.file(path), .create, error)
      }
    }
  }

  /// Writes `text` to a new file at `path` in one step: create, write, commit.
  ///
  /// - Parameters:
  ///   - text: The whole content.
  ///   - path: The target.
  ///   - replacing: Whether an existing regular file may be replaced.
  ///   - protecting: Paths that must never be the target.
  /// - Throws: `IOError`; the target is then unchanged.
  public static func write(
    _ text: String, to path: String, replacing: Bool, protecting: [String] = []
  ) throws(IOError) {
    let file = try create(at: path, replacing: replacing, protecting: protecting)
    try file.write(text)
    try file.commit()
  }

  /// Appends the UTF-8 of `text` to the temporary file.
  ///
  /// - Parameter text: What to write.
  /// - Throws: `IOError` naming the target; the temporary file is then removed.
  public func write(_ text: String) throws(IOError) {
    var text = text
    try text.withUTF8 { utf8 in
      Result { () throws(IOError) in try write(UnsafeRawBufferPointer(utf8)) }
    }.get()
  }

  /// Appends `bytes` to the temporary file.
  ///
  /// - Parameter bytes: What to write.
  /// - Throws: `IOError` naming the target; the temporary file is then removed.
  public func write(_ bytes: [UInt8]) throws(IOError) {
    try bytes.withUnsafeBytes { raw in Result { () throws(IOError) in try write(raw) } }.get()
  }

  /// Appends `bytes` to the temporary file.
  ///
  /// - Parameter bytes: What to write.
  /// - Throws: `IOError` naming the target; the temporary file is then removed.
  public func write(_ bytes: UnsafeRawBufferPointer) throws(IOError) {
    guard isOpen else { throw IOError(.file(path), .write, .badFileDescriptor) }
    do {
      try descriptor.writeAll(bytes, naming: .file(path))
    } catch {
      discard()
      throw error
    }
  }

  /// Flushes the temporary file to the disk, closes it, renames it over the target and
  /// flushes the folder, so the rename survives a crash.
  ///
  /// - Throws: `IOError` naming the target; the temporary file is then removed and the target
  ///   is unchanged (unless only the folder's flush failed, after the rename).
  public func commit() throws(IOError) {
    guard isOpen else { throw IOError(.file(path), .write, .badFileDescriptor) }
    do {
      try retryingInterrupts { () throws(Errno) in try Syscalls.current.fsync(descriptor.rawValue) }
    } catch {
      discard()
      throw IOError(.file(path), .fsync, error)
    }
    isOpen = false
    do {
      try Syscalls.current.close(descriptor.rawValue)
    } catch .interrupted {
      // The descriptor is released even so (POSIX leaves it unspecified; Linux and macOS
      // release it), and the data was flushed above.
    } catch {
      discard()
      throw IOError(.file(path), .close, error)
    }
    do {
      try Syscalls.current.rename(temporaryPath, path)
    } catch {
      discard()
      throw IOError(.file(path), .rename, error)
    }
    isDone = true
    try FileSystem.syncDirectory(FileSystem.split(path).folder)
  }

  /// Closes and removes the temporary file, leaving the target as it was. Safe to call more
  /// than once, and after a failure.
  public func discard() {
    if isOpen {
      isOpen = false
      _ = try? Syscalls.current.close(descriptor.rawValue)
    }
    if !isDone {
      isDone = true
      unlink(temporaryPath)
    }
  }

  private static func checkTarget(_ path: String, replacing: Bool, protecting: [String])
    throws(IOError)
  {
    let target = try FileStatus.of(path, followingLinks: false)
    let resolvedTarget = FileSystem.resolvedPath(path)
    for protected in protecting {
      let isSame: Bool
      if let target, let protectedStatus = try? FileStatus.of(protected) {
        // A link to the journal is followed here, so it is named as the journal's own file.
        let followed = target.kind == .symbolicLink ? try? FileStatus.of(path) : target
        isSame = followed.map { $0.isSameFile(as: protectedStatus) } ?? false
      } else {
        isSame = resolvedTarget != nil && resolvedTarget == FileSystem.resolvedPath(protected)
      }
      if isSame { throw IOError(.file(path), .replace, refusal: .protectedFile(protected)) }
    }
    guard let target else { return }
    switch target.kind {
    case .symbolicLink: throw IOError(.file(path), .replace, refusal: .symbolicLink)
    case .directory, .other: throw IOError(.file(path), .replace, refusal: .notRegularFile)
    case .regular: break
    }
    guard replacing else { throw IOError(.file(path), .replace, refusal: .exists) }
  }
}
