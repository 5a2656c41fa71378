-- plantrack schema, version 1: the tables of the schema contract (docs/SCHEMA.md).
-- replaces checksum 169a9b745f3653652e876b812ae0525c021911a7a735772dcc5c262077803058
-- Dates are ISO 8601 text: YYYY-MM-DD, or YYYY-MM / YYYY where the source is that vague.
-- Timestamps are UTC, YYYY-MM-DDTHH:MM:SSZ. Date checks use date(x, '+0 days'), which normalises
-- impossible days (2025-02-30 → 2025-03-02) where a bare date(x) would echo them back.

CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    publisher    TEXT,
    url          TEXT,
    published_on TEXT,
    sha256       TEXT NOT NULL,
    body         TEXT NOT NULL,
    file_name    TEXT,
    -- Fingerprint of what the import read (file bytes, curation entry, importer version):
    -- an equal fingerprint means a re-import would change nothing.
    extraction_sha256 TEXT,
    imported_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- A verbatim passage of a document: what an imported row was read from.
CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    line        INTEGER NOT NULL,          -- line in the original file, 1-based
    quote       TEXT NOT NULL CHECK (length(quote) > 0),
    UNIQUE (document_id, line, quote)
);

CREATE TABLE plans (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    title_en    TEXT,
    proposed_on TEXT,
    document_id INTEGER REFERENCES documents(id),
    source_id   INTEGER REFERENCES sources(id)
);

CREATE TABLE visions (
    id        INTEGER PRIMARY KEY,
    plan_id   INTEGER NOT NULL REFERENCES plans(id),
    number    INTEGER NOT NULL CHECK (number > 0),
    slug      TEXT,
    title     TEXT NOT NULL,
    title_en  TEXT,
    source_id INTEGER REFERENCES sources(id),
    UNIQUE (plan_id, number)
);

CREATE TABLE actions (
    id        INTEGER PRIMARY KEY,
    plan_id   INTEGER NOT NULL REFERENCES plans(id),
    number    INTEGER NOT NULL CHECK (number > 0),
    slug      TEXT,
    title     TEXT NOT NULL,
    title_en  TEXT,
    body      TEXT NOT NULL,
    vision_id INTEGER REFERENCES visions(id),
    source_id INTEGER REFERENCES sources(id),
    UNIQUE (plan_id, number)
);

CREATE TABLE commitments (
    id           INTEGER PRIMARY KEY,
    action_id    INTEGER NOT NULL REFERENCES actions(id),
    slug         TEXT NOT NULL UNIQUE,
    body         TEXT NOT NULL,
    target_value REAL,
    target_unit  TEXT,
    due_on       TEXT,
    source_id    INTEGER REFERENCES sources(id)
);
CREATE INDEX commitments_by_action ON commitments (action_id);

CREATE TABLE initiatives (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    name_en      TEXT,
    kind         TEXT NOT NULL,
    announced_on TEXT,
    source_id    INTEGER REFERENCES sources(id)
);

CREATE TABLE indicators (
    id      INTEGER PRIMARY KEY,
    slug    TEXT NOT NULL UNIQUE,
    name    TEXT NOT NULL,
    name_en TEXT,
    unit    TEXT
);

CREATE TABLE indicator_values (
    id           INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicators(id),
    value        REAL NOT NULL,
    qualifier    TEXT NOT NULL DEFAULT '=' CHECK (qualifier IN ('=', '>', '>=', '<', '<=', '~')),
    as_of        TEXT,
    source_id    INTEGER REFERENCES sources(id),
    UNIQUE (indicator_id, as_of, source_id)
);
CREATE INDEX indicator_values_by_indicator ON indicator_values (indicator_id, as_of);

CREATE TABLE milestones (
    id            INTEGER PRIMARY KEY,
    commitment_id INTEGER NOT NULL REFERENCES commitments(id),
    slug          TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    target_count  INTEGER NOT NULL CHECK (target_count > 0),
    unit          TEXT,
    due_on        TEXT NOT NULL,
    baseline_note TEXT
);

-- Append-only: a held session is a fact; UPDATE and DELETE fail (triggers below).
CREATE TABLE training_sessions (
    id           INTEGER PRIMARY KEY,
    milestone_id INTEGER REFERENCES milestones(id),
    started_on   TEXT NOT NULL CHECK (date(started_on, '+0 days') IS started_on),
    ended_on     TEXT CHECK (ended_on IS NULL OR (date(ended_on, '+0 days') IS ended_on AND ended_on >= started_on)),
    title        TEXT NOT NULL CHECK (length(title) > 0),
    location     TEXT NOT NULL CHECK (length(location) > 0),
    host         TEXT,
    participants INTEGER CHECK (participants IS NULL OR participants >= 0),
    countries    INTEGER CHECK (countries IS NULL OR countries >= 0),
    evidence_url TEXT,
    recorded_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX training_sessions_by_milestone ON training_sessions (milestone_id, started_on);

-- Append-only: a correction is a new row whose supersedes_id names the row it replaces.
CREATE TABLE progress_updates (
    id            INTEGER PRIMARY KEY,
    action_id     INTEGER NOT NULL REFERENCES actions(id),
    commitment_id INTEGER REFERENCES commitments(id),
    reported_on   TEXT NOT NULL CHECK (date(reported_on, '+0 days') IS reported_on),
    status        TEXT NOT NULL CHECK (status IN ('not-started', 'in-progress', 'at-risk', 'blocked', 'completed')),
    percent       REAL CHECK (percent IS NULL OR (percent >= 0 AND percent <= 100)),
    note          TEXT NOT NULL CHECK (length(note) > 0),
    evidence_url  TEXT,
    author        TEXT,
    supersedes_id INTEGER UNIQUE REFERENCES progress_updates(id),
    recorded_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
-- Latest update of an action as of a date: walk this index backwards.
CREATE INDEX progress_updates_by_action ON progress_updates (action_id, reported_on, id);
CREATE INDEX progress_updates_by_date ON progress_updates (reported_on, id);

CREATE TRIGGER progress_updates_no_update BEFORE UPDATE ON progress_updates
BEGIN SELECT RAISE(ABORT, 'progress_updates is append-only: record a correction instead'); END;
CREATE TRIGGER progress_updates_no_delete BEFORE DELETE ON progress_updates
BEGIN SELECT RAISE(ABORT, 'progress_updates is append-only: record a correction instead'); END;
CREATE TRIGGER training_sessions_no_update BEFORE UPDATE ON training_sessions
BEGIN SELECT RAISE(ABORT, 'training_sessions is append-only'); END;
CREATE TRIGGER training_sessions_no_delete BEFORE DELETE ON training_sessions
BEGIN SELECT RAISE(ABORT, 'training_sessions is append-only'); END;
