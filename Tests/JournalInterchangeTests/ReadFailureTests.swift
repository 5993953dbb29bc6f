import Foundation
import JournalCore
import JournalStore
import TestSupport
import Testing

@testable import JournalIO
@testable import JournalInterchange

/// A read that fails part-way through an import file is an I/O error, never a short file.
@Suite("Read failures while importing")
struct ReadFailureTests {
  /// The live table, except that every read after the first fails with EIO.
  static func failingAfterFirstRead() -> Syscalls {
    var table = Syscalls.live
    let reads = Counter()
    table.read = { (fd, buffer) throws(Errno) in
      if reads.increment() > 1 { throw .ioError }
      return try Syscalls.live.read(fd, buffer)
    }
    return table
  }

  final class Counter: @unchecked Sendable {
    private var value = 0
    func increment() -> Int {
      value += 1
      return value
    }
  }

  /// A valid career-journal export longer than one 64 KiB chunk.
  static func longExport() -> String {
    let entries = (1...600).map { index in
      #"{"id": \#(index), "uuid": "u\#(index)", "date": "2026-11-16", "#
        + #""text": "\#(String(repeating: "x", count: 200))", "tags": []}"#
    }
    return #"{"format": "career-journal", "version": 1, "tags": [], "entries": ["#
      + entries.joined(separator: ",\n") + "]}\n"
  }

  @Test(
    "EIO after the first chunk: the import fails with the file's read error and adds nothing",
    arguments: [ImportSource.journalJSON, .csv])
  func eioIsAnError(source: ImportSource) throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let input = folder.file("input")
    let text =
      source == .csv
      ? "date,text\n"
        + String(repeating: "2026-11-16,\(String(repeating: "y", count: 200))\n", count: 600)
      : Self.longExport()
    try Data(text.utf8).write(to: URL(fileURLWithPath: input))
    let journal = try Journal.open(at: folder.file("journal.sqlite"), access: .write)
    #expect {
      try Syscalls.$current.withValue(Self.failingAfterFirstRead()) {
        _ = try JournalImport.run(
          journal: journal, path: input, source: source, mappings: [], createTags: false,
          dryRun: false, today: Day(ordinal: Int(Int32.max)))
      }
    } throws: { error in
      guard case .io(let failure)? = error as? InterchangeError else { return false }
      return failure.path == input && failure.operation == .read && failure.errno == .ioError
    }
    var entries = try journal.storedEntries(since: nil, until: nil)
    #expect(try entries.next() == nil, "an entry was imported before the read failed")
  }
}
