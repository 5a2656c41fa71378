-- Translations and curation kept in the database.
--
-- A document whose front matter says `translation_of: SLUG` (or `import --translation-of SLUG`)
-- creates no plan: it fills the English text of that plan's rows, matched by position, and each
-- translated row points at the passage of the translation it was read from (source_en_id), so
-- both languages keep their provenance. Commitments' English text lives in title_en / body_en
-- (added with plan-level targets); their translated passage in source_en_id here.
ALTER TABLE documents ADD COLUMN translation_of INTEGER REFERENCES plans(id);
ALTER TABLE plans ADD COLUMN source_en_id INTEGER REFERENCES sources(id);
ALTER TABLE visions ADD COLUMN source_en_id INTEGER REFERENCES sources(id);
ALTER TABLE actions ADD COLUMN body_en TEXT;
ALTER TABLE actions ADD COLUMN source_en_id INTEGER REFERENCES sources(id);
ALTER TABLE commitments ADD COLUMN source_en_id INTEGER REFERENCES sources(id);

-- Curation overlays applied with `import --curation FILE`, one entry per document file name (the
-- JSON of that document's entry, in the format of Seeds/curation.json). Every later import of the
-- document applies it over the bundled overlay, so a fix made once survives re-imports.
CREATE TABLE curation_overlays (
    file_name  TEXT PRIMARY KEY,
    entry      TEXT NOT NULL CHECK (json_valid(entry)),
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
