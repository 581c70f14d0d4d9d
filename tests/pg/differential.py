"""differential.py: the same calls through both engines, SQLite (dist/backpain)
and PostgreSQL (the installed extension), compared: values (JSON parsed,
booleans, dates as text) and errors (the exact message). No expected value
here is written by hand: SQLite's answer is the expectation, and the test
fails on any difference, including a call that errs in one engine only.

Covered: every function of the core's bp_functions[] (the list is read from
it, as surface.py reads it, and the test fails when a function or an arity
of it has no call here) in every arity, with the
hostile-input matrix of tests/capi/bad_input.c in each argument position
(the other arguments valid), as far as PostgreSQL's types let a value reach
the function (a date parameter takes dates, an integer one integers; text
with a NUL byte or invalid UTF-8 cannot exist in a UTF8 database:
pg_only.py covers what SQLite cannot express and the SQL_ASCII case);
valid calls of every function; every recommend_plan key with every kind
of value, and a grid of patients; the course aggregates and the window
function over a generated table of fills, with and without gap_days,
max_days and as_of; the rows of guideline_evidence.

Every PostgreSQL error raised by the core must carry one of the core's
SQLSTATEs (22023, 22007, 22008, 22P02, 54000).
"""
import itertools
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "lib"))
from bp_pg import (ARRAY, B, BOOL, CORE_SQLSTATES, D, F, I, JSONB, NULL, R, T, Call, Pg, Tap,  # noqa: E402
                   core_functions, outcome_text, same_outcome, sqlite, sqlite_query)

tap = Tap()
lite = sqlite()
pg = Pg(setup=["CREATE EXTENSION IF NOT EXISTS backpain"])

BIG = 100000


