import JournalStore

/// The exit codes, in one place (sysexits.h values). The README lists them.
public enum ExitStatus {
  /// Success.
  public static let success: Int32 = 0
  /// An unexpected failure.
  public static let failure: Int32 = 1
  /// The command line is wrong (the argument parser's own code).
  public static let usage: Int32 = 64
  /// The input or the journal's data is wrong: unknown tag or id, bad text, a file that is
  /// not a journal, a schema newer than this binary.
  public static let dataError: Int32 = 65
  /// The journal (or an input file) does not exist.
  public static let noInput: Int32 = 66
  /// SQLite or the file system failed.
  public static let ioError: Int32 = 74

  /// The exit code for `error`.
  ///
  /// - Parameter error: What a command threw.
  /// - Returns: The code the process exits with.
  static func code(for error: JournalError) -> Int32 {
    switch error {
    case .storage(let store):
      switch store {
      case .journalNotFound: return noInput
      case .sqlite, .cannotOpen, .readOnly: return ioError
      case .notAJournal, .newerSchema, .unknownEntry, .deletedEntry, .notDeleted, .unknownTag,
        .tagExists, .tagInUse, .invalidTagName, .unknownExperiment, .experimentEnded, .unknownRole,
        .roleExists, .corrupt, .brokenReferences, .undatedEntries,
        .unknownSchemaObjects, .damagedCounts:
        return dataError
      }
    case .interchange(let interchange):
      switch interchange {
      case .fileMissing: return noInput
      case .invalid, .unknownTags: return dataError
      case .invalidMapping: return usage
      case .io: return ioError
      case .storage(let store): return code(for: .storage(store))
      }
    case .io:
      return ioError
    case .textKept(let error, _):
      return code(for: error)
    case .invalidToday, .emptyText, .invalidUTF8, .nulInText, .textTooLong, .emptyRange,
      .unhealthy, .endBeforeStart, .outcomeBeforeEnd, .unknownTag,
      .unknownReflection:
      return dataError
    case .fileExists:
      return usage
    case .confirmationNeeded, .dateOutOfRange, .futureDay, .markedTwice, .noJournalLocation,
      .unknownCommand,
      .unknownSubcommand:
      return usage
    case .editorFailed, .cancelled, .cancelledBecause:
      return failure
    }
  }
}
