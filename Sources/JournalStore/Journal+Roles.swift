import JournalCore

// The roles a person held (`journal role …`), the day sums of the energy calendar, and the
// memory of `journal add`'s missed-workday hint.

extension Journal {
  /// Records that a role starts on `start`; it lasts until the next role starts.
  ///
  /// - Parameters:
  ///   - name: The canonical role name (kebab-case, see `TagName`).
  ///   - track: The role's lean.
  ///   - start: The first day in the role.
  /// - Returns: The stored role.
  /// - Throws: `StoreError.roleExists` when a role starts that day already, or a SQLite failure.
  public func startRole(name: String, track: Track, start: Day) throws(StoreError) -> Role {
    try db.transaction { () throws(StoreError) -> Role in
      try insertRole(name: name, track: track, start: start)
    }
  }

  /// Starts an experiment and, on the same day and in the same transaction, a role: an
  /// experiment that is a role change (`journal experiment start --role tech-lead …`).
  ///
  /// - Parameters:
  ///   - title: What the trial is.
  ///   - track: `.ic` or `.management`.
  ///   - hypothesis: What the user expects.
  ///   - start: The first day of both.
  ///   - weeks: The planned length, 1 ... 52.
  ///   - role: The role's canonical name and lean.
  /// - Returns: The stored experiment and role.
  /// - Throws: `StoreError.roleExists` when a role starts that day already (nothing is
  ///   written), or a SQLite failure.
  public func startExperiment(
    title: String, track: Track, hypothesis: String, start: Day, weeks: Int,
    role: (name: String, track: Track)
  ) throws(StoreError) -> (experiment: Experiment, role: Role) {
    try db.transaction { () throws(StoreError) -> (experiment: Experiment, role: Role) in
      let started = try insertRole(name: role.name, track: role.track, start: start)
      let experiment = try insertExperiment(
        title: title, track: track, hypothesis: hypothesis, start: start, weeks: weeks)
      return (experiment, started)
    }
  }

  /// Every role, the earliest start first.
  ///
  /// - Returns: The roles.
  /// - Throws: `StoreError` on a SQLite failure or a corrupt row.
  public func roles() throws(StoreError) -> [Role] {
    var roles: [Role] = []
    try db.prepare(Self.roleSelect + " ORDER BY startDay, id").forEachRow {
      (row) throws(StoreError) in
      roles.append(try Self.role(from: row))
    }
    return roles
  }

  /// The role with `id`.
  ///
  /// - Parameter id: The role's number.
  /// - Returns: The role.
  /// - Throws: `StoreError.unknownRole`.
  public func role(id: Int64) throws(StoreError) -> Role {
    let statement = try db.prepare(Self.roleSelect + " WHERE id = ?")
    try statement.bind([.integer(id)])
    defer { statement.reset() }
    guard try statement.step() else { throw .unknownRole(id: id) }
    return try Self.role(from: statement)
  }

  /// Changes a role's name, lean or start; `nil` keeps what it was.
  ///
  /// - Parameters:
  ///   - id: The role's number.
  ///   - name: The new canonical name.
  ///   - track: The new lean.
  ///   - start: The new first day.
  /// - Returns: The role as stored.
  /// - Throws: `StoreError.unknownRole`, `.roleExists` when another role starts on `start`.
  public func editRole(id: Int64, name: String?, track: Track?, start: Day?) throws(StoreError)
    -> Role
  {
    try db.transaction { () throws(StoreError) -> Role in
      let current = try role(id: id)
      let day = start ?? current.start
      if let other = try roleStarting(on: day), other.id != id {
        throw .roleExists(day: day.iso, id: other.id, name: other.name)
      }
      try db.prepare(
        """
        UPDATE role SET name = ?, track = ?, startDay = ?,
          updatedAt = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE id = ?
        """
      ).run([
        .text(name ?? current.name), .text((track ?? current.track).rawValue), .text(day.iso),
        .integer(id),
      ])
      return try role(id: id)
    }
  }

  /// Deletes a role: the one before it then lasts until the next.
  ///
  /// - Parameter id: The role's number.
  /// - Returns: The deleted role.
  /// - Throws: `StoreError.unknownRole`.
  public func deleteRole(id: Int64) throws(StoreError) -> Role {
    try db.transaction { () throws(StoreError) -> Role in
      let current = try role(id: id)
      try db.prepare("DELETE FROM role WHERE id = ?").run([.integer(id)])
      return current
    }
  }

