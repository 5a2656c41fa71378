-- The date-dependent views, rewritten so each rule has one source.
--
-- Each view opens with the one-row CTE `params`, whose `as_of` is today's date, and compares
-- every date against params.as_of. `plantrack` answers `--as-of D` by reading the view's own SQL
-- from sqlite_master and binding D in place of that one expression (Sources/Tracker/Queries/
-- AsOfQuery.swift), so the view and the command are the same query and cannot drift apart.

DROP VIEW action_status;
DROP VIEW milestone_progress;

-- Each action's status as of params.as_of: its latest update reported by then (by reported_on,
-- then id) that no correction reported by then supersedes; `not-started` without one.
-- `updates` counts the updates in force.
CREATE VIEW action_status AS
WITH params AS (SELECT date('now', 'localtime') AS as_of),
latest AS (
    SELECT a.id AS action_id,
           (SELECT u.id FROM progress_updates u
            WHERE u.action_id = a.id AND u.reported_on <= params.as_of
              AND NOT EXISTS (SELECT 1 FROM progress_updates c
                              WHERE c.supersedes_id = u.id AND c.reported_on <= params.as_of)
            ORDER BY u.reported_on DESC, u.id DESC LIMIT 1) AS update_id
    FROM actions a, params
),
-- Corrections in force per action, read through the supersedes_id index: few rows, where
-- walking each action's updates would fetch every row (2 s instead of 0.1 s at 10^6 updates).
-- The range stands for IS NOT NULL, which SQLite 3.40 cannot serve from an index; CROSS JOIN
-- and the unary + keep the planner off the date and action indexes.
corrected AS MATERIALIZED (
    SELECT x.action_id, count(*) AS n
    FROM params CROSS JOIN progress_updates x CROSS JOIN progress_updates t ON t.id = x.supersedes_id
    WHERE x.supersedes_id >= -9223372036854775808 AND +x.reported_on <= params.as_of AND +t.reported_on <= params.as_of
    GROUP BY +x.action_id
)
SELECT p.slug AS plan,
       a.number,
       a.title,
       a.title_en,
       coalesce(u.status, 'not-started') AS status,
       u.reported_on AS last_update,
       (SELECT count(*) FROM progress_updates x WHERE x.action_id = a.id AND x.reported_on <= params.as_of)
         - coalesce((SELECT n FROM corrected WHERE corrected.action_id = a.id), 0) AS updates,
       u.percent,
       u.note AS last_note,
       params.as_of
FROM latest
CROSS JOIN params
JOIN actions a ON a.id = latest.action_id
JOIN plans p ON p.id = a.plan_id
LEFT JOIN progress_updates u ON u.id = latest.update_id;

-- Each milestone as of params.as_of: sessions held so far, pace since the plan was proposed,
-- projected completion and status (met, on-track, at-risk, missed).
CREATE VIEW milestone_progress AS
WITH params AS (SELECT date('now', 'localtime') AS as_of),
base AS (
    SELECT m.id, m.slug, m.title, m.target_count AS target, m.due_on, p.proposed_on, p.slug AS plan, params.as_of
    FROM milestones m
    CROSS JOIN params
    JOIN commitments c ON c.id = m.commitment_id
    JOIN actions a ON a.id = c.action_id
    JOIN plans p ON p.id = a.plan_id
),
ranked AS (
    -- Sessions in the order they were held: the target-th one is when the milestone was reached.
    SELECT t.milestone_id, t.started_on,
           row_number() OVER (PARTITION BY t.milestone_id ORDER BY t.started_on, t.id) AS n
    FROM training_sessions t, params WHERE t.started_on <= params.as_of
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
