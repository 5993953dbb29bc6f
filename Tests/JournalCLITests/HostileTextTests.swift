import Foundation
import TestSupport
import Testing

// Issue 12, "nothing injected": hostile text through the built binary into every place it can
// reach — the HTML and Markdown reports, CSV and JSON exports (and back), full-text search and
// the terminal. The escaping itself is unit-tested (`EscapingPropertyTests`,
// `SearchQuotingTests`); these tests check that every command actually goes through it.

/// Texts that try to become markup, formulas, search operators or terminal commands.
enum HostileText {
  /// Markup an HTML page would run or render, with a combining mark after a `<` and a
  /// prepended format character (U+0600) before one: both make a grapheme cluster that is no
  /// longer equal to `<`, which a `Character`-based escaper would let through.
  static let markup =
    "<img src=x onerror=alert(1)> <\u{301}script>alert(2)</script> \u{0600}<b>bold</b>"

  /// The pieces of ``markup`` as the HTML report must show them.
  static let markupInHTML = [
    "&lt;img src=x onerror=alert(1)&gt;", "&lt;\u{301}script&gt;alert(2)&lt;/script&gt;",
    "\u{0600}&lt;b&gt;bold&lt;/b&gt;",
  ]

  /// The pieces of ``markup`` as the Markdown report must show them.
  static let markupInMarkdown = [
    "\\<img src=x onerror=alert(1)\\>", "\\<\u{301}script\\>alert(2)\\</script\\>",
    "\u{0600}\\<b\\>bold\\</b\\>",
  ]

  /// Terminal control sequences: set the window title, write the clipboard (OSC 52), clear
  /// the screen, DEL and a C1 control sequence introducer.
  static let terminal =
    "title \u{1B}]0;pwned\u{7} clipboard \u{1B}]52;c;aGVsbG8=\u{7} clear \u{1B}[2J "
    + "del \u{7F} csi \u{9B}31m end"

  /// Whether `haystack`'s UTF-8 bytes hold `needle`'s, byte for byte (no Unicode
  /// equivalence, no grapheme clusters).
  static func bytes(_ haystack: String, contain needle: String) -> Bool {
    Data(haystack.utf8).range(of: Data(needle.utf8)) != nil
  }

  /// The bytes a terminal acts on: ESC, BEL and the C1 CSI in its UTF-8 form.
  static func controlBytes(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    var found: [String] = []
    if bytes.contains(0x1B) { found.append("ESC") }
    if bytes.contains(0x07) { found.append("BEL") }
    if bytes.contains(0x7F) { found.append("DEL") }
    if zip(bytes, bytes.dropFirst()).contains(where: { $0 == 0xC2 && $1 == 0x9B }) {
      found.append("C1 CSI")
    }
    return found
  }
}

@Suite("Hostile text through the binary: reports, exports, search, terminal")
struct HostileTextTests {
  /// A journal whose starred entry holding ``HostileText/markup`` is quoted as evidence:
  /// deep-work energized and delivery drained on eight days, the hostile entry among them, and
  /// an experiment whose title holds CR/LF and a heading.
  private func reportJournal() throws -> TestJournal {
    let journal = try TestJournal()
    for day in ReportSeed.fourWeeks.dropLast() {
      try journal.add("Worked through the day, \(day)", ["--date", day, "-e", "deep-work"])
      try journal.add("Shipped late, \(day)", ["--date", day, "-d", "delivery"])
    }
    try journal.add(
      HostileText.markup,
      ["--date", "2026-11-18", "-e", "deep-work", "-d", "delivery", "--star"])
    let started = try journal.run([
      "experiment", "start", "Mentor\r\n# Forged heading", "--track", "management", "--weeks",
      "2", "--date", "2026-11-09",
    ])
    try #require(started.status == 0, "experiment start: \(started.stderr)")
    return journal
  }

  @Test("report --format html: markup in an entry arrives as text, never as elements")
  func htmlReport() throws {
    let journal = try reportJournal()
    defer { journal.remove() }
    let html = try ReportSeed.report(journal, ["--format", "html"])
    for raw in ["<img", "<script", "</script", "<b>", "<\u{301}", "\u{0600}<"] {
      #expect(!HostileText.bytes(html, contain: raw), "raw '\(raw)' in the HTML report")
    }
    for escaped in HostileText.markupInHTML {
      #expect(HostileText.bytes(html, contain: escaped), "'\(escaped)' is not in the report")
    }
    #expect(!html.lowercased().contains("onerror=alert(1)>"))
    #expect(HostileText.bytes(html, contain: "Mentor"), "the experiment is in the report")
  }

