/*
** upgrade.c: what an upgrade of backpain does to what a database stored.
**
** recommend_plan() puts backpain_version() into every plan, and is
** DETERMINISTIC, so it may be used in an expression index or a stored
** generated column. The version is kept in the plan on purpose: a
** dashboard that stores plans must be able to tell which content gave each
** one. The price, written down in docs/reliability.md: after loading a new
** version, an index over recommend_plan() holds plans of the old version,
** PRAGMA integrity_check reports it, and REINDEX rebuilds it; stored
** generated columns keep the old plan until their row is updated.
**
** This test builds such an index with the extension ($BACKPAIN_EXT), then
** opens the database with the same code under another version number
** ($BACKPAIN_EXT_UPGRADE, built by the Makefile) and checks each step.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"

static sqlite3 *open_with(const char *path, const char *ext) {
  sqlite3 *db = NULL;
  char *error = NULL;
  if (sqlite3_open(path, &db) != SQLITE_OK) {
    printf("Bail out! cannot open %s\n", path);
    exit(2);
  }
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
  if (ext == NULL || sqlite3_load_extension(db, ext, NULL, &error) != SQLITE_OK) {
    printf("Bail out! cannot load %s: %s\n", ext ? ext : "(unset)", error ? error : "");
    exit(2);
  }
  return db;
}

/* The first column of the first row as text, into out. */
static const char *one_text(sqlite3 *db, const char *sql, char *out, size_t size) {
  sqlite3_stmt *stmt = NULL;
  snprintf(out, size, "(error: %s)", "prepare");
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
      const unsigned char *text = sqlite3_column_text(stmt, 0);
      snprintf(out, size, "%s", text ? (const char *)text : "NULL");
    } else {
      snprintf(out, size, "(error: %s)", sqlite3_errmsg(db));
    }
  }
  sqlite3_finalize(stmt);
  return out;
}

int main(void) {
  char path[] = "/tmp/backpain-upgrade-XXXXXX";
  char got[512], old_version[64], new_version[64];
  const char *ext = getenv("BACKPAIN_EXT");
  const char *upgrade = getenv("BACKPAIN_EXT_UPGRADE");
  int fd = mkstemp(path);
  if (fd < 0) {
    printf("Bail out! mkstemp failed\n");
    return 2;
  }
  close(fd);
  unlink(path);

  sqlite3 *db = open_with(path, ext);
  one_text(db, "SELECT backpain_version()", old_version, sizeof(old_version));
  tap_ok(
      sqlite3_exec(db,
                   "CREATE TABLE patient(id INTEGER PRIMARY KEY, weeks REAL,"
                   "  plan TEXT GENERATED ALWAYS AS (recommend_plan('pain_weeks', weeks)) STORED);"
                   "CREATE INDEX by_plan ON patient(recommend_plan('pain_weeks', weeks));"
                   "INSERT INTO patient(weeks) VALUES (2), (20), (40);",
                   NULL, NULL, NULL) == SQLITE_OK,
      "an expression index and a stored generated column over recommend_plan()");
  tap_is_str(one_text(db, "PRAGMA integrity_check", got, sizeof(got)), "ok",
             "integrity_check is ok with the version that built them");
  sqlite3_close(db);

  db = open_with(path, upgrade);
  one_text(db, "SELECT backpain_version()", new_version, sizeof(new_version));
  tap_ok(strcmp(old_version, new_version) != 0, "the upgrade is another version (%s, then %s)",
         old_version, new_version);
  one_text(db, "PRAGMA integrity_check", got, sizeof(got));
  tap_ok(strstr(got, "by_plan") != NULL,
         "after the upgrade, integrity_check reports the index over recommend_plan(): %s", got);
  char sql[256];
  snprintf(sql, sizeof(sql),
           "SELECT count(*) FROM patient WHERE json_extract(plan, '$.version') = '%s'",
           old_version);
  tap_is_str(one_text(db, sql, got, sizeof(got)), "3",
             "stored generated columns still hold the old version's plans");
  tap_ok(sqlite3_exec(db, "REINDEX by_plan", NULL, NULL, NULL) == SQLITE_OK, "REINDEX by_plan");
  tap_is_str(one_text(db, "PRAGMA integrity_check", got, sizeof(got)), "ok",
             "after REINDEX, integrity_check is ok again");
  tap_ok(sqlite3_exec(db, "UPDATE patient SET weeks = weeks", NULL, NULL, NULL) == SQLITE_OK,
         "touching the rows recomputes the generated column");
  snprintf(sql, sizeof(sql),
           "SELECT count(*) FROM patient WHERE json_extract(plan, '$.version') = '%s'",
           new_version);
  tap_is_str(one_text(db, sql, got, sizeof(got)), "3", "... with the new version's plans");
  sqlite3_close(db);
  unlink(path);
  return tap_done();
}
