-- Identity tokens. A handle to a set or tracker carries its row's id and a random token, and
-- every statement on it checks both. Ids alone are not enough: SQLite rolls AUTOINCREMENT's
-- counter back with a rolled-back transaction, so a row created later may get the id of a
-- handle made inside that transaction. It never gets its token.
ALTER TABLE tracker_set ADD COLUMN token INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tracker ADD COLUMN token INTEGER NOT NULL DEFAULT 0;
UPDATE tracker_set SET token = random();
UPDATE tracker SET token = random();
