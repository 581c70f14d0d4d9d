#!/bin/sh
# report.sh: the HTML dashboard (sql/report_html.sql) rendered by headless
# Chromium (Debian's chromium package). Three pages:
#
# 1. fixtures/cohort_small.sql: the page is self-contained (no network, no
#    script), the browser renders its four charts, every key figure and the
#    courses started in each month equal the SQL result, the charts label
#    both axes with their units, and the screenshot is not blank.
# 2. A five-patient cohort whose answers were worked out by hand (below):
#    course lengths per bin on either side of the 21-day line, the share
#    and count of each month, a month with no course (a marker, not a 0 %
#    bar) beside a month at 0 %, and "1 procedure, 1 patient".
# 3. The first page inside a 400 px wide frame of a test-only harness page
#    (headless Chromium will not make a window narrower than 500 px): its
#    script measures the report's layout, which must not scroll sideways
#    and must not clip any chart text. The report itself has no script.
#
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
check() { # name, got, want
  [ "$2" = "$3" ]
  result "$1" $? "got:  $2
want: $3"
}
# The markup of one chart (svg id) in a dumped DOM.
chart() { perl -0ne 'print $1 if /(<svg id="\Q'"$1"'\E".*?<\/svg>)/s' "$2"; }
# One line per titled rect of a chart: class|height|title.
rects() { perl -ne 'while (/<rect class="([^"]*)"[^>]*? height="([^"]*)"[^>]*><title>([^<]*)<\/title>/g) { print "$1|$2|$3\n" }'; }
# The text of each <text class="$1"> element, one a line.
texts() { perl -ne 'while (/<text class="\Q'"$1"'\E"[^>]*>([^<]*)<\/text>/g) { print "$1\n" }'; }
bytes() { if [ -f "$1" ]; then wc -c < "$1"; else echo 0; fi; }

# ---- 1. The small cohort ------------------------------------------------
db="$dir/cohort.db"
sqlite3 "$db" < fixtures/cohort_small.sql
sqlite3 -batch "$db" < sql/report_html.sql > "$dir/report.html"
result "sql/report_html.sql writes the page" $?

out=$(grep -n -i -E 'https?:|<script|src=|@import|url\(' "$dir/report.html")
[ -z "$out" ]
result "the page is self-contained: no URL, no script, no external resource" $? "$out"

chrome --dump-dom "file://$dir/report.html" > "$dir/dom.html"
result "Chromium renders the page" $?
for id in chart-length chart-months chart-stages chart-low-value; do
  bars=$(chart "$id" "$dir/dom.html" | grep -o '<rect' | wc -l)
  [ "$bars" -gt 0 ]
  result "the rendered page has the $id chart with bars ($bars)" $?
done

