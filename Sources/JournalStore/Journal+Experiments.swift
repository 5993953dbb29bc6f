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
      try insertExperiment(
        title: title, track: track, hypothesis: hypothesis, start: start, weeks: weeks)
    }
  }

  /// Inserts an experiment inside the caller's transaction (alone, or with a role change).
  func insertExperiment(
    title: String, track: Track, hypothesis: String, start: Day, weeks: Int
  ) throws(StoreError) -> Experiment {
    try db.prepare(
      "INSERT INTO experiment (title, track, hypothesis, startDay, plannedWeeks) VALUES (?, ?, ?, ?, ?)"
    ).run([
      .text(title), .text(track.rawValue), .text(hypothesis), .text(start.iso),
      .integer(Int64(weeks)),
    ])
    return try experiment(id: db.lastInsertedRowID)
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

  /// Corrects an experiment: only what is given changes.
  ///
  /// - Parameters:
  ///   - id: The experiment's number.
  ///   - title: A new title.
  ///   - track: A new track (`.ic` or `.management`).
  ///   - hypothesis: A new hypothesis.
  ///   - start: A new first day.
  ///   - weeks: A new planned length, 1 ... 52.
  ///   - outcome: What the user concluded, for an experiment that has ended.
  /// - Returns: The experiment as stored.
  /// - Throws: `StoreError.unknownExperiment`.
  public func editExperiment(
    id: Int64, title: String? = nil, track: Track? = nil, hypothesis: String? = nil,
    start: Day? = nil, weeks: Int? = nil, outcome: String? = nil
  ) throws(StoreError) -> Experiment {
    try db.transaction { () throws(StoreError) -> Experiment in
      _ = try experiment(id: id)
      try db.prepare(
        """
        UPDATE experiment SET title = coalesce(?, title), track = coalesce(?, track),
          hypothesis = coalesce(?, hypothesis), startDay = coalesce(?, startDay),
          plannedWeeks = coalesce(?, plannedWeeks), outcome = coalesce(?, outcome),
          updatedAt = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE id = ?
        """
      ).run([
        title.map { .text($0) } ?? .null, track.map { .text($0.rawValue) } ?? .null,
        hypothesis.map { .text($0) } ?? .null, start.map { .text($0.iso) } ?? .null,
        weeks.map { .integer(Int64($0)) } ?? .null, outcome.map { .text($0) } ?? .null,
        .integer(id),
      ])
      return try experiment(id: id)
    }
  }

  /// Deletes an experiment for good (a duplicate start, a trial that never happened). The
  /// entries of its weeks stay: an experiment only names a span of them.
  ///
  /// - Parameter id: The experiment's number.
  /// - Returns: The experiment as it was.
  /// - Throws: `StoreError.unknownExperiment`.
  @discardableResult
  public func deleteExperiment(id: Int64) throws(StoreError) -> Experiment {
    try db.transaction { () throws(StoreError) -> Experiment in
      let existing = try experiment(id: id)
      try db.prepare("DELETE FROM experiment WHERE id = ?").run([.integer(id)])
      return existing
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
