import JournalCore
import JournalIO
import JournalInterchange
import JournalStore

/// Everything a command can refuse, each as one sentence that quotes the input and says how
/// to fix it. Storage failures arrive wrapped in ``storage(_:)``.
public enum JournalError: Error, CustomStringConvertible {
  /// The journal refused or failed.
  case storage(StoreError)
  /// Reading or writing a file, a stream or a process failed (or a target was refused).
  case io(IOError)
  /// `JOURNAL_TODAY` is set to something that is not a `YYYY-MM-DD` day.
  case invalidToday(String)
  /// The entry text is empty once comments and spaces are removed.
  case emptyText
  /// The text is not valid UTF-8.
  case invalidUTF8
  /// The text contains a NUL byte.
  case nulInText
  /// The text is longer than ``TextInput/maximumBytes``.
  case textTooLong(bytes: Int)
  /// The editor could not be run or exited with a failure.
  case editorFailed(command: String, status: String)
  /// A relative date lands outside the years a journal accepts.
  case dateOutOfRange
  /// A tag given on the command line does not exist; `known` are the journal's tags.
  case unknownTag(name: String, suggestion: String?, known: [String])
  /// A tag marked one way by an option and another in the text (`-e x` and `-x`).
  case markedTwice(tag: String, option: String, text: String)
  /// `reflect show` of an id that does not exist, or with no reflection at all (`nil`).
  case unknownReflection(id: Int64?)
  /// A record's day is after today.
  case futureDay(day: String, today: String)
  /// `--since` is after `--until`.
  case emptyRange(since: String, until: String)
  /// A destructive command needs confirmation that a script cannot give on a terminal.
  case confirmationNeeded(command: String)
  /// The user answered no.
  case cancelled
  /// An interactive command stopped before anything was written, for `reason`.
  case cancelledBecause(String)
  /// An import or an export refused or failed.
  case interchange(InterchangeError)
  /// `backup` would overwrite a file.
  case fileExists(path: String)
  /// `experiment edit --outcome` of an experiment still running.
  case outcomeBeforeEnd(id: Int64)
  /// `experiment end` names a day before the experiment started.
  case endBeforeStart(id: Int64, start: String, end: String)
  /// `doctor` found problems.
  case unhealthy(path: String, checks: [String])
  /// A command failed after `$EDITOR` was used; the draft was kept at `path`.
  indirect case textKept(JournalError, path: String)
  /// Neither `--db`, `JOURNAL_DB`, `XDG_DATA_HOME` nor `HOME` says where the journal lives.
  case noJournalLocation
  /// The first word is not a command (`journal trends`).
  case unknownCommand(String, suggestion: String?)
  /// A command group does not have that subcommand (`journal tags delete`).
  case unknownSubcommand(group: String, word: String, known: [String], suggestion: String?)

  /// `error` as one of ours, wrapping the libraries' errors; `nil` for the argument parser's
  /// own (help, usage), which keep their conventional output and codes.
  init?(_ error: any Error) {
    switch error {
    case let error as JournalError: self = error
    case let error as StoreError: self = .storage(error)
    case let error as InterchangeError: self = .interchange(error)
    case let error as IOError: self = .io(error)
    default: return nil
    }
  }

