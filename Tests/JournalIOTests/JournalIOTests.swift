import Foundation
import Synchronization
import Testing

@testable import JournalIO

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Counts calls across the `@Sendable` closures of a fake syscall table.
private final class Counter: Sendable {
  private let count = Mutex(0)

  /// Adds one and returns the new count.
  func next() -> Int {
    count.withLock {
      $0 += 1
      return $0
    }
  }

  var value: Int { count.withLock { $0 } }
}

/// The live table with `read` and `write` replaced.
private func table(
  read: (@Sendable (CInt, UnsafeMutableRawBufferPointer) throws(Errno) -> Int)? = nil,
  write: (@Sendable (CInt, UnsafeRawBufferPointer) throws(Errno) -> Int)? = nil
) -> Syscalls {
  var table = Syscalls.live
  if let read { table.read = read }
  if let write { table.write = write }
  return table
}

/// A fresh folder under the temporary directory, removed by `remove()`.
private struct Folder {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("journal-io-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  func file(_ name: String) -> String { path + "/" + name }

  func names() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
  }

  func remove() { try? FileManager.default.removeItem(atPath: path) }
}

private func contents(_ path: String) throws -> String {
  try String(contentsOfFile: path, encoding: .utf8)
}

private func mode(_ path: String) throws -> Int {
  let attributes = try FileManager.default.attributesOfItem(atPath: path)
  return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

@Suite("Reading")
struct ReadingTests {
  @Test("EINTR on read is retried; the bytes arrive whole")
  func interruptedReadIsRetried() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let path = folder.file("input.txt")
    try "line one\nline two\n".write(toFile: path, atomically: false, encoding: .utf8)
    let calls = Counter()
    let fake = table(read: { (fd, buffer) throws(Errno) in
      if calls.next() <= 3 { throw .interrupted }
      return try Syscalls.live.read(fd, buffer)
    })
    let bytes = try Syscalls.$current.withValue(fake) { try InputFile.readAll(path) }
    #expect(String(decoding: bytes, as: UTF8.self) == "line one\nline two\n")
    #expect(calls.value >= 5, "three interruptions, one read, one end of file")
  }

  @Test("−1 with EIO is an error, never the end of the file")
  func readErrorIsNotEndOfFile() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let path = folder.file("input.txt")
    try "some text".write(toFile: path, atomically: false, encoding: .utf8)
    let fake = table(read: { (_, _) throws(Errno) in throw .ioError })
    #expect(throws: IOError(.file(path), .read, .ioError)) {
      try Syscalls.$current.withValue(fake) { try InputFile.readAll(path) }
    }
    #expect(
      IOError(.file(path), .read, .ioError).description
        == "Cannot read '\(path)': Input/output error.")
  }

  @Test("the chunk reader crosses chunks, counts offsets, and reports a failed read")
  func chunkReader() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let path = folder.file("input.txt")
    let text = String(repeating: "abcdefghij", count: 100)
    try text.write(toFile: path, atomically: false, encoding: .utf8)

    var reader = ChunkReader(try InputFile.open(path), chunkSize: 7)
    var bytes: [UInt8] = []
    #expect(try reader.peek() == UInt8(ascii: "a"))
    while let byte = try reader.next() { bytes.append(byte) }
    #expect(bytes == Array(text.utf8))
    #expect(reader.offset == 1000)
    #expect(try reader.next() == nil, "the end stays the end")

    let calls = Counter()
    let failing = table(read: { (fd, buffer) throws(Errno) in
      if calls.next() == 3 { throw .ioError }
      return try Syscalls.live.read(fd, buffer)
    })
    try Syscalls.$current.withValue(failing) {
      var reader = ChunkReader(try InputFile.open(path), chunkSize: 7)
      var read = 0
      #expect(throws: IOError(.file(path), .read, .ioError)) {
        while try reader.next() != nil { read += 1 }
      }
      #expect(read == 14, "two chunks, then the error")
    }
  }

  @Test("a limit refuses input past it and says how much was read")
  func limit() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let path = folder.file("input.txt")
    try String(repeating: "x", count: 200_000).write(
      toFile: path, atomically: false, encoding: .utf8)
    #expect(try InputFile.readAll(path, limit: 200_000).count == 200_000)
    do {
      _ = try InputFile.readAll(path, limit: 100_000)
      Issue.record("a file over the limit was read")
    } catch {
      guard case .tooLarge(let bytes)? = error.refusal else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(bytes > 100_000)
      #expect(error.errno == .fileTooLarge)
    }
  }

  @Test("a missing file is an open error with the path")
  func missingFile() throws {
    #expect(throws: IOError(.file("/nonexistent/x"), .open, .noSuchFileOrDirectory)) {
      try InputFile.open("/nonexistent/x")
    }
  }
}

