#ifndef WRITE_LOCK_H
#define WRITE_LOCK_H

// Another process's writer, for the rows that measure waiting: a connection that holds the
// file's write lock until released.

typedef struct wl_lock wl_lock;

/// Opens `path` and takes its write lock (BEGIN IMMEDIATE). Returns an SQLite result code;
/// on failure `*lock` is NULL.
int wl_hold(const char *path, wl_lock **lock);
/// Rolls back (nothing was written) and closes.
void wl_release(wl_lock *lock);

#endif
