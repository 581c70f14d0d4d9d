-- sql/postgres/data_quality.sql: what did the reports leave out, and why?
-- Nothing disappears unseen. sql/data_quality.sql in PostgreSQL's dialect,
-- with the same answers:
--   1. relaxant fills by status: used (ok), used as open fills that run to
--      the person's data cut-off (open: no end date and no days supply),
--      left out for a missing start date (no_start_date), for a date the
--      extension refuses (bad_date: here infinity, -infinity or a year past
--      9999, since a date column holds no impossible day or word), because
--      the end is before the start (end_before_start), or kept out as a
--      cyclobenzaprine product outside back pain;
--   2. cyclobenzaprine fills without a usable dose (not dose-checked);
--   3. drug texts that are neither a relaxant nor any guideline
--      intervention (unknown or other drugs), most frequent first;
--   4. diagnoses without a date or with one the extension refuses, and
--      codes icd10_class() does not classify;
--   5. observations outside their range or vocabulary (left out of plans);
--   6. plans the extension could not make: the facts it rejected, with the
--      error message (recommend_plan's on_error 'report').
-- Counts of a condition are sum(condition::integer), NULL over no rows as
-- SQLite's sum() is. Needs: CREATE EXTENSION backpain,
-- \i sql/postgres/views.sql.

-- 1. Relaxant fills by status
SELECT status COLLATE "C" AS status, count(*) AS fills, count(DISTINCT person_id) AS patients
  FROM relaxant_fill
 GROUP BY status
 ORDER BY status;

-- 2. Cyclobenzaprine fills that the dose checks cannot use
SELECT count(*) AS fills_without_usable_dose
  FROM relaxant_fill
 WHERE ingredient = 'cyclobenzaprine' AND status IN ('ok', 'open')
   AND NOT coalesce(dose_mg > 0 AND doses_per_day >= 1, false);

-- 3. Drug texts that nothing recognises (the 10 most frequent)
SELECT coalesce(d.drug_source_value, '(NULL)') COLLATE "C" AS drug_source_value, count(*) AS rows
  FROM drug_exposure AS d
 CROSS JOIN LATERAL (SELECT relaxant_ingredient(d.drug_source_value) AS ingredient,
                            intervention_code(d.drug_source_value) AS code OFFSET 0) AS k
 WHERE k.ingredient IS NULL AND k.code IS NULL
 GROUP BY d.drug_source_value
 ORDER BY rows DESC, drug_source_value
 LIMIT 10;

-- 4. Diagnoses
SELECT sum((start_value IS NULL)::integer) AS without_date,
       sum((start_value IS NOT NULL AND condition_start_date IS NULL)::integer) AS date_not_a_date,
       sum((class IS NULL)::integer) AS not_classified,
       count(*) AS all_diagnoses
  FROM classified_condition;

-- 5. Observations left out of plans
SELECT observation_source_value COLLATE "C" AS observation_source_value, count(*) AS rows_out_of_range
  FROM observation
 WHERE (observation_source_value = 'pain_nrs' AND NOT coalesce(value_as_number BETWEEN 0 AND 10, false))
    OR (observation_source_value = 'hepatic_function'
        AND NOT coalesce(lower(value_as_string COLLATE "C") IN ('none', 'mild', 'moderate', 'severe'), false))
 GROUP BY observation_source_value
 ORDER BY observation_source_value;

-- 6. Plans with an error instead of steps
SELECT count(*) FILTER (WHERE plan ->> 'error' IS NOT NULL) AS plans_with_error,
       count(*) AS all_plans,
       min((plan ->> 'error') COLLATE "C") AS first_error
  FROM patient_plan;
