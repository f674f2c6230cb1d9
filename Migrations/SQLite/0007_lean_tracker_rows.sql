-- One pass per status. A status read every tracker's row, then searched each tracker's
-- history twice for the sample its rate is measured from, and joined two aggregate views:
-- ten times what a status needs. Now a tracker's timing lives in its own row, beside its
-- count, and the rate's base sample is kept there when a sample is written (at most once per
-- sample interval), so that a status is one scan of the set's rows plus the overall.

ALTER TABLE tracker ADD COLUMN started_at REAL;
ALTER TABLE tracker ADD COLUMN paused_seconds REAL NOT NULL DEFAULT 0 CHECK (paused_seconds >= 0);
-- Where the current stretch of counting began (start, resume, or a lowered count), so that a
-- rate is never measured across downtime or a reset.
ALTER TABLE tracker ADD COLUMN rate_since REAL;
-- The sample the rate is measured from: the last one at least the rate window (a minute)
-- before the latest sample since rate_since, or else the first since.
ALTER TABLE tracker ADD COLUMN rate_base_at REAL;
ALTER TABLE tracker ADD COLUMN rate_base_current INTEGER;

UPDATE tracker SET (started_at, paused_seconds, rate_since) =
    (SELECT started_at, paused_seconds, rate_since FROM tracker_timing WHERE tracker_id = tracker.id)
WHERE id IN (SELECT tracker_id FROM tracker_timing);
UPDATE tracker SET (rate_base_at, rate_base_current) = (
    SELECT e.at, e.current FROM tracker_event e WHERE e.id = COALESCE(
        (SELECT x.id FROM tracker_event x
         WHERE x.tracker_id = tracker.id AND x.at >= tracker.rate_since AND x.at <= tracker.updated_at - 60
         ORDER BY x.at DESC, x.id DESC LIMIT 1),
        (SELECT x.id FROM tracker_event x
         WHERE x.tracker_id = tracker.id AND x.at >= tracker.rate_since
         ORDER BY x.at, x.id LIMIT 1)
    )
)
WHERE rate_since IS NOT NULL;

DROP VIEW tracker_set_timing;
DROP TABLE tracker_timing;

-- The set's trackers in creation order (the rowid after set_id), without a sort.
CREATE INDEX tracker_by_set ON tracker (set_id);

DROP VIEW tracker_set_progress;
DROP VIEW tracker_progress;

-- The one definition of a tracker's progress: its fraction done, counted at most to its
-- total (a tracker with total 0 is complete), its percent (exactly 100 when complete, below
-- 100 otherwise: 99.99999999999999 is the largest double below 100), and its weight.
CREATE VIEW tracker_progress AS
SELECT
    id, set_id, token, name, current, total, weight, failed, skipped,
    created_at, updated_at, started_at, completed_at, paused_seconds, rate_base_at, rate_base_current,
    COALESCE(weight, total) AS effective_weight,
    current >= total AS complete,
    CASE WHEN current >= total THEN 1.0 ELSE CAST(current AS REAL) / total END AS fraction,
    CASE WHEN current >= total THEN 100.0 ELSE MIN(100.0 * current / total, 99.99999999999999) END AS percent
FROM tracker;

-- The one definition of a set's overall progress in percent: 100 · Σ weight·fraction / Σ weight,
-- the ratio taken first so that a finished set is exactly 100. One aggregate, classifying each
-- tracker as complete (2), weightless and unfinished (1) or weighted and unfinished (0):
-- - none (an empty set): 0;
-- - all complete: 100;
-- - some unfinished, but none carries weight: 100 if the others carry weight, else 0;
-- - some that carry weight unfinished: the ratio, below 100.
-- Queried with `WHERE set_id = ?`, which SQLite pushes down into the GROUP BY.
CREATE VIEW tracker_set_overall AS
SELECT
    s.id AS set_id,
    CASE MIN(CASE WHEN t.complete THEN 2 WHEN t.effective_weight > 0 THEN 0 ELSE 1 END)
        WHEN 2 THEN 100.0
        WHEN 1 THEN CASE WHEN TOTAL(t.effective_weight) > 0 THEN 100.0 ELSE 0.0 END
        WHEN 0 THEN MIN(100.0 * (TOTAL(t.effective_weight * t.fraction) / TOTAL(t.effective_weight)), 99.99999999999999)
        ELSE 0.0
    END AS overall
FROM tracker_set s LEFT JOIN tracker_progress t ON t.set_id = s.id
GROUP BY s.id;
