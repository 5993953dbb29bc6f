import JournalAnalysis
import JournalCore

/// The HTML report's "Energy at a glance": a year of daily energy as a calendar of squares (53
/// ISO weeks by 7 days, Monday on top), in inline SVG without script, with a text summary and a
/// month-by-month table for readers who cannot see it.
///
/// Colours are a blue (energized) and orange (drained) diverging scale, told apart by people
/// with the common red-green colour blindness; a day without an entry is an empty outline, a
/// neutral day a grey square. Both schemes follow `prefers-color-scheme`, and on a narrow
/// screen the calendar scrolls sideways inside its own box rather than shrinking its squares
/// below reading size.
public enum CalendarHTML {
  /// The side of a square and the step from one square to the next, in CSS pixels: 53
  /// columns with both label margins fit the report's 760 px column (at 11 and 14 the calendar
  /// was 802 px wide and its first weeks and left labels were cut off at desktop width).
  static let cell = 10
  static let pitch = 13
  /// Room for the weekday labels on the left and the month labels on top.
  static let left = 32
  static let top = 18
  /// Room for the key below the squares.
  static let keyHeight = 26

  /// The SVG's width and height: weekday labels on both sides, so they are in sight whichever
  /// end a narrow screen shows.
  static var width: Int { left + EnergyCalendar.columnCount * pitch + left - 4 }
  static var height: Int { top + 7 * pitch + keyHeight }

  /// The CSS class of a level: `l-2` … `l2`, and `none` for a day without an entry.
  ///
  /// - Parameter level: -2 ... 2, or `nil`.
  /// - Returns: The class name.
  public static func className(_ level: Int?) -> String {
    guard let level else { return "none" }
    return "l\(level)"
  }

  /// The light-scheme fill of each level, -2 ... 2 (ColorBrewer's PuOr ends and RdBu's blues:
  /// orange #e66101 and #fdb863, grey #c8ccd2, blue #92c5de and #0571b0).
  public static let lightFills = ["#e66101", "#fdb863", "#c8ccd2", "#92c5de", "#0571b0"]
  /// The dark-scheme fills: the stronger the level, the brighter on the dark page.
  public static let darkFills = ["#f08a3c", "#a65a16", "#3f4652", "#2b6ea3", "#6cb4e4"]

  /// The rules the calendar needs, and the dark scheme of the whole page (the report's charts
  /// draw with fixed light-page colours, which these rules replace under a dark preference).
  /// Our own constant text, never the person's: it goes into the page as markup.
  public static var css: HTML {
    var rules = [
      // Right to left, so a narrow screen opens on the latest weeks, not on the year-old ones.
      ".calendar-box { overflow-x: auto; max-width: 100%; direction: rtl; }",
      ".calendar-box svg.calendar { direction: ltr; }",
      ".calendar-box svg.calendar { max-width: none; width: \(width)px; height: \(height)px; }",
      "svg.calendar text { font-size: 10px; fill: #6b7280; }",
      "svg.calendar .none { fill: none; stroke: #c8ccd2; stroke-width: 1; }",
      "table.months td:nth-child(n+2), table.months th:nth-child(n+2) { text-align: right; }",
      "details { margin: 0.4em 0; }",
      // At 375 px the track table ran off the page (weeks and direction out of sight): on a
      // narrow screen every table scrolls inside itself instead, its cells on one line.
      "@media (max-width: 600px) { table { display: block; overflow-x: auto; } "
        + "td, th { white-space: nowrap; } }",
    ]
    for (index, fill) in lightFills.enumerated() {
      rules.append("svg.calendar .\(className(index - 2)) { fill: \(fill); }")
    }
    var dark = [
      ":root { color-scheme: light dark; }",
      "body { background: #111827; color: #e5e7eb; }",
      ".period { color: #9ca3af; }",
      ".suggestion { background: #1f2937; border-color: #374151; }",
      "th, td { border-bottom-color: #374151; }",
      "blockquote { color: #d1d5db; border-left-color: #4b5563; }",
      "pre { background: #1f2937; }",
      "svg.chart text[fill=\"#111827\"], svg.chart text[fill=\"#4b5563\"] { fill: #e5e7eb; }",
      "svg.chart text[fill=\"#6b7280\"] { fill: #9ca3af; }",
      "svg.chart line[stroke=\"#e5e7eb\"] { stroke: #374151; }",
      "svg.calendar text { fill: #9ca3af; }",
      "svg.calendar .none { stroke: #4b5563; }",
    ]
    for (index, fill) in darkFills.enumerated() {
      dark.append("svg.calendar .\(className(index - 2)) { fill: \(fill); }")
    }
    return HTML(
      stringLiteral: rules.joined(separator: "\n") + "\n@media (prefers-color-scheme: dark) {\n  "
        + dark.joined(separator: "\n  ")
        + "\n}\n@media print { .calendar-box { overflow: visible; } }")
  }

