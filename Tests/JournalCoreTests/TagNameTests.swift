import JournalCore
import Testing

@Suite("TagName")
struct TagNameTests {
  static let builtIns = [
    "deep-work", "architecture", "coaching", "conflict-resolution", "delivery", "mentoring",
  ]

  @Test(
    "normalize lowercases valid kebab-case names",
    arguments: [
      ("Deep-Work", "deep-work"), ("deep-work", "deep-work"), ("DELIVERY", "delivery"),
      ("q3-planning", "q3-planning"), ("a", "a"), ("1-2-3", "1-2-3"),
      ("\u{212A}oaching", "koaching"),  // the Kelvin sign lowercases to an ASCII k
    ])
  func normalizes(_ text: String, _ expected: String) {
    #expect(TagName.normalize(text) == expected)
  }

  @Test(
    "normalize refuses anything that is not kebab-case",
    arguments: [
      "deep work", "deep_work", "-x", "x-", "a--b", "", "caf\u{E9}", "deep.work", " deep",
      "deep\n", "\u{1F600}", "deep/work", String(repeating: "a", count: 41),
    ])
  func refuses(_ text: String) {
    #expect(TagName.normalize(text) == nil)
  }

  @Test("the length limit is 40 characters")
  func lengthLimit() {
    let forty = String(repeating: "a", count: 40)
    #expect(TagName.maximumLength == 40)
    #expect(TagName.normalize(forty) == forty)
    #expect(
      TagName.normalize(String(repeating: "B", count: 40)) == String(repeating: "b", count: 40))
    #expect(TagName.normalize(forty + "a") == nil)
  }

  @Test(
    "suggestion turns a refused name into kebab-case",
    arguments: [
      ("Deep Work", "deep-work"), ("deep_work", "deep-work"),
      (
        "  Conflict   Resolution! ",
        "conflict-resolution"
      ), ("-x", "x"), ("x-", "x"), ("a--b", "a-b"),
      ("caf\u{E9} time", "caf-time"),
    ])
  func suggestion(_ text: String, _ expected: String) {
    #expect(TagName.suggestion(for: text) == expected)
  }

  @Test("suggestion gives nil when nothing usable is left")
  func suggestionNil() {
    #expect(TagName.suggestion(for: "") == nil)
    #expect(TagName.suggestion(for: "  --  ") == nil)
    #expect(TagName.suggestion(for: "\u{E9}\u{E9}") == nil)
  }

  @Test("suggestion is cut to 40 characters without a trailing hyphen")
  func suggestionTruncates() {
    let long = String(repeating: "a", count: 39) + " b"
    #expect(TagName.suggestion(for: long) == String(repeating: "a", count: 39))
    #expect(
      TagName.suggestion(for: String(repeating: "x", count: 50))
        == String(repeating: "x", count: 40))
  }

  @Test(
    "nearest finds the built-in a typo or a prefix meant",
    arguments: [
      ("coachng", "coaching"), ("deep", "deep-work"), ("mentorin", "mentoring"),
      ("architecure", "architecture"), ("delivry", "delivery"), ("deep-wrok", "deep-work"),
      ("conflict", "conflict-resolution"), ("mentorship", "mentoring"), ("deliveries", "delivery"),
      ("architect", "architecture"), ("coachings", "coaching"),
    ])
  func nearest(_ typo: String, _ expected: String) {
    #expect(TagName.nearest(to: typo, in: Self.builtIns) == expected)
  }

  @Test(
    "nearest gives nil when nothing is close",
    arguments: ["zzzzzz", "xylophone", "qq", "1on1", "debugging", "deploy"])
  func nearestNil(_ name: String) {
    #expect(TagName.nearest(to: name, in: Self.builtIns) == nil)
  }

  @Test("nearest in an empty list is nil")
  func nearestEmpty() {
    #expect(TagName.nearest(to: "coaching", in: []) == nil)
  }

  @Test(
    "a TagName value holds the canonical name, or there is none",
    arguments: [
      "Deep-Work", "deep-work", "DELIVERY", "\u{212A}oaching", "deep work", "-a", "", "a--b",
    ])
  func value(_ text: String) {
    #expect(TagName(text)?.text == TagName.normalize(text))
    #expect(TagName(text).map(String.init(describing:)) == TagName.normalize(text))
  }

  @Test("names in any case are one value")
  func valueEquality() {
    #expect(TagName("Deep-Work") == TagName("deep-work"))
    #expect(Set(["Coaching", "COACHING", "coaching"].compactMap(TagName.init)).count == 1)
  }
}
