import CSQLite

/// Process-wide allocator tuning for SQLite's pattern of allocation.
public enum Memory {
  /// glibc gives memory at the top of the heap back to the kernel as soon as 128 KiB of it is
  /// free. SQLite frees a statement's savepoint there after every statement of a write
  /// transaction, so an import spent a quarter of its time in brk(2) shrinking and regrowing
  /// the heap (75,000 calls for 20,000 entries). Keeping up to 1 MiB of it ends that churn and
  /// costs at most that much resident memory. Elsewhere (macOS, musl) this does nothing.
  public static func keepFreedHeap() {
    csqlite_keep_freed_heap()
  }
}
