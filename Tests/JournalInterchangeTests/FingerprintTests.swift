import Testing

@testable import JournalInterchange

@Suite("Fingerprint: the duplicate keys of records without an id")
struct FingerprintTests {
  // Computed independently (FNV-1a over each part's UTF-8 and a separator). These must never
  // change: a re-import finds its duplicates by them.
  @Test(
    "keys are stable across versions",
    arguments: [
      (
        ["2026-11-20", "09:00", "Paired with Priya", "on the cache bug — café"],
        "1de054167170be83c3358474f1b40caa"
      ),
      (["2026-11-20", "x"], "3fa8670fce80cb6e5935a714a471e3e3"),
    ])
  func stable(parts: [String], expected: String) {
    let key: String
    switch parts.count {
    case 2: key = Fingerprint.hex(parts[0], parts[1])
    default: key = Fingerprint.hex(parts[0], parts[1], parts[2], parts[3])
    }
    #expect(key == expected)
  }
}
