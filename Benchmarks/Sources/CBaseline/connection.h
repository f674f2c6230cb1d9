#ifndef CONNECTION_H
#define CONNECTION_H

#include <sqlite3.h>
#include <stdint.h>

// What both C sides share: one connection opened with the library's settings, statements
// prepared once (at first use) and kept, and the text of the last error. Functions return an
// SQLite result code.

struct connection {
    sqlite3 *handle;
    /// Each statement's text and, once prepared, the statement, by number.
    const char *const *sql;
    sqlite3_stmt **statements;
    int statement_count;
    char error[512];
};

/// Opens `path` as the library does: created if missing, a 5 s busy timeout, foreign keys,
/// WAL, synchronous NORMAL or FULL. `sql` numbers the statements `cn_statement` prepares.
int cn_open(struct connection *cn, const char *path, int full_durability, const char *const *sql, int statement_count);
void cn_close(struct connection *cn);
/// Keeps "what: SQLite's message (rc)" as the error; returns `rc`.
int cn_fail(struct connection *cn, int rc, const char *what);
int cn_statement(struct connection *cn, int query, sqlite3_stmt **stmt);
/// Steps a statement that returns no row to completion, and resets it.
int cn_run(struct connection *cn, sqlite3_stmt *stmt);
int cn_run_query(struct connection *cn, int query);
/// Column 0 of the first row of `query` with `id` bound to ?1, into whichever of `integer`
/// and `real` is not NULL; SQLITE_NOTFOUND without a row.
int cn_column(struct connection *cn, int query, int64_t id, int64_t *integer, double *real);
int cn_exec(struct connection *cn, const char *sql);
int cn_user_version(struct connection *cn, int *version);

#endif
