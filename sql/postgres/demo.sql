-- sql/postgres/demo.sql: every report of sql/postgres/, as readable
-- tables, in psql (what `make demo-pg` runs over the generated cohort; the
-- counterpart of sql/demo.sql). The reports themselves are plain SQL; only
-- this file uses psql's backslash commands. It reads the files next to it
-- (\ir), so it runs from any directory:
--   psql -X -v ON_ERROR_STOP=1 -d DATABASE -f sql/postgres/demo.sql
-- The database must have the OMOP tables and the extension (CREATE
-- EXTENSION backpain) on its search_path. Dates are shown in ISO form here
-- (DateStyle for this session only): the reports' values do not depend on
-- it, their display does.
\set ON_ERROR_STOP on
SET DateStyle = 'ISO, YMD';
\pset null '(null)'
\ir views.sql
\echo
\echo '==== Relaxant audit: courses past the label''s 21 days (relaxant_audit.sql)'
\ir relaxant_audit.sql
\echo
\echo '==== Cyclobenzaprine dose alerts (dose_alerts.sql)'
\ir dose_alerts.sql
\echo
\echo '==== Data quality: what the reports left out, and why (data_quality.sql)'
\ir data_quality.sql
\echo
\echo '==== Cohort: chronic low back pain with spasm (cohort.sql)'
\ir cohort.sql
\echo
\echo '==== Plans: the guideline''s next steps per person (plans.sql)'
\ir plans.sql
\echo
\echo '==== Low-value care: TENS and lumbar supports (low_value_care.sql)'
\ir low_value_care.sql
