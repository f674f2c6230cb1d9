#include "minimal.h"

#include "connection.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/// The version the schema below is at; a file at an earlier one gets the tables it lacks.
#define SCHEMA_VERSION 2
#define TEXT(x) #x
#define NUMBER_TEXT(x) TEXT(x)

// The baseline's own design. No CHECK constraints and no STRICT typing: this program checks
// its input before SQLite sees it, so the least work is to let SQLite store and count.
// Foreign keys stay, as a correct design keeps them (a removed tracker takes its keys along).
static const char schema[] =
    "BEGIN IMMEDIATE;\n"
    "CREATE TABLE IF NOT EXISTS tracker_set (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);\n"
    "CREATE TABLE IF NOT EXISTS tracker (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    set_id INTEGER NOT NULL REFERENCES tracker_set (id) ON DELETE CASCADE,\n"
    "    name TEXT NOT NULL,\n"
    "    current INTEGER NOT NULL DEFAULT 0,\n"
    "    total INTEGER NOT NULL,\n"
    "    weight REAL,\n"
    "    UNIQUE (set_id, name)\n"
    ");\n"
    "CREATE TABLE IF NOT EXISTS tracker_item (\n"
    "    tracker_id INTEGER NOT NULL REFERENCES tracker (id) ON DELETE CASCADE,\n"
    "    key TEXT NOT NULL,\n"
    "    PRIMARY KEY (tracker_id, key)\n"
    ") WITHOUT ROWID;\n"
    // Failed items (issue 13): one row per key however often it failed, with the last reason.
    "CREATE TABLE IF NOT EXISTS tracker_failure (\n"
    "    tracker_id INTEGER NOT NULL REFERENCES tracker (id) ON DELETE CASCADE,\n"
    "    key TEXT NOT NULL,\n"
    "    reason TEXT NOT NULL,\n"
    "    attempts INTEGER NOT NULL,\n"
    "    first_at REAL NOT NULL,\n"
    "    last_at REAL NOT NULL,\n"
    "    PRIMARY KEY (tracker_id, key)\n"
    ") WITHOUT ROWID;\n"
    "PRAGMA user_version = " NUMBER_TEXT(SCHEMA_VERSION) ";\n"
    "COMMIT;";

// The seed's overall: Σ wᵢ·fᵢ / Σ wᵢ in percent, fᵢ = min(current, total) / total (1 for a
// total of 0), wᵢ the weight or else the total; an empty set is at 0; when the weights add up
// to 0, at 100 if every tracker is complete, else at 0. TOTAL, not SUM: never NULL, never an
// integer overflow; SQLite evaluates the repeated TOTAL(...) once.
#define WEIGHT "COALESCE(weight, total)"
#define FRACTION "CASE WHEN current >= total THEN 1.0 ELSE CAST(current AS REAL) / total END"

enum query { Q_SET_ID, Q_INSERT_SET, Q_INSERT_TRACKER, Q_FIRST_TRACKER, Q_CURRENT, Q_INCREMENT, Q_INSERT_ITEM,
             Q_FAIL_ITEM, Q_FAILURE_COUNT, Q_OVERALL, Q_STATUS, Q_BEGIN, Q_BEGIN_READ, Q_COMMIT, Q_ROLLBACK, Q_COUNT };

