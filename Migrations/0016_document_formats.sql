-- Plans imported from the formats they are published in (`plantrack import page.html|plan.docx|plan.pdf`).
-- Such a file is converted to outline text first; `documents.body` and every `sources.quote` are
-- that text, and `sources.line` / `passages.line` count its lines.

-- html, docx or pdf; NULL for a document read as text or Markdown.
ALTER TABLE documents ADD COLUMN format TEXT CHECK (format IN ('html', 'docx', 'pdf'));

-- The PDF page a passage starts on; NULL for formats without pages.
ALTER TABLE sources ADD COLUMN page INTEGER CHECK (page > 0);
ALTER TABLE passages ADD COLUMN page INTEGER CHECK (page > 0);
