import Foundation
import TestSupport
import Testing

/// Issue 14 through the built binary: `trend`'s text is laid out for `COLUMNS` (80 when it is
/// unset or not a number), and JSON does not depend on it.
@Suite("trend at a terminal's width, end to end")
struct TrendWidthTests {
  /// deep-work energized and delivery drained on one day of 2025-W48 (2025-11-24), 2026-W30
  /// (2026-07-20) and 2026-W47 (2026-11-16): `--since 2025-11-24` spans 52 weeks, W48 …
  /// 2026-W47 (today is 2026-11-20).
  static func seed(_ journal: TestJournal) throws {
    for day in ["2025-11-24", "2026-07-20", "2026-11-16"] {
      try journal.add("Day \(day)", ["--date", day, "-e", "deep-work", "-d", "delivery"])
    }
  }

  static func lines(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  @Test("COLUMNS=80: 52 weeks in 80 columns, the last 25 shown, an axis, intervals below")
  func eighty() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Self.seed(journal)
    let result = try journal.run(
      ["trend", "--since", "2025-11-24"], environment: ["COLUMNS": "80", "NO_COLOR": "1"])
    expectSuccess(result)
    let lines = Self.lines(result.stdout)
    // Every character here takes one column (the blocks, `·` and `→` too).
    for line in lines { #expect(line.count <= 80, "\(line.count): \(line)") }
    // 80 - 39 fixed columns - 16 for the names = 25 weeks: 2026-W23 … 2026-W47.
    #expect(
      lines[1] == "Sparklines show the last 25 of 52 weeks (rate, marks and direction: all 52).")
    let blocks = String(repeating: "·", count: 7) + "█" + String(repeating: "·", count: 16) + "█"
    #expect(lines.contains("deep-work         ic          \(blocks)  +1.00      3  → steady"))
    // Labels every fourth week back from W47: W23 at the sparkline's first column (30).
    let axis = String(repeating: " ", count: 30) + "W23 W27 W31 W35 W39 W43 W47"
    #expect(lines.filter { $0 == axis }.count == 2)
    // The track's interval has a line of its own, under the rate column (30 + 25 + 2 = 57).
    let icRow = try #require(lines.firstIndex { $0.hasPrefix("IC track") })
    #expect(lines[icRow + 1].hasPrefix(String(repeating: " ", count: 57) + "90%: "))

    // No COLUMNS, or one that is not a number: the same 80-column layout.
    for columns in ["", "wide"] {
      let other = try journal.run(
        ["trend", "--since", "2025-11-24"], environment: ["COLUMNS": columns, "NO_COLOR": "1"])
      #expect(other.stdout == result.stdout, "COLUMNS=\(columns)")
    }
  }

  @Test("COLUMNS=120: 12 weeks with the interval on the track's line; JSON whatever the width")
  func wide() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Self.seed(journal)
    let text = try journal.run(["trend"], environment: ["COLUMNS": "120", "NO_COLOR": "1"])
    expectSuccess(text)
    let lines = Self.lines(text.stdout)
    for line in lines { #expect(line.count <= 120, "\(line)") }
    #expect(!text.stdout.contains("Sparklines show"))
    let ic = try #require(lines.first { $0.hasPrefix("IC track") })
    #expect(ic.contains("  → steady  90%: ") || ic.contains("    -  90%: "), "\(ic)")
    let json = try journal.run(["trend", "--format", "json"], environment: ["COLUMNS": "120"])
    let narrowJSON = try journal.run(["trend", "--format", "json"], environment: ["COLUMNS": "40"])
    expectSuccess(json)
    #expect(json.stdout == narrowJSON.stdout)
  }
}
