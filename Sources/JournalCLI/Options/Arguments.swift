import ArgumentParser
import JournalCore
import JournalIO
import JournalStore

/// Parsers for the values users type, as argument-parser transforms: a bad value is a usage
/// error (exit 64) that quotes it and names the accepted forms.
enum Arguments {
  /// A day expression: `2026-11-20`, `today`, `yesterday`, `last monday`, `-3d`, `nov 20`.
  static func date(_ text: String) throws -> DateExpression {
    guard let expression = DateExpression(text) else {
      // The help line printed under the error lists the forms again: a hint alone is enough.
      let advice = DateExpression.hint(for: text) ?? "use \(DateExpression.accepted)"
      throw ValidationError("not a date: \(advice).")
    }
    return expression
  }

  /// A tag name, in canonical lowercase kebab-case.
  /// An experiment's track: one of the two tracks a person can try (never both or neutral).
  static func experimentTrack(_ text: String) throws -> Track {
    guard let track = Track(rawValue: text), track == .ic || track == .management else {
      throw ValidationError("'\(text)' is not a track an experiment can try; use ic or management.")
    }
    return track
  }

  static func tag(_ text: String) throws -> TagName {
    guard let name = TagName(text) else {
      // `-e deep-work,architecture`: one option per tag, not one tag spelled from both.
      let parts = text.split(whereSeparator: { $0 == "," || $0 == ";" })
      let names = parts.compactMap { TagName.suggestion(for: String($0)) }
      if parts.count > 1, names.count == parts.count {
        throw ValidationError(
          "'\(text)' names \(parts.count) tags; give one per option: "
            + names.map { "-e \($0)" }.joined(separator: " ") + " (or -d, -l).")
      }
      throw kebabNameError(text, noun: "tag")
    }
    return name
  }

  /// Why `text` is not a kebab-case name (a tag's or a role's): the rule, and the nearest
  /// valid name when there is one.
  static func kebabNameError(_ text: String, noun: String) -> ValidationError {
    ValidationError(
      TagName.refusal(of: text, noun: noun, suggestion: TagName.suggestion(for: text)))
  }
}

/// A value given as one of a fixed set of words: its cases' raw values.
///
/// The argument parser's own defaults for these four members read each case through
/// `"\(self)"` and conditional conformances, which the Swift runtime resolves by scanning every
/// protocol-conformance record in the binary the first time it meets a type. These give the
/// same strings directly: `journal list --limit 20` went from 13.8 to 13.3 million
/// instructions, `list --search priya --limit 20` from 15.3 to 14.8 (callgrind, 2026-11-30),
/// and every `--help`, completion script and `--experimental-dump-help` is byte for byte the
/// same (`cmp` against the build before).
protocol ArgumentChoice: RawRepresentable<String>, CaseIterable, ExpressibleByArgument {}

extension ArgumentChoice {
  // Public: the conformances of JournalCore's and JournalInterchange's public enums use them.
  public var defaultValueDescription: String { rawValue }
  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
  public static var allValueDescriptions: [String: String] { [:] }
  public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}

extension Track: ArgumentChoice {}

extension DateExpression {
  /// The day meant, or an error when it lands outside the years a journal accepts.
  func day(today: Day) throws(JournalError) -> Day {
    guard let day = resolve(today: today) else { throw .dateOutOfRange }
    return day
  }

  /// The day a record is dated (an entry, a reflection, an experiment's start or end, a role's
  /// start): never after today. A journal records what happened; a day typed a year off would
  /// top every list and stretch every trend, so every command refuses it the same way.
  /// (Ranges to read, `--since` and `--until`, may reach past today.)
  func recordedDay(today: Day) throws(JournalError) -> Day {
    let day = try day(today: today)
    guard day <= today else { throw .futureDay(day: day.iso, today: today.iso) }
    return day
  }
}

/// The output formats of the read commands.
enum OutputFormat: String, ArgumentChoice {
  case text, json, csv
}

/// The formats of a command whose records have no CSV form (`show`, `status`,
/// `experiment list`, `reflect list`): the parser refuses `csv` and its help does not list it.
enum TextOrJSON: String, ArgumentChoice {
  case text, json
}

/// The options `add` and `edit` share: tags with their marks, energy and date.
struct EntryOptions: ParsableArguments {
  @Option(
    name: [.customShort("e"), .customLong("energized")],
    help: ArgumentHelp("An activity that energized you (repeatable).", valueName: "tag"),
    completion: TagCompletion.kind, transform: Arguments.tag)
  var energized: [TagName] = []

  @Option(
    name: [.customShort("d"), .customLong("drained")],
    help: ArgumentHelp("An activity that drained you (repeatable).", valueName: "tag"),
    completion: TagCompletion.kind, transform: Arguments.tag)
  var drained: [TagName] = []