static const char *const query_sql[Q_COUNT] = {
    [Q_SET_ID] = "SELECT id FROM tracker_set WHERE name = ?1",
    [Q_INSERT_SET] = "INSERT INTO tracker_set (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
    [Q_INSERT_TRACKER] = "INSERT INTO tracker (set_id, name, current, total) VALUES (?1, ?2, ?3, ?4)",
    [Q_FIRST_TRACKER] = "SELECT MIN(id) FROM tracker WHERE set_id = ?1",
    [Q_CURRENT] = "SELECT current FROM tracker WHERE id = ?1",
    [Q_INCREMENT] = "UPDATE tracker SET current = current + ?2 WHERE id = ?1",
    [Q_INSERT_ITEM] = "INSERT INTO tracker_item (tracker_id, key) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
    // A counted item cannot fail: the NOT EXISTS stores nothing for it. One statement, its
    // own transaction: the upsert is the whole feature.
    [Q_FAIL_ITEM] = "INSERT INTO tracker_failure (tracker_id, key, reason, attempts, first_at, last_at)\n"
                    "SELECT ?1, ?2, ?3, 1, ?4, ?4\n"
                    "WHERE NOT EXISTS (SELECT 1 FROM tracker_item WHERE tracker_id = ?1 AND key = ?2)\n"
                    "ON CONFLICT (tracker_id, key) DO UPDATE SET\n"
                    "    attempts = attempts + 1, last_at = excluded.last_at, reason = excluded.reason",
    [Q_FAILURE_COUNT] = "SELECT COUNT(*) FROM tracker_failure WHERE tracker_id = ?1",
    [Q_OVERALL] = "SELECT CASE\n"
                  "    WHEN COUNT(*) = 0 THEN 0.0\n"
                  "    WHEN TOTAL(" WEIGHT ") > 0 THEN 100.0 * TOTAL(" WEIGHT " * " FRACTION ") / TOTAL(" WEIGHT ")\n"
                  "    WHEN MIN(current >= total) = 1 THEN 100.0\n"
                  "    ELSE 0.0\n"
                  "END FROM tracker WHERE set_id = ?1",
    [Q_STATUS] = "SELECT name, current, total FROM tracker WHERE set_id = ?1 ORDER BY id",
    [Q_BEGIN] = "BEGIN IMMEDIATE",
    [Q_BEGIN_READ] = "BEGIN",
    [Q_COMMIT] = "COMMIT",
    [Q_ROLLBACK] = "ROLLBACK",
};

/// One tracker of a status read; the name is at `name` in the names buffer.
struct tracker_status {
    size_t name;
    int64_t current, total;
    double percent;
};

struct mb_db {
    struct connection cn;
    struct tracker_status *status;
    int status_count, status_capacity;
    // The status's names, one after another, so that a read copies them without a malloc each.
    char *names;
    size_t names_used, names_capacity;
};

// MARK: - Errors and transactions

const char *mb_error(mb_db *db) { return db->cn.error; }
const char *mb_sqlite_version(void) { return sqlite3_libversion(); }

/// Commits when `rc` is SQLITE_OK, else rolls back; returns `rc`.
static int end(mb_db *db, int rc) {
    if (rc == SQLITE_OK) return cn_run_query(&db->cn, Q_COMMIT);
    if (!sqlite3_get_autocommit(db->cn.handle)) cn_run_query(&db->cn, Q_ROLLBACK);
    return rc;
}

// MARK: - Opening

int mb_open(const char *path, int full_durability, mb_db **out) {
    mb_db *db = calloc(1, sizeof *db);
    *out = db;
    int version, rc;
    if ((rc = cn_open(&db->cn, path, full_durability, query_sql, Q_COUNT)) || (rc = cn_user_version(&db->cn, &version)) ||
        version >= SCHEMA_VERSION)
        return rc;
    // IF NOT EXISTS: two processes may both find the file empty; the second creates nothing.
    if ((rc = cn_exec(&db->cn, schema)) && !sqlite3_get_autocommit(db->cn.handle)) cn_exec(&db->cn, "ROLLBACK");
    return rc;
}

void mb_close(mb_db *db) {
    free(db->status);
    free(db->names);
    cn_close(&db->cn);
    free(db);
}

// MARK: - Sets and trackers

int mb_tracker_set(mb_db *db, const char *name, int64_t *id) {
    sqlite3_stmt *insert, *select;
    int rc;
    if ((rc = cn_statement(&db->cn, Q_INSERT_SET, &insert)) || (rc = cn_statement(&db->cn, Q_SET_ID, &select))) return rc;
    sqlite3_bind_text(insert, 1, name, -1, SQLITE_STATIC);
    if ((rc = cn_run(&db->cn, insert))) return rc;
    sqlite3_bind_text(select, 1, name, -1, SQLITE_STATIC);
    rc = sqlite3_step(select);
    if (rc == SQLITE_ROW) *id = sqlite3_column_int64(select, 0);
    sqlite3_reset(select);
    return rc == SQLITE_ROW ? SQLITE_OK : cn_fail(&db->cn, rc, "set id");
}

