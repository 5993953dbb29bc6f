import Foundation
import TestSupport
import Testing

/// A smaller in-process version of `scripts/concurrency-check` (8 writers x 50 adds).
@Suite("Concurrent writers")
struct ConcurrencyTests {
  static let writers = 8
  static let addsPerWriter = 10

  @Test("8 processes adding at once on a fresh journal all succeed, every entry once")
  func concurrentAdds() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let results = CollectedResults()

    // One thread per writer, so all eight really run at once even on two cores.
    onThreads(Self.writers) { writer in
      for index in 1...Self.addsPerWriter {
        let text = "writer \(writer) entry \(index)"
        do {
          let result = try journal.run(["add", text, "-e", "deep-work"])
          results.add(text, result)
        } catch {
          results.add(text, error: error)
        }
      }
    }

    #expect(results.failures.isEmpty, "could not start: \(results.failures)")
    let all = results.all
    #expect(all.count == Self.writers * Self.addsPerWriter)
    for item in all {
      #expect(item.result.status == 0, "\(item.label): \(item.result.stderr)")
      #expect(item.result.stderr.isEmpty, "\(item.label): \(item.result.stderr)")
      #expect(item.result.stdout.hasPrefix("Added entry "), "\(item.label)")
    }
    let ids = all.compactMap { TestJournal.addedID($0.result.stdout) }
    #expect(Set(ids).count == Self.writers * Self.addsPerWriter, "every add got its own id")

    let entries = try journal.entries()
    #expect(entries.count == Self.writers * Self.addsPerWriter)
    let texts = entries.map(\.text)
    for writer in 1...Self.writers {
      for index in 1...Self.addsPerWriter {
        let text = "writer \(writer) entry \(index)"
        #expect(texts.filter { $0 == text }.count == 1, "\(text) exactly once")
      }
    }
    #expect(
      try journal.sqlite("SELECT count(*) FROM entry") == "\(Self.writers * Self.addsPerWriter)")
    #expect(try journal.sqlite("PRAGMA integrity_check") == "ok")
    let deepWork = try #require(try journal.tags().first { $0.name == "deep-work" })
    #expect(deepWork.energized == Self.writers * Self.addsPerWriter)
  }

  /// The first writers race to create the journal: each round starts 8 first `journal add`s
  /// on a journal that does not exist yet. Every one must succeed, none may find the file
  /// half-made ("not a career journal") or locked while it is switched to WAL.
  @Test("8 first adds at once on a journal that does not exist yet all succeed")
  func concurrentCreation() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }

    for round in 1...50 {
      let path = directory.file("round-\(round).sqlite")
      let results = CollectedResults()
      onThreads(Self.writers) { writer in
        let text = "round \(round) writer \(writer)"
        do {
          let result = try JournalProcess.run(
            ["add", text, "--db", path], environment: ["JOURNAL_TODAY": TestJournal.today])
          results.add(text, result)
        } catch {
          results.add(text, error: error)
        }
      }
      #expect(results.failures.isEmpty, "could not start: \(results.failures)")
      let refused = results.all.filter { $0.result.status != 0 }
      #expect(
        refused.isEmpty,
        "round \(round): \(refused.map { "exit \($0.result.status): \($0.result.stderr)" })")
      let count = try SQLiteShell.run(path, "SELECT count(*) FROM entry")
      #expect(count == String(Self.writers), "round \(round)")
      if !refused.isEmpty { break }
    }
  }
}
