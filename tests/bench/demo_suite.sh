#!/bin/sh
# demo_suite.sh: the whole `make demo` report suite (sql/demo.sql: every
# report of sql/) over one generated cohort, with this checkout and with an
# earlier revision of backpain built beside it, in the same sqlite3 shell.
# Figures only, nothing asserted.
#
#   tests/bench/demo_suite.sh [REVISION] [PATIENTS] [LIMIT_SECONDS]
#
# REVISION defaults to 152f377 (the last revision before the matcher and the
# call layer); PATIENTS to 1000000; LIMIT_SECONDS (default 3600) stops a run
# that takes longer, which is then reported as "more than LIMIT_SECONDS"
# (the baseline's plan reports grow with the square of the cohort). The cohort is build/bench/cohort_<N>.db
# (make bench makes the same file: gen_cohort --seed 1), generated once by
# this checkout's generator, so both revisions read the same rows. Each
# revision runs its own extension and its own sql/ files, twice; the faster
# wall-clock time counts (the machine is shared). Output of both runs is
# kept under build/bench/demo_suite/ for comparison by eye.
set -eu
rev=${1:-152f377}
patients=${2:-1000000}
limit=${3:-3600}
root=$(pwd)
out=build/bench/demo_suite
mkdir -p "$out"
db=build/bench/cohort_$patients.db
make -s build/gen_cohort
[ -f "$db" ] || build/gen_cohort --patients "$patients" --seed 1 --out "$db"

# Both revisions are checked out and built apart (this checkout as its
# committed HEAD), so that work in the checkout cannot change a run.
base=$(mktemp -d)
trap 'git worktree remove --force "$base/tree" >/dev/null 2>&1;
      git worktree remove --force "$base/head" >/dev/null 2>&1; rm -rf "$base"' EXIT
git worktree add -q --detach "$base/tree" "$rev"
head=$(git rev-parse --short HEAD) # named now: HEAD may move during the run
git worktree add -q --detach "$base/head" "$head"
(cd "$base/tree" && make -s dist/backpain.so >/dev/null)
(cd "$base/head" && make -s dist/backpain.so >/dev/null)

# Runs the suite of a tree ($1) against the cohort, twice; prints the faster
# wall-clock seconds, or ">LIMIT" when a run is stopped at the limit.
run_suite() {
  best=""
  for attempt in 1 2; do
    start=$(date +%s.%N)
    if ! (cd "$1" && timeout "$limit" sqlite3 -batch "$root/$db" < sql/demo.sql \
            > "$root/$out/$2.txt" 2>&1); then
      echo ">$limit"
      return
    fi
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}

now=$(run_suite "$base/head" current)
then_=$(run_suite "$base/tree" "baseline-$rev")
echo "demo suite (sql/demo.sql) over $db, $patients patients, best of 2 runs each (limit $limit s):"
echo "  this checkout ($head)   $now s"
echo "  revision $rev          $then_ s"
case "$now$then_" in
  ">"*) echo "  speed-up                unknown: this checkout did not finish" ;;
  *">"*) echo "  speed-up                at least $(echo "${then_#>} / ${now#>}" | bc -l | cut -c1-5)x" ;;
  *) echo "  speed-up                $(echo "$then_ / $now" | bc -l | cut -c1-5)x" ;;
esac
