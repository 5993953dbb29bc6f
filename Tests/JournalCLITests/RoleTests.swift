import Foundation
import TestSupport
import Testing

@Suite("journal role")
struct RoleTests {
  /// `journal role list --format json`, parsed; requires success.
  private func roles(_ journal: TestJournal) throws -> [[String: Any]] {
    let result = try journal.run(["role", "list", "--format", "json"])
    expectSuccess(result)
    return try ReportSeed.array(result.stdout)
  }

  @Test("start (known and custom names, --track), list in text and json, edit, delete")
  func lifecycle() throws {
    let journal = try TestJournal()
    defer { journal.remove() }

    let first = try journal.run(["role", "start", "Senior-IC", "--date", "2026-06-01"])
    expectSuccess(first)
    #expect(
      first.stdout
        == "Started role 1: senior-ic (ic) from 2026-06-01; it lasts until the next role starts.\n")
    #expect(journal.exists, "role start creates the journal")
    expectSuccess(try journal.run(["role", "start", "tech-lead", "--date", "2026-09-07"]))
    let custom = try journal.run(["role", "start", "team-captain", "--date", "monday"])
    expectSuccess(custom)
    #expect(custom.stdout.hasPrefix("Started role 3: team-captain (neutral) from 2026-11-16;"))
    expectSuccess(
      try journal.run(["role", "start", "on-call-lead", "--track", "management", "--date", "today"])
    )
    #expect(
      try journal.sqlite("SELECT id, name, track, startDay FROM role ORDER BY id")
        == """
        1|senior-ic|ic|2026-06-01
        2|tech-lead|both|2026-09-07
        3|team-captain|neutral|2026-11-16
        4|on-call-lead|management|2026-11-20
        """)

    let text = try journal.run(["role"])
    expectSuccess(text)
    #expect(
      ReportSeed.lines(text.stdout) == [
        "  1  senior-ic     ic          from 2026-06-01 to 2026-09-06",
        "  2  tech-lead     both        from 2026-09-07 to 2026-11-15",
        "  3  team-captain  neutral     from 2026-11-16 to 2026-11-19",
        "  4  on-call-lead  management  from 2026-11-20 on  (current)", "",
      ])
    let listed = try roles(journal)
    #expect(listed.count == 4)
    #expect(listed[0]["name"] as? String == "senior-ic")
    #expect(listed[0]["track"] as? String == "ic")
    #expect(listed[0]["start"] as? String == "2026-06-01")
    #expect(listed[0]["end"] as? String == "2026-09-06")
    #expect(listed[0]["current"] as? Bool == false)
    #expect(listed[3]["end"] is NSNull)
    #expect(listed[3]["current"] as? Bool == true)

    // A known name brings its lean; a custom name keeps the role's; --track overrides both.
    let renamed = try journal.run(["role", "edit", "3", "--name", "manager"])
    expectSuccess(renamed)
    #expect(renamed.stdout == "Changed role 3: manager (management) from 2026-11-16.\n")
    expectSuccess(try journal.run(["role", "edit", "3", "--name", "people-lead"]))
    expectSuccess(
      try journal.run(["role", "edit", "1", "--track", "both", "--date", "2026-06-02"]))
    #expect(
      try journal.sqlite("SELECT name, track, startDay FROM role WHERE id IN (1, 3) ORDER BY id")
        == "senior-ic|both|2026-06-02\npeople-lead|management|2026-11-16")

    let deleted = try journal.run(["role", "delete", "4"])
    expectSuccess(deleted)
    #expect(deleted.stdout == "Deleted role 4: on-call-lead (management) from 2026-11-20.\n")
    #expect(try journal.sqlite("SELECT count(*) FROM role") == "3")
    // The role before it is current again, lasting to today.
    let after = try roles(journal)
    #expect(after.last?["name"] as? String == "people-lead")
    #expect(after.last?["end"] is NSNull)
    #expect(after.last?["current"] as? Bool == true)

    let doctor = try journal.run(["doctor"])
    #expect(doctor.status == 0, "doctor accepts the role tables: \(doctor.stdout) \(doctor.stderr)")
  }

  @Test("no roles: list says how to start one on stderr, json prints []")
  func emptyList() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("A day", ["-e", "deep-work"])
    let text = try journal.run(["role", "list"])
    #expect(text.status == 0)
    #expect(text.stdout.isEmpty)
    #expect(text.stderr.hasPrefix("No roles yet; record one with 'journal role start"))
    let json = try journal.run(["role", "list", "--format", "json"])
    expectSuccess(json)
    #expect(json.stdout == "[]\n")
  }

  @Test(
    "bad input is refused with one line and the right exit code, and the journal is unchanged",
    arguments: [
      (["role", "start", "Tech Lead"], Int32(64), "'Tech Lead' is not a role name"),
      (["role", "start", "x--y"], 64, "is not a role name"),
      (["role", "start", "staff", "--track", "sideways"], 64, "sideways"),
      (["role", "start", "staff", "--date", "2026-02-30"], 64, "not a date"),
      (
        ["role", "start", "staff", "--date", "2026-06-01"], 65,
        "Role 1 (senior-ic) starts on 2026-06-01 already"
      ),
      (
        ["role", "edit", "2", "--date", "2026-06-01"], 65,
        "Role 1 (senior-ic) starts on 2026-06-01 already"
      ),
      (["role", "edit", "9", "--name", "staff"], 65, "No role with id 9"),
      (["role", "edit", "1"], 64, "Nothing to change"),
      (["role", "edit", "1", "--name", "Bad Name"], 64, "is not a role name"),
      (["role", "delete", "9"], 65, "No role with id 9"),
      (["role", "delete", "one"], 64, "one"),
      (["role", "list", "--format", "csv"], 64, "text or json"),
      (
        [
          "experiment", "start", "Lead the team", "--track", "management", "--weeks", "6",
          "--role", "tech-lead", "--date", "2026-09-07",
        ], 65, "Role 2 (tech-lead) starts on 2026-09-07 already"
      ),
    ] as [([String], Int32, String)])
  func refused(arguments: [String], status: Int32, fragment: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    expectSuccess(try journal.run(["role", "start", "senior-ic", "--date", "2026-06-01"]))
    expectSuccess(try journal.run(["role", "start", "tech-lead", "--date", "2026-09-07"]))
    let before = try journal.snapshot()

    let result = try journal.run(arguments)

    expectRefused(result, status: status, mentioning: [fragment])
    #expect(try journal.snapshot() == before, "the journal is unchanged")
    #expect(try journal.sqlite("SELECT count(*) FROM experiment") == "0")
  }

  @Test("list, edit and delete need an existing journal (exit 66) and create none")
  func missingJournal() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    for arguments in [
      ["role", "list"], ["role", "edit", "1", "--name", "staff"], ["role", "delete", "1"],
    ] {
      expectRefused(try journal.run(arguments), status: 66, mentioning: ["No journal at"])
      #expect(!journal.exists, "\(arguments) created no journal")
    }
  }

  @Test("experiment start --role records the role start on the same day, in one transaction")
  func experimentRole() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let result = try journal.run([
      "experiment", "start", "Lead the storage team", "--track", "management", "--weeks", "8",
      "--role", "Tech-Lead", "--date", "2026-11-16",
    ])
    expectSuccess(result)
    #expect(
      ReportSeed.lines(result.stdout).last(where: { !$0.isEmpty })
        == "Started role 1: tech-lead (both) from 2026-11-16; it lasts until the next role starts.")
    #expect(
      try journal.sqlite("SELECT name, track, startDay FROM role") == "tech-lead|both|2026-11-16")
    #expect(
      try journal.sqlite("SELECT title, track, startDay FROM experiment")
        == "Lead the storage team|management|2026-11-16")
  }
}

