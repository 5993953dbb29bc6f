import Foundation
import TestSupport

/// Results gathered from several threads: each command's, or why it could not start.
final class CollectedResults: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [(label: String, result: JournalResult)] = []
  private var errors: [String] = []

  func add(_ label: String, _ result: JournalResult) {
    lock.lock()
    defer { lock.unlock() }
    results.append((label, result))
  }

  func add(_ label: String, error: any Error) {
    lock.lock()
    defer { lock.unlock() }
    errors.append("\(label): \(error)")
  }

  var all: [(label: String, result: JournalResult)] {
    lock.lock()
    defer { lock.unlock() }
    return results
  }

  var failures: [String] {
    lock.lock()
    defer { lock.unlock() }
    return errors
  }
}

/// Runs `body(1)` ... `body(count)` each on its own thread and waits for all of them.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
  let group = DispatchGroup()
  for index in 1...count {
    group.enter()
    Thread {
      body(index)
      group.leave()
    }.start()
  }
  group.wait()
}