  @Test("report (Markdown): no raw HTML, and a CR/LF title forges no heading")
  func markdownReport() throws {
    let journal = try reportJournal()
    defer { journal.remove() }
    let markdown = try ReportSeed.report(journal)
    // The escaped forms hold `<img` after a backslash, so look at every `<` byte instead:
    // each must be escaped (the report writes none of its own).
    let bytes = Array(markdown.utf8)
    let bare = bytes.indices.filter { bytes[$0] == UInt8(ascii: "<") }
      .filter { $0 == 0 || bytes[$0 - 1] != UInt8(ascii: "\\") }
    #expect(bare.isEmpty, "\(bare.count) unescaped '<' in the Markdown report")
    for escaped in HostileText.markupInMarkdown {
      #expect(HostileText.bytes(markdown, contain: escaped), "'\(escaped)' is not in the report")
    }
    #expect(!markdown.contains("\r"), "a CR reached the Markdown report")
    #expect(HostileText.bytes(markdown, contain: "Mentor  \\# Forged heading"))

    // The report's own headings, and nothing else that starts a line with `#`.
    let fixed: Set<String> = [
      "## Energy by track", "## Energy by activity", "## Week by week",
      "## What energized and what drained most", "## Experiments", "## Latest reflection",
      "## What you said and what your entries show",
    ]
    let headings = markdown.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { $0.hasPrefix("#") }.map(String.init)
    for heading in headings {
      let known =
        fixed.contains(heading) || heading.hasPrefix("# Career brief: ")
        || heading.hasPrefix("## Suggestion: ")
      #expect(known, "a line the report did not write as a heading: \(heading.debugDescription)")
    }
    #expect(Set(headings.filter { fixed.contains($0) }) == fixed, "every fixed heading is there")
    #expect(headings.count == fixed.count + 2, "\(headings)")
  }

  /// Texts a spreadsheet would read as formulas, and apostrophes of the person's own.
  private static let formulaTexts = [
    "=HYPERLINK(\"http://x.invalid\",\"click\")", "+1+2", "-2+3 cmd|' /C calc'!A0",
    "@SUM(A1:A2)", "'=already quoted by me", "'just an apostrophe",
  ]

