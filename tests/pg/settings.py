"""settings.py: no answer depends on the session. A set of calls whose
answers hold dates (as date values, inside JSON, inside error messages),
numbers (reals in messages), plans and evidence rows is run under the
default settings, then again under each of DateStyle 'SQL, DMY', 'German',
'Postgres, MDY'; TimeZone far east and west of UTC; lc_numeric with a
decimal comma (de_DE.UTF-8, which tests/pg/run.sh makes available to the
server); extra_float_digits -15 and 3; IntervalStyle; bytea_output; and
several of them at once. The answers (values through to_jsonb, which writes dates in ISO
whatever DateStyle says, and exact error texts) must not change. Dates
written in ISO are read the same under every DateStyle.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "lib"))
from bp_pg import Pg, Tap  # noqa: E402

tap = Tap()
db = Pg(setup=["CREATE EXTENSION IF NOT EXISTS backpain"])
db.run("DROP TABLE IF EXISTS sfills")
db.run("""CREATE TABLE sfills AS SELECT * FROM (VALUES
  (1, DATE '2024-01-31', DATE '2024-02-13'), (1, DATE '2024-01-01', DATE '2024-01-14'),
  (1, DATE '2024-01-17', DATE '2024-01-30'), (2, DATE '2024-01-01', DATE '2024-01-10'),
  (2, DATE '2024-01-19', NULL), (3, DATE '2023-12-30', DATE '2024-01-02')) AS f(pid, s, e)""")

CALLS = [
    "SELECT to_jsonb(relaxant_end(DATE '2024-02-20', 10))",
    "SELECT to_jsonb(relaxant_end('2024-12-31', 2))",
    "SELECT relaxant_days('2024-01-02', '2024-03-01')",
    "SELECT relaxant_overdue('2024-01-01', NULL, '2024-01-22')",
    "SELECT relaxant_end('2024-01-02', 0)",
    "SELECT relaxant_days('2024-03-02', '2024-01-05')",
    "SELECT relaxant_end('9999-12-31', 2)",
    "SELECT relaxant_end('10000-01-01', 1)",
    "SELECT relaxant_dose_alerts('cyclobenzaprine 7.5 mg', 7.5, 5, 'mild', 64.5)",
    "SELECT relaxant_dose_alerts('cyclobenzaprine', 0.25e-1, 1, 'mild', 150.5)",
    "SELECT relaxant_dose_alerts('cyclobenzaprine', 10, 3, 'mild', 1.25::real)",
    "SELECT pain_phase(12.5), pain_phase('2024-01-01', '2024-03-26')",
    "SELECT pain_phase(-0.5)",
    "SELECT recommend_plan('onset', '2024-01-01', 'as_of', '2024-02-15', 'spasm', 1, 'age', 70.5)",
    "SELECT recommend_plan('onset', DATE '2024-03-01', 'as_of', DATE '2024-01-02')",
    "SELECT recommend_plan('response_threshold', 1.5::float8)",
    "SELECT recommend_plan('pain_now', 10.25, 'on_error', 'report')",
    "SELECT recommend_plan('onset', TIMESTAMPTZ '2024-01-01 23:30+00', 'as_of', DATE '2024-01-02')",
    "SELECT recommend_plan('tried', '\\x00ff'::bytea)",
    "SELECT pid, relaxant_courses(s, e), relaxant_longest_course(s, e, 3, '2024-01-25') FROM sfills GROUP BY pid "
    "ORDER BY pid",
    "SELECT pid, to_jsonb(s), relaxant_course_no(s, e, 7, '2024-01-25') OVER (PARTITION BY pid ORDER BY s) "
    "FROM sfills ORDER BY pid, s",
    "SELECT relaxant_courses(s, e, 7, 21, CASE WHEN pid = 1 THEN DATE '2024-02-01' ELSE DATE '2024-02-02' END) "
    "FROM sfills",
    "SELECT relaxant_course_no(s, e) OVER (ORDER BY s DESC) FROM sfills WHERE pid = 1",
    "SELECT count(*), string_agg(id || source, ',' ORDER BY id) FROM guideline_evidence",
    "SELECT relaxant_days('2024-01-01', '2024-01-02'), relaxant_days(DATE '2024-01-12', DATE '2024-02-01')",
]


def answers():
    return [db.query(sql) for sql in CALLS]


baseline = answers()
errors = sum(1 for a in baseline if a[0] == "error")
tap.ok(errors >= 8 and len(baseline) - errors >= 10,
       "the calls give %d answers and %d errors under the default settings" % (len(baseline) - errors, errors))
tap.equal(baseline[2], ("rows", [(60,)]), "2024-01-02 to 2024-03-01 is 60 days (29 + 29 + 1 + 1: leap year)")
tap.equal(baseline[-1], ("rows", [(2, 21)]), "ISO date literals: 2024-01-01 to 2024-01-02 is 2 days, "
          "2024-01-12 to 2024-02-01 is 21")

# Control: the comparison sees a difference where PostgreSQL formats a date
# itself (a date cast to text follows DateStyle; to_jsonb does not).
control = "SELECT relaxant_end('2024-02-20', 10)::text, to_jsonb(relaxant_end('2024-02-20', 10))"
before = db.query(control)
db.run("SET DateStyle = 'SQL, DMY'")
after = db.query(control)
db.run("RESET ALL")
tap.ok(before == ("rows", [("2024-02-29", "2024-02-29")]) and after == ("rows", [("29/02/2024", "2024-02-29")]),
       "control: date::text follows DateStyle (2024-02-29, 29/02/2024), to_jsonb(date) does not",
       "%r\n%r" % (before, after))

SETTINGS = [
    ["DateStyle = 'SQL, DMY'"], ["DateStyle = 'German'"], ["DateStyle = 'Postgres, MDY'"],
    ["DateStyle = 'ISO, YMD'"], ["TimeZone = 'Pacific/Kiritimati'"], ["TimeZone = 'Pacific/Pago_Pago'"],
    ["lc_numeric = 'de_DE.UTF-8'"], ["extra_float_digits = -15"], ["extra_float_digits = 3"],
    ["IntervalStyle = 'sql_standard'"], ["bytea_output = 'escape'"],
    ["DateStyle = 'SQL, DMY'", "TimeZone = 'Asia/Kathmandu'", "lc_numeric = 'de_DE.UTF-8'",
     "extra_float_digits = -15", "IntervalStyle = 'postgres_verbose'"],
]
for settings in SETTINGS:
    db.run("RESET ALL")
    applied = [db.query("SET " + s) for s in settings]
    if any(a[0] != "rows" for a in applied):
        tap.ok(False, "SET %s" % "; ".join(settings), repr(applied))
        continue
    got = answers()
    diffs = ["%s\n  default: %r\n  now:     %r" % (sql, a, b) for sql, a, b in zip(CALLS, baseline, got) if a != b]
    tap.ok(not diffs, "the same %d answers and errors with %s" % (len(CALLS), ", ".join(settings)),
           "\n".join(diffs[:5]))
db.run("RESET ALL")
tap.ok(db.crashes == 0, "no backend crashed")
tap.done()
