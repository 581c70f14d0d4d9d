#!/bin/sh
# tests/pg/run.sh: the PostgreSQL tests (make test-pg), against the
# extension installed by `make pg-install` and the SQLite build
# dist/backpain.so (the differential tests run both).
#
# Starts one throwaway cluster under /tmp (tests/pg/cluster.sh: its own
# data, socket directory and a port in 55400-55499, or the 100 from
# $BACKPAIN_PG_PORT_BASE; no TCP), runs every test
# of tests/pg through prove with PGHOST/PGPORT/PGUSER set, and last
# tests/pg/server_log.sh, which fails if any backend crashed. The cluster is
# stopped and its directory removed on any exit (KEEP_PG=1 keeps the
# directory, for its logs). Tests that need more servers start them with
# tests/pg/cluster.sh under $BACKPAIN_PG_WORKDIR and stop them themselves.
set -eu
cd "$(dirname "$0")/../.."
. tests/pg/cluster.sh

work=$(pg_workdir)
cleanup() {
  for pid_file in "$work"/*/postmaster.pid; do
    [ -f "$pid_file" ] && pg_cluster_stop "$work" "$(basename "$(dirname "$pid_file")")"
  done
  if [ "${KEEP_PG:-0}" = 1 ]; then echo "# kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A locale whose decimal separator is a comma (built by the Makefile into
# build/locale), where the postgres user can read it: the settings test
# sets lc_numeric to it.
if [ -d build/locale ]; then
  cp -r build/locale "$work/locale"
  chmod -R a+rX "$work/locale"
  LOCPATH="$work/locale"
  export LOCPATH
fi

port=$(pg_cluster_start "$work" main)
PGHOST="$work/main.sock"
PGPORT=$port
PGUSER=postgres
PGDATABASE=postgres
BACKPAIN_PG_LOG=$(pg_cluster_log "$work" main)
BACKPAIN_PG_WORKDIR=$work
BACKPAIN_EXT=${BACKPAIN_EXT:-dist/backpain}
PYTHONDONTWRITEBYTECODE=1
export PGHOST PGPORT PGUSER PGDATABASE BACKPAIN_PG_LOG BACKPAIN_PG_WORKDIR BACKPAIN_EXT PYTHONDONTWRITEBYTECODE
echo "# PostgreSQL $(psql -XAtc 'SHOW server_version'), cluster $work/main, port $port"

tests="tests/pg/surface.py tests/pg/differential.py tests/pg/pg_only.py tests/pg/binding.py tests/pg/window.py
       tests/pg/settings.py tests/pg/parallel.py tests/pg/sharding.py tests/pg/reports.py"
if [ "$#" -gt 0 ]; then tests="$*"; fi
status=0
# shellcheck disable=SC2086
prove ${PROVE_FLAGS:-} --exec tests/run $tests tests/pg/server_log.sh || status=$?
exit "$status"
