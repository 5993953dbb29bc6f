/// A tag's name in its canonical form: case-insensitive kebab-case (`deep-work`), held
/// lowercase. The only way to make one normalises, so a `TagName` proves it is canonical.
///
/// ```swift
/// TagName("Deep-Work")?.text  // "deep-work"
/// TagName("deep work")        // nil
/// ```
public struct TagName: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The canonical lowercase name.
  public let text: String

  /// The canonical name `text` spells, or `nil` when it is not kebab-case (see
  /// ``normalize(_:)``).
  ///
  /// - Parameter text: A name in any case.
  public init?(_ text: String) {
    guard let canonical = Self.normalize(text) else { return nil }
    self.text = canonical
  }

  /// The canonical name.
  public var description: String { text }

  public static func < (lhs: TagName, rhs: TagName) -> Bool { lhs.text < rhs.text }

  /// The longest tag name accepted.
  public static let maximumLength = 40

  /// The canonical form of `text`, or `nil` when it is not kebab-case: letters and digits in
  /// words joined by single hyphens, at most ``maximumLength`` characters.
  ///
  /// - Parameter text: What the user typed; case is ignored.
  /// - Returns: The lowercase name.
  public static func normalize(_ text: String) -> String? {
    // Almost every name is ASCII: check and lowercase its bytes in one pass (an import
    // normalizes every tag of every entry). Others take the Unicode-aware way below, where
    // for one, the Kelvin sign lowercases to an ASCII k.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var previous = UInt8(ascii: "-")  // so that a leading hyphen is refused
    for byte in text.utf8 {
      guard byte < 0x80 else { return normalizeUnicode(text) }
      let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
      switch lower {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
      case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
      default: return nil
      }
      bytes.append(lower)
      previous = lower
    }
    guard !bytes.isEmpty, bytes.count <= maximumLength, previous != UInt8(ascii: "-") else {
      return nil
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func normalizeUnicode(_ text: String) -> String? {
    let name = text.lowercased()
    guard !name.isEmpty, name.count <= maximumLength, !name.hasPrefix("-"), !name.hasSuffix("-"),
      !name.contains("--"),
      name.unicodeScalars.allSatisfy({
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
      })
    else { return nil }
    return name
  }

  /// The sentence refusing `text` as a `noun` name (`tag`, `role`): the kebab-case rule, and
  /// a name to try when there is one. The store's error and the parser's both say it.
  ///
  /// - Parameters:
  ///   - text: The refused name.
  ///   - noun: What it was to name.
  ///   - suggestion: A valid name to offer (see ``suggestion(for:)``).
  /// - Returns: One sentence.
  public static func refusal(of text: String, noun: String, suggestion: String? = nil) -> String {
    let hint = suggestion.map { ", such as '\($0)'" } ?? ""
    return
      "'\(text)' is not a \(noun) name; \(noun)s are kebab-case words of letters and digits, at "
      + "most \(maximumLength) characters\(hint)."
  }

  /// A kebab-case spelling of `text` to suggest when it was refused (`Deep Work` gives
  /// `deep-work`), or `nil` when nothing sensible is left.
  ///
  /// - Parameter text: The refused name.
  /// - Returns: The kebab-case spelling, if any.
  public static func suggestion(for text: String) -> String? {
    var words: [String] = []
    var current = ""
    for scalar in text.lowercased().unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        current.unicodeScalars.append(scalar)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    let joined = words.joined(separator: "-")
    return normalize(String(joined.prefix(maximumLength)).trimmingCharacters(in: "-"))
  }

  /// The known name closest to `name` in edit distance, when it is close enough to be a typo.
  ///
  /// - Parameters:
  ///   - name: The unknown name.
  ///   - known: The names in the journal.
  /// - Returns: The nearest known name, or `nil` when none is within a third of its length
  ///   (at least two edits) or shares a long start with it (four characters, and half of the
  ///   shorter name).
  public static func nearest(to name: String, in known: [String]) -> String? {
    let limit = max(2, name.count / 3)
    var best: (name: String, distance: Int)?
    for candidate in known.sorted() {
      let distance = editDistance(name, candidate)
      let isPrefix = candidate.hasPrefix(name) || name.hasPrefix(candidate)
      // A long shared start is a different ending of the same word (`mentorship` for
      // `mentoring`): close enough whatever the edit distance of the endings.
      let shared = zip(name, candidate).prefix { $0 == $1 }.count
      let sameStem = shared >= max(4, min(name.count, candidate.count) / 2)
      let score = isPrefix ? min(distance, 1) : sameStem ? min(distance, limit) : distance
      if score <= limit, score < (best?.distance ?? Int.max) {
        best = (candidate, score)
      }
    }
    return best?.name
  }

  /// Levenshtein distance over characters.
  public static func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs)
    let b = Array(rhs)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: Character) -> String {
    var result = Substring(self)
    while result.first == set { result = result.dropFirst() }
    while result.last == set { result = result.dropLast() }
    return String(result)
  }
}
