import Testing

@testable import JournalCore

// Issue 7, "a fuzz pass over the argument and date parsers": 10,000 seeded inputs each through
// the date parser, `Day(iso:)` and the tag-name functions, checked against independent oracles.
// A crash fails the run; every property failure names the seed and the input. The argument
// parser's pass is ArgumentFuzzTests in JournalCLITests.

/// The core's seeded SplitMix64 generator, so every run checks the same inputs.
typealias SplitMix64 = SeededRandom

/// Random texts shaped like what people and scripts pass as dates and tag names.
struct HostileText {
  var random: SplitMix64

  /// Characters that break naive parsers: whitespace of every kind, digits that are not ASCII,
  /// combining marks, controls, NUL, emoji, right-to-left marks, case-mapping oddities.
  static let oddScalars: [Unicode.Scalar] = [
    "\u{0}", "\u{7}", "\t", "\n", "\r", "\u{0B}", "\u{A0}", "\u{2007}", "\u{200B}", "\u{3000}",
    "\u{FEFF}", "\u{202E}", "\u{0301}", "\u{0308}", "\u{FF10}", "\u{FF12}", "\u{0663}",
    "\u{0967}", "\u{212A}", "\u{0130}", "\u{017F}", "\u{1F600}", "\u{1F1FA}", "\u{10FFFF}",
    "\u{D7FF}", "\u{E000}", "\u{FFFD}", "-", "\u{2010}", "\u{2212}", "_", " ", "/", ".", "'",
    "\"", ";", "%", "*",
  ]

  static let words = [
    "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "mo", "tues",
    "now", "next", "last", "week", "d", "-d", "--1d", "-1", "1d", "+1d",
  ]

  init(seed: UInt64) { random = SplitMix64(seed: seed) }

  mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

  mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

  mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

  /// A scalar: mostly ASCII letters and digits, sometimes anything.
  mutating func scalar() -> Unicode.Scalar {
    switch int(0...9) {
    case 0...3: return Unicode.Scalar(UInt8(int(0x61...0x7A)))
    case 4...5: return Unicode.Scalar(UInt8(int(0x30...0x39)))
    case 6: return Unicode.Scalar(UInt8(int(0x20...0x7E)))
    case 7...8: return pick(Self.oddScalars)
    default:
      // Any scalar of the basic plane that is not a surrogate.
      let value = UInt32(int(0...0xFFFD))
      return Unicode.Scalar(value) ?? "?"
    }
  }

  mutating func junk(maximumLength: Int) -> String {
    var text = String.UnicodeScalarView()
    for _ in 0..<int(0...maximumLength) { text.append(scalar()) }
    return String(text)
  }

  /// Spaces, tabs or odd whitespace around `text`, and random case.
  mutating func dress(_ text: String) -> String {
    var result = text
    if chance(30) { result = result.uppercased() }
    if chance(20), let first = result.first {
      result = String(first).uppercased() + result.dropFirst()
    }
    if chance(25) { result = pick([" ", "\t", "  ", "\n", "\u{A0}", "\u{3000}"]) + result }
    if chance(25) { result += pick([" ", "\t", "\r\n", "\u{A0}"]) }
    return result
  }

  mutating func isoLike() -> String {
    let year = chance(85) ? int(1850...3050) : int(0...99_999)
    let month = chance(90) ? int(1...12) : int(0...99)
    let day = chance(85) ? int(1...31) : int(0...99)
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    let yearText = chance(95) ? pad(year, 4) : String(year)
    return
      "\(yearText)-\(chance(95) ? pad(month, 2) : String(month))-\(chance(95) ? pad(day, 2) : String(day))"
  }

