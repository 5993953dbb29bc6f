import JournalAnalysis
import JournalCore
import Testing

@testable import JournalReport
@testable import JournalStore

/// `trend`'s text at a terminal's width (issue 14): every line fits, no number is cut, the
/// most recent weeks that fit are shown, and an axis names the weeks under the sparklines.
@Suite("TrendRenderer: the text at 80 and 120 columns, with its week axis")
struct TrendLayoutTests {
  /// 30 weeks, 2026-W01 … 2026-W30: deep-work energized once every week (█ each week, rate
  /// +1.00, 30 marks); coaching drained once in W30 only (▁ there, · before it, -1.00, 1 mark,
  /// too few weeks for a direction).
  static let first = ISOWeek(containing: Day(iso: "2025-12-29") ?? Day(ordinal: .min))
  static let counts =
    (0..<30).map { week in
      WeeklyTagCount(
        week: first.adding(weeks: week), tag: "deep-work", track: .ic, energized: 1, drained: 0)
    } + [
      WeeklyTagCount(
        week: first.adding(weeks: 29), tag: "coaching", track: .management, energized: 0,
        drained: 1)
    ]
  static let trend = Trend(counts: counts, from: first, through: first.adding(weeks: 29))

  static func text(_ trend: Trend = trend, width: Int, marks: [Journal.MarkReference]? = nil)
    -> [String]
  {
    TrendRenderer(style: Style(enabled: false)).text(trend, marks: marks, width: width)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// Every character of these texts takes one column (the blocks, `·`, `→` included), so a
  /// line's width is its count of characters: an oracle independent of `TerminalLayout`.
  static func expectFits(_ lines: [String], _ width: Int) {
    for line in lines {
      #expect(line.count <= width, "\(line.count) columns: \(line)")
    }
  }

  @Test("80 columns: the last 25 of 30 weeks, intervals on their own lines, hand-computed")
  func eighty() {
    let lines = Self.text(width: 80)
    Self.expectFits(lines, 80)
    // Name column 16 ("Management track"), track 10, the fixed columns 39: 80 - 39 - 16 = 25
    // weeks of sparkline, W06 … W30; the rate column starts at 16 + 2 + 10 + 2 + 25 + 2 = 57.
    let name = { (text: String) in text.padding(toLength: 16, withPad: " ", startingAt: 0) }
    let blocks = String(repeating: "█", count: 25)
    let coaching = String(repeating: "·", count: 24) + "▁"
    let axis = String(repeating: " ", count: 30) + "W06 W10 W14 W18 W22 W26 W30"
    let header =
      name("activity") + "  track       weekly rate" + String(repeating: " ", count: 14)
      + "   rate  marks  direction"
    let expected: [String] = [
      "Energy by activity, 2026-W01 to 2026-W30 (30 weeks, 30 with marks, 31 marks)",
      "Sparklines show the last 25 of 30 weeks (rate, marks and direction: all 30).",
      "",
      header,
      name("deep-work") + "  ic          " + blocks + "  +1.00     30  → steady",
      name("coaching") + "  management  " + coaching + "  -1.00      1    -",
      axis,
      "",
      name("IC track") + "              " + blocks + "  +1.00     30  → steady",
    ]
    #expect(Array(lines.prefix(9)) == expected)
    #expect(lines[9].hasPrefix(String(repeating: " ", count: 57) + "90%: "))
    #expect(
      lines[10] == name("Management track") + "              " + coaching + "  -1.00      1    -")
    #expect(lines[11].hasPrefix(String(repeating: " ", count: 57) + "90%: "))
    #expect(lines[12] == axis)
  }

