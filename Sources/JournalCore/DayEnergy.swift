/// One day of the journal, summed over its live entries: how many there were, their overall
/// energies, and their marks. The energy calendar of the HTML report is drawn from these.
public struct DayEnergy: Hashable, Sendable {
  /// The day.
  public var day: Day
  /// Live entries on the day (private ones included: no text is shown).
  public var entries: Int
  /// The sum of the overall energies given, each -2 ... 2.
  public var energySum: Int
  /// How many entries gave an overall energy.
  public var energyCount: Int
  /// Energized marks on the day's entries.
  public var energized: Int
  /// Drained marks on the day's entries.
  public var drained: Int

  /// Creates a day's sums.
  ///
  /// - Parameters:
  ///   - day: The day.
  ///   - entries: Live entries.
  ///   - energySum: Sum of the energies given.
  ///   - energyCount: Entries that gave one.
  ///   - energized: Energized marks.
  ///   - drained: Drained marks.
  public init(
    day: Day, entries: Int, energySum: Int = 0, energyCount: Int = 0, energized: Int = 0,
    drained: Int = 0
  ) {
    self.day = day
    self.entries = entries
    self.energySum = energySum
    self.energyCount = energyCount
    self.energized = energized
    self.drained = drained
  }
}