  mutating func mutate(_ text: String) -> String {
    var scalars = Array(text.unicodeScalars)
    for _ in 0..<int(1...3) {
      let index = scalars.isEmpty ? 0 : int(0...scalars.count - 1)
      switch int(0...2) {
      case 0: scalars.insert(scalar(), at: index)
      case 1 where !scalars.isEmpty: scalars.remove(at: index)
      default: if !scalars.isEmpty { scalars[index] = scalar() }
      }
    }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  static let weekdayWords = Array(words[3...16])
  static let monthWords = [
    "jan", "february", "mar", "april", "may", "jun", "july", "aug", "sept", "sep", "september",
    "oct", "nov", "december", "janu", "ma", "octobre",
  ]

  /// A candidate date expression.
  mutating func dateText() -> String {
    switch int(0...15) {
    case 0...2: return dress(isoLike())
    case 3...4: return dress(pick(Self.words))
    case 5...6:
      let count =
        chance(50) ? int(0...400) : chance(50) ? int(36_490...36_510) : int(0...Int(Int32.max))
      let digits = chance(5) ? String(repeating: "9", count: int(19...40)) : String(count)
      return dress("\(chance(80) ? "-" : "")\(digits)\(chance(70) ? "d" : "w")")
    case 7: return mutate(chance(50) ? isoLike() : pick(Self.words))
    case 8: return dress("\(pick(["last", "last", "next", "this"])) \(pick(Self.weekdayWords))")
    case 9:
      let count = chance(70) ? String(int(0...60)) : pick(["a", "an", "5300", "999999", "-2"])
      let unit = pick(["day", "days", "week", "weeks", "month", "d"])
      return dress("\(count) \(unit) \(chance(90) ? "ago" : "later")")
    case 10...11:
      let month = pick(Self.monthWords)
      let day = String(chance(90) ? int(1...31) : int(0...99))
      var text = chance(50) ? "\(month) \(day)" : "\(day) \(month)"
      if chance(40) {
        text += "\(chance(30) ? "," : "") \(chance(90) ? int(1890...3010) : int(0...99))"
      }
      return dress(chance(15) ? mutate(text) : text)
    case 12:
      let separator = pick(["/", ".", "-"])
      let parts = [String(int(1...31)), String(int(1...31)), String(int(1895...3005))]
      return dress((chance(30) ? parts.reversed() : parts).joined(separator: separator))
    case 13: return dress("\(pick(["yesterday", "today", "monday", "nov 20"])) at \(int(1...12))pm")
    default: return junk(maximumLength: 14)
    }
  }

  /// A candidate tag name.
  mutating func tagText() -> String {
    switch int(0...5) {
    case 0:
      let words = (0..<int(1...4)).map { _ in
        String((0..<int(1...9)).map { _ in Character(scalar()) })
      }
      return words.joined(separator: pick(["-", " ", "--", "_", ""]))
    case 1: return pick(FuzzVocabulary.builtInTags)
    case 2: return mutate(pick(FuzzVocabulary.builtInTags))
    case 3: return String(repeating: pick(["a", "ab-", "x"]), count: int(10...70))
    default: return junk(maximumLength: 24)
    }
  }
}

/// The built-in tag names (JournalCore cannot see JournalStore's list).
enum FuzzVocabulary {
  static let builtInTags = [
    "architecture", "coaching", "conflict-resolution", "deep-work", "delivery", "mentoring",
  ]
}

/// An independent reading of `YYYY-MM-DD` with the journal's year limits.
private func oracleDay(_ text: String) -> (year: Int, month: Int, day: Int)? {
  let bytes = Array(text.utf8)
  guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
  let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9]
  guard digitPositions.allSatisfy({ (0x30...0x39).contains(bytes[$0]) }) else { return nil }
  guard let year = Int(text.prefix(4)), let month = Int(text.dropFirst(5).prefix(2)),
    let day = Int(text.suffix(2))
  else { return nil }
  guard (1900...2999).contains(year), (1...12).contains(month) else { return nil }
  let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  guard (1...lengths[month - 1]).contains(day) else { return nil }
  return (year, month, day)
}

/// An independent reading of `Y-M-D` with one- or two-digit month and day.
private func oracleLooseISO(_ word: String) -> (year: Int, month: Int, day: Int)? {
  let parts = word.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
  guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count),
    (1...2).contains(parts[2].count)
  else { return nil }
  let padded =
    parts[0] + "-" + String(repeating: "0", count: 2 - parts[1].count) + parts[1]
    + "-" + String(repeating: "0", count: 2 - parts[2].count) + parts[2]
  return oracleDay(padded)
}

