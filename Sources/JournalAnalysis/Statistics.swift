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

  /// `value` ± `halfWidth`, clamped to `bounds`: the one way an interval is made.
  ///
  /// - Parameters:
  ///   - value: The best estimate.
  ///   - halfWidth: Half the interval's width before clamping.
  ///   - bounds: Where the quantity can lie.
  public init(value: Double, halfWidth: Double, bounds: ClosedRange<Double>) {
    self.init(
      value: value, low: max(bounds.lowerBound, value - halfWidth),
      high: min(bounds.upperBound, value + halfWidth), unclampedHalfWidth: halfWidth)
  }

  /// Half the interval's width before it was clamped to the scale: z90 × the standard error.
  public var unclampedHalfWidth: Double

  /// The standard error the interval stands for: the unclamped half width over z90.
  public var standardError: Double { unclampedHalfWidth / Statistics.z90 }

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
    Estimate(value: value, halfWidth: z90 * max(0, variance).squareRoot(), bounds: bounds)
  }

  /// The least-squares slope of `points`, or `nil` with fewer than three points or no spread
  /// in x.
  ///
  /// - Parameter points: (x, y) pairs.
  /// - Returns: dy/dx of the best-fitting line.
  public static func slope(_ points: [(x: Double, y: Double)]) -> Double? {
    slopeFit(points)?.slope
  }

  /// The least-squares line through `points` with its slope's standard error and 90% interval
  /// (Student's t on n − 2 degrees of freedom, from the residuals), or `nil` with fewer than
  /// three points or no spread in x. Sums run in the order of `points`.
  ///
  /// - Parameter points: (x, y) pairs.
  /// - Returns: The fit.
  public static func slopeFit(_ points: [(x: Double, y: Double)]) -> SlopeFit? {
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
    guard spread > 0 else { return nil }
    let slope = covariance / spread
    var residuals = 0.0
    for point in points {
      let residual = point.y - meanY - slope * (point.x - meanX)
      residuals += residual * residual
    }
    let degrees = points.count - 2
    let standardError = (residuals / Double(degrees) / spread).squareRoot()
    let half = t90(degreesOfFreedom: degrees) * standardError
    return SlopeFit(
      slope: slope, standardError: standardError, low: slope - half, high: slope + half)
  }

  /// The 95th percentile of Student's t with `degreesOfFreedom`: the multiplier of a two-sided
  /// 90% interval (scipy's `t.ppf(0.95, df)` to four decimals up to 30; beyond, within 0.001).
  ///
  /// - Parameter degreesOfFreedom: At least 1.
  /// - Returns: The multiplier.
  public static func t90(degreesOfFreedom: Int) -> Double {
    let table = [
      6.3138, 2.9200, 2.3534, 2.1318, 2.0150, 1.9432, 1.8946, 1.8595, 1.8331, 1.8125, 1.7959,
      1.7823, 1.7709, 1.7613, 1.7531, 1.7459, 1.7396, 1.7341, 1.7291, 1.7247, 1.7207, 1.7171,
      1.7139, 1.7109, 1.7081, 1.7056, 1.7033, 1.7011, 1.6991, 1.6973,
    ]
    let df = max(1, degreesOfFreedom)
    if df <= table.count { return table[df - 1] }
    return z90 + (1.6973 - z90) * 30 / Double(df)
  }
}

/// ``Statistics/slopeFit(_:)`` of many series at once, each series' points fed in order in
/// three passes (means, then spread and covariance, then residuals): the same sums in the same
/// order, so the same bits, without an array of points per series (issue 16: over all history,
/// 5,200 weeks × every tag).
struct SlopeFolds {
  private var count: [Int]
  private var sumX: [Double]
  private var sumY: [Double]
  private var covariance: [Double]
  private var spread: [Double]
  private var residuals: [Double]
  private var meanX: [Double] = []
  private var meanY: [Double] = []
  private var slope: [Double] = []

  /// Empty sums for `series` series.
  init(series: Int) {
    count = Array(repeating: 0, count: series)
    sumX = Array(repeating: 0, count: series)
    sumY = sumX
    covariance = sumX
    spread = sumX
    residuals = sumX
  }

  /// Pass 1: a point of `series`.
  mutating func addToMeans(_ series: Int, x: Double, y: Double) {
    count[series] += 1
    sumX[series] += x
    sumY[series] += y
  }

  /// Pass 2: the same point again.
  mutating func addToSpread(_ series: Int, x: Double, y: Double) {
    if meanX.isEmpty {
      meanX = count.indices.map { sumX[$0] / Double(count[$0]) }
      meanY = count.indices.map { sumY[$0] / Double(count[$0]) }
    }
    covariance[series] += (x - meanX[series]) * (y - meanY[series])
    spread[series] += (x - meanX[series]) * (x - meanX[series])
  }

  /// Pass 3: the same point once more.
  mutating func addToResiduals(_ series: Int, x: Double, y: Double) {
    if slope.isEmpty { slope = count.indices.map { covariance[$0] / spread[$0] } }
    let residual = y - meanY[series] - slope[series] * (x - meanX[series])
    residuals[series] += residual * residual
  }

  /// How many points `series` has.
  func points(_ series: Int) -> Int { count[series] }

  /// The fit of `series` after the three passes.
  func fit(_ series: Int) -> SlopeFit? {
    guard count[series] >= 3, spread[series] > 0 else { return nil }
    let slope = covariance[series] / spread[series]
    let degrees = count[series] - 2
    let standardError = (residuals[series] / Double(degrees) / spread[series]).squareRoot()
    let half = Statistics.t90(degreesOfFreedom: degrees) * standardError
    return SlopeFit(
      slope: slope, standardError: standardError, low: slope - half, high: slope + half)
  }
}

/// A least-squares slope with its uncertainty.
public struct SlopeFit: Hashable, Sendable {
  /// Change per step of x.
  public let slope: Double
  /// Its standard error, from the residuals.
  public let standardError: Double
  /// The 90% interval's lower end.
  public let low: Double
  /// The 90% interval's upper end.
  public let high: Double
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
    let sd = estimate.standardError
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
