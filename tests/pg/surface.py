"""surface.py: the PostgreSQL extension's public surface.

- The functions the extension declares are exactly the core's bp_functions[]
  (printed by build/pg/tests/bp_functions): the same names, each with the
  same argument counts (defaults and overloads together), kind (function,
  aggregate, window) and result type. A control detaches one function from
  the extension and checks that the comparison then fails.
- Every function is IMMUTABLE and PARALLEL SAFE; exactly the functions that
  are NULL-in-NULL-out are STRICT; both aggregates have combine, serialize
  and deserialize functions and a READ_ONLY final function.
- The library exports exactly the entry points the install script names.
- guideline_evidence has SQLite's columns and refuses writes.
- The extension works in any schema with search_path = pg_catalog (as
  postgres_fdw runs remote queries) and with an empty search_path; a
  database owner who is not a superuser can install it (trusted).
- A C entry point called through a wrong declaration refuses with an error.
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "lib"))
from bp_pg import Pg, Tap, core_functions, sqlite, sqlite_query  # noqa: E402

tap = Tap()
admin = Pg()
admin.run("DROP DATABASE IF EXISTS surface")
admin.run("CREATE DATABASE surface")
db = Pg("surface", setup=["SET search_path = public"])
db.run("CREATE EXTENSION backpain")

TYPE_OF = {"text": "text", "date": "date", "integer": "integer", "boolean": "boolean", "json": "jsonb"}
KIND_OF = {"f": "scalar", "a": "aggregate", "w": "window"}


def core_signatures():
    rows = {}
    for f in core_functions():
        arities = {"variadic", 0} if f.max_args < 0 else set(f.arities())
        rows[f.name] = (frozenset(arities), f.kind, TYPE_OF[f.returns])
    return rows


# The functions users call: the extension's, less the support functions of
# the aggregates (they take or return internal) and the set-returning
# function behind the guideline_evidence view.
USER_FUNCTIONS = """
SELECT p.proname, p.pronargs, p.pronargdefaults, p.provariadic <> 0, p.prokind,
       format_type(p.prorettype, NULL), p.proisstrict,
       pg_get_function_identity_arguments(p.oid)
  FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension x ON x.oid = d.refobjid AND x.extname = 'backpain'
 WHERE NOT ('internal'::regtype = ANY (p.proargtypes::oid[]) OR p.prorettype = 'internal'::regtype)
   AND p.proname <> 'guideline_evidence_rows'
