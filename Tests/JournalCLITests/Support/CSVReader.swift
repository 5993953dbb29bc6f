/// A strict RFC 4180 reader for checking `--format csv`: fields separated by commas, records by
/// line breaks; a quoted field may hold commas, line breaks and doubled quotes.
enum CSVReader {
  /// A text that is not valid RFC 4180.
  struct Malformed: Error, CustomStringConvertible {
    let reason: String
    var description: String { "malformed CSV: \(reason)" }
  }

  /// The records of `text`; a final line break does not start a new record.
  static func records(_ text: String) throws -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var characters = Array(text)[...]
    var atFieldStart = true
    while let character = characters.popFirst() {
      switch character {
      case "\"" where atFieldStart:
        atFieldStart = false
        var closed = false
        while let next = characters.popFirst() {
          if next == "\"" {
            if characters.first == "\"" {
              characters.removeFirst()
              field.append("\"")
            } else {
              closed = true
              break
            }
          } else {
            field.append(next)
          }
        }
        guard closed else { throw Malformed(reason: "unterminated quoted field") }
        if let next = characters.first, next != ",", !next.isNewline {
          throw Malformed(reason: "text after a closing quote")
        }
      case "\"":
        throw Malformed(reason: "a quote inside an unquoted field")
      case ",":
        record.append(field)
        field = ""
        atFieldStart = true
      case let newline where newline.isNewline:
        record.append(field)
        records.append(record)
        record = []
        field = ""
        atFieldStart = true
      default:
        atFieldStart = false
        field.append(character)
      }
    }
    if !atFieldStart || !record.isEmpty || !field.isEmpty {
      record.append(field)
      records.append(record)
    }
    return records
  }
}
