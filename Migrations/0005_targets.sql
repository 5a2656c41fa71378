-- Targets of every plan: commitments at plan level as well as action level, measured actuals,
-- indicator values recorded by hand, corrections and withdrawals of training sessions, and the
-- commitment_progress view.

-- 1. commitments: plan_id, a nullable action_id (NULL: one of the plan's main targets), kind,
-- qualifier, indicator_id, title_en, body_en. SQLite cannot drop a NOT NULL, so the table is
-- rebuilt under the same name (no RENAME, which would rewrite the views and the references of
-- progress_updates and milestones). Dropping it orphans those references for a moment: deferred
-- foreign keys let the transaction through once the same ids are back, and not otherwise.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE commitments_0004 AS SELECT * FROM commitments;
DROP TABLE commitments;

CREATE TABLE commitments (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plans(id),
    action_id    INTEGER REFERENCES actions(id),    -- NULL: a main target of the plan itself
    slug         TEXT NOT NULL UNIQUE,
    body         TEXT NOT NULL,
    title_en     TEXT,
    body_en      TEXT,
    -- level: a count or level to reach; share: a percentage to reach (a growth rate may pass
    -- 100); deliverable: date only.
    kind         TEXT NOT NULL DEFAULT 'level' CHECK (kind IN ('level', 'share', 'deliverable')),
    -- How an actual compares with the target; NULL reads as '>=' ('=' too: reach the target).
    qualifier    TEXT CHECK (qualifier IS NULL OR qualifier IN ('>', '>=', '=', '<=', '<')),
    target_value REAL,
    target_unit  TEXT,
    due_on       TEXT,
    -- Its actuals include this indicator's dated values.
    indicator_id INTEGER REFERENCES indicators(id),
    source_id    INTEGER REFERENCES sources(id),
    CHECK ((kind = 'deliverable') = (target_value IS NULL))
);
CREATE INDEX commitments_by_action ON commitments (action_id);
CREATE INDEX commitments_by_plan ON commitments (plan_id);
CREATE INDEX commitments_by_indicator ON commitments (indicator_id);

INSERT INTO commitments (id, plan_id, action_id, slug, body, kind, target_value, target_unit, due_on, source_id)
SELECT o.id, a.plan_id, o.action_id, o.slug, o.body,
       CASE WHEN o.target_value IS NULL THEN 'deliverable' WHEN o.target_unit = '%' THEN 'share' ELSE 'level' END,
       o.target_value, o.target_unit, o.due_on, o.source_id
FROM commitments_0004 o JOIN actions a ON a.id = o.action_id;
DROP TABLE commitments_0004;

-- An action-level commitment belongs to its action's plan.
CREATE TRIGGER commitments_plan_of_action_insert BEFORE INSERT ON commitments
WHEN NEW.action_id IS NOT NULL AND NEW.plan_id IS NOT (SELECT plan_id FROM actions WHERE id = NEW.action_id)
BEGIN SELECT RAISE(ABORT, 'commitments: plan_id must be the plan of action_id'); END;
CREATE TRIGGER commitments_plan_of_action_update BEFORE UPDATE OF plan_id, action_id ON commitments
WHEN NEW.action_id IS NOT NULL AND NEW.plan_id IS NOT (SELECT plan_id FROM actions WHERE id = NEW.action_id)
BEGIN SELECT RAISE(ABORT, 'commitments: plan_id must be the plan of action_id'); END;

-- A commitment is counted in the sessions of at most one milestone.
CREATE UNIQUE INDEX milestones_by_commitment ON milestones (commitment_id);

-- 2. Measured values of a commitment: the cumulative level as of measured_on. Append-only; a
-- correction is a new row whose supersedes_id names the row it replaces, at every date.
CREATE TABLE commitment_actuals (
    id            INTEGER PRIMARY KEY,
    commitment_id INTEGER NOT NULL REFERENCES commitments(id),
    value         REAL NOT NULL CHECK (value >= 0 AND value < 1e308),
    measured_on   TEXT NOT NULL CHECK (date(measured_on, '+0 days') IS measured_on),
    note          TEXT,
    evidence_url  TEXT,
    author        TEXT,
    supersedes_id INTEGER UNIQUE REFERENCES commitment_actuals(id),
    recorded_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX commitment_actuals_by_commitment ON commitment_actuals (commitment_id, measured_on, id);
CREATE TRIGGER commitment_actuals_no_update BEFORE UPDATE ON commitment_actuals
BEGIN SELECT RAISE(ABORT, 'commitment_actuals is append-only: record a correction instead'); END;
CREATE TRIGGER commitment_actuals_no_delete BEFORE DELETE ON commitment_actuals
BEGIN SELECT RAISE(ABORT, 'commitment_actuals is append-only: record a correction instead'); END;

-- 3. Indicator values recorded by hand (source_id NULL) beside the imported ones: where the figure
-- comes from, who recorded it, and corrections. Imported values stay the importer's to replace;
-- hand-recorded ones are append-only.
ALTER TABLE indicator_values ADD COLUMN evidence_url TEXT;
ALTER TABLE indicator_values ADD COLUMN note TEXT;
ALTER TABLE indicator_values ADD COLUMN author TEXT;
ALTER TABLE indicator_values ADD COLUMN recorded_at TEXT;
ALTER TABLE indicator_values ADD COLUMN supersedes_id INTEGER REFERENCES indicator_values(id);
CREATE UNIQUE INDEX indicator_values_by_supersedes ON indicator_values (supersedes_id);
CREATE TRIGGER indicator_values_by_hand_no_update BEFORE UPDATE ON indicator_values WHEN OLD.source_id IS NULL
BEGIN SELECT RAISE(ABORT, 'indicator values recorded by hand are append-only'); END;
CREATE TRIGGER indicator_values_by_hand_no_delete BEFORE DELETE ON indicator_values WHEN OLD.source_id IS NULL
BEGIN SELECT RAISE(ABORT, 'indicator values recorded by hand are append-only'); END;

-- 4. Training sessions: a correction is a new session row that supersedes the old one at every
-- date (the facts of a held session were always the corrected ones); a withdrawal is dated and
-- takes the session out of the counts from that date on.
ALTER TABLE training_sessions ADD COLUMN supersedes_id INTEGER REFERENCES training_sessions(id);
CREATE UNIQUE INDEX training_sessions_by_supersedes ON training_sessions (supersedes_id);

CREATE TABLE training_withdrawals (
    id           INTEGER PRIMARY KEY,
    session_id   INTEGER NOT NULL UNIQUE REFERENCES training_sessions(id),
    withdrawn_on TEXT NOT NULL CHECK (date(withdrawn_on, '+0 days') IS withdrawn_on),
    reason       TEXT NOT NULL CHECK (length(reason) > 0),
    author       TEXT,
    recorded_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TRIGGER training_withdrawals_no_update BEFORE UPDATE ON training_withdrawals
BEGIN SELECT RAISE(ABORT, 'training_withdrawals is append-only'); END;
CREATE TRIGGER training_withdrawals_no_delete BEFORE DELETE ON training_withdrawals
BEGIN SELECT RAISE(ABORT, 'training_withdrawals is append-only'); END;

-- 5. Every target with its progress as of today. The CLI's --as-of query is this view's own SQL
-- with params.as_of bound to the date asked for, so the rules below exist once.
--
-- actual: the latest point in force as of the date; points are the commitment's actuals, its
--   indicator's values with a full date, and for a commitment counted in sessions, the running
--   count of its sessions in force (0 before the first).
-- met: the latest point by min(as_of, due date) satisfies the qualifier against the target
--   ('>' strictly above, '<' / '<=' at or below, '>=' and '=' at least the target).
-- no-data: nothing measured yet; missed: past the due date, not met; on-track: the pace projects
--   the target by the due date; at-risk: otherwise.
-- pace: change per month (30.436875 days) from the baseline to as_of; the baseline is the
--   earliest point when there are two or more (and not a session count), else 0 on the plan's date.
-- projected_on: when the target was first satisfied, else as_of plus the remaining at that pace.
-- Deliverables: done when the action (or an update naming the commitment) was reported completed
--   by min(as_of, due date); missed past the due date; open otherwise. A vague due date (2025,
--   2025-12) is the end of that year or month.
CREATE VIEW commitment_progress AS
WITH params AS (SELECT date('now', 'localtime') AS as_of),
targets AS (
    SELECT c.id, c.slug, p.slug AS plan, a.number AS action, coalesce(m.title, c.title_en, c.body) AS title,
           coalesce(m.target_count, c.target_value) AS target, c.qualifier,
           CASE WHEN c.qualifier IN ('<', '<=') THEN -1 ELSE 1 END AS direction,
           coalesce(m.unit, c.target_unit) AS unit, coalesce(m.due_on, c.due_on) AS due_on,
           c.kind, c.action_id, m.id AS milestone_id, p.proposed_on, params.as_of
    FROM commitments c
    JOIN plans p ON p.id = c.plan_id
    LEFT JOIN actions a ON a.id = c.action_id
    LEFT JOIN milestones m ON m.commitment_id = c.id
    CROSS JOIN params
),
dated AS (
    -- A vague due date (2025, 2025-12) is due at the end of that year or month.
    SELECT targets.*,
           CASE length(due_on) WHEN 4 THEN due_on || '-12-31'
                WHEN 7 THEN date(due_on || '-01', '+1 month', '-1 day') ELSE due_on END AS due_end
    FROM targets
),
points AS (
    SELECT r.commitment_id, r.measured_on AS on_date, r.value, r.id AS ord
    FROM commitment_actuals r CROSS JOIN params
    WHERE r.measured_on <= params.as_of
      AND NOT EXISTS (SELECT 1 FROM commitment_actuals s WHERE s.supersedes_id = r.id)
    UNION ALL
    SELECT c.id, v.as_of, v.value, v.id
    FROM commitments c JOIN indicator_values v ON v.indicator_id = c.indicator_id CROSS JOIN params
    WHERE length(v.as_of) = 10 AND v.as_of <= params.as_of
      AND NOT EXISTS (SELECT 1 FROM indicator_values s WHERE s.supersedes_id = v.id)
    UNION ALL
    SELECT m.commitment_id, t.started_on,
           row_number() OVER (PARTITION BY m.id ORDER BY t.started_on, t.id), t.id
    FROM milestones m JOIN training_sessions t ON t.milestone_id = m.id CROSS JOIN params
    WHERE t.started_on <= params.as_of
      AND NOT EXISTS (SELECT 1 FROM training_sessions s WHERE s.supersedes_id = t.id)
      AND NOT EXISTS (SELECT 1 FROM training_withdrawals w WHERE w.session_id = t.id AND w.withdrawn_on <= params.as_of)
),
measured AS (
    SELECT t.*,
           (SELECT count(*) FROM points x WHERE x.commitment_id = t.id) AS point_count,
           (SELECT x.value FROM points x WHERE x.commitment_id = t.id
            ORDER BY x.on_date DESC, x.ord DESC LIMIT 1) AS latest_value,
           (SELECT x.on_date FROM points x WHERE x.commitment_id = t.id
            ORDER BY x.on_date DESC, x.ord DESC LIMIT 1) AS latest_on,
           (SELECT x.value FROM points x WHERE x.commitment_id = t.id AND x.on_date <= coalesce(min(t.as_of, t.due_end), t.as_of)
            ORDER BY x.on_date DESC, x.ord DESC LIMIT 1) AS value_by_due,
           (SELECT x.value FROM points x WHERE x.commitment_id = t.id ORDER BY x.on_date, x.ord LIMIT 1) AS first_value,
           (SELECT x.on_date FROM points x WHERE x.commitment_id = t.id ORDER BY x.on_date, x.ord LIMIT 1) AS first_on,
           (SELECT min(x.on_date) FROM points x WHERE x.commitment_id = t.id
              AND CASE coalesce(t.qualifier, '>=') WHEN '>' THEN x.value > t.target
                   WHEN '<' THEN x.value < t.target WHEN '<=' THEN x.value <= t.target
                   ELSE x.value >= t.target END) AS reached_on,
           (SELECT min(u.reported_on) FROM progress_updates u
            WHERE t.kind = 'deliverable' AND u.action_id = t.action_id
              AND (u.commitment_id IS NULL OR u.commitment_id = t.id)
              AND u.status = 'completed' AND u.reported_on <= coalesce(min(t.as_of, t.due_end), t.as_of)
              AND NOT EXISTS (SELECT 1 FROM progress_updates c WHERE c.supersedes_id = u.id AND c.reported_on <= t.as_of)) AS done_on
    FROM dated t
),
based AS (
    SELECT measured.*,
           CASE WHEN milestone_id IS NOT NULL THEN coalesce(latest_value, 0) ELSE latest_value END AS actual,
           CASE WHEN milestone_id IS NULL AND point_count >= 2 THEN first_value ELSE 0.0 END AS base_value,
           CASE WHEN milestone_id IS NULL AND point_count >= 2 THEN first_on ELSE proposed_on END AS base_on
    FROM measured
),
paced AS (
    SELECT based.*,
           CASE WHEN kind <> 'deliverable' AND actual IS NOT NULL AND julianday(as_of) > julianday(base_on)
                THEN (actual - base_value) / ((julianday(as_of) - julianday(base_on)) / 30.436875) END AS pace,
           CASE coalesce(qualifier, '>=') WHEN '>' THEN value_by_due > target
                WHEN '<' THEN value_by_due < target WHEN '<=' THEN value_by_due <= target
                ELSE value_by_due >= target END AS met
    FROM based
),
projected AS (
    SELECT paced.*,
           CASE WHEN kind = 'deliverable' THEN NULL
                WHEN reached_on IS NOT NULL THEN reached_on
                WHEN pace * direction > 0 AND (target - actual) * direction > 0
                THEN date(as_of, '+' || (CAST((target - actual) / pace * 30.436875 AS INTEGER)
                     + ((target - actual) / pace * 30.436875 > CAST((target - actual) / pace * 30.436875 AS INTEGER))) || ' days')
           END AS projected_on
    FROM paced
)
SELECT slug, plan, action, title, target, qualifier, unit, due_on,
       actual,
       CASE WHEN kind = 'deliverable' THEN done_on ELSE latest_on END AS actual_on,
       CASE WHEN kind = 'deliverable' THEN (CASE WHEN done_on IS NOT NULL THEN 100.0 END)
            WHEN actual IS NULL THEN NULL
            WHEN direction > 0 THEN (CASE WHEN target > 0 THEN round(100.0 * actual / target, 1) END)
            WHEN actual > 0 THEN round(100.0 * target / actual, 1)
       END AS percent,
       round(pace, 2) AS pace_per_month,
       projected_on,
       CASE WHEN kind = 'deliverable' THEN
                CASE WHEN done_on IS NOT NULL THEN 'done'
                     WHEN due_end IS NOT NULL AND as_of > due_end THEN 'missed'
                     ELSE 'open' END
            WHEN met THEN 'met'
            WHEN actual IS NULL THEN 'no-data'
            WHEN due_end IS NOT NULL AND as_of > due_end THEN 'missed'
            WHEN projected_on IS NOT NULL AND (due_end IS NULL OR projected_on <= due_end) THEN 'on-track'
            ELSE 'at-risk'
       END AS status
FROM projected;

-- 6. Milestones are targets counted in sessions: their progress is commitment_progress's, so the
-- two can never disagree. (The CLI's milestone list is the same projection of the as-of query.)
DROP VIEW milestone_progress;
CREATE VIEW milestone_progress AS
SELECT cp.plan, m.slug, m.title, cp.target, cp.due_on, CAST(cp.actual AS INTEGER) AS done,
       CAST(max(cp.target - cp.actual, 0) AS INTEGER) AS remaining,
       cp.pace_per_month, cp.projected_on, cp.status
FROM commitment_progress cp
JOIN commitments c ON c.slug = cp.slug
JOIN milestones m ON m.commitment_id = c.id;
