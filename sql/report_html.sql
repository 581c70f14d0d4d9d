-- sql/report_html.sql: the backpain dashboard as one self-contained HTML
-- page (inline CSS and SVG, no JavaScript, no network), written by SQL
-- from the same views as the text reports:
--
--   sqlite3 -batch cohort.db < sql/report_html.sql > report.html
--
-- (run from the repository root: it loads dist/backpain and reads
-- sql/views.sql). Every figure is also in an element with an id
-- ("fig-..."), so tests can compare the page with the SQL results.
--
-- Charts: relaxant course length in days with the 21-day line; by month of
-- course start, the share of courses over 21 days and the number of courses
-- started; plans by pathway and stage; low-value care. The charts scale
-- down to the window's width (no sideways scrolling on a narrow window).
.mode list
.headers off
.nullvalue ''
.load dist/backpain
.read sql/views.sql

-- Aggregates, computed once.
CREATE TEMP TABLE figure AS SELECT
  (SELECT count(*) FROM person) AS patients,
  (SELECT count(*) FROM relaxant_course) AS courses,
  (SELECT coalesce(sum(overdue), 0) FROM relaxant_course) AS overdue_courses,
  (SELECT count(DISTINCT person_id) FROM relaxant_course WHERE overdue) AS overdue_patients,
  (SELECT count(*) FROM cohort_chronic_lbp_spasm) AS cohort,
  (SELECT count(*) FROM patient_plan) AS plans,
  (SELECT count(*) FROM cyclobenzaprine_dose WHERE alerts <> '[]') AS dose_alert_fills,
  (SELECT count(*) FROM relaxant_fill WHERE status NOT IN ('ok', 'open')) AS fills_left_out;

-- Course length in days, in bins of 7 days: bin 1 is 1-7 days, bin 12 is
-- 78-84, bin 13 is 85 days and longer. Bins 1-3 are within the 21-day
-- label limit, bins 4 and up are overdue.
CREATE TEMP TABLE length_bin AS
WITH RECURSIVE bins(bin) AS (SELECT 1 UNION ALL SELECT bin + 1 FROM bins WHERE bin < 13)
SELECT bin,
       CASE WHEN bin < 13 THEN printf('%d-%d', 7 * bin - 6, 7 * bin) ELSE '85+' END AS label,
       (SELECT count(*) FROM relaxant_course WHERE min((span_days + 6) / 7, 13) = bin) AS n
  FROM bins;

-- Every month from the first course start to the last, so the time axis is
-- even. A month in which no course started has courses = 0 and pct NULL:
-- the chart marks it as "no course started", not as 0 %.
CREATE TEMP TABLE month_share AS
WITH RECURSIVE months(month) AS (
  SELECT substr(min(start_date), 1, 7) FROM relaxant_course
  UNION ALL
  SELECT strftime('%Y-%m', month || '-01', '+1 month') FROM months
   WHERE month < (SELECT substr(max(start_date), 1, 7) FROM relaxant_course))
SELECT m.month, count(c.start_date) AS courses, coalesce(sum(c.overdue), 0) AS overdue,
       CASE WHEN count(c.start_date) > 0 THEN 100.0 * sum(c.overdue) / count(c.start_date) END AS pct,
       row_number() OVER (ORDER BY m.month) AS rn
  FROM months AS m LEFT JOIN relaxant_course AS c ON substr(c.start_date, 1, 7) = m.month
 WHERE m.month IS NOT NULL
 GROUP BY m.month ORDER BY m.month;

-- Axis scales: for a maximum value, the smallest step of 1, 2, 5, 10, 20,
-- 50, ... that reaches it in at most `steps` steps, and the axis top (a
-- whole number of steps, at least one).
CREATE TEMP TABLE axis AS
WITH RECURSIVE
  want(chart, maximum, steps) AS (
    SELECT 'length', (SELECT max(n) FROM length_bin), 4
    UNION ALL SELECT 'month_courses', (SELECT coalesce(max(courses), 0) FROM month_share), 3),
  step(chart, maximum, steps, step) AS (
    SELECT chart, maximum, steps, 1 FROM want
    UNION ALL
    SELECT chart, maximum, steps, CASE WHEN substr(step, 1, 1) = '2' THEN step * 5 / 2 ELSE step * 2 END
      FROM step WHERE step * steps < maximum)
