-- sql/views.sql: the views every backpain report builds on, over tables
-- shaped like the OMOP CDM (person, condition_occurrence, drug_exposure,
-- procedure_occurrence, observation). They are TEMP views: reading them
-- never writes to your database.
--
-- Run it once per connection, after loading the extension:
--   .load dist/backpain
--   .read sql/views.sql
--
-- Conventions:
-- * Dates. OMOP's DATE columns have NUMERIC affinity in SQLite, so one table
--   may hold text dates in some rows and Julian day numbers in others, and
--   SQLite orders every number before every text (ORDER BY, min(), max()).
--   So the views first turn every date into 'YYYY-MM-DD' text (the dated_*
--   views below), and order and compare only those. A value counts as a
--   date when the extension would accept it: a Julian day number, or text
--   YYYY-MM-DD with an optional time. An impossible day such as 2024-02-30
--   (which SQLite's julianday() silently rolls into March) or text that is no date
--   becomes NULL, and sql/data_quality.sql counts it (status bad_date).
-- * as_of. The data cut-off is the latest date anywhere in the data (the
--   extract's end: data_cutoff). It is the as_of of every relaxant course,
--   so a fill with no end date runs to it, and an ongoing order shows up as
--   the overdue course it may be. A person's plan is as of their own latest
--   dated record (person_last_seen), from which their pain phase is counted.
-- * A relaxant fill is a drug_exposure row whose drug_source_value names a
--   skeletal muscle relaxant (relaxant_ingredient). Its last day is
--   drug_exposure_end_date, or start + days_supply - 1 when the end is
--   missing (relaxant_end); with neither, the fill is open (status 'open')
--   and runs to the data cut-off. Fills without a start, with a date that
--   is not a date, or with an end before the start are left out of courses
--   and counted in sql/data_quality.sql, so nothing disappears unseen.
-- * Cyclobenzaprine products outside back pain (Tonmya, sublingual,
--   fibromyalgia) are kept out of the audit: the extension gives them no
--   ingredient (docs/recognition.md).
-- * Courses are per person and ingredient, with the defaults: a gap of up
--   to 7 uncovered days continues a course, and more than 21 days is
--   overdue.
-- * Plans use recommend_plan(..., 'on_error', 'report'): a person whose
--   facts the extension rejects gets {"version":...,"error":...} instead of
--   stopping the report; sql/data_quality.sql counts those plans.
-- * Each recogniser (relaxant_ingredient, intervention_code, icd10_class)
--   runs once per row: the subqueries that compute them carry LIMIT -1,
--   which keeps SQLite from copying the call into every place that uses it.

-- ---- Dates, normalised -----------------------------------------------------
-- The expression, repeated for each date column below:
--   CASE WHEN typeof(x) IN ('integer', 'real') THEN date(x)
--        WHEN typeof(x) = 'text' AND date(julianday(substr(x, 1, 10))) = substr(x, 1, 10)
--             AND (length(x) = 10 OR datetime(x) IS NOT NULL) THEN substr(x, 1, 10) END

DROP VIEW IF EXISTS temp.dated_condition;
CREATE TEMP VIEW dated_condition AS
SELECT condition_occurrence_id, person_id, condition_source_value,
       condition_start_date AS start_value,
       CASE WHEN typeof(condition_start_date) IN ('integer', 'real') THEN date(condition_start_date)
            WHEN typeof(condition_start_date) = 'text'
                 AND date(julianday(substr(condition_start_date, 1, 10))) = substr(condition_start_date, 1, 10)
                 AND (length(condition_start_date) = 10 OR datetime(condition_start_date) IS NOT NULL)
              THEN substr(condition_start_date, 1, 10) END AS start_date
  FROM condition_occurrence;

DROP VIEW IF EXISTS temp.dated_drug;
CREATE TEMP VIEW dated_drug AS
SELECT drug_exposure_id, person_id, drug_source_value, days_supply, dose_mg, doses_per_day,
       drug_exposure_start_date AS start_value, drug_exposure_end_date AS end_value,
       CASE WHEN typeof(drug_exposure_start_date) IN ('integer', 'real') THEN date(drug_exposure_start_date)
            WHEN typeof(drug_exposure_start_date) = 'text'
                 AND date(julianday(substr(drug_exposure_start_date, 1, 10))) = substr(drug_exposure_start_date, 1, 10)
                 AND (length(drug_exposure_start_date) = 10 OR datetime(drug_exposure_start_date) IS NOT NULL)
              THEN substr(drug_exposure_start_date, 1, 10) END AS start_date,
       CASE WHEN typeof(drug_exposure_end_date) IN ('integer', 'real') THEN date(drug_exposure_end_date)
            WHEN typeof(drug_exposure_end_date) = 'text'
                 AND date(julianday(substr(drug_exposure_end_date, 1, 10))) = substr(drug_exposure_end_date, 1, 10)
                 AND (length(drug_exposure_end_date) = 10 OR datetime(drug_exposure_end_date) IS NOT NULL)
              THEN substr(drug_exposure_end_date, 1, 10) END AS end_date
  FROM drug_exposure;

DROP VIEW IF EXISTS temp.dated_procedure;
CREATE TEMP VIEW dated_procedure AS
SELECT procedure_occurrence_id, person_id, procedure_source_value,
       procedure_date AS date_value,
       CASE WHEN typeof(procedure_date) IN ('integer', 'real') THEN date(procedure_date)
            WHEN typeof(procedure_date) = 'text'
                 AND date(julianday(substr(procedure_date, 1, 10))) = substr(procedure_date, 1, 10)
                 AND (length(procedure_date) = 10 OR datetime(procedure_date) IS NOT NULL)
              THEN substr(procedure_date, 1, 10) END AS procedure_date
  FROM procedure_occurrence;

DROP VIEW IF EXISTS temp.dated_observation;
CREATE TEMP VIEW dated_observation AS
SELECT observation_id, person_id, observation_source_value, value_as_number, value_as_string,
       observation_date AS date_value,
       CASE WHEN typeof(observation_date) IN ('integer', 'real') THEN date(observation_date)
            WHEN typeof(observation_date) = 'text'
                 AND date(julianday(substr(observation_date, 1, 10))) = substr(observation_date, 1, 10)
                 AND (length(observation_date) = 10 OR datetime(observation_date) IS NOT NULL)
              THEN substr(observation_date, 1, 10) END AS observation_date
  FROM observation;

-- The data cut-off: the latest date anywhere in the data (the extract's
-- end). It is the as_of of every relaxant course, so an open fill runs to
-- it. No known end lies past it, so it cuts nothing else.
DROP VIEW IF EXISTS temp.data_cutoff;
CREATE TEMP VIEW data_cutoff AS
SELECT max(d) AS cutoff_date FROM (
  SELECT max(start_date) AS d FROM dated_condition
  UNION ALL SELECT max(start_date) FROM dated_drug
  UNION ALL SELECT max(end_date) FROM dated_drug
  UNION ALL SELECT max(procedure_date) FROM dated_procedure
  UNION ALL SELECT max(observation_date) FROM dated_observation);

-- Each person's latest dated record (a diagnosis, a drug's start or end, a
-- procedure, an observation): the as_of of the person's plan. Each table is
-- grouped on its own first (along its person_id index, where it has one),
-- so that only one row per person and table is left to merge.
DROP VIEW IF EXISTS temp.person_last_seen;
CREATE TEMP VIEW person_last_seen AS
SELECT person_id, max(d) AS last_seen_date FROM (
  SELECT person_id, max(start_date) AS d FROM dated_condition GROUP BY person_id
  UNION ALL SELECT person_id, max(start_date) FROM dated_drug GROUP BY person_id
  UNION ALL SELECT person_id, max(end_date) FROM dated_drug GROUP BY person_id
  UNION ALL SELECT person_id, max(procedure_date) FROM dated_procedure GROUP BY person_id
  UNION ALL SELECT person_id, max(observation_date) FROM dated_observation GROUP BY person_id)
 WHERE d IS NOT NULL
 GROUP BY person_id;

-- ---- Relaxants ---------------------------------------------------------------

DROP VIEW IF EXISTS temp.relaxant_fill;
CREATE TEMP VIEW relaxant_fill AS
SELECT d.drug_exposure_id,
       d.person_id,
       d.ingredient,
       d.drug_source_value,
       d.start_date,
       coalesce(d.end_date,
                CASE WHEN d.start_date IS NOT NULL AND d.end_value IS NULL AND d.days_supply >= 1
                          AND d.days_supply = CAST(d.days_supply AS INTEGER)
                     THEN relaxant_end(d.start_date, d.days_supply) END)
         AS end_date,
       d.days_supply,
       d.dose_mg,
       d.doses_per_day,
       CASE
         WHEN d.start_value IS NULL THEN 'no_start_date'
         WHEN d.start_date IS NULL OR (d.end_value IS NOT NULL AND d.end_date IS NULL) THEN 'bad_date'
         WHEN d.end_value IS NULL
              AND NOT coalesce(d.days_supply >= 1 AND d.days_supply = CAST(d.days_supply AS INTEGER), 0)
           THEN 'open'
         WHEN d.end_date IS NOT NULL AND d.end_date < d.start_date THEN 'end_before_start'
         ELSE 'ok'
       END AS status
  FROM (SELECT dated_drug.*, relaxant_ingredient(drug_source_value) AS ingredient
          FROM dated_drug LIMIT -1) AS d
 WHERE d.ingredient IS NOT NULL;

-- One row per course: person, ingredient, course number and its figures.
DROP VIEW IF EXISTS temp.relaxant_course;
CREATE TEMP VIEW relaxant_course AS
SELECT g.person_id,
       g.ingredient,
       c.key + 1 AS course_no,
       json_extract(c.value, '$.start') AS start_date,
       json_extract(c.value, '$.end') AS end_date,
       json_extract(c.value, '$.span_days') AS span_days,
       json_extract(c.value, '$.covered_days') AS covered_days,
       json_extract(c.value, '$.fills') AS fills,
       json_extract(c.value, '$.overdue') AS overdue
  FROM (SELECT f.person_id, f.ingredient,
               relaxant_courses(f.start_date, f.end_date, NULL, NULL,
                                (SELECT cutoff_date FROM data_cutoff)) AS courses
          FROM relaxant_fill AS f
         WHERE f.status IN ('ok', 'open')
         GROUP BY f.person_id, f.ingredient) AS g,
       json_each(g.courses) AS c;

-- Each usable fill with the number of the course it belongs to.
DROP VIEW IF EXISTS temp.relaxant_fill_course;
CREATE TEMP VIEW relaxant_fill_course AS
SELECT f.*,
       relaxant_course_no(f.start_date, f.end_date, NULL, (SELECT cutoff_date FROM data_cutoff))
         OVER (PARTITION BY f.person_id, f.ingredient ORDER BY f.start_date) AS course_no
  FROM relaxant_fill AS f
 WHERE f.status IN ('ok', 'open');

-- ---- Diagnoses and plans -----------------------------------------------------

-- Diagnoses classified for cohort building.
DROP VIEW IF EXISTS temp.classified_condition;
CREATE TEMP VIEW classified_condition AS
SELECT person_id, start_date AS condition_start_date, start_value, condition_source_value,
       icd10_class(condition_source_value) AS class
  FROM dated_condition;

-- Per person with low back pain: first diagnosis, latest record, phase,
-- spasm and red flags. The phase runs from the first low back pain
-- diagnosis to the person's latest dated record (person_last_seen).
DROP VIEW IF EXISTS temp.lbp_person;
CREATE TEMP VIEW lbp_person AS
WITH flags AS (
  SELECT person_id,
         min(CASE WHEN class = 'low_back_pain' THEN condition_start_date END) AS first_lbp_date,
         max(class = 'muscle_spasm_back') AS spasm,
         max(class LIKE 'red_flag%') AS red_flag
    FROM (SELECT * FROM classified_condition LIMIT -1) GROUP BY person_id)
SELECT flags.person_id,
       flags.first_lbp_date,
       a.last_seen_date,
       pain_phase(flags.first_lbp_date, a.last_seen_date) AS phase,
       coalesce(flags.spasm, 0) AS spasm,
       coalesce(flags.red_flag, 0) AS red_flag
  FROM flags JOIN person_last_seen AS a USING (person_id)
 WHERE flags.first_lbp_date IS NOT NULL;

-- Each person's latest hepatic_function observation, when it is one of
-- none, mild, moderate, severe (anything else is counted by
-- sql/data_quality.sql and left out).
DROP VIEW IF EXISTS temp.latest_hepatic;
CREATE TEMP VIEW latest_hepatic AS
SELECT person_id, value AS hepatic FROM (
  SELECT person_id, lower(value_as_string) AS value,
         row_number() OVER (PARTITION BY person_id ORDER BY observation_date DESC, observation_id DESC) AS rank
    FROM dated_observation
   WHERE observation_source_value = 'hepatic_function'
     AND lower(value_as_string) IN ('none', 'mild', 'moderate', 'severe'))
 WHERE rank = 1;

-- One plan per person with low back pain, from the latest facts:
--   onset, as_of   first low back pain diagnosis, the person's latest record
--   spasm          a muscle_spasm_back diagnosis (M62.830)
--   red_flags      any red-flag diagnosis or finding (icd10_class)
--   hepatic        the latest 'hepatic_function' observation (value_as_string)
--   age            year of as_of minus year_of_birth
--   tried          every procedure and drug the person had that
--                  intervention_code() recognises
--   pain_baseline, pain_now  the first and the latest 'pain_nrs' scores (0-10),
--                  when there are at least two
--   relaxant_days  days of the latest relaxant course up to as_of, if that
--                  course was still going within 7 days of as_of (else 0)
--   on_error       'report': bad facts give {"version":...,"error":...}
-- Values outside the contract's vocabularies or ranges are left out (not
-- given) rather than stopping the report; sql/data_quality.sql counts them.
DROP VIEW IF EXISTS temp.patient_plan;
CREATE TEMP VIEW patient_plan AS
WITH tried AS (
  SELECT person_id, json_group_array(DISTINCT code) AS items FROM (
    SELECT person_id, intervention_code(procedure_source_value) AS code FROM procedure_occurrence
    UNION ALL
    SELECT person_id, intervention_code(drug_source_value) FROM drug_exposure
    LIMIT -1)
   WHERE code IS NOT NULL GROUP BY person_id),