# Each figure of the page and the SQL that computes it independently.
sql() { sqlite3 -batch "$1" ".load $ext" ".read sql/views.sql" "$2"; }
figure() { grep -o "id=\"fig-$1\">[^<]*" "$dir/dom.html" | head -1 | sed 's/.*>//'; }
check_figure() { # id, sql
  want=$(sql "$db" "$2")
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
check_figure left-out "SELECT count(*) FROM relaxant_fill WHERE status NOT IN ('ok', 'open')"
check_figure stage-chronic_nonspecific-begin "SELECT count(*) FROM patient_plan WHERE json_extract(plan, '\$.stage') = 'begin' AND json_extract(plan, '\$.pathway') = 'chronic_nonspecific'"
check_figure stage-evaluate_specific_cause "SELECT count(*) FROM patient_plan WHERE json_extract(plan, '\$.pathway') = 'evaluate_specific_cause'"
check_figure low-value-tens "SELECT count(*) FROM procedure_occurrence WHERE intervention_code(procedure_source_value) = 'tens'"
check_figure low-value-lumbar_support "SELECT count(*) FROM procedure_occurrence WHERE intervention_code(procedure_source_value) = 'lumbar_support'"

# Courses started per month: the count panel against the SQL, for every
# month that has a course (the months between them must show 0).
chart chart-months "$dir/dom.html" > "$dir/months.svg"
want=$(sql "$db" "SELECT month || ' ' || n FROM (SELECT strftime('%Y-%m', start_date) AS month, count(*) AS n FROM relaxant_course GROUP BY month) ORDER BY month")
rects < "$dir/months.svg" | sed -n 's/^bar count|[^|]*|\([0-9-]*\): \([0-9]*\) courses\{0,1\} started$/\1 \2/p' > "$dir/month_counts"
got=$(grep -v ' 0$' "$dir/month_counts")
[ -n "$want" ] && [ "$got" = "$want" ]
result "courses started per month equal the SQL result ($(echo "$want" | wc -l) months)" $? "page:
$got
SQL:
$want"
# Every month from the first to the last is on the axis, once, in order;
# the months with 0 courses are exactly those with the no-course marker.
got=$(perl -ne '($y, $m) = /^(\d+)-(\d+) /; $k = 12 * $y + $m - 1; $n++; $bad++ if defined $p && $k != $p + 1; $p = $k; END { print !$n ? "no months" : $bad ? "gap or disorder" : "consecutive" }' "$dir/month_counts")
check "the month axis has every month once, in order ($(wc -l < "$dir/month_counts") months)" "$got" "consecutive"
zero=$(sed -n 's/ 0$//p' "$dir/month_counts" | tr '\n' ' ')
empty=$(rects < "$dir/months.svg" | sed -n 's/^empty|[^|]*|\([0-9-]*\): no course started$/\1/p' | tr '\n' ' ')
# (cohort_small has two such months, 2025-04 and 2025-05.)
[ -n "$zero" ] && [ "$empty" = "$zero" ]
result "the months with no course ($zero) have the no-course marker" $? "markers: $empty"

# The axes name their units. Length chart: days on x (title and axis), courses on y.
h2=$(grep -o '<h2>[^<]*</h2><svg id="chart-length"' "$dir/dom.html")
case "$h2" in *days*) case "$h2" in *week*) ok=1 ;; *) ok=0 ;; esac ;; *) ok=1 ;; esac
result "the length chart's heading says days, not weeks" $ok "$h2"
chart chart-length "$dir/dom.html" > "$dir/length.svg"
titles=$(texts axis-title < "$dir/length.svg" | tr '\n' '/')
check "the length chart's axis titles: courses (y), days (x)" "$titles" "courses/course length, days (weekly bins)/"
bins=$(texts bin < "$dir/length.svg" | tr '\n' ' ')
check "the length chart's bins are in days" "$bins" "1-7 8-14 15-21 22-28 29-35 36-42 43-49 50-56 57-63 64-70 71-77 78-84 85+ "
ticks=$(texts tick < "$dir/length.svg" | wc -l)
grid=$(grep -o '<line class="grid"' "$dir/length.svg" | wc -l)
[ "$ticks" -ge 3 ] && [ "$grid" = "$ticks" ]
result "the length chart has a y scale: $ticks ticks, $grid gridlines" $?

# Monthly chart: a percentage scale with gridlines, and the count panel's own.
titles=$(texts axis-title < "$dir/months.svg" | tr '\n' '/')
check "the monthly chart's axis titles" "$titles" "% of courses over 21 days/courses started/month of course start/"
ticks=$(texts tick < "$dir/months.svg" | grep '%' | tr '\n' '/')
check "the monthly chart's percentage ticks" "$ticks" "0 %/25 %/50 %/75 %/100 %/"
grid=$(grep -o '<line class="grid"' "$dir/months.svg" | wc -l)
count_ticks=$(texts tick < "$dir/months.svg" | grep -vc '%')
[ "$count_ticks" -ge 2 ] && [ "$grid" -eq $((5 + count_ticks)) ]
result "the monthly chart has gridlines: $grid (5 for the share, $count_ticks for the counts)" $?

