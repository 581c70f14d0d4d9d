#!/bin/sh
# The layer rule, proven: no file of the engine-free core (ext/core/)
# includes an engine header. Every #include there must name either a
# header of ext/core/ itself or a header of the C standard library; an
# engine header (sqlite3.h, sqlite3ext.h, postgres.h, fmgr.h, ...) or any
# other file fails the test. The bindings (ext/sqlite/, ext/postgres/) may
# include what they like.
. "$(dirname "$0")/support/tap.sh"

# C11's standard headers: everything the core may include besides its own.
standard=' assert.h complex.h ctype.h errno.h fenv.h float.h inttypes.h iso646.h limits.h
locale.h math.h setjmp.h signal.h stdalign.h stdarg.h stdatomic.h stdbool.h stddef.h
stdint.h stdio.h stdlib.h stdnoreturn.h string.h tgmath.h threads.h time.h uchar.h
wchar.h wctype.h '
standard=$(echo $standard)

# Prints the headers a file includes that are neither standard nor core.
foreign_includes() {
  sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]\([^>"]*\)[>"].*/\1/p' "$1" |
    while read -r header; do
      case " $standard " in *" $header "*) continue ;; esac
      [ -f "ext/core/$header" ] && continue
      printf '%s ' "$header"
    done
}

files=$(ls ext/core/*.c ext/core/*.h)
[ -n "$files" ] || { echo "Bail out! no core files found"; exit 1; }
for file in $files; do
  bad=$(foreign_includes "$file")
  if [ -z "$bad" ]; then status=0; else status=1; fi
  result "$file includes only core and standard headers" $status "includes: $bad"
done

# Control: the check must catch engine headers, however they are written.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '#include "sqlite3ext.h"\n  # include <postgres.h>\n#include <stdio.h>\n#include "bp_date.h"\n' \
  > "$tmp/probe.c"
bad=$(foreign_includes "$tmp/probe.c")
if [ "$bad" = "sqlite3ext.h postgres.h " ]; then status=0; else status=1; fi
result "the check flags sqlite3ext.h and postgres.h, not stdio.h or bp_date.h" $status "got: $bad"
tap_done