@Suite("Writing")
struct WritingTests {
  @Test("EINTR on write is retried and a short write is completed")
  func interruptedAndShortWrites() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let path = folder.file("output.txt")
    let calls = Counter()
    let fake = table(write: { (fd, buffer) throws(Errno) in
      if calls.next() % 2 == 1 { throw .interrupted }
      // At most 5 bytes per call: every write is short.
      return try Syscalls.live.write(fd, UnsafeRawBufferPointer(rebasing: buffer.prefix(5)))
    })
    let text = "Every byte arrives, whatever the kernel does.\n"
    try Syscalls.$current.withValue(fake) {
      let output = BufferedOutput(
        file: try AtomicFile.create(at: path, replacing: false))
      try output.write(text)
      try output.line("second line")
      try output.finish()
    }
    #expect(try contents(path) == text + "second line\n")
    #expect(calls.value > 20)
  }

  @Test("a failed write to /dev/full is an IOError with ENOSPC")
  func deviceFull() throws {
    let fd = open("/dev/full", O_WRONLY | O_CLOEXEC)
    try #require(fd >= 0)
    defer { close(fd) }
    let output = BufferedOutput(
      descriptor: FileDescriptor(rawValue: fd), naming: .file("/dev/full"))
    try output.line("this cannot fit")
    #expect(throws: IOError(.file("/dev/full"), .write, .noSpace)) { try output.finish() }
    #expect(
      IOError(.file("brief.html"), .write, .noSpace).description
        == "Cannot write 'brief.html': No space left on device.")
    #expect(
      IOError(.standardOutput, .write, .noSpace).description
        == "Cannot write to standard output: No space left on device.")
  }

  @Test("the buffer is written in 64 KiB pieces, not gathered whole")
  func flatMemory() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let path = folder.file("big.txt")
    let largest = Mutex(0)
    let fake = table(write: { (fd, buffer) throws(Errno) in
      largest.withLock { $0 = max($0, buffer.count) }
      return try Syscalls.live.write(fd, buffer)
    })
    let line = String(repeating: "y", count: 99)
    try Syscalls.$current.withValue(fake) {
      let output = BufferedOutput(file: try AtomicFile.create(at: path, replacing: false))
      for _ in 0..<10_000 { try output.line(line) }
      try output.finish()
    }
    #expect(try FileStatus.of(path)?.size == 1_000_000)
    #expect(largest.withLock { $0 } < BufferedOutput.capacity + 100)
  }
}

