import JournalCore
import JournalIO
import JournalStore

/// Writes entries straight from SQLite's rows into an output byte buffer, for the outputs that
/// stream many of them: export (JSON, CSV, Markdown) and `list --format json|csv`. No `Entry`,
/// `JSONValue` or `String` is made per row: keys are static bytes, each column's bytes are
/// copied in runs (``JSONText``, ``CSV/appendField(_:neutralising:to:)``), and the buffer goes
/// to the ``BufferedOutput`` in chunks of ``chunk`` bytes, so memory stays flat.
///
/// The bytes are those the `Entry`-based writers gave (``EntryJSON``, ``CSV/entryRow(_:)``,
/// the Markdown export): `Tests/JournalCLITests/OutputBytesTests.swift` compares them with
/// golden files recorded from those writers, and `EntryStreamTests` with ``EntryJSON`` and
/// ``CSV/entryRow(_:)`` on random entries. Issue 16, measured on 1,000,000 entries
/// (2026-11-30): see BENCHMARKS.md.
public struct EntryStream {
  /// How many bytes are gathered before they go to the sink.
  public static let chunk = 1 << 18

  private let sink: BufferedOutput
  private let chunkSize: Int
  /// The bytes not yet handed to the sink.
  private var bytes: [UInt8] = []
  /// A reused scratch buffer: a CSV cell built from several pieces (a tag list).
  private var cell: [UInt8] = []

  /// A stream into `sink`.
  ///
  /// - Parameters:
  ///   - sink: Where the bytes go; call ``finish()`` at the end.
  ///   - chunkSize: How many bytes are gathered before they go to the sink: ``chunk`` for an
  ///     export, less where memory counts more than the last percent of speed (a trend over
  ///     all history writes 8 MB; with 64 KiB its peak is 0.2 MiB lower).
  public init(to sink: BufferedOutput, chunkSize: Int = EntryStream.chunk) {
    self.sink = sink
    self.chunkSize = chunkSize
    bytes.reserveCapacity(chunkSize + (1 << 12))
  }

  /// Hands what is gathered to the sink when it is a chunk or more.
  ///
  /// - Throws: `IOError` when the sink cannot write.
  public mutating func flushIfFull() throws(IOError) {
    if bytes.count >= chunkSize { try flush() }
  }

  /// Hands everything gathered to the sink (which writes it when its own buffer is full).
  ///
  /// - Throws: `IOError` when the sink cannot write.
  public mutating func flush() throws(IOError) {
    guard !bytes.isEmpty else { return }
    try sink.write(bytes: bytes)
    bytes.removeAll(keepingCapacity: true)
  }

  /// Appends `literal`.
  ///
  /// - Parameter literal: Text written in the source.
  public mutating func append(_ literal: StaticString) {
    JSONText.append(literal, to: &bytes)
  }

  /// Appends `value` as ``JSONValue/rendered(indent:encoderCompatible:)`` prints it.
  ///
  /// - Parameters:
  ///   - value: The value.
  ///   - indent: The indentation of its first line, or `nil` for one compact line.
  ///   - compatible: `JSONEncoder`'s layout.
  public mutating func append(_ value: JSONValue, indent: Int?, compatible: Bool = false) {
    value.write(to: &bytes, indent: indent, compatible: compatible)
  }

  /// Appends the UTF-8 of `text`, a Swift string made at run time. (Not `append(_:)`: a
  /// literal would then be a `String` too, and copying its bytes out of one took 14% of an
  /// all-history `trend --format json`; literals go through ``append(_:)`` as static bytes.)
  ///
  /// - Parameter text: The text.
  public mutating func appendText(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  // MARK: - JSON

  /// Appends `text` as a JSON string (``JSONText/appendString(_:to:compatible:)``).
  ///
  /// - Parameter text: The text.
  public mutating func appendJSONString(_ text: String) {
    JSONText.appendString(text, to: &bytes, compatible: false)
  }

  /// Appends a whole number.
  ///
  /// - Parameter value: The number.
  public mutating func appendJSONInt(_ value: Int) {
    JSONText.appendInt(Int64(value), to: &bytes)
  }

  /// Appends ``JSONValue/figure(_:)``: the number rounded to four decimals, or `null`.
  ///
  /// - Parameter value: The number, or `nil`.
  public mutating func appendJSONFigure(_ value: Double?) {
    guard let value, value.isFinite else { return append("null") }
    Self.appendFigure(value, to: &bytes)
  }

  /// `value` rounded to four decimals, as `JSONText.appendNumber` writes it.
  ///
  /// Below 10^13 ten-thousandths a double's spacing is far under 0.0001, so the shortest text
  /// that reads back as the rounded value (what `String(Double)` prints) is the decimal with at
  /// most four places: written digit by digit here, it skips `String(Double)`, which was most
  /// of an all-history `trend --format json` (5,200 weeks). Whole numbers and anything larger
  /// take the general path. `FigureTextTests` compares the two on a million values.
  static func appendFigure(_ value: Double, to bytes: inout [UInt8]) {
    let scaled = (value * 10_000).rounded()
    guard abs(scaled) < 1e13, scaled.truncatingRemainder(dividingBy: 10_000) != 0 else {
      return JSONText.appendNumber(scaled / 10_000, to: &bytes)
    }
    let tenThousandths = Int64(scaled)
    if tenThousandths < 0 { bytes.append(UInt8(ascii: "-")) }
    let magnitude = tenThousandths.magnitude
    JSONText.appendInt(Int64(magnitude / 10_000), to: &bytes)
    bytes.append(UInt8(ascii: "."))
    var fraction = magnitude % 10_000
    var divisor: UInt64 = 1_000
    while fraction > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
      fraction %= divisor
      divisor /= 10
    }
  }

