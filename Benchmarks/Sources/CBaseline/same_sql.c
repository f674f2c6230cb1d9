#include "same_sql.h"

#include "connection.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

// The statements of Query.swift, text for text.
#define RECORDS_NOTHING(current) "?3 < quiet_until AND (completed_at IS NOT NULL OR " current " < total)"
#define TRACKER_STATUS_COLUMNS \
    "t.current, t.total, t.fraction, t.effective_weight,\n" \
    "m.started_at, r.updated_at, r.completed_at, m.paused_seconds, b.at, b.current"
#define TRACKER_STATUS_JOINS \
    "LEFT JOIN tracker r ON r.id = t.id\n" \
    "LEFT JOIN tracker_timing m ON m.tracker_id = t.id\n" \
    "LEFT JOIN tracker_event b ON b.id = COALESCE(\n" \
    "    (SELECT e.id FROM tracker_event e\n" \
    "     WHERE e.tracker_id = r.id AND e.at >= m.rate_since AND e.at <= r.updated_at - ?2\n" \
    "     ORDER BY e.at DESC, e.id DESC LIMIT 1),\n" \
    "    (SELECT e.id FROM tracker_event e\n" \
    "     WHERE e.tracker_id = r.id AND e.at >= m.rate_since\n" \
    "     ORDER BY e.at, e.id LIMIT 1)\n" \
    ")"

enum query { Q_SET_ID, Q_INSERT_SET, Q_INSERT_TRACKER, Q_TRACKERS, Q_TRACKER, Q_INCREMENT, Q_COUNT_ITEM, Q_OVERALL,
             Q_STATUS, Q_TRACKER_STATE, Q_ADD_COUNT, Q_MARK_TRACKER, Q_RESTART_RATE, Q_INSERT_EVENT, Q_FORGET_ITEM,
             Q_BEGIN, Q_COMMIT, Q_ROLLBACK, Q_SAVEPOINT, Q_RELEASE, Q_ROLLBACK_TO, Q_COUNT };

static const char *const query_sql[Q_COUNT] = {
    [Q_SET_ID] = "SELECT id FROM tracker_set WHERE name = ?1",
    [Q_INSERT_SET] = "INSERT INTO tracker_set (name, created_at, updated_at) VALUES (?1, ?2, ?2) ON CONFLICT (name) DO NOTHING",
    [Q_INSERT_TRACKER] = "INSERT INTO tracker (set_id, name, total, weight, created_at, updated_at)\n"
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?5) RETURNING id",
    [Q_TRACKERS] = "SELECT id, name FROM tracker WHERE set_id = ?1 ORDER BY id",
    [Q_TRACKER] = "SELECT current, total, weight, fraction FROM tracker_progress WHERE id = ?1",
    [Q_INCREMENT] = "UPDATE tracker SET current = current + ?2, updated_at = ?3\n"
                    "WHERE id = ?1 AND " RECORDS_NOTHING("current + ?2"),
    [Q_COUNT_ITEM] = "INSERT INTO tracker_item (tracker_id, key) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
    [Q_OVERALL] = "SELECT overall FROM tracker_set_progress WHERE set_id = ?1",
    [Q_STATUS] = "SELECT p.overall, g.started_at, g.changed_at, g.completed_at, g.paused_seconds,\n"
                 "    t.name, " TRACKER_STATUS_COLUMNS "\n"
                 "FROM tracker_set_progress p\n"
                 "JOIN tracker_set_timing g ON g.set_id = p.set_id\n"
                 "LEFT JOIN tracker_progress t ON t.set_id = p.set_id\n"
                 TRACKER_STATUS_JOINS "\n"
                 "WHERE p.set_id = ?1 ORDER BY t.id",
    [Q_TRACKER_STATE] = "SELECT t.set_id, t.current, t.total, m.started_at, t.completed_at, t.quiet_until, t.updated_at\n"
                        "FROM tracker t LEFT JOIN tracker_timing m ON m.tracker_id = t.id WHERE t.id = ?1",
    [Q_ADD_COUNT] = "UPDATE tracker SET current = current + ?2, updated_at = ?3 WHERE id = ?1",
    [Q_MARK_TRACKER] = "UPDATE tracker SET completed_at = CASE WHEN ?3 THEN ?2 ELSE completed_at END, quiet_until = ?4\n"
                       "WHERE id = ?1",
    [Q_RESTART_RATE] = "INSERT INTO tracker_timing (tracker_id, started_at, rate_since) VALUES (?1, ?2, ?2)\n"
                       "ON CONFLICT (tracker_id) DO UPDATE SET rate_since = excluded.rate_since",
    [Q_FORGET_ITEM] = "DELETE FROM tracker_item WHERE tracker_id = ?1 AND key = ?2",
    [Q_INSERT_EVENT] = "INSERT INTO tracker_event (set_id, tracker_id, tracker, kind, at, current, total)\n"
                       "SELECT set_id, id, name, ?2, ?3, current, total FROM tracker WHERE id = ?1",
    [Q_BEGIN] = "BEGIN IMMEDIATE",
    [Q_COMMIT] = "COMMIT",
    [Q_ROLLBACK] = "ROLLBACK",
    [Q_SAVEPOINT] = "SAVEPOINT nested",
    [Q_RELEASE] = "RELEASE nested",
    [Q_ROLLBACK_TO] = "ROLLBACK TO nested",
};

