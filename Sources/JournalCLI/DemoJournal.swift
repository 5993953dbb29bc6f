import JournalCore
import JournalStore

/// The built-in sample journal: sixteen weeks of a senior engineer who logs four workdays a
/// week. Deep work and architecture energize them throughout and delivery drains them. Halfway
/// through they start a 12-week experiment, mentoring two new hires, still running "today":
/// coaching begins to energize them, so the management track rises, but not as high as the IC
/// track. The report's story is the one its chart shows: IC energizes more, management is
/// rising, and the experiment's partial result says so. Their roles say the same: senior IC for
/// the first eight weeks, then tech lead from the day the experiment starts (the experiment is
/// that role change), so the report's "Roles over time" compares the two periods. Its
/// reflection says the five-year answer is technical and deep work is what they want, but also
/// that they prefer organisation-level decisions: the delivery those need drains them, and the
/// report's stated-versus-measured section names that tension. Generated from a fixed seed, so
/// every run writes the same journal for the same "today".
enum DemoJournal {
  static let weeks = 16

  /// Writes the sample into `journal`, ending with the week of `today`.
  ///
  /// - Returns: How many entries were written.
  static func write(into journal: Journal, today: Day) throws(StoreError) -> Int {
    var random = SeededRandom(seed: 2026)
    let lastWeek = ISOWeek(containing: today)
    let firstWeek = lastWeek.adding(weeks: -(weeks - 1))
    var entries: [NewEntry] = []
    for index in 0..<weeks {
      let week = firstWeek.adding(weeks: index)
      let mentoring = index >= weeks / 2  // the experiment starts halfway
      for weekday in [1, 2, 3, 4, 5] where random.chance(0.8) {
        let day = week.start.adding(days: weekday - 1)
        guard day <= today else { continue }
        entries.append(entry(on: day, week: index, mentoring: mentoring, random: &random))
      }
    }
    try journal.addEntries(entries)
    _ = try journal.startRole(name: "senior-ic", track: .ic, start: firstWeek.start)
    // Still running: week 8 of 12 on the demo's last day. It is a role change too: tech lead.
    _ = try journal.startExperiment(
      title: "Mentor the two new hires", track: .management,
      hypothesis: "Growing people energizes me more than I think.",
      start: firstWeek.adding(weeks: weeks / 2).start, weeks: 12,
      role: (name: "tech-lead", track: .both))
    _ = try journal.addReflection(
      day: lastWeek.start,
      fiveYears:
        "The person who knows how our storage systems fail, and who grew the people who fix them.",
      motives: [.energy, .growth, .compensation], note: "",
      // One answer pulls against the entries: team- and organisation-level decisions, while
      // delivery drains them throughout; the report's "What you said" section shows it.
      answers: [
        (ReflectionQuestion.domain, "technical"), (.energizes, "technical"), (.coding, "yes"),
        (.peopleIssues, "unsure"), (.decisions, "organisational"), (.scale, "people"),
      ].compactMap { ReflectionAnswer($0, $1) })
    return entries.count
  }

  private static func entry(on day: Day, week: Int, mentoring: Bool, random: inout SeededRandom)
    -> NewEntry
  {
    var tags: [TagMark] = []
    var lines: [String] = []
    // Deep work: energizing throughout, a little less often once mentoring takes time.
    if random.chance(mentoring ? 0.65 : 0.85) {
      let energized = random.chance(0.85)
      tags.append(TagMark(name: "deep-work", mark: energized ? .energized : .drained))
      lines.append(random.pick(energized ? deepWorkGood : deepWorkBad))
    }
    if random.chance(0.25) {
      let energized = random.chance(0.6)
      tags.append(TagMark(name: "architecture", mark: energized ? .energized : .drained))
      lines.append(random.pick(architecture))
    }
    // Delivery: a steady drain, as the job demands it; clearly enough (energizing one day in
    // seven) that the reflection's wish for organisation-level decisions shows as a tension.
    if random.chance(0.5) {
      let energized = random.chance(0.15)
      tags.append(TagMark(name: "delivery", mark: energized ? .energized : .drained))
      lines.append(random.pick(delivery))
    }
    // Coaching: rare and awkward at first; after the experiment starts, frequent and rising.
    let coachingChance = mentoring ? 0.6 : 0.2
    if random.chance(coachingChance) {
      let energizing = mentoring ? min(0.95, 0.7 + Double(week - weeks / 2) * 0.04) : 0.3
      let energized = random.chance(energizing)
      tags.append(TagMark(name: "coaching", mark: energized ? .energized : .drained))
      lines.append(random.pick(energized ? coachingGood : coachingBad))
    }
    if mentoring && random.chance(0.6) {
      tags.append(TagMark(name: "mentoring", mark: random.chance(0.9) ? .energized : .drained))
      lines.insert(random.pick(mentoringLines), at: 0)  // the week's news comes first
    }
    if random.chance(0.08) {
      tags.append(
        TagMark(name: "conflict-resolution", mark: random.chance(0.3) ? .energized : .drained))
      lines.append(random.pick(conflict))
    }
    if lines.isEmpty { lines.append("Quiet day: reviews, email, a little reading.") }
    // Every mark keeps its sentence, so a quote under "deep-work energized you" shows it.
    let balance = tags.reduce(0) { $0 + ($1.mark == .energized ? 1 : -1) }
    let energy = max(-2, min(2, balance + (random.chance(0.5) ? 0 : random.chance(0.5) ? 1 : -1)))
    return NewEntry(
      day: day, text: lines.joined(separator: " "), energy: energy, tags: tags,
      isStarred: random.chance(0.1))
  }

  private static let deepWorkGood = [
    "Found the race in the cache invalidation after two hours of tracing: pure flow.",
    "Rewrote the retry logic with property tests; it finally feels right.",
    "Profiled the import path and cut it from 40 s to 3 s.",
    "Long uninterrupted morning on the query planner.",
  ]
  private static let deepWorkBad = [
    "Fought the build system all afternoon and got nowhere.",
    "Debugging a flaky test that turned out to be a clock skew; tiring.",
  ]
  private static let architecture = [
    "Wrote the design doc for splitting the storage service.",
    "Reviewed the event-schema proposal with two other teams.",
    "Sketched the migration path off the legacy queue.",
  ]
  private static let delivery = [
    "Three status meetings to re-plan the release.",
    "Chased sign-offs for the launch checklist.",
    "Reprioritised the sprint after the incident.",
  ]
  private static let coachingGood = [
    "1:1 with Sam about growing into the on-call lead: they left with a plan.",
    "Gave Priya feedback on her design review; she ran the next one herself.",
    "Career talk with a new hire; surprisingly the best hour of the week.",
  ]
  private static let coachingBad = [
    "Awkward feedback conversation; I was not prepared.",
    "1:1 ran long and went in circles.",
  ]
  private static let mentoringLines = [
    "Paired with the new hires on their first production change.",
    "Walked the new hires through the storage code; good questions.",
    "Reviewed the new hires' first design doc together.",
  ]
  private static let conflict = [
    "Mediated the API-ownership disagreement between two teams.",
    "Defused a heated code review thread.",
  ]
}
