-- sql/postgres/plans.sql: what does the guideline recommend next for each
-- person with low back pain, from their latest facts? sql/plans.sql in
-- PostgreSQL's dialect, with the same answers:
--   1. plans by pathway and stage;
--   2. warnings, and how many plans carry each;
--   3. the steps most often recommended;
--   4. three example plans, one line per step.
-- Plans come from recommend_plan() over the facts described in
-- sql/postgres/views.sql (patient_plan); a plan is jsonb, read with ->>
-- and unpacked with jsonb_array_elements ... WITH ORDINALITY (the step's
-- place in the plan). Needs: CREATE EXTENSION backpain,
-- \i sql/postgres/views.sql.

-- 1. Pathway and stage
SELECT (plan ->> 'pathway') COLLATE "C" AS pathway,
       coalesce(plan ->> 'stage', '-') COLLATE "C" AS stage,
       count(*) AS plans
  FROM patient_plan
 GROUP BY 1, 2
 ORDER BY plans DESC, pathway, stage;

-- 2. Warnings
SELECT w.warning COLLATE "C" AS warning, count(*) AS plans
  FROM patient_plan AS p
 CROSS JOIN LATERAL jsonb_array_elements_text(p.plan -> 'warnings') AS w(warning)
 GROUP BY w.warning
 ORDER BY plans DESC, warning;

-- 3. Steps
SELECT (s.step ->> 'action') COLLATE "C" AS action,
       (s.step ->> 'intervention') COLLATE "C" AS intervention,
       count(*) AS plans
  FROM patient_plan AS p
 CROSS JOIN LATERAL jsonb_array_elements(p.plan -> 'steps') AS s(step)
 GROUP BY 1, 2
 ORDER BY plans DESC, action, intervention
 LIMIT 15;

-- 4. Example plans: the first person of three stages
SELECT p.person_id, p.plan ->> 'stage' AS stage,
       s.step ->> 'action' AS action,
       s.step ->> 'intervention' AS intervention,
       s.step ->> 'reason' AS reason
  FROM patient_plan AS p
 CROSS JOIN LATERAL jsonb_array_elements(p.plan -> 'steps') WITH ORDINALITY AS s(step, n)
 WHERE p.person_id IN (
         SELECT min(person_id) FROM patient_plan
          WHERE plan ->> 'stage' IN ('add_adjuncts', 'escalate', 'maintain')
          GROUP BY plan ->> 'stage')
 ORDER BY p.person_id, s.n;
