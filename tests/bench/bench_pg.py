"""bench_pg.py: relaxant_longest_course per person in PostgreSQL, against
what an analyst could write instead. Figures only, no assertions; run by
tests/bench/bench_pg.sh (make bench-pg), which sets up the clusters and the
tables: relaxant_fill (person_id, start_date, end_date: the usable relaxant
fills of the cohort) on one node, and relaxant_fill_sharded, the same rows
hash-partitioned by person_id into two postgres_fdw foreign partitions.

Every query gives one row per person and is timed inside a wrapper that
returns one line (count and sum of the per-person values), so no client
transfer is measured. One client process, one backend (plus its parallel
workers or the shards' backends where the plan has them). Each query runs
once to warm the caches, then ROUNDS times in turn with the others; the
figure is the median, and ratios are of medians from the same run. Before
timing, the per-person answers of the extension and of plain SQL are
compared (they must agree, or the figures mean nothing).

  (a) relaxant_longest_course against the gaps-and-islands query in plain SQL
  (b) relaxant_longest_course against the scan-and-group floor, max(end_date)
  (c) the serial plan against a parallel plan (2 workers requested)
  (d) one node against two postgres_fdw shards (partitionwise aggregate)
"""
import os
import platform
import statistics
import time

import psycopg2

ROUNDS = int(os.environ.get("BENCH_PG_ROUNDS", "5"))

EXTENSION = ("SELECT person_id, relaxant_longest_course(start_date, end_date) AS v "
             "FROM {table} GROUP BY person_id")
# The gaps-and-islands query: a fill starts a new course when it starts more
# than 7 uncovered days after the latest end so far (start - end - 1 > 7);
# a course's span is its last end - its first start + 1.
PLAIN_SQL = """
WITH ordered AS (
  SELECT person_id, start_date, end_date,
         max(end_date) OVER (PARTITION BY person_id ORDER BY start_date, end_date
                             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS latest_end
    FROM {table}),
numbered AS (
  SELECT person_id, start_date, end_date,
         count(*) FILTER (WHERE latest_end IS NULL OR start_date - latest_end - 1 > 7)
           OVER (PARTITION BY person_id ORDER BY start_date, end_date ROWS UNBOUNDED PRECEDING) AS course
    FROM ordered),
courses AS (
  SELECT person_id, max(end_date) - min(start_date) + 1 AS span
    FROM numbered GROUP BY person_id, course)
SELECT person_id, max(span) AS v FROM courses GROUP BY person_id"""
FLOOR = "SELECT person_id, max(end_date) - DATE '2000-01-01' AS v FROM {table} GROUP BY person_id"

SERIAL = ["SET max_parallel_workers_per_gather = 0"]
PARALLEL = ["SET max_parallel_workers_per_gather = 2", "SET parallel_setup_cost = 0",
            "SET parallel_tuple_cost = 0", "SET min_parallel_table_scan_size = 0"]
SHARDED = SERIAL + ["SET enable_partitionwise_aggregate = on"]

CASES = [
    # name, per-person query, table, session settings
    ("extension", EXTENSION, "relaxant_fill", SERIAL),
    ("plain SQL gaps-and-islands", PLAIN_SQL, "relaxant_fill", SERIAL),
    ("floor max(end_date)", FLOOR, "relaxant_fill", SERIAL),
    ("extension, parallel plan", EXTENSION, "relaxant_fill", PARALLEL),
    ("extension, two shards", EXTENSION, "relaxant_fill_sharded", SHARDED),
]

conn = psycopg2.connect(dbname=os.environ.get("PGDATABASE", "postgres"))
conn.autocommit = True
cur = conn.cursor()


def session(settings):
    cur.execute("RESET ALL")
    cur.execute("SET work_mem = '256MB'")
    for s in settings:
        cur.execute(s)


def wrapped(query, table):
    return "SELECT count(*), sum(v) FROM (%s) AS per_person" % query.format(table=table)


def plan_summary(query, table):
    cur.execute("EXPLAIN (VERBOSE, COSTS OFF) " + wrapped(query, table))
    lines = [r[0] for r in cur.fetchall()]
    keep = [l.rstrip() for l in lines if "->" in l or l == lines[0] or "Remote SQL" in l]
    return keep


cur.execute("SELECT count(*), count(DISTINCT person_id) FROM relaxant_fill")
fills, persons = cur.fetchone()
cur.execute("SELECT count(*) FROM drug_exposure")
drug_rows = cur.fetchone()[0]
cur.execute("SHOW server_version")
version = cur.fetchone()[0]
print("# bench_pg: PostgreSQL %s, %s, %d CPUs (os.cpu_count), shared with other work"
      % (version, platform.machine(), os.cpu_count()))
print("# drug_exposure: %d rows; relaxant_fill: %d usable relaxant fills of %d persons" % (drug_rows, fills, persons))
print("# work_mem 256MB in every session; %d timed rounds after one warm-up; medians" % ROUNDS)

# The per-person answers agree: the extension, plain SQL, sharded, parallel.
answers = {}
for name, query, table, settings in CASES:
    if query is FLOOR:
        continue
    session(settings)
    cur.execute("SELECT count(*), md5(string_agg(person_id || ':' || v, ',' ORDER BY person_id)) FROM (%s) AS p"
                % query.format(table=table))
    answers[name] = cur.fetchone()
same = len(set(answers.values())) == 1
print("# per-person answers identical (extension, plain SQL, parallel, sharded): %s %s"
      % ("yes" if same else "NO", answers if not same else list(answers.values())[0]))

for name, query, table, settings in CASES:
    session(settings)
    print("# plan, %s:" % name)
    for line in plan_summary(query, table):
        print("#   " + line[:160])

times = {name: [] for name, _, _, _ in CASES}
for round_no in range(ROUNDS + 1):
    for name, query, table, settings in CASES:
        session(settings)
        sql = wrapped(query, table)
        started = time.perf_counter()
        cur.execute(sql)
        cur.fetchall()
        elapsed = time.perf_counter() - started
        if round_no > 0:
            times[name].append(elapsed)

median = {name: statistics.median(t) for name, t in times.items()}
for name, _, _, _ in CASES:
    print("%-32s median %7.3f s  (min %.3f, max %.3f)" % (name, median[name], min(times[name]), max(times[name])))
ext = median["extension"]
print("(a) plain SQL gaps-and-islands / extension:  %.2fx  (goal: at least 5x)"
      % (median["plain SQL gaps-and-islands"] / ext))
print("(b) extension / floor max(end_date):          %.2fx  (goal: at most 1.5x)" % (ext / median["floor max(end_date)"]))
print("(c) serial / parallel plan:                   %.2fx" % (ext / median["extension, parallel plan"]))
print("(d) one node / two shards:                    %.2fx" % (ext / median["extension, two shards"]))
