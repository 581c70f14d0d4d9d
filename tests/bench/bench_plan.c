/*
** bench_plan.c: recommend_plan() over 100,000 patients against the
** json_object() of the same values, in one process over one in-memory
** table: the floor is what SQLite needs to read the columns and build a
** small JSON object per row. Two shapes: the ten keys sql/views.sql passes
** (onset, as_of, spasm, red_flags, hepatic, age, tried as a JSON list of
** codes and texts, pain_baseline, pain_now, relaxant_days), and four keys.
** Measured in-engine, SELECT count(f(...)), so that handing results to the
** client does not hide the cost. Median of 5 runs, alternating; figures
** only, no assertions.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../support/test_util.h"
#include "bench_open.h"

#define PATIENTS 100000
#define RUNS 5

#define TEN_KEYS                                                                          \
  "('onset', onset, 'as_of', as_of, 'spasm', s, 'red_flags', r, 'hepatic', h, 'age', a, " \
  "'tried', tried, 'pain_baseline', pb, 'pain_now', pn, 'relaxant_days', rd)"
#define FOUR_KEYS "('pain_weeks', w, 'spasm', s, 'hepatic', h, 'age', a)"

static const char *const plan10_sql = "SELECT count(recommend_plan" TEN_KEYS ") FROM patients";
static const char *const floor10_sql = "SELECT count(json_object" TEN_KEYS ") FROM patients";
static const char *const plan4_sql = "SELECT count(recommend_plan" FOUR_KEYS ") FROM patients";
static const char *const floor4_sql = "SELECT count(json_object" FOUR_KEYS ") FROM patients";

static void fail(sqlite3 *db, const char *what) {
  fprintf(stderr, "bench_plan: %s: %s\n", what, sqlite3_errmsg(db));
  exit(2);
}

/* Runs sql to the end; returns seconds. */
static double run(sqlite3 *db, const char *sql) {
  sqlite3_stmt *stmt;
  double start = now_seconds();
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) fail(db, sql);
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
  }
  if (rc != SQLITE_DONE) fail(db, sql);
  sqlite3_finalize(stmt);
  return now_seconds() - start;
}

/* The median of RUNS runs of each query, the two alternating. */
static void medians(sqlite3 *db, const char *sql_a, const char *sql_b, double *a, double *b) {
  double ta[RUNS], tb[RUNS];
  for (int i = 0; i < RUNS; i++) {
    ta[i] = run(db, sql_a);
    tb[i] = run(db, sql_b);
  }
  *a = median_of(ta, RUNS);
  *b = median_of(tb, RUNS);
}

/* goal 0: none set (the four-key shape is for comparison only). */
static void report(const char *label, double t_plan, double t_floor, double goal) {
  printf(
      "  %-12s recommend_plan %7.1f ms (%4.0f ns/row), json_object %7.1f ms (%4.0f ns/row): "
      "%.2fx",
      label, t_plan * 1e3, t_plan * 1e9 / PATIENTS, t_floor * 1e3, t_floor * 1e9 / PATIENTS,
      t_plan / t_floor);
  if (goal > 0) printf(" (goal: at most %.0fx)", goal);
  printf("\n");
}

int main(void) {
  sqlite3 *db = bench_open("bench_plan", ":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  static const char *const hepatic[] = {NULL, "none", "mild", "moderate", "severe"};
  static const char *const tried[] = {
      NULL,
      "[\"exercise_therapy\"]",
      "[\"97110\",\"heat_therapy\"]",
      "[\"Physical therapy - therapeutic exercise\",\"97124\",\"Iyengar yoga\"]",
      "[\"yoga\",\"massage\",\"spinal_manipulation\",\"cyclobenzaprine 10 mg\"]",
      "[\"TENS unit\",\"back brace\",\"acupuncture\",\"mbsr\",\"cbt\"]",
  };
  if (sqlite3_exec(db,
                   "CREATE TABLE patients(w REAL, s INTEGER, h TEXT, a INTEGER, onset TEXT, "
                   "as_of TEXT, r INTEGER, tried TEXT, pb REAL, pn REAL, rd INTEGER); BEGIN",
                   NULL, NULL, NULL) != SQLITE_OK) {
    fail(db, "create");
  }
  sqlite3_stmt *insert;
  sqlite3_prepare_v2(db,
                     "INSERT INTO patients VALUES (?1, ?2, ?3, ?4, date('2023-01-01', '+' || ?5 "
                     "|| ' days'), date('2023-01-01', '+' || (?5 + ?6) || ' days'), ?7, ?8, ?9, "
                     "?10, ?11)",
                     -1, &insert, NULL);
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
    sqlite3_bind_int(insert, 5, (int)((state >> 12) % 700));
    sqlite3_bind_int(insert, 6, (int)((state >> 22) % 365));
    sqlite3_bind_int(insert, 7, (state >> 45) % 30 == 0);
    const char *t = tried[(state >> 47) % 6];
    if (t) {
      sqlite3_bind_text(insert, 8, t, -1, SQLITE_STATIC);
    } else {
      sqlite3_bind_null(insert, 8);
    }
    sqlite3_bind_int(insert, 9, 5 + (int)((state >> 50) % 6));
    sqlite3_bind_double(insert, 10, (double)((state >> 53) % 11));
    sqlite3_bind_int(insert, 11, (int)((state >> 56) % 40));
    if (sqlite3_step(insert) != SQLITE_DONE) fail(db, "insert");
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);

  /* Both must run without error over every row (a plan, not an error). */
  double t_plan10, t_floor10, t_plan4, t_floor4;
  medians(db, plan10_sql, floor10_sql, &t_plan10, &t_floor10);
  medians(db, plan4_sql, floor4_sql, &t_plan4, &t_floor4);
  printf("bench_plan: %d patients, in-engine count(), median of %d runs, SQLite %s\n", PATIENTS,
         RUNS, sqlite3_libversion());
  report("ten keys", t_plan10, t_floor10, 2);
  report("four keys", t_plan4, t_floor4, 0);
  sqlite3_close(db);
  return 0;
}
