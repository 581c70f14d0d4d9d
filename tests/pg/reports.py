"""reports.py: the reports of sql/postgres/ give the figures of sql/ in SQLite.

One generated cohort (build/gen_cohort, 3,000 patients, seed 2026) goes into
SQLite and into PostgreSQL (tests/pg/load_cohort.sh: dates date, ids
integer, numbers numeric), with the same few rows of dirt planted in both:
dates the extension refuses (SQLite: an impossible day, a word; PostgreSQL,
whose date columns cannot hold those: infinity, -infinity, year 10000), pain
scores and hepatic values outside their vocabularies, an upper-case hepatic
value, a year of birth that gives no age. Then every report statement of
sql/postgres/*.sql is compared, row by row and in order, with the same
statement of sql/*.sql, after normalising the types the engines differ in:
booleans (true/1), numbers (numeric/real), dates (date/text), JSON
(jsonb/text). No difference is allowed: none is expected, rounding included
(PostgreSQL rounds the exact numeric, SQLite a double; ties did not occur).

The PostgreSQL database has a German collation and the session a DateStyle of
SQL, DMY, a far time zone and lc_numeric with a decimal comma, so that the
reports' values and row order are shown not to depend on them (a control
shows that this database does sort text differently from SQLite).

Also: the hand-worked answers of planted patients (fixtures/
planted_expected.sql) through the PostgreSQL views; each recogniser is
called at most once per row (call counts from track_functions, with a
control that counts a duplicated call); and sql/postgres/demo.sql runs in
psql without an error.
"""
import atexit
import datetime
import decimal
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import psycopg2
import psycopg2.extensions

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "lib"))
from bp_pg import Pg, Tap  # noqa: E402

tap = Tap()
ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
REPORTS = ["relaxant_audit", "dose_alerts", "data_quality", "cohort", "plans", "low_value_care"]
PATIENTS, SEED = 3000, 2026
DB = "backpain_reports"

# ---- The cohort, in SQLite ---------------------------------------------------

tmp = tempfile.mkdtemp(prefix="backpain-reports.")
atexit.register(shutil.rmtree, tmp, True)  # also when a step fails
lite_path = os.path.join(tmp, "cohort.db")
subprocess.run([os.environ.get("GEN_COHORT", os.path.join(ROOT, "build", "gen_cohort")),
                "--patients", str(PATIENTS), "--seed", str(SEED), "--out", lite_path], check=True)

# The dirt: (table, id column, id, column, SQLite value, PostgreSQL value).
# Ids are those of rows the generator writes for this N and seed; each row
# is read back below, so a change in the generator fails here, visibly.
lite = sqlite3.connect(lite_path)
relaxant_ids = [r[0] for r in lite.execute(
    "SELECT drug_exposure_id FROM drug_exposure WHERE drug_source_value LIKE 'cyclobenzaprine%' "
    "AND drug_exposure_start_date IS NOT NULL AND drug_exposure_end_date IS NOT NULL "
    "AND drug_exposure_id > 1000 ORDER BY drug_exposure_id LIMIT 3")]
condition_ids = [r[0] for r in lite.execute(
    "SELECT condition_occurrence_id FROM condition_occurrence WHERE condition_start_date IS NOT NULL "
    "AND condition_occurrence_id > 1000 ORDER BY condition_occurrence_id LIMIT 2")]
pain_ids = [r[0] for r in lite.execute(
    "SELECT observation_id FROM observation WHERE observation_source_value = 'pain_nrs' "
    "AND observation_id > 1000 ORDER BY observation_id LIMIT 1")]
hepatic_ids = [r[0] for r in lite.execute(
    "SELECT observation_id FROM observation WHERE observation_source_value = 'hepatic_function' "
    "AND observation_id > 100 ORDER BY observation_id LIMIT 2")]
lbp_person = lite.execute("SELECT min(person_id) FROM condition_occurrence WHERE person_id > 100 "
                          "AND condition_source_value = 'M54.50'").fetchone()[0]
tap.ok(len(relaxant_ids) == 3 and len(condition_ids) == 2 and len(pain_ids) == 1 and len(hepatic_ids) == 2
       and lbp_person, "the rows that get the planted dirt exist in the cohort")
