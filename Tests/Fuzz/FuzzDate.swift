// libFuzzer harness for the date grammar (scripts/fuzz date): DateExpression and Day(iso:).
// Beyond "no crash", every input must satisfy these properties, or the harness calls
// fatalError and libFuzzer keeps the input:
// - a day parsed from the text is within Day.earliestYear ... Day.latestYear, and
//   Day(iso: day.iso) == day, and DateExpression(day.iso) == .absolute(day);
// - Day(iso:) accepts the raw text only when the text is exactly that day's iso;
// - relative expressions stay within their ranges and resolve to a supported day or nil,
//   from the first and the last supported days and from one in between; a month and day
//   resolves to that month and day, not after today and less than eight years before it;
// - a refused text's hint, if any, is a non-empty clause (and building it never crashes);
// - a day's components build the same day again.

import JournalCore

private let todays = [
  Day(year: Day.earliestYear, month: 1, day: 1), Day(year: 2026, month: 11, day: 29),
  Day(year: Day.latestYear, month: 12, day: 31),
].compactMap { $0 }

private func check(_ day: Day, from text: String) {
  guard (Day.earliestYear...Day.latestYear).contains(day.components.year), day.isSupported
  else { fatalError("\(text.debugDescription) gives \(day), outside the supported years") }
  guard Day(iso: day.iso) == day else { fatalError("\(day.iso) does not parse back") }
  guard DateExpression(day.iso) == .absolute(day) else {
    fatalError("DateExpression(\(day.iso)) is not that day")
  }
  let (year, month, dayOfMonth) = day.components
  guard Day(year: year, month: month, day: dayOfMonth) == day else {
    fatalError("\(day.ordinal)'s components \(day.components) give another day")
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  let text = String(decoding: bytes, as: UTF8.self)
  if let day = Day(iso: text) {
    guard Array(day.iso.utf8) == Array(bytes) else {
      fatalError("Day(iso: \(text.debugDescription)) accepted \(day.iso)")
    }
    check(day, from: text)
  }
  if let expression = DateExpression(text) {
    switch expression {
    case .absolute(let day): check(day, from: text)
    case .daysAgo(let count):
      guard (0...DateExpression.maximumDaysAgo).contains(count) else {
        fatalError("\(text.debugDescription) is \(count) days ago")
      }
    case .lastWeekday(let weekday):
      guard (1...7).contains(weekday) else {
        fatalError("\(text.debugDescription) is weekday \(weekday)")
      }
    case .monthDay(let month, let day):
      guard Day(year: 2000, month: month, day: day) != nil else {
        fatalError("\(text.debugDescription) is month \(month), day \(day)")
      }
    }
    for today in todays {
      guard let day = expression.resolve(today: today) else { continue }
      check(day, from: text)
      if case .monthDay(let month, let dayOfMonth) = expression {
        let (_, resolvedMonth, resolvedDay) = day.components
        guard day <= today, resolvedMonth == month, resolvedDay == dayOfMonth,
          today.ordinal - day.ordinal < 366 * 8
        else { fatalError("\(text.debugDescription) resolved to \(day) from \(today)") }
      }
    }
  } else if let hint = DateExpression.hint(for: text), hint.isEmpty {
    fatalError("an empty hint for \(text.debugDescription)")
  }
  // Any ordinal the input spells in its first eight bytes, folded into the supported range.
  var ordinal = 0
  for byte in bytes.prefix(8) { ordinal = ordinal << 8 | Int(byte) }
  let first = todays[0].ordinal
  let span = todays[2].ordinal - first + 1
  check(Day(ordinal: first + ((ordinal % span) + span) % span), from: text)
  return 0
}
