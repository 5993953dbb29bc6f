/// How one tag was marked during one ISO week: the aggregate the store keeps up to date and
/// the analysis reads, so a trend costs weeks × tags rows whatever the size of the history.
public struct WeeklyTagCount: Hashable, Sendable {
  /// The week.
  public var week: ISOWeek
  /// The tag's name.
  public var tag: String
  /// The track the tag speaks for.
  public var track: Track
  /// Marks that said the activity energized.
  public var energized: Int
  /// Marks that said it drained.
  public var drained: Int
  /// Sum of the overall energies of the entries that carry the tag, where given.
  public var energySum: Int
  /// How many of those entries gave an overall energy.
  public var energyCount: Int

  /// Creates a weekly count.
  ///
  /// - Parameters:
  ///   - week: The ISO week.
  ///   - tag: The tag's name.
  ///   - track: The tag's track.
  ///   - energized: Energized marks.
  ///   - drained: Drained marks.
  ///   - energySum: Sum of entry energies, where given.
  ///   - energyCount: Entries that gave an energy.
  public init(
    week: ISOWeek, tag: String, track: Track, energized: Int, drained: Int, energySum: Int = 0,
    energyCount: Int = 0
  ) {
    self.week = week
    self.tag = tag
    self.track = track
    self.energized = energized
    self.drained = drained
    self.energySum = energySum
    self.energyCount = energyCount
  }
}
