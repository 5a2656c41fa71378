-- The append-only tables of the targets (0005) join the hash chain of 0008, as 0008 says a new
-- append-only table does: its name in append_only_tables, a REPLACE guard, and a chain trigger
-- that hashes every column in table order. training_sessions gained supersedes_id in 0005, so
-- its chain trigger is rebuilt to hash that column too (NULL pairs are not hashed, so the links
-- of rows logged before stay valid).
--
-- Hand-recorded indicator values share indicator_values with the imported ones, which the
-- importer replaces on re-import, so that table stays out of the chain; its triggers still
-- refuse UPDATE and DELETE of a hand-recorded row.

INSERT INTO append_only_tables (name) VALUES ('commitment_actuals'), ('training_withdrawals');

DROP TRIGGER training_sessions_chain;
CREATE TRIGGER training_sessions_chain AFTER INSERT ON training_sessions BEGIN
    SELECT RAISE(ABORT, 'training_sessions is append-only: ids only grow') WHERE NEW.id < (SELECT max(id) FROM training_sessions);
    INSERT INTO integrity_chain (table_name, row_id, link) VALUES ('training_sessions', NEW.id, chain_sha256(
        (SELECT link FROM integrity_chain ORDER BY seq DESC LIMIT 1), 'training_sessions',
        'id', NEW.id, 'milestone_id', NEW.milestone_id, 'started_on', NEW.started_on, 'ended_on', NEW.ended_on,
        'title', NEW.title, 'location', NEW.location, 'host', NEW.host, 'participants', NEW.participants,
        'countries', NEW.countries, 'evidence_url', NEW.evidence_url, 'recorded_at', NEW.recorded_at,
        'supersedes_id', NEW.supersedes_id));
END;

CREATE TRIGGER commitment_actuals_no_replace BEFORE INSERT ON commitment_actuals
WHEN EXISTS (SELECT 1 FROM commitment_actuals WHERE id = NEW.id)
  OR (NEW.supersedes_id IS NOT NULL AND EXISTS (SELECT 1 FROM commitment_actuals WHERE supersedes_id = NEW.supersedes_id))
BEGIN SELECT RAISE(ABORT, 'commitment_actuals is append-only: a row cannot be replaced'); END;
CREATE TRIGGER commitment_actuals_chain AFTER INSERT ON commitment_actuals BEGIN
    SELECT RAISE(ABORT, 'commitment_actuals is append-only: ids only grow') WHERE NEW.id < (SELECT max(id) FROM commitment_actuals);
    INSERT INTO integrity_chain (table_name, row_id, link) VALUES ('commitment_actuals', NEW.id, chain_sha256(
        (SELECT link FROM integrity_chain ORDER BY seq DESC LIMIT 1), 'commitment_actuals',
        'id', NEW.id, 'commitment_id', NEW.commitment_id, 'value', NEW.value, 'measured_on', NEW.measured_on,
        'note', NEW.note, 'evidence_url', NEW.evidence_url, 'author', NEW.author, 'supersedes_id', NEW.supersedes_id,
        'recorded_at', NEW.recorded_at));
END;

CREATE TRIGGER training_withdrawals_no_replace BEFORE INSERT ON training_withdrawals
WHEN EXISTS (SELECT 1 FROM training_withdrawals WHERE id = NEW.id OR session_id = NEW.session_id)
BEGIN SELECT RAISE(ABORT, 'training_withdrawals is append-only: a row cannot be replaced'); END;
CREATE TRIGGER training_withdrawals_chain AFTER INSERT ON training_withdrawals BEGIN
    SELECT RAISE(ABORT, 'training_withdrawals is append-only: ids only grow') WHERE NEW.id < (SELECT max(id) FROM training_withdrawals);
    INSERT INTO integrity_chain (table_name, row_id, link) VALUES ('training_withdrawals', NEW.id, chain_sha256(
        (SELECT link FROM integrity_chain ORDER BY seq DESC LIMIT 1), 'training_withdrawals',
        'id', NEW.id, 'session_id', NEW.session_id, 'withdrawn_on', NEW.withdrawn_on, 'reason', NEW.reason,
        'author', NEW.author, 'recorded_at', NEW.recorded_at));
END;

-- Rows recorded before this migration join the chain after its last link: actuals, then
-- withdrawals, each in id order.
CREATE TEMP TABLE chain_seed (seq INTEGER PRIMARY KEY, table_name TEXT NOT NULL, row_id INTEGER NOT NULL);
INSERT INTO chain_seed (table_name, row_id) SELECT 'commitment_actuals', id FROM commitment_actuals ORDER BY id;
INSERT INTO chain_seed (table_name, row_id) SELECT 'training_withdrawals', id FROM training_withdrawals ORDER BY id;
INSERT INTO integrity_chain (table_name, row_id, link)
WITH RECURSIVE walk (seq, table_name, row_id, link) AS (
    SELECT 0, NULL, NULL, (SELECT link FROM integrity_chain ORDER BY seq DESC LIMIT 1)
    UNION ALL
    SELECT s.seq, s.table_name, s.row_id, CASE s.table_name
        WHEN 'commitment_actuals' THEN chain_sha256(walk.link, 'commitment_actuals',
            'id', a.id, 'commitment_id', a.commitment_id, 'value', a.value, 'measured_on', a.measured_on,
            'note', a.note, 'evidence_url', a.evidence_url, 'author', a.author, 'supersedes_id', a.supersedes_id,
            'recorded_at', a.recorded_at)
        ELSE chain_sha256(walk.link, 'training_withdrawals',
            'id', w.id, 'session_id', w.session_id, 'withdrawn_on', w.withdrawn_on, 'reason', w.reason,
            'author', w.author, 'recorded_at', w.recorded_at)
        END
    FROM walk
    JOIN chain_seed s ON s.seq = walk.seq + 1
    LEFT JOIN commitment_actuals a ON s.table_name = 'commitment_actuals' AND a.id = s.row_id
    LEFT JOIN training_withdrawals w ON s.table_name = 'training_withdrawals' AND w.id = s.row_id
)
SELECT table_name, row_id, link FROM walk WHERE seq > 0 ORDER BY seq;
DROP TABLE temp.chain_seed;
