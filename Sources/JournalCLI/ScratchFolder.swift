#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A private temporary folder (mode 0700, under `$TMPDIR`) for a journal that must not outlive
/// the command: the demo's, and a dry run's for a journal that does not exist yet.
struct ScratchFolder {
  let path: String

  init() throws(JournalError) {
    var template = Array(
      ((Console.environment("TMPDIR") ?? "/tmp") + "/journal-scratch-XXXXXX").utf8CString)
    guard mkdtemp(&template) != nil else {
      throw .storage(.cannotOpen(path: "a temporary folder", reason: "mkdtemp failed"))
    }
    path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The path of `name` inside the folder.
  func file(_ name: String) -> String { path + "/" + name }

  /// Removes the journal files and the folder; call it after the journal is closed.
  func remove() {
    for suffix in ["", "-wal", "-shm", "-journal"] {
      unlink(file("journal.sqlite") + suffix)
    }
    rmdir(path)
  }
}
