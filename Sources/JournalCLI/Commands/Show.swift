import ArgumentParser
import JournalInterchange
import JournalStore

extension JournalCommand {
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "Show one entry in full.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var colors: ColorOptions

    @Argument(help: "The entry's id, as 'journal list' shows it.")
    var id: Int64

    @Option(help: "Output format: text or json.")
    var format: TextOrJSON = .text

    func run() throws {
      let entry = try store.open(.read).entry(id: id)
      switch format {
      case .json: try Console.output(EntryJSON.listed(entry).rendered(encoderCompatible: true))
      case .text: try Console.output(EntryRenderer(style: colors.style).detail(entry))
      }
    }
  }
}
