#include <sqlite3.h>
#include <stdlib.h>

// mallopt(3), for JournalStore's Memory.keepFreedHeap. Swift's Glibc module leaves out
// <malloc.h>, and a fully static binary cannot look the function up by name.
#if defined(__GLIBC__)
#include <malloc.h>
#endif
