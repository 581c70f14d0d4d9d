/*
** limits.c: results longer than the connection's SQLITE_LIMIT_LENGTH are
** refused with SQLite's "string or blob too big", never cut or turned into
** NULL: relaxant_courses and relaxant_dose_alerts build their JSON within
** that limit, and recommend_plan hands its text to SQLite, which checks it.
*/
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"

static void check(sqlite3 *db, const char *sql, const char *want_error, const char *name) {
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_step(stmt);
  const char *got = rc == SQLITE_ROW ? "(a row)" : sqlite3_errmsg(db);
  tap_is_str(got, want_error, "%s", name);
  sqlite3_finalize(stmt);
}

int main(void) {
  sqlite3 *db;
  char *error = NULL;
  const char *ext = getenv("BACKPAIN_EXT");
  sqlite3_open(":memory:", &db);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
  if (ext == NULL || sqlite3_load_extension(db, ext, NULL, &error) != SQLITE_OK) {
    printf("Bail out! cannot load %s: %s\n", ext ? ext : "(BACKPAIN_EXT unset)",
           error ? error : "");
    return 2;
  }
  const char *courses =
      "SELECT relaxant_courses(column1, column2) FROM (VALUES ('2024-01-01', '2024-01-10'), "
      "('2024-02-01', '2024-02-10'), ('2024-03-01', '2024-03-10'))";
  check(db, courses, "(a row)", "three courses fit the default length limit");
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 200);
  check(db, courses, "string or blob too big", "relaxant_courses past the length limit");
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 20);
  check(db, "SELECT relaxant_dose_alerts('cyclobenzaprine 10 mg', 10, 4, 'mild', 70)",
        "string or blob too big", "relaxant_dose_alerts past the length limit");
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1000);
  check(db, "SELECT recommend_plan()", "string or blob too big",
        "recommend_plan past the length limit");
  sqlite3_close(db);
  return tap_done();
}
