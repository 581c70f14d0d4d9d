#!/bin/sh
# tests/coverage_check.sh INFO: the coverage verdict of make coverage.
#
# INFO is an lcov tracefile of ext/ (every run merged: the SQLite suite, its
# OOM sweep, the PostgreSQL binding's C tests and the PostgreSQL tests).
# For each layer (ext/core, ext/sqlite, ext/postgres) it prints lines,
# branches and functions, hit of found, and fails when a layer is below
# COV_MIN_LINES % of its lines (default 100) or COV_MIN_BRANCHES % of its
# branches (default 95), or has no line at all (a layer that is missing
# from INFO must not pass).
#
# Exclusions: geninfo leaves out lines marked LCOV_EXCL_LINE and the
# branches of lines marked LCOV_EXCL_BR_LINE (lcov's defaults), so they
# count in no figure. Each marker must give its reason on the same line
# ("LCOV_EXCL_LINE: no input ..."); the script counts them per layer and
# fails on a marker without a reason, and on lcov's block markers
# (LCOV_EXCL_START/STOP), which this project does not use, so that every
# exclusion is one line with its reason in sight.
set -eu
info=${1:?usage: tests/coverage_check.sh INFO}
min_lines=${COV_MIN_LINES:-100}
min_branches=${COV_MIN_BRANCHES:-95}
status=0

for layer in core sqlite postgres; do
  awk -F'[:,]' -v layer="ext/$layer/" -v min_lines="$min_lines" -v min_branches="$min_branches" '
    /^SF:/ { inside = index($0, layer) > 0 }
    inside && /^LF:/ { lf += $2 } inside && /^LH:/ { lh += $2 }
    inside && /^BRF:/ { brf += $2 } inside && /^BRH:/ { brh += $2 }
    inside && /^FNF:/ { fnf += $2 } inside && /^FNH:/ { fnh += $2 }
    function rate(hit, found) { return found ? sprintf("%.2f%%", 100 * hit / found) : "-" }
    END {
      printf "%-14s lines %5d/%-5d %8s   branches %5d/%-5d %8s   functions %4d/%-4d %8s\n",
        layer, lh, lf, rate(lh, lf), brh, brf, rate(brh, brf), fnh, fnf, rate(fnh, fnf)
      bad = lf == 0 || 100 * lh < min_lines * lf || 100 * brh < min_branches * brf
      if (bad) printf "  FAIL    %s: below %s%% of lines or %s%% of branches\n", layer, min_lines, min_branches
      exit bad
    }' "$info" || status=1
done

# The exclusions, counted; each must say why.
for layer in core sqlite postgres; do
  files=$(ls ext/$layer/*.c ext/$layer/*.h 2>/dev/null)
  # shellcheck disable=SC2086
  lines=$(cat $files | grep -c 'LCOV_EXCL_LINE' || true)
  # shellcheck disable=SC2086
  branches=$(cat $files | grep -c 'LCOV_EXCL_BR_LINE' || true)
  printf "%-14s exclusions: %s\n" "ext/$layer/" "$lines lines (LCOV_EXCL_LINE), $branches lines' branches (LCOV_EXCL_BR_LINE)"
  # shellcheck disable=SC2086
  bare=$(grep -n -E 'LCOV_EXCL_(BR_)?LINE' $files | grep -v -E 'LCOV_EXCL_(BR_)?LINE: [^ ]' || true)
  if [ -n "$bare" ]; then
    echo "  FAIL    an exclusion without its reason (write LCOV_EXCL_LINE: why):"
    printf '%s\n' "$bare" | sed 's/^/          /'
    status=1
  fi
  # shellcheck disable=SC2086
  blocks=$(grep -n -E 'LCOV_EXCL_(BR_)?(START|STOP)' $files || true)
  if [ -n "$blocks" ]; then
    echo "  FAIL    block exclusions are not used here (one line, one reason):"
    printf '%s\n' "$blocks" | sed 's/^/          /'
    status=1
  fi
done
exit "$status"
