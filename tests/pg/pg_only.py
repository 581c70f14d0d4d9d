"""pg_only.py: what only PostgreSQL can be given, and how it answers.

Expected values and messages here are written out by hand (or, for the
SQL_ASCII database, taken from SQLite given the same bytes):
- dates the core does not accept that only a PostgreSQL date can hold (year
  10000 and later, before year 0, infinity), and the year-0 edge (1 BC);
- numeric NaN;
- recommend_plan's VARIADIC "any": a date where text is read, types the core
  does not read (named in the error, with their schema whatever the
  search_path), char(n) padding, json, name, real, VARIADIC arrays;
- text with bytes that are not UTF-8, in a SQL_ASCII database, against
  SQLite given the same bytes;
- what PostgreSQL's types refuse before the extension is called (a typed
  interface: the SQLSTATE is PostgreSQL's);
- named arguments and defaults;
- a group of a million fills, and one given in descending order.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "lib"))
from bp_pg import Pg, Tap, sqlite, sqlite_query  # noqa: E402

tap = Tap()
db = Pg(setup=["CREATE EXTENSION IF NOT EXISTS backpain"])
DATE_REQUIREMENT = "must be a date (YYYY-MM-DD or a Julian day number)"


def expect(sql, want, name=None):
    got = db.query(sql)
    if isinstance(want, tuple) and want[0] == "error":
        ok = got[0] == "error" and got[1] == want[1] and got[2] == want[2]
    else:
        ok = got == ("rows", [(want,)])
    tap.ok(ok, name or sql, "got:  %r\nwant: %r" % (got, want))


def error(code, message):
    return ("error", code, message)


# ---- Dates only PostgreSQL can hold -------------------------------------------

for sql, message in [
    ("SELECT relaxant_end(DATE '10000-01-01', 1)", "relaxant_end(): start %s, got 10000-01-01"),
    ("SELECT relaxant_days(DATE 'infinity', DATE '2024-01-01')", "relaxant_days(): start %s, got infinity"),
    ("SELECT relaxant_days(DATE '2024-01-01', DATE '-infinity')", "relaxant_days(): end %s, got -infinity"),
    ("SELECT relaxant_overdue(DATE '2024-01-01', NULL, DATE 'infinity')", "relaxant_overdue(): as_of %s, got infinity"),
    ("SELECT pain_phase(DATE '4714-11-24 BC', DATE '2024-01-01')", "pain_phase(): onset %s, got -4713-11-24"),
    ("SELECT relaxant_days(DATE '0002-12-31 BC', DATE '2024-01-01')", "relaxant_days(): start %s, got -0001-12-31"),
    ("SELECT relaxant_days(DATE '2024-01-01', DATE '5874897-12-31')", "relaxant_days(): end %s, got 5874897-12-31"),
    ("SELECT relaxant_courses(s, e, 7, 21, DATE 'infinity') FROM (VALUES (DATE '2024-01-01', DATE '2024-01-02')) "
     "AS f(s, e)", "relaxant_courses(): as_of %s, got infinity"),
    ("SELECT relaxant_course_no(s, e) OVER (ORDER BY s) FROM (VALUES (DATE '10000-01-01', DATE '10000-01-02')) "
     "AS f(s, e)", "relaxant_course_no(): start %s, got 10000-01-01"),
    ("SELECT recommend_plan('onset', DATE '-infinity', 'as_of', DATE '2024-01-01')",
     "recommend_plan(): onset %s, got -infinity"),
]:
    expect(sql, error("22008", message % DATE_REQUIREMENT))
# 1 BC is year 0, the first day the core accepts: 0000-12-31 to 0001-01-01 is two days.
expect("SELECT relaxant_days(DATE '0001-12-31 BC', DATE '0001-01-01')", 2,
       "relaxant_days from 0000-12-31 (1 BC) to 0001-01-01: 2 days")
expect("SELECT relaxant_end(DATE '0001-01-01 BC', 1) = DATE '0001-01-01 BC'", True,
       "relaxant_end(0000-01-01, 1) is 0000-01-01 (1 BC)")
expect("SELECT relaxant_end(DATE '9999-12-30', 2) = DATE '9999-12-31'", True,
       "relaxant_end(9999-12-30, 2) is 9999-12-31, the last day")

# ---- Numbers ------------------------------------------------------------------------

expect("SELECT pain_phase('NaN'::numeric)", error("22023", "pain_phase(): weeks must be a number of weeks >= 0, got NaN"))
expect("SELECT relaxant_dose_alerts('cyclobenzaprine', 'NaN', 1)",
       error("22023", "relaxant_dose_alerts(): dose_mg must be a number > 0, got NaN"))
# Integers stay integers, fractions stay reals, as SQLite shows the same literals.
expect("SELECT relaxant_dose_alerts('cyclobenzaprine', -5, 3)",
       error("22023", "relaxant_dose_alerts(): dose_mg must be a number > 0, got -5"))
expect("SELECT relaxant_dose_alerts('cyclobenzaprine', -5.0, 3)",
       error("22023", "relaxant_dose_alerts(): dose_mg must be a number > 0, got -5.0"))
expect("SELECT relaxant_dose_alerts('cyclobenzaprine', 10, 3, NULL, 150.25)",
       error("22023", "relaxant_dose_alerts(): age must be a number of years from 0 to 150, got 150.25"))
expect("SELECT pain_phase(numeric_col) FROM (VALUES (12::numeric(5,0))) AS t(numeric_col)", "subacute",
       "pain_phase of a numeric(5,0) column holding 12: subacute (4 to 12 weeks inclusive)")
expect("SELECT pain_phase(12.01)", "chronic", "pain_phase(12.01): chronic (> 12 weeks)")

# ---- recommend_plan: PostgreSQL's types ---------------------------------------------

for sql, message in [
    ("SELECT recommend_plan('tried', DATE '2024-01-01')",
     "recommend_plan(): tried must be a JSON array of strings or comma-separated text, got 2024-01-01"),
    ("SELECT recommend_plan('pain_weeks', DATE '2024-01-01')",
     "recommend_plan(): pain_weeks must be a number of weeks >= 0, got 2024-01-01"),
    ("SELECT recommend_plan('hepatic', DATE '2024-01-01')",
     "recommend_plan(): hepatic must be text, got 2024-01-01"),
    ("SELECT recommend_plan(DATE '2024-01-01', 1)", "recommend_plan(): argument 1 must be a key (text), got 2024-01-01"),
    ("SELECT recommend_plan('onset', interval '3 weeks', 'as_of', DATE '2024-01-01')",
     "recommend_plan(): onset %s, got a value of type interval" % DATE_REQUIREMENT),
    ("SELECT recommend_plan('onset', TIMESTAMPTZ '2024-01-01 10:00+00', 'as_of', DATE '2024-01-01')",
     "recommend_plan(): onset %s, got a value of type timestamp with time zone" % DATE_REQUIREMENT),
    ("SELECT recommend_plan('tried', ARRAY[97110, 97124])",
     "recommend_plan(): tried must be a JSON array of strings or comma-separated text, got a value of type integer[]"),
    ("SELECT recommend_plan('age', point(1, 2))",
     "recommend_plan(): age must be a number of years from 0 to 150, got a value of type point"),
    ("SELECT recommend_plan('spasm', gen_random_uuid())", "recommend_plan(): spasm must be 1 or 0, got a value of type uuid"),
    ("SELECT recommend_plan(interval '1 day', 1)", "recommend_plan(): argument 1 must be a key (text), got a value of type interval"),
    ("SELECT recommend_plan('pain_weeks', 20, 'tried', ROW('yoga', 1))",
     "recommend_plan(): tried must be a JSON array of strings or comma-separated text, got a value of type record"),
]:
    expect(sql, error("22023", message))

db.run("DROP SCHEMA IF EXISTS clinic CASCADE")
db.run("CREATE SCHEMA clinic")
db.run("CREATE TYPE clinic.mood AS ENUM ('calm', 'tense')")
for path in ["public", "clinic, public", "pg_catalog, public"]:
    db.run("SET search_path = " + path)
    expect("SELECT recommend_plan('hepatic', 'calm'::clinic.mood)",
           error("22023", "recommend_plan(): hepatic must be text, got a value of type clinic.mood"),
           "a type of another schema is named with its schema, search_path = %s" % path)
db.run("SET search_path = public")
expect("SELECT recommend_plan('onset', interval '3 weeks', 'as_of', DATE '2024-01-01', 'on_error', 'report')",
       {"version": "0.1.0", "error": "recommend_plan(): onset %s, got a value of type interval" % DATE_REQUIREMENT},
       "on_error => report: a type the core does not read is reported in the answer")

for sql, name in [
    ("SELECT recommend_plan('hepatic', 'mild  '::char(6), 'pain_weeks', 20) = recommend_plan('hepatic', 'mild', "
     "'pain_weeks', 20)", "char(n) is read without its padding"),
    ("SELECT recommend_plan('tried', 'yoga'::varchar, 'pain_weeks', 20) = recommend_plan('tried', 'yoga', "
     "'pain_weeks', 20)", "varchar is text"),
    ("SELECT recommend_plan('tried', 'yoga'::name, 'pain_weeks', 20) = recommend_plan('tried', 'yoga', "
     "'pain_weeks', 20)", "name is text"),
    ("SELECT recommend_plan('tried', '[\"yoga\",   \"massage\"]'::json, 'pain_weeks', 20, 'response', 'inadequate') "
     "= recommend_plan('tried', 'yoga, massage', 'pain_weeks', 20, 'response', 'inadequate')",
     "a json value is its text: the same list as comma-separated text"),
    ("SELECT recommend_plan('tried', ARRAY['yoga', 'massage']::varchar[], 'pain_weeks', 20, 'response', 'inadequate') "
     "= recommend_plan('tried', 'yoga, massage', 'pain_weeks', 20, 'response', 'inadequate')",
     "varchar[] is a list"),
    ("SELECT recommend_plan('age', 70.5::real, 'spasm', 1, 'pain_weeks', 20) = recommend_plan('age', 70.5, 'spasm', 1, "
     "'pain_weeks', 20)", "real is a number"),
    ("SELECT recommend_plan('spasm', true, 'pain_weeks', 20) = recommend_plan('spasm', 1, 'pain_weeks', 20)",
     "true is 1"),
    ("SELECT recommend_plan(VARIADIC ARRAY['pain_weeks', '20', 'tried', 'yoga']) = recommend_plan('pain_weeks', 20, "
     "'tried', 'yoga')", "VARIADIC ARRAY[...] is the same call spelt out"),
    ("SELECT recommend_plan(VARIADIC ARRAY[]::text[]) = recommend_plan()", "VARIADIC of an empty array: no facts"),
    ("SELECT recommend_plan(VARIADIC NULL::text[]) IS NULL", "VARIADIC NULL gives NULL, as json_build_object"),
    ("SELECT recommend_plan('pain_weeks', 1e3) ->> 'phase' = 'chronic'", "1e3 weeks is chronic"),
]:
    expect(sql, True, name)

# ---- Bytes that are not UTF-8: a SQL_ASCII database against SQLite -------------

admin = Pg()
admin.run("DROP DATABASE IF EXISTS rawbytes")
admin.run("CREATE DATABASE rawbytes TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C'")
raw = Pg("rawbytes", setup=["SET client_encoding = 'UTF8'"])
raw.run("CREATE EXTENSION backpain")
lite = sqlite()
for func, data, returns in [
    ("relaxant_ingredient", b"Amrix\xae 15 mg ER", "text"),
    ("relaxant_ingredient", b"cyclobenzaprine\xa010 mg", "text"),
    ("relaxant_ingredient", b"\xc3\x28\xff\xfe 2024", "text"),
    ("intervention_code", b"heating\xa0pad", "text"),
    ("intervention_code", b"no\xff massage", "text"),
    ("icd10_class", b"M54.5\xff", "text"),
    ("icd10_class", b"\xffM54.5", "text"),
    ("relaxant_ingredient", b"\xff" * 65537, "text"),
]:
    literal = "E'" + "".join("\\x%02x" % c for c in data) + "'"
    a = sqlite_query(lite, "SELECT %s(CAST(? AS TEXT))" % func, [data])
    b = raw.query("SELECT %s(%s)" % (func, literal))
    if b[0] == "rows":
        b = ("rows", [tuple(r) for r in b[1]])
    same = (a[0] == b[0] == "rows" and a[1] == b[1]) or (a[0] == b[0] == "error" and a[2] == b[2])
    tap.ok(same, "SQL_ASCII: %s(%r...) as in SQLite: %s" % (func, data[:24], a[1] if a[0] == "rows" else a[2]),
           "SQLite: %r\nPostgreSQL: %r" % (a, b))
for pairs in [(b"tried", b"[\"\xff\"]"), (b"k\xff", b"1"), (b"red_flags", b"fever\xff"),
              (b"tried", b"yoga, \xe9tirements"), (b"hepatic", b"m\xefld")]:
    key, value = pairs
    lit = ["E'" + "".join("\\x%02x" % c for c in x) + "'" for x in pairs]
    a = sqlite_query(lite, "SELECT recommend_plan(CAST(? AS TEXT), CAST(? AS TEXT))", [key, value])
    b = raw.query("SELECT recommend_plan(%s::text, %s::text)::text" % tuple(lit))
    import json
    if a[0] == "rows":
        a = ("rows", json.loads(a[1][0][0]))
    if b[0] == "rows":
        b = ("rows", json.loads(b[1][0][0]))
    same = a == b if a[0] == "rows" else (b[0] == "error" and a[2] == b[2])
    tap.ok(same, "SQL_ASCII: recommend_plan(%r, %r) as in SQLite: %s" % (key, value, "a plan" if a[0] == "rows"
                                                                         else a[2]),
           "SQLite: %r\nPostgreSQL: %r" % (a, b))

# ---- What PostgreSQL's types refuse before the extension is called -------------

for sql, code, why in [
    ("SELECT relaxant_days('2024-02-30', '2024-03-01')", "22008", "an impossible date literal is no date"),
    ("SELECT relaxant_days('soon', '2024-03-01')", "22007", "text that is no date"),
    ("SELECT relaxant_end('2024-01-01', 2.5)", "42883", "no integer day count from a numeric"),
    ("SELECT relaxant_end('2024-01-01', 9223372036854775807)", "42883", "no integer day count from a bigint"),
    ("SELECT relaxant_days(2460311, 2460331)", "42883", "no Julian day numbers for a date"),
    ("SELECT relaxant_days(s, s) FROM (VALUES ('2024-01-01'::text)) AS t(s)", "42883", "no text column for a date"),
    ("SELECT relaxant_course_no(s, s) FROM (VALUES (DATE '2024-01-01')) AS t(s)", "42809",
     "the window function needs OVER"),
    ("SELECT relaxant_course_no(s, s) FILTER (WHERE true) OVER () FROM (VALUES (DATE '2024-01-01')) AS t(s)",
     "0A000", "FILTER is for aggregates"),
    ("SELECT relaxant_courses_final(NULL)", "0A000", "the support functions cannot be called from SQL"),
]:
    got = db.query(sql)
    tap.ok(got[0] == "error" and got[1] == code, "refused by PostgreSQL (%s): %s" % (code, why),
           "got %r" % (got,))

# ---- Named arguments and defaults -------------------------------------------

expect("SELECT relaxant_overdue(DATE '2024-01-01', DATE '2024-01-15', max_days => 14)", True,
       "relaxant_overdue(..., max_days => 14): 15 days is overdue")
expect("SELECT relaxant_overdue(DATE '2024-01-01', NULL, as_of => DATE '2024-01-21')", False,
       "relaxant_overdue(start, NULL, as_of => 2024-01-21): 21 days is not")
expect("SELECT relaxant_dose_alerts(drug => 'cyclobenzaprine 10 mg', dose_mg => 10, doses_per_day => 3, age => 70)",
       ["elderly_start_5mg"], "relaxant_dose_alerts(..., age => 70): the elderly rule only")
expect("SELECT relaxant_dose_alerts('cyclobenzaprine 10 mg', 10, 3) = relaxant_dose_alerts('cyclobenzaprine 10 mg', "
       "10, 3, NULL, NULL)", True, "a default is the same call as NULL")

# ---- Large groups -------------------------------------------------------------------

expect("SELECT relaxant_longest_course(d, d) FROM generate_series(DATE '2000-01-01', DATE '2000-01-01' + 999999, "
       "'1 day') AS g(x), LATERAL (SELECT x::date AS d) AS t", 1000000,
       "a million one-day fills on consecutive days: one course of 1,000,000 days")
expect("SELECT jsonb_array_length(relaxant_courses(d, d, 0)) FROM generate_series(0, 199999) AS g(i), "
       "LATERAL (SELECT DATE '2000-01-01' + 2 * (199999 - i) AS d) AS t", 200000,
       "200,000 one-day fills every other day, in descending order, gap_days 0: 200,000 courses")
expect("SELECT (c -> 0 ->> 'covered_days') || '/' || (c -> 0 ->> 'span_days') || '/' || jsonb_array_length(c) "
       "FROM (SELECT relaxant_courses(d, d + 1, 1) AS c FROM generate_series(0, 199999) AS g(i), "
       "LATERAL (SELECT DATE '2000-01-01' + 3 * (199999 - i) AS d) AS t) AS r", "400000/599999/1",
       "200,000 two-day fills one uncovered day apart, gap_days 1: one course of 599,999 days, 400,000 covered")

admin.run("DROP DATABASE IF EXISTS rawbytes WITH (FORCE)")
tap.ok(db.crashes + admin.crashes == 0, "no backend crashed")
tap.done()
