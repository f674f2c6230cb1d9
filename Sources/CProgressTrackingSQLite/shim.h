#ifndef C_PROGRESS_TRACKING_SQLITE_SHIM_H
#define C_PROGRESS_TRACKING_SQLITE_SHIM_H

#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro casting -1 to a function pointer, which Swift does not import.
// Binding with it makes SQLite copy the bytes before the call returns.
static inline sqlite3_destructor_type progress_tracking_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif
