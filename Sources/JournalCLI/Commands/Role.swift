import ArgumentParser
import JournalCore
import JournalInterchange
import JournalStore

extension JournalCommand {
  struct Role: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "role",
      abstract: "Record the roles you held (ic, tech-lead, manager, …), so energy reads per role.",
      discussion: """
        A role starts on a day and lasts until the next one starts. Known names carry their \
        lean: ic, senior-ic, staff, principal, distinguished (IC); manager, \
        engineering-manager, director, vp (management); tech-lead (both). Give --track for a \
        name of your own.
        """,
      subcommands: [Start.self, ListRoles.self, EditRole.self, DeleteRole.self],
      defaultSubcommand: ListRoles.self)

    /// What `role list` and `trend --by-role` say to a journal with no role.
    static let noRolesHint =
      "No roles yet; record one with 'journal role start senior-ic --date 2026-01-05'."

    /// A role name in canonical kebab-case, like a tag's.
    static func name(_ text: String) throws -> String {
      guard let name = TagName.normalize(text) else {
        throw Arguments.kebabNameError(text, noun: "role")
      }
      return name
    }

    /// "tech-lead (both)": a role in a confirmation line.
    static func label(_ name: String, _ track: Track) -> String {
      "\(name) (\(track.rawValue))"
    }
  }
}

extension JournalCommand.Role {
  struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "start", abstract: "Record that a role starts; it lasts until the next one.")

    @OptionGroup var store: StoreOptions

    @Argument(
      help: "The role, such as senior-ic, staff, tech-lead or manager.",
      transform: JournalCommand.Role.name)
    var role: String

    @Option(
      help: ArgumentHelp(
        "Its lean: ic, management, both or neutral (default: from a known name, else neutral).",
        valueName: "track"))
    var track: Track?

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp("The first day in the role (default: today).", valueName: "date"),
      transform: Arguments.date)
    var date: DateExpression?

    func run() throws {
      let today = try Clock.today()
      let start = try date?.recordedDay(today: today) ?? today
      let lean = track ?? JournalCore.Role.knownTrack(for: role) ?? .neutral
      let started = try store.open(.write).startRole(name: role, track: lean, start: start)
      try Console.output(
        "Started role \(started.id): \(JournalCommand.Role.label(role, lean)) from \(start.iso); "
          + "it lasts until the next role starts.")
    }
  }

  struct ListRoles: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List the roles, the earliest first.")

    @OptionGroup var store: StoreOptions

    @Option(help: "Output format: text or json.")
    var format: TextOrJSON = .text

    func run() throws {
      let today = try Clock.today()
      let roles = try store.open(.read).roles()
      // A role lasts until the day before the next starts; the latest started by today is the
      // current one (a role dated ahead is listed, and is current once its day comes).
      let current = roles.last(where: { $0.start <= today })?.id
      let rows = roles.enumerated().map { index, role in
        (role, end: index + 1 < roles.count ? roles[index + 1].start.adding(days: -1) : nil)
      }
      if format == .json {
        try Console.output(
          JSONValue.array(
            rows.map { role, end in
              .object([
                ("id", .int(Int(role.id))), ("name", .string(role.name)),
                ("track", .string(role.track.rawValue)), ("start", .string(role.start.iso)),
                ("end", .optionalString(end?.iso)), ("current", .bool(role.id == current)),
              ])
            }
          ).rendered())
        return
      }
      if roles.isEmpty { Console.error(JournalCommand.Role.noRolesHint) }
      let width = roles.map(\.name.count).max() ?? 0
      for (role, end) in rows {
        let until = end.map { "to \($0.iso)" } ?? "on"
        let mark = role.id == current ? "  (current)" : ""
        try Console.output(
          "\(String(role.id).leftPadded(to: 3))  \(role.name.rightPadded(to: width))  "
            + "\(role.track.rawValue.rightPadded(to: 10))  from \(role.start.iso) \(until)\(mark)")
      }
    }
  }

  struct EditRole: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "edit",
      abstract: "Change a role's name, lean or first day.",
      discussion: """
        A new known name without --track takes that name's lean (manager: management); a new \
        name of your own keeps the lean the role had.
        """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "The role's id.")
    var id: Int64

    @Option(help: "The new name.", transform: JournalCommand.Role.name)
    var name: String?

    @Option(
      help: ArgumentHelp("The new lean: ic, management, both or neutral.", valueName: "track"))
    var track: Track?

    @Option(
      parsing: .unconditional,
      help: ArgumentHelp("The new first day.", valueName: "date"),
      transform: Arguments.date)
    var date: DateExpression?

    func validate() throws {
      if name == nil, track == nil, date == nil {
        throw ValidationError("Nothing to change; give --name, --track or --date.")
      }
    }

    func run() throws {
      let today = try Clock.today()
      let start = try date?.recordedDay(today: today)
      let journal = try store.open(.update)
      let lean = track ?? name.flatMap { JournalCore.Role.knownTrack(for: $0) }
      let role = try journal.editRole(id: id, name: name, track: lean, start: start)
      try Console.output(
        "Changed role \(role.id): \(JournalCommand.Role.label(role.name, role.track)) from "
          + "\(role.start.iso).")
    }
  }

  struct DeleteRole: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "delete",
      abstract: "Delete a role: the one before it then lasts until the next.")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The role's id.")
    var id: Int64

    func run() throws {
      let role = try store.open(.update).deleteRole(id: id)
      try Console.output(
        "Deleted role \(role.id): \(JournalCommand.Role.label(role.name, role.track)) from "
          + "\(role.start.iso).")
    }
  }
}
