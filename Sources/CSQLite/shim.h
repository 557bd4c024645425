#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro over a cast that Swift does not import.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

/// sqlite3_config is variadic, which Swift does not import: turns off SQLite's memory statistics, which take a
/// process-wide mutex on every allocation. Call before the first connection opens (SQLITE_MISUSE after).
static inline int csqlite_disable_memory_statistics(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }
