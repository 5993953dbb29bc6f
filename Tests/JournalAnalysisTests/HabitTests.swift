import JournalAnalysis
import JournalCore
import Testing

@Suite struct HabitTests {
  /// 2026-11-20 is a Friday; its ISO week starts on Monday 2026-11-16.
  static func day(_ iso: String) -> Day {
    Day(iso: iso) ?? Day(ordinal: 0)
  }

  static func habit(_ days: [String], today: String = "2026-11-20") -> Habit {
    Habit(days: days.map(day), today: day(today), countingRuns: true)
  }

  @Test func emptyJournal() {
    let habit = Self.habit([])
    #expect(habit.thisWeek.logged == 0 && habit.thisWeek.workdays == 5)
    #expect(habit.previousWeeks.map(\.logged) == [0, 0, 0, 0])
    #expect(habit.previousWeeks.map(\.workdays) == [5, 5, 5, 5])
    #expect(
      habit.previousWeeks.map(\.week.start.iso) == [
        "2026-11-09", "2026-11-02", "2026-10-26", "2026-10-19",
      ])
    #expect(habit.lastEntry == nil && habit.daysSinceLastEntry == nil)
    #expect(habit.missedWorkdays == 0)
    #expect(habit.longestRun == 0)
  }

  @Test func weekendEntriesCountForNoWorkdayButAreTheLastEntry() {
    // Saturday and Sunday only: no workday logged, no run; Monday to Thursday missed.
    let habit = Self.habit(["2026-11-14", "2026-11-15"])
    #expect(habit.thisWeek.logged == 0)
    #expect(habit.previousWeeks.map(\.logged) == [0, 0, 0, 0])
    #expect(habit.lastEntry == Self.day("2026-11-15"))
    #expect(habit.daysSinceLastEntry == 5)
    #expect(habit.missedWorkdays == 4)
    #expect(habit.longestRun == 0)
  }

  @Test func aRunContinuesAcrossAWeekend() {
    // Thu 12, Fri 13, (Sat 14), Mon 16, Tue 17: a run of 4; Wed 18 missing ends it; Thu 19.
    let habit = Self.habit([
      "2026-11-12", "2026-11-13", "2026-11-14", "2026-11-16", "2026-11-17", "2026-11-19",
    ])
    #expect(habit.longestRun == 4)
    #expect(habit.thisWeek.logged == 3 && habit.thisWeek.workdays == 5)
    #expect(habit.previousWeeks.map(\.logged) == [2, 0, 0, 0])
    #expect(habit.lastEntry == Self.day("2026-11-19"))
    #expect(habit.daysSinceLastEntry == 1)
    #expect(habit.missedWorkdays == 0)
  }

  @Test func aMissingFridayBreaksARunAcrossTheWeekend() {
    // Wed 11, Thu 12, Mon 16, Tue 17: two runs of 2.
    #expect(
      Habit.longestRun(["2026-11-11", "2026-11-12", "2026-11-16", "2026-11-17"].map(Self.day)) == 2)
  }

  @Test func todayMissingMidweek() {
    // Wednesday: Monday logged, Tuesday and today not. Workdays so far: Mon, Tue, Wed.
    let habit = Self.habit(["2026-11-16"], today: "2026-11-18")
    #expect(habit.thisWeek.logged == 1 && habit.thisWeek.workdays == 3)
    #expect(habit.daysSinceLastEntry == 2)
    #expect(habit.missedWorkdays == 1)
    #expect(habit.longestRun == 1)
  }

  @Test func mondayAfterALoggedFridayMissedNothing() {
    let habit = Self.habit(["2026-11-20"], today: "2026-11-23")
    #expect(habit.thisWeek.logged == 0 && habit.thisWeek.workdays == 1)
    #expect(habit.previousWeeks.first?.logged == 1)
    #expect(habit.daysSinceLastEntry == 3)
    #expect(habit.missedWorkdays == 0)
  }

  @Test func onASaturdayTheWeekHasFiveWorkdays() {
    let habit = Self.habit(
      ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"], today: "2026-11-21")
    #expect(habit.thisWeek.logged == 5 && habit.thisWeek.workdays == 5)
    #expect(habit.longestRun == 5)
    #expect(habit.missedWorkdays == 0)
  }

  @Test func daysAfterTodayAreIgnored() {
    let habit = Self.habit(["2026-11-19", "2026-11-23", "2026-11-24"])
    #expect(habit.lastEntry == Self.day("2026-11-19"))
    #expect(habit.thisWeek.logged == 1)
    #expect(habit.longestRun == 1)
  }

  @Test func withoutCountingRunsTheLongestRunIsNotComputed() {
    let habit = Habit(
      days: [Self.day("2026-11-20")], today: Self.day("2026-11-20"), countingRuns: false)
    #expect(habit.longestRun == nil)
    #expect(habit.thisWeek.logged == 1)
  }
}
