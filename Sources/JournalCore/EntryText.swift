/// The checks every entry text passes before it reaches the journal, whether it was typed,
/// piped, edited or imported.
public enum EntryText {
  /// The largest entry text accepted, in UTF-8 bytes (1 MiB): far beyond a day's notes, small
  /// enough that a mistaken pipe of a binary or a log file is refused.
  public static let maximumBytes = 1_048_576

  /// Why a text cannot be an entry's.
  public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is empty once spaces are removed.
    case empty
    /// The text is not valid UTF-8.
    case invalidUTF8
    /// The text contains a NUL byte.
    case nul
    /// The text is longer than ``EntryText/maximumBytes``.
    case tooLong(bytes: Int)

    public var description: String {
      switch self {
      case .empty:
        return
          "The entry text is empty; write what happened, as an argument, on stdin or in $EDITOR."
      case .invalidUTF8:
        return "The text is not valid UTF-8; save it as UTF-8 and try again."
      case .nul:
        return "The text contains a NUL byte; remove it and try again."
      case .tooLong(let bytes):
        return
          "The text is \(bytes) bytes, more than the \(EntryText.maximumBytes) an entry may hold; "
          + "shorten it or split it into several entries."
      }
    }
  }

  /// Checks and trims a text: no NUL, not empty, not too long.
  ///
  /// - Parameter text: The text as given.
  /// - Returns: The text without leading and trailing white space.
  /// - Throws: ``Problem`` naming the first check it fails.
  public static func clean(_ text: String) throws(Problem) -> String {
    // Searched through the contiguous bytes: the generic search is ten times slower, and an
    // import cleans every entry's text.
    let hasNUL =
      text.utf8.withContiguousStorageIfAvailable { $0.contains(0) } ?? text.utf8.contains(0)
    guard !hasNUL else { throw .nul }
    let trimmed = text.trimmingWhitespace()
    guard !trimmed.isEmpty else { throw .empty }
    guard trimmed.utf8.count <= maximumBytes else { throw .tooLong(bytes: trimmed.utf8.count) }
    return trimmed
  }
}
