import ArgumentParser
import JournalStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
      if Journal.exists(at: file) {
        guard force else { throw JournalError.fileExists(path: file) }
        for suffix in ["", "-wal", "-shm"] { unlink(file + suffix) }
      }
      let integrity = try journal.backup(to: file)
      print("Backed up '\(journal.path)' to '\(file)' (integrity check: \(integrity)).")
    }
  }
}