int mb_create_trackers(mb_db *db, int64_t set_id, const char *prefix, int count, int64_t total) {
    sqlite3_stmt *stmt;
    int rc;
    if ((rc = cn_statement(&db->cn, Q_INSERT_TRACKER, &stmt)) || (rc = cn_run_query(&db->cn, Q_BEGIN))) return rc;
    for (int i = 0; rc == SQLITE_OK && i < count; i++) {
        char name[64];
        int length = snprintf(name, sizeof name, "%s%d", prefix, i);
        sqlite3_bind_int64(stmt, 1, set_id);
        sqlite3_bind_text(stmt, 2, name, length, SQLITE_STATIC);
        sqlite3_bind_int64(stmt, 3, i % 150);
        sqlite3_bind_int64(stmt, 4, total);
        rc = cn_run(&db->cn, stmt);
    }
    return end(db, rc);
}

int mb_first_tracker(mb_db *db, int64_t set_id, int64_t *tracker_id) {
    return cn_column(&db->cn, Q_FIRST_TRACKER, set_id, tracker_id, NULL);
}

// MARK: - Counting

/// The one UPDATE; a tracker that is not there changes no row.
static int add(mb_db *db, sqlite3_stmt *increment, int64_t tracker_id, int64_t amount) {
    sqlite3_bind_int64(increment, 1, tracker_id);
    sqlite3_bind_int64(increment, 2, amount);
    int rc = cn_run(&db->cn, increment);
    return rc || sqlite3_changes(db->cn.handle) ? rc : cn_fail(&db->cn, SQLITE_NOTFOUND, "no such tracker");
}

int mb_increment(mb_db *db, int64_t tracker_id, int64_t amount, int count) {
    sqlite3_stmt *increment;
    int rc = cn_statement(&db->cn, Q_INCREMENT, &increment);
    for (int i = 0; rc == SQLITE_OK && i < count; i++) rc = add(db, increment, tracker_id, amount);
    return rc;
}

int mb_increment_batches(mb_db *db, int64_t tracker_id, int batches, int batch_size) {
    sqlite3_stmt *increment;
    int rc = cn_statement(&db->cn, Q_INCREMENT, &increment);
    for (int b = 0; rc == SQLITE_OK && b < batches; b++) {
        if ((rc = cn_run_query(&db->cn, Q_BEGIN))) return rc;
        for (int i = 0; rc == SQLITE_OK && i < batch_size; i++) rc = add(db, increment, tracker_id, 1);
        rc = end(db, rc);
    }
    return rc;
}

int mb_increment_spread(mb_db *db, int64_t first_tracker, int trackers, int count, int batch_size) {
    sqlite3_stmt *increment;
    int rc = cn_statement(&db->cn, Q_INCREMENT, &increment);
    for (int start = 0; rc == SQLITE_OK && start < count; start += batch_size) {
        if ((rc = cn_run_query(&db->cn, Q_BEGIN))) return rc;
        for (int i = start; rc == SQLITE_OK && i < count && i < start + batch_size; i++)
            rc = add(db, increment, first_tracker + i % trackers, 1);
        rc = end(db, rc);
    }
    return rc;
}

/// The key and, when it is new, the count. In the caller's transaction it needs no savepoint
/// of its own: the UPDATE of an existing tracker fails only on I/O or a full disk, which
/// doom the whole transaction anyway.
static int count_item(mb_db *db, sqlite3_stmt *insert, sqlite3_stmt *increment, int64_t tracker_id,
                      const char *key, int length) {
    sqlite3_bind_int64(insert, 1, tracker_id);
    sqlite3_bind_text(insert, 2, key, length, SQLITE_STATIC);
    int rc = cn_run(&db->cn, insert);
    if (rc) return rc;
    if (!sqlite3_changes(db->cn.handle)) return cn_fail(&db->cn, SQLITE_CONSTRAINT, "item counted twice");
    return add(db, increment, tracker_id, 1);
}

