-- Exact progress: a tracker's percent and a set's overall are always finite and within
-- 0…100; exactly 100 when complete, and below 100 while not. The largest double below 100,
-- 99.99999999999999, caps what rounding could otherwise lift to 100 (a tracker at
-- Int.max - 1 of Int.max) or leave just above it.
DROP VIEW tracker_set_progress;
DROP VIEW tracker_progress;

-- The one definition of a tracker's progress: its fraction done, counted at most to its
-- total (a tracker with total 0 is complete), its percent, and the weight it carries.
CREATE VIEW tracker_progress AS
SELECT
    id, set_id, token, name, current, total, weight, updated_at, completed_at,
    COALESCE(weight, total) AS effective_weight,
    current >= total AS complete,
    CASE WHEN current >= total THEN 1.0 ELSE CAST(current AS REAL) / total END AS fraction,
    CASE WHEN current >= total THEN 100.0 ELSE MIN(100.0 * current / total, 99.99999999999999) END AS percent
FROM tracker;

-- The one definition of a set's overall progress in percent: 100 · Σ weight·fraction / Σ weight,
-- the ratio taken first so that a finished set is exactly 100. It is 100 when every tracker
-- that carries weight is complete, and below 100 while one is not. An empty set is at 0; when
-- the weights add up to 0 the set is at 100 if every tracker is complete and at 0 otherwise.
-- Queried with `WHERE set_id = ?`, which SQLite pushes down into the GROUP BY.
CREATE VIEW tracker_set_progress AS
SELECT
    s.id AS set_id,
    COUNT(t.id) AS tracker_count,
    CASE
        WHEN COUNT(t.id) = 0 THEN 0.0
        WHEN TOTAL(t.effective_weight) > 0 THEN
            CASE
                WHEN TOTAL(t.effective_weight > 0 AND NOT t.complete) = 0 THEN 100.0
                ELSE MIN(100.0 * (TOTAL(t.effective_weight * t.fraction) / TOTAL(t.effective_weight)), 99.99999999999999)
            END
        WHEN MIN(t.complete) = 1 THEN 100.0
        ELSE 0.0
    END AS overall,
    MAX(s.updated_at, COALESCE(MAX(t.updated_at), s.updated_at)) AS updated_at
FROM tracker_set s LEFT JOIN tracker_progress t ON t.set_id = s.id
GROUP BY s.id;

-- Weights are 0 or within 1e-18…1e18 from now on, so that a set's sum of weights stays finite
-- and no weighted fraction underflows; earlier weights outside that range are brought into it.
UPDATE tracker SET weight = 1e18 WHERE weight > 1e18;
UPDATE tracker SET weight = 0 WHERE weight < 1e-18;

-- A tracker is complete from when its count reaches its total until the total rises above it
-- (or the count falls below it); earlier versions kept the completion time after that.
UPDATE tracker SET completed_at = NULL WHERE completed_at IS NOT NULL AND current < total;

-- Names and item keys are now stored in Unicode Normalization Form C, so that names Swift
-- calls equal are one name. Converting the existing ones needs Unicode tables that SQLite
-- lacks: the library does it in Swift right after this script, in the same transaction
-- (`CanonicalNames`), keeping every tracker and set when two names become one.