  private static let monthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]
  private static let fullMonthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// The summary sentence: "365 days from 2025-11-21 to 2026-11-20: 212 with an entry (120
  /// energized, 60 neutral, 32 drained), 153 without."
  ///
  /// - Parameter calendar: The calendar.
  /// - Returns: The sentence.
  public static func summary(_ calendar: EnergyCalendar) -> String {
    let levels = calendar.daysPerLevel
    let logged = calendar.daysLogged
    let missing = EnergyCalendar.dayCount - logged
    return
      "\(EnergyCalendar.dayCount) days from \(calendar.first.iso) to \(calendar.last.iso): "
      + "\(logged) with an entry (\(levels[3] + levels[4]) energized, \(levels[2]) neutral, "
      + "\(levels[0] + levels[1]) drained), \(missing) without."
  }

  /// The section: heading, calendar, key, summary and the month-by-month table.
  ///
  /// - Parameter calendar: The year to draw.
  /// - Returns: The markup.
  public static func section(_ calendar: EnergyCalendar) -> HTML {
    let summary = summary(calendar)
    var svg: [HTML] = [
      "<div class=\"calendar-box\"><svg class=\"calendar\" xmlns=\"http://www.w3.org/2000/svg\" "
        + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"Daily energy, \(summary)\">"
    ]
    let right = left + EnergyCalendar.columnCount * pitch + 2
    for (row, name) in [(0, "Mon"), (2, "Wed"), (4, "Fri")] {
      let y = top + row * pitch + cell - 1
      svg.append(
        "<text x=\"\(left - 6)\" y=\"\(y)\" text-anchor=\"end\">\(name)</text>"
          + "<text x=\"\(right)\" y=\"\(y)\">\(name)</text>")
    }
    // A month is labelled above the column of its first day; the first, partial month only
    // when the next label is far enough away not to overlap it.
    let starts = calendar.cells.filter { $0.day.components.day == 1 || $0.day == calendar.first }
    for (index, cell) in starts.enumerated() {
      if index + 1 < starts.count, starts[index + 1].column - cell.column < 3 { continue }
      guard cell.column <= EnergyCalendar.columnCount - 2 else { continue }
      let (year, month, _) = cell.day.components
      let label = month == 1 ? "\(monthNames[month - 1]) \(year)" : monthNames[month - 1]
      svg.append("<text x=\"\(left + cell.column * pitch)\" y=\"\(top - 6)\">\(label)</text>")
    }
    for cell in calendar.cells {
      let x = left + cell.column * pitch
      let y = top + cell.row * pitch
      svg.append(
        "<rect class=\"day \(className(cell.level))\" x=\"\(x)\" y=\"\(y)\" width=\"\(Self.cell)\" "
          + "height=\"\(Self.cell)\" rx=\"2\"><title>\(title(cell))</title></rect>")
    }
    // The key, under the latest weeks: the five levels and an empty day.
    let keyY = top + 7 * pitch + 10
    var x = right - 262
    svg.append("<text x=\"\(x)\" y=\"\(keyY + cell - 1)\">drained</text>")
    x += 46
    for level in -2...2 {
      svg.append(
        "<rect class=\"key \(className(level))\" x=\"\(x)\" y=\"\(keyY)\" width=\"\(cell)\" "
          + "height=\"\(cell)\" rx=\"2\"/>")
      x += pitch
    }
    svg.append("<text x=\"\(x + 4)\" y=\"\(keyY + cell - 1)\">energized</text>")
    x += 76
    svg.append(
      "<rect class=\"key none\" x=\"\(x)\" y=\"\(keyY)\" width=\"\(cell)\" height=\"\(cell)\" rx=\"2\"/>"
        + "<text x=\"\(x + pitch + 4)\" y=\"\(keyY + cell - 1)\">no entry</text>")
    svg.append("</svg></div>")

    var html: HTML = "<section class=\"energy-calendar\"><h2>Energy at a glance</h2>"
    html += svg.joined(separator: "\n")
    html +=
      "<p class=\"calendar-summary\">Each square is a day, colored by its overall energy "
      + "(the mean of the energies given, else the balance of its marks): \(summary)</p>"
    html +=
      "<details><summary>The year month by month</summary><table class=\"months\">"
      + "<tr><th>month</th><th>days shown</th><th>with an entry</th><th>energized</th>"
      + "<th>neutral</th><th>drained</th></tr>"
    for month in calendar.months {
      html +=
        "<tr><td>\(fullMonthNames[month.month - 1]) \(month.year)</td><td>\(month.days)</td>"
        + "<td>\(month.logged)</td><td>\(month.energized)</td><td>\(month.neutral)</td>"
        + "<td>\(month.drained)</td></tr>"
    }
    return html + "</table></details></section>"
  }

  /// A square's tooltip and accessible name: "2026-11-20, Friday: 2 entries, energy +1.5".
  static func title(_ cell: EnergyCalendar.Cell) -> String {
    let weekday = [
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    ][cell.row]
    guard cell.level != nil else { return "\(cell.day.iso), \(weekday): no entry" }
    let energy = cell.meanEnergy.map { ", energy \(Format.signed($0))" } ?? ", no energy given"
    return
      "\(cell.day.iso), \(weekday): \(Plural.count(cell.entries, "entry", "entries"))\(energy)"
  }
}
