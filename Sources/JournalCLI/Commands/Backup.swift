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
      // The copy is made beside the file and renamed over it only once it is complete and
      // checked, so a failed backup leaves the previous one in place.
      let copy: AtomicFile
      do {
        copy = try AtomicFile.create(
          at: file, replacing: force, protecting: AtomicFile.journalFiles(journal.path))
      } catch {
        throw error.refusal == .exists ? JournalError.fileExists(path: file) : .io(error)
      }
      let integrity: String
      do {
        integrity = try journal.backup(intoEmptyFile: copy.temporaryPath)
      } catch {
        copy.discard()
        throw JournalError.storage(error)
      }
      do {
        try copy.commit()
      } catch {
        throw JournalError.io(error)
      }
      // A log SQLite left beside the replaced copy belongs to the old file, not this one.
      for suffix in ["-wal", "-shm"] { try? FileSystem.removeFile(file + suffix) }
      try Console.output(
        "Backed up '\(journal.path)' to '\(file)' (integrity check: \(integrity)).")
    }
  }
}
