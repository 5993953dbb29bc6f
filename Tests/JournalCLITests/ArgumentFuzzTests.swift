import JournalCore
import Testing

@testable import JournalCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Issue 7, "a fuzz pass over the argument parser": seeded command lines (10,000 with
// JOURNAL_FUZZ_INPUTS=10000; 1,000 by default to keep `swift test` quick), built from the
// real subcommands and options mixed with values that are wrong in every way, parsed in-process
// with `JournalCommand.parseAsRoot` (parsing only: no command is run, so no file is touched).
// Each line either parses to a command or throws an error that maps to exit 0 (help, version)
// or 64 (usage); no input crashes the parser; and every accepted value is within its range:
// dates resolve within 1900...2999, energy within -2...2, tag names are kebab-case.

/// The command paths, from the root.
private let commandPaths: [[String]] = [
  [], ["add"], ["list"], ["show"], ["edit"], ["delete"], ["restore"], ["tags"], ["tags", "list"],
  ["tags", "add"], ["tags", "rename"], ["tags", "merge"], ["tags", "set-track"], ["trend"],
  ["report"], ["experiment"], ["experiment", "start"], ["experiment", "list"],
  ["experiment", "end"], ["reflect"], ["reflect", "add"], ["reflect", "list"], ["export"],
  ["import"], ["backup"], ["doctor"], ["demo"],
  ["help"], ["help", "add"], ["frobnicate"],
]

/// Every option the commands know, and some they do not. `---completion` is left out: it runs
/// the tag completion, which opens the journal.
private let optionWords = [
  "--db", "--energized", "-e", "--drained", "-d", "--energy", "--date", "--since", "--until",
  "--tag", "--search", "--limit", "--format", "--output", "--weeks", "--explain", "--star",
  "--unstar", "--private", "--public", "--yes", "-y", "--purge", "--from", "--map",
  "--create-tags", "--dry-run", "--force", "--track", "--description", "--hypothesis",
  "--five-years", "--motive", "--note", "--domain", "--energizes", "--coding",
  "--people-issues", "--decisions", "--scale", "--no-energy", "--editor", "--help", "-h",
  "--version",
  "--", "-", "-x", "--energy=", "--date=", "-e=", "--format=json", "--weeks=3", "-ey", "-yd",
  "--db=", "--unknown", "---", "--limit=0",
]

private let valueWords = [
  // Dates.
  "2026-11-20", "2024-02-29", "2026-02-30", "99999-01-01", "1899-12-31", "3000-01-01", "today",
  "yesterday", "tomorrow", "monday", "Sun", "-3d", "-0d", "-36500d", "-36501d", "-1d", "+1d",
  "2026/11/20", "２０２６-１１-２０",
  // Numbers.
  "0", "1", "-1", "2", "-2", "3", "-3", "12", "52", "53", "520", "521", "9223372036854775807",
  "9223372036854775808", "99999999999999999999", "-0", "+2", "1.5", "1e3", "0x10", "",
  // Tags and tracks.
  "coaching", "Deep-Work", "deep work", "deep--work", "-deep", "deep-", "ünïcode",
  String(repeating: "a", count: 41), String(repeating: "b", count: 200), "ic", "management",
  "both", "neutral", "IC", "none", "hiring=+coaching", "a=b=c", "=", "x=-",
  // Formats, sources, motives.
  "help", "json", "csv", "text", "html", "markdown", "md", "xml", "journal-json", "jrnl-json",
  "status",
  "compensation", "pressure", "fear", "money",
  // Reflection answers, good and bad.
  "yes", "no", "unsure", "people", "technology", "organisational", "organizational", "maybe",
  // Texts and paths.
  "Paired on the cache bug", "'); DROP TABLE entry; --", "/tmp/x.sqlite", " ", "\t", "-- ",
  "a\u{0}b", "\u{FEFF}", "\u{202E}evil", "emoji 🧪",
]

/// Options with values of the kind they take, so that many lines get past the first option.
private let optionPairs: [(option: String, values: [String])] = [
  ("--date", ["2026-11-20", "2024-02-29", "today", "yesterday", "monday", "-3d", "-36500d"]),
  ("--since", ["2026-01-01", "-30d", "sunday", "1900-01-01"]),
  ("--until", ["2026-11-20", "today", "2999-12-31", "-0d"]),
  ("--energy", ["-2", "-1", "0", "1", "2"]), ("-e", ["coaching", "deep-work", "Mentoring"]),
  ("-d", ["delivery", "architecture", "conflict-resolution"]), ("--format", ["json", "csv"]),
  ("--weeks", ["1", "12", "52"]), ("--limit", ["1", "20"]), ("--track", ["ic", "management"]),
]

/// The scalars junk is made of.
private let junkScalars: [Unicode.Scalar] = [
  "a", "z", "0", "9", "-", "=", " ", "\t", "\n", "\u{0}", "'", "\"", "\\", "$", "%", "*",
  "\u{A0}", "\u{0301}", "\u{FF10}", "\u{1F600}", "\u{202E}", "\u{FFFD}", "/", ".",
]

/// Builds random command lines from the vocabulary, reproducibly.
private struct CommandLines {
  var random: SeededRandom

  mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

  mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

  mutating func junk() -> String {
    var text = String.UnicodeScalarView()
    for _ in 0..<int(0...12) { text.append(pick(junkScalars)) }
    return String(text)
  }

  /// A line that is right or nearly right: a real command with options it takes, then with
  /// even odds one token replaced, inserted or removed.
  mutating func wellFormed() -> [String] {
    let dates = ["2026-11-20", "2024-02-29", "today", "yesterday", "friday", "-3d", "-36500d"]
    var line: [String]
    switch int(0...6) {
    case 0:
      line = ["add", "text \(int(0...9))"]
      for _ in 0..<int(0...3) {
        line += pick([
          ["--date", pick(dates)], ["--energy", String(int(-3...3))], ["-e", "coaching"],
          ["-d", "delivery"], ["--star"], ["--private"],
        ])
      }
    case 1:
      line = ["edit", String(int(0...3)), "--date", pick(dates)]
    case 2:
      line = ["list", "--since", pick(dates), "--until", pick(dates), "--limit", "5"]
    case 3:
      line = ["trend", "--since", pick(dates), "--format", "json"]
    case 4:
      line = ["experiment", "start", "Try", "--track", "ic", "--weeks", "4", "--date", pick(dates)]
    case 5:
      line = [
        "reflect", "--note", "n", "--date", pick(dates), "--coding",
        pick(["yes", "no", "unsure", "maybe"]),
      ]
    default:
      line = ["export", "--since", pick(dates), "--format", pick(["json", "csv", "markdown"])]
    }
    if int(0...1) == 0 {
      let index = int(0...(line.count - 1))
      switch int(0...2) {
      case 0: line[index] = pick(valueWords + optionWords)
      case 1: line.insert(pick(valueWords + optionWords), at: index)
      default: line.remove(at: index)
      }
    }
    return line
  }

  mutating func next() -> [String] {
    if int(0...9) < 3 { return wellFormed() }
    var line = pick(commandPaths)
    for _ in 0..<int(0...7) {
      switch int(0...11) {
      case 0...1: line.append(pick(optionWords))
      case 2...3:
        let pair = pick(optionPairs)
        line += [pair.option, pick(pair.values)]
      case 4...7: line.append(pick(valueWords))
      case 8: line.append(pick(optionWords) + "=" + pick(valueWords))
      case 9: line.append(junk())
      default: line.append("text \(int(0...99))")
      }
    }
    return line
  }
}

/// Every value of type `T` inside `value`: through structs, property wrappers, optionals and
/// enum payloads, so the check follows new commands and options without naming them.
private func values<T>(of type: T.Type, in value: Any, depth: Int = 0) -> [T] {
  if let match = value as? T { return [match] }
  guard depth < 12 else { return [] }
  return Mirror(reflecting: value).children.flatMap {
    values(of: type, in: $0.value, depth: depth + 1)
  }
}

private let crashMarkers = ["Fatal error", "Stack dump", "Backtrace", "SIG"]

@Suite("Fuzz: the argument parser (seeded command lines, in-process)")
struct ArgumentFuzzTests {
  /// 1,000 lines by default: a debug build of the argument parser takes 12 to 20 ms a line, so
  /// the 10,000 take two to three minutes. `JOURNAL_FUZZ_INPUTS=10000 swift test --filter
  /// ArgumentFuzzTests` runs them (README, "Reliability").
  static let inputs: Int = {
    guard let value = getenv("JOURNAL_FUZZ_INPUTS"), let count = Int(String(cString: value)),
      count > 0
    else { return 1_000 }
    return count
  }()
  static let seed: UInt64 = 0xA2_6F_00_07

  @Test("every command line parses or is refused as usage; accepted values are in range")
  func commandLines() throws {
    var lines = CommandLines(random: SeededRandom(seed: Self.seed))
    let today = try #require(Day(iso: "2026-11-20"))
    let first = try #require(Day(iso: "1900-01-01"))
    let last = try #require(Day(iso: "2999-12-31"))
    var accepted = 0
    var leafAccepted = 0
    var datesChecked = 0
    var exitCodes: [Int32: Int] = [:]
    for index in 0..<Self.inputs {
      let arguments = lines.next()
      let context = "line \(index) (seed \(Self.seed)): \(arguments)"
      // The start-up shortcut must never accept a line the root parse refuses or reads
      // differently.
      let leaf = JournalCommand.parseLeaf(arguments)
      if leaf != nil { leafAccepted += 1 }
      do {
        let command = try JournalCommand.parseAsRoot(arguments)
        accepted += 1
        if let leaf {
          #expect(String(reflecting: leaf) == String(reflecting: command), "\(context)")
        }
        for expression in values(of: DateExpression.self, in: command) {
          datesChecked += 1
          let day = expression.resolve(today: today)
          #expect(
            day.map { $0 >= first && $0 <= last } == true,
            "\(context) resolves to \(String(describing: day))")
        }
        for options in values(of: EntryOptions.self, in: command) {
          if let energy = options.energy {
            #expect((-2...2).contains(energy), "\(context)")
          }
          let names = (options.energized + options.drained).map(\.text)
          for name in names {
            #expect(TagName.normalize(name) == name, "\(context): tag \(name.debugDescription)")
          }
          #expect(Set(names).count == names.count, "a tag twice: \(context)")
        }
      } catch {
        #expect(leaf == nil, "the leaf parse accepted what the root refuses: \(context)")
        let code = JournalCommand.exitCode(for: error).rawValue
        exitCodes[code, default: 0] += 1
        #expect(code == 0 || code == 64, "exit \(code): \(context)")
        // Rendering a message costs as much as parsing: every 10th, and every odd exit code.
        guard index % 10 == 0 || (code != 0 && code != 64) else { continue }
        let message = JournalCommand.message(for: error)
        if code == 64 {
          #expect(!message.isEmpty, "a usage error without a message: \(context)")
        }
        for marker in crashMarkers {
          #expect(!message.contains(marker), "\(context): \(message)")
        }
      }
    }
    // The vocabulary must reach both outcomes and the dates, or the pass shows little.
    #expect(accepted > Self.inputs / 50, "only \(accepted) command lines parsed")
    #expect(leafAccepted > Self.inputs / 100, "only \(leafAccepted) lines took the leaf parse")
    #expect(datesChecked > Self.inputs / 20, "only \(datesChecked) dates checked")
    #expect((exitCodes[64] ?? 0) > Self.inputs / 2, "usage errors: \(exitCodes)")
    print(
      "ArgumentFuzzTests: \(Self.inputs) command lines (seed \(Self.seed)): \(accepted) parsed "
        + "(\(leafAccepted) by the leaf parse), \(datesChecked) dates resolved in range, refusals by exit code \(exitCodes)"
    )
  }
}