/// A count of one to six ASCII digits.
private func oracleCount(_ word: String) -> Int? {
  guard (1...6).contains(word.count), word.allSatisfy({ "0123456789".contains($0) }) else {
    return nil
  }
  return Int(word)
}

private let oracleUnits = ["day": 1, "days": 1, "week": 7, "weeks": 7]

/// `-3d`, `3d`, `-2w`, `2w`: the count (nil when it is not a count) and the unit's days.
private func oracleShortOffset(_ word: String) -> (Int?, Int)? {
  var rest = word.hasPrefix("-") ? String(word.dropFirst()) : word
  guard let unit = ["d": 1, "w": 7][String(rest.suffix(1))] else { return nil }
  rest.removeLast()
  guard oracleCount(rest) != nil else { return nil }
  return (oracleCount(rest), unit)
}

/// `nov 20`, `20 nov`, `nov 20 2026`, `nov 20, 2026`: without a year, the latest such day not
/// after today, found by stepping back one day at a time.
private func oracleMonthDay(_ words: [String], today: Day) -> Int? {
  let months = [
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
  ]
  // The middle word may end in a comma before a year: `nov 20, 2026`, `20 november, 2026`.
  var middle = words[1]
  if words.count == 3, middle.hasSuffix(",") { middle.removeLast() }
  var month = months[words[0]]
  var dayWord = middle
  if month == nil {
    month = months[middle]
    dayWord = words[0]
  }
  guard let month, dayWord.count <= 2, let dayOfMonth = oracleCount(dayWord) else { return nil }
  if words.count == 3 {
    guard words[2].count == 4, let year = oracleCount(words[2]) else { return nil }
    let text = "\(year)-\(month < 10 ? "0" : "")\(month)-\(dayOfMonth < 10 ? "0" : "")\(dayOfMonth)"
    return oracleDay(text).flatMap { Day(year: $0.year, month: $0.month, day: $0.day)?.ordinal }
  }
  guard
    oracleDay("2000-\(month < 10 ? "0" : "")\(month)-\(dayOfMonth < 10 ? "0" : "")\(dayOfMonth)")
      != nil
  else {
    return nil
  }
  var ordinal = today.ordinal
  while ordinal >= firstDay.ordinal {
    let (_, candidateMonth, candidateDay) = Day(ordinal: ordinal).components
    if candidateMonth == month, candidateDay == dayOfMonth { return ordinal }
    ordinal -= 1
  }
  return nil
}

/// Whether `name` is lowercase kebab-case of ASCII letters and digits, at most 40 characters.
private func isKebab(_ name: String) -> Bool {
  guard !name.isEmpty, name.count <= 40 else { return false }
  let parts = name.split(separator: "-", omittingEmptySubsequences: false)
  return parts.allSatisfy { part in
    !part.isEmpty
      && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
  }
}

private let firstDay = Day(year: 1900, month: 1, day: 1) ?? Day(ordinal: 0)
private let lastDay = Day(year: 2999, month: 12, day: 31) ?? Day(ordinal: 0)

@Suite("Fuzz: the date and tag parsers (10,000 seeded inputs each)")
struct ParserFuzzTests {
  static let inputs = 10_000
  static let seed: UInt64 = 0x15_5E_07

