import ArgumentParser
import JournalCore

/// What the argument parser leaves to us on a mistyped line: the global options written before
/// the subcommand, and a "did you mean" for an unknown command or subcommand. (For an unknown
/// option the parser suggests the nearest one itself.)
enum CommandLineHints {
  /// The options every journal command takes that a person may write before the subcommand,
  /// as `git -C` and `jj -R` allow: `journal --db work.sqlite list`.
  static let globalOptions: Set<String> = ["--db", "--color"]

  /// `arguments` with the global options given before the subcommand moved after the whole
  /// command path (before a `--`, so they stay options), where the subcommand's parser reads
  /// them.
  ///
  /// - Throws: `.unknownCommand` when the first word is not a command (`journal trends`), or
  ///   `help` names one that does not exist; `.unknownSubcommand` for a group's unknown word
  ///   (`journal tags delete`).
  static func normalise(_ arguments: [String]) throws(JournalError) -> [String] {
    var leading: [String] = []
    var rest = arguments[...]
    while let first = rest.first {
      if globalOptions.contains(first), rest.count >= 2 {
        leading += rest.prefix(2)
        rest = rest.dropFirst(2)
      } else if let name = first.split(separator: "=", maxSplits: 1).first,
        first.contains("="), globalOptions.contains(String(name))
      {
        leading.append(first)
        rest = rest.dropFirst()
      } else {
        break
      }
    }
    var path: [String] = []
    if let word = rest.first, !word.hasPrefix("-") {
      if word == "help" {
        try checkHelpPath(Array(rest.dropFirst()))
      } else {
        path = try commandPath(rest)
      }
    }
    guard !leading.isEmpty else { return Array(rest) }
    if path.isEmpty { return leading + Array(rest) }  // no subcommand: the root refuses --db
    // At the end, before a `--` (never inside the command path, whose words take no dash):
    // `journal --db x add -- -text` keeps `-text`.
    var result = Array(rest)
    result.insert(contentsOf: leading, at: result.firstIndex(of: "--") ?? result.count)
    return result
  }

  /// The subcommand words at the start of `words`, checked against the command tree.
  static func commandPath(_ words: ArraySlice<String>) throws(JournalError) -> [String] {
    let (path, refusal) = walk(words)
    if let refusal { throw refusal }
    return path
  }

  /// The known subcommand words at the start of `words`, and the refusal for the first word
  /// that should have been one. (A loop that throws a typed error crashes Swift 6.3.1's SIL
  /// generation here, so the refusal is returned.)
  private static func walk(_ words: ArraySlice<String>) -> ([String], JournalError?) {
    var command: any ParsableCommand.Type = JournalCommand.self
    var path: [String] = []
    for word in words {
      let children = command.configuration.subcommands
      if children.isEmpty || word.hasPrefix("-") { break }
      let names = children.map { $0.configuration.commandName ?? "" }
      guard let index = names.firstIndex(of: word) else {
        let suggestion = TagName.nearest(to: word, in: names)
        if path.isEmpty { return (path, .unknownCommand(word, suggestion: suggestion)) }
        // A group's default subcommand (`tags list`, `experiment list`) takes no words, so
        // a word after a group is always meant as a subcommand.
        let group = path.joined(separator: " ")
        return (
          path,
          .unknownSubcommand(group: group, word: word, known: names, suggestion: suggestion)
        )
      }
      path.append(word)
      command = children[index]
    }
    return (path, nil)
  }

  /// `journal help WORDS`: each word must name a command.
  static func checkHelpPath(_ words: [String]) throws(JournalError) {
    _ = try commandPath(words[...].prefix { !$0.hasPrefix("-") })
  }
}