  @Test("120 columns: all 30 weeks, no note, intervals inline")
  func hundredTwenty() {
    let lines = Self.text(width: 120)
    Self.expectFits(lines, 120)
    let blocks = String(repeating: "█", count: 30)
    #expect(lines[1] == "")
    #expect(lines[3] == "deep-work         ic          " + blocks + "  +1.00     30  → steady")
    // 30 weeks, labelled back from the last: W30 at index 29, … W02 at index 1 (column 31).
    #expect(lines[5] == String(repeating: " ", count: 31) + "W02 W06 W10 W14 W18 W22 W26 W30")
    #expect(lines[9] == lines[5])
    let ic = lines[7]
    #expect(
      ic.hasPrefix(
        "IC track" + String(repeating: " ", count: 22) + blocks + "  +1.00     30  → steady  90%: ")
    )
    #expect(lines[8].hasPrefix("Management track"))
    #expect(lines[8].contains("  90%: "))
  }

  @Test("each axis label starts under its week's column, at every width")
  func axisUnderColumns() throws {
    for width in [66, 80, 97, 120] {
      let lines = Self.text(width: width)
      let row = Array(try #require(lines.first { $0.hasPrefix("deep-work") }))
      let axis = Array(try #require(lines.first { $0.hasPrefix("   ") && $0.contains("W30") }))
      let sparkStart = try #require(row.firstIndex(of: "█"))
      let shown = row.filter { $0 == "█" }.count
      var labels = 0
      for column in axis.indices where axis[column] == "W" {
        let week = Self.first.adding(weeks: 30 - shown + column - sparkStart)
        let number = String(axis[(column + 1)...(column + 2)])
        #expect(Int(number) == week.yearAndNumber.number, "width \(width), column \(column)")
        #expect(row[column] == "█", "a label under a sparkline block at width \(width)")
        labels += 1
      }
      #expect(labels == (shown + 3) / 4, "width \(width)")
    }
  }

  @Test("a name wider than its column has a line of its own; 52 weeks fit 80 columns")
  func longNameAndSpan() {
    let long = "a-very-long-activity-name-of-forty-chars"
    #expect(long.count == 40)
    let counts = (0..<52).map { week in
      WeeklyTagCount(
        week: Self.first.adding(weeks: week), tag: week % 2 == 0 ? long : "coaching",
        track: week % 2 == 0 ? .ic : .management, energized: week % 3 == 0 ? 0 : 123_456,
        drained: week % 3 == 0 ? 2 : 0)
    }
    let trend = Trend(counts: counts, from: Self.first, through: Self.first.adding(weeks: 51))
    let marks = (0..<60).map { index in
      Journal.MarkReference(
        entryID: Int64(100_000 + index), day: Self.first.start.adding(days: index % 3),
        tag: long, mark: .energized)
    }
    // The marks column is as wide as the largest count (17 weeks of 123,456 and 9 of 2: 2,098,770, 7 digits), two more than
    // usual: the narrowest layout is then 68 columns, and at 80 the sparkline has
    // 80 - 41 - 16 = 23 weeks.
    for width in [68, 80] {
      let lines = Self.text(trend, width: width, marks: marks)
      Self.expectFits(lines, width)
      let index = lines.firstIndex(of: long)
      #expect(index != nil, "width \(width)")
      if let index { #expect(lines[index + 1].hasPrefix(String(repeating: " ", count: 16))) }
    }
    let wide = Self.text(trend, width: 120, marks: marks)
    Self.expectFits(wide, 120)
    #expect(wide.contains { $0.hasPrefix(long + "  ic  ") })
    #expect(
      Self.text(trend, width: 80).contains(
        "Sparklines show the last 23 of 52 weeks (rate, marks and direction: all 52)."))
  }

  @Test("wrapping: at spaces only, continuation indented, a long word kept whole")
  func wrap() {
    #expect(
      TerminalLayout.wrap("aa bb cc +0.45 to +0.83", width: 8, indent: 2) == [
        "aa bb cc", "  +0.45", "  to", "  +0.83",
      ])
    #expect(TerminalLayout.wrap("abcdefghij k", width: 5) == ["abcdefghij", "k"])
    #expect(TerminalLayout.columns("日本x") == 5)
    #expect(TerminalLayout.columns("█▁·→") == 4)
  }
}

/// `trend --by-role` at a terminal's width: one line a role when it fits, else two.
@Suite("RoleSection.trendText at 80 and 120 columns")
struct RoleTrendLayoutTests {
  @Test("120 columns: one line a role with its intervals; 80: the intervals on a second line")
  func widths() throws {
    let roles = try #require(RoleAndCalendarRendererTests.brief().roles)
    let wide = RoleSection.trendText(roles, width: 120).split(separator: "\n").map(String.init)
    let narrow = RoleSection.trendText(roles, width: 80).split(separator: "\n").map(String.init)
    for line in wide { #expect(line.count <= 120, "\(line)") }
    for line in narrow { #expect(line.count <= 80, "\(line)") }
    // The figures are RoleAndCalendarRendererTests'; the wide table is 101 columns.
    #expect(
      wide[1]
        == "staff       2026-11-02  2026-11-10    1/1      5  +1.00 (+0.13 … +1.00)  "
        + "0.00 (-1.00 … +1.00)   +1.00")
    // 80 columns: the role column is 80 - 64 = 16 wide, the rates right-aligned under
    // their headers, each role's intervals on the line after it.
    let expected = [
      "role              from        to          weeks  marks     IC  management   lean",
      "staff             2026-11-02  2026-11-10    1/1      5  +1.00        0.00  +1.00",
      "  90%: IC +0.13 … +1.00, management -1.00 … +1.00",
      "tech-lead*        2026-11-11  2026-11-27    2/3      8  +0.60       -1.00  +1.60",
      "  90%: IC -1.00 … +1.00, management -1.00 … -0.37",
    ]
    #expect(Array(narrow.prefix(5)) == expected)
  }
}
