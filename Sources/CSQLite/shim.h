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

// sqlite3_db_config is variadic, which Swift cannot call: one function per setting the
// journal changes. Both return SQLITE_OK or an error code.

// Defensive mode: no writable_schema, no writes to shadow tables, no journal_mode=OFF — the
// ways ordinary SQL could corrupt the file (https://sqlite.org/c3ref/c_dbconfig_defensive.html).
static inline int csqlite_enable_defensive(sqlite3 *db) {
  return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
}

// PRAGMA trusted_schema, without compiling a statement: 0 stops triggers, views and schema
// expressions from calling functions or virtual tables not marked innocuous.
static inline int csqlite_set_trusted_schema(sqlite3 *db, int trusted) {
  return sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, trusted, (int *)0);
}
