/// A value with its uncertainty interval.
public struct Estimate: Hashable, Sendable {
  /// The best estimate.
  public var value: Double
  /// The interval's lower end.
  public var low: Double
  /// The interval's upper end.
  public var high: Double

  /// Creates an estimate.
  ///
  /// - Parameters:
  ///   - value: The best estimate.
  ///   - low: The interval's lower end.
  ///   - high: The interval's upper end.
  public init(value: Double, low: Double, high: Double) {
    self.value = value
    self.low = low
    self.high = high
  }

  /// Whether the whole interval lies above zero.
  public var isClearlyPositive: Bool { low > 0 }
  /// Whether the whole interval lies below zero.
  public var isClearlyNegative: Bool { high < 0 }
  /// The interval's width.
  public var width: Double { high - low }
}

/// The few statistics the analysis needs, in closed form so the same input always gives the
/// same output (no random resampling).
public enum Statistics {
  /// The z-score of a two-sided 90% interval under a normal approximation.
  public static let z90 = 1.6448536269514722

  /// `value ± z90 · sqrt(variance)`, clamped to `bounds`.
  ///
  /// - Parameters:
  ///   - value: The estimate.
  ///   - variance: Its variance.
  ///   - bounds: Where the quantity can lie.
  /// - Returns: The 90% interval.
  public static func interval(value: Double, variance: Double, bounds: ClosedRange<Double>)
    -> Estimate
  {
    let half = z90 * max(0, variance).squareRoot()
    return Estimate(
      value: value, low: max(bounds.lowerBound, value - half),
      high: min(bounds.upperBound, value + half))
  }

  /// The least-squares slope of `points`, or `nil` with fewer than three points or no spread
  /// in x.
  ///
  /// - Parameter points: (x, y) pairs.
  /// - Returns: dy/dx of the best-fitting line.
  public static func slope(_ points: [(x: Double, y: Double)]) -> Double? {
    guard points.count >= 3 else { return nil }
    let n = Double(points.count)
    let meanX = points.reduce(0) { $0 + $1.x } / n
    let meanY = points.reduce(0) { $0 + $1.y } / n
    var covariance = 0.0
    var spread = 0.0
    for point in points {
      covariance += (point.x - meanX) * (point.y - meanY)
      spread += (point.x - meanX) * (point.x - meanX)
    }
    return spread == 0 ? nil : covariance / spread
  }
}
