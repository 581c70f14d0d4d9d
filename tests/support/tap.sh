# tests/support/tap.sh: the TAP helpers the shell tests share. Source it
# from the repository root (`. tests/support/tap.sh`), report each check
# with `result`, and end the script with `tap_done`.
n=0
failed=0

result() { # name, 0|1, diagnostic
  n=$((n + 1))
  if [ "$2" = 0 ]; then
    echo "ok $n - $1"
  else
    failed=$((failed + 1))
    echo "not ok $n - $1"
    [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/#   /'
  fi
  return 0
}

tap_done() { # prints the plan; the exit status is the verdict
  echo "1..$n"
  [ "$failed" -eq 0 ]
}

skip_all() { # reason: the tool this test needs is missing; ends the script
  # TAP's "1..0 # SKIP reason" makes prove print "skipped: reason". With
  # REQUIRE_CLIENTS=1 (CI, where everything is installed) the same reason
  # is a failure instead, so a missing tool cannot pass unseen.
  if [ "${REQUIRE_CLIENTS:-0}" = 1 ]; then
    echo "not ok 1 - $1 (REQUIRE_CLIENTS=1: every client must run)"
    echo "1..1"
    exit 1
  fi
  echo "1..0 # SKIP $1"
  exit 0
}
