#!/bin/sh
# docs.sh: the examples of the documentation are real. Every ```sql block of
# docs/reference.md and README.md is written, in order, into one SQL case
# file per document (tests/sqltap.c syntax: "-- => row", "-- error:
# message") and run in-process against the extension; a block without a
# directive is set-up and must succeed, and a block may use a table an
# earlier block of the same page created. The TAP of both runs is printed
# as one stream.
set -u
ext=${BACKPAIN_EXT:-dist/backpain}
sqltap=${SQLTAP:-build/rel/sqltap}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
: > "$dir/all"
for doc in docs/reference.md README.md; do
  case_file="$dir/$(basename "$doc" .md).test"
  printf -- '-- the sql blocks of %s\n.load\n' "$doc" > "$case_file"
  awk '/^```sql[[:space:]]*$/ { inside = 1; next }
       /^```/ { if (inside) print ""; inside = 0; next }
       inside { print }' "$doc" >> "$case_file"
  blocks=$(grep -c '^```sql' "$doc")
  echo "# $doc: $blocks sql blocks" >> "$dir/all"
  if [ "$blocks" -eq 0 ]; then
    echo "not ok - $doc has sql examples" >> "$dir/all"
    continue
  fi
  # Run from the repository root (.read paths); name the document, not the temp file.
  BACKPAIN_EXT=$ext "$sqltap" "$case_file" 2>&1 | sed "s|$case_file|$doc|" >> "$dir/all"
done
# Renumber the two runs' tests as one plan; a bail-out fails the run.
awk '/^ok [0-9]+/ || /^not ok [0-9]+/ {
       n++; sub(/ok [0-9]+/, "ok " n); print; if ($1 == "not") failed = 1; next }
     /^1\.\.[0-9]+$/ { next }
     /^Bail out!/ { n++; print "not ok " n " - " $0; failed = 1; next }
     { print }
     END { print "1.." n; exit failed }' "$dir/all"
