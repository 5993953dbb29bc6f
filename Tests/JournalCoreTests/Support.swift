import JournalCore
import Testing

/// The day written `iso`, failing the test when it does not parse.
func day(_ iso: String) throws -> Day {
  try #require(Day(iso: iso), "'\(iso)' should be a valid day")
}

/// Year, month and day of `day` as an array, so they compare with `==`.
func ymd(_ day: Day) -> [Int] {
  let (year, month, dayOfMonth) = day.components
  return [year, month, dayOfMonth]
}
