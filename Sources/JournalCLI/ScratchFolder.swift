import JournalIO

/// A private temporary folder (mode 0700, under `$TMPDIR`) for a journal that must not outlive
/// the command: the demo's, and a dry run's for a journal that does not exist yet.
struct ScratchFolder {
  private let directory: ScratchDirectory

  /// The folder's path.
  var path: String { directory.path }

  init() throws(JournalError) {
    do {
      directory = try ScratchDirectory(prefix: "journal-scratch", files: Self.files)
    } catch {
      throw .io(error)
    }
  }

  /// The path of `name` inside the folder.
  func file(_ name: String) -> String { directory.file(name) }

  /// The journal and the files SQLite keeps beside it.
  private static let files = ["", "-wal", "-shm", "-journal"].map { "journal.sqlite" + $0 }

  /// Removes the journal files and the folder; call it after the journal is closed.
  func remove() {
    directory.remove(files: Self.files)
  }
}
