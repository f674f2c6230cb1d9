#include "c_baseline.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The statements of Query.swift, text for text.
#define NOW "(julianday('now') - 2440587.5) * 86400.0"

enum query { Q_SET_ID, Q_INSERT_SET, Q_INSERT_TRACKER, Q_TRACKERS, Q_TRACKER, Q_INCREMENT, Q_COUNT_ITEM, Q_OVERALL, Q_STATUS,
             Q_BEGIN, Q_COMMIT, Q_COUNT };

static const char *const query_sql[Q_COUNT] = {
    [Q_SET_ID] = "SELECT id FROM tracker_set WHERE name = ?1",
    [Q_INSERT_SET] = "INSERT INTO tracker_set (name, created_at, updated_at) VALUES (?1, " NOW ", " NOW ") "
                     "ON CONFLICT (name) DO NOTHING",
    [Q_INSERT_TRACKER] = "INSERT INTO tracker (set_id, name, total, weight, created_at, updated_at)\n"
                         "VALUES (?1, ?2, ?3, ?4, " NOW ", " NOW ") RETURNING id",
    [Q_TRACKERS] = "SELECT id, name FROM tracker WHERE set_id = ?1 ORDER BY id",
    [Q_TRACKER] = "SELECT current, total, weight, fraction FROM tracker_progress WHERE id = ?1",
    [Q_INCREMENT] = "UPDATE tracker SET current = current + ?2, updated_at = " NOW " WHERE id = ?1",
    [Q_COUNT_ITEM] = "INSERT INTO tracker_item (tracker_id, key) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
    [Q_OVERALL] = "SELECT overall FROM tracker_set_progress WHERE set_id = ?1",
    [Q_STATUS] = "SELECT p.overall, t.name, t.current, t.total, t.fraction\n"
                 "FROM tracker_set_progress p LEFT JOIN tracker_progress t ON t.set_id = p.set_id\n"
                 "WHERE p.set_id = ?1 ORDER BY t.id",
    [Q_BEGIN] = "BEGIN IMMEDIATE",
    [Q_COMMIT] = "COMMIT",
};

struct tracker_status {
    char *name;
    int64_t current, total;
    double percent;
};

struct cb_db {
    sqlite3 *handle;
    sqlite3_stmt *statements[Q_COUNT];
    struct tracker_status *status;
    int status_count, status_capacity;
    char error[512];
};

// MARK: - Errors and statements

static int fail(cb_db *db, int rc, const char *what) {
    snprintf(db->error, sizeof db->error, "%s: %s (%d)", what, sqlite3_errmsg(db->handle), rc);
    return rc;
}

const char *cb_error(cb_db *db) { return db->error; }

static int statement(cb_db *db, enum query query, sqlite3_stmt **stmt) {
    if (!db->statements[query]) {
        int rc = sqlite3_prepare_v3(db->handle, query_sql[query], -1, SQLITE_PREPARE_PERSISTENT,
                                    &db->statements[query], NULL);
        if (rc != SQLITE_OK) return fail(db, rc, query_sql[query]);
    }
    *stmt = db->statements[query];
    return SQLITE_OK;
}

/// Steps a statement that returns no row to completion, and resets it.
static int run(cb_db *db, sqlite3_stmt *stmt) {
    int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    return rc == SQLITE_DONE ? SQLITE_OK : fail(db, rc, sqlite3_sql(stmt));
}

static int run_query(cb_db *db, enum query query) {
    sqlite3_stmt *stmt;
    int rc = statement(db, query, &stmt);
    return rc != SQLITE_OK ? rc : run(db, stmt);
}

/// Column 0 of the first row of `query` with `id` bound to ?1, into whichever of `integer`
/// and `real` is not NULL.
static int column_by_id(cb_db *db, enum query query, int64_t id, int64_t *integer, double *real) {
    sqlite3_stmt *stmt;
    int rc = statement(db, query, &stmt);
    if (rc) return rc;
    sqlite3_bind_int64(stmt, 1, id);
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW && integer) *integer = sqlite3_column_int64(stmt, 0);
    if (rc == SQLITE_ROW && real) *real = sqlite3_column_double(stmt, 0);
    sqlite3_reset(stmt);
    return rc == SQLITE_ROW ? SQLITE_OK : fail(db, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, query_sql[query]);
}

