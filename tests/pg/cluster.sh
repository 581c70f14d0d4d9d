# tests/pg/cluster.sh: throwaway PostgreSQL clusters for the tests, sourced
# by tests/pg/run.sh (and by any test that needs more servers).
#
#   pg_workdir                 a new directory under /tmp that the postgres
#                              user can reach; prints its path
#   pg_cluster_start DIR NAME  initdb DIR/NAME and start it on a free port
#                              of the 100 from $BACKPAIN_PG_PORT_BASE
#                              (default 55400: 55400-55499), listening only
#                              on a socket in DIR/NAME.sock; prints "PORT"
#   pg_cluster_stop DIR NAME   stop it (fast shutdown), if it runs
#   pg_cluster_log DIR NAME    the path of its server log
#
# initdb and postgres refuse to run as root, so as root they run as the
# postgres user (runuser); as anyone else, as that user. Nothing here
# touches the system cluster (port 5432, /var/run/postgresql): every
# cluster has its own data directory, socket directory and port, and no
# TCP listener. The caller stops every cluster it started in a trap.

PG_BINDIR=${PG_BINDIR:-$(pg_config --bindir)}

# Runs a server program as the user that owns the clusters.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_workdir() {
  dir=$(mktemp -d /tmp/backpain-pg.XXXXXX) || return 1
  chmod 755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
  echo "$dir"
}

# pg_cluster_start DIR NAME [postgres -c options...]
pg_cluster_start() {
  dir=$1
  name=$2
  shift 2
  data="$dir/$name"
  sock="$dir/$name.sock"
  log="$dir/$name.log"
  pg_as_owner mkdir -p "$sock" || return 1
  if [ ! -d "$data" ]; then
    pg_as_owner "$PG_BINDIR/initdb" -D "$data" -N -A trust -U postgres -E UTF8 --locale=C \
      >"$dir/$name.initdb.log" 2>&1 || { cat "$dir/$name.initdb.log" >&2; return 1; }
  fi
  # A port of the range at random; another one if it is taken.
  tries=0
  while [ "$tries" -lt 20 ]; do
    port=$((${BACKPAIN_PG_PORT_BASE:-55400} + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 100))
    options="-p $port -k $sock -c listen_addresses='' -c fsync=off"
    for option in "$@"; do options="$options -c $option"; done
    if pg_as_owner "$PG_BINDIR/pg_ctl" -D "$data" -l "$log" -w -t 60 -o "$options" start \
         >/dev/null 2>&1; then
      echo "$port" >"$dir/$name.port"
      echo "$port"
      return 0
    fi
    tries=$((tries + 1))
  done
  echo "pg_cluster_start: $name did not start; its log:" >&2
  cat "$log" >&2
  return 1
}

pg_cluster_stop() {
  if [ -f "$1/$2/postmaster.pid" ]; then
    pg_as_owner "$PG_BINDIR/pg_ctl" -D "$1/$2" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

pg_cluster_log() {
  echo "$1/$2.log"
}
