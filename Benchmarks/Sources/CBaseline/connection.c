#include "connection.h"

#include <stdio.h>
#include <stdlib.h>

int cn_fail(struct connection *cn, int rc, const char *what) {
    snprintf(cn->error, sizeof cn->error, "%s: %s (%d)", what, sqlite3_errmsg(cn->handle), rc);
    return rc;
}

int cn_exec(struct connection *cn, const char *sql) {
    int rc = sqlite3_exec(cn->handle, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? rc : cn_fail(cn, rc, sql);
}

int cn_open(struct connection *cn, const char *path, int full_durability, const char *const *sql, int statement_count) {
    cn->sql = sql;
    cn->statement_count = statement_count;
    cn->statements = calloc(statement_count, sizeof *cn->statements);
    int rc = sqlite3_open_v2(path, &cn->handle,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
    if (rc != SQLITE_OK) return cn_fail(cn, rc, path);
    sqlite3_busy_timeout(cn->handle, 5000);
    if ((rc = cn_exec(cn, "PRAGMA foreign_keys = ON")) || (rc = cn_exec(cn, "PRAGMA journal_mode = WAL"))) return rc;
    return cn_exec(cn, full_durability ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
}

void cn_close(struct connection *cn) {
    for (int i = 0; i < cn->statement_count; i++) sqlite3_finalize(cn->statements[i]);
    free(cn->statements);
    sqlite3_close(cn->handle);
}

int cn_statement(struct connection *cn, int query, sqlite3_stmt **stmt) {
    if (!cn->statements[query]) {
        int rc = sqlite3_prepare_v3(cn->handle, cn->sql[query], -1, SQLITE_PREPARE_PERSISTENT, &cn->statements[query], NULL);
        if (rc != SQLITE_OK) return cn_fail(cn, rc, cn->sql[query]);
    }
    *stmt = cn->statements[query];
    return SQLITE_OK;
}

int cn_run(struct connection *cn, sqlite3_stmt *stmt) {
    int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    return rc == SQLITE_DONE ? SQLITE_OK : cn_fail(cn, rc, sqlite3_sql(stmt));
}

int cn_run_query(struct connection *cn, int query) {
    sqlite3_stmt *stmt;
    int rc = cn_statement(cn, query, &stmt);
    return rc != SQLITE_OK ? rc : cn_run(cn, stmt);
}

int cn_column(struct connection *cn, int query, int64_t id, int64_t *integer, double *real) {
    sqlite3_stmt *stmt;
    int rc = cn_statement(cn, query, &stmt);
    if (rc) return rc;
    sqlite3_bind_int64(stmt, 1, id);
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW && integer) *integer = sqlite3_column_int64(stmt, 0);
    if (rc == SQLITE_ROW && real) *real = sqlite3_column_double(stmt, 0);
    sqlite3_reset(stmt);
    return rc == SQLITE_ROW ? SQLITE_OK : cn_fail(cn, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, cn->sql[query]);
}

int cn_user_version(struct connection *cn, int *version) {
    sqlite3_stmt *stmt;
    int rc = sqlite3_prepare_v2(cn->handle, "PRAGMA user_version", -1, &stmt, NULL);
    if (rc != SQLITE_OK) return cn_fail(cn, rc, "PRAGMA user_version");
    rc = sqlite3_step(stmt);
    *version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW ? SQLITE_OK : cn_fail(cn, rc, "PRAGMA user_version");
}
