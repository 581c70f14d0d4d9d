#!/usr/bin/python3
"""python_client.py: backpain from Python's sqlite3 module (the system
/usr/bin/python3, whose sqlite3 module can load extensions). Reports TAP.

Checks loading by the path without suffix, as the contract says, one
function of each kind with parameters bound from Python, the virtual
table, errors surfacing as sqlite3.OperationalError with the contract's
message, and a plan parsed with the json module.
"""
import json
import os
import sqlite3
import sys

tests = 0
failed = 0


def ok(condition, name, detail=""):
    global tests, failed
    tests += 1
    if not condition:
        failed += 1
    print(("ok" if condition else "not ok") + f" {tests} - {name}")
    if not condition and detail:
        print(f"#   {detail}")


ext = os.environ.get("BACKPAIN_EXT", "dist/backpain")
db = sqlite3.connect(":memory:")
db.enable_load_extension(True)
db.load_extension(ext)
db.enable_load_extension(False)
ok(True, f"load_extension({ext!r}) with SQLite {sqlite3.sqlite_version}")

version = db.execute("select backpain_version()").fetchone()[0]
with open("VERSION") as f:
    ok(version == f.read().strip(), "backpain_version() matches VERSION", version)

row = db.execute("select relaxant_days(?, ?), relaxant_end(?, ?)",
                 ("2024-01-01", "2024-01-21", "2024-02-20", 10)).fetchone()
ok(row == (21, "2024-02-29"), "scalars with bound parameters", repr(row))

db.execute("create table fills(pid, s, e)")
db.executemany("insert into fills values (?, ?, ?)", [
    (1, "2024-01-31", "2024-02-13"), (1, "2024-01-01", "2024-01-14"),
    (1, "2024-01-17", "2024-01-30"), (2, "2024-01-01", "2024-01-21")])
rows = db.execute("select pid, relaxant_longest_course(s, e) from fills "
                  "group by pid order by pid").fetchall()
ok(rows == [(1, 44), (2, 21)], "aggregate per patient", repr(rows))

courses = json.loads(db.execute(
    "select relaxant_courses(s, e) from fills where pid = 1").fetchone()[0])
ok(courses == [{"start": "2024-01-01", "end": "2024-02-13", "span_days": 44,
                "covered_days": 42, "fills": 3, "overdue": True}],
   "relaxant_courses parses as JSON", repr(courses))

labels = [r[0] for r in db.execute(
    "select relaxant_course_no(s, e) over (partition by pid order by s) "
    "from fills order by pid, s")]
ok(labels == [1, 1, 1, 1], "window function", repr(labels))

ids = [r[0] for r in db.execute(
    "select id from guideline_evidence where recommendation = ? order by id", ("avoid",))]
ok("tens_vs_sham" in ids and "lumbar_support_no_benefit" in ids,
   "virtual table with a bound constraint", repr(ids))

plan = json.loads(db.execute(
    "select recommend_plan('pain_weeks', ?, 'spasm', ?, 'tried', ?)",
    (20, 1, json.dumps(["yoga", "heating pad"]))).fetchone()[0])
# F tried, response not given: begin, continue what was tried in the listed
# order (heat_therapy before yoga), then the relaxant rule's consider step.
steps = [(s["action"], s["intervention"]) for s in plan["steps"]]
ok(plan["pathway"] == "chronic_nonspecific" and plan["stage"] == "begin"
   and plan["warnings"] == ["response_unknown"]
   and steps == [("continue", "heat_therapy"), ("continue", "yoga"),
                 ("consider", "muscle_relaxant"), ("avoid", "lumbar_support"),
                 ("avoid", "tens")],
   "recommend_plan with a JSON list from Python", repr(steps))

try:
    db.execute("select relaxant_overdue('2024-02-01', '2024-01-01')").fetchone()
    ok(False, "an error is raised")
except sqlite3.OperationalError as error:
    ok(str(error) == "relaxant_overdue(): end date 2024-01-01 is before start date 2024-02-01",
       "errors arrive as OperationalError with the contract's message", str(error))

db.close()
print(f"1..{tests}")
sys.exit(1 if failed else 0)
