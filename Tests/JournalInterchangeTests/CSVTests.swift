import Testing

@testable import JournalInterchange

@Suite("CSV: the writer's quoting and the reader's records")
struct CSVTests {
  @Test(
    "a field is quoted only when it holds a comma, a quote or a line break",
    arguments: [
      ("plain", "plain"), ("", ""), (" spaced ", " spaced "), ("a,b", "\"a,b\""),
      ("say \"hi\"", "\"say \"\"hi\"\"\""), ("\"", "\"\"\"\""), ("a\nb", "\"a\nb\""),
      ("a\r\nb", "\"a\r\nb\""), ("a\rb", "\"a\rb\""), ("tab\there", "tab\there"),
      ("=1+2", "=1+2"), ("café 😀", "café 😀"), ("a\u{2028}b", "\"a\u{2028}b\""),
    ])
  func field(value: String, expected: String) {
    #expect(CSV.field(value) == expected)
  }

  @Test("a row joins its fields with commas; empty fields stay empty")
  func row() {
    #expect(CSV.row(["a", "", "b,c", "\"q\"", ""]) == "a,,\"b,c\",\"\"\"q\"\"\",")
    #expect(CSV.row([""]) == "")
    #expect(CSV.row([]) == "")
  }

  @Test("quoted fields with commas, doubled quotes and line breaks; no final newline")
  func quotedFields() throws {
    let text = "a,b,c\n1,\"x,y\",\"say \"\"hi\"\"\"\n\"multi\nline\",,end"
    #expect(
      try readCSV(text) == [
        ["a", "b", "c"], ["1", "x,y", "say \"hi\""], ["multi\nline", "", "end"],
      ])
  }

  @Test("CRLF ends a record; inside quotes it is kept")
  func crlf() throws {
    #expect(
      try readCSV("a,b\r\n\"c\r\nd\",e\r\n") == [["a", "b"], ["c\r\nd", "e"]])
    // A CR that no LF follows ends a record too (old Mac files); quoted, it is data.
    #expect(try readCSV("a\rb,c\n") == [["a"], ["b", "c"]])
    #expect(try readCSV("\"a\rb\",c\n") == [["a\rb", "c"]])
  }

  @Test("CR-only line endings: every record is read, and lines are counted")
  func crOnly() throws {
    #expect(
      try readCSV("date,text\r2026-11-02,one\r2026-11-03,\"two\rlines\"\r") == [
        ["date", "text"], ["2026-11-02", "one"], ["2026-11-03", "two\rlines"],
      ])
    #expect(
      try csvError(Array("a\r\r\"open\rmore".utf8))
        == SyntaxError(
          message: "a quoted field is not closed (it opens on line 3)", location: .line(3)))
  }

  @Test("a UTF-8 byte order mark at the start is skipped, and only there")
  func byteOrderMark() throws {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    #expect(try readCSV(bom + Array("date,text\n1,2\n".utf8)) == [["date", "text"], ["1", "2"]])
    #expect(try readCSV(bom) == [])
    #expect(try readCSV(bom + Array("a".utf8)) == [["a"]])
    #expect(try readCSV(Array("a,".utf8) + bom) == [["a", "\u{FEFF}"]])
    #expect(try readCSV(Array("é".utf8)) == [["é"]], "a short file is not mistaken for a mark")
    // The writer's side: a first field that starts with U+FEFF (found by scripts/fuzz csv) is
    // quoted, so it reads back whole instead of losing its first character as a mark.
    for record in [["\u{FEFF}"], ["\u{FEFF}\u{FEFF}", "x"], ["\u{FEFF}a,b"]] {
      #expect(try readCSV(CSV.row(record) + "\n") == [record], "\(record)")
    }
  }

  @Test("a record longer than 2 MiB is refused at the line it starts on, with or without quotes")
  func recordLimit() throws {
    let limit = CSVReader.maximumRecordBytes
    #expect(limit == 2 << 20)
    let message = "the record is longer than 2 MiB (a file without line breaks?)"
    // No line break at all, as /dev/zero gives.
    #expect(
      try csvError(Array("a\nb\n".utf8) + [UInt8](repeating: 0, count: limit + 1))
        == SyntaxError(message: message, location: .line(3)))
    // One quoted field that never closes.
    #expect(
      try csvError(Array("a\n\"".utf8) + [UInt8](repeating: 0x0A, count: limit + 1))
        == SyntaxError(message: message, location: .line(2)))
    // Exactly the limit, line break included, is read.
    let fits = String(repeating: "x", count: limit - 1) + "\n"
    #expect(try readCSV(fits).first?.first?.utf8.count == limit - 1)
  }

  @Test("empty input has no records; an empty line is one empty field")
  func emptyLines() throws {
    #expect(try readCSV("") == [])
    #expect(try readCSV("\n") == [[""]])
    #expect(try readCSV("a\n\nb\n") == [["a"], [""], ["b"]])
    #expect(try readCSV(",\n") == [["", ""]])
  }

  @Test("a quote inside an unquoted field is data; text after a closing quote is kept")
  func lenientQuotes() throws {
    #expect(try readCSV("a\"b,c\n") == [["a\"b", "c"]])
    #expect(try readCSV("\"a\"b,c\n") == [["ab", "c"]])
  }

  @Test("line counts the lines read, quoted line breaks included")
  func lineNumbers() throws {
    try withTemporaryFile(Array("a\n\"b\nc\",d\ne\n".utf8)) { descriptor in
      var reader = CSVReader(fileDescriptor: descriptor)
      #expect(reader.line == 1)
      _ = try reader.readRecord()
      #expect(reader.line == 2)
      #expect(try reader.readRecord() == ["b\nc", "d"])
      #expect(reader.line == 4)
      _ = try reader.readRecord()
      #expect(try reader.readRecord() == nil)
    }
  }

  @Test("a quoted field that is never closed is refused at the line where its quote opens")
  func unclosedQuote() throws {
    #expect(
      try csvError(Array("a,b\n\"open,\nmore\n".utf8))
        == SyntaxError(
          message: "a quoted field is not closed (it opens on line 2)", location: .line(2)))
    #expect(
      try csvError(Array("a,b\r\nc,\"open\r\nmore\r\n".utf8))
        == SyntaxError(
          message: "a quoted field is not closed (it opens on line 2)", location: .line(2)))
    #expect(
      try csvError(Array("\"open".utf8))
        == SyntaxError(
          message: "a quoted field is not closed (it opens on line 1)", location: .line(1)))
  }

  @Test("a field that is not valid UTF-8 is refused with its line")
  func invalidUTF8() throws {
    #expect(
      try csvError(Array("ok,fine\n".utf8) + [0xFF, 0x2C, 0x78, 0x0A])
        == SyntaxError(message: "a field is not valid UTF-8", location: .line(2)))
    #expect(
      try csvError(Array("a\n\"x".utf8) + [0xC3] + Array("\"\n".utf8))
        == SyntaxError(message: "a field is not valid UTF-8", location: .line(3)))
  }

  @Test("a record longer than the reader's 64 KiB buffer is read whole")
  func longRecord() throws {
    let long = String(repeating: "x,\"y\"\"\n", count: 20_000)
    let records = try readCSV(CSV.row([long, "end"]) + "\n")
    #expect(records == [[long, "end"]])
  }
}

@Suite("CSV: quoting sees Unicode scalars, not grapheme clusters")
struct CSVScalarTests {
  @Test(
    "a comma or quote joined to a combining mark or format character is still quoted",
    arguments: [
      (",\u{301}", "\",\u{301}\""), ("\"\u{301}", "\"\"\"\u{301}\""),
      ("\u{600},", "\"\u{600},\""), ("a\"\u{200D}b", "\"a\"\"\u{200D}b\""),
    ])
  func hidden(value: String, expected: String) throws {
    #expect(Array(CSV.field(value).unicodeScalars) == Array(expected.unicodeScalars))
    let records = try readCSV(CSV.row([value, "next"]) + "\n")
    #expect(
      records.map { $0.map { Array($0.unicodeScalars) } } == [
        [Array(value.unicodeScalars), Array("next".unicodeScalars)]
      ])
  }
}
