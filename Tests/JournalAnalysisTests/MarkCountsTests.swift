import JournalAnalysis
import Testing

@Suite struct MarkCountsTests {
  @Test func rateIsEnergizedMinusDrainedOverObservations() {
    // 3 energized, 1 drained: (3 - 1) / 4 = 0.5.
    let counts = MarkCounts(energized: 3, drained: 1)
    #expect(counts.observations == 4)
    #expect(close(counts.rate, 0.5))
  }

  @Test func noObservationsIsAGapNotAZero() {
    #expect(MarkCounts().rate == nil)
    #expect(MarkCounts().meanEnergy == nil)
  }

  @Test func shrunkRateAddsOneImaginaryMarkEachWay() {
    // (3 - 1) / (4 + 2) = 1/3; a single energized mark gives 1/3 too, not 1.
    #expect(close(MarkCounts(energized: 3, drained: 1).shrunkRate, 1.0 / 3))
    #expect(close(MarkCounts(energized: 1, drained: 0).shrunkRate, 1.0 / 3))
    #expect(close(MarkCounts().shrunkRate, 0))
  }

  @Test func varianceIsTheBetaPosteriorsOnTheRateScale() {
    // p ~ Beta(4, 2): Var(p) = 4*2 / (6^2 * 7) = 8/252; Var(2p - 1) = 4 * 8/252 = 32/252.
    #expect(close(MarkCounts(energized: 3, drained: 1).shrunkRateVariance, 32.0 / 252))
    // Uniform Beta(1, 1): Var(p) = 1/12, so Var(2p - 1) = 1/3.
    #expect(close(MarkCounts().shrunkRateVariance, 1.0 / 3))
  }

  @Test func meanEnergyAveragesOnlyEntriesThatGaveOne() {
    // Energies +2, -1 and one entry without: (2 - 1) / 2 = 0.5.
    let counts = MarkCounts(energized: 2, drained: 1, energySum: 1, energyCount: 2)
    #expect(close(counts.meanEnergy, 0.5))
  }
}

@Suite struct StatisticsTests {
  @Test func slopeOfAStraightLineIsItsGradient() {
    let points = [(x: 0.0, y: 1.0), (x: 1, y: 3), (x: 2, y: 5)]
    #expect(close(Statistics.slope(points), 2))
  }

  @Test func slopeNeedsThreePoints() {
    #expect(Statistics.slope([(x: 0, y: 0), (x: 1, y: 1)]) == nil)
    #expect(Statistics.slope([(x: 1, y: 0), (x: 1, y: 1), (x: 1, y: 2)]) == nil)
  }

  @Test func intervalIsClampedToTheScale() {
    // 0.9 ± 1.6449 * 0.5 = [0.0776, 1.7224] → high clamped to 1.
    let estimate = Statistics.interval(value: 0.9, variance: 0.25, bounds: -1...1)
    #expect(close(estimate.low, 0.9 - Statistics.z90 * 0.5))
    #expect(estimate.high == 1)
    #expect(estimate.isClearlyPositive)
  }
}
