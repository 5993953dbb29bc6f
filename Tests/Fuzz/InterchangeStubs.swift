// scripts/fuzz compiles the JSON and CSV readers without the rest of JournalInterchange, whose
// InterchangeError.swift imports JournalStore (and so SQLite). These are the two types the
// readers need from that file, with the same shape; if the real ones change, the fuzz build
// fails to compile rather than fuzzing something else.

import JournalIO

/// Stands in for JournalInterchange's `InterchangeError`: only its `Location`.
enum InterchangeError {
  /// Where in a file a problem was found.
  enum Location: Sendable, Equatable {
    /// A byte offset (JSON).
    case byte(Int)
    /// A 1-based line (CSV).
    case line(Int)
  }
}

/// Stands in for JournalInterchange's `SyntaxError`.
struct SyntaxError: Error, Equatable {
  let message: String
  let location: InterchangeError.Location
  let readFailure: IOError?

  init(message: String, location: InterchangeError.Location, readFailure: IOError? = nil) {
    self.message = message
    self.location = location
    self.readFailure = readFailure
  }
}
