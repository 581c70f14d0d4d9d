"""parallel.py: the course aggregates in a parallel plan.

With parallel costs lowered, PostgreSQL runs relaxant_longest_course and
relaxant_courses as a Partial Aggregate in each worker under a Gather and a
Finalize Aggregate above it (the plan is read from EXPLAIN's JSON tree, not
from its text), workers are really launched (EXPLAIN ANALYZE), so the
states travel through the serialize, deserialize and combine functions,
and every answer equals the serial plan's: one group over all fills, and
per patient (Partial HashAggregate under Gather). Parameters that differ
between rows seen by different workers are still an error. Partial
aggregation per partition (enable_partitionwise_aggregate) combines one
state per partition deterministically: the answer is right, and states
with different parameters are refused by the combine function.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "lib"))
from bp_pg import Pg, Tap  # noqa: E402

tap = Tap()
db = Pg(setup=["CREATE EXTENSION IF NOT EXISTS backpain"])
db.run("DROP TABLE IF EXISTS pfills")
db.run("""CREATE TABLE pfills AS
  SELECT i AS id, i % 20000 AS pid, DATE '2024-01-01' + ((i::bigint * 7919) % 400)::integer AS s, (i * 31) % 30 AS len
    FROM generate_series(1, 300000) AS g(i)""")
db.run("ANALYZE pfills")

PARALLEL = ["SET parallel_setup_cost = 0", "SET parallel_tuple_cost = 0", "SET min_parallel_table_scan_size = 0",
            "SET max_parallel_workers_per_gather = 2", "SET enable_indexscan = off"]
SERIAL = ["SET max_parallel_workers_per_gather = 0"]

QUERIES = {
    "longest, one group": "SELECT relaxant_longest_course(s, s + len) FROM pfills",
    "courses, one group": "SELECT md5(relaxant_courses(s, s + len, 3)::text), "
                          "jsonb_array_length(relaxant_courses(s, s + len, 3)) FROM pfills",
    "courses with as_of, one group": "SELECT md5(relaxant_courses(s, s + len, 0, 14, DATE '2024-06-30')::text) "
                                     "FROM pfills",
    "per patient": "SELECT count(*), md5(string_agg(pid || ':' || c || ':' || l, ',' ORDER BY pid)) FROM "
                   "(SELECT pid, relaxant_courses(s, s + len)::text AS c, relaxant_longest_course(s, s + len, 29) "
                   "AS l FROM pfills GROUP BY pid) AS g",
}


def session(settings):
    db.run("RESET ALL")
    for s in settings:
        db.run(s)


def plan_nodes(sql, analyze=False):
    """The plan tree as (depth, node type, partial mode, workers launched) tuples."""
    rows = db.run("EXPLAIN (%sFORMAT JSON) %s" % ("ANALYZE, " if analyze else "", sql))
    nodes = []

    def walk(node, depth):
        nodes.append((depth, node["Node Type"], node.get("Partial Mode"), node.get("Workers Launched")))
        for child in node.get("Plans", []):
            walk(child, depth + 1)

    walk(rows[0][0][0]["Plan"], 0)
    return nodes


def partial_under_gather(nodes):
    """A Finalize aggregate, then a Gather (Merge) below it, then a Partial one below that."""
    finalize = [d for d, t, mode, _ in nodes if mode == "Finalize"]
    gather = [d for d, t, _, _ in nodes if t in ("Gather", "Gather Merge")]
    partial = [d for d, t, mode, _ in nodes if mode == "Partial"]
    return bool(finalize and gather and partial and finalize[0] < gather[0] < partial[0])


session(SERIAL)
serial = {name: db.run(sql) for name, sql in QUERIES.items()}
tap.ok(not partial_under_gather(plan_nodes(QUERIES["longest, one group"])),
       "serial session: no parallel plan")
tap.ok(serial["per patient"][0][0] == 20000, "the serial answers cover 20,000 patients")

session(PARALLEL)
for name, sql in QUERIES.items():
    nodes = plan_nodes(sql)
    tap.ok(partial_under_gather(nodes), "%s: Partial Aggregate under Gather, Finalize above" % name,
           "\n".join("%s%s %s" % ("  " * d, t, mode or "") for d, t, mode, _ in nodes))
    analyzed = plan_nodes(sql, analyze=True)
    launched = [w for _, t, _, w in analyzed if t in ("Gather", "Gather Merge")]
    tap.ok(launched and launched[0] and launched[0] >= 1, "%s: %s workers launched" % (name, launched),
           "\n".join(map(str, analyzed)))
    tap.equal(db.run(sql), serial[name], "%s: the parallel answer is the serial one" % name)

# Partial states that disagree on a parameter: combining them is an error.
outcome = db.query("SELECT relaxant_longest_course(s, s + len, CASE WHEN id <= 150000 THEN 7 ELSE 8 END) "
                   "FROM pfills")
prefix = "relaxant_longest_course(): gap_days must be the same on every row of a group, got "
tap.ok(outcome[0] == "error" and outcome[1] == "22023" and outcome[2] in (prefix + "7 and 8", prefix + "8 and 7"),
       "gap_days that differ between rows (and workers): %s" % (outcome[2] if outcome[0] == "error" else outcome))
outcome = db.query("SELECT relaxant_courses(s, s + len, 7, 21, CASE WHEN id <= 150000 THEN DATE '2024-06-01' END) "
                   "FROM pfills")
prefix = "relaxant_courses(): as_of must be the same on every row of a group, got "
tap.ok(outcome[0] == "error" and outcome[2] in (prefix + "2024-06-01 and NULL", prefix + "NULL and 2024-06-01"),
       "as_of given on some rows only: %s" % (outcome[2] if outcome[0] == "error" else outcome))

# Partial aggregation per partition (no workers): the combine function
# merges one state per partition, deterministically. Fills i = 1..1000 start
# on 2024-01-01 + i and last 4 days, alternately in two partitions: one
# course of 1,003 days, whose states interleave when they are combined.
db.run("RESET ALL")
db.run("DROP TABLE IF EXISTS parted")
db.run("CREATE TABLE parted(k integer, s date, e date) PARTITION BY LIST (k)")
db.run("CREATE TABLE parted1 PARTITION OF parted FOR VALUES IN (1)")
db.run("CREATE TABLE parted2 PARTITION OF parted FOR VALUES IN (2)")
db.run("INSERT INTO parted SELECT 1 + i % 2, DATE '2024-01-01' + i, DATE '2024-01-01' + i + 3 "
       "FROM generate_series(1, 1000) AS g(i)")
db.run("ANALYZE parted")
db.run("SET enable_partitionwise_aggregate = on")
nodes = plan_nodes("SELECT relaxant_longest_course(s, e) FROM parted")
tap.ok([t for _, t, mode, _ in nodes if mode == "Partial"] == ["Aggregate", "Aggregate"]
       and nodes[0][2] == "Finalize", "partitionwise: a Partial Aggregate per partition, combined by Finalize",
       "\n".join(map(str, nodes)))
tap.equal(db.run("SELECT relaxant_longest_course(s, e), jsonb_array_length(relaxant_courses(s, e)) FROM parted"),
          [(1003, 1)], "partitionwise: one course of 1,003 days from the two interleaved states")
tap.equal(db.query("SELECT relaxant_longest_course(s, e, CASE k WHEN 1 THEN 7 ELSE 8 END) FROM parted"),
          ("error", "22023", "relaxant_longest_course(): gap_days must be the same on every row of a group, "
                             "got 7 and 8"),
          "partitionwise: states whose gap_days differ cannot be combined")
tap.equal(db.query("SELECT relaxant_courses(s, e, 7, CASE k WHEN 1 THEN 21 ELSE 14 END) FROM parted"),
          ("error", "22023", "relaxant_courses(): max_days must be the same on every row of a group, "
                             "got 21 and 14"),
          "partitionwise: states whose max_days differ cannot be combined")
tap.equal(db.query("SELECT relaxant_courses(s, e, 7, 21, CASE k WHEN 1 THEN DATE '2024-06-01' END) FROM parted"),
          ("error", "22023", "relaxant_courses(): as_of must be the same on every row of a group, "
                             "got 2024-06-01 and NULL"),
          "partitionwise: a state with as_of and one without cannot be combined")

db.run("RESET ALL")
tap.ok(db.crashes == 0, "no backend crashed")
tap.done()
