#!/bin/sh
# skip.sh: a client whose tool is not installed is skipped with a clear
# reason, not failed with "not found" (make test-clients). Each client runs
# with a PATH that has every command of this PATH except the one it needs
# (or with a NODE_PATH without better-sqlite3), and must print the TAP
# plan "1..0 # SKIP <tool> not installed (make deps-clients)" and exit 0;
# with REQUIRE_CLIENTS=1 the same must be a failing test and exit 1. prove
# must show it as "skipped: <tool> not installed (make deps-clients)".
set -u
. tests/support/tap.sh
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

without() { # tool...: a PATH directory with every command on PATH but these
  bin="$dir/bin"
  mkdir -p "$bin"
  old_ifs=$IFS
  IFS=:
  for d in $PATH; do
    [ -d "$d" ] || continue
    for f in "$d"/*; do
      name=${f##*/}
      for tool in "$@"; do [ "$name" = "$tool" ] && continue 2; done
      [ -x "$f" ] && [ ! -e "$bin/$name" ] && ln -s "$f" "$bin/$name"
    done
  done
  IFS=$old_ifs
  echo "$bin"
}
expect() { # name, command output, exit status, wanted output, wanted status
  [ "$2" = "$4" ] && [ "$3" = "$5" ]
  result "$1" $? "got (exit $3):
$2
want (exit $5):
$4"
}

bin=$(without sqlite-utils chromium node)
out=$(PATH=$bin REQUIRE_CLIENTS=0 tests/clients/run tests/clients/sqlite_utils_client.sh 2>&1)
expect "sqlite-utils missing: skipped" "$out" $? \
  "1..0 # SKIP sqlite-utils not installed (make deps-clients)" 0
out=$(PATH=$bin REQUIRE_CLIENTS=1 tests/clients/run tests/clients/sqlite_utils_client.sh 2>&1)
expect "sqlite-utils missing, REQUIRE_CLIENTS=1: a failure" "$out" $? \
  "not ok 1 - sqlite-utils not installed (make deps-clients) (REQUIRE_CLIENTS=1: every client must run)
1..1" 1
out=$(PATH=$bin REQUIRE_CLIENTS=0 prove --exec tests/clients/run tests/clients/sqlite_utils_client.sh 2>&1)
case "$out" in
  *"tests/clients/sqlite_utils_client.sh .. skipped: sqlite-utils not installed (make deps-clients)"*"Result: NOTESTS"*) ok=0 ;;
  *) ok=1 ;;
esac
result "prove prints \"skipped: sqlite-utils not installed (make deps-clients)\"" $ok "$out"

out=$(PATH=$bin REQUIRE_CLIENTS=0 CHROMIUM=chromium tests/clients/run tests/report.sh 2>&1)
expect "chromium missing: the report test is skipped, with no error about a file" "$out" $? \
  "1..0 # SKIP chromium not installed (make deps-clients)" 0
out=$(PATH=$bin REQUIRE_CLIENTS=1 CHROMIUM=chromium tests/clients/run tests/report.sh 2>&1)
expect "chromium missing, REQUIRE_CLIENTS=1: a failure" "$out" $? \
  "not ok 1 - chromium not installed (make deps-clients) (REQUIRE_CLIENTS=1: every client must run)
1..1" 1

out=$(PATH=$bin REQUIRE_CLIENTS=0 tests/clients/run tests/clients/node_client.js 2>&1)
expect "node missing: the Node client is skipped" "$out" $? \
  "1..0 # SKIP node not installed (make deps-clients)" 0

if command -v node >/dev/null 2>&1; then
  mkdir -p "$dir/empty_modules"
  out=$(NODE_PATH=$dir/empty_modules REQUIRE_CLIENTS=0 node tests/clients/node_client.js 2>&1)
  expect "better-sqlite3 missing: the Node client is skipped" "$out" $? \
    "1..0 # SKIP better-sqlite3 not installed (make deps-clients)" 0
  out=$(NODE_PATH=$dir/empty_modules REQUIRE_CLIENTS=1 node tests/clients/node_client.js 2>&1)
  expect "better-sqlite3 missing, REQUIRE_CLIENTS=1: a failure" "$out" $? \
    "not ok 1 - better-sqlite3 not installed (make deps-clients) (REQUIRE_CLIENTS=1: every client must run)
1..1" 1
elif [ "${REQUIRE_CLIENTS:-0}" = 1 ]; then
  result "node is installed, for the better-sqlite3 cases" 1 "REQUIRE_CLIENTS=1: every client must run"
else
  for case in "skipped" "a failure with REQUIRE_CLIENTS=1"; do
    n=$((n + 1))
    echo "ok $n - better-sqlite3 missing: $case # SKIP node not installed (make deps-clients)"
  done
fi

tap_done
