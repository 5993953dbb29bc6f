import Foundation
import TestSupport
import Testing

/// Issue 15, items 2 and 4 end to end: the report's stated-versus-measured section in each
/// format, and the kind of role a clear suggestion points to.
@Suite("journal report: what you said and what your entries show")
struct ReflectReportTests {
  @Test("the report compares the answers with the entries, in every format")
  func reportSection() throws {
    let journal = try TestJournal()
    defer { journal.remove() }
    // Deep work energized and delivery drained on eight days over four weeks.
    try ReportSeed.clearIC(journal)
    expectSuccess(
      try journal.run([
        "reflect", "--coding", "yes", "--decisions", "organisational", "--scale", "people",
        "--motive", "compensation", "--date", "2026-11-18",
      ]))

    // By hand: deep-work 8/0 → +1, Jeffreys p = 8.5/9, variance 4p(1 − p)/8 = 0.026235, half
    // width 1.6449 × 0.16197 = 0.26642: [+0.73, +1.00] → consistent. Delivery 0/8: [−1.00,
    // −0.73] → in tension. Coaching and mentoring: no marks → not enough evidence.
    let markdown = try ReportSeed.report(journal)
    #expect(markdown.contains("\n## What you said and what your entries show\n"))
    #expect(
      markdown.contains(
        "| code most of the time | yes (IC) | deep-work | +1.00 | +0.73 to +1.00 | 8 | consistent |"
      ))
    #expect(
      markdown.contains(
        "| impact and decisions | organisational (management) | delivery | -1.00 | -1.00 to -0.73 "
          + "| 8 | in tension |"))
    #expect(
      markdown.contains(
        "| scale through | people (management) | coaching and mentoring | - | - | 0 | not enough "
          + "evidence |"))
    #expect(
      markdown.contains(
        "      journal experiment start \"Run delivery for one project\" --track management --weeks 6"
      ))
    #expect(markdown.contains("is the first mistake the articles warn about"))
    // The clear IC suggestion says which kind of IC role.
    #expect(
      markdown.contains(
        "- Within IC, deep-work (+1.00, 90% interval +0.73 to +1.00, 8 marks over 4 weeks) carries "
          + "the energy: that points to deep problem solving"))

    let report = try ReportSeed.reportJSON(journal)
    let section = try ReportSeed.field(report, "stated_vs_measured")
    #expect(section["date"] as? String == "2026-11-18")
    #expect(section["stated_lean"] as? String == "management")
    let comparisons = try #require(section["comparisons"] as? [[String: Any]])
    #expect(comparisons.map { $0["question"] as? String } == ["coding", "decisions", "scale"])
    #expect(
      comparisons.map { $0["verdict"] as? String }
        == ["consistent", "in-tension", "not-enough-evidence"])
    let tension = comparisons[1]
    let measured = try ReportSeed.field(tension, "management")
    #expect(try ReportSeed.strings(measured, "activities") == ["delivery"])
    #expect(try ReportSeed.number(measured, "rate") == -1)
    #expect(try ReportSeed.number(measured, "high") == -0.7336)
    #expect(try ReportSeed.number(measured, "observations") == 8)
    let experiment = try ReportSeed.field(tension, "experiment")
    #expect(
      experiment["command"] as? String
        == "journal experiment start \"Run delivery for one project\" --track management --weeks 6")
    #expect(comparisons[0]["experiment"] is NSNull)
    let shape = try ReportSeed.field(report, "role_shape")
    #expect(shape["track"] as? String == "ic")
    #expect(try ReportSeed.strings(shape, "activities") == ["deep-work"])
    let reflection = try ReportSeed.field(report, "reflection")
    #expect(
      reflection["answers"] as? [String: String]
        == ["coding": "yes", "decisions": "organisational", "scale": "people"])

    let html = try ReportSeed.report(journal, ["--format", "html"])
    #expect(html.contains("<h2>What you said and what your entries show</h2>"))
    #expect(html.contains("<td class=\"in-tension\">in tension</td>"))
    #expect(html.contains("<td class=\"consistent\">consistent</td>"))
  }
}
