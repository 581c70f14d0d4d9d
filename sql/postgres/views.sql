-- sql/postgres/views.sql: the views every backpain report builds on, in
-- PostgreSQL's dialect, over OMOP CDM tables with PostgreSQL types (person,
-- condition_occurrence, drug_exposure, procedure_occurrence, observation:
-- dates are date, ids and days_supply integer, value_as_number numeric).
-- The same views, names, columns and conventions as sql/views.sql (the
-- SQLite build), so the reports of sql/postgres/ give the same figures as
-- those of sql/ on the same cohort (tests/pg/reports.py checks it).
--
-- They are TEMP views, as in SQLite: they last as long as the session,
-- reading them never writes to your tables, and an analyst with no CREATE
-- right on the CDM schema can use them (TEMP is granted to PUBLIC by
-- default; a hot-standby replica allows no temporary objects at all). Run
-- this file once per session, with the search_path naming the schema of
-- the OMOP tables and the schema of the extension (names are bound when a
-- view is created):
--   SET search_path = cdm, public;   -- your CDM schema, backpain's schema
--   \i sql/postgres/views.sql
--   \i sql/postgres/relaxant_audit.sql
-- Running it again in the same session replaces the views. It stops with
-- an error, instead of dropping anything, if you have built views of your
-- own on top of these.
--
-- Conventions (those of sql/views.sql; what differs in PostgreSQL, and why,
-- is marked "PostgreSQL:"):
-- * Dates. PostgreSQL: OMOP's date columns are of type date here, so there
--   is no text to parse and no mixing of text and numbers; the dated_*
--   views only turn a date the extension would refuse into NULL: infinity,
--   -infinity, and years outside 0000-9999 (the extension's range, as in
--   SQLite, where an impossible day or a word becomes NULL). Such a value
--   is counted by sql/postgres/data_quality.sql (status bad_date). Dates in
--   results are of type date: how a client shows them follows its DateStyle,
--   their value does not (the text in JSON is always ISO).
-- * as_of. The data cut-off is the latest date anywhere in the data (the
--   extract's end: data_cutoff). It is the as_of of every relaxant course,
--   so a fill with no end date runs to it, and an ongoing order shows up as
--   the overdue course it may be. A person's plan is as of their own latest
--   dated record (person_last_seen), from which their pain phase is counted.
-- * A relaxant fill is a drug_exposure row whose drug_source_value names a
--   skeletal muscle relaxant (relaxant_ingredient). Its last day is
--   drug_exposure_end_date, or start + days_supply - 1 when the end is
--   missing (relaxant_end); with neither, the fill is open (status 'open')
--   and runs to the data cut-off. Fills without a start, with a date the
--   extension refuses, or with an end before the start are left out of
--   courses and counted in sql/postgres/data_quality.sql. PostgreSQL:
--   days_supply is an integer column (OMOP's type), so "a whole number of
--   at least 1" is just days_supply >= 1.
-- * Cyclobenzaprine products outside back pain (Tonmya, sublingual,
--   fibromyalgia) are kept out of the audit: the extension gives them no
--   ingredient (docs/recognition.md).
-- * Courses are per person and ingredient, with the defaults: a gap of up
--   to 7 uncovered days continues a course, and more than 21 days is
--   overdue.
-- * Plans use recommend_plan(..., 'on_error', 'report'): a person whose
--   facts the extension rejects gets {"version":...,"error":...} instead of
--   stopping the report; sql/postgres/data_quality.sql counts those plans.
-- * Each recogniser (relaxant_ingredient, intervention_code, icd10_class),
--   and relaxant_dose_alerts, runs at most once per row. PostgreSQL: a
--   subquery is flattened into the query that uses it and its expression
--   copied to every place that names the column (a filter and a select list:
--   two calls). Each call therefore sits in a LATERAL subquery with OFFSET 0,
--   which PostgreSQL never flattens: the call is made once per row (or less
--   often: the planner may memoize an immutable call by its argument), and a
--   filter on the table's own columns (WHERE person_id = ...) still reaches
--   the table and its index. tests/pg/reports.py counts the calls.
-- * Booleans. PostgreSQL: overdue, spasm and red_flag are boolean (SQLite
--   has 1/0), and JSON is jsonb: read fields with ->> instead of
--   json_extract.
-- * Text order. PostgreSQL: every ORDER BY, min() and max() over text in
--   the reports uses COLLATE "C", the byte order SQLite uses, so a report's
--   rows come in the same order in a database of any collation; lower() of
--   a vocabulary word is taken in the "C" collation, which lowers ASCII
--   letters only, as SQLite's lower() does (a Turkish locale would turn I
--   into a dotless i). SQLite sorts NULL first; PostgreSQL sorts it last,
--   so an ORDER BY over a column that may be NULL says NULLS FIRST/LAST.

-- Views left by an earlier run in this session are dropped first, in the
-- order that their dependencies allow (a DO block, so that a first run
-- prints no notice for each view it does not find).
DO $$
DECLARE
  name text;
BEGIN
  FOREACH name IN ARRAY ARRAY['cohort_chronic_lbp_spasm', 'cyclobenzaprine_dose', 'patient_plan',
      'latest_hepatic', 'lbp_person', 'classified_condition', 'relaxant_fill_course',
      'relaxant_course', 'relaxant_fill', 'person_last_seen', 'data_cutoff', 'dated_observation', 'dated_procedure',
      'dated_drug', 'dated_condition'] LOOP
    IF to_regclass('pg_temp.' || name) IS NOT NULL THEN
      EXECUTE format('DROP VIEW pg_temp.%I', name);
    END IF;
  END LOOP;
END
$$;

-- ---- Dates, normalised -----------------------------------------------------
-- A date counts when the extension accepts it (years 0000 to 9999; year 0
-- is 1 BC in PostgreSQL's notation):
--   CASE WHEN x BETWEEN DATE '0001-01-01 BC' AND DATE '9999-12-31' THEN x END

CREATE TEMP VIEW dated_condition AS
SELECT condition_occurrence_id, person_id, condition_source_value,
       condition_start_date AS start_value,
       CASE WHEN condition_start_date BETWEEN DATE '0001-01-01 BC' AND DATE '9999-12-31'
            THEN condition_start_date END AS start_date
  FROM condition_occurrence;

CREATE TEMP VIEW dated_drug AS
SELECT drug_exposure_id, person_id, drug_source_value, days_supply, dose_mg, doses_per_day,
       drug_exposure_start_date AS start_value, drug_exposure_end_date AS end_value,
       CASE WHEN drug_exposure_start_date BETWEEN DATE '0001-01-01 BC' AND DATE '9999-12-31'
            THEN drug_exposure_start_date END AS start_date,
       CASE WHEN drug_exposure_end_date BETWEEN DATE '0001-01-01 BC' AND DATE '9999-12-31'
            THEN drug_exposure_end_date END AS end_date
  FROM drug_exposure;

CREATE TEMP VIEW dated_procedure AS
SELECT procedure_occurrence_id, person_id, procedure_source_value,
       procedure_date AS date_value,
       CASE WHEN procedure_date BETWEEN DATE '0001-01-01 BC' AND DATE '9999-12-31'
            THEN procedure_date END AS procedure_date
  FROM procedure_occurrence;

CREATE TEMP VIEW dated_observation AS
SELECT observation_id, person_id, observation_source_value, value_as_number, value_as_string,
       observation_date AS date_value,
       CASE WHEN observation_date BETWEEN DATE '0001-01-01 BC' AND DATE '9999-12-31'
            THEN observation_date END AS observation_date
  FROM observation;

-- The data cut-off: the latest date anywhere in the data (the extract's
-- end). It is the as_of of every relaxant course, so an open fill runs to
-- it. No known end lies past it, so it cuts nothing else.
CREATE TEMP VIEW data_cutoff AS
SELECT max(d) AS cutoff_date FROM (
  SELECT max(start_date) AS d FROM dated_condition
  UNION ALL SELECT max(start_date) FROM dated_drug
  UNION ALL SELECT max(end_date) FROM dated_drug
  UNION ALL SELECT max(procedure_date) FROM dated_procedure
  UNION ALL SELECT max(observation_date) FROM dated_observation) AS maxima;

-- Each person's latest dated record (a diagnosis, a drug's start or end, a
-- procedure, an observation): the as_of of the person's plan.
CREATE TEMP VIEW person_last_seen AS
SELECT person_id, max(d) AS last_seen_date FROM (
  SELECT person_id, start_date AS d FROM dated_condition
  UNION ALL SELECT person_id, start_date FROM dated_drug
  UNION ALL SELECT person_id, end_date FROM dated_drug
  UNION ALL SELECT person_id, procedure_date FROM dated_procedure
  UNION ALL SELECT person_id, observation_date FROM dated_observation) AS dates
 WHERE d IS NOT NULL
 GROUP BY person_id;

-- ---- Relaxants ---------------------------------------------------------------

CREATE TEMP VIEW relaxant_fill AS
SELECT d.drug_exposure_id,
       d.person_id,
       r.ingredient,
       d.drug_source_value,
       d.start_date,
       coalesce(d.end_date,
                CASE WHEN d.start_date IS NOT NULL AND d.end_value IS NULL AND d.days_supply >= 1
                     THEN relaxant_end(d.start_date, d.days_supply) END)
         AS end_date,
       d.days_supply,
       d.dose_mg,
       d.doses_per_day,
       CASE
         WHEN d.start_value IS NULL THEN 'no_start_date'
         WHEN d.start_date IS NULL OR (d.end_value IS NOT NULL AND d.end_date IS NULL) THEN 'bad_date'
         WHEN d.end_value IS NULL AND NOT coalesce(d.days_supply >= 1, false) THEN 'open'
         WHEN d.end_date IS NOT NULL AND d.end_date < d.start_date THEN 'end_before_start'
         ELSE 'ok'
       END AS status
  FROM dated_drug AS d
 CROSS JOIN LATERAL (SELECT relaxant_ingredient(d.drug_source_value) AS ingredient OFFSET 0) AS r
 WHERE r.ingredient IS NOT NULL;

-- One row per course: person, ingredient, course number and its figures.
CREATE TEMP VIEW relaxant_course AS
SELECT g.person_id,
       g.ingredient,
       c.n::integer AS course_no,
       (c.course ->> 'start')::date AS start_date,
       (c.course ->> 'end')::date AS end_date,
       (c.course ->> 'span_days')::integer AS span_days,
       (c.course ->> 'covered_days')::integer AS covered_days,
       (c.course ->> 'fills')::integer AS fills,
       (c.course ->> 'overdue')::boolean AS overdue
  FROM (SELECT f.person_id, f.ingredient,
               relaxant_courses(f.start_date, f.end_date, NULL, NULL,
                                (SELECT cutoff_date FROM data_cutoff)) AS courses
          FROM relaxant_fill AS f
         WHERE f.status IN ('ok', 'open')
         GROUP BY f.person_id, f.ingredient) AS g
 CROSS JOIN LATERAL jsonb_array_elements(g.courses) WITH ORDINALITY AS c(course, n);

-- Each usable fill with the number of the course it belongs to.
CREATE TEMP VIEW relaxant_fill_course AS
SELECT f.*,
       relaxant_course_no(f.start_date, f.end_date, NULL, (SELECT cutoff_date FROM data_cutoff))
         OVER (PARTITION BY f.person_id, f.ingredient ORDER BY f.start_date) AS course_no
  FROM relaxant_fill AS f
 WHERE f.status IN ('ok', 'open');

-- ---- Diagnoses and plans -----------------------------------------------------

-- Diagnoses classified for cohort building.
CREATE TEMP VIEW classified_condition AS
SELECT c.person_id, c.start_date AS condition_start_date, c.start_value, c.condition_source_value,
       k.class
  FROM dated_condition AS c
 CROSS JOIN LATERAL (SELECT icd10_class(c.condition_source_value) AS class OFFSET 0) AS k;

-- Per person with low back pain: first diagnosis, data cut-off, phase,
-- spasm and red flags. The phase runs from the first low back pain
-- diagnosis to the person's latest dated record (person_last_seen).
CREATE TEMP VIEW lbp_person AS
WITH flags AS (
  SELECT person_id,
         min(condition_start_date) FILTER (WHERE class = 'low_back_pain') AS first_lbp_date,
         bool_or(class = 'muscle_spasm_back') AS spasm,
         bool_or(starts_with(class, 'red_flag')) AS red_flag
    FROM classified_condition GROUP BY person_id)
SELECT flags.person_id,
       flags.first_lbp_date,
       a.last_seen_date,
       pain_phase(flags.first_lbp_date, a.last_seen_date) AS phase,
       coalesce(flags.spasm, false) AS spasm,
       coalesce(flags.red_flag, false) AS red_flag
  FROM flags JOIN person_last_seen AS a USING (person_id)
 WHERE flags.first_lbp_date IS NOT NULL;

-- Each person's latest hepatic_function observation, when it is one of
-- none, mild, moderate, severe (anything else is counted by
-- sql/postgres/data_quality.sql and left out). An observation without a
-- date counts as the oldest (as SQLite orders NULL).
CREATE TEMP VIEW latest_hepatic AS
SELECT person_id, value AS hepatic FROM (
  SELECT person_id, lower(value_as_string COLLATE "C") AS value,
         row_number() OVER (PARTITION BY person_id
                            ORDER BY observation_date DESC NULLS LAST, observation_id DESC) AS rank
    FROM dated_observation
   WHERE observation_source_value = 'hepatic_function'
     AND lower(value_as_string COLLATE "C") IN ('none', 'mild', 'moderate', 'severe')) AS ranked
 WHERE rank = 1;

-- One plan per person with low back pain, from the latest facts:
--   onset, as_of   first low back pain diagnosis, the person's latest record
--   spasm          a muscle_spasm_back diagnosis (M62.830)
--   red_flags      any red-flag diagnosis or finding (icd10_class)
--   hepatic        the latest 'hepatic_function' observation (value_as_string)
--   age            year of as_of minus year_of_birth
--   tried          every procedure and drug the person had that
--                  intervention_code() recognises (a text[] list)
--   pain_baseline, pain_now  the first and the latest 'pain_nrs' scores (0-10),
--                  when there are at least two
--   relaxant_days  days of the latest relaxant course up to as_of, if that
--                  course was still going within 7 days of as_of (else 0)
--   on_error       'report': bad facts give {"version":...,"error":...}
-- Values outside the contract's vocabularies or ranges are left out (not
-- given) rather than stopping the report; sql/postgres/data_quality.sql
-- counts them.
CREATE TEMP VIEW patient_plan AS
WITH tried AS (
  SELECT person_id, array_agg(DISTINCT code ORDER BY code) AS items FROM (
    SELECT p.person_id, k.code COLLATE "C" AS code
      FROM procedure_occurrence AS p
     CROSS JOIN LATERAL (SELECT intervention_code(p.procedure_source_value) AS code OFFSET 0) AS k
    UNION ALL
    SELECT d.person_id, k.code COLLATE "C"
      FROM drug_exposure AS d
     CROSS JOIN LATERAL (SELECT intervention_code(d.drug_source_value) AS code OFFSET 0) AS k) AS x
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
             AND observation_date IS NOT NULL) AS scored
   GROUP BY person_id),