SELECT chart, max(step) AS step,
       max(1, (maximum + max(step) - 1) / max(step)) * max(step) AS top
  FROM step GROUP BY chart;

-- The ticks of each axis: 0, step, 2 step, ..., top.
CREATE TEMP TABLE axis_tick AS
WITH RECURSIVE tick(chart, value, step, top) AS (
  SELECT chart, 0, step, top FROM axis
  UNION ALL SELECT chart, value + step, step, top FROM tick WHERE value + step <= top)
SELECT chart, value, top FROM tick;

CREATE TEMP TABLE stage_count AS
SELECT json_extract(plan, '$.pathway') || coalesce('/' || json_extract(plan, '$.stage'), '') AS label,
       count(*) AS n
  FROM patient_plan GROUP BY label ORDER BY n DESC, label;

CREATE TEMP TABLE low_value AS
SELECT e.intervention AS label, count(*) AS procedures, count(DISTINCT x.person_id) AS patients
  FROM (SELECT person_id, intervention_code(procedure_source_value) AS code FROM procedure_occurrence) AS x
  JOIN guideline_evidence AS e
    ON e.intervention = x.code AND e.recommendation = 'avoid' AND e.category = 'physical_modality'
 GROUP BY e.intervention ORDER BY e.intervention;

SELECT '<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>backpain dashboard</title>
<style>
body { font-family: system-ui, sans-serif; margin: 24px; color: #222; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 28px 0 8px; }
.meta { color: #666; font-size: 12px; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 16px; }
.figure { border: 1px solid #ddd; border-radius: 6px; padding: 10px 14px; min-width: 150px; }
.figure b { display: block; font-size: 24px; }
.figure span.label { font-size: 12px; color: #555; }
svg { display: block; box-sizing: border-box; width: 100%; max-width: 680px; height: auto; background: #fafafa; border: 1px solid #eee; }
svg text { font-size: 11px; fill: #333; } svg text.tick { fill: #666; } svg text.axis-title { font-weight: 600; }
.bar { fill: #4a78b5; } .bar.over { fill: #c0504d; } .bar.count { fill: #7d8ea3; }
.empty { fill: #ececec; stroke: #aaa; stroke-width: 1; stroke-dasharray: 3 2; } .zero { stroke: #c0504d; stroke-width: 2; }
.grid { stroke: #e4e4e4; stroke-width: 1; } .axis { stroke: #999; stroke-width: 1; }
.limit { stroke: #c0504d; stroke-width: 2; stroke-dasharray: 5 3; }
table { border-collapse: collapse; font-size: 13px; } td, th { border: 1px solid #ddd; padding: 4px 8px; text-align: right; }
/* A narrow window: the charts scale down to its width, their text less so. */
@media (max-width: 520px) { body { margin: 12px; } td, th { padding: 3px 5px; } svg text { font-size: 14px; } }
th:first-child, td:first-child { text-align: left; }
</style></head><body>';

SELECT printf('<h1>backpain dashboard</h1>
<p class="meta">Generated by sql/report_html.sql with backpain %s on SQLite %s. Source tables: OMOP-shaped person, condition_occurrence, drug_exposure, procedure_occurrence, observation.</p>',
              backpain_version(), sqlite_version());

SELECT '<div class="figures">' ||
  printf('<div class="figure"><b id="fig-patients">%d</b><span class="label">patients</span></div>', patients) ||
  printf('<div class="figure"><b id="fig-courses">%d</b><span class="label">relaxant courses</span></div>', courses) ||
  printf('<div class="figure"><b id="fig-overdue-courses">%d</b><span class="label">courses over 21 days</span></div>', overdue_courses) ||
  printf('<div class="figure"><b id="fig-overdue-pct">%.1f%%</b><span class="label">of courses overdue</span></div>',
         CASE WHEN courses > 0 THEN 100.0 * overdue_courses / courses ELSE 0 END) ||
  printf('<div class="figure"><b id="fig-overdue-patients">%d</b><span class="label">patients with an overdue course</span></div>', overdue_patients) ||
  printf('<div class="figure"><b id="fig-dose-alerts">%d</b><span class="label">cyclobenzaprine fills with dose alerts</span></div>', dose_alert_fills) ||
  printf('<div class="figure"><b id="fig-cohort">%d</b><span class="label">chronic LBP with spasm, no red flag</span></div>', cohort) ||
  printf('<div class="figure"><b id="fig-plans">%d</b><span class="label">plans (people with LBP)</span></div>', plans) ||
  printf('<div class="figure"><b id="fig-left-out">%d</b><span class="label">relaxant fills left out (data quality)</span></div>', fills_left_out) ||
  '</div>'
  FROM figure;

-- The charts share one drawing width (680) and scale down with the window
-- (CSS: width 100%, max-width 680px), so a narrow window does not scroll
-- sideways. Plot areas run from x = 56 (after the tick labels) to x = 668.

-- Chart 1: course length in days (weekly bins), with the 21-day line
-- between bin 3 (15-21 days) and bin 4 (22-28 days). Bars: x = 56 + 47 (bin
-- - 1) + 5, width 37; baseline y = 220, height 180 for the axis top.
SELECT '<h2>Relaxant course length in days (the dashed line is the 21-day label limit)</h2>' ||
  '<svg id="chart-length" width="680" height="272" viewBox="0 0 680 272" role="img" aria-label="relaxant course length in days">' ||
  '<text class="axis-title" x="4" y="16">courses</text>' ||
  (SELECT group_concat(printf('<line class="grid" x1="56" y1="%.1f" x2="668" y2="%.1f"/><text class="tick" x="50" y="%.1f" text-anchor="end">%d</text>',
                              220 - 180.0 * value / top, 220 - 180.0 * value / top, 224 - 180.0 * value / top, value), '')
     FROM (SELECT value, top FROM axis_tick WHERE chart = 'length' ORDER BY value)) ||
  group_concat(printf('<rect class="bar%s" x="%d" y="%d" width="37" height="%d"><title>%s days: %d course%s</title></rect>' ||
                      '<text class="bin" x="%.1f" y="236" text-anchor="middle">%s</text><text x="%.1f" y="%d" text-anchor="middle">%d</text>',
                      CASE WHEN bin > 3 THEN ' over' ELSE '' END,
                      61 + (bin - 1) * 47, 220 - h, h, label, n, CASE WHEN n = 1 THEN '' ELSE 's' END,
                      79.5 + (bin - 1) * 47, label, 79.5 + (bin - 1) * 47, 215 - h, n), '') ||
  '<line class="limit" x1="197" y1="12" x2="197" y2="222"/><text x="201" y="22">21 days</text>' ||
  '<line class="axis" x1="56" y1="220" x2="668" y2="220"/>' ||
  '<text class="axis-title" x="362" y="262" text-anchor="middle">course length, days (weekly bins)</text></svg>'
  FROM (SELECT bin, label, n,
               CAST(round(180.0 * n / (SELECT top FROM axis WHERE chart = 'length')) AS INTEGER) AS h
          FROM length_bin ORDER BY bin);

-- Chart 2: by month of course start, the share of courses over 21 days
-- (top panel, 0-100 %, baseline y = 190, 1.5 px per %) and the number of
-- courses that started (bottom panel, baseline y = 294, 70 px for the axis
-- top). Each month has a slot of 612 / months px (its bars are 70 % of it, at
-- most 40 px, in the middle). A month in which no course started is a pale
-- dashed column over the whole share panel ("no course started"), never a
-- 0 % bar; a month at 0 % has a red mark on the baseline.
SELECT '<h2>Relaxant courses over 21 days, by month of course start</h2>' ||
  '<svg id="chart-months" width="680" height="338" viewBox="0 0 680 338" role="img" aria-label="share of courses over 21 days and courses started, by month">' ||
  '<text class="axis-title" x="4" y="16">% of courses over 21 days</text>' ||
  CASE WHEN EXISTS (SELECT 1 FROM month_share WHERE courses = 0)
       THEN '<rect class="empty" x="500" y="7" width="10" height="10"/><text x="514" y="16">no course started</text>'
       ELSE '' END ||
  (SELECT group_concat(printf('<line class="grid" x1="56" y1="%d" x2="668" y2="%d"/><text class="tick" x="50" y="%d" text-anchor="end">%d %%</text>',
                              190 - 3 * v / 2, 190 - 3 * v / 2, 194 - 3 * v / 2, v), '')
     FROM (SELECT 0 AS v UNION ALL SELECT 25 UNION ALL SELECT 50 UNION ALL SELECT 75 UNION ALL SELECT 100)) ||
  '<text class="axis-title" x="4" y="214">courses started</text>' ||
  (SELECT group_concat(printf('<line class="grid" x1="56" y1="%.1f" x2="668" y2="%.1f"/><text class="tick" x="50" y="%.1f" text-anchor="end">%d</text>',
                              294 - 70.0 * value / top, 294 - 70.0 * value / top, 298 - 70.0 * value / top, value), '')
     FROM (SELECT value, top FROM axis_tick WHERE chart = 'month_courses' ORDER BY value)) ||
  coalesce(group_concat(
    CASE WHEN courses = 0
         THEN printf('<rect class="empty" x="%.2f" y="40" width="%.2f" height="150"><title>%s: no course started</title></rect>',
                     x, w, month)
         ELSE printf('<rect class="bar over" x="%.2f" y="%.2f" width="%.2f" height="%.2f"><title>%s: %d of %d course%s over 21 days (%.1f %%)</title></rect>',
                     x, 190 - 1.5 * pct, w, 1.5 * pct, month, overdue, courses,
                     CASE WHEN courses = 1 THEN '' ELSE 's' END, pct) ||
              CASE WHEN overdue = 0
                   THEN printf('<line class="zero" x1="%.2f" y1="189" x2="%.2f" y2="189"/>', x, x + w)
                   ELSE '' END END ||
    printf('<rect class="bar count" x="%.2f" y="%.2f" width="%.2f" height="%.2f"><title>%s: %d course%s started</title></rect>',
           x, 294 - 70.0 * courses / top, w, 70.0 * courses / top, month, courses,
           CASE WHEN courses = 1 THEN '' ELSE 's' END) ||
    CASE WHEN substr(month, 6, 2) = '01'
         THEN printf('<line class="axis" x1="%.2f" y1="294" x2="%.2f" y2="302"/><text x="%.2f" y="312">%s</text>',
                     x0, x0, x0 + 2, substr(month, 1, 4))
         WHEN rn = 1 AND (13 - CAST(substr(month, 6, 2) AS INTEGER)) * slot >= 48
         THEN printf('<line class="axis" x1="%.2f" y1="294" x2="%.2f" y2="302"/><text x="%.2f" y="312">%s</text>',
                     x0, x0, x0 + 2, month)
         ELSE '' END, ''), '<text x="362" y="115" text-anchor="middle">no relaxant course</text>') ||
  '<line class="axis" x1="56" y1="190" x2="668" y2="190"/><line class="axis" x1="56" y1="294" x2="668" y2="294"/>' ||
  '<text class="axis-title" x="362" y="332" text-anchor="middle">month of course start</text></svg>'
  FROM (SELECT month, courses, overdue, pct, rn, slot,
               56 + (rn - 1) * slot AS x0, 56 + (rn - 1) * slot + (slot - min(0.7 * slot, 40)) / 2 AS x,
               min(0.7 * slot, 40) AS w,
               (SELECT top FROM axis WHERE chart = 'month_courses') AS top
          FROM (SELECT *, 612.0 / (SELECT count(*) FROM month_share) AS slot FROM month_share)
         ORDER BY month);

-- Chart 3: plans by pathway and stage.
SELECT '<h2>Plans by pathway and stage</h2>' ||
  printf('<svg id="chart-stages" width="680" height="%d" viewBox="0 0 680 %d" role="img" aria-label="plan stages">',
         20 + 28 * max(1, (SELECT count(*) FROM stage_count)), 20 + 28 * max(1, (SELECT count(*) FROM stage_count))) ||
  coalesce(group_concat(printf('<text x="4" y="%d">%s</text><rect class="bar" x="290" y="%d" width="%d" height="18"/><text x="%d" y="%d" id="fig-stage-%s">%d</text>',
                               24 + (rn - 1) * 28, label, 10 + (rn - 1) * 28, w, 296 + w, 24 + (rn - 1) * 28,
                               replace(label, '/', '-'), n), ''), '<text x="4" y="24">none</text>') ||
  '</svg>'
  FROM (SELECT label, n, row_number() OVER (ORDER BY n DESC, label) AS rn,
               CAST(round(330.0 * n / max(1, (SELECT max(n) FROM stage_count))) AS INTEGER) AS w
          FROM stage_count ORDER BY n DESC, label);

-- Chart 4: low-value care (the guideline says to avoid these).
SELECT '<h2>Low-value care: procedures the guideline says to avoid</h2>' ||
  printf('<svg id="chart-low-value" width="680" height="%d" viewBox="0 0 680 %d" role="img" aria-label="low-value care">',
         20 + 28 * max(1, (SELECT count(*) FROM low_value)), 20 + 28 * max(1, (SELECT count(*) FROM low_value))) ||
  coalesce(group_concat(printf('<text x="4" y="%d">%s</text><rect class="bar over" x="160" y="%d" width="%d" height="18"/><text x="%d" y="%d"><tspan id="fig-low-value-%s">%d</tspan> procedure%s, %d patient%s</text>',
                               24 + (rn - 1) * 28, label, 10 + (rn - 1) * 28, w, 166 + w, 24 + (rn - 1) * 28,
                               label, procedures, CASE WHEN procedures = 1 THEN '' ELSE 's' END,
                               patients, CASE WHEN patients = 1 THEN '' ELSE 's' END), ''), '<text x="4" y="24">none</text>') ||
  '</svg>'
  FROM (SELECT label, procedures, patients, row_number() OVER (ORDER BY label) AS rn,
               CAST(round(220.0 * procedures / max(1, (SELECT max(procedures) FROM low_value))) AS INTEGER) AS w
          FROM low_value ORDER BY label);

-- Tables: courses per ingredient, and what the data quality section counts.
SELECT '<h2>Courses per ingredient</h2><table><tr><th>ingredient</th><th>courses</th><th>over 21 days</th><th>%</th><th>longest (days)</th></tr>' ||
  group_concat(printf('<tr><td>%s</td><td>%d</td><td>%d</td><td>%.1f</td><td>%d</td></tr>',
                      ingredient, courses, overdue, 100.0 * overdue / courses, longest), '') ||
  '</table>'
  FROM (SELECT ingredient, count(*) AS courses, sum(overdue) AS overdue, max(span_days) AS longest
          FROM relaxant_course GROUP BY ingredient ORDER BY courses DESC, ingredient);

SELECT '<h2>Data quality: relaxant fills by status</h2><table><tr><th>status</th><th>fills</th></tr>' ||
  group_concat(printf('<tr><td>%s</td><td id="fig-status-%s">%d</td></tr>', status, status, n), '') ||
  '</table>'
  FROM (SELECT status, count(*) AS n FROM relaxant_fill GROUP BY status ORDER BY status);

SELECT '<p class="meta">Evidence behind every plan step: SELECT * FROM guideline_evidence. Definitions: README.md and the headers of sql/*.sql.</p></body></html>';
