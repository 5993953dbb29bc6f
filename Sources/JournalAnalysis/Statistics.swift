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
  ///   - unclampedHalfWidth: z × standard deviation before clamping; half the width when `nil`.
  public init(value: Double, low: Double, high: Double, unclampedHalfWidth: Double? = nil) {
    self.value = value
    self.low = low
    self.high = high
    self.unclampedHalfWidth = unclampedHalfWidth ?? (high - low) / 2
  }

  /// Half the interval's width before it was clamped to the scale: z × standard deviation.
  public var unclampedHalfWidth: Double

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
      high: min(bounds.upperBound, value + half), unclampedHalfWidth: half)
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

extension Statistics {
  /// The standard normal cumulative distribution, Φ(x), from the Abramowitz–Stegun 7.1.26
  /// approximation of erf (absolute error below 1.5e-7): enough for a confidence shown with two
  /// decimals, and no C library needed.
  ///
  /// - Parameter x: A z-score.
  /// - Returns: P(Z ≤ x).
  public static func normalCDF(_ x: Double) -> Double {
    let t = x / 2.0.squareRoot()
    let sign: Double = t < 0 ? -1 : 1
    let a = abs(t)
    let k = 1 / (1 + 0.327_591_1 * a)
    let polynomial =
      ((((1.061_405_429 * k - 1.453_152_027) * k + 1.421_413_741) * k - 0.284_496_736) * k
        + 0.254_829_592) * k
    let erf = 1 - polynomial * exp(-a * a)
    return 0.5 * (1 + sign * erf)
  }

  /// The probability that a quantity with this 90% interval is above zero, reading the
  /// interval as a normal distribution.
  ///
  /// - Parameter estimate: The estimate and its 90% interval.
  /// - Returns: P(value > 0), in 0 ... 1.
  public static func probabilityPositive(_ estimate: Estimate) -> Double {
    let sd = estimate.unclampedHalfWidth / z90
    guard sd > 0 else { return estimate.value > 0 ? 1 : 0 }
    return normalCDF(estimate.value / sd)
  }

  /// e^x by its series after range reduction; avoids importing the C math library.
  static func exp(_ x: Double) -> Double {
    if x < -700 { return 0 }
    // e^x = (e^(x/2^k))^(2^k) with |x/2^k| small.
    var k = 0
    var reduced = x
    while abs(reduced) > 0.5 {
      reduced /= 2
      k += 1
    }
    var term = 1.0
    var sum = 1.0
    for n in 1...20 {
      term *= reduced / Double(n)
      sum += term
    }
    for _ in 0..<k { sum *= sum }
    return sum
  }
}
