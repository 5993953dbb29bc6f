import JournalCore

// Reflections: dated answers to the articles' questions. The five-year answer, the motives
// and the note live in `reflection`; the "how to choose" answers in `reflectionAnswer`, one row
// per question, by code (schema 6).

extension Journal {
  /// The reflection of the current row, read by column name, without its answers.
  static func reflection(from row: Statement) throws(StoreError) -> Reflection {
    Reflection(
      id: row.int("id"), day: try row.decode("day", of: "reflection", Day.init(iso:)),
      fiveYears: row.text("fiveYears"),
      motives: try row.decode("motives", of: "reflection", Motive.list(stored:)),
      note: row.text("note"))
  }

  /// `reflection` with its answers read from `reflectionAnswer`.
  func withAnswers(_ reflection: Reflection) throws(StoreError) -> Reflection {
    var answers: [ReflectionAnswer] = []
    try db.prepare("SELECT question, answer FROM reflectionAnswer WHERE reflectionId = ?")
      .forEachRow([.integer(reflection.id)]) { (row) throws(StoreError) in
        let question = try row.decode(
          "question", of: "reflectionAnswer", ReflectionQuestion.init(rawValue:))
        let code = row.text("answer")
        guard let answer = ReflectionAnswer(question, code) else {
          throw .corrupt(table: "reflectionAnswer", column: "answer")
        }
        answers.append(answer)
      }
    return Reflection(
      id: reflection.id, day: reflection.day, fiveYears: reflection.fiveYears,
      motives: reflection.motives, note: reflection.note, answers: answers)
  }

  /// Stores the answers of reflection `id` (inside the caller's transaction).
  func insertAnswers(_ answers: [ReflectionAnswer], reflection id: Int64) throws(StoreError) {
    let insert = try db.prepare(
      "INSERT INTO reflectionAnswer (reflectionId, question, answer) VALUES (?, ?, ?)")
    for answer in answers {
      try insert.run([
        .integer(id), .text(answer.question.rawValue), .text(answer.choice.code),
      ])
    }
  }

  /// Records a reflection.
  ///
  /// - Parameters:
  ///   - day: The day it is written.
  ///   - fiveYears: The five-year answer.
  ///   - motives: The motives named.
  ///   - note: Anything else.
  ///   - answers: The answers to the "how to choose" questions (one per question).
  /// - Returns: The stored reflection.
  /// - Throws: `StoreError` on a SQLite failure.
  public func addReflection(
    day: Day, fiveYears: String, motives: [Motive], note: String,
    answers: [ReflectionAnswer] = []
  ) throws(StoreError) -> Reflection {
    try db.transaction { () throws(StoreError) -> Reflection in
      try db.prepare("INSERT INTO reflection (day, fiveYears, motives, note) VALUES (?, ?, ?, ?)")
        .run([
          .text(day.iso), .text(fiveYears), .text(motives.map(\.rawValue).joined(separator: ",")),
          .text(note),
        ])
      let reflection = Reflection(
        id: db.lastInsertedRowID, day: day, fiveYears: fiveYears, motives: motives, note: note,
        answers: answers)
      try insertAnswers(reflection.answers, reflection: reflection.id)
      return reflection
    }
  }

  /// The latest reflection on or before `day`: the newest day, then the newest written.
  ///
  /// - Parameter day: The last day considered.
  /// - Returns: The reflection with its answers, or `nil` when there is none.
  /// - Throws: `StoreError` on a SQLite failure.
  public func latestReflection(onOrBefore day: Day) throws(StoreError) -> Reflection? {
    let statement = try db.prepare(
      """
      SELECT id, day, fiveYears, motives, note FROM reflection WHERE day <= ?
      ORDER BY day DESC, id DESC LIMIT 1
      """)
    try statement.bind([.text(day.iso)])
    defer { statement.reset() }
    guard try statement.step() else { return nil }
    let reflection = try Self.reflection(from: statement)
    statement.reset()
    return try withAnswers(reflection)
  }

  /// Every reflection with its answers, oldest day first (then the order written): how the
  /// answers moved.
  ///
  /// - Returns: The reflections.
  /// - Throws: `StoreError` on a SQLite failure.
  public func reflections() throws(StoreError) -> [Reflection] {
    var reflections: [Reflection] = []
    try db.prepare("SELECT id, day, fiveYears, motives, note FROM reflection ORDER BY day, id")
      .forEachRow { (row) throws(StoreError) in
        reflections.append(try Self.reflection(from: row))
      }
    var result: [Reflection] = []
    for reflection in reflections { result.append(try withAnswers(reflection)) }
    return result
  }
}

extension Motive {
  /// The motives stored comma-separated in `reflection.motives`, or `nil` when one of them is
  /// not a motive this version knows.
  fileprivate static func list(stored: String) -> [Motive]? {
    var motives: [Motive] = []
    for name in stored.split(separator: ",") {
      guard let motive = Motive(rawValue: String(name)) else { return nil }
      motives.append(motive)
    }
    return motives
  }
}
