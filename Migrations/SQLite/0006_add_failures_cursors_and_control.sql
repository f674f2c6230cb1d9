-- Failed and skipped items, a resume cursor per tracker, and pause/cancel for sets.

-- Items that failed, one row per key however often it failed: the last reason, the number of
-- attempts, the first and last time. A later count of the key resolves the row, which stays
-- (resolved_at, resolution) so that "what failed and was fixed by the rerun" can be answered.
-- A failed item is not counted: its key is not in tracker_item until it is counted or skipped.
CREATE TABLE tracker_failure (
    tracker_id INTEGER NOT NULL REFERENCES tracker (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    reason TEXT NOT NULL,
    attempts INTEGER NOT NULL CHECK (attempts >= 1),
    first_at REAL NOT NULL,
    last_at REAL NOT NULL,
    resolved_at REAL,
    resolution TEXT CHECK (resolution IN ('counted', 'skipped')),
    CHECK ((resolved_at IS NULL) = (resolution IS NULL)),
    PRIMARY KEY (tracker_id, key)
) STRICT, WITHOUT ROWID;

-- Failures oldest first, per tracker.
CREATE INDEX tracker_failure_by_time ON tracker_failure (tracker_id, first_at);

-- Items done on purpose without being processed: counted (their key is in tracker_item, so
-- they count once) and kept here with the reason.
CREATE TABLE tracker_skip (
    tracker_id INTEGER NOT NULL REFERENCES tracker (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    reason TEXT NOT NULL,
    at REAL NOT NULL,
    PRIMARY KEY (tracker_id, key)
) STRICT, WITHOUT ROWID;

-- The tracker's counts of unresolved failures and of skipped items, kept with its count so
-- that a status reads them in the same pass, and the last time a failure was sampled into
-- the history (at most one `failed` row per sample interval, as for progress).
ALTER TABLE tracker ADD COLUMN failed INTEGER NOT NULL DEFAULT 0 CHECK (failed >= 0);
ALTER TABLE tracker ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped >= 0);
ALTER TABLE tracker ADD COLUMN failure_sampled_at REAL;

-- Where the tracker's worker is in its input (a file offset, a page token, a last key),
-- written in the same transaction as the counts of the records before it.
CREATE TABLE tracker_cursor (
    tracker_id INTEGER PRIMARY KEY REFERENCES tracker (id) ON DELETE CASCADE,
    value TEXT NOT NULL
) STRICT;

-- A set's control state, which its workers read between records: running, paused or
-- cancelled. halted_at is when it last stopped running; the time until it resumes is left
-- out of active time, as downtime between runs is.
ALTER TABLE tracker_set ADD COLUMN state TEXT NOT NULL DEFAULT 'running'
    CHECK (state IN ('running', 'paused', 'cancelled'));
ALTER TABLE tracker_set ADD COLUMN halted_at REAL;

-- History gains the set's own events (paused, resumed, cancelled: no tracker), sampled
-- failures, and each row's failed and skipped counts. SQLite cannot change a CHECK in place,
-- so the table is copied.
CREATE TABLE tracker_event_new (
    id INTEGER PRIMARY KEY,
    set_id INTEGER NOT NULL REFERENCES tracker_set (id) ON DELETE CASCADE,
    -- No foreign key: a removed tracker's history stays, under its name. NULL for the set's own.
    tracker_id INTEGER,
    tracker TEXT,
    kind TEXT NOT NULL CHECK (kind IN (
        'created', 'resumed', 'started', 'progress', 'currentSet', 'totalChanged', 'completed', 'removed',
        'failed', 'paused', 'cancelled'
    )),
    at REAL NOT NULL,
    current INTEGER NOT NULL,
    total INTEGER NOT NULL,
    failed INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    CHECK ((tracker_id IS NULL) = (tracker IS NULL))
) STRICT;
INSERT INTO tracker_event_new (id, set_id, tracker_id, tracker, kind, at, current, total)
SELECT id, set_id, tracker_id, tracker, kind, at, current, total FROM tracker_event;
DROP TABLE tracker_event;
ALTER TABLE tracker_event_new RENAME TO tracker_event;
CREATE INDEX tracker_event_by_set ON tracker_event (set_id, at);
CREATE INDEX tracker_event_by_tracker ON tracker_event (tracker_id, at);
