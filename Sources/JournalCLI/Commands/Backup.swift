import ArgumentParser
import JournalIO
import JournalStore

extension JournalCommand {
  struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "backup",
      abstract: "Copy the journal to a file, consistently, even while it is being written.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "Where to write the copy (mode 0600).")
    var file: String

    @Flag(help: "Replace the file if it exists.")
    var force = false

    func run() throws {
      let journal = try store.open(.read)
      let integrity = try journal.copy(
        to: file, replacing: force, protecting: AtomicFile.journalFiles(journal.path))
      // A log SQLite left beside the replaced copy belongs to the old file, not this one.
      for suffix in ["-wal", "-shm"] { try? FileSystem.removeFile(file + suffix) }
      try Console.output(
        "Backed up '\(journal.path)' to '\(file)' (integrity check: \(integrity ?? "not run")).")
    }
  }
}

extension Journal {
  /// Copies the journal to `path` through SQLite's online backup API: into a private file
  /// (0600) beside `path`, renamed over it only once the copy is complete and checked, so a
  /// failure leaves whatever was at `path` as it was.
  ///
  /// - Parameters:
  ///   - path: Where the copy goes.
  ///   - replacing: Whether an existing file may be replaced (`--force`).
  ///   - protecting: Files the copy may never replace (the journal's own).
  ///   - checking: Whether to check the copy's integrity.
  /// - Returns: What the copy's integrity check said, `nil` when not checked.
  /// - Throws: `JournalError.fileExists` without `replacing`, or the failure.
  func copy(
    to path: String, replacing: Bool, protecting: [String] = [], checking: Bool = true
  ) throws(JournalError) -> String? {
    let copy: AtomicFile
    do {
      copy = try AtomicFile.create(at: path, replacing: replacing, protecting: protecting)
    } catch {
      throw error.refusal == .exists ? .fileExists(path: path) : .io(error)
    }
    let integrity: String?
    do {
      integrity = try backup(intoEmptyFile: copy.temporaryPath, checking: checking)
    } catch {
      copy.discard()
      throw .storage(error)
    }
    do {
      try copy.commit()
    } catch {
      throw .io(error)
    }
    return integrity
  }
}
