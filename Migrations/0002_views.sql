-- Views over the schema, so `plantrack sql`, the sqlite3 shell, Datasette and Python's sqlite3
-- get the answers the CLI prints. They describe the database as of today; the CLI's --as-of
-- queries (Sources/Tracker/Queries) apply the same rules to rows reported on or before a date.

-- Every update with what became of it: superseded_by names the correction that replaced it.
CREATE VIEW timeline AS
SELECT u.id,
       p.slug AS plan,
       a.number AS action,
       u.reported_on,
       u.status,
       u.percent,
       u.note,
       u.evidence_url,
       u.author,
       u.supersedes_id,
       (SELECT c.id FROM progress_updates c WHERE c.supersedes_id = u.id) AS superseded_by,
       c.slug AS commitment,
       u.recorded_at
FROM progress_updates u
JOIN actions a ON a.id = u.action_id
JOIN plans p ON p.id = a.plan_id
LEFT JOIN commitments c ON c.id = u.commitment_id;

-- Each action's current status: its latest update (by reported_on, then id) that no correction
-- supersedes; `not-started` without one. `updates` counts the updates in force.
CREATE VIEW action_status AS
WITH latest AS (
    SELECT a.id AS action_id,
           (SELECT u.id FROM progress_updates u
            WHERE u.action_id = a.id
              AND NOT EXISTS (SELECT 1 FROM progress_updates c WHERE c.supersedes_id = u.id)
            ORDER BY u.reported_on DESC, u.id DESC LIMIT 1) AS update_id
    FROM actions a
),
-- Corrections per action, read through the supersedes_id index (few rows); counting them per
-- action through the action index would fetch every update. `>= min int64` is IS NOT NULL in a
-- form SQLite 3.40 serves from an index; the unary + keeps the planner on that index.
corrected AS MATERIALIZED (
    SELECT x.action_id, count(*) AS n
    FROM progress_updates x
    WHERE x.supersedes_id >= -9223372036854775808
    GROUP BY +x.action_id
)
SELECT p.slug AS plan,
       a.number,
       a.title,
       a.title_en,
       coalesce(u.status, 'not-started') AS status,
       u.reported_on AS last_update,
       (SELECT count(*) FROM progress_updates x WHERE x.action_id = a.id)
         - coalesce((SELECT n FROM corrected WHERE corrected.action_id = a.id), 0) AS updates,
       u.percent,
       u.note AS last_note
FROM latest
JOIN actions a ON a.id = latest.action_id
JOIN plans p ON p.id = a.plan_id
LEFT JOIN progress_updates u ON u.id = latest.update_id;

-- Each milestone as of today: done so far, pace since the plan was proposed, projection, status.
CREATE VIEW milestone_progress AS
WITH base AS (
    SELECT m.id, m.slug, m.title, m.target_count AS target, m.due_on, p.proposed_on, p.slug AS plan,
           date('now', 'localtime') AS as_of
    FROM milestones m
    JOIN commitments c ON c.id = m.commitment_id
    JOIN actions a ON a.id = c.action_id
    JOIN plans p ON p.id = a.plan_id
),
ranked AS (
    -- Sessions in the order they were held: the target-th one is when the milestone was reached.
    SELECT t.milestone_id, t.started_on,
           row_number() OVER (PARTITION BY t.milestone_id ORDER BY t.started_on, t.id) AS n
    FROM training_sessions t WHERE t.started_on <= date('now', 'localtime')
),
counted AS (
    SELECT base.*,
           (SELECT count(*) FROM training_sessions t WHERE t.milestone_id = base.id AND t.started_on <= base.as_of) AS done,
           (SELECT count(*) FROM training_sessions t
            WHERE t.milestone_id = base.id AND t.started_on <= min(base.as_of, base.due_on)) AS done_by_due,
           (SELECT r.started_on FROM ranked r WHERE r.milestone_id = base.id AND r.n = base.target) AS reached_on
    FROM base
),
paced AS (
    SELECT counted.*,
           max(target - done, 0) AS remaining,
           CASE WHEN julianday(as_of) > julianday(proposed_on)
                THEN done / ((julianday(as_of) - julianday(proposed_on)) / 30.436875) END AS pace
    FROM counted
),
projected AS (
    SELECT paced.*,
           CASE WHEN remaining = 0 THEN reached_on
                WHEN pace > 0 THEN date(as_of, '+' || (CAST(remaining / pace * 30.436875 AS INTEGER)
                     + (remaining / pace * 30.436875 > CAST(remaining / pace * 30.436875 AS INTEGER))) || ' days')
           END AS projected_on
    FROM paced
)
SELECT plan, slug, title, target, due_on, done, remaining, round(pace, 2) AS pace_per_month, projected_on,
       CASE WHEN done_by_due >= target THEN 'met'
            WHEN as_of > due_on THEN 'missed'
            WHEN projected_on IS NOT NULL AND projected_on <= due_on THEN 'on-track'
            ELSE 'at-risk' END AS status,
       as_of
FROM projected;

-- The latest value of each indicator, with where it was read.
CREATE VIEW indicator_latest AS
SELECT i.slug, i.name, i.name_en, v.qualifier, v.value, i.unit, v.as_of, d.slug AS document, s.line, s.quote
FROM indicators i
JOIN indicator_values v ON v.id = (
    SELECT v2.id FROM indicator_values v2 WHERE v2.indicator_id = i.id
    ORDER BY v2.as_of IS NULL, v2.as_of DESC, v2.id DESC LIMIT 1)
LEFT JOIN sources s ON s.id = v.source_id
LEFT JOIN documents d ON d.id = s.document_id;
