#!/bin/sh
# cohort.sh: the synthetic cohort generator (fixtures/gen_cohort.c).
# Planted patients give their hand-worked answers (fixtures/
# planted_expected.sql) on a generated cohort and on the committed one; the
# same seed gives the same bytes; the committed fixture is exactly what the
# generator writes; bad parameters are refused with a clear message.
set -u
gen=${GEN_COHORT:-build/gen_cohort}
ext=${BACKPAIN_EXT:-dist/backpain}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
. tests/support/tap.sh
planted_check() { # db
  sqlite3 "$1" ".load $ext" ".read fixtures/planted_expected.sql" ".read fixtures/check_planted.sql" 2>&1
}

"$gen" --patients 2000 --seed 7 --out "$dir/a.db" && "$gen" --patients 2000 --seed 7 --out "$dir/b.db"
cmp -s "$dir/a.db" "$dir/b.db"
result "the same seed gives the same database bytes" $?
"$gen" --patients 2000 --seed 7 --sql > "$dir/a.sql" && "$gen" --patients 2000 --seed 7 --sql > "$dir/b.sql"
cmp -s "$dir/a.sql" "$dir/b.sql"
result "the same seed gives the same SQL text" $?
"$gen" --patients 2000 --seed 8 --sql > "$dir/c.sql"
cmp -s "$dir/a.sql" "$dir/c.sql"
[ $? -ne 0 ]
result "another seed gives other data" $?

out=$(planted_check "$dir/a.db")
[ -z "$out" ]
result "planted patients: every hand-worked answer holds on 2,000 patients (seed 7)" $? "$out"

# The benchmark's two audits (tests/bench/bench_cohort.c: the relaxant_course
# view against a plain-SQL gaps-and-islands query) agree, open fills
# included, so that make bench compares answers that are the same.
open=$(sqlite3 "$dir/a.db" ".load $ext" ".read sql/views.sql" \
  "SELECT count(*) FROM relaxant_fill WHERE status = 'open'")
out=$(BACKPAIN_EXT=$ext ${BENCH_COHORT:-build/rel/bench/bench_cohort} --agree "$dir/a.db" 2>&1)
rc=$?
[ "$rc" = 0 ] && [ "${open:-0}" -gt 0 ]
result "bench_cohort's audits agree on 2,000 patients (seed 7), $open open fills among them" $? "$out"

sqlite3 "$dir/small.db" < fixtures/cohort_small.sql
out=$(planted_check "$dir/small.db")
[ -z "$out" ]
result "planted patients: every hand-worked answer holds on the committed cohort" $? "$out"
count=$(sqlite3 "$dir/small.db" "select count(*) from person")
[ "$count" = 300 ]
result "the committed cohort has 300 patients" $? "got $count"

"$gen" --patients 300 --seed 42 --sql > "$dir/small.sql"
cmp -s "$dir/small.sql" fixtures/cohort_small.sql
result "fixtures/cohort_small.sql is what the generator writes for --patients 300 --seed 42" $?

for args in "--patients 0 --seed 1 --sql" "--patients 10 --seed -1 --sql" "--patients 1e3 --seed 1 --sql" \
            "--patients 10 --sql" "--patients 10 --seed 1" "--patients 10 --seed 1 --sql --out $dir/x.db" \
            "--patients 10 --seed 1 --out $dir/a.db" "--colour blue"; do
  msg=$("$gen" $args 2>&1 >/dev/null)
  rc=$?
  case "$msg" in
    "gen_cohort: "*) good=1 ;;
    *) good=0 ;;
  esac
  [ "$rc" = 2 ] && [ "$good" = 1 ] && [ "$(printf '%s\n' "$msg" | wc -l)" = 1 ]
  result "refused with one clear line and exit 2: $args" $? "exit $rc: $msg"
done

tap_done
