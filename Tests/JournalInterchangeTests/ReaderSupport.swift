import Foundation
import TestSupport

@testable import JournalInterchange

/// Writes `bytes` to a temporary file and runs `body` with a `JSONReader` over it, read
/// `chunkSize` bytes at a time so that small inputs still cross chunk boundaries.
func withJSONReader<T>(
  _ bytes: [UInt8], chunkSize: Int = 3, _ body: (inout JSONReader) throws -> T
) throws -> T {
  try withTemporaryFile(bytes) { descriptor in
    var reader = JSONReader(fileDescriptor: descriptor, chunkSize: chunkSize)
    return try body(&reader)
  }
}

/// `withJSONReader` over the UTF-8 of `text`.
func withJSONReader<T>(
  _ text: String, chunkSize: Int = 3, _ body: (inout JSONReader) throws -> T
) throws -> T {
  try withJSONReader(Array(text.utf8), chunkSize: chunkSize, body)
}

/// The whole value in `text`, checked to be followed by nothing but white space.
func parseJSON(_ text: String, chunkSize: Int = 3) throws -> JSONNode {
  try withJSONReader(text, chunkSize: chunkSize) { reader in
    let node = try reader.readValue()
    try reader.expectEnd()
    return node
  }
}

/// The `SyntaxError` that parsing `bytes` throws, or `nil` when it parses.
func jsonError(_ bytes: [UInt8]) throws -> SyntaxError? {
  try withJSONReader(bytes) { (reader: inout JSONReader) -> SyntaxError? in
    do throws(SyntaxError) {
      _ = try reader.readValue()
      try reader.expectEnd()
      return nil
    } catch {
      return error
    }
  }
}

/// Every record of the CSV `bytes`, read by `CSVReader` from a temporary file.
func readCSV(_ bytes: [UInt8]) throws -> [[String]] {
  try withTemporaryFile(bytes) { descriptor in
    var reader = CSVReader(fileDescriptor: descriptor)
    var records: [[String]] = []
    while let record = try reader.readRecord() { records.append(record) }
    return records
  }
}

/// `readCSV` over the UTF-8 of `text`.
func readCSV(_ text: String) throws -> [[String]] {
  try readCSV(Array(text.utf8))
}

/// The `SyntaxError` that reading every record of `bytes` throws, or `nil` when none does.
func csvError(_ bytes: [UInt8]) throws -> SyntaxError? {
  try withTemporaryFile(bytes) { descriptor -> SyntaxError? in
    var reader = CSVReader(fileDescriptor: descriptor)
    do throws(SyntaxError) {
      while try reader.readRecord() != nil {}
      return nil
    } catch {
      return error
    }
  }
}

/// Runs `body` with a read descriptor on a temporary file holding `bytes`.
func withTemporaryFile<T>(_ bytes: [UInt8], _ body: (Int32) throws -> T) throws -> T {
  let folder = try TemporaryDirectory()
  defer { folder.remove() }
  let url = URL(fileURLWithPath: folder.file("input"))
  try Data(bytes).write(to: url)
  let handle = try FileHandle(forReadingFrom: url)
  defer { try? handle.close() }
  return try body(handle.fileDescriptor)
}
