-- sql/postgres/dose_alerts.sql: which cyclobenzaprine fills break the
-- label's dosing rules (hepatic impairment, age 65 and over, single and
-- daily dose, the extended-release form)? sql/dose_alerts.sql in
-- PostgreSQL's dialect, with the same answers:
--   1. fills checked, and fills with at least one alert;
--   2. each alert code: fills and patients;
--   3. ten example fills with alerts.
-- Uses relaxant_dose_alerts() with each fill's dose_mg and doses_per_day,
-- the person's latest hepatic_function observation and age at the fill
-- (view cyclobenzaprine_dose). alerts is jsonb.
-- Needs: CREATE EXTENSION backpain, \i sql/postgres/views.sql.

-- 1. Fills checked
SELECT count(*) AS fills_checked,
       sum((alerts <> '[]')::integer) AS fills_with_alerts,
       count(DISTINCT CASE WHEN alerts <> '[]' THEN person_id END) AS patients_with_alerts
  FROM cyclobenzaprine_dose;

-- 2. Alerts by code
SELECT a.alert COLLATE "C" AS alert, count(*) AS fills, count(DISTINCT d.person_id) AS patients
  FROM cyclobenzaprine_dose AS d
 CROSS JOIN LATERAL jsonb_array_elements_text(d.alerts) AS a(alert)
 GROUP BY a.alert
 ORDER BY fills DESC, alert;

-- 3. Examples
SELECT person_id, drug_source_value, dose_mg, doses_per_day, hepatic, age, alerts
  FROM cyclobenzaprine_dose
 WHERE alerts <> '[]'
 ORDER BY person_id, start_date, drug_exposure_id
 LIMIT 10;
