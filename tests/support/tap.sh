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