"""


def declared_functions(conn):
    rows = {}
    for name, nargs, ndefaults, variadic, kind, returns, strict, identity in conn.run(USER_FUNCTIONS):
        arities, kinds, results = rows.get(name, (set(), set(), set()))
        arities |= {"variadic"} if variadic else set(range(nargs - ndefaults, nargs + 1))
        rows[name] = (arities, kinds | {KIND_OF[kind]}, results | {returns})
    return {name: (frozenset(a), k.pop() if len(k) == 1 else k, r.pop() if len(r) == 1 else r)
            for name, (a, k, r) in rows.items()}


def differences(core, declared):
    problems = []
    for name in sorted(set(core) | set(declared)):
        if name not in declared:
            problems.append("%s: in bp_functions[], not declared" % name)
        elif name not in core:
            problems.append("%s: declared, not in bp_functions[]" % name)
        elif core[name] != declared[name]:
            problems.append("%s: core %r, declared %r" % (name, core[name], declared[name]))
    return problems


core = core_signatures()
tap.ok(len(core) == 13, "the core lists %d functions" % len(core))
problems = differences(core, declared_functions(db))
tap.ok(not problems, "the install script declares exactly bp_functions[]: names, argument counts, kinds, "
       "result types", "\n".join(problems))

# Control: a function detached from the extension is missed.
db.run("ALTER EXTENSION backpain DROP FUNCTION icd10_class(text)")
problems = differences(core, declared_functions(db))
tap.equal(problems, ["icd10_class: in bp_functions[], not declared"],
          "control: with icd10_class detached, the comparison names it")
db.run("ALTER EXTENSION backpain ADD FUNCTION icd10_class(text)")

# Overloads that must not collide: each argument count is declared once.
rows = db.run(USER_FUNCTIONS)
seen, collisions = {}, []
for name, nargs, ndefaults, variadic, _, _, _, identity in rows:
    for n in (["variadic"] if variadic else range(nargs - ndefaults, nargs + 1)):
        if (name, n) in seen:
            collisions.append("%s/%s: %s and %s" % (name, n, seen[(name, n)], identity))
        seen[(name, n)] = identity
tap.ok(not collisions, "no two declarations of a function take the same number of arguments",
       "\n".join(collisions))

strict = sorted("%s(%s)" % (r[0], r[7]) for r in rows if r[6])
tap.equal(strict, ["backpain_version()", "icd10_class(code text)", "intervention_code(text text)",
                   "pain_phase(weeks numeric)", "relaxant_ingredient(drug text)"],
          "STRICT exactly where a NULL argument gives NULL without reading the others")

flags = db.run("""
SELECT count(*), count(*) FILTER (WHERE p.provolatile = 'i'), count(*) FILTER (WHERE p.proparallel = 's'),
       count(*) FILTER (WHERE p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'c'))
  FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension x ON x.oid = d.refobjid AND x.extname = 'backpain'
 WHERE p.prokind <> 'a'""")[0]
tap.ok(flags[0] > 20 and flags[0] == flags[1] == flags[2] == flags[3],
       "all %d C functions of the extension are IMMUTABLE and PARALLEL SAFE" % flags[0],
       "functions, immutable, parallel safe, C: %r" % (flags,))

aggregates = db.run("""
SELECT a.aggfnoid::regprocedure::text, a.aggtranstype::regtype::text, a.aggcombinefn <> 0,
       a.aggserialfn <> 0, a.aggdeserialfn <> 0, a.aggfinalmodify, p.proparallel
  FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
 WHERE p.proname IN ('relaxant_courses', 'relaxant_longest_course') ORDER BY 1""")
tap.equal(len(aggregates), 7, "seven aggregate declarations (four of relaxant_courses, three of "
          "relaxant_longest_course)")
tap.ok(all(row[1:] == ("internal", True, True, True, "r", "s") for row in aggregates),
       "every one: internal state, combine, serialize and deserialize functions, READ_ONLY final "
       "function, PARALLEL SAFE", "\n".join(map(str, aggregates)))

# The library exports exactly the C symbols the install script names (and
# their info records, and the magic block): the core stays hidden.
symbols_sql = """
SELECT DISTINCT p.prosrc FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension x ON x.oid = d.refobjid AND x.extname = 'backpain'
 WHERE p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'c')"""
named = {r[0] for r in db.run(symbols_sql)}
library = os.path.join(subprocess.run(["pg_config", "--pkglibdir"], check=True, capture_output=True,
                                      text=True).stdout.strip(), "backpain.so")
exported = set()
for line in subprocess.run(["nm", "-D", "--defined-only", library], check=True, capture_output=True,
                           text=True).stdout.splitlines():
    parts = line.split()
    if len(parts) == 3 and parts[1] in "TtDdBbRr":
        exported.add(parts[2])
want = named | {"pg_finfo_" + s for s in named} | {"Pg_magic_func"}
tap.equal(sorted(exported), sorted(want), "%s exports the %d entry points of the install script and "
          "nothing else" % (library, len(named)))

# guideline_evidence: SQLite's columns, and no writes.
lite = sqlite()
sqlite_columns = [r[0] for r in sqlite_query(lite, "SELECT name FROM pragma_table_info('guideline_evidence')")[1]]
pg_columns = db.run("""SELECT column_name, data_type FROM information_schema.columns
                        WHERE table_name = 'guideline_evidence' ORDER BY ordinal_position""")
tap.equal([c for c, _ in pg_columns], sqlite_columns, "guideline_evidence has SQLite's columns, in order")
tap.ok(all(t == "text" for _, t in pg_columns), "... all text")
for statement in ["INSERT INTO guideline_evidence(id) VALUES ('x')",
                  "UPDATE guideline_evidence SET note = 'x'", "DELETE FROM guideline_evidence"]:
    outcome = db.query(statement)
    tap.ok(outcome[0] == "error" and outcome[1] == "55000" and "cannot" in outcome[2],
           "%s fails: %s" % (statement.split()[0], outcome[2] if outcome[0] == "error" else outcome))

version = open("VERSION").read().strip()
tap.equal(db.run("SELECT backpain_version(), (SELECT extversion FROM pg_extension WHERE extname = 'backpain')")[0],
          (version, version), "backpain_version() and the installed version are VERSION (%s)" % version)

# Any schema, and no reliance on search_path (postgres_fdw's remote sessions
# use search_path = pg_catalog).
admin.run("DROP DATABASE IF EXISTS schemadb")
admin.run("CREATE DATABASE schemadb")
other = Pg("schemadb")
other.run("CREATE SCHEMA clinical")
other.run("CREATE EXTENSION backpain SCHEMA clinical")
QUERIES = [
    "SELECT clinical.relaxant_courses(s, e)::text, clinical.relaxant_longest_course(s, e, 7, DATE '2024-03-01') "
    "FROM (VALUES (DATE '2024-01-01', DATE '2024-01-14'), (DATE '2024-01-17', DATE '2024-01-30')) AS f(s, e)",
    "SELECT array_agg(n ORDER BY s) FROM (SELECT s, clinical.relaxant_course_no(s, e) OVER (ORDER BY s) AS n "
    "FROM (VALUES (DATE '2024-01-01', DATE '2024-01-10'), (DATE '2024-01-19', DATE '2024-01-28')) AS f(s, e)) AS g",
    "SELECT count(*), count(note) FROM clinical.guideline_evidence",
    "SELECT clinical.recommend_plan('pain_weeks', 20, 'tried', ARRAY['yoga'])::text",
    "SELECT clinical.relaxant_overdue(DATE '2024-01-01', NULL, DATE '2024-01-22')",
    "SELECT clinical.pain_phase(8), clinical.pain_phase(DATE '2024-01-01', DATE '2024-03-26')",
]
baseline = [db.run(q.replace("clinical.", "public."))[0] for q in QUERIES]
for path in ["pg_catalog", "''"]:
    other.run("SET search_path = %s" % path)
    got = [other.query(q) for q in QUERIES]
    tap.equal(got, [("rows", [row]) for row in baseline],
              "in schema clinical with search_path = %s: the same answers as in public" % path)
tap.equal(baseline[1], ([1, 2],), "... (course numbers 1 and 2 for two fills 8 uncovered days apart)")

# Trusted: a database owner who is not a superuser installs it.
admin.run("DROP DATABASE IF EXISTS analystdb")
admin.run("DROP ROLE IF EXISTS analyst")
admin.run("CREATE ROLE analyst LOGIN")
admin.run("CREATE DATABASE analystdb OWNER analyst")
analyst = Pg("analystdb")
analyst.run("SET ROLE analyst")
outcome = analyst.query("CREATE EXTENSION backpain")
tap.ok(outcome[0] == "rows", "a database owner who is not a superuser can CREATE EXTENSION backpain",
       repr(outcome))
tap.equal(analyst.query("SELECT relaxant_days(DATE '2024-01-01', DATE '2024-01-21')"), ("rows", [(21,)]),
          "... and call it: relaxant_days from 2024-01-01 to 2024-01-21 is 21 days")

# A C entry point behind a wrong declaration refuses to run.
db.run("CREATE FUNCTION not_backpain(text) RETURNS text AS '$libdir/backpain', 'bp_pg_scalar' LANGUAGE C")
db.run("CREATE SCHEMA wrong")
db.run("CREATE FUNCTION wrong.relaxant_days(date) RETURNS integer AS '$libdir/backpain', 'bp_pg_scalar' "
       "LANGUAGE C")
db.run("CREATE FUNCTION wrong.relaxant_end(date, integer) RETURNS text AS '$libdir/backpain', "
       "'bp_pg_scalar' LANGUAGE C")
db.run("CREATE FUNCTION wrong.relaxant_courses_step(internal, date) RETURNS internal "
       "AS '$libdir/backpain', 'bp_pg_course_step' LANGUAGE C")
db.run("CREATE AGGREGATE wrong.short(date) (SFUNC = wrong.relaxant_courses_step, STYPE = internal, "
       "FINALFUNC = public.relaxant_courses_final)")
for sql, code, text in [
    ("SELECT not_backpain('x')", "42883", "backpain: not_backpain is not a function of backpain"),
    ("SELECT wrong.relaxant_days(DATE '2024-01-01')", "42P13",
     "backpain: the SQL declaration of relaxant_days does not match the extension's library "
     "(relaxant_days(start, end) returns integer)"),
    ("SELECT wrong.relaxant_end(DATE '2024-01-01', 1)", "42P13",
     "backpain: the SQL declaration of relaxant_end does not match the extension's library "
     "(relaxant_end(start, days_supply) returns date)"),
    ("SELECT wrong.short(DATE '2024-01-01')", "42P13",
     "backpain: the SQL declaration of relaxant_courses_step does not match the extension's library "
     "(relaxant_courses(start, end [, gap_days [, max_days [, as_of]]]) returns json)"),
]:
    tap.equal(db.query(sql), ("error", code, text), "%s: refused" % sql)

admin.run("DROP DATABASE IF EXISTS surface WITH (FORCE)")
tap.ok(admin.crashes + db.crashes + other.crashes + analyst.crashes == 0, "no backend crashed")
tap.done()