DIRT = [
    ("drug_exposure", "drug_exposure_id", relaxant_ids[0], "drug_exposure_start_date", "2024-02-30", "infinity"),
    ("drug_exposure", "drug_exposure_id", relaxant_ids[1], "drug_exposure_end_date", "soon", "10000-01-01"),
    ("drug_exposure", "drug_exposure_id", relaxant_ids[2], "drug_exposure_start_date", "2023-13-01",
     "-infinity"),
    ("condition_occurrence", "condition_occurrence_id", condition_ids[0], "condition_start_date", "2024-02-30",
     "infinity"),
    ("condition_occurrence", "condition_occurrence_id", condition_ids[1], "condition_start_date", "yesterday",
     "-infinity"),
    ("observation", "observation_id", pain_ids[0], "value_as_number", 12, 12),
    ("observation", "observation_id", hepatic_ids[0], "value_as_string", "unknown", "unknown"),
    ("observation", "observation_id", hepatic_ids[1], "value_as_string", "SEVERE", "SEVERE"),
    ("person", "person_id", lbp_person, "year_of_birth", 1800, 1800),
]
lite.close()

# ---- The same cohort, in PostgreSQL, in a database of another collation ----

admin = Pg()
admin.run("DROP DATABASE IF EXISTS " + DB)
outcome = admin.query("CREATE DATABASE %s TEMPLATE template0 ENCODING 'UTF8' LOCALE 'de_DE.UTF-8'" % DB)
tap.ok(outcome[0] == "rows", "a database with the collation de_DE.UTF-8 (LOCPATH: make test-pg builds it)",
       outcome)
env = dict(os.environ, PGDATABASE=DB)
db = Pg(dbname=DB, setup=["CREATE EXTENSION IF NOT EXISTS backpain"])
load = subprocess.run([os.path.join(ROOT, "tests", "pg", "load_cohort.sh"), lite_path], env=env,
                      capture_output=True, text=True)
tap.ok(load.returncode == 0, "load_cohort.sh loads the cohort", load.stderr)
# The dirt, planted in both once the clean cohort is loaded.
lite = sqlite3.connect(lite_path)
for table, key, row_id, column, in_sqlite, in_pg in DIRT:
    lite.execute("UPDATE %s SET %s = ? WHERE %s = ?" % (table, column, key), (in_sqlite, row_id))
    db.run("UPDATE %s SET %s = %%s WHERE %s = %%s" % (table, column, key), (in_pg, row_id))
lite.commit()
lite.close()
counts = {}
lite = sqlite3.connect(lite_path)
for table in ["person", "condition_occurrence", "drug_exposure", "procedure_occurrence", "observation"]:
    counts[table] = lite.execute("SELECT count(*) FROM %s" % table).fetchone()[0]
    tap.equal(db.run("SELECT count(*) FROM " + table)[0][0], counts[table],
              "%s: the same %d rows in PostgreSQL" % (table, counts[table]))
lite.close()
tap.equal(db.run("SELECT string_agg(x, ',' ORDER BY x) FROM (VALUES ('a'), ('B'), ('_c')) AS v(x)")[0][0],
          "a,B,_c", "control: this database sorts text unlike SQLite (which gives B,_c,a)")

# ---- Statements of a report file ---------------------------------------------


def sqlite_statements(path):
    statements, buffer = [], ""
    for line in open(path):
        buffer += line
        if sqlite3.complete_statement(buffer):
            text = "\n".join(x for x in buffer.splitlines() if not x.lstrip().startswith("--")).strip()
            if text:
                statements.append(text)
            buffer = ""
    return statements


def pg_statements(path):
    """Each statement of these files ends with ';' at the end of a line."""
    statements, buffer = [], []
    for line in open(path):
        if line.lstrip().startswith("--"):
            continue
        buffer.append(line)
        if line.rstrip().endswith(";"):
            statements.append("".join(buffer).strip())
            buffer = []
    return statements


# ---- Values, normalised ------------------------------------------------------

# In the session's DateStyle (SQL, DMY) a date comes as DD/MM/YYYY: read it
# as such (psycopg2's own reader expects ISO).
def read_dmy(value, cursor):
    if value is None:
        return None
    day, month, year = value.split("/")
    return datetime.date(int(year), int(month), int(day))


DMY_DATE = psycopg2.extensions.new_type((1082,), "DMY_DATE", read_dmy)