# Not blank: the screenshot carries far more detail than a blank page.
printf '<!DOCTYPE html><html><body></body></html>' > "$dir/blank.html"
chrome --window-size=1000,1500 --screenshot="$dir/blank.png" "file://$dir/blank.html" >/dev/null
chrome --window-size=1000,1500 --screenshot="$dir/report.png" "file://$dir/report.html" >/dev/null
blank=$(bytes "$dir/blank.png")
shot=$(bytes "$dir/report.png")
[ "$blank" -gt 0 ] && [ "$shot" -gt $((10 * blank)) ]
result "the screenshot is not blank: $shot bytes against $blank for a blank page" $?

# ---- 2. A cohort worked out by hand ---------------------------------------
# Five patients, one relaxant fill each (days counted inclusively):
#   1 cyclobenzaprine 2024-01-01..01-14  14 days  bin  8-14  within 21 days
#   2 tizanidine      2024-01-10..02-09  31 days  bin 29-35  overdue
#   3 methocarbamol   2024-03-05..03-26  22 days  bin 22-28  overdue (first day past 21)
#   4 baclofen        2024-04-01..04-21  21 days  bin 15-21  within (the last allowed day)
#   5 baclofen        2024-04-10..04-16   7 days  bin  1-7   within
# By month of course start: 2024-01 two courses, one overdue (50 %);
# 2024-02 none (patient 2's course runs through February but started in
# January); 2024-03 one, overdue (100 %); 2024-04 two, none overdue (0 %).
# Procedures: TENS (E0720) twice for patient 1, a back brace once for
# patient 2: "2 procedures, 1 patient" and "1 procedure, 1 patient".
tiny="$dir/tiny.db"
sqlite3 "$tiny" <<'EOF'
CREATE TABLE person(person_id INTEGER PRIMARY KEY, gender_source_value TEXT, year_of_birth INTEGER);
CREATE TABLE condition_occurrence(condition_occurrence_id INTEGER PRIMARY KEY, person_id INTEGER,
  condition_start_date TEXT, condition_source_value TEXT);
CREATE TABLE drug_exposure(drug_exposure_id INTEGER PRIMARY KEY, person_id INTEGER,
  drug_exposure_start_date TEXT, drug_exposure_end_date TEXT, days_supply INTEGER,
  drug_source_value TEXT, quantity REAL, sig TEXT, dose_mg REAL, doses_per_day INTEGER);
CREATE TABLE procedure_occurrence(procedure_occurrence_id INTEGER PRIMARY KEY, person_id INTEGER,
  procedure_date TEXT, procedure_source_value TEXT);
CREATE TABLE observation(observation_id INTEGER PRIMARY KEY, person_id INTEGER, observation_date TEXT,
  observation_source_value TEXT, value_as_number REAL, value_as_string TEXT);
INSERT INTO person VALUES (1, 'F', 1970), (2, 'M', 1965), (3, 'F', 1980), (4, 'M', 1975), (5, 'F', 1990);
INSERT INTO drug_exposure VALUES
  (1, 1, '2024-01-01', '2024-01-14', 14, 'Cyclobenzaprine HCl 10 MG Oral Tablet', 42, NULL, 10, 3),
  (2, 2, '2024-01-10', '2024-02-09', 31, 'tiZANidine 4 MG Oral Tablet', 93, NULL, 4, 3),
  (3, 3, '2024-03-05', '2024-03-26', 22, 'Robaxin-750', 88, NULL, 750, 4),
  (4, 4, '2024-04-01', '2024-04-21', 21, 'baclofen 10 mg tablet', 63, NULL, 10, 3),
  (5, 5, '2024-04-10', '2024-04-16', 7, 'baclofen 10 mg tablet', 21, NULL, 10, 3);
INSERT INTO procedure_occurrence VALUES
  (1, 1, '2024-01-05', 'E0720'), (2, 1, '2024-01-12', 'E0720'), (3, 2, '2024-01-20', 'back brace');
