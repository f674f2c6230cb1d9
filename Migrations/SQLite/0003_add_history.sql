-- History and timing: when each tracker started and completed, how long it was active,
-- and a log of its lifecycle events and progress samples that outlives the tracker.
-- From this version on, the library writes every time from its own clock (which tests
-- replace), so the triggers that read SQLite's clock are replaced by the repository.

-- The tracker row keeps only what every count reads, because an UPDATE rewrites the whole
-- row: each column there costs every increment. The first time the count reached the total:
ALTER TABLE tracker ADD COLUMN completed_at REAL;
-- Until this time a count needs no history row, unless it completes the tracker; NULL (not
-- started yet) records the next count. The count's one UPDATE checks it (see Query.swift).
ALTER TABLE tracker ADD COLUMN quiet_until REAL;

-- The rest of a started tracker's timing.
CREATE TABLE tracker_timing (
    tracker_id INTEGER PRIMARY KEY REFERENCES tracker (id) ON DELETE CASCADE,
    -- The first count.
    started_at REAL NOT NULL,
    -- Time between a run's last change and a later run's resume, which is not active time.
    paused_seconds REAL NOT NULL DEFAULT 0 CHECK (paused_seconds >= 0),
    -- Where the current stretch of counting began (start, resume, or a lowered count), so
    -- that a rate is never measured across downtime or a reset.
    rate_since REAL NOT NULL
) STRICT;

ALTER TABLE tracker_set ADD COLUMN paused_seconds REAL NOT NULL DEFAULT 0 CHECK (paused_seconds >= 0);

-- Trackers counted before this version: their start is unknown, their creation the best guess.
INSERT INTO tracker_timing (tracker_id, started_at, rate_since)
SELECT id, created_at, updated_at FROM tracker WHERE current > 0;
UPDATE tracker SET completed_at = updated_at WHERE current > 0 AND current >= total;

-- One row per lifecycle event, plus progress samples at most once per interval per tracker.
-- current and total are the tracker's values just after the event.
CREATE TABLE tracker_event (
    id INTEGER PRIMARY KEY,
    set_id INTEGER NOT NULL REFERENCES tracker_set (id) ON DELETE CASCADE,
    -- No foreign key: a removed tracker's history stays, under its name.
    tracker_id INTEGER NOT NULL,
    tracker TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN (
        'created', 'resumed', 'started', 'progress', 'currentSet', 'totalChanged', 'completed', 'removed'
    )),
    at REAL NOT NULL,
    current INTEGER NOT NULL,
    total INTEGER NOT NULL
) STRICT;

CREATE INDEX tracker_event_by_set ON tracker_event (set_id, at);
CREATE INDEX tracker_event_by_tracker ON tracker_event (tracker_id, at);

-- A set's timing, from its trackers: started at the first start, changed at the last
-- change, and complete when every tracker is (at the last completion).
CREATE VIEW tracker_set_timing AS
SELECT
    s.id AS set_id,
    s.paused_seconds,
    MIN(m.started_at) AS started_at,
    MAX(t.updated_at) AS changed_at,
    CASE
        WHEN COUNT(t.id) > 0 AND MIN(t.current >= t.total) = 1
            THEN MAX(COALESCE(t.completed_at, t.updated_at))
    END AS completed_at,
    -- TOTAL, not SUM, which fails on overflow; the cast saturates at the largest integer.
    CAST(TOTAL(t.current) AS INTEGER) AS items
FROM tracker_set s
LEFT JOIN tracker t ON t.set_id = s.id
LEFT JOIN tracker_timing m ON m.tracker_id = t.id
GROUP BY s.id;

-- The repository now counts a new item key in the same transaction as the key, through
-- the path every count takes, so that the item path records times and history too.
DROP TRIGGER tracker_item_counted;
-- The repository stamps the set when it removes a tracker, with its clock.
DROP TRIGGER tracker_removed;
