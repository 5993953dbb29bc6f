import JournalAnalysis

/// The command line that starts a proposed experiment: the analysis proposes it, and only the
/// report knows how the CLI spells it.
public enum ExperimentCommand {
  /// `journal experiment start "TITLE" --track TRACK --weeks N`.
  ///
  /// - Parameter idea: The proposed experiment.
  /// - Returns: The command.
  public static func start(_ idea: ExperimentIdea) -> String {
    "journal experiment start \"\(idea.title)\" --track \(idea.track.rawValue) --weeks \(idea.weeks)"
  }
}