static int exec(cb_db *db, const char *sql) {
    int rc = sqlite3_exec(db->handle, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? rc : fail(db, rc, sql);
}

static int user_version(cb_db *db, int *version) {
    sqlite3_stmt *stmt;
    int rc = sqlite3_prepare_v2(db->handle, "PRAGMA user_version", -1, &stmt, NULL);
    if (rc != SQLITE_OK) return fail(db, rc, "PRAGMA user_version");
    rc = sqlite3_step(stmt);
    *version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW ? SQLITE_OK : fail(db, rc, "PRAGMA user_version");
}

// MARK: - Opening

int cb_open(const char *path, int full_durability, const char *const *migrations, int migration_count, cb_db **out) {
    cb_db *db = calloc(1, sizeof *db);
    *out = db;
    int rc = sqlite3_open_v2(path, &db->handle,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
    if (rc != SQLITE_OK) return fail(db, rc, path);
    sqlite3_busy_timeout(db->handle, 5000);
    int version;
    if ((rc = user_version(db, &version))) return rc;
    if ((rc = exec(db, "PRAGMA foreign_keys = ON"))) return rc;
    if ((rc = exec(db, "PRAGMA journal_mode = WAL"))) return rc;
    if ((rc = exec(db, full_durability ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL"))) return rc;
    for (int i = version; i < migration_count; i++) {
        char record[64];
        snprintf(record, sizeof record, "PRAGMA user_version = %d", i + 1);
        if ((rc = run_query(db, Q_BEGIN)) || (rc = exec(db, migrations[i])) || (rc = exec(db, record)) ||
            (rc = run_query(db, Q_COMMIT)))
            return rc;
    }
    return SQLITE_OK;
}

static void clear_status(cb_db *db) {
    for (int i = 0; i < db->status_count; i++) free(db->status[i].name);
    db->status_count = 0;
}

void cb_close(cb_db *db) {
    clear_status(db);
    free(db->status);
    for (int i = 0; i < Q_COUNT; i++) sqlite3_finalize(db->statements[i]);
    sqlite3_close(db->handle);
    free(db);
}

// MARK: - Sets and trackers

static int set_id(cb_db *db, const char *name, int64_t *id, int *found) {
    sqlite3_stmt *stmt;
    int rc = statement(db, Q_SET_ID, &stmt);
    if (rc) return rc;
    sqlite3_bind_text(stmt, 1, name, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(stmt);
    *found = rc == SQLITE_ROW;
    if (*found) *id = sqlite3_column_int64(stmt, 0);
    sqlite3_reset(stmt);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : fail(db, rc, "set id");
}

int cb_tracker_set(cb_db *db, const char *name, int64_t *id) {
    int found, rc = set_id(db, name, id, &found);
    if (rc || found) return rc;
    sqlite3_stmt *stmt;
    if ((rc = statement(db, Q_INSERT_SET, &stmt))) return rc;
    sqlite3_bind_text(stmt, 1, name, -1, SQLITE_TRANSIENT);
    if ((rc = run(db, stmt))) return rc;
    return set_id(db, name, id, &found);
}

int cb_create_trackers(cb_db *db, int64_t set_id, const char *prefix, int count, int64_t total) {
    sqlite3_stmt *stmt;
    int rc = statement(db, Q_INSERT_TRACKER, &stmt);
    if (rc || (rc = run_query(db, Q_BEGIN))) return rc;
    for (int i = 0; i < count; i++) {
        char name[64];
        snprintf(name, sizeof name, "%s%d", prefix, i);
        sqlite3_bind_int64(stmt, 1, set_id);
        sqlite3_bind_text(stmt, 2, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(stmt, 3, total);
        sqlite3_bind_null(stmt, 4);
        if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) return fail(db, rc, "insert tracker");
        int64_t id = sqlite3_column_int64(stmt, 0);
        if ((rc = run(db, stmt)) || (rc = cb_increment(db, id, i % 150, 1))) return rc;
    }
    return run_query(db, Q_COMMIT);
}

int cb_first_tracker(cb_db *db, int64_t set_id, int64_t *tracker_id) {
    return column_by_id(db, Q_TRACKERS, set_id, tracker_id, NULL);
}

const char *cb_sqlite_version(void) { return sqlite3_libversion(); }

// MARK: - Counting

static int increment(cb_db *db, sqlite3_stmt *stmt, int64_t tracker_id, int64_t amount) {
    sqlite3_bind_int64(stmt, 1, tracker_id);
    sqlite3_bind_int64(stmt, 2, amount);
    int rc = run(db, stmt);
    if (rc == SQLITE_OK && sqlite3_changes(db->handle) == 0) return fail(db, SQLITE_NOTFOUND, "no such tracker");
    return rc;
}

int cb_increment(cb_db *db, int64_t tracker_id, int64_t amount, int count) {
    sqlite3_stmt *stmt;
    int rc = statement(db, Q_INCREMENT, &stmt);
    for (int i = 0; rc == SQLITE_OK && i < count; i++) rc = increment(db, stmt, tracker_id, amount);
    return rc;
}

int cb_increment_batches(cb_db *db, int64_t tracker_id, int batches, int batch_size) {
    sqlite3_stmt *stmt;
    int rc = statement(db, Q_INCREMENT, &stmt);
    for (int b = 0; rc == SQLITE_OK && b < batches; b++) {
        if ((rc = run_query(db, Q_BEGIN))) return rc;
        for (int i = 0; rc == SQLITE_OK && i < batch_size; i++) rc = increment(db, stmt, tracker_id, 1);
        if (rc == SQLITE_OK) rc = run_query(db, Q_COMMIT);
    }
    return rc;
}

int cb_count_items(cb_db *db, int64_t tracker_id, int64_t first, int count, int batch_size) {
    sqlite3_stmt *stmt;
    int rc = statement(db, Q_COUNT_ITEM, &stmt);
    for (int i = 0; rc == SQLITE_OK && i < count; i++) {
        if (batch_size && i % batch_size == 0 && (rc = run_query(db, Q_BEGIN))) return rc;
        char key[32];
        int length = snprintf(key, sizeof key, "item-%lld", (long long)(first + i));
        sqlite3_bind_int64(stmt, 1, tracker_id);
        sqlite3_bind_text(stmt, 2, key, length, SQLITE_TRANSIENT);
        if ((rc = run(db, stmt))) return rc;
        if (sqlite3_changes(db->handle) != 1) return fail(db, SQLITE_CONSTRAINT, "item counted twice");
        if (batch_size && (i % batch_size == batch_size - 1 || i == count - 1)) rc = run_query(db, Q_COMMIT);
    }
    return rc;
}

// MARK: - Progress

int cb_overall(cb_db *db, int64_t set_id, double *overall) {
    return column_by_id(db, Q_OVERALL, set_id, NULL, overall);
}

int cb_status(cb_db *db, int64_t set_id, double *overall, int *tracker_count, int64_t *current_sum) {
    sqlite3_stmt *stmt;
    int rc = statement(db, Q_STATUS, &stmt);
    if (rc) return rc;
    clear_status(db);
    *current_sum = 0;
    sqlite3_bind_int64(stmt, 1, set_id);
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        *overall = sqlite3_column_double(stmt, 0);
        if (sqlite3_column_type(stmt, 1) == SQLITE_NULL) continue;  // an empty set's one row
        if (db->status_count == db->status_capacity) {
            db->status_capacity = db->status_capacity ? 2 * db->status_capacity : 16;
            db->status = realloc(db->status, db->status_capacity * sizeof *db->status);
        }
        struct tracker_status *status = &db->status[db->status_count++];
        status->name = strdup((const char *)sqlite3_column_text(stmt, 1));
        status->current = sqlite3_column_int64(stmt, 2);
        status->total = sqlite3_column_int64(stmt, 3);
        status->percent = 100 * sqlite3_column_double(stmt, 4);
        *current_sum += status->current;
    }
    sqlite3_reset(stmt);
    *tracker_count = db->status_count;
    return rc == SQLITE_DONE ? SQLITE_OK : fail(db, rc, "status");
}

int cb_current(cb_db *db, int64_t tracker_id, int64_t *current) {
    return column_by_id(db, Q_TRACKER, tracker_id, current, NULL);
}