int mb_count_items(mb_db *db, int64_t tracker_id, int64_t first, int count, int batch_size) {
    sqlite3_stmt *insert, *increment;
    int rc;
    if ((rc = cn_statement(&db->cn, Q_INSERT_ITEM, &insert)) || (rc = cn_statement(&db->cn, Q_INCREMENT, &increment))) return rc;
    // Autocommit counting is a transaction per key: the key and its count commit together.
    int size = batch_size ? batch_size : 1;
    for (int start = 0; rc == SQLITE_OK && start < count; start += size) {
        if ((rc = cn_run_query(&db->cn, Q_BEGIN))) return rc;
        for (int i = start; rc == SQLITE_OK && i < count && i < start + size; i++) {
            char key[32];
            int length = snprintf(key, sizeof key, "item-%lld", (long long)(first + i));
            rc = count_item(db, insert, increment, tracker_id, key, length);
        }
        rc = end(db, rc);
    }
    return rc;
}

int mb_fail_items(mb_db *db, int64_t tracker_id, int64_t first, int count, const char *reason) {
    sqlite3_stmt *fail;
    int rc = cn_statement(&db->cn, Q_FAIL_ITEM, &fail);
    for (int i = 0; rc == SQLITE_OK && i < count; i++) {
        char key[32];
        int length = snprintf(key, sizeof key, "item-%lld", (long long)(first + i));
        struct timespec now;
        clock_gettime(CLOCK_REALTIME, &now);
        sqlite3_bind_int64(fail, 1, tracker_id);
        sqlite3_bind_text(fail, 2, key, length, SQLITE_STATIC);
        sqlite3_bind_text(fail, 3, reason, -1, SQLITE_STATIC);
        sqlite3_bind_double(fail, 4, now.tv_sec + now.tv_nsec * 1e-9);
        if ((rc = cn_run(&db->cn, fail))) return rc;
        if (!sqlite3_changes(db->cn.handle)) return cn_fail(&db->cn, SQLITE_CONSTRAINT, "a counted item cannot fail");
    }
    return rc;
}

int mb_failure_count(mb_db *db, int64_t tracker_id, int64_t *count) {
    return cn_column(&db->cn, Q_FAILURE_COUNT, tracker_id, count, NULL);
}

int mb_current(mb_db *db, int64_t tracker_id, int64_t *current) {
    return cn_column(&db->cn, Q_CURRENT, tracker_id, current, NULL);
}

// MARK: - Progress

int mb_overall(mb_db *db, int64_t set_id, double *overall) {
    return cn_column(&db->cn, Q_OVERALL, set_id, NULL, overall);
}

/// Appends a status row's name to the names buffer; returns its offset.
static size_t keep_name(mb_db *db, const unsigned char *name, int length) {
    if (db->names_used + length + 1 > db->names_capacity) {
        db->names_capacity = 2 * (db->names_used + length + 1);
        db->names = realloc(db->names, db->names_capacity);
    }
    size_t offset = db->names_used;
    memcpy(db->names + offset, name, length);
    db->names[offset + length] = 0;
    db->names_used += length + 1;
    return offset;
}

/// The rows, then the overall, in one read transaction: both from the same snapshot.
int mb_status(mb_db *db, int64_t set_id, double *overall, int *tracker_count, int64_t *current_sum) {
    sqlite3_stmt *stmt;
    int rc;
    if ((rc = cn_statement(&db->cn, Q_STATUS, &stmt)) || (rc = cn_run_query(&db->cn, Q_BEGIN_READ))) return rc;
    db->status_count = 0;
    db->names_used = 0;
    *current_sum = 0;
    sqlite3_bind_int64(stmt, 1, set_id);
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (db->status_count == db->status_capacity) {
            db->status_capacity = db->status_capacity ? 2 * db->status_capacity : 16;
            db->status = realloc(db->status, db->status_capacity * sizeof *db->status);
        }
        struct tracker_status *status = &db->status[db->status_count++];
        status->name = keep_name(db, sqlite3_column_text(stmt, 0), sqlite3_column_bytes(stmt, 0));
        status->current = sqlite3_column_int64(stmt, 1);
        status->total = sqlite3_column_int64(stmt, 2);
        status->percent = status->current >= status->total ? 100 : 100.0 * status->current / status->total;
        *current_sum += status->current;
    }
    sqlite3_reset(stmt);
    rc = rc == SQLITE_DONE ? mb_overall(db, set_id, overall) : cn_fail(&db->cn, rc, "status");
    *tracker_count = db->status_count;
    return end(db, rc);
}
