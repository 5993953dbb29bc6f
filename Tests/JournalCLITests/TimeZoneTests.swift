import Foundation
import TestSupport
import Testing

/// "Today" is the user's local calendar day, read from `TZ` the way `date` reads it. These
/// tests leave `JOURNAL_TODAY` unset and compare with `date +%F` in the same zone, run just
/// before and just after the command (a run that straddles midnight is retried).
@Suite("Local day from TZ")
struct TimeZoneTests {
  /// Adds an entry in `zone` without `JOURNAL_TODAY`; returns the day it was filed under and
  /// the local day `date` gives in that zone.
  private func addInZone(_ zone: String, to journal: TestJournal) throws -> (
    filed: String, local: String
  ) {
    for _ in 0..<3 {
      let before = try localDate(zone)
      let result = try JournalProcess.run(
        ["add", "Late in \(zone)", "--db", journal.path], environment: ["TZ": zone])
      let after = try localDate(zone)
      expectSuccess(result)
      let id = try #require(TestJournal.addedID(result.stdout))
      let filed = try journal.entry(id).date
      if before == after { return (filed, before) }
    }
    Issue.record("midnight in \(zone) kept passing during the test")
    return ("", "")
  }

  private func localDate(_ zone: String, _ options: [String] = []) throws -> String {
    let result = try ExternalCommand.run("date", options + ["+%F"], environment: ["TZ": zone])
    try #require(result.status == 0, "date failed: \(result.stderr)")
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @Test(
    "an entry is filed under the local date of TZ",
    arguments: [
      "America/Los_Angeles", "Pacific/Auckland", "Asia/Kolkata", "UTC", "Pacific/Kiritimati",
      "Pacific/Pago_Pago",
    ])
  func filedUnderLocalDate(zone: String) throws {
    try #require(
      FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/" + zone),
      "tzdata has no \(zone); without it both date and journal fall back to UTC")
    let journal = try TestJournal()
    defer { journal.remove() }

    let (filed, local) = try addInZone(zone, to: journal)

    #expect(filed == local, "in \(zone)")
  }

  @Test("Los Angeles and Auckland each get their own local date")
  func losAngelesAndAuckland() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let losAngeles = try addInZone("America/Los_Angeles", to: journal)
    let auckland = try addInZone("Pacific/Auckland", to: journal)

    #expect(losAngeles.filed == losAngeles.local)
    #expect(auckland.filed == auckland.local)
    // Auckland is 19 to 21 hours ahead: the dates differ for most of every day.
    if losAngeles.local != auckland.local {
      #expect(losAngeles.filed != auckland.filed)
    }
    #expect(losAngeles.filed <= auckland.filed)
  }

  /// Zones 26 hours apart (POSIX TZ strings: UTC+14 and UTC-12) never share a date, so the
  /// difference shows at whatever time the test runs.
  @Test("zones 26 hours apart always file on different days")
  func farApartZonesDiffer() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let ahead = try addInZone("<+14>-14", to: journal)
    let behind = try addInZone("<-12>+12", to: journal)

    #expect(ahead.filed == ahead.local)
    #expect(behind.filed == behind.local)
    #expect(ahead.local != behind.local)
    #expect(ahead.filed > behind.filed)
  }

  @Test("relative dates count back from the local day")
  func relativeDatesUseLocalDay() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let zone = "<+14>-14"

    for _ in 0..<3 {
      let before = try localDate(zone)
      // A fixed-offset zone has no daylight saving time, so 24 hours ago is yesterday.
      let expectedYesterday = try localDate(zone, ["-d", "yesterday"])
      let today = try JournalProcess.run(
        ["add", "today", "--db", journal.path], environment: ["TZ": zone])
      let yesterday = try JournalProcess.run(
        ["add", "yesterday", "--date", "yesterday", "--db", journal.path],
        environment: ["TZ": zone])
      let after = try localDate(zone)
      expectSuccess(today)
      expectSuccess(yesterday)
      guard before == after else { continue }
      let entries = try journal.entries()
      let filedToday = try #require(entries.first { $0.text == "today" })
      let filedYesterday = try #require(entries.first { $0.text == "yesterday" })
      #expect(filedToday.date == before)
      #expect(filedYesterday.date == expectedYesterday)
      return
    }
    Issue.record("midnight kept passing during the test")
  }
}
