import JournalCore
import Testing

/// `[String].listed` and `Format.range`: the one way a list, and an interval, go into a sentence.
@Suite struct TextFormattingListTests {
  @Test func intervalsInASentence() {
    #expect(Format.range(-0.1, 0.5) == "-0.10 to +0.50")
    #expect(Format.range(0, 1) == "0.00 to +1.00")
    #expect(Format.range(-2, -1.25) == "-2.00 to -1.25")
    #expect(Format.unsigned(0.1) == "0.10")
    #expect(Format.unsigned(-0.68) == "0.68")
    #expect(Format.unsigned(0) == "0.00")
  }

  @Test func listsInASentence() {
    #expect([String]().listed() == "")
    #expect(["Mon"].listed() == "Mon")
    #expect(["Mon", "Tue"].listed() == "Mon and Tue")
    #expect(["Mon", "Tue", "Wed"].listed() == "Mon, Tue and Wed")
    #expect(["yes", "no", "unsure"].listed("or") == "yes, no or unsure")
    // The serial comma only where there are three or more.
    #expect(["a", "b"].listed(serialComma: true) == "a and b")
    #expect(["a", "b", "c"].listed("or", serialComma: true) == "a, b, or c")
    #expect(["a", "b", "c", "d"].listed(serialComma: true) == "a, b, c, and d")
  }
}
