-- A store in PostgreSQL: the meaning of Migrations/SQLite at its version 7, where each
-- table and column is explained, in one script. Everything is created in the schema the
-- store was opened with (the connection's search_path names it alone).
-- Times are Unix seconds (double precision), from the server's clock unless the library is
-- given one: every host stamps rows with the same clock.
-- Names and keys are COLLATE "C": compared and ordered byte by byte, as in SQLite, whatever
-- the database's locale.
-- Identity tokens: ids come from sequences, which never hand out a number twice even when a
-- transaction rolls back, but handles carry a random token all the same, so that both
-- storages check a handle the same way.

-- A tracker row and a set row are rewritten by every count: room left on their pages lets
-- PostgreSQL keep each new version on the same page (a HOT update, no index touched).
CREATE TABLE tracker_set (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token bigint NOT NULL,
    name text COLLATE "C" NOT NULL UNIQUE CHECK (octet_length(name) BETWEEN 1 AND 255),
    created_at double precision NOT NULL,
    updated_at double precision NOT NULL,
    paused_seconds double precision NOT NULL DEFAULT 0 CHECK (paused_seconds >= 0),
    state text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'paused', 'cancelled')),
    halted_at double precision
) WITH (fillfactor = 50);

CREATE TABLE tracker (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    set_id bigint NOT NULL REFERENCES tracker_set (id) ON DELETE CASCADE,
    token bigint NOT NULL,
    name text COLLATE "C" NOT NULL CHECK (octet_length(name) BETWEEN 1 AND 255),
    total bigint NOT NULL CHECK (total >= 0),
    current bigint NOT NULL DEFAULT 0 CHECK (current >= 0),
    -- NULL means "weigh by total".
    weight double precision CHECK (weight >= 0),
    created_at double precision NOT NULL,
    updated_at double precision NOT NULL,
    completed_at double precision,
    quiet_until double precision,
    failed bigint NOT NULL DEFAULT 0 CHECK (failed >= 0),
    skipped bigint NOT NULL DEFAULT 0 CHECK (skipped >= 0),
    failure_sampled_at double precision,
    -- Timing and the rate's base live in the row, beside the count, so that a status is one
    -- scan of the set's rows (SQLite's version 7 says why each is there).
    started_at double precision,
    paused_seconds double precision NOT NULL DEFAULT 0 CHECK (paused_seconds >= 0),
    rate_since double precision,
    rate_base_at double precision,
    rate_base_current bigint,
    UNIQUE (set_id, name)
) WITH (fillfactor = 50);
-- The set's trackers in creation order, without a sort. Neither column ever changes, so
-- counts stay HOT updates.
CREATE INDEX tracker_by_set ON tracker (set_id, id);

CREATE TABLE tracker_cursor (
    tracker_id bigint PRIMARY KEY REFERENCES tracker (id) ON DELETE CASCADE,
    value text NOT NULL
);

-- Item keys are up to 64 KiB, and a B-tree entry must fit in a third of a page: the unique
-- indexes on keys hold this instead of the key. A key of up to 1,000 bytes is its own UTF-8
-- bytes, compared exactly and kept in order (keys counted in order fill the index at its
-- end); a longer key is the byte 0xFF, which no UTF-8 text holds, and its SHA-256 digest.
-- textsend is only STABLE because it depends on the database's encoding, which never
-- changes; PL/pgSQL, because an SQL function that is not inlined costs several times more.
CREATE FUNCTION progress_item_key(key text) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
    RETURN CASE WHEN octet_length(key) <= 1000 THEN textsend(key) ELSE '\xff'::bytea || sha256(textsend(key)) END;
END
$$;

CREATE TABLE tracker_item (
    tracker_id bigint NOT NULL REFERENCES tracker (id) ON DELETE CASCADE,
    key text COLLATE "C" NOT NULL CHECK (key <> '')
);
CREATE UNIQUE INDEX tracker_item_key ON tracker_item (tracker_id, progress_item_key(key));

CREATE TABLE tracker_failure (
    tracker_id bigint NOT NULL REFERENCES tracker (id) ON DELETE CASCADE,
    key text COLLATE "C" NOT NULL,
    reason text NOT NULL,
    attempts bigint NOT NULL CHECK (attempts >= 1),
    first_at double precision NOT NULL,
    last_at double precision NOT NULL,
    resolved_at double precision,
    resolution text CHECK (resolution IN ('counted', 'skipped')),
    CHECK ((resolved_at IS NULL) = (resolution IS NULL))
);
CREATE UNIQUE INDEX tracker_failure_key ON tracker_failure (tracker_id, progress_item_key(key));
CREATE INDEX tracker_failure_by_time ON tracker_failure (tracker_id, first_at);