  public var description: String {
    switch self {
    case .storage(let error):
      return error.description
    case .io(let error):
      return error.description
    case .invalidToday(let value):
      return "JOURNAL_TODAY is '\(value)', not a YYYY-MM-DD day; fix or unset it."
    case .emptyText:
      return "The entry text is empty; write what happened, as an argument, on stdin or in $EDITOR."
    case .invalidUTF8:
      return "The text is not valid UTF-8; save it as UTF-8 and try again."
    case .nulInText:
      return "The text contains a NUL byte; remove it and try again."
    case .textTooLong(let bytes):
      return
        "The text is \(bytes) bytes, more than the \(TextInput.maximumBytes) an entry may hold; "
        + "shorten it or split it into several entries."
    case .editorFailed(let command, let status):
      return "The editor '\(command)' \(status); nothing was saved."
    case .textKept(.editorFailed(let command, let status), let path):
      return "The editor '\(command)' \(status); your text is kept at '\(path)'."
    case .textKept(let error, let path):
      return "\(error) Your text is kept at '\(path)'."
    case .dateOutOfRange:
      return
        "That date falls outside \(Day.earliestYear)-\(Day.latestYear); give a day from "
        + "\(Day.earliestYear)-01-01 to \(Day.latestYear)-12-31."
    case .unknownTag(let name, let suggestion, let known):
      let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
      // A short list is all of them; a long one, the six nearest.
      let shown =
        known.count <= 12
        ? known
        : Array(
          known.sorted { TagName.editDistance(name, $0) < TagName.editDistance(name, $1) }
            .prefix(6))
      let list =
        (known.count <= 12 ? "the journal's tags: " : "the nearest tags: ")
        + shown.joined(separator: ", ")
      return
        "Unknown tag '\(name)'\(hint); \(list); create it with 'journal tags add \(name) --track "
        + "ic|management|both|neutral'."
    case .markedTwice(let tag, let option, let text):
      return
        "'\(tag)' is marked \(option) by an option and \(text) in the text; mark each activity "
        + "once."
    case .unknownReflection(let id):
      guard let id else {
        return "No reflections yet; record one with 'journal reflect' (it asks on a terminal)."
      }
      return "No reflection with id \(id); 'journal reflect list --format json' shows the ids."
    case .futureDay(let day, let today):
      return
        "\(day) is after today (\(today)); a journal records days that happened: give today or an "
        + "earlier day (JOURNAL_TODAY sets what today is)."
    case .emptyRange(let since, let until):
      return "--since \(since) is after --until \(until); swap them."
    case .confirmationNeeded(let command):
      return "Refusing to \(command) without confirmation; pass --yes."
    case .cancelled:
      return "Cancelled; nothing was changed."
    case .cancelledBecause(let reason):
      return "Cancelled: \(reason); nothing was recorded."
    case .interchange(let error):
      return error.description
    case .fileExists(let path):
      return "'\(path)' exists already; pass --force to replace it."
    case .outcomeBeforeEnd(let id):
      return
        "Experiment \(id) is still running; record what you concluded when it ends, with "
        + "'journal experiment end \(id) --outcome TEXT'."
    case .endBeforeStart(let id, let start, let end):
      return
        "Experiment \(id) started on \(start), after the end date \(end); give --date on or after "
        + "\(start)."
    case .noJournalLocation:
      return
        "Nowhere to find the journal: HOME, XDG_DATA_HOME and JOURNAL_DB are unset; pass "
        + "--db PATH or set JOURNAL_DB (the working directory is never used)."
    case .unknownCommand(let word, let suggestion):
      let hint = suggestion.map { "did you mean '\($0)'? " } ?? ""
      return "'\(word)' is not a journal command; \(hint)'journal --help' lists them."
    case .unknownSubcommand(let group, let word, let known, let suggestion):
      let hint = suggestion.map { "did you mean '\($0)'? " } ?? ""
      return
        "'journal \(group)' has no subcommand '\(word)'; \(hint)it has: "
        + known.joined(separator: ", ") + "."
    case .unhealthy(let path, let checks):
      // A loose file mode is fixed in place; only damage needs a backup.
      let chmod =
        "make it private again with 'chmod 600' on it (and on its -wal and -shm files, if any)"
      if checks == ["file mode"] {
        return "'\(path)' failed file mode: other users may read it; \(chmod)."
      }
      let damage = checks.filter { $0 != "file mode" }
      return
        "'\(path)' failed \(checks.joined(separator: ", ")); restore a backup, or export what "
        + "can be read and import it into a new journal"
        + (damage.count < checks.count ? "; and \(chmod)." : ".")
    }
  }
}