  /// Appends one entry of `export --format json`: ``EntryJSON/exported(_:)`` rendered on one
  /// line (`rendered(indent: nil)`).
  ///
  /// - Parameter row: The current row.
  /// - Throws: `StoreError.corrupt` for a day this version cannot read.
  public mutating func appendExportedJSON(_ row: EntryRows) throws(StoreError) {
    _ = try row.entryDay()
    append("{\"id\":")
    JSONText.appendInt(row.id, to: &bytes)
    append(",\"uuid\":")
    appendJSONString(row, .uuid, compatible: false)
    append(",\"date\":")
    appendJSONString(row, .day, compatible: false)
    append(",\"text\":")
    appendJSONString(row, .text, compatible: false)
    append(",\"energy\":")
    appendJSONEnergy(row)
    append(",\"tags\":[")
    var first = true
    row.forEachMark { name, mark in
      append(first ? "{\"name\":" : ",{\"name\":")
      JSONText.appendString(name, to: &bytes, compatible: false)
      append(",\"mark\":")
      appendJSONMark(mark)
      append("}")
      first = false
    }
    append("],\"starred\":")
    append(row.starred ? "true" : "false")
    append(",\"private\":")
    append(row.isPrivateEntry ? "true" : "false")
    append(",\"created_at\":")
    appendJSONString(row, .createdAt, compatible: false)
    append(",\"updated_at\":")
    appendJSONString(row, .updatedAt, compatible: false)
    append(",\"deleted_at\":")
    if row.isDeleted {
      appendJSONString(row, .deletedAt, compatible: false)
    } else {
      append("null")
    }
    append("}")
  }

  /// Appends one entry of `list --format json`: ``EntryJSON/listed(_:)`` rendered on one line
  /// in `JSONEncoder`'s layout (`rendered(indent: nil, encoderCompatible: true)`): keys
  /// sorted, `\b` and `\f` escaped.
  ///
  /// - Parameter row: The current row.
  /// - Throws: `StoreError.corrupt` for a day this version cannot read.
  public mutating func appendListedJSON(_ row: EntryRows) throws(StoreError) {
    _ = try row.entryDay()
    append("{\"created_at\":")
    appendJSONString(row, .createdAt, compatible: true)
    append(",\"date\":")
    appendJSONString(row, .day, compatible: true)
    append(",\"energy\":")
    appendJSONEnergy(row)
    append(",\"id\":")
    JSONText.appendInt(row.id, to: &bytes)
    append(",\"private\":")
    append(row.isPrivateEntry ? "true" : "false")
    append(",\"starred\":")
    append(row.starred ? "true" : "false")
    append(",\"tags\":[")
    var first = true
    row.forEachMark { name, mark in
      append(first ? "{\"mark\":" : ",{\"mark\":")
      appendJSONMark(mark)
      append(",\"name\":")
      JSONText.appendString(name, to: &bytes, compatible: true)
      append("}")
      first = false
    }
    append("],\"text\":")
    appendJSONString(row, .text, compatible: true)
    append(",\"updated_at\":")
    appendJSONString(row, .updatedAt, compatible: true)
    append(",\"uuid\":")
    appendJSONString(row, .uuid, compatible: true)
    append("}")
  }

  private mutating func appendJSONString(
    _ row: EntryRows, _ column: EntryRows.TextColumn, compatible: Bool
  ) {
    row.withBytes(column) { JSONText.appendString($0, to: &bytes, compatible: compatible) }
  }

