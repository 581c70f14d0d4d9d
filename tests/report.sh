#!/bin/sh
# report.sh: the HTML dashboard (sql/report_html.sql) rendered by headless
# Chromium (Debian's chromium package). The page must be self-contained
# (no network, no script), the browser must render its four charts, every
# key figure in the rendered page must equal the SQL result, and the
# screenshot must not be blank (compared with a blank page of the same size).
# Without Chromium the test reports "skipped: chromium not installed"
# (tests/support/tap.sh, skip_all).
set -u
ext=${BACKPAIN_EXT:-dist/backpain}
browser=${CHROMIUM:-chromium}
. tests/support/tap.sh
command -v "$browser" >/dev/null 2>&1 || skip_all "$browser not installed (make deps-clients)"
command -v sqlite3 >/dev/null 2>&1 || skip_all "sqlite3 not installed (make deps)"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
chrome() { # args...: headless Chromium with no network chatter and a fresh profile
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$dir/profile" "$@" 2>/dev/null
}

db="$dir/cohort.db"
sqlite3 "$db" < fixtures/cohort_small.sql
sqlite3 -batch "$db" < sql/report_html.sql > "$dir/report.html"
result "sql/report_html.sql writes the page" $?

out=$(grep -n -i -E 'https?:|<script|src=|@import|url\(' "$dir/report.html")
[ -z "$out" ]
result "the page is self-contained: no URL, no script, no external resource" $? "$out"

chrome --dump-dom "file://$dir/report.html" > "$dir/dom.html"
result "Chromium renders the page" $?
for chart in chart-length chart-months chart-stages chart-low-value; do
  bars=$(grep -o "<svg id=\"$chart\"[^>]*>.*" "$dir/dom.html" | sed 's|</svg>.*||' | grep -o '<rect' | wc -l)
  [ "$bars" -gt 0 ]
  result "the rendered page has the $chart chart with bars ($bars)" $?
done

# Each figure of the page and the SQL that computes it independently.
sql() { sqlite3 -batch "$db" ".load $ext" ".read sql/views.sql" "$1"; }
figure() { grep -o "id=\"fig-$1\">[^<]*" "$dir/dom.html" | head -1 | sed 's/.*>//'; }
check_figure() { # id, sql
  want=$(sql "$2")
  got=$(figure "$1")
  [ -n "$got" ] && [ "$got" = "$want" ]
  result "figure $1 equals the SQL result ($want)" $? "page: '$got', SQL: '$want'"
}
check_figure patients "SELECT count(*) FROM person"
check_figure courses "SELECT count(*) FROM relaxant_course"
check_figure overdue-courses "SELECT sum(overdue) FROM relaxant_course"
check_figure overdue-pct "SELECT printf('%.1f%%', 100.0 * sum(overdue) / count(*)) FROM relaxant_course"
check_figure overdue-patients "SELECT count(DISTINCT person_id) FROM relaxant_course WHERE overdue"
check_figure dose-alerts "SELECT count(*) FROM cyclobenzaprine_dose WHERE alerts <> '[]'"
check_figure cohort "SELECT count(*) FROM cohort_chronic_lbp_spasm"
check_figure plans "SELECT count(*) FROM patient_plan"
check_figure left-out "SELECT count(*) FROM relaxant_fill WHERE status <> 'ok'"
check_figure stage-chronic_nonspecific-begin "SELECT count(*) FROM patient_plan WHERE json_extract(plan, '\$.stage') = 'begin' AND json_extract(plan, '\$.pathway') = 'chronic_nonspecific'"
check_figure stage-evaluate_specific_cause "SELECT count(*) FROM patient_plan WHERE json_extract(plan, '\$.pathway') = 'evaluate_specific_cause'"
check_figure low-value-tens "SELECT count(*) FROM procedure_occurrence WHERE intervention_code(procedure_source_value) = 'tens'"
check_figure low-value-lumbar_support "SELECT count(*) FROM procedure_occurrence WHERE intervention_code(procedure_source_value) = 'lumbar_support'"

# Not blank: the screenshot carries far more detail than a blank page.
printf '<!DOCTYPE html><html><body></body></html>' > "$dir/blank.html"
chrome --window-size=1000,1500 --screenshot="$dir/blank.png" "file://$dir/blank.html" >/dev/null
chrome --window-size=1000,1500 --screenshot="$dir/report.png" "file://$dir/report.html" >/dev/null
bytes() { if [ -f "$1" ]; then wc -c < "$1"; else echo 0; fi; }
blank=$(bytes "$dir/blank.png")
shot=$(bytes "$dir/report.png")
[ "$blank" -gt 0 ] && [ "$shot" -gt $((10 * blank)) ]
result "the screenshot is not blank: $shot bytes against $blank for a blank page" $?

tap_done
