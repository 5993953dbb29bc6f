import JournalAnalysis
import JournalCore
import Testing

@Suite struct RoleHistoryTests {
  static func role(_ id: Int64, _ name: String, _ track: Track, _ start: String) -> Role {
    Role(id: id, name: name, track: track, start: Fixture.day(start))
  }

  @Test(
    "a week belongs to the role held on its Wednesday",
    arguments: [
      // A change on Monday, Tuesday or Wednesday takes that week; Thursday or later, the next.
      ("2026-11-16", "2026-W46", "2026-W47"), ("2026-11-17", "2026-W46", "2026-W47"),
      ("2026-11-18", "2026-W46", "2026-W47"), ("2026-11-19", "2026-W47", "2026-W48"),
      ("2026-11-22", "2026-W47", "2026-W48"),
    ])
  func wednesdayRule(change: String, lastOfFirst: String, firstOfSecond: String) {
    let history = RoleHistory(
      roles: [
        Self.role(2, "manager", .management, change), Self.role(1, "staff", .ic, "2026-11-02"),
      ], counts: [], through: Fixture.day("2026-12-04"))
    #expect(history.periods.map(\.role.name) == ["staff", "manager"])
    #expect(history.periods[0].weeks?.last.description == lastOfFirst)
    #expect(history.periods[1].weeks?.first.description == firstOfSecond)
    #expect(history.periods[0].end == Fixture.day(change).adding(days: -1))
    #expect(history.periods[1].end == Fixture.day("2026-12-04"))
    #expect(history.periods.map(\.isCurrent) == [false, true])
  }

  @Test("figures per period are the trend's own over the period's weeks; roles ahead are left out")
  func figures() throws {
    let counts = [
      Fixture.count("deep-work", 3, 1, week: -1), Fixture.count("coaching", 0, 2, week: -1),
      Fixture.count("coaching", 3, 1, week: 0), Fixture.count("deep-work", 0, 1, week: 0),
    ]
    let history = RoleHistory(
      roles: [
        Self.role(1, "senior-ic", .ic, "2026-11-09"),
        Self.role(2, "manager", .management, "2026-11-16"),
        Self.role(3, "director", .management, "2026-12-01"),
      ], counts: counts, through: Fixture.day("2026-11-20"))
    #expect(history.periods.count == 2, "a role starting after 'through' has no period yet")
    let first = history.periods[0]
    // Deep work 3 energized, 1 drained: (3 - 1) / 4 = +0.5; p = 3.5 / 5, variance 0.21, half
    // width 1.6449 × 0.4583 = 0.7538.
    #expect(close(first.ic.rate?.value, 0.5))
    #expect(close(first.ic.rate?.low, 0.5 - 1.6448536269514722 * 0.21.squareRoot()))
    #expect(close(first.management.rate?.value, -1))
    #expect(close(first.lean?.value, 1.5))
    #expect(first.observations == 6 && first.weeksObserved == 1)
    let second = history.periods[1]
    #expect(close(second.management.rate?.value, 0.5))
    #expect(close(second.ic.rate?.value, -1))
    #expect(history.currentPhrase == "manager since 2026-11-16, 5 days")
  }

  @Test("a role shorter than its week's workdays gets no week and no figures, and says so")
  func tooShort() {
    let history = RoleHistory(
      roles: [
        Self.role(1, "staff", .ic, "2026-11-19"), Self.role(2, "tech-lead", .both, "2026-11-21"),
      ], counts: [Fixture.count("deep-work", 1, 0, week: 0)], through: Fixture.day("2026-11-30"))
    #expect(history.periods[0].weeks == nil)
    #expect(
      RoleHistory.sentence(history.periods[0])
        == "As staff, 2026-11-19 to 2026-11-20: too short to count a week of its own.")
    #expect(history.periods[1].weeks?.first.description == "2026-W48")
    #expect(
      RoleHistory.sentence(history.periods[1])
        == "As tech lead (current), 2026-11-21 to 2026-11-30 (2 weeks, 0 with marks): no marks yet."
    )
    #expect(history.currentPhrase == "tech lead since 2026-11-21, 1 week")
  }

  @Test("known role names carry their lean; display names spell IC in capitals")
  func names() {
    #expect(Role.knownTrack(for: "staff") == .ic)
    #expect(Role.knownTrack(for: "director") == .management)
    #expect(Role.knownTrack(for: "tech-lead") == .both)
    #expect(Role.knownTrack(for: "team-captain") == nil)
    #expect(Self.role(1, "senior-ic", .ic, "2026-01-05").displayName == "senior IC")
  }
}

@Suite struct EnergyCalendarTests {
  /// The year ending Friday 2026-11-20 starts Friday 2025-11-21 (365 days) and spans 53 ISO
  /// weeks: 2025-W47 (Friday to Sunday) … 2026-W47 (Monday to Friday).
  static let last = Fixture.day("2026-11-20")

