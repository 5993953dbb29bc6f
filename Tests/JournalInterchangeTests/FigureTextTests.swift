import JournalCore
import Testing

@testable import JournalInterchange

/// `EntryStream.appendFigure`, the digit-by-digit path of `trend --format json`, against the
/// text it replaces: `JSONText.appendNumber` of the value rounded to four decimals, which prints
/// through `String(Double)`.
@Suite("Figures written digit by digit")
struct FigureTextTests {
  private func fast(_ value: Double) -> String {
    var bytes: [UInt8] = []
    EntryStream.appendFigure(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  private func general(_ value: Double) -> String {
    var bytes: [UInt8] = []
    JSONText.appendNumber((value * 10_000).rounded() / 10_000, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test(
    "hand-picked figures",
    arguments: [
      (0.5, "0.5"), (-0.25, "-0.25"), (0.0001, "0.0001"), (-0.0001, "-0.0001"),
      (0.00005, "0.0001"), (0.00004, "0"), (-0.00004, "0"), (1.23456, "1.2346"),
      (2.0, "2"), (-1.0, "-1"), (0.1 + 0.2, "0.3"), (123_456_789.1234, "123456789.1234"),
      (1e12, "1000000000000"), (0.55, "0.55"), (-0.8099, "-0.8099"),
    ])
  func handPicked(_ value: Double, _ expected: String) {
    #expect(fast(value) == expected)
    #expect(general(value) == expected)
  }

  @Test("a million seeded values: the same text as String(Double) gives")
  func million() {
    var random = SeededRandom(seed: 1_600)
    var differences: [Double] = []
    for index in 0..<1_000_000 {
      let value: Double
      switch index % 4 {
      case 0: value = Double.random(in: -2...2, using: &random)
      case 1: value = Double(Int.random(in: -20_000...20_000, using: &random)) / 10_000
      case 2: value = Double.random(in: -1e9...1e9, using: &random)
      default:
        value =
          Double(
            sign: .plus, exponent: Int.random(in: -20...45, using: &random),
            significand: Double.random(in: 1..<2, using: &random))
          * (Bool.random(using: &random) ? 1 : -1)
      }
      if fast(value) != general(value), differences.count < 5 { differences.append(value) }
    }
    #expect(differences.isEmpty, "\(differences)")
  }
}

@Suite("Whole numbers written digit by digit")
struct IntTextTests {
  @Test("JSONText.appendInt gives String(value) for -1,000 ... 100,000 and the extremes")
  func wholeNumbers() {
    for value in Array(-1_000...100_000) + [Int.min, Int.max] {
      var bytes: [UInt8] = []
      JSONText.appendInt(Int64(value), to: &bytes)
      if String(decoding: bytes, as: UTF8.self) != String(value) {
        Issue.record("\(value) written as \(String(decoding: bytes, as: UTF8.self))")
        return
      }
    }
  }
}
