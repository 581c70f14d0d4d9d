#!/bin/sh
# tests/pg/load_cohort.sh: loads a cohort written by build/gen_cohort (a
# SQLite file) into the PostgreSQL database that PGHOST, PGPORT, PGUSER and
# PGDATABASE name, as tables of sql/postgres/cohort_tables.sql (OMOP's
# PostgreSQL types: dates date, ids integer, numbers numeric), then builds
# an index on person_id per table, as the generator does in SQLite, and
# runs ANALYZE. Used by tests/pg/reports.py, make demo-pg and make bench-pg.
#
#   tests/pg/load_cohort.sh COHORT.db [TABLE...]    (default: all five)
#
# Each table goes through the sqlite3 shell's CSV output into COPY, with no
# text in between: SQLite writes NULL as an empty field and the empty
# string as "", which COPY's CSV format reads back as NULL and ''. Dates
# are SQLite's text YYYY-MM-DD, which COPY reads the same under any
# DateStyle. Fails (exit 1) on the first error.
set -eu
[ "$#" -ge 1 ] || { echo "usage: $0 COHORT.db [TABLE...]" >&2; exit 2; }
db=$1
shift
here=$(dirname "$0")
tables=${*:-person condition_occurrence drug_exposure procedure_occurrence observation}
psql="psql -X -q -v ON_ERROR_STOP=1"

# Only the tables asked for, from the one DDL file.
$psql -c "SET client_min_messages = warning" -c "DROP TABLE IF EXISTS $(echo "$tables" | tr ' ' '\n' | sed '/^$/d' | paste -sd, -)"
awk -v want=" $tables " '
  /^CREATE TABLE / { name = $3; keep = index(want, " " name " ") > 0 }
  keep { print }
  /^\);/ { keep = 0 }' "$here/../../sql/postgres/cohort_tables.sql" | $psql -f -

for table in $tables; do
  columns=$(sqlite3 "$db" "SELECT group_concat(name, ', ') FROM pragma_table_info('$table')")
  sqlite3 -csv -noheader "$db" "SELECT $columns FROM $table" |
    $psql -c "COPY $table ($columns) FROM STDIN (FORMAT csv)"
  if [ "$table" != person ]; then
    $psql -c "CREATE INDEX ${table}_person_id ON $table (person_id)"
  fi
  $psql -c "ANALYZE $table"
done
