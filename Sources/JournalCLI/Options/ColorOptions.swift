import ArgumentParser
import JournalReport

/// When colour is used.
enum ColorChoice: String, ArgumentChoice {
  case auto, always, never
}

/// `--color`, on the commands that print colour (`list`, `trend`, `tags`, `doctor`).
struct ColorOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Colour: auto (on a terminal, unless NO_COLOR is set or TERM is dumb), always or never.",
      valueName: "when"))
  var color: ColorChoice = .auto

  /// The style for this run's output.
  var style: Style {
    switch color {
    case .always: Style(enabled: true)
    case .never: Style(enabled: false)
    case .auto: Style(enabled: Console.usesColor)
    }
  }
}