CREATE TABLE tracker_skip (
    tracker_id bigint NOT NULL REFERENCES tracker (id) ON DELETE CASCADE,
    key text COLLATE "C" NOT NULL,
    reason text NOT NULL,
    at double precision NOT NULL
);
CREATE UNIQUE INDEX tracker_skip_key ON tracker_skip (tracker_id, progress_item_key(key));

CREATE TABLE tracker_event (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    set_id bigint NOT NULL REFERENCES tracker_set (id) ON DELETE CASCADE,
    -- No foreign key: a removed tracker's history stays, under its name. NULL for the set's own.
    tracker_id bigint,
    tracker text COLLATE "C",
    kind text NOT NULL CHECK (kind IN (
        'created', 'resumed', 'started', 'progress', 'currentSet', 'totalChanged', 'completed', 'removed',
        'failed', 'paused', 'cancelled'
    )),
    at double precision NOT NULL,
    current bigint NOT NULL,
    total bigint NOT NULL,
    failed bigint NOT NULL DEFAULT 0,
    skipped bigint NOT NULL DEFAULT 0,
    CHECK ((tracker_id IS NULL) = (tracker IS NULL))
);
CREATE INDEX tracker_event_by_set ON tracker_event (set_id, at);
CREATE INDEX tracker_event_by_tracker ON tracker_event (tracker_id, at);

-- The one definition of a tracker's progress, as in SQLite: its fraction done, counted at
-- most to its total (a tracker with total 0 is complete), its percent (exactly 100 when
-- complete, at most the largest double below 100 otherwise), and the weight it carries.
-- All in double precision, in the same order of operations as SQLite's REAL arithmetic, so
-- that both storages give the same bits.
CREATE VIEW tracker_progress AS
SELECT
    id, set_id, token, name, current, total, weight, failed, skipped,
    created_at, updated_at, started_at, completed_at, paused_seconds, rate_base_at, rate_base_current,
    COALESCE(weight, total::double precision) AS effective_weight,
    current >= total AS complete,
    CASE WHEN current >= total THEN 1.0::double precision ELSE current::double precision / total END AS fraction,
    CASE WHEN current >= total THEN 100.0::double precision
        ELSE LEAST(100.0::double precision * current / total, 99.99999999999999::double precision) END AS percent
FROM tracker;

-- The one definition of a set's overall progress in percent: 100 · Σ weight·fraction / Σ weight,
-- the ratio taken first so that a finished set is exactly 100. One aggregate, classifying each
-- tracker as complete (2), weightless and unfinished (1) or weighted and unfinished (0):
-- - none (an empty set): 0;
-- - all complete: 100;
-- - some unfinished, but none carries weight: 100 if the others carry weight, else 0;
-- - some that carry weight unfinished: the ratio, below 100.
-- Queried with `WHERE set_id = $1`, which PostgreSQL pushes into the GROUP BY, so only that
-- set's trackers are read.
CREATE VIEW tracker_set_overall AS
SELECT
    s.id AS set_id,
    CASE min(CASE WHEN t.complete THEN 2 WHEN t.effective_weight > 0 THEN 0 ELSE 1 END)
        WHEN 2 THEN 100.0::double precision
        WHEN 1 THEN CASE WHEN sum(t.effective_weight) > 0 THEN 100.0::double precision ELSE 0.0::double precision END
        WHEN 0 THEN LEAST(100.0::double precision * (sum(t.effective_weight * t.fraction) / sum(t.effective_weight)),
            99.99999999999999::double precision)
        ELSE 0.0::double precision
    END AS overall
FROM tracker_set s LEFT JOIN tracker_progress t ON t.set_id = s.id
GROUP BY s.id;

-- The commit-outcome rule (see PostgresTrackerStorage+Commits.swift): each writer connection
-- keeps one row, which every transaction it commits rewrites in the same transaction with
-- its number. After a connection breaks during a commit, the row says whether that commit
-- happened, and `changed`, what an autocommitted count changed. One row per writer: no
-- row that every writer must lock.
CREATE TABLE writer_commit (
    writer bigint PRIMARY KEY,
    commits bigint NOT NULL,
    changed bigint NOT NULL,
    -- The server's time of the last commit: rows unused for a week are a vanished writer's.
    at double precision NOT NULL
) WITH (fillfactor = 50);

-- Moved on by every writer right after each commit (not inside the transaction, where a
-- watcher could see it move before the commit is visible): a watcher's O(1) change check.
-- A sequence is not transactional, so no writer waits for another's commit to move it.
CREATE SEQUENCE change_counter;