pain AS (
  SELECT person_id, count(*) AS scores,
         max(CASE WHEN first_rank = 1 THEN v END) AS baseline,
         max(CASE WHEN last_rank = 1 THEN v END) AS now
    FROM (SELECT person_id, value_as_number AS v,
                 row_number() OVER (PARTITION BY person_id ORDER BY observation_date, observation_id) AS first_rank,
                 row_number() OVER (PARTITION BY person_id ORDER BY observation_date DESC, observation_id DESC) AS last_rank
            FROM dated_observation
           WHERE observation_source_value = 'pain_nrs' AND value_as_number BETWEEN 0 AND 10
             AND observation_date IS NOT NULL)
   GROUP BY person_id),
latest_course AS (
  -- the course that started last (of two, the one that ends last): dates are
  -- YYYY-MM-DD text, so the largest 'start/end' text is that course
  SELECT person_id, substr(latest, 1, 10) AS start_date, substr(latest, 12, 10) AS end_date
    FROM (SELECT person_id, max(start_date || '/' || end_date) AS latest
            FROM relaxant_course GROUP BY person_id))
SELECT p.person_id,
       recommend_plan(
         'onset', p.first_lbp_date,
         'as_of', p.last_seen_date,
         'spasm', p.spasm,
         'red_flags', p.red_flag,
         'hepatic', h.hepatic,
         'age', (SELECT CASE WHEN a BETWEEN 0 AND 150 THEN a END
                   FROM (SELECT CAST(strftime('%Y', p.last_seen_date) AS INTEGER) - pe.year_of_birth AS a)),
         'tried', t.items,
         'pain_baseline', CASE WHEN pain.scores >= 2 THEN pain.baseline END,
         'pain_now', CASE WHEN pain.scores >= 2 THEN pain.now END,
         'relaxant_days',
           CASE WHEN c.start_date IS NULL OR c.start_date > p.last_seen_date THEN 0
                WHEN c.end_date >= date(p.last_seen_date, '-7 days')
                  THEN relaxant_days(c.start_date, min(c.end_date, p.last_seen_date))
                ELSE 0 END,
         'on_error', 'report') AS plan
  FROM lbp_person AS p
  LEFT JOIN person AS pe ON pe.person_id = p.person_id
  LEFT JOIN tried AS t ON t.person_id = p.person_id
  LEFT JOIN pain ON pain.person_id = p.person_id
  LEFT JOIN latest_hepatic AS h ON h.person_id = p.person_id
  LEFT JOIN latest_course AS c ON c.person_id = p.person_id;

