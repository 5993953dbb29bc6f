#if canImport(Glibc)
  import Glibc
#endif

/// Process-wide allocator tuning.
enum Memory {
  /// glibc gives memory at the top of the heap back to the kernel as soon as 128 KiB of it is
  /// free. SQLite frees a statement's savepoint there after every statement of a write
  /// transaction, so an import spent a quarter of its time in brk(2) shrinking and regrowing
  /// the heap (75,000 calls for 20,000 entries). Keeping up to 1 MiB of it ends that churn and
  /// costs at most that much resident memory.
  ///
  /// `mallopt` is not in Swift's Glibc module, so it is looked up by name; elsewhere (macOS,
  /// musl) this does nothing.
  static func keepFreedHeap() {
    #if canImport(Glibc)
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD in <malloc.h>
      let topPad: Int32 = -2  // M_TOP_PAD
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
      _ = mallopt(trimThreshold, 1 << 20)
      _ = mallopt(topPad, 1 << 20)
    #endif
  }
}
