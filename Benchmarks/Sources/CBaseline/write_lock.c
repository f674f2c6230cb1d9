#include "write_lock.h"

#include <sqlite3.h>
#include <stddef.h>

int wl_hold(const char *path, wl_lock **lock) {
    sqlite3 *db;
    *lock = NULL;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    }
    if (rc != SQLITE_OK) {
        sqlite3_close(db);
        return rc;
    }
    *lock = (wl_lock *)db;
    return SQLITE_OK;
}

void wl_release(wl_lock *lock) {
    sqlite3 *db = (sqlite3 *)lock;
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(db);
}