-- Cyclobenzaprine fills with the facts its label checks need: the person's
-- latest hepatic_function observation and age at the fill. Open fills (no
-- end date) are checked too: a dose does not need an end. Fills without a
-- usable dose (dose_mg > 0, doses_per_day >= 1) are left out here and
-- counted in sql/data_quality.sql.
DROP VIEW IF EXISTS temp.cyclobenzaprine_dose;
CREATE TEMP VIEW cyclobenzaprine_dose AS
SELECT f.drug_exposure_id, f.person_id, f.drug_source_value, f.start_date, f.dose_mg,
       f.doses_per_day, h.hepatic, f.age,
       relaxant_dose_alerts(f.drug_source_value, f.dose_mg, f.doses_per_day, h.hepatic, f.age)
         AS alerts
  FROM (SELECT fill.*,
               (SELECT CASE WHEN a BETWEEN 0 AND 150 THEN a END
                  FROM (SELECT CAST(strftime('%Y', fill.start_date) AS INTEGER) - p.year_of_birth AS a))
                 AS age
          FROM relaxant_fill AS fill
          LEFT JOIN person AS p ON p.person_id = fill.person_id
         WHERE fill.ingredient = 'cyclobenzaprine' AND fill.status IN ('ok', 'open')
           AND fill.dose_mg > 0 AND fill.doses_per_day >= 1) AS f
  LEFT JOIN latest_hepatic AS h ON h.person_id = f.person_id;

-- The cohort: chronic low back pain with muscle spasm, no red flag.
DROP VIEW IF EXISTS temp.cohort_chronic_lbp_spasm;
CREATE TEMP VIEW cohort_chronic_lbp_spasm AS
SELECT * FROM lbp_person WHERE phase = 'chronic' AND spasm = 1 AND red_flag = 0;
