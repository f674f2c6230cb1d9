-- Tracker sets and their trackers.
-- Times are Unix seconds (REAL) taken from SQLite's own clock, so that every writer,
-- in any process, stamps rows the same way.
-- Ids are AUTOINCREMENT so that an id is never reused: a handle to a removed tracker or set
-- must not start counting into a new one created under the same name.

CREATE TABLE tracker_set (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE CHECK (length(CAST(name AS BLOB)) BETWEEN 1 AND 255),
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL
) STRICT;

CREATE TABLE tracker (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    set_id INTEGER NOT NULL REFERENCES tracker_set (id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(CAST(name AS BLOB)) BETWEEN 1 AND 255),
    total INTEGER NOT NULL CHECK (total >= 0),
    current INTEGER NOT NULL DEFAULT 0 CHECK (current >= 0),
    -- NULL means "weigh by total", the seed's formula.
    weight REAL CHECK (weight >= 0),
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    UNIQUE (set_id, name)
) STRICT;

-- Removing a tracker is a change to its set, which the set's updated_at shows.
CREATE TRIGGER tracker_removed AFTER DELETE ON tracker
BEGIN
    UPDATE tracker_set SET updated_at = (julianday('now') - 2440587.5) * 86400.0 WHERE id = OLD.set_id;
END;

-- The one definition of a tracker's progress: its fraction done, counted at most
-- to its total (a tracker with total 0 is complete), and the weight it carries.
CREATE VIEW tracker_progress AS
SELECT
    id, set_id, name, current, total, weight, updated_at,
    COALESCE(weight, total) AS effective_weight,
    CASE WHEN current >= total THEN 1.0 ELSE CAST(current AS REAL) / total END AS fraction
FROM tracker;

-- The one definition of a set's overall progress in percent:
-- Σ weight·fraction / Σ weight; an empty set is at 0; when the weights add up to 0
-- the set is at 100 if every tracker is complete and at 0 otherwise.
-- Queried with `WHERE set_id = ?`, which SQLite pushes down into the GROUP BY,
-- so only that set's trackers are read.
CREATE VIEW tracker_set_progress AS
SELECT
    s.id AS set_id,
    COUNT(t.id) AS tracker_count,
    CASE
        WHEN COUNT(t.id) = 0 THEN 0.0
        WHEN TOTAL(t.effective_weight) > 0
            THEN 100.0 * TOTAL(t.effective_weight * t.fraction) / TOTAL(t.effective_weight)
        WHEN MIN(t.fraction) = 1.0 THEN 100.0
        ELSE 0.0
    END AS overall,
    MAX(s.updated_at, COALESCE(MAX(t.updated_at), s.updated_at)) AS updated_at
FROM tracker_set s LEFT JOIN tracker_progress t ON t.set_id = s.id
GROUP BY s.id;
