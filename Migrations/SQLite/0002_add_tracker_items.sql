-- Item keys make counting idempotent: an import that retries an item after a crash
-- counts it once. WITHOUT ROWID stores each key once, in the primary-key b-tree
-- (about half the disk of a rowid table, and faster to insert).

CREATE TABLE tracker_item (
    tracker_id INTEGER NOT NULL REFERENCES tracker (id) ON DELETE CASCADE,
    key TEXT NOT NULL CHECK (length(key) > 0),
    PRIMARY KEY (tracker_id, key)
) STRICT, WITHOUT ROWID;

-- Counting in the trigger makes the key and the count one statement: they commit
-- together or not at all, even inside a caller's transaction that swallows an error.
CREATE TRIGGER tracker_item_counted AFTER INSERT ON tracker_item
BEGIN
    UPDATE tracker
    SET current = current + 1, updated_at = (julianday('now') - 2440587.5) * 86400.0
    WHERE id = NEW.tracker_id;
END;
