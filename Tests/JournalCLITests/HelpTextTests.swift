import ArgumentParser
import Foundation
import Testing

@testable import JournalCLI

/// Help text that matches what each command accepts: where an option's sentence names some of
/// the values the parser lists, it names all of them (a sentence promising less, or more, than
/// the parser takes is how `show --format csv` and `experiment start --track both` came to be
/// listed and then refused).
@Suite("Help text against the accepted values")
struct HelpTextTests {
  private func allCommands(from root: any ParsableCommand.Type) -> [any ParsableCommand.Type] {
    [root] + root.configuration.subcommands.flatMap { allCommands(from: $0) }
  }

  /// `(sentence, values)` for each option line of `help` that lists `(values: …)`.
  static func listedValues(in help: String) -> [(sentence: String, values: [String])] {
    var result: [(String, [String])] = []
    for line in help.split(separator: "\n") {
      let parts = line.split(separator: "(values: ", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2 else { continue }
      let list = parts[1].prefix { $0 != ";" && $0 != ")" }
      let values = list.split(separator: ",").map { String($0.filter { $0 != " " }) }
      result.append((String(parts[0]), values))
    }
    return result
  }

  static func words(_ sentence: String) -> Set<String> {
    Set(
      sentence.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" })
        .map { String($0).lowercased() })
  }

  @Test("the check reads a help line as the parser prints it")
  func parsesHelpLines() {
    let help = """
        --format <format>       Output format (text or json). (values: text, json, csv; default: text)
        --track <track>         The track. (values: ic, management)
      """
    let listed = Self.listedValues(in: help)
    #expect(listed.map(\.values) == [["text", "json", "csv"], ["ic", "management"]])
    #expect(Self.words(listed[0].sentence).isSuperset(of: ["text", "json"]))
  }

  @Test("an option's sentence names all of the values it lists, or none")
  func sentencesNameEveryAcceptedValue() {
    for command in allCommands(from: JournalCommand.self) {
      let help = command.helpMessage(columns: 2_000)
      for (sentence, values) in Self.listedValues(in: help) {
        let named = values.filter { Self.words(sentence).contains($0) }
        #expect(
          named.isEmpty || named.count == values.count,
          "\(command.configuration.commandName ?? "?"): '\(sentence)' names \(named) of \(values)")
      }
    }
  }
}
