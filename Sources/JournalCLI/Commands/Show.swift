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

    @Option(help: "Output format (text or json).")
    var format: OutputFormat = .text

    func validate() throws {
      if format == .csv { throw ValidationError("'show' prints text or json, not csv.") }
    }

    func run() throws {
      let entry = try store.open(.read).entry(id: id)
      switch format {
      case .json: try Console.output(EntryJSON.listed(entry).rendered(encoderCompatible: true))
      default: try Console.output(EntryRenderer(style: colors.style).detail(entry))
      }
    }
  }
}
