-- Facts stored, figures derived. Until now each training session added a progress update to its
-- milestone's action with "N of target" and a percent, counted when it was written and never
-- again, so sessions entered out of order, corrected or withdrawn left the action's figures
-- behind the milestone's. From here on a session is stored once, as a session; the views below
-- derive the action's percent and status from the sessions in force on the date asked for.
--
-- Where each rule lives (every view opens with `params`, so AsOfQuery can bind any date; a view
-- that reads another as-of view gets the same date, see Sources/Tracker/Queries/AsOfQuery.swift):
--   session in force, held-on date, its place in the count ....... sessions_in_force
--   actual, percent, pace, projection, met/on-track/at-risk/missed  commitment_progress
--   milestone figures (a target counted in sessions) ............. milestone_progress
--   an action's status, percent, last update, update count ....... action_status

-- 1. Who recorded a session (and so who corrected one: a correction is a new row). NULL in rows
-- written before, which the chain does not hash, so their links stay valid.
ALTER TABLE training_sessions ADD COLUMN author TEXT;
DROP TRIGGER training_sessions_chain;
CREATE TRIGGER training_sessions_chain AFTER INSERT ON training_sessions BEGIN
    SELECT RAISE(ABORT, 'training_sessions is append-only: ids only grow') WHERE NEW.id < (SELECT max(id) FROM training_sessions);
    INSERT INTO integrity_chain (table_name, row_id, link) VALUES ('training_sessions', NEW.id, chain_sha256(
        (SELECT link FROM integrity_chain ORDER BY seq DESC LIMIT 1), 'training_sessions',
        'id', NEW.id, 'milestone_id', NEW.milestone_id, 'started_on', NEW.started_on, 'ended_on', NEW.ended_on,
        'title', NEW.title, 'location', NEW.location, 'host', NEW.host, 'participants', NEW.participants,
        'countries', NEW.countries, 'evidence_url', NEW.evidence_url, 'recorded_at', NEW.recorded_at,
        'supersedes_id', NEW.supersedes_id, 'author', NEW.author));
END;

-- 2. The progress updates earlier versions derived from sessions. They stay in the log (it is
-- append-only and chained) but no view or command counts them. They are known by what wrote
-- them: a note that opens as the session code wrote it, on the commitment a milestone counts.
-- Nothing writes such rows any more, so the list is complete once made.
CREATE TABLE derived_session_updates (
    update_id INTEGER PRIMARY KEY REFERENCES progress_updates(id)
) WITHOUT ROWID;
INSERT INTO derived_session_updates (update_id)
SELECT u.id FROM progress_updates u
WHERE u.commitment_id IN (SELECT commitment_id FROM milestones)
  AND (substr(u.note, 1, 23) = 'Training session held: ' OR substr(u.note, 1, 28) = 'Training session withdrawn: ');

DROP VIEW milestone_progress;
DROP VIEW commitment_progress;
DROP VIEW action_status;
DROP VIEW timeline;

-- 3. Sessions in force as of params.as_of, one row each, numbered in the order they were held.
-- In force: not replaced by a correction (which replaces it at every date) and not withdrawn on
-- or before the date. Held on: its first day; a session counts from the day it starts, in the
-- milestone and in its action alike. Baseline sessions (no milestone: plan, milestone, counts_as
-- NULL) are listed but count toward nothing.
CREATE VIEW sessions_in_force AS
WITH params AS (SELECT date('now', 'localtime') AS as_of)
SELECT t.id, p.slug AS plan, t.milestone_id, m.slug AS milestone, m.commitment_id, c.action_id,
       t.started_on AS held_on, t.started_on, t.ended_on, t.title, t.location, t.host, t.participants, t.countries,
       t.evidence_url,
       CASE WHEN t.milestone_id IS NOT NULL THEN
           row_number() OVER (PARTITION BY t.milestone_id ORDER BY t.started_on, t.id) END AS counts_as,
       params.as_of
FROM training_sessions t
CROSS JOIN params
LEFT JOIN milestones m ON m.id = t.milestone_id
LEFT JOIN commitments c ON c.id = m.commitment_id
LEFT JOIN plans p ON p.id = c.plan_id
WHERE t.started_on <= params.as_of
  AND NOT EXISTS (SELECT 1 FROM training_sessions s WHERE s.supersedes_id = t.id)
  AND NOT EXISTS (SELECT 1 FROM training_withdrawals w WHERE w.session_id = t.id AND w.withdrawn_on <= params.as_of);