/// The report's "Roles over time" on a small journal whose figures are worked out by hand.
@Suite("journal report: roles over time")
struct RoleReportTests {
  /// Two roles: senior IC from Monday 2026-11-02 (W45), manager from Thursday 2026-11-12. A
  /// week belongs to the role held on its Wednesday, so W45 and W46 are senior IC's and W47
  /// (the week of today, 2026-11-20) is the manager's.
  ///
  /// Senior IC, marks all in W45: deep-work 3 energized, 1 drained; coaching 2 drained. With
  /// one week of marks there is no jackknife, only the model interval, rate ± 1.6449 ×
  /// √(4p(1 − p)/n) with Jeffreys' p = (energized + ½)/(n + 1):
  /// - IC +0.50; p = 3.5/5 = 0.7, variance 4·0.7·0.3/4 = 0.21, half-width 0.7538: -0.25 to
  ///   +1.25, cut at +1.00.
  /// - management -1.00; p = 0.5/3, variance 4·(1/6)·(5/6)/2 = 0.2778, half-width 0.8669:
  ///   -1.87 (cut at -1.00) to -0.13.
  /// - lean +1.50 (variance 0.21 + 0.2778 = 0.4878, half-width 1.1488: +0.35 to +2.00).
  ///
  /// Manager, W47: coaching 3 energized, 1 drained (+0.50, -0.25 to +1.00, as above);
  /// deep-work 1 drained: -1.00, p = 0.5/2 = 0.25, variance 4·0.25·0.75/1 = 0.75, half-width
  /// 1.4245: -1.00 to +0.42. Lean -1.50. The manager's own track is named first.
  static func seed(_ journal: TestJournal) throws {
    expectSuccess(try journal.run(["role", "start", "senior-ic", "--date", "2026-11-02"]))
    expectSuccess(try journal.run(["role", "start", "manager", "--date", "2026-11-12"]))
    try journal.add("Mon", ["--date", "2026-11-02", "-e", "deep-work"])
    try journal.add("Tue", ["--date", "2026-11-03", "-e", "deep-work"])
    try journal.add("Wed", ["--date", "2026-11-04", "-e", "deep-work", "-d", "coaching"])
    try journal.add("Thu", ["--date", "2026-11-05", "-d", "deep-work", "-d", "coaching"])
    try journal.add("Mon", ["--date", "2026-11-16", "-e", "coaching"])
    try journal.add("Tue", ["--date", "2026-11-17", "-e", "coaching"])
    try journal.add("Wed", ["--date", "2026-11-18", "-e", "coaching", "-d", "deep-work"])
    try journal.add("Thu", ["--date", "2026-11-19", "-d", "coaching"])
  }