def norm(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return 1 if value else 0
    if isinstance(value, (int, float, decimal.Decimal)):
        return float(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return norm(json.loads(value))
        except ValueError:
            return value
    if isinstance(value, list):
        return [norm(x) for x in value]
    if isinstance(value, dict):
        return {k: norm(v) for k, v in value.items()}
    return value


def norm_rows(rows):
    return [tuple(norm(v) for v in row) for row in rows]


# ---- Every report, in both engines -------------------------------------------

# The SQLite views name the tables unqualified: the cohort is the main database.
lite = sqlite3.connect(lite_path)
lite.enable_load_extension(True)
lite.load_extension(os.environ.get("BACKPAIN_EXT", "dist/backpain"))
lite.executescript(open(os.path.join(ROOT, "sql", "views.sql")).read())

SESSION = ["SET DateStyle = 'SQL, DMY'", "SET TimeZone = 'Pacific/Chatham'", "SET lc_numeric = 'de_DE.UTF-8'",
           "SET extra_float_digits = -3", "SET max_parallel_workers_per_gather = 0"]
session = Pg(dbname=DB, setup=SESSION)
psycopg2.extensions.register_type(DMY_DATE, session.conn)
session.run(open(os.path.join(ROOT, "sql", "postgres", "views.sql")).read())

figures = {}
for report in REPORTS:
    in_sqlite = sqlite_statements(os.path.join(ROOT, "sql", report + ".sql"))
    in_pg = pg_statements(os.path.join(ROOT, "sql", "postgres", report + ".sql"))
    tap.ok(len(in_sqlite) == len(in_pg) and in_pg,
           "%s: %d statements in sql/, %d in sql/postgres/" % (report, len(in_sqlite), len(in_pg)))
    for i, (a, b) in enumerate(zip(in_sqlite, in_pg), 1):
        want = norm_rows(lite.execute(a).fetchall())
        outcome = session.query(b)
        got = norm_rows(outcome[1]) if outcome[0] == "rows" else outcome
        figures[(report, i)] = got
        tap.ok(got == want and len(want) > 0,
               "%s #%d: the same %d rows as SQLite" % (report, i, len(want)),
               "\n".join(["sqlite:"] + [repr(r) for r in want[:20]]
                         + ["postgres:"] + [repr(r) for r in (got[:20] if isinstance(got, list) else [got])]))

# The dirt reached the reports: the figures it makes are there.
status = dict((s, n) for s, n, _ in figures[("data_quality", 1)])
tap.ok(status.get("bad_date") == 3.0, "data_quality: the 3 planted relaxant dates are bad_date", status)
tap.ok(figures[("data_quality", 4)][0][1] == 2.0, "data_quality: the 2 planted diagnosis dates are not dates",
       figures[("data_quality", 4)])
tap.ok(sorted(figures[("data_quality", 5)]) == [("hepatic_function", 1.0), ("pain_nrs", 1.0)],
       "data_quality: the planted pain score and hepatic value are out of range", figures[("data_quality", 5)])

# ---- Hand-worked answers of the planted patients -----------------------------

expected = sqlite3.connect(":memory:")
expected.executescript(open(os.path.join(ROOT, "fixtures", "planted_expected.sql")).read())
# Persons 1-6 and 8 have only closed fills with dates, so the views' as_of
# changes nothing: their courses are the hand-worked ones.
for person in [1, 2, 3, 4, 5, 6, 8]:
    want = json.loads(expected.execute("SELECT expected FROM planted_expected WHERE person_id = ? "
                                       "AND check_name = 'relaxant_courses'", (person,)).fetchone()[0])
    got = [dict(start=s.isoformat(), end=e.isoformat(), span_days=sp, covered_days=c, fills=f, overdue=o)
           for s, e, sp, c, f, o in session.run(
               "SELECT start_date, end_date, span_days, covered_days, fills, overdue FROM relaxant_course "
               "WHERE person_id = %s ORDER BY course_no", (person,))]
    tap.equal(got, want, "planted person %d: relaxant_course holds the hand-worked courses" % person)
    course_no = expected.execute("SELECT expected FROM planted_expected WHERE person_id = ? "
                                 "AND check_name = 'course_no'", (person,)).fetchone()[0]
    got = ",".join(str(n) for (n,) in session.run(
        "SELECT course_no FROM relaxant_fill_course WHERE person_id = %s ORDER BY start_date, drug_exposure_id",
        (person,)))
    tap.equal(got, course_no, "planted person %d: relaxant_fill_course numbers the fills %s" % (person, course_no))
for person in [4, 5, 8, 11]:
    want = json.loads(expected.execute("SELECT expected FROM planted_expected WHERE person_id = ? "
                                       "AND check_name = 'dose_alerts'", (person,)).fetchone()[0])
    got = session.run("SELECT DISTINCT alerts FROM cyclobenzaprine_dose WHERE person_id = %s", (person,))
    tap.equal([r[0] for r in got], [want], "planted person %d: dose alerts %s" % (person, want))
tap.equal(session.run("SELECT person_id FROM lbp_person WHERE person_id IN (12, 13, 14) ORDER BY 1"),
          [(12,), (14,)], "planted: 12 (m54.50, lower case) has low back pain, 13 (M54.51 only) has not")
tap.equal(session.run("SELECT spasm, red_flag, plan ->> 'pathway' = 'evaluate_specific_cause' FROM lbp_person "
                      "JOIN patient_plan USING (person_id) WHERE person_id IN (12, 14) ORDER BY person_id"),
          [(True, False, False), (False, True, True)],
          "planted: 12 has spasm and no red flag; 14 a red flag (malignancy) and the pathway evaluate_specific_cause")

# ---- Each recogniser at most once per row ------------------------------------
# track_functions = all counts calls of C functions too, and
# pg_stat_xact_user_functions shows the counts of this backend that are not
# yet flushed to the shared statistics (in PostgreSQL 15 that may include
# earlier transactions): each count is taken in a new session.


def calls(sql):
    fresh = Pg(dbname=DB, setup=SESSION)
    fresh.run(open(os.path.join(ROOT, "sql", "postgres", "views.sql")).read())
    fresh.conn.autocommit = False
    cursor = fresh.conn.cursor()
    try:
        cursor.execute("SET LOCAL track_functions = 'all'")
        cursor.execute(sql)
        cursor.fetchall()
        cursor.execute("SELECT funcname, sum(calls) FROM pg_stat_xact_user_functions GROUP BY funcname")
        return dict((f, int(n)) for f, n in cursor.fetchall())
    finally:
        fresh.conn.rollback()
        fresh.conn.close()


drugs = session.run("SELECT count(drug_source_value) FROM drug_exposure")[0][0]
conditions = session.run("SELECT count(condition_source_value) FROM condition_occurrence")[0][0]
procedures = session.run("SELECT count(procedure_source_value) FROM procedure_occurrence")[0][0]
control = calls("SELECT count(DISTINCT i) FROM (SELECT relaxant_ingredient(drug_source_value) AS i "
                "FROM drug_exposure) AS d WHERE i IS NOT NULL")
tap.ok(control.get("relaxant_ingredient", 0) > drugs,
       "control: a flattened subquery calls relaxant_ingredient %d times for %d drug texts (counts work)"
       % (control.get("relaxant_ingredient", 0), drugs))
CHECKS = [
    ("dose_alerts #1 (alerts used twice)", pg_statements(os.path.join(ROOT, "sql", "postgres", "dose_alerts.sql"))[0],
     {"relaxant_ingredient": drugs,
      "relaxant_dose_alerts": int(figures[("dose_alerts", 1)][0][0])}),
    ("data_quality #3", pg_statements(os.path.join(ROOT, "sql", "postgres", "data_quality.sql"))[2],
     {"relaxant_ingredient": drugs, "intervention_code": drugs}),
    ("cohort #3 (class grouped and shown)", pg_statements(os.path.join(ROOT, "sql", "postgres", "cohort.sql"))[2],
     {"icd10_class": conditions}),
    ("low_value_care #2", pg_statements(os.path.join(ROOT, "sql", "postgres", "low_value_care.sql"))[1],
     {"intervention_code": procedures}),
    ("every plan", "SELECT count(*), count(DISTINCT plan) FROM patient_plan",
     {"intervention_code": procedures + drugs, "icd10_class": conditions, "relaxant_ingredient": drugs}),
]
for name, sql, limits in CHECKS:
    counted = calls(sql)
    for func, limit in limits.items():
        tap.ok(0 < counted.get(func, 0) <= limit, "%s: %s called %d times for %d rows"
               % (name, func, counted.get(func, 0), limit))

# ---- The demo runner ---------------------------------------------------------

demo = subprocess.run(["psql", "-X", "-f", os.path.join(ROOT, "sql", "postgres", "demo.sql")], env=env,
                      capture_output=True, text=True, cwd=tmp)
sections = re.findall(r"^==== ", demo.stdout, flags=re.M)
tap.ok(demo.returncode == 0 and not demo.stderr and len(sections) == 6,
       "sql/postgres/demo.sql runs in psql: 6 sections, nothing on stderr",
       "exit %d, %d sections\n%s" % (demo.returncode, len(sections), demo.stderr))
tap.ok("15-21 days (label limit)" in demo.stdout and "hepatic_not_recommended" in demo.stdout,
       "the demo shows the reports' rows")

session.conn.close()
db.conn.close()
admin.run("DROP DATABASE " + DB)
tap.ok(admin.crashes == 0 and db.crashes == 0 and session.crashes == 0, "no backend crashed")
tap.done()