@Suite("AtomicFile")
struct AtomicFileTests {
  @Test("a new file is created 0600 and no temporary file is left")
  func createsPrivateFile() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let path = folder.file("report.md")
    let previous = umask(0o022)
    defer { umask(previous) }
    try AtomicFile.write("# Report\n", to: path, replacing: false)
    #expect(try contents(path) == "# Report\n")
    #expect(try mode(path) == 0o600)
    #expect(try folder.names() == ["report.md"])
  }

  @Test("the old file survives a failed write, and the temporary file is removed")
  func oldFileSurvives() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let path = folder.file("export.json")
    try "the good export".write(toFile: path, atomically: false, encoding: .utf8)
    let fake = table(write: { (_, _) throws(Errno) in throw .noSpace })
    #expect(throws: IOError(.file(path), .write, .noSpace)) {
      try Syscalls.$current.withValue(fake) {
        try AtomicFile.write("the new export", to: path, replacing: true)
      }
    }
    #expect(try contents(path) == "the good export")
    #expect(try folder.names() == ["export.json"])

    // A failed flush to the disk leaves it too.
    var failingSync = Syscalls.live
    failingSync.fsync = { (_) throws(Errno) in throw .ioError }
    #expect(throws: IOError(.file(path), .fsync, .ioError)) {
      try Syscalls.$current.withValue(failingSync) {
        try AtomicFile.write("the new export", to: path, replacing: true)
      }
    }
    #expect(try contents(path) == "the good export")
    #expect(try folder.names() == ["export.json"])

    // And so does a file dropped without commit.
    do {
      let file = try AtomicFile.create(at: path, replacing: true)
      try file.write("half")
    }
    #expect(try contents(path) == "the good export")
    #expect(try folder.names() == ["export.json"])
  }

  @Test("an existing file is replaced only when replacing is allowed, and becomes 0600")
  func existing() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let path = folder.file("backup.md")
    try "old".write(toFile: path, atomically: false, encoding: .utf8)
    #expect(chmod(path, 0o644) == 0)
    #expect(throws: IOError(.file(path), .replace, refusal: .exists)) {
      try AtomicFile.write("new", to: path, replacing: false)
    }
    #expect(try contents(path) == "old")
    try AtomicFile.write("new", to: path, replacing: true)
    #expect(try contents(path) == "new")
    #expect(try mode(path) == 0o600)
    #expect(try folder.names() == ["backup.md"])
  }

  @Test("a symbolic link is refused; its target keeps its content and mode")
  func symbolicLink() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let target = folder.file("precious.txt")
    try "keep me".write(toFile: target, atomically: false, encoding: .utf8)
    #expect(chmod(target, 0o644) == 0)
    let link = folder.file("report.md")
    #expect(symlink(target, link) == 0)
    for replacing in [false, true] {
      #expect(throws: IOError(.file(link), .replace, refusal: .symbolicLink)) {
        try AtomicFile.write("overwritten", to: link, replacing: replacing)
      }
    }
    #expect(try contents(target) == "keep me")
    #expect(try mode(target) == 0o644)
    #expect(try folder.names() == ["precious.txt", "report.md"])
  }

  @Test("the journal and its -wal, -shm, -journal are refused, by identity and by path")
  func protectedFiles() throws {
    let folder = try Folder()
    defer { folder.remove() }
    let journal = folder.file("journal.sqlite")
    try "SQLite format 3".write(toFile: journal, atomically: false, encoding: .utf8)
    try "log".write(toFile: journal + "-wal", atomically: false, encoding: .utf8)
    #expect(link(journal, folder.file("hardlink.sqlite")) == 0)
    #expect(symlink(journal, folder.file("symlink.sqlite")) == 0)
    let protected = AtomicFile.journalFiles(journal)
    let attempts: [(String, String)] = [
      (journal, journal),
      (folder.path + "/./journal.sqlite", journal),
      (folder.file("hardlink.sqlite"), journal),
      (folder.file("symlink.sqlite"), journal),
      (journal + "-wal", journal + "-wal"),
      (journal + "-shm", journal + "-shm"),  // does not exist: compared by resolved path
      (
        folder.path + "/../" + (folder.path as NSString).lastPathComponent
          + "/journal.sqlite-journal",
        journal + "-journal"
      ),
    ]
    for (target, named) in attempts {
      #expect(throws: IOError(.file(target), .replace, refusal: .protectedFile(named))) {
        try AtomicFile.write("report", to: target, replacing: true, protecting: protected)
      }
    }
    #expect(try contents(journal) == "SQLite format 3")
    #expect(try contents(journal + "-wal") == "log")
    #expect(!FileManager.default.fileExists(atPath: journal + "-shm"))
    #expect(
      try folder.names()
        == ["hardlink.sqlite", "journal.sqlite", "journal.sqlite-wal", "symlink.sqlite"])
    // Any other file is fine.
    try AtomicFile.write(
      "report", to: folder.file("report.md"), replacing: false, protecting: protected)
  }

  @Test("a folder or a device is not a regular file")
  func notRegular() throws {
    let folder = try Folder()
    defer { folder.remove() }
    #expect(throws: IOError(.file(folder.path), .replace, refusal: .notRegularFile)) {
      try AtomicFile.write("x", to: folder.path, replacing: true)
    }
    #expect(throws: IOError(.file("/dev/null"), .replace, refusal: .notRegularFile)) {
      try AtomicFile.write("x", to: "/dev/null", replacing: true)
    }
    #expect(throws: IOError.self) {
      try AtomicFile.write("x", to: folder.file("missing/report.md"), replacing: false)
    }
    #expect(try folder.names() == [])
  }
}

@Suite("Platform")
struct PlatformTests {
  @Test("a shell command's status in words")
  func shellStatus() throws {
    #expect(try Shell.run("exit 0") == .exited(0))
    #expect(try Shell.run("exit 3") == .exited(3))
    #expect(Shell.Status.exited(3).description == "exited with status 3")
    let missing = try Shell.run("no-such-editor-\(UInt32.random(in: 0...UInt32.max)) 2>/dev/null")
    #expect(missing == .exited(127))
    #expect(missing.description == "was not found (the shell exited with status 127)")
    #expect(Shell.Status.signalled(9).description == "was ended by signal 9")
    #expect(try Shell.run("kill -9 $$") == .signalled(9))
  }

  @Test("a scratch folder is private and removed with its files")
  func scratch() throws {
    let scratch = try ScratchDirectory(prefix: "journal-io-test")
    #expect(try FileStatus.of(scratch.path)?.kind == .directory)
    #expect(try mode(scratch.path) == 0o700)
    try FileSystem.createFile(scratch.file("a"))
    scratch.remove(files: ["a", "b"])
    #expect(try FileStatus.of(scratch.path) == nil)
  }

  @Test("a temporary file holds its contents, mode 0600")
  func temporaryFile() throws {
    let path = try TemporaryFile.create(
      prefix: "journal-io-test", suffix: ".txt", contents: "draft")
    defer { try? FileSystem.removeFile(path) }
    #expect(path.hasSuffix(".txt"))
    #expect(try contents(path) == "draft")
    #expect(try mode(path) == 0o600)
  }

  @Test("split and resolve paths")
  func paths() {
    #expect(FileSystem.split("a/b/c") == ("a/b", "c"))
    #expect(FileSystem.split("c") == (".", "c"))
    #expect(FileSystem.split("/c") == ("/", "c"))
    #expect(FileSystem.resolvedPath("/nonexistent-folder/x") == nil)
  }

  @Test("today is a plausible local date")
  func today() throws {
    let today = try #require(LocalTime.today())
    #expect(today.year >= 2024 && (1...12).contains(today.month) && (1...31).contains(today.day))
  }
}
