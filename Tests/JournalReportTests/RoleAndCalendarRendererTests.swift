import Foundation
import JournalAnalysis
import JournalCore
import TestSupport
import Testing

@testable import JournalInterchange
@testable import JournalReport

/// The role section and the energy calendar on the hand-made brief of `BriefFixture`.
@Suite("Report renderers: roles over time and the energy calendar")
struct RoleAndCalendarRendererTests {
  /// Roles over the fixture's weeks: staff from Monday 2026-11-02, then tech-lead from
  /// Wednesday 2026-11-11 (it takes W46, the week of that Wednesday).
  static func brief() -> Brief {
    var brief = BriefFixture.brief()
    brief.roles = RoleHistory(
      roles: [
        Role(id: 1, name: "staff", track: .ic, start: BriefFixture.day("2026-11-02")),
        Role(id: 2, name: "tech-lead", track: .both, start: BriefFixture.day("2026-11-11")),
      ], counts: BriefFixture.counts, through: BriefFixture.today)
    brief.calendar = EnergyCalendar(days: days, endingOn: BriefFixture.today)
    return brief
  }

  /// Three days of the fixture's month: energized, neutral, drained.
  static let days = [
    DayEnergy(day: BriefFixture.day("2026-11-02"), entries: 2, energySum: 3, energyCount: 2),
    DayEnergy(day: BriefFixture.day("2026-11-04"), entries: 1, energized: 1, drained: 1),
    DayEnergy(day: BriefFixture.day("2026-11-11"), entries: 1, energySum: -2, energyCount: 1),
  ]

  @Test("Markdown and JSON with roles match their golden files")
  func goldens() throws {
    let brief = Self.brief()
    try Golden.check(ReportMarkdown.render(brief), "report/brief-roles.md")
    try Golden.check(ReportJSON.render(brief).rendered() + "\n", "report/brief-roles.json")
  }

  @Test("staff's weeks are W45 alone (deep-work 2/0, coaching 1/1); tech lead's W46 … W48")
  func periods() throws {
    let roles = try #require(Self.brief().roles)
    // W45: deep-work 2 energized → IC +1.00; coaching 1 and 1 → management 0.
    #expect(roles.periods[0].weeks?.first.description == "2026-W45")
    #expect(roles.periods[0].weeks?.last.description == "2026-W45")
    #expect(roles.periods[0].ic.rate?.value == 1)
    #expect(roles.periods[0].management.rate?.value == 0)
    #expect(roles.periods[1].weeks?.first.description == "2026-W46")
    #expect(roles.periods[1].weeks?.last.description == "2026-W48")
    // W46 and W48: deep-work 3/1 and architecture 1/0 pooled, (4 − 1) / 5 = +0.60; coaching
    // 0/3 → management −1.00.
    #expect(abs((roles.periods[1].ic.rate?.value ?? 0) - 0.6) < 1e-12)
    #expect(roles.periods[1].management.rate?.value == -1)
    #expect(roles.currentPhrase == "tech lead since 2026-11-11, 2 weeks")
  }

  @Test("HTML: one square per day of the year, classed by level, with a text alternative")
  func calendarHTML() throws {
    let html = ReportHTML.render(Self.brief())
    #expect(html.components(separatedBy: "<rect class=\"day ").count - 1 == 365)
    #expect(html.components(separatedBy: "<rect class=\"day none\"").count - 1 == 362)
    // 2026-11-02 is a Monday: 2025-11-28 (Friday) starts column 0, so Monday 2026-11-02 is in
    // column 49 (x = 32 + 49 × 13 = 669), row 0; Wednesday 2026-11-04 in row 2 (y = 18 + 2 × 13).
    #expect(html.contains("<rect class=\"day l2\" x=\"669\" y=\"18\""))
    #expect(html.contains("<rect class=\"day l0\" x=\"669\" y=\"44\""))
    #expect(html.contains("<title>2026-11-02, Monday: 2 entries, energy +1.50</title>"))
    #expect(html.contains("<title>2026-11-04, Wednesday: 1 entry, no energy given</title>"))
    #expect(html.contains("<title>2026-11-11, Wednesday: 1 entry, energy -2.00</title>"))
    #expect(html.contains("<title>2026-11-03, Tuesday: no entry</title>"))
    let summary =
      "365 days from 2025-11-28 to 2026-11-27: 3 with an entry (1 energized, 1 neutral, "
      + "1 drained), 362 without."
    #expect(html.contains("role=\"img\" aria-label=\"Daily energy, \(summary)\""))
    #expect(html.contains(summary + "</p>"))
    #expect(
      html.contains(
        "<tr><td>November 2026</td><td>27</td><td>3</td><td>1</td><td>1</td><td>1</td></tr>"))
    let months = try #require(html.components(separatedBy: "<table class=\"months\">").last)
      .components(separatedBy: "</table>")[0]
    #expect(months.components(separatedBy: "<tr><td>").count - 1 == 13, "13 months in the table")
    #expect(html.contains("<section class=\"roles\"><h2>Roles over time</h2>"))
    // The colours: blue for energized, orange for drained, in both schemes.
    #expect(html.contains("svg.calendar .l2 { fill: #0571b0; }"))
    #expect(html.contains("svg.calendar .l-2 { fill: #e66101; }"))
    #expect(html.contains("@media (prefers-color-scheme: dark)"))
  }

  @Test("without roles and calendar the brief renders as before: no section, no key")
  func absent() throws {
    let brief = BriefFixture.brief()
    #expect(!ReportMarkdown.render(brief).contains("Roles over time"))
    #expect(!ReportHTML.render(brief).contains("Energy at a glance"))
    #expect(!ReportJSON.render(brief).rendered().contains("\"roles\""))
  }
}
