import JournalCore

/// The lean and direction sentences, in one place: the suggestion's reasons and the trend's
/// summary lines both read them from here, so their wording and thresholds cannot drift apart.
public enum Sentences {
  // MARK: - The lean

  /// `+0.55 toward IC (90% interval +0.34 to +0.76)`: the lean, its side and its interval.
  static func leanFigures(_ lean: Estimate) -> String {
    let side =
      lean.value > 0 ? "toward IC" : lean.value < 0 ? "toward management" : "to neither side"
    return
      "\(Format.signed(lean.value)) \(side) (90% interval \(Format.range(lean.low, lean.high)))"
  }

  /// Whether the lean's whole interval lies beyond ±``Suggestion/margin``: a verdict.
  static func isBeyondMargin(_ lean: Estimate) -> Bool {
    lean.low > Suggestion.margin || lean.high < -Suggestion.margin
  }

  /// Whether the lean's whole interval lies within ±``Suggestion/margin``: small, and sure to
  /// be small.
  static func isWithinMargin(_ lean: Estimate) -> Bool {
    lean.low >= -Suggestion.margin && lean.high <= Suggestion.margin
  }

  /// `0.10`: the margin as printed after a ±.
  static var margin: String { Format.unsigned(Suggestion.margin) }

  /// The suggestion's reason: "The lean is +0.55 toward IC (90% interval +0.34 to +0.76): the
  /// whole interval lies beyond the ±0.10 margin."
  ///
  /// - Parameter lean: The lean.
  /// - Returns: The sentence.
  public static func leanReason(_ lean: Estimate) -> String {
    let verdict =
      isBeyondMargin(lean)
      ? "the whole interval lies beyond the ±\(margin) margin"
      : isWithinMargin(lean)
        ? "the whole interval lies within ±\(margin)"
        : "the interval reaches inside the ±\(margin) margin, so neither track clearly "
          + "energizes you more yet"
    return "The lean is \(leanFigures(lean)): \(verdict)."
  }

  /// The trend's summary line: "Lean: +0.55 toward IC (90% interval +0.34 to +0.76), from
  /// 16 weeks and 121 marks.", or what to mark while the lean cannot be measured.
  ///
  /// - Parameter trend: The trend.
  /// - Returns: The sentence.
  public static func leanLine(_ trend: Trend) -> String {
    guard let lean = trend.lean else {
      let missing = trend.ic.figures.rate == nil ? "an IC activity" : "a management activity"
      return
        "Lean: not measurable yet; mark \(missing) (energized or drained) to compare the tracks."
    }
    let sentence =
      "Lean: \(leanFigures(lean)), from \(Plural.count(trend.weeksObserved, "week", "weeks")) "
      + "and \(Plural.count(trend.observations, "mark", "marks"))"
    return isBeyondMargin(lean)
      ? sentence + "."
      : sentence
        + "; the interval reaches inside ±\(margin), so neither track clearly energizes you "
        + "more yet."
  }

  // MARK: - Directions

  /// The suggestion's reason for a track that moved: "Management energy has been rising
  /// (+0.08 a week, 90% interval +0.04 to +0.12, over 16 weeks).", `nil` when steady.
  ///
  /// - Parameter summary: The track's summary.
  /// - Returns: The sentence, or `nil`.
  public static func directionReason(_ summary: TrackSummary) -> String? {
    guard summary.direction == .rising || summary.direction == .falling, let fit = summary.fit
    else { return nil }
    return
      "\(summary.figures.track.displayName) energy has been \(summary.direction.rawValue) "
      + "(\(Format.signed(fit.slope)) a week, 90% interval \(Format.range(fit.low, fit.high)), "
      + "over \(Plural.count(summary.weeksObserved, "week", "weeks")))."
  }

  /// The trend's lines for every track and tag that moved: "The management track has been
  /// rising over 16 weeks with marks (+0.08 a week).", "Coaching has been rising …".
  ///
  /// - Parameter trend: The trend.
  /// - Returns: The sentences, tracks first.
  public static func directionLines(_ trend: Trend) -> [String] {
    let tracks = [trend.ic, trend.management].map { summary in
      (
        "The \(summary.figures.track.nameInSentence) track", summary.direction, summary.slope,
        summary.weeksObserved
      )
    }
    let tags = trend.tags.map { ($0.name, $0.direction, $0.slope, $0.weeksObserved) }
    return (tracks + tags).compactMap { name, direction, slope, weeks in
      guard direction == .rising || direction == .falling, let slope else { return nil }
      return
        "\(name.prefix(1).uppercased() + name.dropFirst()) has been \(direction.rawValue) over "
        + "\(weeks) weeks with marks (\(Format.signed(slope)) a week)."
    }
  }
}
