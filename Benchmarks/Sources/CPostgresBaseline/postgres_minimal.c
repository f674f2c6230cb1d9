#include "postgres_minimal.h"

#include <libpq-fe.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The baseline's own design, the PostgreSQL twin of the SQLite baseline's (minimal.c): the
// tracker row is counted in place, with room left on its page for the new version (a HOT
// update touches no index), and a key is a plain primary key. No CHECK constraints: this
// program checks its input before the server sees it. Foreign keys stay, as a correct design
// keeps them. Each statement names its tables without a schema: search_path names ours.
static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS tracker_set (\n"
    "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text COLLATE \"C\" NOT NULL UNIQUE);\n"
    "CREATE TABLE IF NOT EXISTS tracker (\n"
    "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
    "    set_id bigint NOT NULL REFERENCES tracker_set (id) ON DELETE CASCADE,\n"
    "    name text COLLATE \"C\" NOT NULL,\n"
    "    current bigint NOT NULL DEFAULT 0,\n"
    "    total bigint NOT NULL,\n"
    "    weight double precision,\n"
    "    UNIQUE (set_id, name)\n"
    ") WITH (fillfactor = 50);\n"
    "CREATE TABLE IF NOT EXISTS tracker_item (\n"
    "    tracker_id bigint NOT NULL REFERENCES tracker (id) ON DELETE CASCADE,\n"
    "    key text COLLATE \"C\" NOT NULL,\n"
    "    PRIMARY KEY (tracker_id, key)\n"
    ");";

// The seed's overall: Σ wᵢ·fᵢ / Σ wᵢ in percent, fᵢ = min(current, total) / total (1 for a
// total of 0), wᵢ the weight or else the total; an empty set is at 0; when the weights add up
// to 0, at 100 if every tracker is complete, else at 0.
#define WEIGHT "COALESCE(weight, total::float8)"
#define FRACTION "CASE WHEN current >= total THEN 1.0::float8 ELSE current::float8 / total END"
#define OVERALL(OVER)                                                                       \
    "CASE WHEN sum(" WEIGHT ")" OVER " > 0 THEN 100.0::float8 * sum(" WEIGHT " * " FRACTION ")" OVER \
    " / sum(" WEIGHT ")" OVER " WHEN bool_and(current >= total)" OVER " THEN 100.0::float8 ELSE 0.0::float8 END"

static const char *const query_sql[PGB_QUERY_COUNT] = {
    [PGB_SET_ID] = "SELECT id FROM tracker_set WHERE name = $1",
    [PGB_INSERT_SET] = "INSERT INTO tracker_set (name) VALUES ($1) ON CONFLICT (name) DO NOTHING",
    [PGB_INSERT_TRACKER] = "INSERT INTO tracker (set_id, name, current, total) VALUES ($1, $2, $3, $4)",
    [PGB_FIRST_TRACKER] = "SELECT min(id) FROM tracker WHERE set_id = $1",
    [PGB_CURRENT] = "SELECT current FROM tracker WHERE id = $1",
    [PGB_INCREMENT] = "UPDATE tracker SET current = current + $2 WHERE id = $1",
    // The key and, when it is new, the count, in one statement: one round trip, and one
    // transaction when autocommitted. It changes no row if the key was counted.
    [PGB_COUNT_ITEM] = "WITH inserted AS (\n"
                     "    INSERT INTO tracker_item (tracker_id, key) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1)\n"
                     "UPDATE tracker SET current = current + 1 WHERE id = $1 AND EXISTS (SELECT FROM inserted)",
    [PGB_OVERALL] = "SELECT CASE WHEN count(*) = 0 THEN 0.0::float8 ELSE " OVERALL("") " END FROM tracker WHERE set_id = $1",
    // The rows and the overall from one statement, hence one snapshot: a window over the set.
    [PGB_STATUS] = "SELECT name, current, total, " OVERALL(" OVER ()") " FROM tracker WHERE set_id = $1 ORDER BY id",
};

/// One tracker of a status read; the name is at `name` in the names buffer.
struct tracker_status {
    size_t name;
    int64_t current, total;
    double percent;
};

struct pgb_db {
    PGconn *conn;
    char error[512];
    struct tracker_status *status;
    int status_count, status_capacity;
    char *names;
    size_t names_used, names_capacity;
};

// MARK: - Errors and statements

const char *pgb_sql(enum pgb_query query) { return query_sql[query]; }
const char *pgb_error(pgb_db *db) { return db->error; }
int pgb_backend_pid(pgb_db *db) { return PQbackendPID(db->conn); }
const char *pgb_host(pgb_db *db) { return PQhost(db->conn); }
const char *pgb_port(pgb_db *db) { return PQport(db->conn); }

static int fail(pgb_db *db, const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(db->error, sizeof db->error, format, arguments);
    va_end(arguments);
    return -1;
}

/// Takes `result`: returns 0 if it has `expected` status, else -1 with the server's message.
static int check(pgb_db *db, PGresult *result, ExecStatusType expected, const char *what) {
    int rc = 0;
    if (PQresultStatus(result) != expected) rc = fail(db, "%s: %s", what, PQerrorMessage(db->conn));
    PQclear(result);
    return rc;
}

static int exec(pgb_db *db, const char *sql) { return check(db, PQexec(db->conn, sql), PGRES_COMMAND_OK, sql); }

/// Runs prepared statement `query` with text parameters; the caller owns the result.
static PGresult *run(pgb_db *db, enum pgb_query query, int count, const char *const *values) {
    char name[16];
    snprintf(name, sizeof name, "q%d", query);
    return PQexecPrepared(db->conn, name, count, values, NULL, NULL, 0);
}

/// Runs `query`, which returns no rows, and the number of rows it changed into `changed`.
static int run_command(pgb_db *db, enum pgb_query query, int count, const char *const *values, int64_t *changed) {
    PGresult *result = run(db, query, count, values);
    if (PQresultStatus(result) == PGRES_COMMAND_OK && changed) *changed = strtoll(PQcmdTuples(result), NULL, 10);
    return check(db, result, PGRES_COMMAND_OK, query_sql[query]);
}

/// Runs `query` with one integer parameter and reads column 0 of its one row as an integer
/// or a double; fails without a row or on NULL.
static int run_value(pgb_db *db, enum pgb_query query, int64_t id, int64_t *integer, double *real) {
    char text[24];
    snprintf(text, sizeof text, "%lld", (long long)id);
    const char *values[] = {text};
    PGresult *result = run(db, query, 1, values);
    if (PQresultStatus(result) == PGRES_TUPLES_OK && (PQntuples(result) != 1 || PQgetisnull(result, 0, 0))) {
        PQclear(result);
        return fail(db, "%s: no value", query_sql[query]);
    }
    if (PQresultStatus(result) == PGRES_TUPLES_OK) {
        if (integer) *integer = strtoll(PQgetvalue(result, 0, 0), NULL, 10);
        if (real) *real = strtod(PQgetvalue(result, 0, 0), NULL);
    }
    return check(db, result, PGRES_TUPLES_OK, query_sql[query]);
}

/// Commits when `rc` is 0, else rolls back; returns `rc`, or the commit's failure.
static int end(pgb_db *db, int rc) {
    if (rc == 0) return exec(db, "COMMIT");
    PQclear(PQexec(db->conn, "ROLLBACK"));
    return rc;
}

// MARK: - Opening

static void ignore_notice(void *context, const char *message) {
    (void)context;
    (void)message;
}

int pgb_open(const char *conninfo, const char *schema, pgb_db **out) {
    pgb_db *db = calloc(1, sizeof *db);
    *out = db;
    db->conn = PQconnectdb(conninfo);
    if (PQstatus(db->conn) != CONNECTION_OK) return fail(db, "connect: %s", PQerrorMessage(db->conn));
    // The server's notices (what a DROP SCHEMA ... CASCADE dropped) would interleave with the table.
    PQsetNoticeProcessor(db->conn, ignore_notice, NULL);
    if (!schema) return 0;
    char *quoted = PQescapeIdentifier(db->conn, schema, strlen(schema));
    if (!quoted) return fail(db, "schema name: %s", PQerrorMessage(db->conn));
    char sql[256];
    snprintf(sql, sizeof sql, "CREATE SCHEMA IF NOT EXISTS %s", quoted);
    int rc = exec(db, sql);
    snprintf(sql, sizeof sql, "SET search_path = %s", quoted);
    PQfreemem(quoted);
    if (rc || (rc = exec(db, sql)) || (rc = exec(db, schema_sql))) return rc;
    for (int query = 0; query < PGB_QUERY_COUNT; query++) {
        char name[16];
        snprintf(name, sizeof name, "q%d", query);
        if ((rc = check(db, PQprepare(db->conn, name, query_sql[query], 0, NULL), PGRES_COMMAND_OK, query_sql[query])))
            return rc;
    }
    return 0;
}

void pgb_close(pgb_db *db) {
    PQfinish(db->conn);
    free(db->status);
    free(db->names);
    free(db);
}

int pgb_setting(pgb_db *db, const char *name, char *value, int size) {
    const char *values[] = {name};
    PGresult *result = PQexecParams(db->conn, "SELECT current_setting($1)", 1, NULL, values, NULL, NULL, 0);
    if (PQresultStatus(result) == PGRES_TUPLES_OK) snprintf(value, size, "%s", PQgetvalue(result, 0, 0));
    return check(db, result, PGRES_TUPLES_OK, name);
}

int pgb_drop_schema(pgb_db *db, const char *schema) {
    char *quoted = PQescapeIdentifier(db->conn, schema, strlen(schema));
    if (!quoted) return fail(db, "schema name: %s", PQerrorMessage(db->conn));
    char sql[256];
    snprintf(sql, sizeof sql, "DROP SCHEMA IF EXISTS %s CASCADE", quoted);
    PQfreemem(quoted);
    return exec(db, sql);
}

// MARK: - Sets and trackers

int pgb_tracker_set(pgb_db *db, const char *name, int64_t *id) {
    const char *values[] = {name};
    int rc = run_command(db, PGB_INSERT_SET, 1, values, NULL);
    if (rc) return rc;
    PGresult *result = run(db, PGB_SET_ID, 1, values);
    if (PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1) *id = strtoll(PQgetvalue(result, 0, 0), NULL, 10);
    return check(db, result, PGRES_TUPLES_OK, query_sql[PGB_SET_ID]);
}

int pgb_create_trackers(pgb_db *db, int64_t set_id, const char *prefix, int count, int64_t total) {
    int rc = exec(db, "BEGIN");
    char set[24], name[64], current[24], total_text[24];
    snprintf(set, sizeof set, "%lld", (long long)set_id);
    snprintf(total_text, sizeof total_text, "%lld", (long long)total);
    for (int i = 0; rc == 0 && i < count; i++) {
        snprintf(name, sizeof name, "%s%d", prefix, i);
        snprintf(current, sizeof current, "%d", i % 150);
        const char *values[] = {set, name, current, total_text};
        rc = run_command(db, PGB_INSERT_TRACKER, 4, values, NULL);
    }
    return end(db, rc);
}

int pgb_first_tracker(pgb_db *db, int64_t set_id, int64_t *tracker_id) {
    return run_value(db, PGB_FIRST_TRACKER, set_id, tracker_id, NULL);
}

// MARK: - Counting

/// The one UPDATE; a tracker that is not there changes no row.
static int add(pgb_db *db, const char *tracker, const char *amount) {
    const char *values[] = {tracker, amount};
    int64_t changed = 0;
    int rc = run_command(db, PGB_INCREMENT, 2, values, &changed);
    return rc || changed ? rc : fail(db, "no such tracker %s", tracker);
}

int pgb_increment(pgb_db *db, int64_t tracker_id, int64_t amount, int count) {
    char tracker[24], text[24];
    snprintf(tracker, sizeof tracker, "%lld", (long long)tracker_id);
    snprintf(text, sizeof text, "%lld", (long long)amount);
    int rc = 0;
    for (int i = 0; rc == 0 && i < count; i++) rc = add(db, tracker, text);
    return rc;
}

int pgb_increment_batches(pgb_db *db, int64_t tracker_id, int batches, int batch_size) {
    char tracker[24];
    snprintf(tracker, sizeof tracker, "%lld", (long long)tracker_id);
    int rc = 0;
    for (int b = 0; rc == 0 && b < batches; b++) {
        if ((rc = exec(db, "BEGIN"))) return rc;
        for (int i = 0; rc == 0 && i < batch_size; i++) rc = add(db, tracker, "1");
        rc = end(db, rc);
    }
    return rc;
}

int pgb_count_items(pgb_db *db, int64_t tracker_id, int64_t first, int count, int batch_size) {
    char tracker[24], key[32];
    snprintf(tracker, sizeof tracker, "%lld", (long long)tracker_id);
    const char *values[] = {tracker, key};
    int rc = 0;
    int size = batch_size ? batch_size : count;
    for (int start = 0; rc == 0 && start < count; start += size) {
        if (batch_size && (rc = exec(db, "BEGIN"))) return rc;
        for (int i = start; rc == 0 && i < count && i < start + size; i++) {
            snprintf(key, sizeof key, "item-%lld", (long long)(first + i));
            int64_t changed = 0;
            rc = run_command(db, PGB_COUNT_ITEM, 2, values, &changed);
            if (rc == 0 && !changed) rc = fail(db, "item %s counted twice, or no tracker %s", key, tracker);
        }
        if (batch_size) rc = end(db, rc);
    }
    return rc;
}

int pgb_current(pgb_db *db, int64_t tracker_id, int64_t *current) {
    return run_value(db, PGB_CURRENT, tracker_id, current, NULL);
}

// MARK: - Progress

int pgb_overall(pgb_db *db, int64_t set_id, double *overall) {
    return run_value(db, PGB_OVERALL, set_id, NULL, overall);
}

/// Appends a status row's name to the names buffer; returns its offset.
static size_t keep_name(pgb_db *db, const char *name, int length) {
    if (db->names_used + length + 1 > db->names_capacity) {
        db->names_capacity = 2 * (db->names_used + length + 1);
        db->names = realloc(db->names, db->names_capacity);
    }
    size_t offset = db->names_used;
    memcpy(db->names + offset, name, length + 1);
    db->names_used += length + 1;
    return offset;
}

int pgb_status(pgb_db *db, int64_t set_id, double *overall, int *tracker_count, int64_t *current_sum) {
    char set[24];
    snprintf(set, sizeof set, "%lld", (long long)set_id);
    const char *values[] = {set};
    PGresult *result = run(db, PGB_STATUS, 1, values);
    db->status_count = 0;
    db->names_used = 0;
    *current_sum = 0;
    *overall = 0;
    if (PQresultStatus(result) == PGRES_TUPLES_OK) {
        int rows = PQntuples(result);
        if (rows > db->status_capacity) {
            db->status_capacity = rows;
            db->status = realloc(db->status, rows * sizeof *db->status);
        }
        for (int row = 0; row < rows; row++) {
            struct tracker_status *status = &db->status[db->status_count++];
            status->name = keep_name(db, PQgetvalue(result, row, 0), PQgetlength(result, row, 0));
            status->current = strtoll(PQgetvalue(result, row, 1), NULL, 10);
            status->total = strtoll(PQgetvalue(result, row, 2), NULL, 10);
            status->percent = status->current >= status->total ? 100 : 100.0 * status->current / status->total;
            *current_sum += status->current;
        }
        if (rows > 0) *overall = strtod(PQgetvalue(result, 0, 3), NULL);
    }
    *tracker_count = db->status_count;
    return check(db, result, PGRES_TUPLES_OK, query_sql[PGB_STATUS]);
}