def big_dates():
    return ("2024-01-01 " * (BIG // 11 + 1))[:BIG]


# Hostile values by PostgreSQL parameter type (bad_input.c's matrix, as far
# as the type admits it).
HOSTILE = {
    "date": [NULL, D("2024-01-01"), D("2024-02-29"), D("2024-12-31"), D("0000-01-01", "0001-01-01 BC"),
             D("9999-12-31"), D("1970-01-01"), D("2023-02-28")],
    "integer": [NULL, I(0), I(1), I(-1), I(7), I(21), I(2460311), I(2147483647), I(-2147483648)],
    "numeric": [NULL, I(0), I(1), I(-1), I(5), I(10), I(64), I(65), I(150), I(151), I(2460311),
                I(9223372036854775807), I(-9223372036854775808), R("1.5"), R("-0.0"), R("0.5"),
                R("10.5"), R("150.5"), R("1e308"), R("-1e308"), R("1e-400"), R("1e400"), R("-1e400"), R("Infinity"),
                R("-Infinity"), R("30.000000000000000001")],
    "text": [NULL, T(""), T("abc"), T("2024-01-01"), T("2024-02-30"), T("mild"), T("Moderate"), T("10"),
             T("-5"), T("1e999"), T("Amrix 15 mg ER"), T("cyclobenzaprine 10 mg"), T("M54.5"), T("m5450"),
             T("yoga"), T("97110"), T("Méthocarbamol 750 mg"), T("Flexeril® 10 mg"),
             T("tab\there, and a\u00a0non-breaking space"), T("it's"), T("x" * BIG, "100,000 letters"),
             T("7" * BIG, "100,000 digits"), T(big_dates(), "100,000 chars of dates"),
             T("a" * 65537, "65,537 letters (past the recogniser's limit)"),
             T("cyclobenzaprine " + "x" * 65520, "cyclobenzaprine and 65,520 letters")],
}

# Every function and arity, from the core's bp_functions[] (core_functions():
# its names, arities and argument names), as (name, returns, kind,
# [(argument, PostgreSQL type, valid value)]). Each argument the core names
# has its type and a valid value here (VALID_FOR: where one function wants
# another valid value than the rest); a function whose arguments are not
# all here gets no calls, and the check at the end fails. recommend_plan
# (variadic: key, value, ...) has its own section, 3.
ARGUMENTS = {
    "drug": ("text", T("cyclobenzaprine 10 mg")), "start": ("date", D("2024-01-01")),
    "end": ("date", D("2024-01-10")), "days_supply": ("integer", I(10)),
    "as_of": ("date", D("2024-01-05")), "max_days": ("integer", I(21)), "gap_days": ("integer", I(7)),
    "dose_mg": ("numeric", I(10)), "doses_per_day": ("numeric", I(3)), "hepatic": ("text", T("mild")),
    "age": ("numeric", I(70)), "text": ("text", T("yoga")), "code": ("text", T("M54.5")),
    "weeks": ("numeric", I(8)), "onset": ("date", D("2024-01-01")),
}
VALID_FOR = {
    ("relaxant_ingredient", "drug"): T("cyclobenzaprine"), ("relaxant_overdue", "end"): D("2024-01-30"),
    ("relaxant_overdue", "as_of"): D("2024-01-25"), ("pain_phase", "as_of"): D("2024-03-01"),
}
RETURNS = {"json": "json", "text": "text", "date": "date", "integer": "integer", "boolean": "boolean"}
CORE = core_functions()
FUNCTIONS = []
unknown_arguments = []
for f in CORE:
    for n, names in sorted(f.signatures.items()):
        missing = [a for a in names if a not in ARGUMENTS]
        if missing:
            unknown_arguments.append("%s/%d: %s" % (f.name, n, ", ".join(missing)))
            continue
        FUNCTIONS.append((f.name, RETURNS[f.returns], f.kind,
                          [(a, ARGUMENTS[a][0], VALID_FOR.get((f.name, a), ARGUMENTS[a][1])) for a in names]))
tap.ok(not unknown_arguments, "every argument of bp_functions[] has a PostgreSQL type here (%d functions, "
       "%d signatures)" % (len(CORE), len(FUNCTIONS)), "\n".join(unknown_arguments))

# Which functions and arities were called (the check at the end).
called = set()

failures_by_group = {}


def compare(group, call):
    """Runs one call through both engines; records a difference."""
    called.add((call.func, len(call.args)))
    a = call.run_sqlite(lite)
    b = call.run_pg(pg)
    problems = failures_by_group.setdefault(group, [])
    stats = counts.setdefault(group, {"values": 0, "errors": 0})
    if b[0] == "crash":
        problems.append("%s: PostgreSQL backend crashed: %s" % (call.describe(), b[1]))
        return
    if not same_outcome(a, b):
        problems.append("%s:\n  SQLite:     %s\n  PostgreSQL: %s" % (call.describe(), outcome_text(a),
                                                                  outcome_text(b)))
        return
    if b[0] == "error":
        stats["errors"] += 1
        if b[1] not in CORE_SQLSTATES:
            problems.append("%s: SQLSTATE %s for '%s'" % (call.describe(), b[1], b[2]))
    else:
        stats["values"] += 1


counts = {}


def report(group):
    problems = failures_by_group.get(group, [])
    stats = counts.get(group, {"values": 0, "errors": 0})
    tap.ok(not problems, "%s: %d values and %d errors, the same in both engines"
           % (group, stats["values"], stats["errors"]), "\n".join(problems[:10]))


# ---- 1. The hostile matrix, every function, every position -------------------

for name, returns, kind, params in FUNCTIONS:
    if not params:
        group = "%s()" % name
        compare(group, Call(name, [], returns, kind))
        report(group)
        continue
    for position, (argument, pg_type, _) in enumerate(params):
        group = "%s/%d, hostile %s" % (name, len(params), argument)
        for value in HOSTILE[pg_type]:
            args = [value if i == position else p[2] for i, p in enumerate(params)]
            compare(group, Call(name, args, returns, kind))
        report(group)

# Pairs of NULL and a bad value: a malformed argument is an error even when
# another is NULL (contract section 0).
group = "a bad argument beside a NULL one"
for call in [
    Call("relaxant_end", [NULL, I(0)], "date"),
    Call("relaxant_days", [NULL, D("2024-01-01")], "integer"),
    Call("relaxant_overdue", [NULL, NULL, NULL, I(-1)], "boolean"),
    Call("relaxant_overdue", [D("2024-02-01"), D("2024-01-01"), NULL, NULL], "boolean"),
    Call("relaxant_dose_alerts", [NULL, I(-5), I(3)], "json"),
    Call("relaxant_dose_alerts", [NULL, I(10), I(3), T("very")], "json"),
    Call("relaxant_dose_alerts", [T("cyclobenzaprine"), NULL, I(3), NULL, I(200)], "json"),
    Call("pain_phase", [NULL, D("2024-01-01")], "text"),
    Call("pain_phase", [D("2024-03-01"), D("2024-01-01")], "text"),
]:
    compare(group, call)
report(group)

# ---- 2. Valid calls ---------------------------------------------------------------

group = "relaxant scalars, valid calls"
for s, n in [("2024-01-01", 21), ("2024-01-01", 1), ("2024-12-31", 2), ("2024-02-20", 10), ("2023-02-20", 10),
             ("9999-12-31", 1), ("2024-01-01", 3000000)]:
    compare(group, Call("relaxant_end", [D(s), I(n)], "date"))
for s, e in [("2024-01-01", "2024-01-21"), ("2024-01-01", "2024-01-22"), ("2024-01-01", "2024-01-01"),
             ("2024-01-01", "2024-12-31"), ("2024-02-28", "2024-03-01"), ("1900-02-28", "1900-03-01"),
             ("0000-01-01", "9999-12-31")]:
    compare(group, Call("relaxant_days", [D(s) if s != "0000-01-01" else D(s, "0001-01-01 BC"), D(e)], "integer"))
for args in [("2024-01-01", "2024-01-21"), ("2024-01-01", "2024-01-22"), ("2024-01-01", "2024-03-01", "2024-01-21"),
             ("2024-01-01", "2024-03-01", "2024-01-22"), ("2024-02-01", "2024-03-01", "2024-01-15"),
             ("2024-02-01", None, "2024-01-31"), ("2024-01-01", None), ("2024-01-01", None, "2024-01-22"),
             (None, "2024-01-22"), ("2024-01-01", "2024-01-15", None, 14), ("2024-01-01", "2024-01-15", None, 15),
             ("2024-01-01", "2024-01-01", None, 1), ("2024-01-01", "2024-01-02", None, 1),
             ("2024-01-01", None, None, 14), ("2024-02-01", "2024-01-01")]:
    values = [NULL if x is None else (I(x) if isinstance(x, int) else D(x)) for x in args]
    compare(group, Call("relaxant_overdue", values, "boolean"))
report(group)

group = "recognisers, valid calls"
for drug in ["Cyclobenzaprine HCl 10 MG Oral Tablet", "FLEXERIL 5mg", "Amrix 15 mg ER capsule", "methocarbamol 750",
             "M03BX08", "orphenadrine/aspirin/caffeine", "ibuprofen", "tizanidine 4 mg", "baclofen", "Soma",
             "Skelaxin 800", "Parafon Forte", "cyclobenzaprinex", "Tonmya 2.8 mg", "Amrix\u00ae 15 mg",
             "Lioresal", "Zanaflex", "Norflex", "chlorzoxazone 500 mg", "carisoprodol 350 mg"]:
    compare(group, Call("relaxant_ingredient", [T(drug)], "text"))
for text in ["Physical therapy - therapeutic exercise", "heating pad", "chiropractic adjustment", "back brace",
             "TENS unit", "Iyengar yoga", "mindfulness-based stress reduction", "97110", "97124", "98941", "97010",
             "E0720", "L0631", "97813", "cyclobenzaprine 10 mg", "no massage", "TENS unit declined", "refused PT",
             "heating pad; no brace", "stopped physical therapy", "massage not tolerated", "crystal healing",
             "99999", "acupuncture, but declined", "CBT"]:
    compare(group, Call("intervention_code", [T(text)], "text"))
for code in ["M54.5", "M54.50", "M54.59", "M54.51", "M62.830", "m62830", "M54.30", "M54.41", "M54.16", "M47.26",
             "M51.17", "M48.061", "M51.26", "G83.4", "C79.51", "S32.009A", "M46.25", "M45.9", "Z99.9", "M54",
             "M54.9", "X", "A00.0"]:
    compare(group, Call("icd10_class", [T(code)], "text"))
for weeks in [I(0), I(3), R("3.99"), I(4), I(12), R("12.01"), I(13), R("0.0")]:
    compare(group, Call("pain_phase", [weeks], "text"))
for onset, as_of in [("2024-01-01", "2024-01-28"), ("2024-01-01", "2024-01-29"), ("2024-01-01", "2024-03-25"),
                     ("2024-01-01", "2024-03-26"), ("2024-01-01", "2024-01-01")]:
    compare(group, Call("pain_phase", [D(onset), D(as_of)], "text"))
report(group)

group = "relaxant_dose_alerts, valid calls"
for drug, dose, per_day, hepatic, age in [
        ("cyclobenzaprine 10 mg tablet", I(10), I(3), None, None), ("Flexeril 10mg", R("10.5"), I(1), None, None),
        ("cyclobenzaprine 10 mg tablet", I(10), I(4), None, None), ("cyclobenzaprine 7.5 mg", R("7.5"), I(4), None, None),
        ("cyclobenzaprine 7.5 mg", R("7.5"), I(5), None, None), ("cyclobenzaprine 5 mg", I(5), I(3), "mild", None),
        ("cyclobenzaprine 7.5 mg", R("7.5"), I(3), "mild", None), ("cyclobenzaprine 5 mg", I(5), I(1), "moderate", None),
        ("cyclobenzaprine 10 mg", I(10), I(3), "Moderate", None), ("cyclobenzaprine 10 mg", I(10), I(3), None, I(65)),
        ("cyclobenzaprine 10 mg", I(10), I(3), None, R("64.9")), ("cyclobenzaprine HCl 15 mg", I(15), I(3), "mild", I(70)),
        ("Amrix 15 mg capsule", I(15), I(1), None, None), ("Amrix 15 mg capsule", I(15), I(2), None, None),
        ("cyclobenzaprine ER 45 mg", I(45), I(1), None, None), ("Amrix 10 mg", I(10), I(1), "mild", I(70)),
        ("cyclobenzaprine 15 MG 24 HR Extended Release Oral Capsule", I(15), I(1), "mild", None),
        ("methocarbamol 750 mg", I(750), I(4), None, None), ("ibuprofen 800 mg", I(800), I(3), None, None),
        ("cyclobenzaprine 2.8 mg sublingual tablet", R("2.8"), I(1), None, None),
        ("Tonmya (cyclobenzaprine) 5.6 mg", R("5.6"), I(1), None, None),
        ("cyclobenzaprine 5 mg for fibromyalgia", I(5), I(1), None, None)]:
    args = [T(drug), dose, per_day, NULL if hepatic is None else T(hepatic), NULL if age is None else age]
    compare(group, Call("relaxant_dose_alerts", args, "json"))
report(group)

# ---- 3. recommend_plan --------------------------------------------------------------

PLAN_KEYS = ["pain_weeks", "onset", "as_of", "spasm", "red_flags", "hepatic", "age", "tried", "response",
             "pain_baseline", "pain_now", "response_threshold", "relaxant_days", "contraindications",
             "serotonergic", "preferences"]
PLAN_VALID = [I(20), T("2024-01-01"), T("2024-06-01"), I(1), I(0), T("mild"), I(70), T("yoga"), T("inadequate"),
              I(8), I(6), R("0.3"), I(10), T("[]"), I(0), T('["yoga"]')]

# Every kind of value recommend_plan's VARIADIC "any" takes and SQLite can
# write alike (a date is text in SQLite: dates are compared where a date is
# read, below, and elsewhere in pg_only.py).
PLAN_HOSTILE = HOSTILE["numeric"] + HOSTILE["text"] + [
    F(0.3), F(1.0), F(-1.0), F(float("inf")), F(1e308), BOOL(True), BOOL(False), B(b""), B(b"\x00\xff"), B(b"2024-01-01"), JSONB('["yoga", "massage"]'), JSONB('"fever"'), JSONB("8"),
    JSONB("{}"), ARRAY([]), ARRAY(["yoga", "massage"]), ARRAY(["fever", "cauda_equina"]), ARRAY(["maoi"]),
    ARRAY(["yoga", None]), ARRAY(["no such thing"]), ARRAY(['quo"te', "back\\slash"]), I(2), I(-3), I(1000)]


def plan(pairs):
    args = []
    for key, value in pairs:
        args += [T(key) if isinstance(key, str) else key, value]
    return Call("recommend_plan", args, "json")


for k, key in enumerate(PLAN_KEYS):
    group = "recommend_plan, hostile %s" % key
    for value in PLAN_HOSTILE:
        pairs = [(other, value if other == key else PLAN_VALID[j]) for j, other in enumerate(PLAN_KEYS)]
        compare(group, plan(pairs))
        compare(group, plan([(key, value)]))
        compare(group, plan([(key, value), ("on_error", T("report"))]))
    report(group)

group = "recommend_plan, arguments"
for call in [
    Call("recommend_plan", [], "json"),
    plan([("pain_weeks", I(20)), ("spasm", BOOL(True))]),
    Call("recommend_plan", [T("pain_weeks")], "json"),
    Call("recommend_plan", [T("pain_weeks"), I(20), T("spasm")], "json"),
    Call("recommend_plan", [I(1), I(2)], "json"),
    Call("recommend_plan", [NULL, I(2)], "json"),
    Call("recommend_plan", [B(b"k"), I(2)], "json"),
    Call("recommend_plan", [T("x" * 50000), I(1)], "json"),
    Call("recommend_plan", [T(""), I(1)], "json"),
    Call("recommend_plan", [T("Pain_Weeks"), I(1)], "json"),
    plan([("pain_weeks", I(20)), ("pain_weeks", I(2))]),
    plan([("on_error", T("ignore"))]),
    plan([("on_error", T("report")), ("on_error", T("raise"))]),
    plan([("on_error", T("REPORT")), ("age", I(200))]),
    plan([("on_error", NULL), ("age", I(200))]),
    plan([("onset", T("2024-01-01"))]),
    plan([("as_of", D("2024-01-01"))]),
    plan([("onset", D("2024-03-01")), ("as_of", D("2024-01-01"))]),
    plan([("onset", D("2024-01-01")), ("as_of", D("2024-03-26"))]),
    plan([("onset", T("2024-01-01T10:00Z")), ("as_of", T("2024-03-25 23:59"))]),
    plan([("onset", I(2460311)), ("as_of", R("2460395.5"))]),
    plan([("pain_weeks", I(4)), ("onset", T("yesterday"))]),
    plan([("tried", T("[[[[")), ("pain_weeks", I(20))]),
    plan([("tried", T('["unterminated'))]),
    plan([("tried", T('["a\\'))]),
    plan([("tried", T('["\\ud800"]'))]),
    plan([("tried", T("[" * 20000))]),
    plan([("tried", T("[" + ('"yoga",' * 10000)[:69999] + "]"))]),
    plan([("preferences", T("x," * 10000))]),
    plan([("red_flags", T("[" + ('"fever",' * 10000)[:79999] + "]"))]),
    plan([("contraindications", T('["maoi", {"x": [1, 2]}]'))]),
    plan([("tried", T("[1e999999, -0, 0.5e-3]"))]),
    plan([("tried", T("  [  ]  junk"))]),
    plan([("tried", T('[97110, "97124"]')), ("pain_weeks", I(20)), ("response", T("inadequate"))]),
    plan([("tried", I(97110)), ("pain_weeks", I(20)), ("response", T("adequate"))]),
    plan([("tried", R("97110.0")), ("pain_weeks", I(20)), ("response", T("adequate"))]),
    plan([("red_flags", T("Fever, CAUDA_EQUINA"))]),
    plan([("red_flags", T("fevers"))]),
    plan([("red_flags", T("1"))]),
    plan([("red_flags", R("1.0"))]),
    plan([("spasm", T("1"))]),
    plan([("spasm", R("0.5"))]),
    plan([("relaxant_days", T("21"))]),
    plan([("relaxant_days", R("21.5"))]),
]:
    compare(group, call)
report(group)

# A grid of patients, as tests/sql/plan_grid.test builds it (every pathway,
# stage and warning), in both engines: 3,456 plans.
group = "recommend_plan, a grid of patients"
grid = itertools.product(
    [NULL, I(2), I(8), I(20)], [NULL, I(0), BOOL(True)], [NULL, ARRAY(["fever"])],
    [NULL, T("severe")], [(NULL, NULL), (I(70), I(1))],
    [NULL, T("yoga"), ARRAY(["yoga", "massage"])],
    [NULL, T("adequate"), T("inadequate")], [NULL, I(22)], [NULL, T("maoi")])
for weeks, spasm, red, hepatic, (age, sero), tried, response, days, contra in grid:
    compare(group, plan([("pain_weeks", weeks), ("spasm", spasm), ("red_flags", red), ("hepatic", hepatic),
                         ("age", age), ("serotonergic", sero), ("tried", tried), ("response", response),
                         ("relaxant_days", days), ("contraindications", contra)]))
report(group)

group = "recommend_plan, preferences and scores"
for call in [
    plan([("pain_weeks", I(20)), ("preferences", T('["acupuncture","Iyengar yoga","massage"]'))]),
    plan([("pain_weeks", I(2)), ("preferences", ARRAY(["nsaid"])), ("spasm", I(1))]),
    plan([("pain_weeks", I(20)), ("tried", T("yoga")), ("pain_baseline", I(10)), ("pain_now", I(7))]),
    plan([("pain_weeks", I(20)), ("tried", T("yoga")), ("pain_baseline", I(10)), ("pain_now", R("7.1"))]),
    plan([("pain_weeks", I(20)), ("tried", T("yoga")), ("pain_baseline", I(10)), ("pain_now", I(5)),
          ("response_threshold", R("0.5"))]),
    plan([("pain_weeks", I(20)), ("tried", T("yoga")), ("pain_baseline", I(10)), ("pain_now", R("5.5")),
          ("response_threshold", R("0.5"))]),
    plan([("pain_weeks", I(20)), ("tried", T("yoga, crystal healing")), ("response", T("adequate"))]),
    plan([("pain_weeks", I(20)), ("spasm", I(1)), ("contraindications", ARRAY(["cardiac"])),
          ("relaxant_days", I(3))]),
    plan([("pain_weeks", I(20)), ("spasm", I(1)), ("hepatic", T("moderate")),
          ("contraindications", T("hyperthyroidism")), ("relaxant_days", I(3))]),
]:
    compare(group, call)
report(group)

# ---- 4. guideline_evidence -------------------------------------------------------

columns = "id, intervention, category, population, comparator, outcome, effect, quality, recommendation, " \
          "statement, source, note"
a = sqlite_query(lite, "SELECT %s FROM guideline_evidence" % columns)
b = pg.query("SELECT %s FROM guideline_evidence" % columns)
tap.ok(a[0] == "rows" and b[0] == "rows" and [tuple(r) for r in a[1]] == [tuple(r) for r in b[1]]
       and len(a[1]) > 40,
       "guideline_evidence: the same %d rows, in the same order, in both engines" % len(a[1] if a[0] == "rows" else []),
       "SQLite: %s\nPostgreSQL: %s" % (outcome_text(a)[:300], outcome_text(b)[:300]))
for column, value in [("intervention", "yoga"), ("quality", "moderate"), ("recommendation", "avoid"),
                      ("category", "pharmacologic"), ("intervention", "no_such")]:
    a = sqlite_query(lite, "SELECT id FROM guideline_evidence WHERE %s = ?" % column, [value])
    b = pg.query("SELECT id FROM guideline_evidence WHERE %s = %%s" % column, [value])
    tap.ok(a == b, "guideline_evidence WHERE %s = '%s': the same %d rows" % (column, value, len(a[1])),
           "SQLite: %r\nPostgreSQL: %r" % (a, b))

# ---- 5. The course functions over a generated table of fills -----------------

# 500 patients, 1 to 12 fills each, from a fixed linear congruential
# sequence; some fills have a NULL start or end, or lie far in the past.
fills = []
x = 2026
for pid in range(1, 501):
    x = (x * 1103515245 + 12345) % 2147483648
    for _ in range(1 + x % 12):
        x = (x * 1103515245 + 12345) % 2147483648
        start = 2460311 + (x // 7) % 200          # Julian days from 2024-01-01
        length = (x // 1733) % 40
        kind = (x // 65536) % 23
        s = None if kind == 0 else start
        e = None if kind == 1 else start + length
        fills.append((len(fills) + 1, pid, s, e))


def iso(julian):
    a_ = julian + 32044
    b_ = (4 * a_ + 3) // 146097
    c_ = a_ - 146097 * b_ // 4
    d_ = (4 * c_ + 3) // 1461
    e_ = c_ - 1461 * d_ // 4
    m_ = (5 * e_ + 2) // 153
    day = e_ - (153 * m_ + 2) // 5 + 1
    month = m_ + 3 - 12 * (m_ // 10)
    year = 100 * b_ + d_ - 4800 + m_ // 10
    return "%04d-%02d-%02d" % (year, month, day)


lite.execute("CREATE TABLE fills(id INTEGER PRIMARY KEY, pid INTEGER, s TEXT, e TEXT)")
lite.executemany("INSERT INTO fills VALUES (?, ?, ?, ?)",
                 [(i, p, None if s is None else iso(s), None if e is None else iso(e)) for i, p, s, e in fills])
pg.run("DROP TABLE IF EXISTS fills")
pg.run("CREATE TABLE fills(id integer PRIMARY KEY, pid integer, s date, e date)")
cursor = pg.conn.cursor()
cursor.executemany("INSERT INTO fills VALUES (%s, %s, %s, %s)",
                   [(i, p, None if s is None else iso(s), None if e is None else iso(e)) for i, p, s, e in fills])
tap.diag("%d fills of 500 patients in both engines" % len(fills))


def compare_rows(name, sqlite_sql, pg_sql, returns):
    a = sqlite_query(lite, sqlite_sql)
    b = pg.query(pg_sql)
    if a[0] == "rows":
        a = ("rows", [tuple(r[:-1]) + (normalise(r[-1], returns),) for r in a[1]])
    if b[0] == "rows":
        b = ("rows", [tuple(r) for r in b[1]])
    same = same_outcome(a, b)
    size = len(a[1]) if a[0] == "rows" else 0
    tap.ok(same and (a[0] == "error" or size > 0),
           "%s: %s" % (name, ("%d rows, the same in both engines" % size) if a[0] == "rows"
                       else "the same error '%s'" % a[2]),
           "SQLite: %s\nPostgreSQL: %s" % (outcome_text(a)[:600], outcome_text(b)[:600]))


def normalise(value, returns):
    from bp_pg import normalise_sqlite
    return normalise_sqlite(value, returns)


AS_OF = "2024-04-15"
for args, label in [("s, e", "defaults"), ("s, e, 0", "gap_days 0"), ("s, e, 29", "gap_days 29"),
                    ("s, e, NULL", "gap_days NULL"), ("s, e, 7, 14", "max_days 14"),
                    ("s, e, 7, 21, '%s'" % AS_OF, "as_of"), ("s, e, NULL, NULL, '%s'" % AS_OF, "as_of, NULLs")]:
    pg_args = args.replace("'%s'" % AS_OF, "DATE '%s'" % AS_OF)
    compare_rows("relaxant_courses(%s) per patient (%s)" % (args, label),
                 "SELECT pid, relaxant_courses(%s) FROM fills GROUP BY pid ORDER BY pid" % args,
                 "SELECT pid, relaxant_courses(%s) FROM fills GROUP BY pid ORDER BY pid" % pg_args, "json")
for args, label in [("s, e", "defaults"), ("s, e, 0", "gap_days 0"), ("s, e, 29", "gap_days 29"),
                    ("s, e, 7, '%s'" % AS_OF, "as_of")]:
    pg_args = args.replace("'%s'" % AS_OF, "DATE '%s'" % AS_OF)
    compare_rows("relaxant_longest_course(%s) per patient (%s)" % (args, label),
                 "SELECT pid, relaxant_longest_course(%s) FROM fills GROUP BY pid ORDER BY pid" % args,
                 "SELECT pid, relaxant_longest_course(%s) FROM fills GROUP BY pid ORDER BY pid" % pg_args, "integer")
    compare_rows("relaxant_course_no(%s) per fill (%s)" % (args, label),
                 "SELECT id, relaxant_course_no(%s) OVER (PARTITION BY pid ORDER BY s, id) FROM fills ORDER BY id"
                 % args,
                 "SELECT id, relaxant_course_no(%s) OVER (PARTITION BY pid ORDER BY s, id) FROM fills ORDER BY id"
                 % pg_args, "integer")
compare_rows("relaxant_courses over every fill, one group",
             "SELECT 0, relaxant_courses(s, e) FROM fills", "SELECT 0, relaxant_courses(s, e) FROM fills", "json")
compare_rows("relaxant_courses over no row", "SELECT 0, relaxant_courses(s, e) FROM fills WHERE pid < 0",
             "SELECT 0, relaxant_courses(s, e) FROM fills WHERE pid < 0", "json")

# Errors of the course functions over rows.
for name, sqlite_sql, pg_sql in [
    ("gap_days differs between rows",
     "SELECT relaxant_courses(s, e, CASE WHEN id % 2 THEN 7 ELSE 8 END) FROM fills WHERE pid = 3",
     "SELECT relaxant_courses(s, e, CASE WHEN id % 2 = 1 THEN 7 ELSE 8 END) FROM fills WHERE pid = 3"),
    ("max_days differs between rows",
     "SELECT relaxant_courses(s, e, 7, CASE WHEN id % 2 THEN 21 ELSE 14 END) FROM fills WHERE pid = 3",
     "SELECT relaxant_courses(s, e, 7, CASE WHEN id % 2 = 1 THEN 21 ELSE 14 END) FROM fills WHERE pid = 3"),
    ("as_of differs between rows",
     "SELECT relaxant_longest_course(s, e, 7, CASE WHEN id % 2 THEN '2024-03-01' ELSE '2024-03-02' END) "
     "FROM fills WHERE pid = 3",
     "SELECT relaxant_longest_course(s, e, 7, CASE WHEN id % 2 = 1 THEN DATE '2024-03-01' ELSE DATE '2024-03-02' END) "
     "FROM fills WHERE pid = 3"),
    ("as_of NULL on some rows only",
     "SELECT relaxant_longest_course(s, e, 7, CASE WHEN id % 2 THEN '2024-03-01' END) FROM fills WHERE pid = 3",
     "SELECT relaxant_longest_course(s, e, 7, CASE WHEN id % 2 = 1 THEN DATE '2024-03-01' END) "
     "FROM fills WHERE pid = 3"),
    ("end before start", "SELECT relaxant_courses(e, s) FROM fills WHERE pid = 3 AND e > s",
     "SELECT relaxant_courses(e, s) FROM fills WHERE pid = 3 AND e > s"),
    ("gap_days -1 on a NULL row",
     "SELECT relaxant_longest_course(s, e, -1) FROM fills WHERE s IS NULL",
     "SELECT relaxant_longest_course(s, e, -1) FROM fills WHERE s IS NULL"),
    ("course_no: descending order",
     "SELECT relaxant_course_no(s, e) OVER (PARTITION BY pid ORDER BY s DESC) FROM fills WHERE pid = 3",
     "SELECT relaxant_course_no(s, e) OVER (PARTITION BY pid ORDER BY s DESC) FROM fills WHERE pid = 3"),
    ("course_no: no ORDER BY",
     "SELECT relaxant_course_no(s, e) OVER () FROM (SELECT * FROM fills WHERE pid = 3 "
     "AND s IS NOT NULL ORDER BY s, id)",
     "SELECT relaxant_course_no(s, e) OVER () FROM (SELECT * FROM fills WHERE pid = 3 "
     "AND s IS NOT NULL ORDER BY s, id) AS f"),
]:
    compare_rows(name, sqlite_sql, pg_sql, "json")

# ---- 6. Every function of bp_functions[] was called, in every arity --------


def uncalled(core, calls):
    """The functions and arities of core with no call in calls ((name, argc)
    pairs); a variadic function needs one call of any arity."""
    names = {name for name, _ in calls}
    return ["%s/%s" % (f.name, n) for f in core for n in f.arities()
            if (f.name not in names if n == "variadic" else (f.name, n) not in calls)]


tap.equal(uncalled(CORE, called), [], "every function of bp_functions[] is called here in every arity "
          "(%d functions)" % len(CORE))
tap.equal(uncalled(CORE, {c for c in called if c[0] != "icd10_class"}), ["icd10_class/1"],
          "control: with the calls of icd10_class left out, the check names it")
tap.equal(uncalled(CORE, {c for c in called if c != ("relaxant_overdue", 3)}), ["relaxant_overdue/3"],
          "control: with relaxant_overdue's 3-argument calls left out, the check names that arity")

tap.ok(pg.crashes == 0, "no PostgreSQL backend crashed during the differential run",
       "%d crashes" % pg.crashes)
tap.done()
