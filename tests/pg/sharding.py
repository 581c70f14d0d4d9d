"""sharding.py: backpain over several PostgreSQL servers with postgres_fdw.

A coordinator (the cluster of tests/pg/run.sh) and two shard servers
(throwaway clusters started here, stopped in a finally): the OMOP table
drug_exposure is hash-partitioned by person_id into two postgres_fdw foreign
partitions, one per shard. Each server has CREATE EXTENSION backpain, and
the foreign servers are created with OPTIONS (extensions 'backpain'), so
postgres_fdw may ship the extension's (immutable) functions.

With enable_partitionwise_aggregate = on, a per-person course query runs on
the shards: EXPLAIN (VERBOSE) shows a Foreign Scan per shard whose Remote
SQL holds the backpain aggregate (and the scalar filter). The answers equal
the single-node answers (the same rows in a local table) and SQLite's (the
same rows in SQLite). A control drops the extensions option from one
server and sees that shard's aggregate come back to the coordinator, with
the same answer. relaxant_course_no, a window function, runs on the
coordinator (PostgreSQL 15 pushes no window function) and still agrees; so
does an aggregate grouped by a key other than person_id (PostgreSQL 15
pushes no partial aggregate: the shards send rows). The plans are printed
as TAP comments (PROVE_FLAGS=-v tests/pg/run.sh tests/pg/sharding.py):
docs/scaling.md quotes them.
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "lib"))
from bp_pg import Pg, Tap, sqlite  # noqa: E402

tap = Tap()
work = os.environ["BACKPAIN_PG_WORKDIR"]
CLUSTER = os.path.join(os.path.dirname(__file__), "cluster.sh")


def cluster(command, name):
    result = subprocess.run(["sh", "-c", '. "$0" && %s "$1" "$2"' % command, CLUSTER, work, name],
                            check=True, capture_output=True, text=True)
    return result.stdout.strip()


COLUMNS = ("drug_exposure_id bigint PRIMARY KEY, person_id bigint NOT NULL, drug_source_value text, "
           "drug_exposure_start_date date NOT NULL, drug_exposure_end_date date, days_supply integer")
DRUGS = ["Cyclobenzaprine HCl 10 MG Oral Tablet", "FLEXERIL 5mg", "Amrix 15 mg ER capsule",
         "methocarbamol 750", "ibuprofen 800 mg", "tizanidine 4 mg", "acetaminophen 500 mg"]

# 2,000 persons, 1 to 9 exposures each, from a fixed linear congruential sequence.
rows = []
x = 77
for person in range(1, 2001):
    x = (x * 1103515245 + 12345) % 2147483648
    for _ in range(1 + x % 9):
        x = (x * 1103515245 + 12345) % 2147483648
        day = (x // 13) % 500
        supply = 5 + (x // 7919) % 30
        end = None if (x // 3) % 31 == 0 else day + supply - 1
        rows.append((len(rows) + 1, person, DRUGS[(x // 101) % len(DRUGS)], day, end, supply))

shards = []
try:
    ports = {}
    for name in ["shard1", "shard2"]:
        ports[name] = cluster("pg_cluster_start", name)
        shards.append(name)
    coordinator = Pg(setup=["CREATE EXTENSION IF NOT EXISTS backpain", "CREATE EXTENSION IF NOT EXISTS postgres_fdw"])
    for i, name in enumerate(["shard1", "shard2"]):
        shard = Pg(host=os.path.join(work, name + ".sock"), port=ports[name], user="postgres")
        shard.run("CREATE EXTENSION backpain")
        shard.run("CREATE TABLE drug_exposure_p%d (%s)" % (i, COLUMNS))
        coordinator.run("DROP SERVER IF EXISTS %s CASCADE" % name)
        coordinator.run("CREATE SERVER %s FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '%s', port '%s', "
                        "dbname 'postgres', extensions 'backpain', fetch_size '10000')"
                        % (name, os.path.join(work, name + ".sock"), ports[name]))
        coordinator.run("CREATE USER MAPPING FOR CURRENT_USER SERVER %s OPTIONS (user 'postgres')" % name)
        shard.conn.close()

    coordinator.run("DROP TABLE IF EXISTS drug_exposure, drug_exposure_local")
    coordinator.run("CREATE TABLE drug_exposure (%s) PARTITION BY HASH (person_id)"
                    % COLUMNS.replace(" PRIMARY KEY", ""))
    for i, name in enumerate(["shard1", "shard2"]):
        coordinator.run("CREATE FOREIGN TABLE drug_exposure_p%d PARTITION OF drug_exposure "
                        "FOR VALUES WITH (MODULUS 2, REMAINDER %d) SERVER %s OPTIONS (table_name 'drug_exposure_p%d')"
                        % (i, i, name, i))
    coordinator.run("CREATE TABLE drug_exposure_local (%s)" % COLUMNS)
    values = [(i, p, d, "2024-01-01", s, e, n) for i, p, d, s, e, n in rows]
    cursor = coordinator.conn.cursor()
    for table in ["drug_exposure", "drug_exposure_local"]:
        cursor.executemany("INSERT INTO %s VALUES (%%s, %%s, %%s, %%s::date + %%s::integer, %%s::date + %%s::integer, %%s)" % table,
                           [(i, p, d, base, s, base, e, n) for i, p, d, base, s, e, n in values])
    coordinator.run("ANALYZE drug_exposure_local")
    for i, name in enumerate(["shard1", "shard2"]):
        count = coordinator.run("SELECT count(*) FROM drug_exposure_p%d" % i)[0][0]
        tap.ok(0 < count < len(rows), "%s holds %d of the %d exposures (hash of person_id)" % (name, count, len(rows)))
    tap.equal(coordinator.run("SELECT count(*) FROM drug_exposure")[0][0], len(rows),
              "the partitioned table holds all %d exposures" % len(rows))

    lite = sqlite()
    lite.execute("CREATE TABLE drug_exposure (%s)" % COLUMNS.replace("bigint", "INTEGER"))
    lite.executemany("INSERT INTO drug_exposure VALUES (?, ?, ?, date('2024-01-01', '+' || ? || ' days'), "
                     "CASE WHEN ? IS NULL THEN NULL ELSE date('2024-01-01', '+' || ? || ' days') END, ?)",
                     [(i, p, d, s, e, e, n) for i, p, d, s, e, n in rows])

    QUERIES = {
        "courses per person":
            "SELECT person_id, relaxant_courses(drug_exposure_start_date, drug_exposure_end_date) "
            "FROM {t} WHERE relaxant_ingredient(drug_source_value) IS NOT NULL GROUP BY person_id",
        "longest course per person, drug_era's 29-day gap, as of 2025-01-01":
            "SELECT person_id, relaxant_longest_course(drug_exposure_start_date, drug_exposure_end_date, 29, "
            "{d}'2025-01-01') FROM {t} WHERE relaxant_ingredient(drug_source_value) = 'cyclobenzaprine' "
            "GROUP BY person_id",
    }

    def pg_answer(sql):
        return sorted((p, c) for p, c in coordinator.run(sql))

    coordinator.run("SET enable_partitionwise_aggregate = on")
    for name, template in QUERIES.items():
        sharded_sql = template.format(t="drug_exposure", d="DATE ")
        plan = "\n".join(r[0] for r in coordinator.run("EXPLAIN (VERBOSE, COSTS OFF) " + sharded_sql))
        remote = [line.strip() for line in plan.splitlines() if "Remote SQL:" in line]
        aggregate = "relaxant_courses(" if "relaxant_courses(" in template else "relaxant_longest_course("
        pushed = [r for r in remote if ("public." + aggregate) in r and "GROUP BY" in r
                  and "public.relaxant_ingredient(" in r]
        foreign = plan.count("Relations: Aggregate on")
        tap.diag("EXPLAIN (VERBOSE, COSTS OFF) %s\n%s" % (sharded_sql, plan))
        tap.ok(len(pushed) == 2 and foreign == 2,
               "%s: the aggregate and the filter run on both shards (Remote SQL)" % name, plan)
        sharded = pg_answer(sharded_sql)
        local = pg_answer(template.format(t="drug_exposure_local", d="DATE "))
        in_sqlite = sorted((p, json.loads(c) if isinstance(c, str) else c)
                           for p, c in lite.execute(template.format(t="drug_exposure", d="")).fetchall())
        tap.ok(len(sharded) > 300 and sharded == local,
               "%s: the sharded answer (%d persons) is the single-node answer" % (name, len(sharded)))
        tap.ok(sharded == in_sqlite, "%s: ... and SQLite's" % name)

    # Grouped by a key other than person_id (the ingredient), no shard holds
    # a whole group, and PostgreSQL 15 pushes no partial aggregate: each
    # shard sends its rows (the filter still runs there) and the coordinator
    # aggregates them. The answer is still the single-node one.
    by_ingredient = ("SELECT relaxant_ingredient(drug_source_value) AS ingredient, "
                     "relaxant_longest_course(drug_exposure_start_date, drug_exposure_end_date) FROM {t} "
                     "WHERE relaxant_ingredient(drug_source_value) IS NOT NULL GROUP BY 1 ORDER BY 1")
    plan = "\n".join(r[0] for r in coordinator.run("EXPLAIN (VERBOSE, COSTS OFF) "
                                                   + by_ingredient.format(t="drug_exposure")))
    tap.diag("EXPLAIN (VERBOSE, COSTS OFF) %s\n%s" % (by_ingredient.format(t="drug_exposure"), plan))
    remote = [line.strip() for line in plan.splitlines() if "Remote SQL:" in line]
    tap.ok(len(remote) == 2 and not any("relaxant_longest_course(" in r or "GROUP BY" in r for r in remote)
           and all("public.relaxant_ingredient(" in r for r in remote),
           "grouped by ingredient: the shards filter and send rows, the coordinator aggregates", plan)
    tap.ok(coordinator.run(by_ingredient.format(t="drug_exposure"))
           == coordinator.run(by_ingredient.format(t="drug_exposure_local")),
           "grouped by ingredient: the single-node answer")

    # Control: without extensions 'backpain', shard2's rows come back to the
    # coordinator and the aggregate runs there; the answer does not change.
    coordinator.run("ALTER SERVER shard2 OPTIONS (DROP extensions)")
    template = QUERIES["courses per person"]
    plan = "\n".join(r[0] for r in coordinator.run("EXPLAIN (VERBOSE, COSTS OFF) "
                                                   + template.format(t="drug_exposure", d="DATE ")))
    remote = [line.strip() for line in plan.splitlines() if "Remote SQL:" in line]
    tap.ok(len(remote) == 2 and sum("relaxant_courses(" in r for r in remote) == 1,
           "control: without the extensions option, shard2 does not get the aggregate", plan)
    tap.diag("without extensions 'backpain' on shard2:\n" + plan)
    tap.equal(pg_answer(template.format(t="drug_exposure", d="DATE ")),
              pg_answer(template.format(t="drug_exposure_local", d="DATE ")), "control: ... with the same answer")
    coordinator.run("ALTER SERVER shard2 OPTIONS (ADD extensions 'backpain')")

    # A window function runs on the coordinator, over rows fetched from the shards.
    window = ("SELECT drug_exposure_id, relaxant_course_no(drug_exposure_start_date, drug_exposure_end_date) "
              "OVER (PARTITION BY person_id ORDER BY drug_exposure_start_date, drug_exposure_id) FROM {t} "
              "WHERE relaxant_ingredient(drug_source_value) IS NOT NULL ORDER BY drug_exposure_id")
    plan = "\n".join(r[0] for r in coordinator.run("EXPLAIN (VERBOSE, COSTS OFF) " + window.format(t="drug_exposure")))
    tap.diag("EXPLAIN (VERBOSE, COSTS OFF) %s\n%s" % (window.format(t="drug_exposure"), plan))
    tap.ok("WindowAgg" in plan and "relaxant_course_no" not in "".join(
        line for line in plan.splitlines() if "Remote SQL:" in line),
        "relaxant_course_no runs on the coordinator (no window function is pushed)", plan)
    sharded = [tuple(r) for r in coordinator.run(window.format(t="drug_exposure"))]
    tap.ok(len(sharded) > 1000 and sharded == [tuple(r) for r in coordinator.run(window.format(t="drug_exposure_local"))]
           and sharded == [tuple(r) for r in lite.execute(window.format(t="drug_exposure")).fetchall()],
           "relaxant_course_no over the shards: the single-node and SQLite numbers (%d exposures)" % len(sharded))
    coordinator.run("RESET enable_partitionwise_aggregate")
    tap.ok(coordinator.crashes == 0, "no backend crashed on the coordinator")
finally:
    for name in shards:
        log = os.path.join(work, name + ".log")
        cluster("pg_cluster_stop", name)
        crashes = [line for line in open(log) if "terminated by signal" in line or "PANIC:" in line]
        tap.ok(not crashes, "%s stopped; no crash in its log" % name, "".join(crashes))
tap.done()
