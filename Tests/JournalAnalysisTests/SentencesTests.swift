import JournalAnalysis
import JournalCore
import Testing

/// The lean and direction sentences have one source (issue 11); these pin their wording at the
/// edges the renderers' goldens do not reach.
@Suite struct SentencesTests {
  @Test("the lean's reason: beyond, within, or reaching inside the ±0.10 margin")
  func leanReason() {
    #expect(
      Sentences.leanReason(Estimate(value: 0.55, low: 0.34, high: 0.76))
        == "The lean is +0.55 toward IC (90% interval +0.34 to +0.76): the whole interval lies "
        + "beyond the ±0.10 margin.")
    #expect(
      Sentences.leanReason(Estimate(value: -0.02, low: -0.08, high: 0.04))
        == "The lean is -0.02 toward management (90% interval -0.08 to +0.04): the whole "
        + "interval lies within ±0.10.")
    #expect(
      Sentences.leanReason(Estimate(value: 0.2, low: 0.05, high: 0.35))
        == "The lean is +0.20 toward IC (90% interval +0.05 to +0.35): the interval reaches "
        + "inside the ±0.10 margin, so neither track clearly energizes you more yet.")
  }

  @Test("a lean of exactly 0 points to neither side, in the reason as in the trend")
  func zeroLean() {
    #expect(
      Sentences.leanReason(Estimate(value: 0, low: -0.3, high: 0.3)).hasPrefix(
        "The lean is 0.00 to neither side (90% interval -0.30 to +0.30): "))
  }

  @Test("the signed formatter: two decimals, a sign, no minus zero")
  func signed() {
    #expect(Format.signed(0.424) == "+0.42")
    #expect(Format.signed(-0.1) == "-0.10")
    #expect(Format.signed(-0.004) == "0.00")
    #expect(Format.signed(-2) == "-2.00")
  }
}