  /// The day an expression names, computed independently: `nil` when the expression is
  /// refused by the oracle's reading of the accepted forms.
  static func oracleOrdinal(_ text: String, today: Day) -> Int? {
    let words = text.lowercased().split(whereSeparator: { $0.isWhitespace }).map(String.init)
    let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    func weekday(_ word: String) -> Int? {
      weekdays.firstIndex(where: { $0 == word || $0.prefix(3) == word })
    }
    func lastWeekday(_ index: Int) -> Int {
      // 1970-01-01 was a Thursday; step back day by day to the last such weekday.
      var ordinal = today.ordinal - 1
      while ((ordinal % 7 + 7) % 7 + 3) % 7 != index { ordinal -= 1 }
      return ordinal
    }
    func back(_ days: Int?) -> Int? {
      guard let days, days <= 36_500 else { return nil }
      return today.ordinal - days
    }
    if words == ["today"] { return today.ordinal }
    if words == ["yesterday"] { return today.ordinal - 1 }
    if words.count == 1, let parts = oracleLooseISO(words[0]) {
      return Day(year: parts.year, month: parts.month, day: parts.day)?.ordinal
    }
    if words.count == 1, let index = weekday(words[0]) { return lastWeekday(index) }
    if words.count == 2, words[0] == "last", let index = weekday(words[1]) {
      return lastWeekday(index)
    }
    if words.count == 1, let (count, unit) = oracleShortOffset(words[0]) {
      return back(count.map { $0 * unit })
    }
    if words.count == 3, words[2] == "ago", let unit = oracleUnits[words[1]] {
      let count = ["a": 1, "an": 1][words[0]] ?? oracleCount(words[0])
      return back(count.map { $0 * unit })
    }
    if words.count == 2 || words.count == 3 {
      return oracleMonthDay(words, today: today)
    }
    return nil
  }

  @Test("DateExpression: no crash; every input agrees with an oracle; days stay in 1900...2999")
  func dateExpressions() throws {
    var texts = HostileText(seed: Self.seed)
    var accepted = 0
    var absolute = 0
    var outOfRange = 0
    var monthDays = 0
    // "Today" in the years a journal is written: resolving never leaves the accepted years.
    let earliestToday = try #require(Day(year: 2000, month: 1, day: 1))
    for index in 0..<Self.inputs {
      let text = texts.dateText()
      // Most todays in the years people write; some in the first century, where a relative
      // date can step before 1900 and must then resolve to nothing.
      let from = texts.chance(80) ? earliestToday.ordinal : firstDay.ordinal
      let today = Day(ordinal: texts.int(from...lastDay.ordinal))
      let context = "input \(index) (seed \(Self.seed)): \(text.debugDescription), today \(today)"
      let oracle = Self.oracleOrdinal(text, today: today)
      guard let expression = DateExpression(text) else {
        #expect(oracle == nil, "refused an accepted form: \(context)")
        continue
      }
      accepted += 1
      let expected = try #require(oracle, "accepted what the oracle refuses: \(context)")
      guard let resolved = expression.resolve(today: today) else {
        outOfRange += 1
        #expect(expected < firstDay.ordinal, "resolved to nothing: \(context)")
        #expect(today < earliestToday, "a today after 2000 never leaves the years: \(context)")
        continue
      }
      #expect(resolved.ordinal == expected, "\(context) resolved to \(resolved)")
      #expect(resolved >= firstDay && resolved <= lastDay, "\(context) resolved to \(resolved)")
      #expect(Day(iso: resolved.iso) == resolved, "\(context)")
      switch expression {
      case .absolute:
        absolute += 1
      case .monthDay(let month, let dayOfMonth):
        monthDays += 1
        #expect(resolved <= today, "\(context)")
        #expect([month, dayOfMonth] == Array(ymd(resolved).dropFirst()), "\(context)")
      case .daysAgo(let count):
        #expect((0...DateExpression.maximumDaysAgo).contains(count), "\(context)")
      case .lastWeekday(let weekday):
        #expect(resolved.weekday == weekday, "\(context)")
        #expect((1...7).contains(today.ordinal - resolved.ordinal), "\(context)")
      }
    }
    // The generator must reach every kind of input, or the pass shows little.
    #expect(accepted > Self.inputs / 5, "only \(accepted) accepted")
    #expect(absolute > Self.inputs / 20, "only \(absolute) absolute dates")
    #expect(outOfRange > 0, "no relative date stepped before 1900")
    #expect(monthDays > Self.inputs / 40, "only \(monthDays) month-day dates")
    #expect(accepted < Self.inputs - Self.inputs / 5, "only \(Self.inputs - accepted) refused")
  }

