// Shared by the three harnesses (scripts/fuzz compiles it into each): the input libFuzzer
// hands over, put in an unlinked temporary file that the readers read through a descriptor,
// as they read an import.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One unlinked temporary file, reused for every input of the run.
enum FuzzInput {
  nonisolated(unsafe) private static var descriptor: CInt = -1

  /// A descriptor positioned at the start of a file that holds exactly `bytes`.
  static func file(_ bytes: UnsafeRawBufferPointer) -> CInt {
    if descriptor < 0 {
      var template = Array("/tmp/journal-fuzz-XXXXXX".utf8CString)
      descriptor = mkstemp(&template)
      guard descriptor >= 0 else { fatalError("mkstemp failed: errno \(errno)") }
      unlink(template)
    }
    guard ftruncate(descriptor, 0) == 0 else { fatalError("ftruncate failed: errno \(errno)") }
    var written = 0
    while written < bytes.count {
      let count = pwrite(
        descriptor, bytes.baseAddress?.advanced(by: written), bytes.count - written,
        off_t(written))
      guard count > 0 else { fatalError("pwrite failed: errno \(errno)") }
      written += count
    }
    guard lseek(descriptor, 0, SEEK_SET) == 0 else { fatalError("lseek failed: errno \(errno)") }
    return descriptor
  }

  /// ``file(_:)`` over an array.
  static func file(_ bytes: [UInt8]) -> CInt {
    bytes.withUnsafeBytes { file($0) }
  }
}
