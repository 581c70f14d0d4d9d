/*
** tests/bench/bench_open.h: how every benchmark opens its database: the
** file (or ":memory:") with the extension loaded from $BACKPAIN_EXT
** (default dist/backpain). A benchmark that cannot set up stops with exit
** status 2, naming itself, so `make bench` stops too.
*/
#ifndef BP_BENCH_OPEN_H
#define BP_BENCH_OPEN_H

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

static inline sqlite3 *bench_open(const char *who, const char *path, int flags) {
  sqlite3 *db = NULL;
  char *error = NULL;
  const char *ext = getenv("BACKPAIN_EXT");
  if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
    fprintf(stderr, "%s: cannot open %s: %s\n", who, path, db ? sqlite3_errmsg(db) : "no memory");
    exit(2);
  }
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
  if (sqlite3_load_extension(db, ext ? ext : "dist/backpain", NULL, &error) != SQLITE_OK) {
    fprintf(stderr, "%s: cannot load the extension: %s\n", who, error ? error : "unknown error");
    exit(2);
  }
  return db;
}

#endif