EOF
sqlite3 -batch "$tiny" < sql/report_html.sql > "$dir/tiny.html"
result "sql/report_html.sql writes the page of the hand-worked cohort" $?
chrome --dump-dom "file://$dir/tiny.html" > "$dir/tiny_dom.html"
result "Chromium renders it" $?
chart chart-length "$dir/tiny_dom.html" | rects > "$dir/tiny_length"
chart chart-months "$dir/tiny_dom.html" | rects > "$dir/tiny_months"

check "figures: 5 courses, 2 over 21 days, 40.0 %" \
  "$(grep -o 'id="fig-\(courses\|overdue-courses\|overdue-pct\)">[^<]*' "$dir/tiny_dom.html" | sed 's/.*>//' | tr '\n' ' ')" \
  "5 2 40.0% "

got=$(sed -n 's/^\([^|]*\)|[^|]*|\(.*\)$/\1: \2/p' "$dir/tiny_length" | head -6)
want="bar: 1-7 days: 1 course
bar: 8-14 days: 1 course
bar: 15-21 days: 1 course
bar over: 22-28 days: 1 course
bar over: 29-35 days: 1 course
bar over: 36-42 days: 0 courses"
check "course length bins: 7, 14 and 21 days within the limit, 22 and 31 over" "$got" "$want"

# The dashed 21-day line lies between the 15-21 bar and the 22-28 bar.
limit=$(grep -o '<line class="limit" x1="[0-9.]*"' "$dir/tiny_dom.html" | sed 's/.*x1="//; s/"//')
bar_edges=$(perl -ne 'while (/<rect class="[^"]*" x="([0-9.]+)"[^>]*? width="([0-9.]+)"[^>]*><title>(15-21|22-28) days/g) { print "$1 ", $1 + $2, "\n" }' "$dir/tiny_dom.html")
right_of_15_21=$(echo "$bar_edges" | sed -n 1p | cut -d' ' -f2)
left_of_22_28=$(echo "$bar_edges" | sed -n 2p | cut -d' ' -f1)
[ -n "$limit" ] && [ -n "$left_of_22_28" ] &&
  perl -e 'exit !($ARGV[0] > $ARGV[1] && $ARGV[0] < $ARGV[2])' "$limit" "$right_of_15_21" "$left_of_22_28"
result "the 21-day line (x=$limit) is between the 15-21 bar (ends $right_of_15_21) and the 22-28 bar (starts $left_of_22_28)" $?

got=$(grep -v '^bar count' "$dir/tiny_months" | cut -d'|' -f1,3)
want="bar over|2024-01: 1 of 2 courses over 21 days (50.0 %)
empty|2024-02: no course started
bar over|2024-03: 1 of 1 course over 21 days (100.0 %)
bar over|2024-04: 0 of 2 courses over 21 days (0.0 %)"
check "share per month; February has the no-course marker, April a 0 % bar" "$got" "$want"

marker=$(grep '^empty|' "$dir/tiny_months" | cut -d'|' -f2)
april=$(grep '^bar over|[^|]*|2024-04' "$dir/tiny_months" | cut -d'|' -f2)
march=$(grep '^bar over|[^|]*|2024-03' "$dir/tiny_months" | cut -d'|' -f2)
perl -e 'exit !($ARGV[0] > 0 && $ARGV[0] == $ARGV[2] && $ARGV[1] == 0)' "$marker" "$april" "$march"
result "the empty month's marker spans the panel (height $marker = 100 %), the 0 % month has no bar (height $april)" $?
april_x=$(grep -o '<rect class="bar over" x="[0-9.]*"[^>]*><title>2024-04' "$dir/tiny_dom.html" | sed 's/.* x="//; s/".*//')
zero=$(grep -o '<line class="zero" x1="[0-9.]*"' "$dir/tiny_dom.html" | sed 's/.*x1="//; s/"//' | tr '\n' ' ')
[ -n "$april_x" ] && [ "$zero" = "$april_x " ]
result "the 0 % month, and only it, has a mark on the baseline (x=$zero, April's bar at x=$april_x)" $?
legend=$(grep -c '<rect class="empty" x="[0-9.]*" y="[0-9.]*" width="[0-9.]*" height="[0-9.]*"></rect><text[^>]*>no course started</text>' "$dir/tiny_dom.html")
check "the marker is explained in a legend" "$legend" "1"

