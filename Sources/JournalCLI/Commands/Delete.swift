import ArgumentParser
import JournalStore

extension JournalCommand {
  struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "delete",
      abstract: "Delete an entry; 'journal restore' brings it back until it is purged.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The entry's id.")
    var id: Int64

    @Flag(name: .shortAndLong, help: "Do not ask for confirmation.")
    var yes = false

    @Flag(help: "Remove the entry for good: it cannot be restored.")
    var purge = false

    func run() throws {
      let journal = try store.open(.update)
      let action = purge ? "purge" : "delete"
      try Console.confirm(
        "\(purge ? "Purge" : "Delete") entry \(id)"
          + (purge ? "" : " (" + (try journal.entry(id: id).text).firstLineSummary(limit: 40) + ")")
          + "?",
        before: "\(action) entry \(id)", unless: yes)
      if purge {
        try journal.purgeEntry(id: id)
        try Console.output("Purged entry \(id) for good.")
      } else {
        try journal.deleteEntry(id: id)
        try Console.output("Deleted entry \(id); 'journal restore \(id)' brings it back.")
      }
    }
  }
}
