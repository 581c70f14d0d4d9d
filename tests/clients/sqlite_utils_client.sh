#!/bin/sh
# sqlite_utils_client.sh: backpain from sqlite-utils (Debian's package),
# which loads it with --load-extension. Reports TAP. Covers a query on an
# in-memory database, a file built with `sqlite-utils insert` from CSV, a
# view created with `sqlite-utils create-view` that uses the functions, and
# an error surfacing with the contract's message. Without sqlite-utils on
# PATH it reports "skipped: sqlite-utils not installed" (make deps-clients).
set -u
ext=${BACKPAIN_EXT:-dist/backpain}
. tests/support/tap.sh
command -v sqlite-utils >/dev/null 2>&1 || skip_all "sqlite-utils not installed (make deps-clients)"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
check() { # name, got, want
  [ "$2" = "$3" ]
  result "$1" $? "got:  $2
want: $3"
}

got=$(sqlite-utils memory "select relaxant_days('2024-01-01', '2024-01-21') as days, backpain_version() = '$(cat VERSION)' as same_version" --load-extension "$ext" 2>&1)
check "a query on an in-memory database" "$got" '[{"days": 21, "same_version": 1}]'

printf 'pid,s,e,drug\n1,2024-01-31,2024-02-13,FLEXERIL 10mg\n1,2024-01-01,2024-01-14,Cyclobenzaprine HCl 10 MG Oral Tablet\n1,2024-01-17,2024-01-30,cyclobenzaprine 10 mg tab\n2,2024-03-01,2024-03-10,ibuprofen 800 mg\n' > "$dir/fills.csv"
sqlite-utils insert "$dir/cohort.db" fills "$dir/fills.csv" --csv --detect-types >/dev/null 2>&1
got=$(sqlite-utils query "$dir/cohort.db" "select pid, relaxant_longest_course(s, e) as longest from fills where relaxant_ingredient(drug) is not null group by pid" --load-extension "$ext" 2>&1)
check "an aggregate over a table inserted from CSV" "$got" '[{"pid": 1, "longest": 44}]'

sqlite-utils create-view "$dir/cohort.db" relaxant_audit "select pid, relaxant_ingredient(drug) as ingredient, relaxant_overdue(s, e) as overdue from fills" >/dev/null 2>&1
got=$(sqlite-utils query "$dir/cohort.db" "select * from relaxant_audit order by pid, ingredient" --load-extension "$ext" --csv 2>&1 | tr -d "\r")
want=$(printf 'pid,ingredient,overdue\n1,cyclobenzaprine,0\n1,cyclobenzaprine,0\n1,cyclobenzaprine,0\n2,,0')
check "a view created by create-view, queried with the extension" "$got" "$want"

got=$(sqlite-utils rows "$dir/cohort.db" relaxant_audit --load-extension "$ext" --csv 2>&1 | wc -l)
check "sqlite-utils rows reads the view" "$got" "5"

got=$(sqlite-utils memory "select relaxant_overdue('2024-02-01', '2024-01-01')" --load-extension "$ext" 2>&1; echo "exit $?")
case "$got" in
  *"relaxant_overdue(): end date 2024-01-01 is before start date 2024-02-01"*"exit 1") ok=yes ;;
  *) ok=no ;;
esac
check "an error reaches the user with the contract's message" "$ok" "yes"

tap_done
