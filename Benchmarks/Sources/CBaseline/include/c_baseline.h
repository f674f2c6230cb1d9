#ifndef C_BASELINE_H
#define C_BASELINE_H

#include <stdint.h>

// The baseline the library is measured against: the library's SQL (Query.swift) on the
// library's schema (Migrations/*.sql), in plain C over libsqlite3, with every statement
// prepared once and reused. Functions return an SQLite result code (0 is SQLITE_OK);
// cb_error tells what failed.

typedef struct cb_db cb_db;

/// Opens `path` as the library does (WAL, synchronous NORMAL or FULL, foreign keys,
/// a 5 s busy timeout) and applies the migrations above the file's user_version.
int cb_open(const char *path, int full_durability, const char *const *migrations, int migration_count, cb_db **db);
void cb_close(cb_db *db);
const char *cb_sqlite_version(void);
const char *cb_error(cb_db *db);

/// The set's id, inserting the set if absent.
int cb_tracker_set(cb_db *db, const char *name, int64_t *set_id);
/// Inserts trackers named "<prefix><i>" for i in [0, count), all with `total`, and counts
/// tracker i to i % 150, in one transaction.
int cb_create_trackers(cb_db *db, int64_t set_id, const char *prefix, int count, int64_t total);
/// The set's first tracker: the lowest id, as the library's `getAllTrackers()` orders them.
int cb_first_tracker(cb_db *db, int64_t set_id, int64_t *tracker_id);

/// `count` increments by `amount`, each its own transaction (autocommit).
int cb_increment(cb_db *db, int64_t tracker_id, int64_t amount, int count);
/// `batches` transactions of `batch_size` increments each.
int cb_increment_batches(cb_db *db, int64_t tracker_id, int batches, int batch_size);
/// Counts the items "item-<n>" for n in [first, first + count), autocommit when `batch_size`
/// is 0, else in transactions of `batch_size`.
int cb_count_items(cb_db *db, int64_t tracker_id, int64_t first, int count, int batch_size);

int cb_overall(cb_db *db, int64_t set_id, double *overall);
/// Reads every tracker's status into memory the caller may inspect until the next call.
int cb_status(cb_db *db, int64_t set_id, double *overall, int *tracker_count, int64_t *current_sum);
int cb_current(cb_db *db, int64_t tracker_id, int64_t *current);

#endif
