#!/bin/sh
# tests/pg/coverage.sh BUILD [TEST...]: the PostgreSQL tests (tests/pg/run.sh;
# TEST...: only those) against
# the coverage build of the extension in BUILD (make coverage-pg builds it
# there with BP_COVERAGE=1: -O0 --coverage), leaving the counters the
# backends wrote (.gcda) in BUILD beside the compiler's .gcno files.
#
# Nothing of the system's PostgreSQL installation is touched, so a
# `make test-pg` running at the same time (another checkout, another user)
# keeps its own build. Instead the script makes a private copy of the
# installation in a new directory under /tmp, TREE:
#   - TREE/<bindir>: copies of postgres, initdb, pg_ctl and pg_config (a
#     PostgreSQL program finds its share and lib directories relative to
#     its own location, after resolving symbolic links, so these four must
#     be copies) and symbolic links to the other programs;
#   - TREE/<sharedir> and TREE/<pkglibdir>: symbolic links to every file
#     of the system's, but backpain's, which come from BUILD
#     (`make install DESTDIR=TREE`).
# tests/pg/run.sh then runs with TREE/<bindir> first in PATH, so that its
# clusters (tests/pg/cluster.sh: $(pg_config --bindir)) run the copy and
# load the coverage build.
#
# The backends run as the postgres user, which cannot write into BUILD:
# GCOV_PREFIX sends their .gcda files to a directory it owns (COUNTERS),
# and GCOV_PREFIX_STRIP takes BUILD's own path off their names, so that
# COUNTERS/core/bp_calls.gcda is BUILD/core/bp_calls.gcda. A backend
# writes its counters when it exits (libgcov merges them under a file lock
# with those of other backends), so the clusters are stopped before they are
# collected: tests/pg/run.sh stops every cluster it started on exit.
#
# Exits with run.sh's status; the tree and COUNTERS are removed on any exit.
set -eu
cd "$(dirname "$0")/../.."
build=$(cd "${1:?usage: tests/pg/coverage.sh BUILD [TEST...]}" && pwd)
shift
[ -f "$build/backpain.so" ] || { echo "coverage.sh: no $build/backpain.so (make coverage-pg)" >&2; exit 1; }
PG_CONFIG=${PG_CONFIG:-pg_config}
bindir=$($PG_CONFIG --bindir)
sharedir=$($PG_CONFIG --sharedir)
pkglibdir=$($PG_CONFIG --pkglibdir)

tree=$(mktemp -d /tmp/backpain-pgcov.XXXXXX)
counters=$(mktemp -d /tmp/backpain-gcda.XXXXXX)
cleanup() { rm -rf "$tree" "$counters"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
chmod 755 "$tree"
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$counters"; fi

# Links every entry of directory $1 into $2, but backpain's files and the
# entries named in $3 (a space-separated list).
link_all() {
  mkdir -p "$2"
  for entry in "$1"/* "$1"/.[!.]*; do
    [ -e "$entry" ] || continue
    name=$(basename "$entry")
    case "$name" in backpain.* | backpain--*) continue ;; esac
    case " $3 " in *" $name "*) continue ;; esac
    ln -s "$entry" "$2/$name"
  done
}
link_all "$bindir" "$tree$bindir" "postgres initdb pg_ctl pg_config"
for program in postgres initdb pg_ctl pg_config; do cp "$bindir/$program" "$tree$bindir/"; done
link_all "$sharedir" "$tree$sharedir" "extension"
link_all "$sharedir/extension" "$tree$sharedir/extension" ""
link_all "$pkglibdir" "$tree$pkglibdir" ""
make --no-print-directory -C "$build" -f "$PWD/ext/postgres/Makefile" PG_CONFIG="$PG_CONFIG" \
  BP_COVERAGE=1 install DESTDIR="$tree" >/dev/null

# The copy must be the one that runs: its pg_config names the tree.
[ "$(PATH="$tree$bindir:$PATH" pg_config --pkglibdir)" = "$tree$pkglibdir" ] ||
  { echo "coverage.sh: the copy of pg_config does not name $tree$pkglibdir" >&2; exit 1; }

# The number of leading directories of BUILD, for GCOV_PREFIX_STRIP.
strip=$(printf '%s' "$build" | tr -cd / | wc -c)
find "$build" -name '*.gcda' -delete
status=0
PATH="$tree$bindir:$PATH" GCOV_PREFIX="$counters" GCOV_PREFIX_STRIP=$strip \
  tests/pg/run.sh "$@" || status=$?

# The counters, back beside their .gcno files.
found=0
for gcda in $(cd "$counters" && find . -name '*.gcda'); do
  cp "$counters/$gcda" "$build/$gcda"
  found=$((found + 1))
done
echo "# coverage.sh: $found counter files (.gcda) from the backends"
[ "$found" -gt 0 ] || { echo "coverage.sh: the backends wrote no counters" >&2; exit 1; }
exit "$status"
