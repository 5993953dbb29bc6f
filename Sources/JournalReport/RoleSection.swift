import JournalAnalysis
import JournalCore
import JournalInterchange
import JournalStore

extension Brief {
  /// The role periods and the energy calendar, read inside the brief's read transaction: the
  /// roles started by the report's last day with their weeks from the rollup, and the 365 days
  /// that end on that day.
  ///
  /// - Parameters:
  ///   - journal: The journal.
  ///   - last: The report's last day: the end of its window, or today when that is earlier.
  ///   - calendar: Whether to read the calendar: a year of entries through the day index (about
  ///     10,000 on the benchmark's million-entry journal), which only the HTML report draws.
  /// - Returns: `nil` roles when none is recorded (the report then has no role section), and
  ///   `nil` calendar unless asked for.
  /// - Throws: `StoreError` on a SQLite failure.
  static func readRolesAndCalendar(journal: Journal, last: Day, calendar: Bool) throws(StoreError)
    -> (roles: RoleHistory?, calendar: EnergyCalendar?)
  {
    let calendar =
      calendar
      ? EnergyCalendar(
        days: try journal.dayEnergies(
          from: EnergyCalendar.firstDay(endingOn: last), through: last), endingOn: last) : nil
    return (try RoleSection.load(journal: journal, through: last), calendar)
  }
}

/// The report's "Roles over time" section, in each format. It exists only when roles are
/// recorded: a journal without roles gets the report it always had.
public enum RoleSection {
  /// The role periods through `last`, each with its whole weeks read from the rollup in one
  /// query; `nil` when no role was started by `last`.
  ///
  /// - Parameters:
  ///   - journal: The journal.
  ///   - last: The last day counted.
  ///   - tags: Only these tags' marks; empty means all.
  /// - Returns: The history, or `nil`.
  /// - Throws: `StoreError` on a SQLite failure, `.unknownTag` for a tag the journal lacks.
  public static func load(journal: Journal, through last: Day, tags: [TagName] = [])
    throws(StoreError) -> RoleHistory?
  {
    let roles = try journal.roles()
    guard let first = RoleHistory.firstWeek(of: roles, through: last),
      let weeks = WeekWindow(first: first, last: ISOWeek(containing: last))
    else { return nil }
    return RoleHistory(
      roles: roles, counts: try journal.weeklyTagCounts(in: weeks, tags: tags), through: last)
  }

  /// The closing line: the articles' point that the choice is not permanent.
  static let reversible =
    "The choice is reversible: people try management and come back, and switch more than once. "
    + "Each period above is how that role felt."

  /// "Current role: tech lead since 2026-08-03, 15 weeks."
  static func currentLine(_ roles: RoleHistory) -> String? {
    roles.currentPhrase.map { "Current role: \($0)." }
  }

  /// The Markdown lines, with a trailing blank line; empty without roles.
  ///
  /// - Parameter brief: The brief.
  /// - Returns: The lines.
  public static func markdown(_ brief: Brief) -> [Markdown] {
    guard let roles = brief.roles, !roles.periods.isEmpty else { return [] }
    var out: [Markdown] = ["## Roles over time", ""]
    if let line = currentLine(roles) {
      out += [Markdown(line: line), ""]
    }
    for period in roles.periods {
      out.append("- \(RoleHistory.sentence(period))")
    }
    out += ["", Markdown(line: reversible), ""]
    return out
  }

  /// The HTML section; empty without roles.
  ///
  /// - Parameter brief: The brief.
  /// - Returns: The markup.
  public static func html(_ brief: Brief) -> HTML {
    guard let roles = brief.roles, !roles.periods.isEmpty else { return "" }
    var html: HTML = "<section class=\"roles\"><h2>Roles over time</h2>"
    if let line = currentLine(roles) { html += "<p>\(line)</p>" }
    html += "<ul>"
    for period in roles.periods {
      html += "<li>\(RoleHistory.sentence(period))</li>"
    }
    return html + "</ul><p>\(reversible)</p></section>"
  }

  /// The `roles` member of the report's JSON, or `nil` without roles (the key is then left
  /// out).
  ///
  /// - Parameter brief: The brief.
  /// - Returns: The value.
  public static func json(_ brief: Brief) -> JSONValue? {
    guard let roles = brief.roles, !roles.periods.isEmpty else { return nil }
    return json(roles)
  }

  /// The role periods as JSON: `current` and `periods` (the report's `roles` member, and
  /// `journal trend --by-role --format json`).
  ///
  /// - Parameter roles: The history.
  /// - Returns: The value.
  public static func json(_ roles: RoleHistory) -> JSONValue {
    func figures(_ figures: TrackFigures) -> JSONValue {
      .object([
        ("rate", .figure(figures.rate?.value)), ("low", .figure(figures.rate?.low)),
        ("high", .figure(figures.rate?.high)),
        ("observations", .int(figures.counts.observations)),
      ])
    }
    let periods = roles.periods.map { period -> JSONValue in
      .object([
        ("id", .int(Int(period.role.id))), ("name", .string(period.role.name)),
        ("track", .string(period.role.track.rawValue)), ("start", .string(period.role.start.iso)),
        ("end", .string(period.end.iso)), ("current", .bool(period.isCurrent)),
        ("days", .int(period.days)),
        (
          "weeks",
          period.weeks.map {
            .object([
              ("first", .string($0.first.description)), ("last", .string($0.last.description)),
            ])
          } ?? .null
        ),
        ("weeks_observed", .int(period.weeksObserved)),
        ("observations", .int(period.observations)),
        ("ic", figures(period.ic)), ("management", figures(period.management)),
        (
          "lean",
          period.lean.map {
            .object([
              ("value", .figure($0.value)), ("low", .figure($0.low)), ("high", .figure($0.high)),
            ])
          } ?? .null
        ),
        ("sentence", .string(RoleHistory.sentence(period))),
      ])
    }
    return .object([
      ("current", .optionalString(roles.currentPhrase)),
      ("periods", .array(periods)),
    ])
  }
}