  @Test("CSV export neutralises formulas; CSV and JSON export → import → export is identical")
  func csvFormulas() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    for text in Self.formulaTexts {
      // On stdin, so that a text starting with `-` or `+` is not read as an option.
      let result = try journal.run(["add", "--date", "2026-11-18", "-e", "deep-work"], stdin: text)
      try #require(result.status == 0, "add \(text): \(result.stderr)")
    }
    #expect(try journal.entries().map(\.text).sorted() == Self.formulaTexts.sorted())
    for format in ["csv", "json"] {
      let first = try Interchange.output(journal, ["export", "--format", format])
      let file = journal.directory.file("export.\(format)")
      try Interchange.write(first, to: file)
      let copy = try TestJournal()
      defer { copy.remove() }
      _ = try Interchange.output(
        copy, ["import", file, "--from", format == "csv" ? "csv" : "journal-json"])
      let second = try Interchange.output(copy, ["export", "--format", format])
      #expect(Data(second.utf8) == Data(first.utf8), "the \(format) round trip changed the bytes")
      #expect(
        try copy.entries().map(\.text).sorted() == Self.formulaTexts.sorted(), "\(format) texts")
    }

    // `add`, the editor and every import trim a text, so a leading tab or CR can only come from
    // another program; put them in with the sqlite3 shell, after the round trips (an import
    // would trim them), to check that the export neutralises them too.
    let tab = try journal.add("placeholder tab", ["--date", "2026-11-19"])
    let carriage = try journal.add("placeholder cr", ["--date", "2026-11-19"])
    _ = try journal.sqlite(
      "UPDATE entry SET text = char(9) || '=tab then formula' WHERE id = \(tab); "
        + "UPDATE entry SET text = char(13) || 'cr first' WHERE id = \(carriage)")
    let texts = Self.formulaTexts + ["\t=tab then formula", "\rcr first"]
    #expect(try journal.entries().map(\.text).sorted() == texts.sorted())

    let csv = try Interchange.output(journal, ["export", "--format", "csv"])
    let records = try CSVReader.records(csv)
    let header = try #require(records.first)
    let column = try #require(header.firstIndex(of: "text"), "no text column: \(header)")
    let cells = records.dropFirst().map { $0[column] }
    #expect(cells.count == texts.count)
    let expected = texts.map { text in
      ["=", "+", "-", "@", "\t", "\r"].contains(text.unicodeScalars.first { $0 != "'" })
        ? "'" + text : text
    }
    #expect(cells.sorted() == expected.sorted(), "\(cells)")
    for cell in cells {
      let first = try #require(cell.unicodeScalars.first)
      #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first), "cell \(cell.debugDescription)")
    }
  }

  @Test(
    "list --search reads what a person types as words, never as FTS5 syntax",
    arguments: [
      ("OR", "this OR that"), ("a\"b", "a\"b"), ("-x", "-x marks the spot"),
      ("NEAR(a b)", "NEAR(a b) here"), ("AND", "salt AND pepper"), ("*", "star * here"),
      ("\"", "a quote \" alone"), ("col:umn", "col:umn"),
    ])
  func searchOperators(term: String, text: String) throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let added = try journal.run(["add", "--date", "2026-11-18"], stdin: text)
    try #require(added.status == 0, "add: \(added.stderr)")
    let hit = try #require(TestJournal.addedID(added.stdout))
    try journal.add("nothing to see", ["--date", "2026-11-18"])
    for format in ["text", "json"] {
      // `--search=TERM` so that `-x` is the value, not an option.
      let result = try journal.run(["list", "--search=\(term)", "--format", format])
      #expect(result.status == 0, "search \(term): \(result.stderr)")
      let lowered = result.stderr.lowercased()
      for word in ["syntax error", "fts5", "sqlite", "malformed"] {
        #expect(!lowered.contains(word), "search \(term): \(result.stderr)")
      }
      expectNoCrash(result)
      if format == "json", result.status == 0 {
        let found = try JSONDecoder().decode([EntryRecord].self, from: Data(result.stdout.utf8))
        let tokens = term.unicodeScalars.contains { CharacterSet.alphanumerics.contains($0) }
        if tokens {
          #expect(found.map(\.id) == [hit], "search \(term) finds the entry holding it")
        }
      }
    }
  }

  @Test("list, show, tags and experiment list print no terminal control characters")
  func terminalControls() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    let description = "desc \u{1B}]0;title\u{7} \u{1B}[2J \u{9B}1m \u{7F}"
    _ = try Interchange.output(
      journal, ["tags", "add", "hostile-tag", "--track", "ic", "--description", description])
    let id = try journal.add(
      HostileText.terminal, ["--date", "2026-11-18", "-e", "hostile-tag", "--star"])
    let title = "Experiment \u{1B}]52;c;aGVsbG8=\u{7} \u{9B}2J \u{7F}"
    _ = try Interchange.output(
      journal,
      ["experiment", "start", title, "--track", "ic", "--weeks", "2", "--date", "2026-11-16"])

    let commands: [[String]] = [
      ["list"], ["list", "--limit", "1"], ["show", String(id)], ["tags"], ["experiment", "list"],
      ["trend"],
    ]
    for command in commands {
      let result = try journal.run(command)
      #expect(result.status == 0, "\(command): \(result.stderr)")
      #expect(
        HostileText.controlBytes(result.stdout).isEmpty,
        "\(command) printed \(HostileText.controlBytes(result.stdout)): \(result.stdout.debugDescription)"
      )
      #expect(HostileText.controlBytes(result.stderr).isEmpty, "\(command) stderr")
    }
    // Each piece is still visible, as its control picture.
    let list = try Interchange.output(journal, ["show", String(id)])
    #expect(list.contains("pwned") && list.contains("aGVsbG8="), "\(list)")
    #expect(try Interchange.output(journal, ["tags"]).contains("desc"))
    #expect(try Interchange.output(journal, ["experiment", "list"]).contains("Experiment"))

    // JSON keeps the exact text, escaped as JSON.
    #expect(try journal.entries().map(\.text) == [HostileText.terminal])
    #expect(try journal.entry(id).text == HostileText.terminal)
    let json = try Interchange.output(journal, ["list", "--format", "json"])
    #expect(!json.utf8.contains(0x1B) && !json.utf8.contains(0x07), "raw C0 in JSON: \(json)")
    let tag = try #require(try journal.tags().first { $0.name == "hostile-tag" })
    #expect(tag.description == description)
    let experiments = try ReportSeed.array(
      Interchange.output(journal, ["experiment", "list", "--format", "json"]))
    #expect(experiments.first?["title"] as? String == title)
  }
}
