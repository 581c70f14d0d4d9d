#!/bin/sh
# tests/pg/server_log.sh: run last by tests/pg/run.sh. Every test before it
# threw the hostile-input matrix at the server; here its log must show no
# process that died: nothing "terminated by signal", no server process that
# "exited with exit code" (the postmaster logs that only for a crash; a
# parallel worker that raised an ERROR exits with code 1 as a background
# worker, which is normal), no PANIC, no failed assertion (TRAP), no
# restart of the server. A control proves the patterns match a crash line.
. "$(dirname "$0")/../support/tap.sh"
log=${BACKPAIN_PG_LOG:?BACKPAIN_PG_LOG is not set}

patterns='terminated by signal|server process \(PID [0-9]+\) (was terminated|exited with exit code)|PANIC:|TRAP:|terminating any other active server processes|all server processes terminated'

if [ -s "$log" ]; then status=0; else status=1; fi
result "the server log $log exists and is not empty" $status

crashes=$(grep -E "$patterns" "$log" || true)
if [ -z "$crashes" ]; then status=0; else status=1; fi
result "no backend crashed or was terminated" $status "$crashes"

sample='2026-01-01 10:00:00 UTC [123] LOG:  server process (PID 456) was terminated by signal 11: Segmentation fault'
if printf '%s\n' "$sample" | grep -Eq "$patterns"; then status=0; else status=1; fi
result "control: the patterns match a crash line" $status
normal='2026-01-01 10:00:00 UTC [123] LOG:  background worker "parallel worker" (PID 456) exited with exit code 1'
if printf '%s\n' "$normal" | grep -Eq "$patterns"; then status=1; else status=0; fi
result "control: they do not match a parallel worker that ended with an ERROR" $status

if grep -q 'database system is ready to accept connections' "$log"; then status=0; else status=1; fi
result "it is the log of the running server (it says it is ready)" $status
tap_done
