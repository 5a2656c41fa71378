-- Integrity of the append-only log: rows can be added, never rewritten, and every change by
-- other means is evident.
--
-- 1. REPLACE guards. `INSERT OR REPLACE` deletes the row it collides with without firing the
--    DELETE triggers (recursive triggers are off), so a BEFORE INSERT trigger refuses a new row
--    whose id (or, for a correction, whose supersedes_id) is taken. An AFTER INSERT check
--    refuses ids below the largest, so ids only grow and the log reads in id order.
-- 2. A hash chain. Every append-only row adds a link to integrity_chain: SHA-256 over the link
--    before it, the table name and the row's (column, value) pairs (chain_sha256, a function
--    every plantrack connection has; other programs cannot append to these tables, since they
--    lack it). `plantrack verify` recomputes the chain and names the first row that changed.
--
-- A new append-only table joins by adding its name to append_only_tables and the three
-- triggers below with its own columns (every column, in table order, as `'name', NEW.name`).
-- Columns added to a chained table later must be NULL in old rows (NULL pairs are not hashed).

CREATE TABLE append_only_tables (name TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT INTO append_only_tables (name) VALUES ('progress_updates'), ('training_sessions');

CREATE TABLE integrity_chain (
    seq        INTEGER PRIMARY KEY,
    table_name TEXT NOT NULL,
    row_id     INTEGER NOT NULL,
    link       BLOB NOT NULL CHECK (length(link) = 32)
);
CREATE TRIGGER integrity_chain_no_update BEFORE UPDATE ON integrity_chain
BEGIN SELECT RAISE(ABORT, 'integrity_chain is append-only'); END;
CREATE TRIGGER integrity_chain_no_delete BEFORE DELETE ON integrity_chain
BEGIN SELECT RAISE(ABORT, 'integrity_chain is append-only'); END;
CREATE TRIGGER integrity_chain_no_replace BEFORE INSERT ON integrity_chain
WHEN EXISTS (SELECT 1 FROM integrity_chain WHERE seq = NEW.seq)
BEGIN SELECT RAISE(ABORT, 'integrity_chain is append-only'); END;

CREATE TRIGGER progress_updates_no_replace BEFORE INSERT ON progress_updates
WHEN EXISTS (SELECT 1 FROM progress_updates WHERE id = NEW.id)
  OR (NEW.supersedes_id IS NOT NULL AND EXISTS (SELECT 1 FROM progress_updates WHERE supersedes_id = NEW.supersedes_id))
BEGIN SELECT RAISE(ABORT, 'progress_updates is append-only: a row cannot be replaced'); END;
CREATE TRIGGER progress_updates_chain AFTER INSERT ON progress_updates BEGIN
    SELECT RAISE(ABORT, 'progress_updates is append-only: ids only grow') WHERE NEW.id < (SELECT max(id) FROM progress_updates);
    INSERT INTO integrity_chain (table_name, row_id, link) VALUES ('progress_updates', NEW.id, chain_sha256(
        (SELECT link FROM integrity_chain ORDER BY seq DESC LIMIT 1), 'progress_updates',
        'id', NEW.id, 'action_id', NEW.action_id, 'commitment_id', NEW.commitment_id, 'reported_on', NEW.reported_on,
        'status', NEW.status, 'percent', NEW.percent, 'note', NEW.note, 'evidence_url', NEW.evidence_url,
        'author', NEW.author, 'supersedes_id', NEW.supersedes_id, 'recorded_at', NEW.recorded_at));
END;

CREATE TRIGGER training_sessions_no_replace BEFORE INSERT ON training_sessions
WHEN EXISTS (SELECT 1 FROM training_sessions WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'training_sessions is append-only: a row cannot be replaced'); END;
CREATE TRIGGER training_sessions_chain AFTER INSERT ON training_sessions BEGIN
    SELECT RAISE(ABORT, 'training_sessions is append-only: ids only grow') WHERE NEW.id < (SELECT max(id) FROM training_sessions);
    INSERT INTO integrity_chain (table_name, row_id, link) VALUES ('training_sessions', NEW.id, chain_sha256(
        (SELECT link FROM integrity_chain ORDER BY seq DESC LIMIT 1), 'training_sessions',
        'id', NEW.id, 'milestone_id', NEW.milestone_id, 'started_on', NEW.started_on, 'ended_on', NEW.ended_on,
        'title', NEW.title, 'location', NEW.location, 'host', NEW.host, 'participants', NEW.participants,
        'countries', NEW.countries, 'evidence_url', NEW.evidence_url, 'recorded_at', NEW.recorded_at));
END;

-- Rows logged before this migration join the chain: sessions, then updates, each in id order.
CREATE TEMP TABLE chain_seed (seq INTEGER PRIMARY KEY, table_name TEXT NOT NULL, row_id INTEGER NOT NULL);
INSERT INTO chain_seed (table_name, row_id) SELECT 'training_sessions', id FROM training_sessions ORDER BY id;
INSERT INTO chain_seed (table_name, row_id) SELECT 'progress_updates', id FROM progress_updates ORDER BY id;
INSERT INTO integrity_chain (seq, table_name, row_id, link)
WITH RECURSIVE walk (seq, table_name, row_id, link) AS (
    SELECT 0, NULL, NULL, NULL
    UNION ALL
    SELECT s.seq, s.table_name, s.row_id, CASE s.table_name
        WHEN 'progress_updates' THEN chain_sha256(walk.link, 'progress_updates',
            'id', u.id, 'action_id', u.action_id, 'commitment_id', u.commitment_id, 'reported_on', u.reported_on,
            'status', u.status, 'percent', u.percent, 'note', u.note, 'evidence_url', u.evidence_url,
            'author', u.author, 'supersedes_id', u.supersedes_id, 'recorded_at', u.recorded_at)
        ELSE chain_sha256(walk.link, 'training_sessions',
            'id', t.id, 'milestone_id', t.milestone_id, 'started_on', t.started_on, 'ended_on', t.ended_on,
            'title', t.title, 'location', t.location, 'host', t.host, 'participants', t.participants,
            'countries', t.countries, 'evidence_url', t.evidence_url, 'recorded_at', t.recorded_at)
        END
    FROM walk
    JOIN chain_seed s ON s.seq = walk.seq + 1
    LEFT JOIN progress_updates u ON s.table_name = 'progress_updates' AND u.id = s.row_id
    LEFT JOIN training_sessions t ON s.table_name = 'training_sessions' AND t.id = s.row_id
)
SELECT seq, table_name, row_id, link FROM walk WHERE seq > 0;
DROP TABLE temp.chain_seed;

-- CSV files `progress import` has loaded, by content: the same file is refused a second time
-- (a re-run after a kill that came after the commit would log every row twice).
CREATE TABLE imported_files (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    file_name   TEXT NOT NULL,
    rows        INTEGER NOT NULL CHECK (rows >= 0),
    imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX imported_files_by_sha256 ON imported_files (sha256);
