-- Signed checkpoints of the hash chain (`plantrack checkpoint`): each one states how long the
-- chain was and its last link, per append-only table too, signed with the office's Ed25519 key
-- (kept outside this database). Kept here so the server can publish the latest (GET /checkpoint);
-- the copies that count are the ones published elsewhere. Append-only.
CREATE TABLE checkpoints (
    id         INTEGER PRIMARY KEY,
    chain_seq  INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    statement  TEXT NOT NULL
);
CREATE TRIGGER checkpoints_no_update BEFORE UPDATE ON checkpoints
BEGIN SELECT RAISE(ABORT, 'checkpoints is append-only'); END;
CREATE TRIGGER checkpoints_no_delete BEFORE DELETE ON checkpoints
BEGIN SELECT RAISE(ABORT, 'checkpoints is append-only'); END;
