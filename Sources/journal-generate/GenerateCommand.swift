import ArgumentParser
import FoundationEssentials
import JournalCore
import JournalStore

/// `journal-generate`, for `scripts/bench` only (never installed): fills a journal with
/// realistic, reproducible entries in one transaction, because a million `journal add`
/// processes would take hours.
@main
struct GenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "journal-generate",
    abstract: "Fill a journal with generated entries (for benchmarks).")

  @Option(help: "The journal to fill (created when missing).")
  var db: String

  @Option(help: "How many entries.")
  var entries: Int

  @Option(help: "Over how many years, ending today (at most 100).")
  var years: Int = 1

  @Option(help: "The random seed.")
  var seed: UInt64 = 1

  @Option(help: "The last day (default: JOURNAL_TODAY, else today in UTC).")
  var today: String?

  func validate() throws {
    guard entries > 0 else { throw ValidationError("--entries must be at least 1.") }
    guard (1...100).contains(years) else { throw ValidationError("--years must be 1 to 100.") }
  }

  func run() throws {
    let end = today ?? ProcessInfo.processInfo.environment["JOURNAL_TODAY"]
    let today: Day
    if let end {
      guard let day = Day(iso: end) else { throw ValidationError("'\(end)' is not YYYY-MM-DD.") }
      today = day
    } else {
      today = Day(ordinal: Int(Date().timeIntervalSince1970 / 86_400))
    }
    let journal = try Journal.open(at: db, access: .write)
    let span = years * 365
    let count = entries
    var random = SeededRandom(seed: seed)
    // Evenly spread, oldest first, as a journal written day after day would be.
    let generated = (0..<count).lazy.map { index -> NewEntry in
      let day = today.adding(days: -span + index * span / count)
      return SampleText.entry(on: day, random: &random)
    }
    try journal.addEntries(generated)
    print("Generated \(count) entries over \(years) years in '\(journal.path)'.")
  }
}

/// Realistic generated entries: one to three tags with marks, about 200 characters of text.
enum SampleText {
  static let tags = [
    "deep-work", "architecture", "coaching", "conflict-resolution", "delivery", "mentoring",
  ]

  static let sentences = [
    "Paired with Priya on the flaky cache invalidation and finally found the race.",
    "Two planning meetings and a long thread about the release train.",
    "Wrote the design doc for splitting the storage service into readers and writers.",
    "A 1:1 with Sam about the on-call rotation and his promotion case.",
    "Mediated the API ownership disagreement between payments and identity.",
    "Profiled the importer and cut the hot path by half with a streaming parser.",
    "Reviewed three pull requests and unblocked the migration of the billing tables.",
    "Walked the new hires through the deployment pipeline and the runbooks.",
    "Quiet afternoon of deep work on the query planner, no meetings at all.",
    "Incident review for the Tuesday outage; good discussion, clear follow-ups.",
  ]

  static func entry(on day: Day, random: inout SeededRandom) -> NewEntry {
    var marks: [TagMark] = []
    let tagCount = 1 + Int(random.next() % 3)
    while marks.count < tagCount {
      let name = tags[Int(random.next() % UInt64(tags.count))]
      if !marks.contains(where: { $0.name == name }) {
        marks.append(TagMark(name: name, mark: random.chance(0.6) ? .energized : .drained))
      }
    }
    let text =
      random.pick(sentences) + " " + random.pick(sentences) + " " + random.pick(sentences)
    return NewEntry(
      day: day, text: text, energy: Int(random.next() % 5) - 2, tags: marks,
      isStarred: random.chance(0.05))
  }
}