  @Option(
    name: [.customShort("l"), .customLong("logged")],
    help: ArgumentHelp(
      "An activity you did, with no feeling either way (repeatable): counts as time spent, not "
        + "in a rate.", valueName: "tag"),
    completion: TagCompletion.kind, transform: Arguments.tag)
  var logged: [TagName] = []

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The day's overall energy, from -2 (drained) to 2 (energized).", valueName: "n"))
  var energy: Int?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The work day: YYYY-MM-DD, today, yesterday, monday, last monday, -3d, -2w, 3 days ago, nov 20.",
      valueName: "date"),
    transform: Arguments.date)
  var date: DateExpression?

  /// The marks given, energized first, then drained, then logged, in the order typed.
  var marks: [TagMark] {
    energized.map { TagMark($0, mark: .energized) } + drained.map { TagMark($0, mark: .drained) }
      + logged.map { TagMark($0, mark: .logged) }
  }

  /// Refuses the first tag given that is not among `known`, suggesting the nearest one.
  ///
  /// - Parameter known: The tag names the journal has.
  /// - Throws: `JournalError.unknownTag`, as `addEntry` would but naming the tags there are,
  ///   before any text is asked for.
  func checkTagsExist(in known: [String]) throws(JournalError) {
    let names = Set(known)
    for tag in energized + drained + logged where !names.contains(tag.text) {
      throw .unknownTag(
        name: tag.text, suggestion: TagName.nearest(to: tag.text, in: known), known: known.sorted())
    }
  }

  /// Whether any tag option was given.
  var hasTags: Bool { !energized.isEmpty || !drained.isEmpty || !logged.isEmpty }

  func validate() throws {
    if let energy, !Entry.energyRange.contains(energy) {
      throw ValidationError("--energy \(energy) is out of range; use a whole number from -2 to 2.")
    }
    var seen: Set<TagName> = []
    for name in energized + drained + logged {
      guard seen.insert(name).inserted else {
        throw ValidationError(
          "'\(name)' is given twice; mark each activity once, as energized, drained or logged.")
      }
    }
  }
}

/// `--since` and `--until`, shared by commands that read a range of days.
struct RangeOptions: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("The first day included (same forms as --date).", valueName: "date"),
    transform: Arguments.date)
  var since: DateExpression?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("The last day included (same forms as --date).", valueName: "date"),
    transform: Arguments.date)
  var until: DateExpression?

  /// The days, resolved against today; an inverted range is an error.
  func resolve(today: Day) throws(JournalError) -> (since: Day?, until: Day?) {
    let since = try since.map { (expression) throws(JournalError) in
      try expression.day(today: today)
    }
    let until = try until.map { (expression) throws(JournalError) in
      try expression.day(today: today)
    }
    if let since, let until, since > until {
      throw .emptyRange(since: since.iso, until: until.iso)
    }
    return (since, until)
  }
}

/// The weeks `trend` and `report` cover: `--weeks N` ending with the current week, or
/// `--since`/`--until`.
struct WindowOptions: ParsableArguments {
  @OptionGroup var range: RangeOptions

  @Option(help: ArgumentHelp("How many weeks, ending with the current one.", valueName: "n"))
  var weeks: Int?

  static let defaultWeeks = 12

  func validate() throws {
    if let weeks, !(1...520).contains(weeks) {
      throw ValidationError("--weeks \(weeks) is out of range; use 1 to 520.")
    }
    if weeks != nil && (range.since != nil || range.until != nil) {
      throw ValidationError("Give --weeks or --since/--until, not both.")
    }
  }

  /// `weeks` weeks (default 12) ending with the week of today, or the whole weeks that contain
  /// `--since` and `--until`.
  func weeks(today: Day) throws(JournalError) -> WeekWindow {
    let (since, until) = try range.resolve(today: today)
    if since == nil && until == nil {
      return WeekWindow(weeks: weeks ?? Self.defaultWeeks, endingWith: ISOWeek(containing: today))
    }
    let last = ISOWeek(containing: until ?? today)
    guard let since else { return WeekWindow(weeks: Self.defaultWeeks, endingWith: last) }
    let first = ISOWeek(containing: since)
    guard let window = WeekWindow(first: first, last: last) else {
      throw .emptyRange(since: first.start.iso, until: last.end.iso)
    }
    return window
  }
}

/// A document format: `--format` takes its cases, `standard` when not given.
protocol DocumentFormat: ArgumentChoice {
  /// The format written when `--format` is not given.
  static var standard: Self { get }
}

/// `--format` and `--output`, shared by the commands that write a document.
struct OutputOptions<Format: DocumentFormat>: ParsableArguments {
  @Option(help: "Output format.")
  var format: Format = .standard

  @Option(
    help: ArgumentHelp("Write to this file (mode 0600) instead of stdout.", valueName: "file"))
  var output: String?

  @Flag(help: "Replace the --output file if it exists.")
  var force = false

  func validate() throws {
    if force && output == nil {
      throw ValidationError("--force replaces an --output file; give --output FILE too.")
    }
  }

  /// Creates the `--output` file beside its target, as ``AtomicFile`` does: an existing file
  /// is replaced only with `--force` (as `backup` does), the journal's own files never.
  ///
  /// - Parameters:
  ///   - path: The `--output` path.
  ///   - journalPath: The journal, whose files are refused.
  /// - Returns: The open file; write to it, then commit it.
  /// - Throws: `.fileExists` (exit 64) without `--force`, else `.io`.
  func create(_ path: String, journalPath: String) throws(JournalError) -> AtomicFile {
    do {
      return try AtomicFile.create(
        at: path, replacing: force, protecting: AtomicFile.journalFiles(journalPath))
    } catch {
      throw error.refusal == .exists ? .fileExists(path: path) : .io(error)
    }
  }
}
