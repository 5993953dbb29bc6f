#include <sqlite3.h>
#include <stdlib.h>

// mallopt(3), for JournalStore's Memory.keepFreedHeap. Swift's Glibc module leaves out
// <malloc.h>, and a fully static binary cannot look the function up by name.
#if defined(__GLIBC__)
#include <malloc.h>
#endif

// Keeps up to 1 MiB of freed memory at the top of the heap (see Memory.swift); nothing where
// the C library is not glibc. The platform test lives here so that Swift needs none.
static inline void csqlite_keep_freed_heap(void) {
#if defined(__GLIBC__)
  mallopt(M_TRIM_THRESHOLD, 1 << 20);
  mallopt(M_TOP_PAD, 1 << 20);
#endif
}