  static let seniorIC =
    "As senior IC, 2026-11-02 to 2026-11-11 (2 weeks, 1 with marks): IC activities +0.50 (90% "
    + "interval -0.25 to +1.00, 4 marks); management activities -1.00 (90% interval -1.00 to "
    + "-0.13, 2 marks); lean +1.50 toward IC."
  static let manager =
    "As manager (current), 2026-11-12 to 2026-11-20 (1 week, 1 with marks): management "
    + "activities +0.50 (90% interval -0.25 to +1.00, 4 marks); IC activities -1.00 (90% "
    + "interval -1.00 to +0.42, 1 mark); lean -1.50 toward management."

  @Test("Markdown: the current role with its time, then one line per period, hand-computed")
  func markdown() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Self.seed(journal)
    let report = try ReportSeed.report(journal)
    let lines = ReportSeed.lines(report)
    let start = try #require(lines.firstIndex(of: "## Roles over time"), "\(report)")
    #expect(
      Array(lines[start...].prefix(8)) == [
        "## Roles over time", "", "Current role: manager since 2026-11-12, 1 week.", "",
        "- " + Self.seniorIC, "- " + Self.manager, "",
        "The choice is reversible: people try management and come back, and switch more than "
          + "once. Each period above is how that role felt.",
      ])
  }

  @Test("JSON: roles.current and one period per role with its figures")
  func json() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Self.seed(journal)
    let report = try ReportSeed.reportJSON(journal)
    let roles = try ReportSeed.field(report, "roles")
    #expect(roles["current"] as? String == "manager since 2026-11-12, 1 week")
    let periods = try #require(roles["periods"] as? [[String: Any]])
    #expect(periods.count == 2)
    let ic = periods[0]
    #expect(ic["name"] as? String == "senior-ic")
    #expect(ic["end"] as? String == "2026-11-11")
    #expect(ic["current"] as? Bool == false)
    #expect(ic["days"] as? Int == 10)
    #expect(try ReportSeed.field(ic, "weeks")["first"] as? String == "2026-W45")
    #expect(try ReportSeed.field(ic, "weeks")["last"] as? String == "2026-W46")
    #expect(ic["observations"] as? Int == 6)
    let icRate = try ReportSeed.field(ic, "ic")
    #expect(try ReportSeed.number(icRate, "rate") == 0.5)
    #expect(try ReportSeed.number(icRate, "low") == -0.2538)
    #expect(try ReportSeed.number(icRate, "high") == 1)
    let lean = try ReportSeed.field(ic, "lean")
    #expect(try ReportSeed.number(lean, "value") == 1.5)
    #expect(try ReportSeed.number(lean, "low") == 0.3512)
    #expect(ic["sentence"] as? String == Self.seniorIC)
    let manager = periods[1]
    #expect(manager["current"] as? Bool == true)
    #expect(try ReportSeed.field(manager, "weeks")["first"] as? String == "2026-W47")
    #expect(try ReportSeed.number(try ReportSeed.field(manager, "ic"), "high") == 0.4245)
    #expect(manager["sentence"] as? String == Self.manager)
  }

  @Test("HTML: the section; no roles: no section and no JSON key")
  func htmlAndNone() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Self.seed(journal)
    let html = try ReportSeed.report(journal, ["--format", "html"])
    #expect(html.contains("<section class=\"roles\"><h2>Roles over time</h2>"))
    #expect(html.contains("<li>" + Self.manager + "</li>"))
    #expect(html.components(separatedBy: "<rect class=\"day ").count - 1 == 365)
    // Each day with a live entry is a filled square: the calendar reads the entries' days.
    let filled = 365 - (html.components(separatedBy: ": no entry</title>").count - 1)
    let days = try journal.sqlite("SELECT count(DISTINCT day) FROM entry WHERE deletedAt IS NULL")
    #expect(filled > 0 && String(filled) == days, "\(filled) squares for \(days) days")
    #expect(
      html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          + "style-src 'unsafe-inline'\">"), "a browser refuses any script or fetch")
    // The calendar is drawn only in HTML; Markdown and JSON do not read it.
    #expect(!(try ReportSeed.report(journal)).contains("Energy at a glance"))

    let plain = try TestJournal()
    defer { plain.remove() }
    try ReportSeed.clearIC(plain)
    #expect(!(try ReportSeed.report(plain)).contains("Roles"))
    #expect(!(try ReportSeed.report(plain, ["--format", "html"])).contains("Roles over time"))
    #expect(try ReportSeed.reportJSON(plain)["roles"] == nil)
  }

  @Test("trend --by-role: the same periods as a table and as the report's JSON")
  func trendByRole() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    try Self.seed(journal)
    let text = try journal.run(["trend", "--by-role"], environment: ["COLUMNS": "120"])
    expectSuccess(text)
    #expect(
      Array(ReportSeed.lines(text.stdout).prefix(3)) == [
        "role       from        to          weeks  marks  IC                     management"
          + "             lean",
        "senior-ic  2026-11-02  2026-11-11    1/2      6  +0.50 (-0.25 … +1.00)  -1.00 (-1.00 … "
          + "-0.13)  +1.50",
        "manager*   2026-11-12  2026-11-20    1/1      5  -1.00 (-1.00 … +0.42)  +0.50 (-0.25 … "
          + "+1.00)  -1.50",
      ])
    #expect(text.stdout.hasSuffix("Current role: manager since 2026-11-12, 1 week.\n"))
    // At 80 columns (103 wide does not fit) the intervals move to a line after each role.
    let narrow = try journal.run(["trend", "--by-role"], environment: ["COLUMNS": "80"])
    expectSuccess(narrow)
    #expect(
      Array(ReportSeed.lines(narrow.stdout).prefix(5)) == [
        "role              from        to          weeks  marks     IC  management   lean",
        "senior-ic         2026-11-02  2026-11-11    1/2      6  +0.50       -1.00  +1.50",
        "  90%: IC -0.25 … +1.00, management -1.00 … -0.13",
        "manager*          2026-11-12  2026-11-20    1/1      5  -1.00       +0.50  -1.50",
        "  90%: IC -1.00 … +0.42, management -0.25 … +1.00",
      ])
    let json = try journal.run(["trend", "--by-role", "--format", "json"])
    expectSuccess(json)
    let report = try ReportSeed.reportJSON(journal)
    let byRole = try ReportSeed.object(json.stdout)
    #expect(
      NSDictionary(dictionary: byRole).isEqual(to: try ReportSeed.field(report, "roles")),
      "trend --by-role --format json is the report's roles member")
    // --tag restricts every figure: coaching alone leaves senior IC no IC rate and no lean.
    let coaching = try ReportSeed.object(
      try journal.run(["trend", "--by-role", "--tag", "coaching", "--format", "json"]).stdout)
    let first = try #require((coaching["periods"] as? [[String: Any]])?.first)
    #expect(try ReportSeed.field(first, "ic")["rate"] is NSNull)
    #expect(try ReportSeed.field(first, "management")["observations"] as? Int == 2)
    #expect(first["lean"] is NSNull)
    // --weeks sets only the last day: each role is still shown whole.
    let lastWeek = try journal.run(
      ["trend", "--by-role", "--weeks", "1"], environment: ["COLUMNS": "120"])
    #expect(lastWeek.stdout == text.stdout)

    let plain = try TestJournal()
    defer { plain.remove() }
    try ReportSeed.clearIC(plain)
    let none = try plain.run(["trend", "--by-role"])
    #expect(none.status == 0 && none.stdout.isEmpty)
    #expect(none.stderr.hasPrefix("No roles yet;"))
    let noneJSON = try plain.run(["trend", "--by-role", "--format", "json"])
    expectSuccess(noneJSON)
    #expect(noneJSON.stdout == "{\n  \"current\": null,\n  \"periods\": []\n}\n")
    expectRefused(
      try plain.run(["trend", "--by-role", "--format", "csv"]), status: 64,
      mentioning: ["text or json"])
    expectRefused(
      try plain.run(["trend", "--by-role", "--explain"]), status: 64, mentioning: ["--by-role"])
  }
}