  private mutating func appendJSONEnergy(_ row: EntryRows) {
    if let energy = row.energyValue {
      JSONText.appendInt(Int64(energy), to: &bytes)
    } else {
      append("null")
    }
  }

  private mutating func appendJSONMark(_ mark: Mark) {
    switch mark {
    case .energized: append("\"energized\"")
    case .drained: append("\"drained\"")
    case .logged: append("\"logged\"")
    }
  }

  // MARK: - CSV

  /// Appends one row of `list --format csv` (``CSV/entryRow(_:)``), without its line end.
  ///
  /// - Parameter row: The current row.
  /// - Throws: `StoreError.corrupt` for a day this version cannot read.
  public mutating func appendCSV(_ row: EntryRows) throws(StoreError) {
    _ = try row.entryDay()
    JSONText.appendInt(row.id, to: &bytes)
    bytes.append(0x2C)
    appendCSVField(row, .day)
    bytes.append(0x2C)
    if let energy = row.energyValue { JSONText.appendInt(Int64(energy), to: &bytes) }
    bytes.append(0x2C)
    appendCSVNames(row, .energized)
    bytes.append(0x2C)
    appendCSVNames(row, .drained)
    append(row.starred ? ",1," : ",0,")
    append(row.isPrivateEntry ? "1," : "0,")
    row.withBytes(.text) { CSV.appendField($0, neutralising: true, to: &bytes) }
    bytes.append(0x2C)
    appendCSVField(row, .createdAt)
    bytes.append(0x2C)
    appendCSVField(row, .updatedAt)
  }

  /// Appends one row of `export --format csv`: ``appendCSV(_:)``, then the tags logged without
  /// a mark and the uuid, without its line end.
  ///
  /// - Parameter row: The current row.
  /// - Throws: `StoreError.corrupt` for a day this version cannot read.
  public mutating func appendExportedCSV(_ row: EntryRows) throws(StoreError) {
    try appendCSV(row)
    bytes.append(0x2C)
    appendCSVNames(row, .logged)
    bytes.append(0x2C)
    appendCSVField(row, .uuid)
  }

  private mutating func appendCSVField(_ row: EntryRows, _ column: EntryRows.TextColumn) {
    row.withBytes(column) { CSV.appendField($0, to: &bytes) }
  }

  /// The names of the tags with `mark`, joined by `;`, as one field.
  private mutating func appendCSVNames(_ row: EntryRows, _ wanted: Mark) {
    cell.removeAll(keepingCapacity: true)
    row.forEachMark { name, mark in
      guard mark == wanted else { return }
      if !cell.isEmpty { cell.append(0x3B) }
      cell.append(contentsOf: name)
    }
    cell.withUnsafeBufferPointer { CSV.appendField($0, to: &bytes) }
  }

  // MARK: - Markdown

  /// Appends one entry of the Markdown export: its heading and its text, each line ended.
  ///
  /// - Parameters:
  ///   - row: The current row.
  ///   - currentWeek: The week of the entry before; a new week starts a section.
  /// - Throws: `StoreError.corrupt` for a day this version cannot read.
  public mutating func appendMarkdown(_ row: EntryRows, currentWeek: inout ISOWeek?)
    throws(StoreError)
  {
    let day = try row.entryDay()
    // Rows come by day: most share the week of the row before.
    let sameWeek = currentWeek.map { $0.start <= day && day <= $0.end } ?? false
    if !sameWeek {
      let week = ISOWeek(containing: day)
      appendText("\n## \(week) (\(week.start.iso) to \(week.end.iso))\n")
      currentWeek = week
    }
    append("\n### ")
    row.withBytes(.day) { bytes.append(contentsOf: $0) }
    bytes.append(0x20)
    append(Self.weekdays[day.weekday - 1])
    if let energy = row.energyValue {
      append(" · energy ")
      if energy > 0 { bytes.append(0x2B) }
      JSONText.appendInt(Int64(energy), to: &bytes)
    }
    var first = true
    row.forEachMark { name, mark in
      append(first ? " · " : " ")
      switch mark {
      case .energized: bytes.append(0x2B)
      case .drained: bytes.append(0x2D)
      case .logged: bytes.append(0x7E)
      }
      bytes.append(contentsOf: name)
      first = false
    }
    if row.starred { append(" · ★") }
    if row.isPrivateEntry { append(" · private") }
    append("\n\n")
    row.withBytes(.text) { bytes.append(contentsOf: $0) }
    bytes.append(0x0A)
  }

  /// `Day.weekdayAbbreviation`'s words, without building its array for every row.
  private static let weekdays: [StaticString] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

  /// Ends a line.
  public mutating func newline() {
    bytes.append(0x0A)
  }
}