  private func insertRole(name: String, track: Track, start: Day) throws(StoreError) -> Role {
    if let other = try roleStarting(on: start) {
      throw .roleExists(day: start.iso, id: other.id, name: other.name)
    }
    try db.prepare("INSERT INTO role (name, track, startDay) VALUES (?, ?, ?)")
      .run([.text(name), .text(track.rawValue), .text(start.iso)])
    return Role(id: db.lastInsertedRowID, name: name, track: track, start: start)
  }

  /// The role that starts on `day`, if any: two roles never start on the same day, so every
  /// insert (a command's or an import's) asks this first.
  func roleStarting(on day: Day) throws(StoreError) -> Role? {
    let statement = try db.cached(Self.roleSelect + " WHERE startDay = ?")
    try statement.bind([.text(day.iso)])
    defer { statement.reset() }
    guard try statement.step() else { return nil }
    return try Self.role(from: statement)
  }

  private static let roleSelect = "SELECT id, name, track, startDay FROM role"

  /// The role of the current row, read by column name.
  static func role(from row: Statement) throws(StoreError) -> Role {
    Role(
      id: row.int("id"),
      name: try row.decode("name", of: "role") { TagName.normalize($0) == $0 ? $0 : nil },
      track: try row.decode("track", of: "role", Track.init(rawValue:)),
      start: try row.decode("startDay", of: "role", Day.init(iso:)))
  }
}

extension Journal {
  /// Each day from `first` through `last` that has a live entry, with its entries' energies
  /// and marks summed: at most one row per day, read through the day index (a year of a
  /// dense journal is a few thousand entries).
  ///
  /// - Parameters:
  ///   - first: The first day.
  ///   - last: The last day.
  /// - Returns: The days with entries, ascending.
  /// - Throws: `StoreError` on a SQLite failure or a corrupt day.
  public func dayEnergies(from first: Day, through last: Day) throws(StoreError) -> [DayEnergy] {
    var days: [DayEnergy] = []
    try db.prepare(
      """
      SELECT e.day AS day, count(*) AS entries, coalesce(sum(e.energy), 0) AS energySum,
        count(e.energy) AS energyCount,
        coalesce(sum((SELECT count(*) FROM entryTag et WHERE et.entryId = e.id AND et.mark = 1)), 0)
          AS energized,
        coalesce(sum((SELECT count(*) FROM entryTag et WHERE et.entryId = e.id AND et.mark = -1)), 0)
          AS drained
      FROM entry e INDEXED BY entryByDay
      WHERE e.deletedAt IS NULL AND e.day BETWEEN ? AND ?
      GROUP BY e.day ORDER BY e.day
      """
    ).forEachRow([.day(first), .day(last)]) { (row) throws(StoreError) in
      days.append(
        DayEnergy(
          day: try row.decodeDay("day", of: "entry"),
          entries: Int(row.int("entries")), energySum: Int(row.int("energySum")),
          energyCount: Int(row.int("energyCount")), energized: Int(row.int("energized")),
          drained: Int(row.int("drained"))))
    }
    return days
  }

  /// Remembers `missed` as the missed workdays `journal add` last mentioned, and says whether
  /// they differ from the ones it mentioned before: the hint is shown once per set of days.
  ///
  /// - Parameter missed: The missed workdays now, ascending.
  /// - Returns: `true` when the set is new (and the hint is to be shown).
  /// - Throws: `StoreError` on a SQLite failure.
  public func noteMissedWorkdays(_ missed: [Day]) throws(StoreError) -> Bool {
    let key = missed.map(\.iso).joined(separator: ",")
    return try db.transaction { () throws(StoreError) -> Bool in
      let previous = try db.prepare("SELECT missedDays FROM addHint WHERE id = 1").firstText()
      guard previous != key else { return false }
      try db.prepare(
        "INSERT INTO addHint (id, missedDays) VALUES (1, ?) "
          + "ON CONFLICT (id) DO UPDATE SET missedDays = excluded.missedDays"
      ).run([.text(key)])
      return true
    }
  }
}