  @Test("Day(iso:) agrees with an oracle on 10,000 inputs and round-trips")
  func isoDays() {
    var texts = HostileText(seed: Self.seed &+ 1)
    var valid = 0
    for index in 0..<Self.inputs {
      let text = texts.chance(70) ? texts.isoLike() : texts.mutate(texts.isoLike())
      let day = Day(iso: text)
      let oracle = oracleDay(text)
      #expect(
        (day == nil) == (oracle == nil),
        "input \(index): \(text.debugDescription) parsed \(String(describing: day))")
      if let day, let oracle {
        valid += 1
        #expect(ymd(day) == [oracle.year, oracle.month, oracle.day], "\(text)")
        #expect(day.iso == text)
        #expect(Day(year: oracle.year, month: oracle.month, day: oracle.day) == day)
      }
    }
    #expect(valid > Self.inputs / 4, "only \(valid) valid days generated")
  }

  @Test("every day of 1900...2999 round-trips, and weekdays step by one")
  func everyDayRoundTrips() {
    var previous: Day?
    var failures = 0
    for ordinal in firstDay.ordinal...lastDay.ordinal {
      let day = Day(ordinal: ordinal)
      let (year, month, dayOfMonth) = day.components
      if Day(year: year, month: month, day: dayOfMonth) != day || Day(iso: day.iso) != day {
        failures += 1
      }
      if let previous, previous.weekday % 7 + 1 != day.weekday { failures += 1 }
      previous = day
    }
    #expect(failures == 0)
    #expect(Day(iso: "1970-01-01")?.weekday == 4, "a Thursday")
    #expect(Day(ordinal: firstDay.ordinal - 1).components.year == 1899)
  }

  @Test("TagName: normalize, suggestion and nearest hold their promises on 10,000 inputs")
  func tagNames() {
    var texts = HostileText(seed: Self.seed &+ 2)
    var normalized = 0
    var suggested = 0
    for index in 0..<Self.inputs {
      let text = texts.tagText()
      let context = "input \(index) (seed \(Self.seed)): \(text.debugDescription)"
      let name = TagName.normalize(text)
      #expect((name != nil) == isKebab(text.lowercased()), "\(context)")
      #expect(name == TagName.normalizeUnicode(text), "the ASCII shortcut differs: \(context)")
      if let name {
        normalized += 1
        #expect(name == text.lowercased(), "\(context)")
        #expect(TagName.normalize(name) == name, "normalize is idempotent: \(context)")
        #expect(TagName.suggestion(for: name) == name, "\(context)")
      }
      if let suggestion = TagName.suggestion(for: text) {
        suggested += 1
        #expect(isKebab(suggestion), "suggestion \(suggestion.debugDescription): \(context)")
        #expect(TagName.normalize(suggestion) == suggestion, "\(context)")
      }
      if text.count <= 48 {
        let known = FuzzVocabulary.builtInTags + (name.map { [$0] } ?? [])
        if let nearest = TagName.nearest(to: text.lowercased(), in: known) {
          #expect(known.contains(nearest), "\(context)")
        }
        if let name {
          #expect(TagName.nearest(to: name, in: known) == name, "a known name is its own nearest")
        }
      }
    }
    #expect(normalized > Self.inputs / 10, "only \(normalized) valid names generated")
    #expect(suggested > Self.inputs / 3, "only \(suggested) suggestions")
  }

  @Test("edit distance: symmetric, zero only for equal names, bounded by the longer name")
  func editDistance() {
    var texts = HostileText(seed: Self.seed &+ 3)
    for _ in 0..<2_000 {
      let lhs = texts.junk(maximumLength: 12)
      let rhs = texts.chance(30) ? texts.mutate(lhs) : texts.junk(maximumLength: 12)
      let distance = TagName.editDistance(lhs, rhs)
      #expect(
        distance == TagName.editDistance(rhs, lhs),
        "\(lhs.debugDescription) \(rhs.debugDescription)")
      #expect((distance == 0) == (Array(lhs) == Array(rhs)))
      #expect(distance <= max(lhs.count, rhs.count))
      #expect(distance >= abs(lhs.count - rhs.count))
    }
  }
}
