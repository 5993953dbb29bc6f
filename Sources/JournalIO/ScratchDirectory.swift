#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A private folder (mode 0700, from `mkdtemp(3)`) under `$TMPDIR`, else `/tmp`, for files that
/// must not outlive the command: not even a command ended by SIGINT, SIGTERM or SIGHUP, as the
/// folder and the files named at creation are registered with ``SignalCleanup``.
public struct ScratchDirectory: Sendable {
  /// The folder's path.
  public let path: String
  private let cleanup: SignalCleanup.Token

  /// Creates the folder.
  ///
  /// - Parameters:
  ///   - prefix: The start of its name, e.g. `journal-scratch`.
  ///   - names: The files that will be created inside, removed (with the folder) should a
  ///     signal end the process before ``remove(files:)``.
  /// - Throws: `IOError` with operation `.create`.
  public init(prefix: String, files names: [String] = []) throws(IOError) {
    var template = Array((TemporaryFile.folder + "/" + prefix + "-XXXXXX").utf8CString)
    guard mkdtemp(&template) != nil else {
      throw IOError(.file(TemporaryFile.folder), .create, .current)
    }
    let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    self.path = path
    cleanup = SignalCleanup.register(names.map { path + "/" + $0 } + [path])
  }

  /// The path of `name` inside the folder.
  ///
  /// - Parameter name: A file name.
  /// - Returns: The path.
  public func file(_ name: String) -> String { path + "/" + name }

  /// Removes the named files (those that exist) and then the folder, ignoring failures: it
  /// is called on the way out, when nothing better can be done.
  ///
  /// - Parameter names: The files created inside.
  public func remove(files names: [String]) {
    for name in names { unlink(file(name)) }
    rmdir(path)
    SignalCleanup.unregister(cleanup)
  }
}

/// A private temporary file (mode 0600, from `mkstemps(3)`), e.g. the draft an editor opens.
public enum TemporaryFile {
  /// `$TMPDIR` when set and not empty, else `/tmp`.
  public static var folder: String {
    guard let value = Environment.value("TMPDIR"), !value.isEmpty else { return "/tmp" }
    return value
  }

  /// Creates a new file in ``folder`` holding `contents`.
  ///
  /// - Parameters:
  ///   - prefix: The start of its name.
  ///   - suffix: The end of its name, e.g. `.txt`, so editors pick a mode.
  ///   - contents: What it holds.
  /// - Returns: Its path; remove it with `FileSystem.removeFile(_:)`.
  /// - Throws: `IOError`; no file is left behind.
  public static func create(prefix: String, suffix: String, contents: String) throws(IOError)
    -> String
  {
    var template = Array((folder + "/" + prefix + "-XXXXXX" + suffix).utf8CString)
    let fd = mkstemps(&template, Int32(suffix.utf8.count))
    guard fd >= 0 else { throw IOError(.file(folder), .create, .current) }
    let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let descriptor = FileDescriptor(rawValue: fd)
    do {
      try descriptor.writeAll(contents, naming: .file(path))
    } catch {
      _ = try? Syscalls.current.close(fd)
      unlink(path)
      throw error
    }
    do {
      try Syscalls.current.close(fd)
    } catch {
      unlink(path)
      throw IOError(.file(path), .close, error)
    }
    return path
  }
}
