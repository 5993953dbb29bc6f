import Dispatch
import Synchronization

/// Batches handed from one producer thread to one consumer, at most `capacity` of them
/// waiting: the producer blocks when the consumer falls behind, and stops when it goes.
final class BatchChannel<Element: Sendable>: Sendable {
  private struct State {
    var batches: [[Element]] = []
    var failure: (any Error)?
    var isCancelled = false
  }

  private let state = Mutex(State())
  /// Signalled once per batch sent and once when the producer finishes.
  private let ready = DispatchSemaphore(value: 0)
  /// Free places. Created empty and signalled up to the capacity: libdispatch traps when a
  /// semaphore is freed below the value it was created with, which a cancelled run leaves.
  private let room = DispatchSemaphore(value: 0)

  init(capacity: Int) {
    for _ in 0..<capacity { room.signal() }
  }

  /// Producer: hands over `batch`, waiting for room. Returns `false` once the consumer has
  /// cancelled: the producer should stop.
  func send(_ batch: [Element]) -> Bool {
    room.wait()
    let accepted = state.withLock { state in
      guard !state.isCancelled else { return false }
      state.batches.append(batch)
      return true
    }
    if accepted { ready.signal() }
    return accepted
  }

  /// Producer: there is no more, because of `failure` when it is not nil.
  func finish(throwing failure: (any Error)?) {
    state.withLock { $0.failure = failure }
    ready.signal()
  }

  /// Consumer: the next batch, in order, or nil at the end; the producer's failure is thrown
  /// after every batch sent before it. Call until it returns nil or throws.
  func receive() throws -> [Element]? {
    ready.wait()
    let next = state.withLock { state -> Result<[Element]?, any Error> in
      if !state.batches.isEmpty { return .success(state.batches.removeFirst()) }
      if let failure = state.failure { return .failure(failure) }
      return .success(nil)
    }
    if case .success(.some) = next { room.signal() }
    return try next.get()
  }

  /// Consumer: stops the producer, waking it if it waits for room.
  func cancel() {
    state.withLock { $0.isCancelled = true }
    room.signal()
  }
}