// The library's Timekeeping.system defaults: a progress sample per second at most, rates over a minute.
static const double sample_interval = 1.0, rate_window = 60.0;

static double now(void) {
    struct timespec time;
    clock_gettime(CLOCK_REALTIME, &time);
    return time.tv_sec + time.tv_nsec / 1e9;
}

/// What the library's TrackerStatus holds; times in Unix seconds, -1 for none.
struct tracker_status {
    char *name;
    int64_t current, total;
    double percent, started_at, updated_at, completed_at, elapsed, rate, eta;
};

struct ss_db {
    struct connection cn;
    struct tracker_status *status;
    int status_count, status_capacity;
    double set_elapsed, set_rate, set_eta;
};

// MARK: - Errors

const char *ss_error(ss_db *db) { return db->cn.error; }

static double column_or(sqlite3_stmt *stmt, int column, double fallback) {
    return sqlite3_column_type(stmt, column) == SQLITE_NULL ? fallback : sqlite3_column_double(stmt, column);
}

// MARK: - Opening

int ss_open(const char *path, int full_durability, const char *const *migrations, int migration_count, ss_db **out) {
    ss_db *db = calloc(1, sizeof *db);
    *out = db;
    int version, rc;
    if ((rc = cn_open(&db->cn, path, full_durability, query_sql, Q_COUNT)) || (rc = cn_user_version(&db->cn, &version)))
        return rc;
    for (int i = version; i < migration_count; i++) {
        char record[64];
        snprintf(record, sizeof record, "PRAGMA user_version = %d", i + 1);
        if ((rc = cn_run_query(&db->cn, Q_BEGIN)) || (rc = cn_exec(&db->cn, migrations[i])) || (rc = cn_exec(&db->cn, record)) ||
            (rc = cn_run_query(&db->cn, Q_COMMIT)))
            return rc;
    }
    return SQLITE_OK;
}

static void clear_status(ss_db *db) {
    for (int i = 0; i < db->status_count; i++) free(db->status[i].name);
    db->status_count = 0;
}

void ss_close(ss_db *db) {
    clear_status(db);
    free(db->status);
    cn_close(&db->cn);
    free(db);
}

// MARK: - Transactions

/// Begins a transaction, or a savepoint inside one, as the library's `Connection.transaction` does.
static int begin(ss_db *db, int *outermost) {
    *outermost = sqlite3_get_autocommit(db->cn.handle);
    return cn_run_query(&db->cn, *outermost ? Q_BEGIN : Q_SAVEPOINT);
}

/// Commits what `begin` began when `rc` is SQLITE_OK, else rolls it back; returns `rc`.
static int end(ss_db *db, int outermost, int rc) {
    if (rc == SQLITE_OK) return cn_run_query(&db->cn, outermost ? Q_COMMIT : Q_RELEASE);
    if (outermost) {
        if (!sqlite3_get_autocommit(db->cn.handle)) cn_run_query(&db->cn, Q_ROLLBACK);
    } else {
        cn_run_query(&db->cn, Q_ROLLBACK_TO);
        cn_run_query(&db->cn, Q_RELEASE);
    }
    return rc;
}

// MARK: - Sets and trackers

