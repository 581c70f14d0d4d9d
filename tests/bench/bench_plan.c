/*
** bench_plan.c: recommend_plan() over 100,000 patients against the
** json_object() of the same columns, in one process over one in-memory
** table: the floor is what SQLite needs to read four columns and build a
** small JSON object per row. Median of 3 runs; figures only, no assertions.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../support/test_util.h"

#define PATIENTS 100000
#define RUNS 3

static const char *const plan_sql =
    "SELECT recommend_plan('pain_weeks', w, 'spasm', s, 'hepatic', h, 'age', a) FROM patients";
static const char *const floor_sql =
    "SELECT json_object('pain_weeks', w, 'spasm', s, 'hepatic', h, 'age', a) FROM patients";

static void fail(sqlite3 *db, const char *what) {
  fprintf(stderr, "bench_plan: %s: %s\n", what, sqlite3_errmsg(db));
  exit(2);
}

/* Runs sql to the end; returns seconds, and the bytes of output in *bytes. */
static double run(sqlite3 *db, const char *sql, long long *bytes) {
  sqlite3_stmt *stmt;
  double start = now_seconds();
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) fail(db, sql);
  int rc;
  *bytes = 0;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) *bytes += sqlite3_column_bytes(stmt, 0);
  if (rc != SQLITE_DONE) fail(db, sql);
  sqlite3_finalize(stmt);
  return now_seconds() - start;
}

static double median_of_runs(sqlite3 *db, const char *sql, long long *bytes) {
  double t[RUNS];
  for (int i = 0; i < RUNS; i++) t[i] = run(db, sql, bytes);
  return median_of(t, RUNS);
}

int main(void) {
  sqlite3 *db;
  char *error = NULL;
  const char *ext = getenv("BACKPAIN_EXT");
  static const char *const hepatic[] = {NULL, "none", "mild", "moderate", "severe"};
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 2;
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
  if (sqlite3_load_extension(db, ext ? ext : "dist/backpain", NULL, &error) != SQLITE_OK) {
    fprintf(stderr, "bench_plan: cannot load extension: %s\n", error);
    return 2;
  }
  if (sqlite3_exec(db, "CREATE TABLE patients(w REAL, s INTEGER, h TEXT, a INTEGER); BEGIN", NULL,
                   NULL, NULL) != SQLITE_OK) {
    fail(db, "create");
  }
  sqlite3_stmt *insert;
  sqlite3_prepare_v2(db, "INSERT INTO patients VALUES (?, ?, ?, ?)", -1, &insert, NULL);
  unsigned long long state = 424242;
  for (int i = 0; i < PATIENTS; i++) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    sqlite3_bind_double(insert, 1, (double)((state >> 20) % 520) / 10.0); /* 0 to 52 weeks */
    sqlite3_bind_int(insert, 2, (int)((state >> 30) % 2));
    const char *h = hepatic[(state >> 35) % 5];
    if (h) {
      sqlite3_bind_text(insert, 3, h, -1, SQLITE_STATIC);
    } else {
      sqlite3_bind_null(insert, 3);
    }
    sqlite3_bind_int(insert, 4, 18 + (int)((state >> 40) % 75));
    if (sqlite3_step(insert) != SQLITE_DONE) fail(db, "insert");
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);

  long long plan_bytes, floor_bytes;
  double t_plan = median_of_runs(db, plan_sql, &plan_bytes);
  double t_floor = median_of_runs(db, floor_sql, &floor_bytes);
  printf("bench_plan: %d patients\n", PATIENTS);
  printf("  %-44s %8.1f ms  %8.0f plans/s  (%.0f bytes per plan)\n", "recommend_plan(4 keys)",
         t_plan * 1e3, PATIENTS / t_plan, (double)plan_bytes / PATIENTS);
  printf("  %-44s %8.1f ms  %8.0f rows/s   (%.0f bytes per row)\n",
         "floor: json_object(same 4 keys)", t_floor * 1e3, PATIENTS / t_floor,
         (double)floor_bytes / PATIENTS);
  printf("  recommend_plan / json_object = %.2fx  (goal: at most 3x)\n", t_plan / t_floor);
  printf("  (median of %d runs each, SQLite %s)\n", RUNS, sqlite3_libversion());
  sqlite3_close(db);
  return 0;
}
