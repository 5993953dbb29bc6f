import JournalCore
import Testing

@Suite("Inline marks in an entry's text")
struct InlineMarksTests {
  static let known: Set<String> = ["deep-work", "delivery", "mentoring", "coaching"]

  @Test("+ energized, - drained, @ logged; punctuation around a word is not part of the name")
  func marks() {
    let text = "Paired with Priya (+deep-work), then -delivery; @mentoring. +Coaching!"
    #expect(
      InlineMarks.marks(in: text, known: Self.known) == [
        TagMark(name: "deep-work", mark: .energized), TagMark(name: "delivery", mark: .drained),
        TagMark(name: "mentoring", mark: .logged), TagMark(name: "coaching", mark: .energized),
      ])
  }

  @Test(
    "prose stays prose: unknown names, numbers, hyphens inside words, a lone sign",
    arguments: [
      "+1 to that", "-ish, I guess", "e-mail from @priya", "well-delivery", "+ deep-work",
      "a - b", "+deep-work-ish", "++deep-work", "#deep-work",
    ])
  func prose(_ text: String) {
    #expect(InlineMarks.marks(in: text, known: Self.known).isEmpty, "\(text)")
  }

  @Test("a tag written twice keeps its first mark")
  func firstMarkWins() {
    #expect(
      InlineMarks.marks(in: "+delivery at first, -delivery by Friday", known: Self.known)
        == [TagMark(name: "delivery", mark: .energized)])
  }

  @Test("property: every mark found is a known tag spelled in the text with its sign")
  func property() {
    var random = SeededRandom(seed: 7)
    let words = ["+deep-work", "-delivery", "@mentoring", "+nope", "-", "x-y", "+1", "(+coaching)"]
    for _ in 0..<500 {
      let count = Int(random.next() % 9)
      let text = (0..<count).map { _ in random.pick(words) }.joined(separator: " ")
      for mark in InlineMarks.marks(in: text, known: Self.known) {
        #expect(Self.known.contains(mark.name))
        let sign = mark.mark == .energized ? "+" : mark.mark == .drained ? "-" : "@"
        #expect(text.contains(sign + mark.name), "\(text)")
      }
    }
  }
}