latest_course AS (
  -- the course that started last (of two, the one that ends last), as in
  -- the SQLite views
  SELECT DISTINCT ON (person_id) person_id, start_date, end_date
    FROM relaxant_course
   ORDER BY person_id, start_date DESC, end_date DESC)
SELECT p.person_id,
       recommend_plan(
         'onset', p.first_lbp_date,
         'as_of', p.last_seen_date,
         'spasm', p.spasm,
         'red_flags', p.red_flag,
         'hepatic', h.hepatic,
         'age', CASE WHEN extract(year FROM p.last_seen_date)::integer - pe.year_of_birth BETWEEN 0 AND 150
                     THEN extract(year FROM p.last_seen_date)::integer - pe.year_of_birth END,
         'tried', t.items,
         'pain_baseline', CASE WHEN pain.scores >= 2 THEN pain.baseline END,
         'pain_now', CASE WHEN pain.scores >= 2 THEN pain.now END,
         'relaxant_days',
           CASE WHEN c.start_date IS NULL OR c.start_date > p.last_seen_date THEN 0
                WHEN c.end_date >= p.last_seen_date - 7
                  THEN relaxant_days(c.start_date, least(c.end_date, p.last_seen_date))
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
-- counted in sql/postgres/data_quality.sql. dose_mg and doses_per_day are
-- not OMOP columns (fixtures/README.md); any numeric type will do.
CREATE TEMP VIEW cyclobenzaprine_dose AS
SELECT f.drug_exposure_id, f.person_id, f.drug_source_value, f.start_date, f.dose_mg,
       f.doses_per_day, h.hepatic, f.age, x.alerts
  FROM (SELECT fill.*,
               CASE WHEN extract(year FROM fill.start_date)::integer - p.year_of_birth BETWEEN 0 AND 150
                    THEN extract(year FROM fill.start_date)::integer - p.year_of_birth END AS age
          FROM relaxant_fill AS fill
          LEFT JOIN person AS p ON p.person_id = fill.person_id
         WHERE fill.ingredient = 'cyclobenzaprine' AND fill.status IN ('ok', 'open')
           AND fill.dose_mg > 0 AND fill.doses_per_day >= 1) AS f
  LEFT JOIN latest_hepatic AS h ON h.person_id = f.person_id
 CROSS JOIN LATERAL (
   SELECT relaxant_dose_alerts(f.drug_source_value, f.dose_mg, f.doses_per_day, h.hepatic, f.age)
            AS alerts OFFSET 0) AS x;

-- The cohort: chronic low back pain with muscle spasm, no red flag.
CREATE TEMP VIEW cohort_chronic_lbp_spasm AS
SELECT * FROM lbp_person WHERE phase = 'chronic' AND spasm AND NOT red_flag;
