"""binding.py: the PostgreSQL binding's own paths, those the contract's calls
(tests/pg/differential.py) do not take. Expected values are worked out by
hand: a value of a type SQLite does not have gives what the matching
integer or text gives, and errors are the binding's or the core's exact
texts.

- recommend_plan's VARIADIC "any" with PostgreSQL's own types: smallint,
  bigint, real, char(n) (its padding dropped, and all padding: the empty
  text), name, varchar[], a type the core does not read (interval), and
  VARIADIC NULL;
- two lists long enough that the core's scratch memory grows twice in one
  call (past the 512 bytes it reads on the stack);
- C entry points behind declarations that do not match bp_functions[]: a
  scalar entry for an aggregate, a variadic declaration of a fixed function
  and the reverse, a zero-argument recommend_plan, transition functions
  whose names are no aggregate's, final functions of another result type
  or arity, a final function given the other aggregate's state, the window
  entry for a scalar, the evidence rows as a scalar or with other columns;
  every support function called outside an aggregate. Each is refused with
  an error naming what is wrong, never a crash;
- the combine function with partial states that saw no row, or rows but no
  fill (partitionwise aggregation: one partial aggregate per partition, in
  partition order), which a parallel plan reaches only by chance; each
  result equals the aggregate over the same rows without partitions.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "lib"))
from bp_pg import Pg, Tap  # noqa: E402

tap = Tap()
db = Pg(setup=["CREATE EXTENSION IF NOT EXISTS backpain"])
HINT = "Reinstall the extension: DROP EXTENSION backpain; CREATE EXTENSION backpain;"


def same(sql, want_sql, name):
    """sql and want_sql give the same single value."""
    got, want = db.query(sql), db.query(want_sql)
    tap.ok(got[0] == "rows" and got == want, name, "got:  %r\nwant: %r" % (got, want))


def error(sql, code, message, name):
    tap.equal(db.query(sql), ("error", code, message), name)


# ---- Types of recommend_plan's VARIADIC "any" --------------------------------

same("SELECT recommend_plan('age', 70::smallint, 'pain_weeks', 20::smallint)",
     "SELECT recommend_plan('age', 70, 'pain_weeks', 20)", "smallint reads as the same integer")
same("SELECT recommend_plan('age', 70::bigint, 'pain_weeks', 20::bigint)",
     "SELECT recommend_plan('age', 70, 'pain_weeks', 20)", "bigint reads as the same integer")
same("SELECT recommend_plan('pain_weeks', 20::real)", "SELECT recommend_plan('pain_weeks', 20.0)",
     "real 20 reads as the number 20.0")
same("SELECT recommend_plan('hepatic', 'mild'::char(10), 'spasm', 1, 'pain_weeks', 20)",
     "SELECT recommend_plan('hepatic', 'mild', 'spasm', 1, 'pain_weeks', 20)",
     "char(10) 'mild' reads as 'mild', without its padding")
error("SELECT recommend_plan('hepatic', ''::char(3))", "22023",
      "recommend_plan(): hepatic must be one of none, mild, moderate, severe, got ''",
      "char(3) of spaces reads as the empty text")
same("SELECT recommend_plan('tried', 'yoga'::name, 'pain_weeks', 20)",
     "SELECT recommend_plan('tried', 'yoga', 'pain_weeks', 20)", "name 'yoga' reads as the text")
same("SELECT recommend_plan('tried', ARRAY['yoga', 'massage']::varchar[], 'pain_weeks', 20)",
     "SELECT recommend_plan('tried', '[\"yoga\", \"massage\"]', 'pain_weeks', 20)",
     "varchar[] reads as the JSON list of its items")
error("SELECT recommend_plan('pain_weeks', interval '20 weeks')", "22023",
      "recommend_plan(): pain_weeks must be a number of weeks >= 0, got a value of type interval",
      "an interval is refused, by its type's name")
tap.equal(db.query("SELECT recommend_plan(VARIADIC NULL::text[])"), ("rows", [(None,)]),
          "VARIADIC NULL gives NULL (as json_build_object)")

# Lists of 589 and 1,091 bytes: past the 512 bytes read on the stack, so
# the second grows the scratch memory the first took.
tried = "[" + ",".join(['"yoga"'] * 84) + "]"
preferences = "[" + ",".join(['"massage"'] * 109) + "]"
tap.ok(512 < len(tried) < len(preferences), "lists of %d and %d bytes" % (len(tried), len(preferences)))
same("SELECT recommend_plan('tried', %s, 'preferences', %s, 'pain_weeks', 20)"
     % ("'" + tried + "'", "'" + preferences + "'"),
     "SELECT recommend_plan('tried', 'yoga', 'preferences', 'massage', 'pain_weeks', 20)",
     "... read whole: the same plan as one yoga tried and one massage preferred")

# ---- Declarations that do not match bp_functions[] ----------------------------

db.run("DROP SCHEMA IF EXISTS wrong CASCADE")
db.run("CREATE SCHEMA wrong")


def c_function(signature, returns, symbol, extra=""):
    db.run("CREATE FUNCTION wrong.%s RETURNS %s AS '$libdir/backpain', '%s' LANGUAGE C %s"
           % (signature, returns, symbol, extra))


def mismatch(function, core):
    return ("backpain: the SQL declaration of %s does not match the extension's library (%s)"
            % (function, core))


COURSES = "relaxant_courses(start, end [, gap_days [, max_days [, as_of]]]) returns json"
ROWS = "(VALUES (DATE '2024-01-01', DATE '2024-01-10'), (DATE '2024-01-19', DATE '2024-01-28')) AS f(s, e)"

# Scalar entry point.
c_function("relaxant_courses(date, date)", "jsonb", "bp_pg_scalar")
error("SELECT wrong.relaxant_courses(DATE '2024-01-01', DATE '2024-01-10')", "XX000",
      "backpain: relaxant_courses is not a scalar function", "bp_pg_scalar behind an aggregate's name")
c_function("recommend_plan(VARIADIC text[])", "jsonb", "bp_pg_scalar")
error("SELECT wrong.recommend_plan('pain_weeks', '20')", "42P13",
      mismatch("recommend_plan", "recommend_plan(key, value, ...) returns json"),
      "recommend_plan as VARIADIC text[]: not VARIADIC \"any\"")
c_function("recommend_plan(text)", "jsonb", "bp_pg_scalar")
error("SELECT wrong.recommend_plan('pain_weeks')", "42P13",
      mismatch("recommend_plan", "recommend_plan(key, value, ...) returns json"),
      "recommend_plan with one fixed argument")
c_function("recommend_plan(text, VARIADIC \"any\")", "jsonb", "bp_pg_scalar")
error("SELECT wrong.recommend_plan('pain_weeks', 20)", "42P13",
      mismatch("recommend_plan", "recommend_plan(key, value, ...) returns json"),
      "recommend_plan with a fixed argument before VARIADIC \"any\"")
c_function("recommend_plan()", "jsonb", "bp_pg_scalar")
same("SELECT wrong.recommend_plan()", "SELECT public.recommend_plan()",
     "recommend_plan declared without arguments: the plan of no facts")
c_function("relaxant_days(date, date, date)", "integer", "bp_pg_scalar")
error("SELECT wrong.relaxant_days(DATE '2024-01-01', DATE '2024-01-02', DATE '2024-01-03')", "42P13",
      mismatch("relaxant_days", "relaxant_days(start, end) returns integer"),
      "relaxant_days with 3 arguments (it takes 2)")
c_function("relaxant_days(VARIADIC date[])", "integer", "bp_pg_scalar")
error("SELECT wrong.relaxant_days(DATE '2024-01-01', DATE '2024-01-02')", "42P13",
      mismatch("relaxant_days", "relaxant_days(start, end) returns integer"),
      "relaxant_days declared VARIADIC")

# Transition functions (each behind an aggregate with the real final function).


def aggregate(name, args, sfunc, stype="internal", final="public.relaxant_courses_final", extra=""):
    db.run("CREATE AGGREGATE wrong.%s(%s) (SFUNC = %s, STYPE = %s, FINALFUNC = %s%s)"
           % (name, args, sfunc, stype, final, extra))


c_function("x(internal, date, date)", "internal", "bp_pg_course_step")
aggregate("by_x", "date, date", "wrong.x")
error("SELECT wrong.by_x(s, e) FROM " + ROWS, "42883", "backpain: x is not a function of backpain",
      "a transition function named x (shorter than _step)")
c_function("relaxant_courses(internal, date, date)", "internal", "bp_pg_course_step")
aggregate("by_plain_name", "date, date", "wrong.relaxant_courses")
error("SELECT wrong.by_plain_name(s, e) FROM " + ROWS, "42883",
      "backpain: relaxant_courses is not a function of backpain",
      "a transition function without _step in its name")
c_function("relaxant_days_step(internal, date, date)", "internal", "bp_pg_course_step")
aggregate("by_scalar", "date, date", "wrong.relaxant_days_step")
error("SELECT wrong.by_scalar(s, e) FROM " + ROWS, "42883",
      "backpain: relaxant_days_step is not a function of backpain",
      "a transition function of a scalar function (relaxant_days_step)")
c_function("relaxant_courses_step(integer, date, date)", "integer", "bp_pg_course_step")
db.run("CREATE FUNCTION wrong.integer_final(integer) RETURNS integer LANGUAGE sql AS 'SELECT $1'")
aggregate("by_integer", "date, date", "wrong.relaxant_courses_step", stype="integer",
          final="wrong.integer_final")
error("SELECT wrong.by_integer(s, e) FROM " + ROWS, "42P13", mismatch("relaxant_courses_step", COURSES),
      "a transition function with an integer state")
c_function("relaxant_longest_course_step(internal, date, date, integer, date, date)", "internal",
           "bp_pg_course_step")
aggregate("by_six", "date, date, integer, date, date", "wrong.relaxant_longest_course_step",
          final="public.relaxant_longest_course_final")
error("SELECT wrong.by_six(s, e, 7, NULL, NULL) FROM " + ROWS, "42P13",
      mismatch("relaxant_longest_course_step",
               "relaxant_longest_course(start, end [, gap_days [, as_of]]) returns integer"),
      "a transition function of relaxant_longest_course with 5 arguments (at most 4)")

c_function("relaxant_courses_step(internal, VARIADIC date[])", "internal", "bp_pg_course_step")
aggregate("by_variadic", "VARIADIC date[]", "wrong.relaxant_courses_step")
error("SELECT wrong.by_variadic(s, e) FROM " + ROWS, "42P13", mismatch("relaxant_courses_step", COURSES),
      "a VARIADIC transition function")

# Final functions.
c_function("relaxant_courses_final(internal)", "text", "bp_pg_course_final")
aggregate("final_text", "date, date", "public.relaxant_courses_step", final="wrong.relaxant_courses_final")
error("SELECT wrong.final_text(s, e) FROM " + ROWS, "42P13", mismatch("relaxant_courses_final", COURSES),
      "a final function returning text")
c_function("relaxant_courses_final(internal, date, date)", "jsonb", "bp_pg_course_final")
aggregate("final_extra", "date, date", "public.relaxant_courses_step", final="wrong.relaxant_courses_final",
          extra=", FINALFUNC_EXTRA")
error("SELECT wrong.final_extra(s, e) FROM " + ROWS, "42P13", mismatch("relaxant_courses_final", COURSES),
      "a final function with the aggregate's arguments too (FINALFUNC_EXTRA)")
db.run("CREATE FUNCTION wrong.count_step(integer, date, date) RETURNS integer LANGUAGE sql "
       "AS 'SELECT coalesce($1, 0) + 1'")
c_function("relaxant_courses_final(integer)", "jsonb", "bp_pg_course_final")
aggregate("final_of_integer", "date, date", "wrong.count_step", stype="integer",
          final="wrong.relaxant_courses_final")
error("SELECT wrong.final_of_integer(s, e) FROM " + ROWS, "42P13", mismatch("relaxant_courses_final", COURSES),
      "a final function of an integer state")
aggregate("mixed", "date, date", "public.relaxant_longest_course_step", final="public.relaxant_courses_final")
error("SELECT wrong.mixed(s, e) FROM " + ROWS, "XX000",
      "backpain: relaxant_courses_final given the state of relaxant_longest_course",
      "relaxant_courses' final function given relaxant_longest_course's state")

# The window entry point behind a scalar's name.
c_function("relaxant_days(date, date)", "integer", "bp_pg_course_no", "WINDOW")
error("SELECT wrong.relaxant_days(s, e) OVER (ORDER BY s) FROM " + ROWS, "XX000",
      "backpain: relaxant_days is not a window function", "bp_pg_course_no behind relaxant_days")

# The evidence rows: as a scalar, and with columns other than the core's.
columns = [r[0] for r in db.run("SELECT column_name FROM information_schema.columns "
                                "WHERE table_schema = 'public' AND table_name = 'guideline_evidence' "
                                "ORDER BY ordinal_position")]
tap.equal(len(columns), 12, "guideline_evidence has 12 columns")
c_function("evidence_scalar()", "SETOF text", "bp_pg_evidence_rows")
error("SELECT * FROM wrong.evidence_scalar()", "XX000", "backpain: guideline_evidence_rows must return rows",
      "the evidence rows declared as a set of text")
for name, label, declared in [
    ("evidence_two", "two columns", [("id", "text"), ("intervention", "text")]),
    ("evidence_renamed", "the core's columns, the last renamed",
     [(c, "text") for c in columns[:-1]] + [("remark", "text")]),
    ("evidence_integer", "the core's columns, the first an integer",
     [(columns[0], "integer")] + [(c, "text") for c in columns[1:]]),
]:
    c_function("%s()" % name, "TABLE(%s)" % ", ".join('"%s" %s' % d for d in declared), "bp_pg_evidence_rows")
    error("SELECT * FROM wrong.%s()" % name, "42P13",
          "backpain: the SQL declaration of guideline_evidence_rows does not match the extension's library",
          "the evidence rows declared with %s" % label)
hint = None
try:
    db.conn.cursor().execute("SELECT * FROM wrong.evidence_two()")
except Exception as e:  # noqa: BLE001 - psycopg2's error carries the hint
    hint = e.diag.message_hint
tap.equal(hint, HINT, "... with the hint to reinstall the extension")

# Support functions called outside an aggregate: declared over a plain type
# (a value of type internal cannot be written in SQL).
for signature, returns, symbol, call, entry in [
    ("step(integer, date, date)", "integer", "bp_pg_course_step", "wrong.step(NULL, NULL, NULL)",
     "bp_pg_course_step"),
    ("combine(integer, integer)", "integer", "bp_pg_course_combine", "wrong.combine(NULL, NULL)",
     "bp_pg_course_combine"),
    ("serialize(integer)", "bytea", "bp_pg_course_serialize", "wrong.serialize(1)", "bp_pg_course_serialize"),
    ("deserialize(bytea, integer)", "integer", "bp_pg_course_deserialize",
     "wrong.deserialize('\\x00'::bytea, 1)", "bp_pg_course_deserialize"),
    ("final(integer)", "jsonb", "bp_pg_course_final", "wrong.final(NULL)", "bp_pg_course_final"),
]:
    c_function(signature, returns, symbol)
    error("SELECT " + call, "XX000", "backpain: %s called outside an aggregate" % entry,
          "%s called from SQL: refused" % entry)

# ---- Combining partial states that saw no row or no fill ---------------------

# Two partitions; partitionwise aggregation gives each its partial
# aggregate, combined in partition order.
db.run("DROP TABLE IF EXISTS pfills, flat")
db.run("CREATE TABLE pfills(pid integer, s date, e date) PARTITION BY RANGE (pid)")
db.run("CREATE TABLE pfills_1 PARTITION OF pfills FOR VALUES FROM (0) TO (100)")
db.run("CREATE TABLE pfills_2 PARTITION OF pfills FOR VALUES FROM (100) TO (200)")
FILLS = [(1, "2024-01-01", "2024-01-10"), (2, "2024-01-19", "2024-01-28"), (150, "2024-03-01", "2024-03-05"),
         (160, None, "2024-03-08")]
db.conn.cursor().executemany("INSERT INTO pfills VALUES (%s, %s, %s)", FILLS)
db.run("CREATE TABLE flat AS SELECT * FROM pfills")
db.run("SET enable_partitionwise_aggregate = on")
db.run("SET max_parallel_workers_per_gather = 0")
for where, label, want in [
    ("s < DATE '2024-02-01'", "rows in the first partition only: a state, then none",
     '[{"end": "2024-01-10", "fills": 1, "start": "2024-01-01", "overdue": false, "span_days": 10, '
     '"covered_days": 10}, {"end": "2024-01-28", "fills": 1, "start": "2024-01-19", "overdue": false, '
     '"span_days": 10, "covered_days": 10}]'),
    ("s > DATE '2024-02-01'", "rows in the second partition only: none, then a state",
     '[{"end": "2024-03-05", "fills": 1, "start": "2024-03-01", "overdue": false, "span_days": 5, '
     '"covered_days": 5}]'),
    ("s > DATE '2025-01-01'", "no row anywhere: none, then none", None),
    ("pid IN (1, 160)", "the second partition's row has no start: a state without a fill",
     '[{"end": "2024-01-10", "fills": 1, "start": "2024-01-01", "overdue": false, "span_days": 10, '
     '"covered_days": 10}]'),
    ("s IS NULL", "only a row without a start: none, then a state without a fill", None),
]:
    sql = "SELECT relaxant_courses(s, e)::text FROM %%s WHERE %s" % where
    plan = "\n".join(r[0] for r in db.run("EXPLAIN (COSTS OFF) " + sql % "pfills"))
    tap.ok(plan.count("Partial Aggregate") == 2 and "Finalize Aggregate" in plan,
           "%s: one partial aggregate per partition" % label, plan)
    got = db.run(sql % "pfills")
    tap.equal(got, [(want,)], "... the courses of those rows")
    tap.equal(got, db.run(sql % "flat"), "... as without partitions")
longest = db.run("SELECT relaxant_longest_course(s, e, 8) FROM pfills WHERE s < DATE '2024-02-01' OR pid = 160")
tap.equal(longest, [(28,)], "relaxant_longest_course with gap_days 8 over the same: one course of 28 days")
db.run("RESET enable_partitionwise_aggregate")

db.run("DROP SCHEMA wrong CASCADE")
db.run("DROP TABLE pfills, flat")
tap.ok(db.crashes == 0, "no backend crashed")
tap.done()