  @Test("one cell per day, 53 columns by 7 rows, Monday on top")
  func layout() {
    let calendar = EnergyCalendar(days: [], endingOn: Self.last)
    #expect(calendar.cells.count == 365)
    #expect(calendar.first.iso == "2025-11-21")
    #expect(calendar.cells.first?.column == 0 && calendar.cells.first?.row == 4)
    #expect(calendar.cells.last?.column == 52 && calendar.cells.last?.row == 4)
    #expect(Set(calendar.cells.map(\.column)).count == 53)
    let monday = calendar.cells.first { $0.day.iso == "2025-11-24" }
    #expect(monday?.column == 1 && monday?.row == 0)
    #expect(
      Set(calendar.cells.map { "\($0.column),\($0.row)" }).count == 365, "no two days share a cell")
    #expect(calendar.daysLogged == 0 && calendar.cells.allSatisfy { $0.level == nil })
  }

  @Test(
    "a day's level: its mean energy rounded half away from zero, else twice its mark balance",
    arguments: [
      (DayEnergy(day: Fixture.day("2026-11-20"), entries: 2, energySum: 3, energyCount: 2), 2),
      (DayEnergy(day: Fixture.day("2026-11-20"), entries: 2, energySum: 1, energyCount: 2), 1),
      (DayEnergy(day: Fixture.day("2026-11-20"), entries: 3, energySum: 1, energyCount: 3), 0),
      (DayEnergy(day: Fixture.day("2026-11-20"), entries: 2, energySum: -1, energyCount: 2), -1),
      (DayEnergy(day: Fixture.day("2026-11-20"), entries: 1, energySum: -2, energyCount: 1), -2),
      // No energy given: 2 × (2 − 1) / 3 = 0.67 → 1; 2 × (0 − 2) / 2 = −2; marks even → 0.
      (DayEnergy(day: Fixture.day("2026-11-20"), entries: 1, energized: 2, drained: 1), 1),
      (DayEnergy(day: Fixture.day("2026-11-20"), entries: 1, energized: 0, drained: 2), -2),
      (DayEnergy(day: Fixture.day("2026-11-20"), entries: 1, energized: 1, drained: 1), 0),
      (DayEnergy(day: Fixture.day("2026-11-20"), entries: 1), 0),
    ])
  func level(day: DayEnergy, expected: Int) {
    #expect(EnergyCalendar.level(day) == expected)
    let calendar = EnergyCalendar(days: [day], endingOn: Self.last)
    #expect(calendar.cells.last?.level == expected)
    #expect(calendar.daysLogged == 1)
  }

  @Test("days outside the year are ignored; months are counted by level")
  func months() {
    let days = [
      DayEnergy(day: Fixture.day("2025-11-20"), entries: 1, energySum: 2, energyCount: 1),
      DayEnergy(day: Fixture.day("2025-11-21"), entries: 1, energySum: 2, energyCount: 1),
      DayEnergy(day: Fixture.day("2025-11-24"), entries: 1, energySum: 0, energyCount: 1),
      DayEnergy(day: Fixture.day("2026-11-02"), entries: 1, energySum: -1, energyCount: 1),
      DayEnergy(day: Fixture.day("2026-11-21"), entries: 1, energySum: -1, energyCount: 1),
    ]
    let calendar = EnergyCalendar(days: days, endingOn: Self.last)
    #expect(calendar.daysLogged == 3)
    #expect(calendar.daysPerLevel == [0, 1, 1, 0, 1])
    let months = calendar.months
    #expect(months.count == 13)
    #expect(months.map(\.days).reduce(0, +) == 365)
    #expect(
      months.first.map { [$0.year, $0.month, $0.days, $0.logged, $0.energized, $0.neutral] } == [
        2025, 11, 10, 2, 1, 1,
      ])
    #expect(
      months.last.map { [$0.year, $0.month, $0.days, $0.logged, $0.drained] } == [
        2026, 11, 20, 1, 1,
      ])
  }
}

@Suite struct MissedWorkdaysTests {
  @Test("the workdays of this week before today without an entry, and the hint's wording")
  func missed() {
    let days = ["2026-11-16", "2026-11-18", "2026-11-14"].map(Fixture.day)
    let missed = MissedWorkdays.thisWeek(days: days, today: Fixture.day("2026-11-20"))
    #expect(missed.map(\.iso) == ["2026-11-17", "2026-11-19"])
    #expect(
      MissedWorkdays.hint(missed)
        == "No entries yet for Tue and Thu this week; 'journal add --date tue' adds one.")
    #expect(MissedWorkdays.thisWeek(days: [], today: Fixture.day("2026-11-16")).isEmpty, "Monday")
    // On Sunday every workday of the week can be missed.
    let sunday = MissedWorkdays.thisWeek(days: [], today: Fixture.day("2026-11-22"))
    #expect(sunday.count == 5)
    #expect(
      MissedWorkdays.hint(sunday)
        == "No entries yet for Mon, Tue, Wed, Thu and Fri this week; 'journal add --date mon' adds one."
    )
    #expect(MissedWorkdays.hint([]) == nil)
  }
}