static int set_id(ss_db *db, const char *name, int64_t *id, int *found) {
    sqlite3_stmt *stmt;
    int rc = cn_statement(&db->cn, Q_SET_ID, &stmt);
    if (rc) return rc;
    sqlite3_bind_text(stmt, 1, name, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(stmt);
    *found = rc == SQLITE_ROW;
    if (*found) *id = sqlite3_column_int64(stmt, 0);
    sqlite3_reset(stmt);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : cn_fail(&db->cn, rc, "set id");
}

int ss_tracker_set(ss_db *db, const char *name, int64_t *id) {
    int found, rc = set_id(db, name, id, &found);
    if (rc || found) return rc;
    sqlite3_stmt *stmt;
    if ((rc = cn_statement(&db->cn, Q_INSERT_SET, &stmt))) return rc;
    sqlite3_bind_text(stmt, 1, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(stmt, 2, now());
    if ((rc = cn_run(&db->cn, stmt))) return rc;
    return set_id(db, name, id, &found);
}

static int insert_event(ss_db *db, int64_t tracker_id, const char *kind, double time) {
    sqlite3_stmt *stmt;
    int rc = cn_statement(&db->cn, Q_INSERT_EVENT, &stmt);
    if (rc) return rc;
    sqlite3_bind_int64(stmt, 1, tracker_id);
    sqlite3_bind_text(stmt, 2, kind, -1, SQLITE_STATIC);
    sqlite3_bind_double(stmt, 3, time);
    return cn_run(&db->cn, stmt);
}

/// Inserts one tracker with its "created" history row, in one transaction.
static int create_tracker(ss_db *db, int64_t set_id, const char *name, int64_t total, int64_t *id) {
    sqlite3_stmt *stmt;
    int outermost, rc = cn_statement(&db->cn, Q_INSERT_TRACKER, &stmt);
    if (rc || (rc = begin(db, &outermost))) return rc;
    double time = now();
    sqlite3_bind_int64(stmt, 1, set_id);
    sqlite3_bind_text(stmt, 2, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(stmt, 3, total);
    sqlite3_bind_null(stmt, 4);
    sqlite3_bind_double(stmt, 5, time);
    if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
        sqlite3_reset(stmt);
        return end(db, outermost, cn_fail(&db->cn, rc, "insert tracker"));
    }
    *id = sqlite3_column_int64(stmt, 0);
    if ((rc = cn_run(&db->cn, stmt)) == SQLITE_OK) rc = insert_event(db, *id, "created", time);
    return end(db, outermost, rc);
}

static int count_change(ss_db *db, int64_t tracker_id, int64_t amount);

int ss_create_trackers(ss_db *db, int64_t set_id, const char *prefix, int count, int64_t total) {
    int rc = cn_run_query(&db->cn, Q_BEGIN);
    for (int i = 0; rc == SQLITE_OK && i < count; i++) {
        char name[64];
        int64_t id;
        snprintf(name, sizeof name, "%s%d", prefix, i);
        if ((rc = create_tracker(db, set_id, name, total, &id)) == SQLITE_OK) rc = count_change(db, id, i % 150);
    }
    return end(db, 1, rc);
}

int ss_first_tracker(ss_db *db, int64_t set_id, int64_t *tracker_id) {
    return cn_column(&db->cn, Q_TRACKERS, set_id, tracker_id, NULL);
}

// MARK: - Counting

/// The library's `recordChange(.add(amount))`: the count, and the history rows it calls for
/// (the start, the completion, or a progress sample once per interval), in one transaction.
static int record_change(ss_db *db, int64_t tracker_id, int64_t amount) {
    sqlite3_stmt *state, *add, *restart, *mark;
    int outermost, rc;
    if ((rc = cn_statement(&db->cn, Q_TRACKER_STATE, &state)) || (rc = cn_statement(&db->cn, Q_ADD_COUNT, &add)) ||
        (rc = cn_statement(&db->cn, Q_RESTART_RATE, &restart)) || (rc = cn_statement(&db->cn, Q_MARK_TRACKER, &mark)) ||
        (rc = begin(db, &outermost)))
        return rc;
    double time = now();
    sqlite3_bind_int64(state, 1, tracker_id);
    if ((rc = sqlite3_step(state)) != SQLITE_ROW) {
        sqlite3_reset(state);
        return end(db, outermost, cn_fail(&db->cn, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, "no such tracker"));
    }
    int64_t current = sqlite3_column_int64(state, 1) + amount, total = sqlite3_column_int64(state, 2);
    int started = sqlite3_column_type(state, 3) != SQLITE_NULL, completed = sqlite3_column_type(state, 4) != SQLITE_NULL;
    double quiet_until = column_or(state, 5, time);
    sqlite3_reset(state);

    sqlite3_bind_int64(add, 1, tracker_id);
    sqlite3_bind_int64(add, 2, amount);
    sqlite3_bind_double(add, 3, time);
    if ((rc = cn_run(&db->cn, add))) return end(db, outermost, rc);
    int starts = !started, completes = !completed && current >= total;
    int samples = !starts && !completes && time >= quiet_until;
    if (!starts && !completes && !samples) return end(db, outermost, SQLITE_OK);

    if (starts) {
        sqlite3_bind_int64(restart, 1, tracker_id);
        sqlite3_bind_double(restart, 2, time);
        if ((rc = cn_run(&db->cn, restart))) return end(db, outermost, rc);
    }
    sqlite3_bind_int64(mark, 1, tracker_id);
    sqlite3_bind_double(mark, 2, time);
    sqlite3_bind_int(mark, 3, completes);
    sqlite3_bind_double(mark, 4, time + sample_interval);
    if ((rc = cn_run(&db->cn, mark)) == SQLITE_OK && starts) rc = insert_event(db, tracker_id, "started", time);
    if (rc == SQLITE_OK && completes) rc = insert_event(db, tracker_id, "completed", time);
    if (rc == SQLITE_OK && samples) rc = insert_event(db, tracker_id, "progress", time);
    return end(db, outermost, rc);
}

/// The library's increment: the hot-path UPDATE, which changes nothing when the change must
/// be recorded, and then the recording path.
static int count_change(ss_db *db, int64_t tracker_id, int64_t amount) {
    sqlite3_stmt *stmt;
    int rc = cn_statement(&db->cn, Q_INCREMENT, &stmt);
    if (rc) return rc;
    sqlite3_bind_int64(stmt, 1, tracker_id);
    sqlite3_bind_int64(stmt, 2, amount);
    sqlite3_bind_double(stmt, 3, now());
    if ((rc = cn_run(&db->cn, stmt))) return rc;
    return sqlite3_changes(db->cn.handle) ? SQLITE_OK : record_change(db, tracker_id, amount);
}

int ss_increment(ss_db *db, int64_t tracker_id, int64_t amount, int count) {
    int rc = SQLITE_OK;
    for (int i = 0; rc == SQLITE_OK && i < count; i++) rc = count_change(db, tracker_id, amount);
    return rc;
}

int ss_increment_batches(ss_db *db, int64_t tracker_id, int batches, int batch_size) {
    int rc = SQLITE_OK;
    for (int b = 0; rc == SQLITE_OK && b < batches; b++) {
        if ((rc = cn_run_query(&db->cn, Q_BEGIN))) return rc;
        for (int i = 0; rc == SQLITE_OK && i < batch_size; i++) rc = count_change(db, tracker_id, 1);
        rc = end(db, 1, rc);
    }
    return rc;
}

/// The library's countItem: the key and, when it is new, its count, in one transaction;
/// inside the caller's transaction, the key is deleted again if its count fails.
static int count_item(ss_db *db, sqlite3_stmt *insert, int64_t tracker_id, const char *key, int length) {
    int outermost = sqlite3_get_autocommit(db->cn.handle), rc;
    if (outermost && (rc = cn_run_query(&db->cn, Q_BEGIN))) return rc;
    sqlite3_bind_int64(insert, 1, tracker_id);
    sqlite3_bind_text(insert, 2, key, length, SQLITE_TRANSIENT);
    if ((rc = cn_run(&db->cn, insert)) == SQLITE_OK) {
        if (!sqlite3_changes(db->cn.handle)) {
            rc = cn_fail(&db->cn, SQLITE_CONSTRAINT, "item counted twice");
        } else if ((rc = count_change(db, tracker_id, 1)) && !outermost) {
            sqlite3_stmt *forget;
            if (cn_statement(&db->cn, Q_FORGET_ITEM, &forget) == SQLITE_OK) {
                sqlite3_bind_int64(forget, 1, tracker_id);
                sqlite3_bind_text(forget, 2, key, length, SQLITE_TRANSIENT);
                cn_run(&db->cn, forget);
            }
        }
    }
    return outermost ? end(db, 1, rc) : rc;
}

int ss_count_items(ss_db *db, int64_t tracker_id, int64_t first, int count, int batch_size) {
    sqlite3_stmt *stmt;
    int rc = cn_statement(&db->cn, Q_COUNT_ITEM, &stmt);
    for (int i = 0; rc == SQLITE_OK && i < count; i++) {
        if (batch_size && i % batch_size == 0 && (rc = cn_run_query(&db->cn, Q_BEGIN))) return rc;
        char key[32];
        int length = snprintf(key, sizeof key, "item-%lld", (long long)(first + i));
        rc = count_item(db, stmt, tracker_id, key, length);
        if (batch_size && (rc != SQLITE_OK || i % batch_size == batch_size - 1 || i == count - 1)) rc = end(db, 1, rc);
    }
    return rc;
}

// MARK: - Progress

int ss_overall(ss_db *db, int64_t set_id, double *overall) {
    return cn_column(&db->cn, Q_OVERALL, set_id, NULL, overall);
}

/// The library's Pace.activeSeconds: from start to end less the paused time; 0 without both.
static double active_seconds(sqlite3_stmt *stmt, int start, int end, int paused) {
    if (sqlite3_column_type(stmt, start) == SQLITE_NULL || sqlite3_column_type(stmt, end) == SQLITE_NULL) return 0;
    double seconds = sqlite3_column_double(stmt, end) - sqlite3_column_double(stmt, start) - sqlite3_column_double(stmt, paused);
    return seconds > 0 ? seconds : 0;
}

/// The library's Pace.eta: 0 when nothing remains, -1 (none) without a positive rate.
static double eta(double remaining, double rate) {
    return remaining <= 0 ? 0 : rate > 0 ? remaining / rate : -1;
}

int ss_status(ss_db *db, int64_t set_id, double *overall, int *tracker_count, int64_t *current_sum) {
    sqlite3_stmt *stmt;
    int rc = cn_statement(&db->cn, Q_STATUS, &stmt);
    if (rc) return rc;
    clear_status(db);
    *current_sum = 0;
    sqlite3_bind_int64(stmt, 1, set_id);
    sqlite3_bind_double(stmt, 2, rate_window);
    double total_weight = 0, weighted_growth = 0;
    int some_rate = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        *overall = sqlite3_column_double(stmt, 0);
        db->set_elapsed = active_seconds(stmt, 1, sqlite3_column_type(stmt, 3) == SQLITE_NULL ? 2 : 3, 4);
        if (sqlite3_column_type(stmt, 5) == SQLITE_NULL) continue;  // an empty set's one row
        if (db->status_count == db->status_capacity) {
            db->status_capacity = db->status_capacity ? 2 * db->status_capacity : 16;
            db->status = realloc(db->status, db->status_capacity * sizeof *db->status);
        }
        struct tracker_status *status = &db->status[db->status_count++];
        status->name = strdup((const char *)sqlite3_column_text(stmt, 5));
        status->current = sqlite3_column_int64(stmt, 6);
        status->total = sqlite3_column_int64(stmt, 7);
        status->percent = 100 * sqlite3_column_double(stmt, 8);
        status->started_at = column_or(stmt, 10, -1);
        status->updated_at = sqlite3_column_double(stmt, 11);
        status->completed_at = column_or(stmt, 12, -1);
        status->elapsed = active_seconds(stmt, 10, sqlite3_column_type(stmt, 12) == SQLITE_NULL ? 11 : 12, 13);
        status->rate = -1;
        if (sqlite3_column_type(stmt, 14) != SQLITE_NULL && status->updated_at > sqlite3_column_double(stmt, 14)) {
            double rate = (status->current - sqlite3_column_int64(stmt, 15)) / (status->updated_at - sqlite3_column_double(stmt, 14));
            status->rate = rate > 0 ? rate : 0;
        }
        status->eta = eta((double)status->total - status->current, status->rate);
        double weight = sqlite3_column_double(stmt, 9);
        total_weight += weight;
        if (status->rate >= 0) {
            some_rate = 1;
            if (status->current < status->total) weighted_growth += weight * status->rate / status->total;
        }
        *current_sum += status->current;
    }
    sqlite3_reset(stmt);
    db->set_rate = some_rate && total_weight > 0 ? 100 * weighted_growth / total_weight : -1;
    db->set_eta = eta(100 - *overall, db->set_rate);
    *tracker_count = db->status_count;
    return rc == SQLITE_DONE ? SQLITE_OK : cn_fail(&db->cn, rc, "status");
}

int ss_current(ss_db *db, int64_t tracker_id, int64_t *current) {
    return cn_column(&db->cn, Q_TRACKER, tracker_id, current, NULL);
}
