import JournalAnalysis
import JournalCore
import JournalReport
import Testing

/// The command line for a proposed experiment is the report's to spell (issue 11), not the
/// analysis's.
@Suite struct ExperimentCommandTests {
  @Test("an idea becomes `journal experiment start \"TITLE\" --track TRACK --weeks N`")
  func startCommand() {
    let idea = Suggestion(trend: BriefFixture.trend).nextExperiment
    #expect(
      ExperimentCommand.start(idea)
        == "journal experiment start \"\(idea.title)\" --track \(idea.track.rawValue) --weeks "
        + "\(idea.weeks)")
  }

  @Test("the exact bytes for an empty journal: unclear, try the IC side for six weeks")
  func emptyJournal() {
    // No marks at all: both tracks under-sampled equally, the first (IC) is tried first.
    let empty = Trend(counts: [], from: BriefFixture.first, through: BriefFixture.last)
    #expect(
      ExperimentCommand.start(Suggestion(trend: empty).nextExperiment)
        == "journal experiment start \"Own a harder, broader technical project\" --track ic "
        + "--weeks 6")
  }
}
