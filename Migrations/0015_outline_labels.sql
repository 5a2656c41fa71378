-- Plans of any layout keep their outline: each action's number as printed (二（一）3, I.A.2) and the
-- titles of the sections above it, so nothing of the document's structure is lost and analysts can
-- name an action by the label they read in the plan. A vision keeps its printed number too.
ALTER TABLE actions ADD COLUMN label TEXT;
ALTER TABLE actions ADD COLUMN outline_path TEXT;
ALTER TABLE visions ADD COLUMN label TEXT;
CREATE INDEX actions_label ON actions (plan_id, label) WHERE label IS NOT NULL;
