import JournalCore
import Testing

@Suite("Track and Mark")
struct TrackTests {
  @Test(
    "counts(toward:) for each track toward ic and management",
    arguments: [
      (Track.ic, true, false), (.management, false, true), (.both, true, true),
      (.neutral, false, false),
    ])
  func counts(_ track: Track, _ towardIC: Bool, _ towardManagement: Bool) {
    #expect(track.counts(toward: .ic) == towardIC)
    #expect(track.counts(toward: .management) == towardManagement)
  }

  @Test("raw values are the names stored and typed")
  func rawValues() {
    #expect(Track.allCases.map(\.rawValue) == ["ic", "management", "both", "neutral"])
    #expect(Track(rawValue: "both") == .both)
    #expect(Track(rawValue: "IC") == nil)
  }

  @Test("marks are stored as +1, -1 and 0 (logged without a feeling)")
  func markStoredValues() {
    #expect(Mark.energized.storedValue == 1)
    #expect(Mark.drained.storedValue == -1)
    #expect(Mark.logged.storedValue == 0)
    #expect(Mark(storedValue: 1) == .energized)
    #expect(Mark(storedValue: -1) == .drained)
    #expect(Mark(storedValue: 0) == .logged)
    #expect(Mark(storedValue: 2) == nil)
    #expect(Mark.allCases.sorted { $0.order < $1.order } == [.energized, .drained, .logged])
  }

  @Test("an entry's energy range is -2...2")
  func energyRange() {
    #expect(Entry.energyRange == -2...2)
  }
}
