-- indicator_latest picked the latest value by date even when a correction had superseded it
-- (a correction dated earlier than the value it corrects lost to it). Hand-recorded values are
-- corrected by appending a row with supersedes_id (0005), so a value in force is one that no
-- other row supersedes: the same rule commitment_progress applies to an indicator's actuals.
DROP VIEW indicator_latest;
CREATE VIEW indicator_latest AS
SELECT i.slug, i.name, i.name_en, v.qualifier, v.value, i.unit, v.as_of, d.slug AS document, s.line, s.quote
FROM indicators i
JOIN indicator_values v ON v.id = (
    SELECT v2.id FROM indicator_values v2
    WHERE v2.indicator_id = i.id
      AND NOT EXISTS (SELECT 1 FROM indicator_values c WHERE c.supersedes_id = v2.id)
    ORDER BY v2.as_of IS NULL, v2.as_of DESC, v2.id DESC LIMIT 1)
LEFT JOIN sources s ON s.id = v.source_id
LEFT JOIN documents d ON d.id = s.document_id;