-- 4. commitment_progress as in 0005, with three changes: a milestone's points are the sessions in
-- force (above), a deliverable's completing update is never one derived from a session, and the
-- commitment's own text (body, in the plan's language) follows the columns.
CREATE VIEW commitment_progress AS
WITH params AS (SELECT date('now', 'localtime') AS as_of),
targets AS (
    SELECT c.id, c.slug, p.slug AS plan, a.number AS action, coalesce(m.title, c.title_en, c.body) AS title,
           coalesce(m.target_count, c.target_value) AS target, c.qualifier,
           CASE WHEN c.qualifier IN ('<', '<=') THEN -1 ELSE 1 END AS direction,
           coalesce(m.unit, c.target_unit) AS unit, coalesce(m.due_on, c.due_on) AS due_on,
           c.kind, c.action_id, m.id AS milestone_id, p.proposed_on, c.body, params.as_of
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
    SELECT s.commitment_id, s.held_on, s.counts_as, s.id FROM sessions_in_force s WHERE s.milestone_id IS NOT NULL
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
              AND NOT EXISTS (SELECT 1 FROM derived_session_updates d WHERE d.update_id = u.id)
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
       END AS status,
       body
FROM projected;

-- 5. Milestones are targets counted in sessions: commitment_progress's figures, projected. It
-- opens with params (unused) so `milestone list --as-of` reads this very view.
CREATE VIEW milestone_progress AS
WITH params AS (SELECT date('now', 'localtime') AS as_of)
SELECT cp.plan, m.slug, m.title, cp.target, cp.due_on, CAST(cp.actual AS INTEGER) AS done,
       CAST(max(cp.target - cp.actual, 0) AS INTEGER) AS remaining,
       cp.pace_per_month, cp.projected_on, cp.status, cp.percent, c.body
FROM commitment_progress cp
JOIN commitments c ON c.slug = cp.slug
JOIN milestones m ON m.commitment_id = c.id;

-- 6. Each action as of params.as_of. Its events are its progress updates in force (the latest by
-- reported_on, then id, that no correction reported by then supersedes; none derived from a
-- session) and the sessions in force of its milestones. The latest event decides; on the same
-- date an update wins over a session (a person's word on the day). A session's status is
-- `completed` once its milestone has as many sessions as its target, else `in-progress`, and its
-- percent is the milestone's (at most 100), both as of the date. `updates` counts both kinds.
CREATE VIEW action_status AS
WITH params AS (SELECT date('now', 'localtime') AS as_of),
latest AS (
    SELECT a.id AS action_id,
           (SELECT u.id FROM progress_updates u
            WHERE u.action_id = a.id AND u.reported_on <= params.as_of
              AND NOT EXISTS (SELECT 1 FROM progress_updates c
                              WHERE c.supersedes_id = u.id AND c.reported_on <= params.as_of)
              AND NOT EXISTS (SELECT 1 FROM derived_session_updates d WHERE d.update_id = u.id)
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
      AND NOT EXISTS (SELECT 1 FROM derived_session_updates d WHERE d.update_id = t.id)
    GROUP BY +x.action_id
),
derived AS MATERIALIZED (
    SELECT u.action_id, count(*) AS n
    FROM params CROSS JOIN derived_session_updates d CROSS JOIN progress_updates u ON u.id = d.update_id
    WHERE u.reported_on <= params.as_of
    GROUP BY u.action_id
),
held AS MATERIALIZED (
    SELECT s.action_id, count(*) AS n,
           (SELECT l.id FROM sessions_in_force l WHERE l.action_id = s.action_id
            ORDER BY l.held_on DESC, l.id DESC LIMIT 1) AS session_id
    FROM sessions_in_force s WHERE s.action_id IS NOT NULL
    GROUP BY s.action_id
),
last_session AS (
    SELECT held.action_id, held.n, s.held_on, s.evidence_url, s.milestone,
           cp.actual, cp.target, min(cp.percent, 100.0) AS percent,
           'Training session held: ' || s.title || ', ' || s.location
             || ' (' || CAST(cp.actual AS INTEGER) || ' of ' || CAST(cp.target AS INTEGER) || ' toward ' || s.milestone || ')' AS note
    FROM held
    JOIN sessions_in_force s ON s.id = held.session_id
    JOIN commitments c ON c.id = s.commitment_id
    JOIN commitment_progress cp ON cp.slug = c.slug
),
events AS (
    SELECT latest.action_id, u.id AS update_id, ls.action_id IS NOT NULL AND (u.id IS NULL OR ls.held_on > u.reported_on) AS by_session,
           u.status AS update_status, u.reported_on, u.percent AS update_percent, u.note AS update_note, u.evidence_url AS update_evidence,
           ls.n AS sessions, ls.held_on, ls.actual, ls.target, ls.percent AS session_percent, ls.note AS session_note,
           ls.evidence_url AS session_evidence
    FROM latest
    LEFT JOIN progress_updates u ON u.id = latest.update_id
    LEFT JOIN last_session ls ON ls.action_id = latest.action_id
)
SELECT p.slug AS plan,
       a.number,
       a.title,
       a.title_en,
       CASE WHEN e.by_session THEN (CASE WHEN e.actual >= e.target THEN 'completed' ELSE 'in-progress' END)
            ELSE coalesce(e.update_status, 'not-started') END AS status,
       CASE WHEN e.by_session THEN e.held_on ELSE e.reported_on END AS last_update,
       (SELECT count(*) FROM progress_updates x WHERE x.action_id = a.id AND x.reported_on <= params.as_of)
         - coalesce((SELECT n FROM corrected WHERE corrected.action_id = a.id), 0)
         - coalesce((SELECT n FROM derived WHERE derived.action_id = a.id), 0)
         + coalesce(e.sessions, 0) AS updates,
       CASE WHEN e.by_session THEN e.session_percent ELSE e.update_percent END AS percent,
       CASE WHEN e.by_session THEN e.session_note ELSE e.update_note END AS last_note,
       params.as_of,
       CASE WHEN e.by_session THEN e.session_evidence ELSE e.update_evidence END AS evidence_url,
       CASE WHEN e.by_session THEN NULL ELSE e.update_id END AS update_id
FROM events e
CROSS JOIN params
JOIN actions a ON a.id = e.action_id
JOIN plans p ON p.id = a.plan_id;

-- 7. The timeline as in 0002, without the updates derived from sessions.
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
LEFT JOIN commitments c ON c.id = u.commitment_id
WHERE NOT EXISTS (SELECT 1 FROM derived_session_updates d WHERE d.update_id = u.id);
