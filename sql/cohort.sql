-- sql/cohort.sql: who has chronic low back pain with muscle spasm?
-- Answers:
--   1. the cohort size: chronic low back pain (ICD-10-CM M54.5, M54.50,
--      M54.59; not M54.51) with a muscle spasm of back diagnosis (M62.830)
--      and no red flag;
--   2. people with low back pain by phase, spasm and red flag;
--   3. every diagnosis class icd10_class() found.
-- The phase runs from the first low back pain diagnosis to the person's
-- latest record (pain_phase). Needs: .load dist/backpain, .read sql/views.sql.

-- 1. The cohort
SELECT count(*) AS chronic_lbp_with_spasm_no_red_flag FROM cohort_chronic_lbp_spasm;

-- 2. Low back pain by phase, spasm and red flag
SELECT phase, spasm, red_flag, count(*) AS people
  FROM lbp_person
 GROUP BY phase, spasm, red_flag
 ORDER BY phase, spasm, red_flag;

-- 3. Diagnosis classes
SELECT coalesce(class, '(not classified)') AS class, count(*) AS diagnoses,
       count(DISTINCT person_id) AS people
  FROM classified_condition
 GROUP BY class
 ORDER BY diagnoses DESC, class;
