-- sql/plans.sql: what does the guideline recommend next for each person
-- with low back pain, from their latest facts?
-- Answers:
--   1. plans by pathway and stage;
--   2. warnings, and how many plans carry each;
--   3. the steps most often recommended;
--   4. three example plans, one line per step.
-- Plans come from recommend_plan() over the facts described in
-- sql/views.sql (patient_plan). Needs: .load dist/backpain,
-- .read sql/views.sql.

-- 1. Pathway and stage
SELECT json_extract(plan, '$.pathway') AS pathway,
       coalesce(json_extract(plan, '$.stage'), '-') AS stage,
       count(*) AS plans
  FROM patient_plan
 GROUP BY pathway, stage
 ORDER BY plans DESC, pathway, stage;

-- 2. Warnings
SELECT w.value AS warning, count(*) AS plans
  FROM patient_plan AS p, json_each(p.plan, '$.warnings') AS w
 GROUP BY w.value
 ORDER BY plans DESC, warning;

-- 3. Steps
SELECT json_extract(s.value, '$.action') AS action,
       json_extract(s.value, '$.intervention') AS intervention,
       count(*) AS plans
  FROM patient_plan AS p, json_each(p.plan, '$.steps') AS s
 GROUP BY action, intervention
 ORDER BY plans DESC, action, intervention
 LIMIT 15;

-- 4. Example plans: the first person of three stages
SELECT p.person_id, json_extract(p.plan, '$.stage') AS stage,
       json_extract(s.value, '$.action') AS action,
       json_extract(s.value, '$.intervention') AS intervention,
       json_extract(s.value, '$.reason') AS reason
  FROM patient_plan AS p, json_each(p.plan, '$.steps') AS s
 WHERE p.person_id IN (
         SELECT min(person_id) FROM patient_plan
          WHERE json_extract(plan, '$.stage') IN ('add_adjuncts', 'escalate', 'maintain')
          GROUP BY json_extract(plan, '$.stage'))
 ORDER BY p.person_id, s.key;
