#ifndef MINIMAL_H
#define MINIMAL_H

#include <stdint.h>

// The baseline the library's targets are measured against (issue 12): the seed's semantics
// with the least work SQLite allows, in plain C over libsqlite3. Its own schema (in
// minimal.c, not the library's): one row per tracker, item keys and failed items (issue 13)
// in WITHOUT ROWID tables, no history, no timing. Every statement is prepared once.
// Functions return an SQLite result code (0 is SQLITE_OK); mb_error tells what failed.

typedef struct mb_db mb_db;

/// Opens `path` with the library's pragmas (WAL, synchronous NORMAL or FULL, foreign keys,
/// a 5 s busy timeout) and creates the schema when the file has none.
int mb_open(const char *path, int full_durability, mb_db **db);
void mb_close(mb_db *db);
const char *mb_sqlite_version(void);
const char *mb_error(mb_db *db);

/// The set's id, inserting the set if absent.
int mb_tracker_set(mb_db *db, const char *name, int64_t *set_id);
/// Inserts trackers named "<prefix><i>" for i in [0, count), all with `total` and no weight,
/// tracker i counted to i % 150, in one transaction.
int mb_create_trackers(mb_db *db, int64_t set_id, const char *prefix, int count, int64_t total);
/// The set's first tracker (lowest id); trackers created together have consecutive ids.
int mb_first_tracker(mb_db *db, int64_t set_id, int64_t *tracker_id);

/// `count` increments by `amount`, each its own transaction (autocommit).
int mb_increment(mb_db *db, int64_t tracker_id, int64_t amount, int count);
/// `batches` transactions of `batch_size` increments each.
int mb_increment_batches(mb_db *db, int64_t tracker_id, int batches, int batch_size);
/// `count` increments by 1 in transactions of `batch_size`, the i-th one on tracker
/// `first_tracker + i % trackers`: an import that spreads its work over a set.
int mb_increment_spread(mb_db *db, int64_t first_tracker, int trackers, int count, int batch_size);
/// Counts the items "item-<n>" for n in [first, first + count), autocommit when `batch_size`
/// is 0, else in transactions of `batch_size`. SQLITE_CONSTRAINT if one was counted already.
int mb_count_items(mb_db *db, int64_t tracker_id, int64_t first, int count, int batch_size);
/// Records that the items "item-<n>" for n in [first, first + count) failed with `reason`,
/// each in its own transaction (autocommit): a new key gets a failure with 1 attempt, a
/// failed one one more attempt, the time and the reason. SQLITE_CONSTRAINT if one is counted.
int mb_fail_items(mb_db *db, int64_t tracker_id, int64_t first, int count, const char *reason);
/// The number of failed items stored for the tracker.
int mb_failure_count(mb_db *db, int64_t tracker_id, int64_t *count);

/// The seed's overall progress of the set, in percent.
int mb_overall(mb_db *db, int64_t set_id, double *overall);
/// Reads every tracker's name, count, total and percent into memory the caller may inspect
/// until the next call, and the overall, from one snapshot.
int mb_status(mb_db *db, int64_t set_id, double *overall, int *tracker_count, int64_t *current_sum);
int mb_current(mb_db *db, int64_t tracker_id, int64_t *current);

#endif
