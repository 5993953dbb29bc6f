#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `stat(2)` says about a file: its kind, size, permissions and identity.
public struct FileStatus: Equatable, Sendable {
  /// The kind of file.
  public enum Kind: Equatable, Sendable {
    /// A regular file.
    case regular
    /// A folder.
    case directory
    /// A symbolic link (only from `followingLinks: false`).
    case symbolicLink
    /// A device, a socket, a FIFO.
    case other
  }

  /// The kind of file.
  public let kind: Kind
  /// The size in bytes.
  public let size: Int64
  /// The permission bits (`mode & 0o7777`).
  public let permissions: FilePermissions
  /// The device the file is on; with ``inode``, the file's identity.
  public let device: UInt64
  /// The file's number on its device.
  public let inode: UInt64

  /// Whether `other` is the same file (same device and inode).
  ///
  /// - Parameter other: Another file's status.
  /// - Returns: `true` when both name one file.
  public func isSameFile(as other: FileStatus) -> Bool {
    device == other.device && inode == other.inode
  }

  /// The status of the file at `path`.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - followingLinks: `false` to look at a symbolic link itself (`lstat`).
  /// - Returns: Its status, or `nil` when nothing is there (ENOENT).
  /// - Throws: `IOError` with operation `.stat` for any other failure (EACCES, ENOTDIR…).
  public static func of(_ path: String, followingLinks: Bool = true) throws(IOError)
    -> FileStatus?
  {
    var info = stat()
    let result = followingLinks ? stat(path, &info) : lstat(path, &info)
    guard result == 0 else {
      let error = Errno.current
      if error == .noSuchFileOrDirectory { return nil }
      throw IOError(.file(path), .stat, error)
    }
    let mode = UInt32(info.st_mode)
    let kind: Kind
    switch mode & 0o170_000 {
    case 0o100_000: kind = .regular
    case 0o040_000: kind = .directory
    case 0o120_000: kind = .symbolicLink
    default: kind = .other
    }
    return FileStatus(
      kind: kind, size: Int64(info.st_size),
      permissions: FilePermissions(rawValue: mode_t(mode & 0o7777)),
      device: UInt64(truncatingIfNeeded: info.st_dev),
      inode: UInt64(truncatingIfNeeded: info.st_ino))
  }
}

/// Questions and changes about paths: existence, access, folders, permissions.
public enum FileSystem {
  /// Whether anything exists at `path` (following symbolic links).
  ///
  /// - Parameter path: The path.
  /// - Returns: `true` when `access(F_OK)` succeeds.
  public static func exists(_ path: String) -> Bool {
    access(path, F_OK) == 0
  }

  /// Whether this process may write `path` (a file or a folder).
  ///
  /// - Parameter path: The path.
  /// - Returns: `true` when `access(W_OK)` succeeds.
  public static func isWritable(_ path: String) -> Bool {
    access(path, W_OK) == 0
  }

  /// Creates one folder.
  ///
  /// - Parameters:
  ///   - path: The folder.
  ///   - permissions: Its mode (less the umask).
  /// - Throws: `IOError` with operation `.create`; EEXIST when something is there already.
  public static func createDirectory(
    _ path: String, permissions: FilePermissions = [.ownerReadWriteExecute]
  )
    throws(IOError)
  {
    guard mkdir(path, permissions.rawValue) == 0 else {
      throw IOError(.file(path), .create, .current)
    }
  }

  /// Creates an empty file that must not exist yet (`O_CREAT|O_EXCL|O_NOFOLLOW`).
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - permissions: Its mode (less the umask).
  /// - Throws: `IOError` with operation `.create`; EEXIST when something is there already.
  public static func createFile(_ path: String, permissions: FilePermissions = [.ownerReadWrite])
    throws(IOError)
  {
    let fd: CInt
    do {
      fd = try retryingInterrupts { () throws(Errno) in
        try Syscalls.current.open(
          path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions.rawValue)
      }
      try Syscalls.current.close(fd)
    } catch {
      throw IOError(.file(path), .create, error)
    }
  }

  /// Removes a file (not a folder).
  ///
  /// - Parameter path: The file.
  /// - Throws: `IOError` with operation `.remove`; ENOENT when nothing was there.
  public static func removeFile(_ path: String) throws(IOError) {
    guard unlink(path) == 0 else { throw IOError(.file(path), .remove, .current) }
  }

  /// Removes an empty folder.
  ///
  /// - Parameter path: The folder.
  /// - Throws: `IOError` with operation `.remove` (ENOTEMPTY, ENOENT…).
  public static func removeDirectory(_ path: String) throws(IOError) {
    guard rmdir(path) == 0 else { throw IOError(.file(path), .remove, .current) }
  }

  /// Sets the permission bits of `path` (following symbolic links).
  ///
  /// - Parameters:
  ///   - path: A file this program created or owns as its own (the journal).
  ///   - permissions: The new mode.
  /// - Throws: `IOError` with operation `.chmod`.
  public static func setPermissions(_ path: String, _ permissions: FilePermissions)
    throws(IOError)
  {
    guard chmod(path, permissions.rawValue) == 0 else {
      throw IOError(.file(path), .chmod, .current)
    }
  }

  /// The absolute path with every symbolic link, `.` and `..` resolved (`realpath(3)`); for a
  /// file that does not exist, its folder resolved and its name appended.
  ///
  /// - Parameter path: The path.
  /// - Returns: The resolved path, or `nil` when not even the folder exists.
  public static func resolvedPath(_ path: String) -> String? {
    if let resolved = realPath(path) { return resolved }
    let (folder, name) = split(path)
    guard let resolvedFolder = realPath(folder) else { return nil }
    return resolvedFolder == "/" ? "/" + name : resolvedFolder + "/" + name
  }

  /// The folder holding `path` and its last component: `("a/b", "c")` for `a/b/c`, `(".", "c")`
  /// for `c`, `("/", "c")` for `/c`.
  ///
  /// - Parameter path: A path.
  /// - Returns: The folder and the name.
  public static func split(_ path: String) -> (folder: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let folder = String(path[..<slash])
    return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
  }

  private static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Flushes a folder's entries (a rename in it) to the disk.
  static func syncDirectory(_ path: String) throws(IOError) {
    do {
      let fd = try retryingInterrupts { () throws(Errno) in
        try Syscalls.current.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
      }
      defer { _ = try? Syscalls.current.close(fd) }
      do {
        try retryingInterrupts { () throws(Errno) in try Syscalls.current.fsync(fd) }
      } catch .invalidArgument {
        // Some file systems cannot sync a folder; the rename is as durable as they allow.
      }
    } catch {
      throw IOError(.file(path), .fsync, error)
    }
  }
}
