import Foundation
import TestSupport
import Testing

/// `list`'s text on a terminal (through `script`, as ``TerminalTests`` runs it): fitted to the
/// width, in aligned columns; and the options that find entries (`-n`, `--on`, `--starred`,
/// `--deleted`, word-start search).
@Suite("journal list: columns, width and finding")
struct ListLayoutTests {
  static let long =
    "A very long day that went on and on, with far more words than a list line can hold"
  /// 32 CJK characters: 64 columns.
  static let wide = "日本語のテキストがとても長い場合でも列で切れます日本語のテキスト"

  /// Four entries, ids 1–4; entry 2 starred and private.
  private func journal() throws -> TestJournal {
    let journal = try TestJournal()
    try journal.add(
      "Designed the storage layer", ["-e", "architecture", "--energy", "2", "--date", "2026-11-02"])
    try journal.add(
      Self.long,
      ["-e", "deep-work", "-d", "delivery", "--star", "--private", "--date", "2026-11-18"])
    try journal.add(Self.wide, ["-e", "coaching", "--date", "2026-11-19"])
    try journal.add("Met Aisha about the rollout", ["--date", "2026-11-20"])
    return journal
  }

  private func lines(_ result: JournalResult) -> [String] {
    result.stdout.replacingOccurrences(of: "\r\n", with: "\n")
      .split(separator: "\n").map(String.init)
  }

  private func spaces(_ count: Int) -> String { String(repeating: " ", count: count) }

