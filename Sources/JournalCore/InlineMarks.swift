/// Marks written in an entry's own text, as an alternative to `-e`, `-d` and `-l`:
/// `+deep-work` energized, `-delivery` drained, `@mentoring` logged.
///
/// Only a whole word whose name is one of the journal's tags counts, so prose stays prose:
/// `+1`, `-ish`, `e-mail` or `@priya` (no such tag) are left alone, and a hyphen inside a word
/// never starts one. Trailing punctuation (`+deep-work,` `(-delivery)`) is not part of the
/// name. The text itself is kept exactly as written.
public enum InlineMarks {
  /// The marks in `text`, in order of first appearance, each tag once (its first mark).
  ///
  /// - Parameters:
  ///   - text: The entry's text.
  ///   - known: The journal's tag names (canonical, lowercase).
  /// - Returns: The marks found.
  public static func marks(in text: String, known: Set<String>) -> [TagMark] {
    var result: [TagMark] = []
    var seen: Set<String> = []
    for word in text.split(whereSeparator: \.isWhitespace) {
      var word = word[...]
      while let first = word.first, "([{\"'".contains(first) { word = word.dropFirst() }
      while let last = word.last, ".,;:!?)]}\"'".contains(last) { word = word.dropLast() }
      guard let sign = word.first, word.count > 1 else { continue }
      let mark: Mark
      switch sign {
      case "+": mark = .energized
      case "-": mark = .drained
      case "@": mark = .logged
      default: continue
      }
      guard let name = TagName.normalize(String(word.dropFirst())), known.contains(name),
        seen.insert(name).inserted
      else { continue }
      result.append(TagMark(name: name, mark: mark))
    }
    return result
  }
}
