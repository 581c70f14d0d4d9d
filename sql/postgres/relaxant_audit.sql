-- sql/postgres/relaxant_audit.sql: are muscle relaxants used beyond the
-- label's "two or three weeks", across refills and overlapping orders?
-- sql/relaxant_audit.sql in PostgreSQL's dialect, with the same answers:
--   1. courses, overdue courses and their share, per ingredient;
--   2. the distribution of course length, against the 21-day limit;
--   3. the share of overdue courses by month of the course start;
--   4. the longest overdue courses, with the fills that made them.
-- Courses come from relaxant_courses() (fills merged per person and
-- ingredient), unpacked with jsonb_array_elements; fills are labelled with
-- their course by relaxant_course_no(). overdue is boolean here (SQLite's
-- sum(overdue) is count(*) FILTER (WHERE overdue)); shares are numeric.
-- Needs: CREATE EXTENSION backpain, \i sql/postgres/views.sql.

-- 1. Courses per ingredient
SELECT ingredient,
       count(*) AS courses,
       count(DISTINCT person_id) AS patients,
       count(*) FILTER (WHERE overdue) AS overdue_courses,
       round(100.0 * count(*) FILTER (WHERE overdue) / count(*), 1) AS overdue_pct,
       max(span_days) AS longest_days
  FROM relaxant_course
 GROUP BY ingredient
 ORDER BY courses DESC, ingredient COLLATE "C";

-- 2. Course length, in bands around the 21-day limit
SELECT CASE
         WHEN span_days <= 7 THEN '01-07 days'
         WHEN span_days <= 14 THEN '08-14 days'
         WHEN span_days <= 21 THEN '15-21 days (label limit)'
         WHEN span_days <= 28 THEN '22-28 days'
         WHEN span_days <= 42 THEN '29-42 days'
         WHEN span_days <= 90 THEN '43-90 days'
         ELSE 'over 90 days'
       END COLLATE "C" AS course_length,
       count(*) AS courses,
       round(100.0 * count(*) / (SELECT count(*) FROM relaxant_course), 1) AS pct
  FROM relaxant_course
 GROUP BY course_length
 ORDER BY course_length;

-- 3. Overdue share by month of course start
SELECT to_char(start_date, 'YYYY-MM') COLLATE "C" AS month,
       count(*) AS courses,
       count(*) FILTER (WHERE overdue) AS overdue_courses,
       round(100.0 * count(*) FILTER (WHERE overdue) / count(*), 1) AS overdue_pct
  FROM relaxant_course
 GROUP BY month
 ORDER BY month;

-- 4. The 10 longest overdue courses and their fills
SELECT c.person_id, c.ingredient, c.course_no, c.start_date AS course_start, c.span_days,
       c.covered_days, f.start_date AS fill_start, f.end_date AS fill_end, f.drug_source_value
  FROM (SELECT * FROM relaxant_course WHERE overdue
         ORDER BY span_days DESC, person_id, ingredient COLLATE "C", course_no LIMIT 10) AS c
  JOIN relaxant_fill_course AS f
    ON f.person_id = c.person_id AND f.ingredient = c.ingredient AND f.course_no = c.course_no
 ORDER BY c.span_days DESC, c.person_id, c.ingredient COLLATE "C", c.course_no, f.start_date,
          f.drug_exposure_id;
