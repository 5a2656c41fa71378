-- Full-text search over document passages and progress-update notes (`plantrack search`).
--
-- The trigram tokenizer indexes every run of three characters, so Chinese text, which has no
-- spaces between words, is searchable as substrings, and English matches case-insensitively.
-- It cannot MATCH a term shorter than three characters; `plantrack search` checks such terms
-- with instr() on the content tables instead.
--
-- Both indexes are external-content tables: they keep only the index, read the text from
-- `passages` and `progress_updates`, and are kept in sync by the triggers below.

-- A document's body, one row per paragraph (or list item), so a hit can name its line.
-- The loader replaces a document's passages whenever it imports the document.
CREATE TABLE passages (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    line        INTEGER NOT NULL CHECK (line > 0),
    text        TEXT NOT NULL CHECK (length(text) > 0)
);
CREATE INDEX passages_by_document ON passages (document_id, line);

CREATE VIRTUAL TABLE passages_fts USING fts5(
    text, content = 'passages', content_rowid = 'id', tokenize = 'trigram');

CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts (passages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER passages_fts_update AFTER UPDATE ON passages BEGIN
    INSERT INTO passages_fts (passages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO passages_fts (rowid, text) VALUES (new.id, new.text);
END;

-- progress_updates is append-only (UPDATE and DELETE fail), so inserting is all there is to follow.
CREATE VIRTUAL TABLE update_notes_fts USING fts5(
    note, content = 'progress_updates', content_rowid = 'id', tokenize = 'trigram');

CREATE TRIGGER update_notes_fts_insert AFTER INSERT ON progress_updates BEGIN
    INSERT INTO update_notes_fts (rowid, note) VALUES (new.id, new.note);
END;

-- Databases created before this migration: split the documents already imported the way
-- PassageSplitter (Sources/Tracker/Reports/Search) does — one passage per non-blank line of
-- the body, trimmed of spaces, tabs, CR, U+3000 and U+00A0 — and index the notes already logged.
INSERT INTO passages (document_id, line, text)
WITH RECURSIVE split (document_id, line, text, rest) AS (
    SELECT id, 0, NULL, body || char(10) FROM documents
    UNION ALL
    SELECT document_id, line + 1, substr(rest, 1, instr(rest, char(10)) - 1), substr(rest, instr(rest, char(10)) + 1)
    FROM split WHERE rest <> ''
)
SELECT document_id, line, trim(text, ' ' || char(9, 13, 12288, 160))
FROM split
WHERE line > 0 AND trim(text, ' ' || char(9, 13, 12288, 160)) <> ''
ORDER BY document_id, line;

INSERT INTO update_notes_fts (update_notes_fts) VALUES ('rebuild');