got=$(grep '^bar count' "$dir/tiny_months" | cut -d'|' -f3)
want="2024-01: 2 courses started
2024-02: 0 courses started
2024-03: 1 course started
2024-04: 2 courses started"
check "courses started per month" "$got" "$want"
heights=$(grep '^bar count' "$dir/tiny_months" | cut -d'|' -f2 | tr '\n' ' ')
# shellcheck disable=SC2086
perl -e 'exit !($ARGV[0] > 0 && $ARGV[0] == $ARGV[3] && $ARGV[0] == 2 * $ARGV[2] && $ARGV[1] == 0)' $heights
result "count bars in proportion 2 : 0 : 1 : 2 (heights $heights)" $?

lowvalue() { grep -o "id=\"fig-low-value-$1\">[^<]*</tspan>[^<]*" "$dir/tiny_dom.html" | sed 's/^[^>]*>//; s|</tspan>||'; }
check "low-value care: one brace for one patient, in the singular" "$(lowvalue lumbar_support)" "1 procedure, 1 patient"
check "low-value care: two TENS for one patient" "$(lowvalue tens)" "2 procedures, 1 patient"

# ---- 3. A narrow window -------------------------------------------------
# A test-only harness page holds the report of part 1 in frames 400 px and
# 1000 px wide (srcdoc, so that its script may read the frames' layout) and
# writes what it measures into its own DOM: the frame's viewport width, the
# page's scroll width, the widest chart, and how many chart texts reach
# outside their chart (clipped).
{
  printf '<!DOCTYPE html><html><body style="margin:0">'
  for width in 400 1000; do
    printf '<iframe id="w%s" style="display:block;width:%spx;height:5000px;border:0" srcdoc="' "$width" "$width"
    sed 's/&/\&amp;/g; s/"/\&quot;/g' "$dir/report.html"
    printf '"></iframe>'
  done
  cat <<'EOF'
<pre id="measure"></pre>
<script>
function measure(frame) {
  var doc = frame.contentDocument, widest = 0, clipped = 0;
  doc.querySelectorAll("svg").forEach(function (svg) {
    widest = Math.max(widest, svg.getBoundingClientRect().right);
    var box = svg.viewBox.baseVal;
    svg.querySelectorAll("text").forEach(function (t) {
      var b = t.getBBox();
      if (b.x < box.x || b.x + b.width > box.x + box.width) clipped++;
    });
  });
  document.getElementById("measure").textContent += frame.id + " viewport " +
    frame.contentWindow.innerWidth + " scroll " + doc.documentElement.scrollWidth +
    " widest " + Math.ceil(widest) + " clipped " + clipped + "\n";
}
document.querySelectorAll("iframe").forEach(function (f) { f.onload = function () { measure(f); }; });
</script></body></html>
EOF
} > "$dir/narrow.html"
chrome --window-size=1100,2000 --dump-dom "file://$dir/narrow.html" > "$dir/narrow_dom.html"
m400=$(grep -o 'w400 [^<]*' "$dir/narrow_dom.html" | head -1)
m1000=$(grep -o 'w1000 [^<]*' "$dir/narrow_dom.html" | head -1)
check "the frame is 400 px wide and the report does not scroll sideways in it" \
  "$(echo "$m400" | cut -d' ' -f1-5)" "w400 viewport 400 scroll 400"
widest=$(echo "$m400" | cut -d' ' -f7)
[ -n "$widest" ] && [ "$widest" -le 400 ]
result "every chart fits in 400 px ($m400)" $?
check "no chart text is clipped at 400 px" "$(echo "$m400" | cut -d' ' -f8-)" "clipped 0"
check "no chart text is clipped at 1000 px ($m1000)" "$(echo "$m1000" | cut -d' ' -f8-)" "clipped 0"

tap_done
