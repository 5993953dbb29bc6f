import JournalCore
import JournalIO
import JournalStore

/// The export formats: lossless JSON, CSV and Markdown.
public enum JournalExport {
  /// The `format` value of a career-journal JSON file, and its version.
  public static let formatName = "career-journal"
  public static let formatVersion = 1

  /// Writes the whole journal as JSON: tags, then entries (deleted ones too), experiments,
  /// reflections and roles, each record on one line with keys in a fixed order, so the same journal
  /// always gives the same bytes and an import into a new journal gives them back.
  public static func json(_ journal: Journal, since: Day?, until: Day?, to sink: BufferedOutput)
    throws
  {
    try sink.line("{")
    try sink.line("  \"format\": \"\(formatName)\",")
    try sink.line("  \"version\": \(formatVersion),")
    try sink.write("  \"tags\": [")
    try list(try journal.tagRecords().map(tagJSON), to: sink)
    try sink.line(",")
    try sink.write("  \"entries\": [")
    var first = true
    var stream = EntryStream(to: sink)
    let rows = try journal.entryRows(since: since, until: until)
    while try rows.next() {
      stream.append(first ? "\n    " : ",\n    ")
      try stream.appendExportedJSON(rows)
      first = false
      try stream.flushIfFull()
    }
    try stream.flush()
    try sink.write(first ? "]" : "\n  ]")
    try sink.line(",")
    var experiments = try journal.experimentRecords()
    var reflections = try journal.reflectionRecords()
    var roles = try journal.roleRecords()
    if let since {
      experiments = experiments.filter { $0.experiment.start >= since }
      reflections = reflections.filter { $0.reflection.day >= since }
      roles = roles.filter { $0.role.start >= since }
    }
    if let until {
      experiments = experiments.filter { $0.experiment.start <= until }
      reflections = reflections.filter { $0.reflection.day <= until }
      roles = roles.filter { $0.role.start <= until }
    }
    try sink.write("  \"experiments\": [")
    try list(experiments.map(experimentJSON), to: sink)
    try sink.line(",")
    try sink.write("  \"reflections\": [")
    try list(reflections.map(reflectionJSON), to: sink)
    try sink.line(",")
    try sink.write("  \"roles\": [")
    try list(roles.map(roleJSON), to: sink)
    try sink.line("")
    try sink.line("}")
    try sink.flush()
  }

  private static func list(_ values: [JSONValue], to sink: BufferedOutput) throws {
    for (index, value) in values.enumerated() {
      try sink.write((index == 0 ? "\n    " : ",\n    ") + value.rendered(indent: nil))
    }
    try sink.write(values.isEmpty ? "]" : "\n  ]")
  }

  public static func tagJSON(_ tag: TagRecord) -> JSONValue {
    .object([
      ("name", .string(tag.name)), ("track", .string(tag.track.rawValue)),
      ("description", .string(tag.description)),
      ("created_at", .optionalString(tag.createdAt?.iso)),
    ])
  }

  public static func experimentJSON(_ record: ExperimentRecord) -> JSONValue {
    let experiment = record.experiment
    return .object([
      ("id", .int(Int(experiment.id))), ("uuid", .string(record.uuid)),
      ("title", .string(experiment.title)), ("track", .string(experiment.track.rawValue)),
      ("hypothesis", .string(experiment.hypothesis)), ("start", .string(experiment.start.iso)),
      ("planned_weeks", .int(experiment.plannedWeeks)),
      ("end", .optionalString(experiment.end?.iso)),
      ("outcome", .optionalString(experiment.outcome)),
      ("created_at", .optionalString(record.createdAt?.iso)),
      ("updated_at", .optionalString(record.updatedAt?.iso)),
    ])
  }

  public static func roleJSON(_ record: RoleRecord) -> JSONValue {
    let role = record.role
    return .object([
      ("id", .int(Int(role.id))), ("uuid", .string(record.uuid)), ("name", .string(role.name)),
      ("track", .string(role.track.rawValue)), ("start", .string(role.start.iso)),
      ("created_at", .optionalString(record.createdAt?.iso)),
      ("updated_at", .optionalString(record.updatedAt?.iso)),
    ])
  }

  public static func reflectionJSON(_ record: ReflectionRecord) -> JSONValue {
    let reflection = record.reflection
    return .object([
      ("id", .int(Int(reflection.id))), ("uuid", .string(record.uuid)),
      ("date", .string(reflection.day.iso)), ("five_years", .string(reflection.fiveYears)),
      ("motives", .array(reflection.motives.map { .string($0.rawValue) })),
      ("answers", answersJSON(reflection.answers)),
      ("note", .string(reflection.note)), ("created_at", .optionalString(record.createdAt?.iso)),
    ])
  }

  /// A reflection's answers by code, `{"coding": "yes", …}`, in the questions' order.
  public static func answersJSON(_ answers: [ReflectionAnswer]) -> JSONValue {
    .object(answers.map { ($0.question.rawValue, .string($0.choice.code)) })
  }

  /// The columns of `journal export --format csv`: those of `journal list --format csv`, then
  /// the tags logged without a mark, and the stable id that makes a re-import add nothing.
  public static let csvHeader = CSV.entryHeader + ["logged", "uuid"]

  /// One row per live entry, oldest first.
  public static func csv(_ journal: Journal, since: Day?, until: Day?, to sink: BufferedOutput)
    throws
  {
    try sink.line(CSV.row(csvHeader))
    var stream = EntryStream(to: sink)
    let rows = try journal.entryRows(
      since: since, until: until, includeDeleted: false, chronological: true)
    while try rows.next() {
      try stream.appendExportedCSV(rows)
      stream.newline()
      try stream.flushIfFull()
    }
    try stream.flush()
    try sink.flush()
  }

  /// Live entries grouped by ISO week, oldest first: readable on a code host.
  public static func markdown(_ journal: Journal, since: Day?, until: Day?, to sink: BufferedOutput)
    throws
  {
    try sink.line("# Career journal")
    var currentWeek: ISOWeek?
    var stream = EntryStream(to: sink)
    let rows = try journal.entryRows(
      since: since, until: until, includeDeleted: false, chronological: true)
    while try rows.next() {
      try stream.appendMarkdown(rows, currentWeek: &currentWeek)
      try stream.flushIfFull()
    }
    try stream.flush()
    try sink.flush()
  }
}
