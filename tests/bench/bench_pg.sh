#!/bin/sh
# tests/bench/bench_pg.sh: what `make bench-pg` runs. The PostgreSQL
# benchmarks (tests/bench/bench_pg.py: figures, no assertions) over a cohort
# of build/gen_cohort, loaded once into three clusters kept under
# build/bench/pg-<cohort name>/: a single node (main, which is also the
# coordinator) and two postgres_fdw shard servers (shard1, shard2), set up as
# tests/pg/sharding.py sets them up. The clusters are started for the run
# (own socket directories, ports from tests/pg/cluster.sh, no TCP) and
# stopped on any exit; their data stays, so the next run skips the load
# (delete the directory to load again). How long the load took is kept in
# its file load.txt and printed by every run.
#
#   tests/bench/bench_pg.sh build/bench/cohort_1000000.db
set -eu
[ "$#" -eq 1 ] || { echo "usage: $0 COHORT.db" >&2; exit 2; }
cohort=$1
cd "$(dirname "$0")/../.."
. tests/pg/cluster.sh

dir="$PWD/build/bench/pg-$(basename "$cohort" .db)"
mkdir -p "$dir"
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
nodes="main shard1 shard2"
cleanup() {
  for node in $nodes; do pg_cluster_stop "$dir" "$node"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Settings for a benchmark on a small shared machine: the defaults, except
# enough memory for the per-person hash tables and no JIT (it would add
# compile time that depends on the query, not on backpain).
for node in $nodes; do
  port=$(pg_cluster_start "$dir" "$node" "shared_buffers=1GB" "jit=off")
  eval "port_$node=$port"
done
export PGUSER=postgres PGDATABASE=postgres PGOPTIONS="-c client_min_messages=warning"
main="-h $dir/main.sock -p $port_main"

if [ ! -f "$dir/load.txt" ]; then
  start=$(date +%s)
  for node in $nodes; do
    eval "psql -X -q -v ON_ERROR_STOP=1 -h $dir/$node.sock -p \$port_$node -c 'CREATE EXTENSION IF NOT EXISTS backpain'"
  done
  PGHOST="$dir/main.sock" PGPORT=$port_main tests/pg/load_cohort.sh "$cohort" drug_exposure
  loaded=$(date +%s)
  # The usable relaxant fills (status ok in sql/postgres/views.sql: a
  # start, an end or a days supply, the end not before the start), the
  # input of every benchmark query.
  psql -X -q -v ON_ERROR_STOP=1 $main <<'SQL'
DROP TABLE IF EXISTS relaxant_fill;
CREATE TABLE relaxant_fill AS
SELECT d.person_id, d.drug_exposure_start_date AS start_date,
       coalesce(d.drug_exposure_end_date,
                relaxant_end(d.drug_exposure_start_date, d.days_supply)) AS end_date
  FROM drug_exposure AS d
 CROSS JOIN LATERAL (SELECT relaxant_ingredient(d.drug_source_value) AS ingredient OFFSET 0) AS r
 WHERE r.ingredient IS NOT NULL AND d.drug_exposure_start_date IS NOT NULL
   AND (d.drug_exposure_end_date IS NOT NULL OR d.days_supply >= 1)
   AND coalesce(d.drug_exposure_end_date, d.drug_exposure_start_date) >= d.drug_exposure_start_date;
VACUUM ANALYZE relaxant_fill;
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
DROP TABLE IF EXISTS relaxant_fill_sharded;
CREATE TABLE relaxant_fill_sharded (person_id integer, start_date date, end_date date)
  PARTITION BY HASH (person_id);
SQL
  filled=$(date +%s)
  # The shards: each gets its hash partition of relaxant_fill, copied
  # straight from main (COPY out, COPY in), and is a foreign partition of
  # relaxant_fill_sharded on main.
  i=0
  for shard in shard1 shard2; do
    eval "shard_port=\$port_$shard"
    shard_psql="psql -X -q -v ON_ERROR_STOP=1 -h $dir/$shard.sock -p $shard_port"
    $shard_psql -c "DROP TABLE IF EXISTS relaxant_fill_p$i" \
      -c "CREATE TABLE relaxant_fill_p$i (person_id integer, start_date date, end_date date)"
    psql -X -q -v ON_ERROR_STOP=1 $main -c "COPY (SELECT * FROM relaxant_fill WHERE
        satisfies_hash_partition('relaxant_fill_sharded'::regclass, 2, $i, person_id)) TO STDOUT" |
      $shard_psql -c "COPY relaxant_fill_p$i FROM STDIN"
    $shard_psql -c "VACUUM ANALYZE relaxant_fill_p$i"
    i=$((i + 1))
  done
  end=$(date +%s)
  {
    echo "cohort: $cohort"
    echo "drug_exposure loaded into main (tests/pg/load_cohort.sh, with its index and ANALYZE): $((loaded - start)) s"
    echo "relaxant_fill built on main (one relaxant_ingredient call per drug row): $((filled - loaded)) s"
    echo "relaxant_fill copied to the two shards (COPY out and in, VACUUM ANALYZE): $((end - filled)) s"
    echo "loaded on $(date -u +%Y-%m-%d) in $((end - start)) s in all"
  } > "$dir/load.txt"
fi
cat "$dir/load.txt"

# The foreign servers name the shards' sockets and ports of this run.
i=0
for shard in shard1 shard2; do
  eval "shard_port=\$port_$shard"
  psql -X -q -v ON_ERROR_STOP=1 $main <<SQL
SET client_min_messages = warning;
DROP SERVER IF EXISTS $shard CASCADE;
CREATE SERVER $shard FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS (host '$dir/$shard.sock', port '$shard_port', dbname 'postgres',
           extensions 'backpain', fetch_size '10000', async_capable 'true');
CREATE USER MAPPING FOR CURRENT_USER SERVER $shard OPTIONS (user 'postgres');
CREATE FOREIGN TABLE relaxant_fill_p$i PARTITION OF relaxant_fill_sharded
  FOR VALUES WITH (MODULUS 2, REMAINDER $i) SERVER $shard OPTIONS (table_name 'relaxant_fill_p$i');
SQL
  i=$((i + 1))
done

PGHOST="$dir/main.sock" PGPORT=$port_main /usr/bin/python3 tests/bench/bench_pg.py
