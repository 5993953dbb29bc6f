import Foundation

/// A folder under the system's temporary directory, named with a UUID, removed by `remove()`
/// (call it in `defer`).
public struct TemporaryDirectory: Sendable {
  /// The folder's absolute path.
  public let path: String

  /// Creates the folder.
  public init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("career-journal-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// The path of `name` inside the folder.
  ///
  /// - Parameter name: A file name.
  /// - Returns: The absolute path.
  public func file(_ name: String) -> String { path + "/" + name }

  /// Deletes the folder and everything in it.
  public func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
