#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The system calls that move bytes, as a table of closures: the live table calls the C
/// library, and tests swap in a table that fails on purpose (EINTR, a short write, EIO) with
/// `Syscalls.$current.withValue(…)`, which affects only the task that sets it.
///
/// Each entry makes exactly one attempt and reports failure as the `Errno` it got; retrying
/// EINTR and completing short writes are done once, above this table.
struct Syscalls: Sendable {
  /// `read(2)` into the buffer; 0 is the end of the file.
  var read: @Sendable (CInt, UnsafeMutableRawBufferPointer) throws(Errno) -> Int
  /// `write(2)` from the buffer; may write fewer bytes than given.
  var write: @Sendable (CInt, UnsafeRawBufferPointer) throws(Errno) -> Int
  /// `open(2)` with flags and a creation mode.
  var open: @Sendable (String, CInt, mode_t) throws(Errno) -> CInt
  /// `close(2)`.
  var close: @Sendable (CInt) throws(Errno) -> Void
  /// `fsync(2)`.
  var fsync: @Sendable (CInt) throws(Errno) -> Void
  /// `rename(2)`.
  var rename: @Sendable (String, String) throws(Errno) -> Void

  /// The table in use for the current task: ``live`` unless a test replaced it.
  @TaskLocal static var current = Syscalls.live

  /// The C library's calls.
  static let live = Syscalls(
    read: { (fd, buffer) throws(Errno) in
      let count = systemRead(fd, buffer.baseAddress, buffer.count)
      guard count >= 0 else { throw Errno.current }
      return count
    },
    write: { (fd, buffer) throws(Errno) in
      let count = systemWrite(fd, buffer.baseAddress, buffer.count)
      guard count >= 0 else { throw Errno.current }
      return count
    },
    open: { (path, flags, mode) throws(Errno) in
      let fd = systemOpen(path, flags, mode)
      guard fd >= 0 else { throw Errno.current }
      return fd
    },
    close: { (fd) throws(Errno) in
      guard systemClose(fd) == 0 else { throw Errno.current }
    },
    fsync: { (fd) throws(Errno) in
      guard systemFsync(fd) == 0 else { throw Errno.current }
    },
    rename: { (from, to) throws(Errno) in
      guard systemRename(from, to) == 0 else { throw Errno.current }
    }
  )
}

extension Errno {
  /// The calling thread's `errno`.
  static var current: Errno { Errno(rawValue: errno) }
}

/// Runs `body` again while it fails with EINTR (a signal arrived before any byte moved), as
/// swift-system's `retryOnInterrupt` does.
@inline(__always)
func retryingInterrupts<T>(
  _ retry: Bool = true, _ body: () throws(Errno) -> T
) throws(Errno) -> T {
  while true {
    do {
      return try body()
    } catch .interrupted where retry {
      continue
    }
  }
}

// The C functions under names that do not collide with the table's closures.

private func systemRead(_ fd: CInt, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}

private func systemWrite(_ fd: CInt, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  write(fd, buffer, count)
}

private func systemOpen(_ path: String, _ flags: CInt, _ mode: mode_t) -> CInt {
  open(path, flags, mode)
}

private func systemClose(_ fd: CInt) -> CInt { close(fd) }

private func systemFsync(_ fd: CInt) -> CInt { fsync(fd) }

private func systemRename(_ from: String, _ to: String) -> CInt { rename(from, to) }
