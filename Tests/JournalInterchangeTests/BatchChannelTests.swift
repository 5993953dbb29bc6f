import Dispatch
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import JournalInterchange

/// The two-thread jrnl import: its channel, and the reader stopping when the importer goes.
@Suite("BatchChannel and the jrnl reading thread")
struct BatchChannelTests {
  struct Broken: Error, Equatable {}

  @Test("batches arrive in order through a small channel, then the end")
  func inOrder() throws {
    let channel = BatchChannel<Int>(capacity: 2)
    let producing = DispatchGroup()
    DispatchQueue.global().async(group: producing) {
      for start in stride(from: 0, to: 100, by: 10) {
        _ = channel.send(Array(start..<start + 10))
      }
      channel.finish(throwing: nil)
    }
    var received: [Int] = []
    while let batch = try channel.receive() { received += batch }
    #expect(received == Array(0..<100))
    #expect(producing.wait(timeout: .now() + 10) == .success)
  }

  @Test("a failure arrives after every batch sent before it")
  func failureAfterBatches() throws {
    let channel = BatchChannel<Int>(capacity: 4)
    DispatchQueue.global().async {
      _ = channel.send([1, 2])
      _ = channel.send([3])
      channel.finish(throwing: Broken())
    }
    #expect(try channel.receive() == [1, 2])
    #expect(try channel.receive() == [3])
    #expect(throws: Broken()) { try channel.receive() }
  }

  @Test("cancelling wakes a producer that waits for room, and its next send says stop")
  func cancelStopsProducer() throws {
    let channel = BatchChannel<Int>(capacity: 1)
    let sent = Mutex(0)
    let producing = DispatchGroup()
    DispatchQueue.global().async(group: producing) {
      // The first send fits; the second waits for room until the consumer cancels.
      while channel.send([1]) { sent.withLock { $0 += 1 } }
    }
    #expect(try channel.receive() == [1])
    channel.cancel()
    #expect(producing.wait(timeout: .now() + 10) == .success)
    #expect(sent.withLock { $0 } <= 2)
  }

  @Test("the reader stops at the first refused batch: the rest of the file is not read")
  func readerStopsEarly() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = folder.file("jrnl.json")
    let entries = (1...5).map { day in
      #"{"date": "2026-11-0\#(day)", "time": "09:00", "title": "Day \#(day)", "body": "", "tags": ["@1on1"], "starred": false}"#
    }
    // Broken JSON after the second entry: reading on would fail.
    let text = #"{"tags": {}, "entries": ["# + entries[0] + ", " + entries[1] + ", {"
    #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
    let fd = open(path, O_RDONLY)
    defer { close(fd) }
    var reader = JSONReader(fileDescriptor: fd)
    var batches: [[JournalImport.JrnlEntry]] = []
    try JournalImport.readJrnl(&reader, path: path, batchSize: 1) { batch in
      batches.append(batch)
      return false
    }
    #expect(batches.count == 1)
    #expect(batches.first?.first?.text == "Day 1")
    #expect(batches.first?.first?.tags == ["1on1"])
  }
}
