#ifndef POSTGRES_MINIMAL_H
#define POSTGRES_MINIMAL_H

#include <stdint.h>

// The baseline the library's PostgreSQL rows are measured against (issue 14): the seed's
// semantics with the least work PostgreSQL allows, in plain C over libpq, in a schema of its
// own (postgres_minimal.c: one row per tracker, item keys keyed by tracker and key, no
// history, no timing, no commit-outcome row, no change counter). Every statement is prepared
// once per connection, and every call is one synchronous round trip, as a call of the
// library's API is: a batch is BEGIN, one round trip per operation, COMMIT. Functions return
// 0, or -1 with the reason in pgb_error.

typedef struct pgb_db pgb_db;

/// The statements, for another client that runs the same SQL (PostgresNIO): `pgb_sql` gives
/// each one's text, with its parameters numbered as the comments say.
enum pgb_query {
    PGB_SET_ID,          // $1 name → id
    PGB_INSERT_SET,      // $1 name
    PGB_INSERT_TRACKER,  // $1 set id, $2 name, $3 current, $4 total
    PGB_FIRST_TRACKER,   // $1 set id → id
    PGB_CURRENT,         // $1 tracker id → current
    PGB_INCREMENT,       // $1 tracker id, $2 amount
    PGB_COUNT_ITEM,      // $1 tracker id, $2 key; changes 1 row if the key was new, else 0
    PGB_OVERALL,         // $1 set id → overall
    PGB_STATUS,          // $1 set id → name, current, total, overall; ordered by id
    PGB_QUERY_COUNT
};
const char *pgb_sql(enum pgb_query query);

/// Connects with a libpq connection string and works in `schema`, creating it and the
/// tables when absent; with a NULL schema, a connection for pgb_setting and pgb_drop_schema
/// only. On failure `*db` is still set, for its error, and must be closed.
int pgb_open(const char *conninfo, const char *schema, pgb_db **db);
void pgb_close(pgb_db *db);
const char *pgb_error(pgb_db *db);
/// The server process serving this connection.
int pgb_backend_pid(pgb_db *db);
/// Where the connection went: a host name or address, or the directory of a Unix socket
/// (an absolute path); and the port.
const char *pgb_host(pgb_db *db);
const char *pgb_port(pgb_db *db);
/// A server setting's value, `current_setting(name)`, copied into `value`.
int pgb_setting(pgb_db *db, const char *name, char *value, int size);
/// Drops a schema and everything in it, if it exists: clean-up for every side's schema.
int pgb_drop_schema(pgb_db *db, const char *schema);

/// The set's id, inserting the set if absent.
int pgb_tracker_set(pgb_db *db, const char *name, int64_t *set_id);
/// Inserts trackers named "<prefix><i>" for i in [0, count), all with `total` and no weight,
/// tracker i counted to i % 150, in one transaction, with consecutive ids.
int pgb_create_trackers(pgb_db *db, int64_t set_id, const char *prefix, int count, int64_t total);
/// The set's first tracker (lowest id).
int pgb_first_tracker(pgb_db *db, int64_t set_id, int64_t *tracker_id);

/// `count` increments by `amount`, each its own transaction (autocommit).
int pgb_increment(pgb_db *db, int64_t tracker_id, int64_t amount, int count);
/// `batches` transactions of `batch_size` increments each.
int pgb_increment_batches(pgb_db *db, int64_t tracker_id, int batches, int batch_size);
/// Counts the items "item-<n>" for n in [first, first + count), autocommit when `batch_size`
/// is 0, else in transactions of `batch_size`. Fails if one was counted already.
int pgb_count_items(pgb_db *db, int64_t tracker_id, int64_t first, int count, int batch_size);

/// The seed's overall progress of the set, in percent, as one SQL aggregate.
int pgb_overall(pgb_db *db, int64_t set_id, double *overall);
/// Reads every tracker's name, count, total and percent into memory the caller may inspect
/// until the next call, and the overall, from one snapshot (one statement).
int pgb_status(pgb_db *db, int64_t set_id, double *overall, int *tracker_count, int64_t *current_sum);
int pgb_current(pgb_db *db, int64_t tracker_id, int64_t *current);

#endif
