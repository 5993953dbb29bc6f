import JournalIO
import JournalStore

/// Everything an import or an export can refuse, each as one sentence that quotes the input and
/// says how to fix it.
public enum InterchangeError: Error, CustomStringConvertible {
  /// Where in a file a problem was found.
  public enum Location: Sendable, Equatable, CustomStringConvertible {
    /// A byte offset (JSON).
    case byte(Int)
    /// A 1-based line (CSV).
    case line(Int)

    public var description: String {
      switch self {
      case .byte(let offset): "byte \(offset)"
      case .line(let line): "line \(line)"
      }
    }
  }

  /// The file to import does not exist.
  case fileMissing(path: String)
  /// The file to import is not in the format it should be; nothing was imported.
  case invalid(path: String, format: String, problem: String)
  /// A jrnl import names tags the journal lacks and no `--map` covers; nothing was imported.
  case unknownTags(path: String, tags: [String])
  /// A `--map` value is not `OLD=[+|-]NEW`.
  case invalidMapping(String, problem: String)
  /// A file could not be opened, read or written.
  case io(IOError)
  /// The journal refused or failed while importing or exporting.
  case storage(StoreError)

  public var description: String {
    switch self {
    case .fileMissing(let path):
      return "No file at '\(path)'; check the path to import."
    case .invalid(let path, let format, let problem):
      let kind = format.isEmpty ? "" : " as \(format)"
      return "Cannot import '\(path)'\(kind): \(problem); nothing was imported."
    case .unknownTags(let path, let tags):
      let list = tags.map { "'\($0)'" }.joined(separator: ", ")
      return
        "'\(path)' uses tags the journal lacks (\(list)); map each with --map OLD=NEW (NEW may "
        + "start with + or -) or pass --create-tags; nothing was imported."
    case .invalidMapping(_, let problem):
      return problem
    case .io(let error):
      return error.description
    case .storage(let error):
      return error.description
    }
  }
}

/// Why a file is not the JSON or CSV it should be, and where that was found.
public struct SyntaxError: Error, Equatable {
  /// What is wrong, for example "a quoted field is not closed".
  public let message: String
  /// Where it was found.
  public let location: InterchangeError.Location
  /// The failed read that cut the file short, when that is the real reason: the importer
  /// reports it as the I/O error it is, never as a malformed file.
  public let readFailure: IOError?

  /// A problem `message` at `location`, after `readFailure` when a read failed.
  public init(
    message: String, location: InterchangeError.Location, readFailure: IOError? = nil
  ) {
    self.message = message
    self.location = location
    self.readFailure = readFailure
  }
}
