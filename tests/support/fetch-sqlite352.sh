#!/bin/sh
# Fetches the SQLite 3.52 amalgamation that the npm package sqlite3@6.0.1
# bundles (deps/sqlite-autoconf-3520000.tar.gz), checks its SHA-256, and
# leaves sqlite3.c, sqlite3.h, sqlite3ext.h and shell.c in the given
# directory. Needs npm (only to download the package; nothing is installed).
set -eu
dir=${1:?usage: fetch-sqlite352.sh DIR}
want=f6b50b0c103392af32a8be15b2b9d25959de9a00a70c3979128aafeaa5338b3f
mkdir -p "$dir/download"
cd "$dir/download"
if [ ! -f sqlite3-6.0.1.tgz ]; then
  npm pack sqlite3@6.0.1 --silent >/dev/null
fi
tar xzf sqlite3-6.0.1.tgz package/deps/sqlite-autoconf-3520000.tar.gz
got=$(sha256sum package/deps/sqlite-autoconf-3520000.tar.gz | cut -d' ' -f1)
if [ "$got" != "$want" ]; then
  echo "fetch-sqlite352.sh: checksum mismatch: $got" >&2
  exit 1
fi
tar xzf package/deps/sqlite-autoconf-3520000.tar.gz
for f in sqlite3.c sqlite3.h sqlite3ext.h shell.c; do
  cp "sqlite-autoconf-3520000/$f" "../$f"
done
