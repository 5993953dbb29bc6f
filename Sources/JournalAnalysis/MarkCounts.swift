import JournalCore

/// Energized and drained marks, and the entry energies behind them: exposure and energy side
/// by side, never mixed.
public struct MarkCounts: Hashable, Sendable {
  /// Marks that said the activity energized.
  public var energized: Int
  /// Marks that said it drained.
  public var drained: Int
  /// Sum of the overall entry energies, where given.
  public var energySum: Int
  /// How many of those entries gave an energy.
  public var energyCount: Int

  /// Creates counts.
  ///
  /// - Parameters:
  ///   - energized: Energized marks.
  ///   - drained: Drained marks.
  ///   - energySum: Sum of entry energies.
  ///   - energyCount: Entries with an energy.
  public init(energized: Int = 0, drained: Int = 0, energySum: Int = 0, energyCount: Int = 0) {
    self.energized = energized
    self.drained = drained
    self.energySum = energySum
    self.energyCount = energyCount
  }

  /// The counts of one weekly row.
  ///
  /// - Parameter count: A week's row for one tag.
  public init(_ count: WeeklyTagCount) {
    self.init(
      energized: count.energized, drained: count.drained, energySum: count.energySum,
      energyCount: count.energyCount)
  }

  /// Exposure: how many times the activity was marked at all.
  public var observations: Int { energized + drained }

  /// The energy rate, (energized − drained) / observations, in −1 ... +1; `nil` with no
  /// observations (a gap, not a zero).
  public var rate: Double? {
    observations == 0 ? nil : Double(energized - drained) / Double(observations)
  }

  /// The rate pulled toward 0 by two imaginary observations, one each way:
  /// (energized − drained) / (observations + 2). It is the mean of 2p − 1 under a uniform
  /// Beta(1, 1) prior on p, the chance that the activity energizes, so one lucky day counts
  /// for less than a steady month.
  public var shrunkRate: Double {
    Double(energized - drained) / Double(observations + 2)
  }

  /// The posterior variance of 2p − 1, with p ~ Beta(1 + energized, 1 + drained).
  public var shrunkRateVariance: Double {
    let a = Double(1 + energized)
    let b = Double(1 + drained)
    return 4 * a * b / ((a + b) * (a + b) * (a + b + 1))
  }

  /// The mean overall energy of the entries behind the marks, where they gave one.
  public var meanEnergy: Double? {
    energyCount == 0 ? nil : Double(energySum) / Double(energyCount)
  }

  /// The sum of two sets of counts.
  public static func + (lhs: MarkCounts, rhs: MarkCounts) -> MarkCounts {
    MarkCounts(
      energized: lhs.energized + rhs.energized, drained: lhs.drained + rhs.drained,
      energySum: lhs.energySum + rhs.energySum, energyCount: lhs.energyCount + rhs.energyCount)
  }

  /// `lhs` without `rhs`: the counts of a total with one part left out.
  public static func - (lhs: MarkCounts, rhs: MarkCounts) -> MarkCounts {
    MarkCounts(
      energized: lhs.energized - rhs.energized, drained: lhs.drained - rhs.drained,
      energySum: lhs.energySum - rhs.energySum, energyCount: lhs.energyCount - rhs.energyCount)
  }

  /// Adds `rhs` to `lhs`.
  public static func += (lhs: inout MarkCounts, rhs: MarkCounts) {
    lhs = lhs + rhs
  }
}
