-- sql/postgres/cohort_tables.sql: the tables of the generated demo cohort
-- (fixtures/gen_cohort.c, fixtures/README.md) in PostgreSQL, with the
-- types of the OMOP CDM 5.4 PostgreSQL DDL for the columns it has: ids and
-- days_supply integer, dates date, quantity and value_as_number numeric.
-- dose_mg and doses_per_day are not OMOP (they let the dose report call
-- relaxant_dose_alerts). An OMOP database already has these tables; this
-- file is for loading the demo cohort (make demo-pg, tests/pg/reports.py,
-- make bench-pg). Indexes on person_id, as the generator builds them in
-- SQLite, are created after loading (tests/pg/lib/omop_load.py).
CREATE TABLE person (
  person_id integer PRIMARY KEY,
  gender_source_value text,
  year_of_birth integer
);
CREATE TABLE condition_occurrence (
  condition_occurrence_id integer PRIMARY KEY,
  person_id integer,
  condition_start_date date,
  condition_source_value text
);
CREATE TABLE drug_exposure (
  drug_exposure_id integer PRIMARY KEY,
  person_id integer,
  drug_exposure_start_date date,
  drug_exposure_end_date date,
  days_supply integer,
  drug_source_value text,
  quantity numeric,
  sig text,
  dose_mg numeric,       -- not OMOP: one dose in mg
  doses_per_day integer  -- not OMOP: doses a day
);
CREATE TABLE procedure_occurrence (
  procedure_occurrence_id integer PRIMARY KEY,
  person_id integer,
  procedure_date date,
  procedure_source_value text
);
CREATE TABLE observation (
  observation_id integer PRIMARY KEY,
  person_id integer,
  observation_date date,
  observation_source_value text,
  value_as_number numeric,
  value_as_string text
);
