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

    @Flag(
      help: ArgumentHelp(
        "Run SQLite's integrity_check on the copy (every page and index; several times longer) "
          + "instead of checking its header and size."))
    var verify = false

    func run() throws {
      let journal = try store.open(.read)
      let checking: Journal.CopyCheck = verify ? .integrity : .pages
      let result = try journal.copy(
        to: file, replacing: force, protecting: AtomicFile.journalFiles(journal.path),
        checking: checking)
      // A log SQLite left beside the replaced copy belongs to the old file, not this one.
      for suffix in ["-wal", "-shm"] { try? FileSystem.removeFile(file + suffix) }
      try Console.output(
        "Backed up '\(journal.path)' to '\(file)' (\(verify ? "integrity" : "copy") check: "
          + "\(result ?? "not run")).")
    }
  }
}

extension Journal {
  /// Copies the journal to `path` through SQLite's online backup API: into a private file
  /// (0600) beside `path`, renamed over it only once the copy is complete and has passed its
  /// check, so a failure leaves whatever was at `path` as it was.
  ///
  /// - Parameters:
  ///   - path: Where the copy goes.
  ///   - replacing: Whether an existing file may be replaced (`--force`).
  ///   - protecting: Files the copy may never replace (the journal's own).
  ///   - checking: How to check the copy.
  /// - Returns: `ok` when checked, `nil` when not.
  /// - Throws: `JournalError.fileExists` without `replacing`, `.unhealthy` when the copy
  ///   failed its check (nothing replaced), or the failure.
  func copy(
    to path: String, replacing: Bool, protecting: [String] = [],
    checking: Journal.CopyCheck = .pages
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
    if let integrity, integrity != "ok" {
      // The pages were copied as they are: a copy failing its check means the journal is
      // damaged (or the copy was cut short); an older backup is worth more than this one.
      copy.discard()
      throw .unhealthy(
        path: self.path,
        checks: [(checking == .integrity ? "integrity check" : "copy check") + " (\(integrity))"])
    }
    do {
      try copy.commit()
    } catch {
      throw .io(error)
    }
    return integrity
  }
}
