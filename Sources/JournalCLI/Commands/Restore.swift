import ArgumentParser
import JournalStore

extension JournalCommand {
  struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "restore", abstract: "Bring back a deleted entry.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var colors: ColorOptions

    @Argument(help: "The entry's id.")
    var id: Int64

    func run() throws {
      let entry = try store.open(.update).restoreEntry(id: id)
      try Console.output(
        "Restored entry \(entry.id): "
          + EntryRenderer(style: colors.style).line(entry).dropLeadingID())
    }
  }
}