  @Test("120 columns: the text starts in column 1 + 24 + 2 + 24 + 2 = 53, cut to the 67 left")
  func wideTerminal() throws {
    try #require(Terminal.isAvailable)
    let journal = try journal()
    defer { journal.remove() }

    let result = try Terminal.run(["list"], on: journal, environment: ["COLUMNS": "120"])

    #expect(result.status == 0)
    #expect(
      lines(result) == [
        "4  2026-11-20 Fri" + spaces(36) + "Met Aisha about the rollout",
        "3  2026-11-19 Thu" + spaces(10) + "+coaching" + spaces(17) + Self.wide,
        "2  2026-11-18 Wed" + spaces(6) + "\u{2605}p  +deep-work -delivery" + spaces(6)
          + "A very long day that went on and on, with far more words than a li\u{2026}",
        "1  2026-11-02 Mon  +2" + spaces(6) + "+architecture" + spaces(13)
          + "Designed the storage layer",
      ])
  }

  @Test("60 columns: under 20 left, the text goes under the date, cut to 57 columns")
  func narrowTerminal() throws {
    try #require(Terminal.isAvailable)
    let journal = try journal()
    defer { journal.remove() }

    let result = try Terminal.run(["list"], on: journal, environment: ["COLUMNS": "60"])

    #expect(result.status == 0)
    #expect(
      lines(result) == [
        "4  2026-11-20 Fri", "   Met Aisha about the rollout",
        "3  2026-11-19 Thu" + spaces(10) + "+coaching",
        // 28 wide characters (56 columns) and the ellipsis.
        "   日本語のテキストがとても長い場合でも列で切れます日本語の\u{2026}",
        "2  2026-11-18 Wed" + spaces(6) + "\u{2605}p  +deep-work -delivery",
        "   A very long day that went on and on, with far more words\u{2026}",
        "1  2026-11-02 Mon  +2" + spaces(6) + "+architecture", "   Designed the storage layer",
      ])
  }

  @Test("a tab in the text is shown as one space, so a cut line is exactly the width")
  func tabIsOneColumn() throws {
    try #require(Terminal.isAvailable)
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add("col1\tcol2\t" + String(repeating: "x", count: 60), ["--date", "2026-11-20"])

    let result = try Terminal.run(["list"], on: journal, environment: ["COLUMNS": "60"])

    #expect(result.status == 0)
    // Under the date, indented 3: 56 columns of text (10 + 46) and the ellipsis make 60.
    #expect(
      lines(result) == [
        "1  2026-11-20 Fri", "   col1 col2 " + String(repeating: "x", count: 46) + "\u{2026}",
      ])
    #expect(try journal.entry(1).text.contains("\t"), "the stored text keeps its tabs")
  }

  @Test("--full on a 40-column terminal: each line of the text filled to 37 columns, indented")
  func fullWrapsOnTerminal() throws {
    try #require(Terminal.isAvailable)
    let journal = try TestJournal()
    defer { journal.remove() }
    try journal.add(
      "Paired with Priya on the storage engine all afternoon long\nShort second line",
      ["-e", "deep-work", "--date", "2026-11-20"])

    let result = try Terminal.run(["list", "--full"], on: journal, environment: ["COLUMNS": "40"])

    #expect(result.status == 0)
    #expect(
      lines(result) == [
        "1  2026-11-20 Fri" + spaces(10) + "+deep-work",
        "   Paired with Priya on the storage",
        "   engine all afternoon long",
        "   Short second line",
      ])
  }

  @Test("piped, nothing is cut whatever COLUMNS says; --full puts the text under the line")
  func pipedAndFull() throws {
    let journal = try journal()
    defer { journal.remove() }
    try journal.add("Headline\nsecond line\n\nafter a gap", ["--date", "2026-11-20"])

    let narrow = try journal.run(["list", "-n", "2"], environment: ["COLUMNS": "60"])
    let wide = try journal.run(["list", "-n", "2"], environment: ["COLUMNS": "120"])
    #expect(narrow.status == 0)
    #expect(narrow.stdout == wide.stdout)
    #expect(
      narrow.stdout
        == "5  2026-11-20 Fri" + spaces(36)
        + "Headline\u{240A}second line\u{240A}\u{240A}after a gap\n"
        + "4  2026-11-20 Fri" + spaces(36) + "Met Aisha about the rollout\n")
    let full = try journal.run(["list", "--full", "--since", "2026-11-18"])
    #expect(full.status == 0)
    #expect(
      full.stdout
        == "5  2026-11-20 Fri\n   Headline\n   second line\n\n   after a gap\n"
        + "4  2026-11-20 Fri\n   Met Aisha about the rollout\n"
        + "3  2026-11-19 Thu" + spaces(10) + "+coaching\n   " + Self.wide + "\n"
        + "2  2026-11-18 Wed" + spaces(6) + "\u{2605}p  +deep-work -delivery\n   " + Self.long
        + "\n")
    #expect(
      try journal.run(["list", "--full", "--format", "json"]).status == 64)
  }

  @Test("-n, --on, --starred and word-start search select the entries by hand")
  func selecting() throws {
    let journal = try journal()
    defer { journal.remove() }

    #expect(try journal.entries(["-n", "1"]).map(\.id) == [4])
    #expect(try journal.entries(["-n", "3"]).map(\.id) == [4, 3, 2])
    #expect(try journal.entries(["--on", "2026-11-18"]).map(\.id) == [2])
    #expect(try journal.entries(["--on", "yesterday"]).map(\.id) == [3])
    #expect(try journal.entries(["--on", "2026-11-17"]).map(\.id) == [])
    #expect(try journal.entries(["--starred"]).map(\.id) == [2])
    #expect(try journal.entries(["--starred", "--on", "2026-11-20"]).map(\.id) == [])
    #expect(try journal.entries(["--search", "aish"]).map(\.id) == [4])
    #expect(try journal.entries(["--search", "ROLL ai"]).map(\.id) == [4])
    #expect(try journal.entries(["--search", "isha"]).map(\.id) == [])
    #expect(try journal.entries(["--search", "desig stor"]).map(\.id) == [1])
    for refused in [
      ["--on", "today", "--since", "monday"], ["--on", "today", "--until", "today"],
    ] {
      let before = try journal.snapshot()
      expectRefused(try journal.run(["list"] + refused), status: 64, mentioning: ["--on"])
      #expect(try journal.snapshot() == before)
    }
    expectRefused(try journal.run(["list", "-n", "0"]), status: 64)
    expectRefused(try journal.run(["list", "--on", "someday"]), status: 64)
  }

  @Test("--deleted: deleted entries only, the last deleted first, with ids restore takes")
  func deleted() throws {
    let journal = try journal()
    defer { journal.remove() }
    #expect(try journal.run(["delete", "3", "--yes"]).status == 0)
    // deletedAt has whole seconds: the later deletion is made a second later by hand.
    #expect(try journal.run(["delete", "1", "--yes"]).status == 0)
    _ = try journal.sqlite(
      "UPDATE entry SET deletedAt = '2026-11-20T10:00:00Z' WHERE id = 3; "
        + "UPDATE entry SET deletedAt = '2026-11-20T11:00:00Z' WHERE id = 1;")

    #expect(try journal.entries(["--deleted"]).map(\.id) == [1, 3])
    #expect(try journal.entries(["--deleted", "--search", "desig"]).map(\.id) == [1])
    #expect(try journal.entries(["--deleted", "-n", "1"]).map(\.id) == [1])
    #expect(try journal.entries().map(\.id) == [4, 2])
    let piped = try journal.run(["list", "--deleted"])
    #expect(piped.stderr.isEmpty)
    #expect(piped.stdout.hasPrefix("1  2026-11-02 Mon  +2"))
    if Terminal.isAvailable {
      let shown = try Terminal.run(["list", "--deleted"], on: journal)
      #expect(shown.stdout.contains("journal restore ID"))
    }

    #expect(try journal.run(["restore", "1"]).status == 0)
    #expect(try journal.entries(["--deleted"]).map(\.id) == [3])
    #expect(try journal.entries().map(\.id) == [4, 2, 1])
    let none = try journal.run(["list", "--deleted", "--starred"])
    #expect(none.status == 0 && none.stdout.isEmpty)
    #expect(none.stderr == "No deleted entries match.\n")
  }
}
