#ifndef SAME_SQL_H
#define SAME_SQL_H

#include <stdint.h>

// The same-SQL side: the library's own SQL (Query.swift) on the library's own schema
// (Migrations/*.sql) with the library's counting logic, in plain C over libsqlite3, every
// statement prepared once. It is not the targets' baseline (minimal.h is): it exists to
// profile the Swift layer, since against it only the library's Swift work differs.
// Functions return an SQLite result code (0 is SQLITE_OK); ss_error tells what failed.

typedef struct ss_db ss_db;

/// Opens `path` as the library does (WAL, synchronous NORMAL or FULL, foreign keys,
/// a 5 s busy timeout) and applies the migrations above the file's user_version.
int ss_open(const char *path, int full_durability, const char *const *migrations, int migration_count, ss_db **db);
void ss_close(ss_db *db);
const char *ss_error(ss_db *db);

/// The set's id, inserting the set if absent.
int ss_tracker_set(ss_db *db, const char *name, int64_t *set_id);
/// Inserts trackers named "<prefix><i>" for i in [0, count), all with `total`, and counts
/// tracker i to i % 150, in one transaction.
int ss_create_trackers(ss_db *db, int64_t set_id, const char *prefix, int count, int64_t total);
/// The set's first tracker: the lowest id, as the library's `getAllTrackers()` orders them.
int ss_first_tracker(ss_db *db, int64_t set_id, int64_t *tracker_id);

/// `count` increments by `amount`, each its own transaction (autocommit).
int ss_increment(ss_db *db, int64_t tracker_id, int64_t amount, int count);
/// `batches` transactions of `batch_size` increments each.
int ss_increment_batches(ss_db *db, int64_t tracker_id, int batches, int batch_size);
/// Counts the items "item-<n>" for n in [first, first + count), autocommit when `batch_size`
/// is 0, else in transactions of `batch_size`.
int ss_count_items(ss_db *db, int64_t tracker_id, int64_t first, int count, int batch_size);

int ss_overall(ss_db *db, int64_t set_id, double *overall);
/// Reads every tracker's status into memory the caller may inspect until the next call.
int ss_status(ss_db *db, int64_t set_id, double *overall, int *tracker_count, int64_t *current_sum);
int ss_current(ss_db *db, int64_t tracker_id, int64_t *current);

#endif
