-- The values in force get views of their own, so each rule has one home: a value counts from the
-- date it was measured, and a correction (a row whose supersedes_id names it) replaces it at every
-- date. commitment_progress counts its points from these views (before, it wrote the rules out),
-- and the published site lists the recorded values it shows from the first.

-- A value recorded against a target (`commitment record`).
CREATE VIEW commitment_actuals_in_force AS
WITH params AS (SELECT date('now', 'localtime') AS as_of)
SELECT r.id, r.commitment_id, c.slug AS commitment, p.slug AS plan, r.measured_on, r.value, r.note, r.evidence_url,
       r.author, r.supersedes_id, r.recorded_at, params.as_of
FROM commitment_actuals r
CROSS JOIN params
JOIN commitments c ON c.id = r.commitment_id
JOIN plans p ON p.id = c.plan_id
WHERE r.measured_on <= params.as_of
  AND NOT EXISTS (SELECT 1 FROM commitment_actuals s WHERE s.supersedes_id = r.id);

-- An indicator's dated value (a value dated only by year or month has no day to count from; it
-- stays in indicator_latest, which answers "the latest of all", not "as of a date").
CREATE VIEW indicator_values_in_force AS
WITH params AS (SELECT date('now', 'localtime') AS as_of)
SELECT v.id, v.indicator_id, i.slug AS indicator, v.qualifier, v.value, i.unit, v.as_of AS measured_on, v.source_id,
       v.evidence_url, v.note, v.author, v.supersedes_id, v.recorded_at, params.as_of
FROM indicator_values v
CROSS JOIN params
JOIN indicators i ON i.id = v.indicator_id
WHERE length(v.as_of) = 10 AND v.as_of <= params.as_of
  AND NOT EXISTS (SELECT 1 FROM indicator_values s WHERE s.supersedes_id = v.id);

-- commitment_progress as in 0011, its recorded and indicator points read from the views above. (A view is
-- replaced whole; milestone_progress and action_status read it by name and need no change.)
DROP VIEW commitment_progress;
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
    FROM commitment_actuals_in_force r
    UNION ALL
    SELECT c.id, v.measured_on, v.value, v.id
    FROM commitments c JOIN indicator_values_in_force v ON v.indicator_id = c.indicator_id
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
