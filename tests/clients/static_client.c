/*
** static_client.c: an application that links backpain statically
** (dist/libbackpain.a, built with -DSQLITE_CORE) and uses it with no
** loading step: sqlite3_auto_extension() registers it for every new
** connection. It checks one function of each kind, the virtual table, and
** that load_extension() is not needed (it stays disabled); and, calling
** sqlite3_backpain_init() itself, that a registration SQLite refuses (a
** function in use by a running statement) is returned as an error, named
** in the message when the caller asks for one and also when it does not
** (error_message NULL, as backpain.h allows).
*/
#include <sqlite3.h>
#include <string.h>

#include "backpain.h"
#include "tap.h"

static char *one_text(sqlite3 *db, const char *sql, char *out, size_t size) {
  sqlite3_stmt *stmt = NULL;
  out[0] = '\0';
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
    snprintf(out, size, "error: %s", sqlite3_errmsg(db));
  } else if (sqlite3_step(stmt) == SQLITE_ROW) {
    const char *text = (const char *)sqlite3_column_text(stmt, 0);
    snprintf(out, size, "%s", text ? text : "NULL");
  } else {
    snprintf(out, size, "error: %s", sqlite3_errmsg(db));
  }
  sqlite3_finalize(stmt);
  return out;
}

int main(void) {
  sqlite3 *db;
  char got[512];
  tap_is_int(sqlite3_auto_extension((void (*)(void))sqlite3_backpain_init), SQLITE_OK,
             "sqlite3_auto_extension registers backpain");
  tap_is_int(sqlite3_open(":memory:", &db), SQLITE_OK, "a new connection opens");
  tap_is_str(one_text(db, "SELECT backpain_version()", got, sizeof(got)), BACKPAIN_VERSION,
             "backpain_version() without loading anything");
  tap_is_str(one_text(db, "SELECT relaxant_days('2024-01-01', '2024-01-21')", got, sizeof(got)),
             "21", "a scalar function");
  tap_is_str(one_text(db,
                      "SELECT relaxant_longest_course(column1, column2) FROM (VALUES "
                      "('2024-01-01', '2024-01-14'), ('2024-01-17', '2024-01-30'), "
                      "('2024-01-31', '2024-02-13'))",
                      got, sizeof(got)),
             "44", "an aggregate: the contract's 44-day course");
  tap_is_str(one_text(db,
                      "SELECT group_concat(n) FROM (SELECT relaxant_course_no(column1, column2) "
                      "OVER (ORDER BY column1) AS n FROM (VALUES ('2024-01-01', '2024-01-10'), "
                      "('2024-01-19', '2024-01-28')))",
                      got, sizeof(got)),
             "1,2", "a window function");
  tap_is_str(one_text(db, "SELECT quality FROM guideline_evidence WHERE id = 'tens_vs_sham'", got,
                      sizeof(got)),
             "low", "the virtual table");
  tap_is_str(one_text(db, "SELECT json_extract(recommend_plan('pain_weeks', 2), '$.pathway')", got,
                      sizeof(got)),
             "acute_subacute", "recommend_plan");
  tap_ok(strncmp(one_text(db, "SELECT load_extension('dist/backpain')", got, sizeof(got)),
                 "error: not authorized", 21) == 0,
         "extension loading stays disabled: nothing was loaded (%s)", got);
  sqlite3_close(db);
  sqlite3_reset_auto_extension();

  tap_is_int(sqlite3_open(":memory:", &db), SQLITE_OK, "a connection without the auto extension");
  tap_is_int(sqlite3_backpain_init(db, NULL, NULL), SQLITE_OK,
             "sqlite3_backpain_init registers it");
  sqlite3_stmt *running = NULL;
  sqlite3_prepare_v2(db, "SELECT backpain_version() FROM (SELECT 1 UNION ALL SELECT 2)", -1,
                     &running, NULL);
  tap_is_int(sqlite3_step(running), SQLITE_ROW, "a statement using backpain_version runs");
  char *error = NULL;
  tap_is_int(sqlite3_backpain_init(db, &error, NULL), SQLITE_BUSY,
             "registering again meanwhile fails: SQLITE_BUSY");
  tap_is_str(error,
             "backpain: cannot register backpain_version/0: unable to delete/modify "
             "user-function due to active statements",
             "... naming the function that could not be replaced");
  sqlite3_free(error);
  tap_is_int(sqlite3_backpain_init(db, NULL, NULL), SQLITE_BUSY,
             "... and so without an error message");
  sqlite3_finalize(running);
  sqlite3_close(db);
  return tap_done();
}
