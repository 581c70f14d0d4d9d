#!/bin/sh
# tests/pg/demo.sh: what `make demo-pg` runs: the reports of sql/postgres/
# over a generated cohort, in PostgreSQL. Starts a throwaway cluster under
# /tmp (tests/pg/cluster.sh: its own socket directory and port, no TCP,
# never the system cluster), creates the extension, loads the cohort
# (tests/pg/load_cohort.sh) and runs sql/postgres/demo.sql in psql. The
# cluster is stopped and removed on any exit.
#
#   tests/pg/demo.sh COHORT.db
set -eu
[ "$#" -eq 1 ] || { echo "usage: $0 COHORT.db" >&2; exit 2; }
cd "$(dirname "$0")/../.."
. tests/pg/cluster.sh

work=$(pg_workdir)
cleanup() {
  pg_cluster_stop "$work" demo
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=$(pg_cluster_start "$work" demo)
PGHOST="$work/demo.sock"
PGPORT=$port
PGUSER=postgres
PGDATABASE=postgres
export PGHOST PGPORT PGUSER PGDATABASE
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION backpain"
echo "# loading $1 into PostgreSQL $(psql -XAtc 'SHOW server_version') (port $port)"
tests/pg/load_cohort.sh "$1"
psql -X -q -v ON_ERROR_STOP=1 -f sql/postgres/demo.sql
