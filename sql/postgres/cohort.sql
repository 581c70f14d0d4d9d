-- sql/postgres/cohort.sql: who has chronic low back pain with muscle
-- spasm? sql/cohort.sql in PostgreSQL's dialect, with the same answers:
--   1. the cohort size: chronic low back pain (ICD-10-CM M54.5, M54.50,
--      M54.59; not M54.51) with a muscle spasm of back diagnosis (M62.830)
--      and no red flag;
--   2. people with low back pain by phase, spasm and red flag (booleans
--      here, 1/0 in SQLite; false sorts before true as 0 before 1);
--   3. every diagnosis class icd10_class() found.
-- The phase runs from the first low back pain diagnosis to the person's
-- latest record (pain_phase).
-- Needs: CREATE EXTENSION backpain, \i sql/postgres/views.sql.

-- 1. The cohort
SELECT count(*) AS chronic_lbp_with_spasm_no_red_flag FROM cohort_chronic_lbp_spasm;

-- 2. Low back pain by phase, spasm and red flag
SELECT phase COLLATE "C" AS phase, spasm, red_flag, count(*) AS people
  FROM lbp_person
 GROUP BY phase, spasm, red_flag
 ORDER BY phase, spasm, red_flag;

-- 3. Diagnosis classes
SELECT coalesce(class, '(not classified)') COLLATE "C" AS class, count(*) AS diagnoses,
       count(DISTINCT person_id) AS people
  FROM classified_condition
 GROUP BY 1
 ORDER BY diagnoses DESC, class;
