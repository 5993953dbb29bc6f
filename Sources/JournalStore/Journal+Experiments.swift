import JournalCore

extension Journal {
  /// Starts an experiment.
  ///
  /// - Parameters:
  ///   - title: What the trial is.
  ///   - track: `.ic` or `.management`.
  ///   - hypothesis: What the user expects.
  ///   - start: The first day.
  ///   - weeks: The planned length, 1 ... 52.
  /// - Returns: The stored experiment.
  /// - Throws: `StoreError` on a SQLite failure.
  public func startExperiment(
    title: String, track: Track, hypothesis: String, start: Day, weeks: Int
  ) throws(StoreError) -> Experiment {
    try db.transaction { () throws(StoreError) -> Experiment in
      try db.prepare(
        "INSERT INTO experiment (title, track, hypothesis, startDay, plannedWeeks) VALUES (?, ?, ?, ?, ?)"
      ).run([
        .text(title), .text(track.rawValue), .text(hypothesis), .text(start.iso),
        .integer(Int64(weeks)),
      ])
      return try experiment(id: db.lastInsertedRowID)
    }
  }

  /// Ends an experiment.
  ///
  /// - Parameters:
  ///   - id: The experiment's number.
  ///   - day: The day it ended.
  ///   - outcome: What the user concluded.
  /// - Returns: The ended experiment.
  /// - Throws: `StoreError.unknownExperiment`, `.experimentEnded`.
  public func endExperiment(id: Int64, on day: Day, outcome: String?) throws(StoreError)
    -> Experiment
  {
    try db.transaction { () throws(StoreError) -> Experiment in
      let current = try experiment(id: id)
      guard current.end == nil else { throw .experimentEnded(id: id) }
      try db.prepare(
        """
        UPDATE experiment SET endDay = ?, outcome = ?,
          updatedAt = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE id = ?
        """
      ).run([.text(day.iso), outcome.map { .text($0) } ?? .null, .integer(id)])
      return try experiment(id: id)
    }
  }

  /// Every experiment, oldest start first.
  ///
  /// - Returns: The experiments.
  /// - Throws: `StoreError` on a SQLite failure.
  public func experiments() throws(StoreError) -> [Experiment] {
    var experiments: [Experiment] = []
    try db.prepare(Self.experimentSelect + " ORDER BY startDay, id").forEachRow {
      (row) throws(StoreError) in
      experiments.append(try Self.experiment(from: row))
    }
    return experiments
  }

  /// The experiment with `id`.
  ///
  /// - Parameter id: The experiment's number.
  /// - Returns: The experiment.
  /// - Throws: `StoreError.unknownExperiment`.
  public func experiment(id: Int64) throws(StoreError) -> Experiment {
    let statement = try db.prepare(Self.experimentSelect + " WHERE id = ?")
    try statement.bind([.integer(id)])
    guard try statement.step() else { throw .unknownExperiment(id: id) }
    return try Self.experiment(from: statement)
  }

  private static let experimentSelect = """
    SELECT id, title, track, hypothesis, startDay, plannedWeeks, endDay, outcome FROM experiment
    """

  /// The experiment of the current row, read by column name.
  static func experiment(from row: Statement) throws(StoreError) -> Experiment {
    Experiment(
      id: row.int("id"), title: row.text("title"),
      track: try row.decode("track", of: "experiment", Track.init(rawValue:)),
      hypothesis: row.text("hypothesis"),
      start: try row.decode("startDay", of: "experiment", Day.init(iso:)),
      plannedWeeks: Int(row.int("plannedWeeks")),
      end: try row.decodeIfPresent("endDay", of: "experiment", Day.init(iso:)),
      outcome: row.optionalText("outcome"))
  }
}
