"""window.py: relaxant_course_no as PostgreSQL's window function, and the
course aggregates used as window aggregates.

- Course numbers of hand-made patients (expected values worked out by hand,
  as in tests/sql/relaxant_course_no.test), and the same numbers under any
  frame: a true window function reads rows by position, as row_number().
- Ordering errors: the same text as SQLite's for rows that go back in start
  order, for peers of different starts (no ORDER BY, ORDER BY end), and,
  as SQLite does, a bad row later in the peer group is reported first.
- A NULL end without as_of gives NULL, also beside a fill of the same start
  (SQLite labels such a peer with the group's number; see the report).
- Over a generated table, the fills of each course number agree with the
  courses of relaxant_courses (count, first start, last end, fills).
- relaxant_courses and relaxant_longest_course as window aggregates: over
  the whole partition they equal GROUP BY; with ORDER BY they equal the
  aggregate over the rows up to each row's peers (the final function leaves
  the state intact).
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "lib"))
from bp_pg import Pg, Tap, outcome_text, sqlite, sqlite_query  # noqa: E402

tap = Tap()
db = Pg(setup=["CREATE EXTENSION IF NOT EXISTS backpain"])
lite = sqlite()

ROWS = [
    # patient 1: three fills, one course (the contract's example)
    (1, 1, "2024-01-31", "2024-02-13"), (2, 1, "2024-01-01", "2024-01-14"), (3, 1, "2024-01-17", "2024-01-30"),
    # patient 7: an 8-day gap splits two fills into two courses
    (4, 7, "2024-01-01", "2024-01-10"), (5, 7, "2024-01-19", "2024-01-28"),
    # patient 5: two fills on the same day (peers under ORDER BY s)
    (6, 5, "2024-01-03", "2024-01-03"), (7, 5, "2024-01-03", "2024-01-05"),
    # patient 3: three courses
    (8, 3, "2024-01-01", "2024-01-07"), (9, 3, "2024-01-08", "2024-01-14"), (10, 3, "2024-02-20", "2024-02-26"),
    (11, 3, "2024-02-27", "2024-03-04"), (12, 3, "2024-06-01", "2024-06-30"),
    # patient 10: NULL dates
    (13, 10, "2024-01-01", "2024-01-10"), (14, 10, None, "2024-01-20"), (15, 10, "2024-01-05", None),
    # patient 11: two fills that end the same day; patient 12: starts go back under ORDER BY e
    (16, 11, "2024-03-01", "2024-03-10"), (17, 11, "2024-03-05", "2024-03-10"),
    (18, 12, "2024-04-10", "2024-04-20"), (19, 12, "2024-04-01", "2024-04-25"),
    # patient 13: a NULL end on the same day as a fill (peers under ORDER BY s)
    (20, 13, "2024-05-01", "2024-05-10"), (21, 13, "2024-05-01", None),
    # patient 14: peers of different starts under ORDER BY e, and a bad gap_days later in the group
    (22, 14, "2024-03-01", "2024-03-10"), (23, 14, "2024-03-05", "2024-03-10"), (24, 14, "2024-03-06", "2024-03-10"),
]
db.run("DROP TABLE IF EXISTS wfills")
db.run("CREATE TABLE wfills(id integer PRIMARY KEY, pid integer, s date, e date)")
db.conn.cursor().executemany("INSERT INTO wfills VALUES (%s, %s, %s, %s)", ROWS)
lite.execute("CREATE TABLE wfills(id INTEGER PRIMARY KEY, pid INTEGER, s TEXT, e TEXT)")
lite.executemany("INSERT INTO wfills VALUES (?, ?, ?, ?)", ROWS)


def numbers(sql):
    return [tuple(r) for r in db.run(sql)]


default = numbers("SELECT id, relaxant_course_no(s, e) OVER (PARTITION BY pid ORDER BY s, id) FROM wfills "
                  "WHERE pid IN (1, 3, 5, 7, 10) ORDER BY id")
tap.equal(default, [(1, 1), (2, 1), (3, 1), (4, 1), (5, 2), (6, 1), (7, 1), (8, 1), (9, 1), (10, 2), (11, 2),
                    (12, 3), (13, 1), (14, None), (15, None)],
          "course numbers of patients 1, 3, 5, 7 and 10 (worked out by hand)")
for frame in ["ROWS BETWEEN 1 PRECEDING AND CURRENT ROW", "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING",
              "ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING", "RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW "
              "EXCLUDE CURRENT ROW", "GROUPS BETWEEN 2 PRECEDING AND 1 PRECEDING"]:
    got = numbers("SELECT id, relaxant_course_no(s, e) OVER (PARTITION BY pid ORDER BY s, id %s) FROM wfills "
                  "WHERE pid IN (1, 3, 5, 7, 10) ORDER BY id" % frame)
    tap.equal(got, default, "the frame does not change the numbers: %s" % frame)
tap.equal(numbers("SELECT id, relaxant_course_no(s, e, 8) OVER (ORDER BY s) FROM wfills WHERE pid = 7 ORDER BY id"),
          [(4, 1), (5, 1)], "gap_days 8 keeps patient 7 in one course")
tap.equal(numbers("SELECT id, relaxant_course_no(s, e, NULL, DATE '2024-01-20') OVER (ORDER BY s) FROM wfills "
                  "WHERE pid = 1 ORDER BY id"), [(1, None), (2, 1), (3, 1)],
          "as_of 2024-01-20: the fill of 2024-01-31 has not begun (NULL)")
tap.equal(numbers("SELECT id, relaxant_course_no(s, e, 7, DATE '2024-01-08') OVER (ORDER BY s) FROM wfills "
                  "WHERE pid = 10 ORDER BY id"), [(13, 1), (14, None), (15, 1)],
          "as_of 2024-01-08: the open fill from 2024-01-05 joins course 1; a NULL start stays NULL")
tap.equal(numbers("SELECT id, relaxant_course_no(s, e) OVER (ORDER BY s, id) FROM wfills WHERE pid = 13 ORDER BY id"),
          [(20, 1), (21, None)], "a NULL end without as_of gives NULL (rows in start, then id order)")
tap.equal(numbers("SELECT id, relaxant_course_no(s, e) OVER (ORDER BY s) FROM wfills WHERE pid = 13 ORDER BY id"),
          [(20, 1), (21, None)], "... also as a peer of a fill of the same start")
tap.equal(numbers("SELECT id, relaxant_course_no(s, e, 7, DATE '2024-05-04') OVER (ORDER BY s) FROM wfills "
                  "WHERE pid = 13 ORDER BY id"), [(20, 1), (21, 1)],
          "with as_of, the open fill runs to as_of and shares the course")

# Ordering errors: the same as SQLite's.
for sql in [
    "SELECT relaxant_course_no(s, e) OVER (PARTITION BY pid ORDER BY s DESC) FROM wfills WHERE pid = 1",
    "SELECT relaxant_course_no(s, e) OVER (PARTITION BY pid) FROM (SELECT * FROM wfills WHERE pid = 7 ORDER BY s) AS f",
    "SELECT relaxant_course_no(s, e) OVER (ORDER BY e) FROM wfills WHERE pid = 12",
    "SELECT relaxant_course_no(s, e) OVER (ORDER BY e) FROM (SELECT * FROM wfills WHERE pid = 11 ORDER BY id) AS f",
    "SELECT relaxant_course_no(s, e, CASE WHEN id = 24 THEN -1 ELSE 7 END) OVER (ORDER BY e) "
    "FROM (SELECT * FROM wfills WHERE pid = 14 ORDER BY id) AS f",
    "SELECT relaxant_course_no(s, e, CASE WHEN id = 24 THEN 8 ELSE 7 END) OVER (ORDER BY e) "
    "FROM (SELECT * FROM wfills WHERE pid = 14 ORDER BY id) AS f",
    "SELECT relaxant_course_no(s, e) OVER (ORDER BY e) FROM (SELECT * FROM wfills WHERE pid = 14 ORDER BY id DESC) AS f",
    "SELECT relaxant_course_no(s, e) OVER (ORDER BY s) FROM (SELECT s, CASE WHEN id = 5 THEN DATE '2024-01-01' "
    "ELSE e END AS e FROM wfills WHERE pid = 7) AS f",
    "SELECT relaxant_course_no(s, e, 7, CASE WHEN id = 1 THEN DATE '2024-01-20' ELSE DATE '2024-01-21' END) "
    "OVER (ORDER BY s) FROM wfills WHERE pid = 1",
    "SELECT relaxant_course_no(s, e, -3) OVER (ORDER BY s) FROM wfills WHERE pid = 7",
    # Peers (one g) in the order of the subquery: a second start, then one
    # that goes back (the ordering error of the later row wins), a missing
    # start after a start and before one, and a missing start read among
    # the rest of the group.
    "SELECT relaxant_course_no(s, e) OVER (ORDER BY g) FROM (SELECT 1 AS g, DATE '2024-01-10' AS s, "
    "DATE '2024-01-11' AS e UNION ALL SELECT 1, DATE '2024-01-12', DATE '2024-01-13' "
    "UNION ALL SELECT 1, DATE '2024-01-03', DATE '2024-01-04') AS f",
    "SELECT relaxant_course_no(s, e) OVER (ORDER BY g) FROM (SELECT 1 AS g, DATE '2024-01-10' AS s, "
    "DATE '2024-01-11' AS e UNION ALL SELECT 1, CAST(NULL AS date), DATE '2024-01-13') AS f",
    "SELECT relaxant_course_no(s, e) OVER (ORDER BY g) FROM (SELECT 1 AS g, CAST(NULL AS date) AS s, "
    "DATE '2024-01-11' AS e UNION ALL SELECT 1, DATE '2024-01-12', DATE '2024-01-13') AS f",
    "SELECT relaxant_course_no(s, e) OVER (ORDER BY g) FROM (SELECT 1 AS g, DATE '2024-01-10' AS s, "
    "DATE '2024-01-11' AS e UNION ALL SELECT 1, DATE '2024-01-12', DATE '2024-01-13' "
    "UNION ALL SELECT 1, CAST(NULL AS date), DATE '2024-01-14') AS f",
]:
    b = db.query(sql)
    a = sqlite_query(lite, sql.replace(" AS f", "").replace("DATE ", ""))
    tap.ok(a[0] == b[0] == "error" and a[2] == b[2] and b[1] == "22023", "the same error as SQLite: %s"
           % (b[2] if b[0] == "error" else sql), "SQLite: %s\nPostgreSQL: %s" % (outcome_text(a), outcome_text(b)))

# ---- Agreement with relaxant_courses over a generated table -------------------

db.run("DROP TABLE IF EXISTS gen")
db.run("""CREATE TABLE gen AS
  SELECT i % 2000 AS pid, DATE '2024-01-01' + ((i * 7919) % 365) AS s, (i * 31) % 25 AS len
    FROM generate_series(0, 39999) AS g(i)""")
db.run("CREATE INDEX ON gen(pid, s)")
db.run("ANALYZE gen")
db.run("""CREATE TEMP VIEW by_window AS
  SELECT pid, n, min(s) AS cs, max(s + len) AS ce, count(*) AS fills FROM (
    SELECT pid, s, len, relaxant_course_no(s, s + len) OVER (PARTITION BY pid ORDER BY s) AS n FROM gen) AS w
  GROUP BY pid, n""")
db.run("""CREATE TEMP VIEW by_aggregate AS
  SELECT g.pid, c.n::integer AS n, (c.course ->> 'start')::date AS cs, (c.course ->> 'end')::date AS ce,
         (c.course ->> 'fills')::bigint AS fills
    FROM (SELECT pid, relaxant_courses(s, s + len) AS courses FROM gen GROUP BY pid) AS g,
         jsonb_array_elements(g.courses) WITH ORDINALITY AS c(course, n)""")
row = db.run("""SELECT (SELECT count(*) FROM by_window), (SELECT count(*) FROM by_aggregate),
                       (SELECT count(*) FROM (SELECT * FROM by_window EXCEPT SELECT * FROM by_aggregate) AS x),
                       (SELECT count(*) FROM (SELECT * FROM by_aggregate EXCEPT SELECT * FROM by_window) AS y)""")[0]
tap.ok(row[0] == row[1] and row[0] > 2000 and row[2] == 0 and row[3] == 0,
       "40,000 fills of 2,000 patients: %d courses by number, each the same course as relaxant_courses gives" % row[0],
       "window, aggregate, only in window, only in aggregate: %r" % (row,))
tap.equal(db.run("SELECT count(*), max(n) FROM (SELECT relaxant_course_no(d, d, 0) OVER (ORDER BY d) AS n "
                 "FROM generate_series(0, 299999) AS g(i), LATERAL (SELECT DATE '2000-01-01' + 2 * i AS d) AS t) AS w")[0],
          (300000, 300000), "one partition of 300,000 one-day fills every other day, gap_days 0: courses 1 to 300,000")

# ---- The aggregates as window aggregates ------------------------------------------

row = db.run("""SELECT count(*), count(*) FILTER (WHERE w.c = g.c), count(*) FILTER (WHERE w.l = g.l)
  FROM (SELECT pid, relaxant_courses(s, s + len) OVER (PARTITION BY pid) AS c,
               relaxant_longest_course(s, s + len) OVER (PARTITION BY pid) AS l FROM gen) AS w
  JOIN (SELECT pid, relaxant_courses(s, s + len) AS c, relaxant_longest_course(s, s + len) AS l
          FROM gen GROUP BY pid) AS g USING (pid)""")[0]
tap.ok(row[0] == 40000 and row[1] == row[0] and row[2] == row[0],
       "OVER (PARTITION BY pid) gives every row its patient's GROUP BY answer (%d rows)" % row[0], repr(row))
row = db.run("""SELECT count(*), count(*) FILTER (WHERE w.c = (SELECT relaxant_courses(g.s, g.s + g.len) FROM gen g
                                                            WHERE g.pid = w.pid AND g.s <= w.s)),
                       count(*) FILTER (WHERE w.l = (SELECT relaxant_longest_course(g.s, g.s + g.len, 3) FROM gen g
                                                     WHERE g.pid = w.pid AND g.s <= w.s))
  FROM (SELECT pid, s, relaxant_courses(s, s + len) OVER (PARTITION BY pid ORDER BY s) AS c,
               relaxant_longest_course(s, s + len, 3) OVER (PARTITION BY pid ORDER BY s) AS l
          FROM gen WHERE pid < 300) AS w""")[0]
tap.ok(row[0] > 5000 and row[1] == row[0] and row[2] == row[0],
       "OVER (PARTITION BY pid ORDER BY s): each row gets the aggregate over the fills up to its start "
       "(%d rows): the final function leaves the state intact" % row[0], repr(row))
row = db.run("""SELECT count(*) FILTER (WHERE c IS DISTINCT FROM (SELECT relaxant_courses(g.s, g.s + g.len) FROM gen g
                                                               WHERE g.pid = w.pid AND g.s >= w.s)) FROM
  (SELECT pid, s, relaxant_courses(s, s + len) OVER (PARTITION BY pid ORDER BY s DESC) AS c FROM gen WHERE pid < 100)
  AS w""")[0]
tap.equal(row, (0,), "ORDER BY s DESC (fills reach the state out of order): each row still gets the right courses")

tap.ok(db.crashes == 0, "no backend crashed")
tap.done()
