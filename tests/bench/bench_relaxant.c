/*
** bench_relaxant.c: the longest relaxant course per patient, three ways,
** in one process over one in-memory table of 400,000 fills for 100,000
** patients (inserted in random patient order, as a prescriptions table is):
**
**   extension  SELECT pid, relaxant_longest_course(s, e) ... GROUP BY pid
**   floor      SELECT pid, max(e) ... GROUP BY pid   (scan and group only)
**   plain SQL  the same answer with window functions (gaps and islands)
**
** It first checks that the plain-SQL answer and the extension's agree for
** every patient (exit 1 if not), then reports the median of 3 runs of each
** and the ratios. Figures only: nothing here is asserted about speed.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../support/test_util.h"
#include "bench_open.h"

#define PATIENTS 100000
#define FILLS 400000
#define RUNS 3

static const char *const extension_sql =
    "SELECT pid, relaxant_longest_course(s, e) FROM fills GROUP BY pid";
static const char *const floor_sql = "SELECT pid, max(e) FROM fills GROUP BY pid";
/* What an analyst writes without the extension: a running maximum of the
** ends so far, a new course where the gap exceeds 7 uncovered days, then
** the longest span per patient. */
static const char *const plain_sql =
    "WITH f AS (SELECT pid, julianday(s) AS s, julianday(e) AS e FROM fills),"
    " m AS (SELECT pid, s, e, max(e) OVER (PARTITION BY pid ORDER BY s, e"
    "        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end FROM f),"
    " g AS (SELECT pid, s, e, sum(CASE WHEN prev_end IS NULL OR s - prev_end - 1 > 7"
    "        THEN 1 ELSE 0 END) OVER (PARTITION BY pid ORDER BY s, e"
    "        ROWS UNBOUNDED PRECEDING) AS grp FROM m),"
    " c AS (SELECT pid, grp, max(e) - min(s) + 1 AS span FROM g GROUP BY pid, grp)"
    " SELECT pid, CAST(max(span) AS INTEGER) FROM c GROUP BY pid";

static void fail(sqlite3 *db, const char *what) {
  fprintf(stderr, "bench_relaxant: %s: %s\n", what, sqlite3_errmsg(db));
  exit(2);
}

/* Runs sql to the end; stores column 1 per patient (column 0) when out is
** not NULL. Returns the seconds taken and the row count in *rows. */
static double run(sqlite3 *db, const char *sql, long long *out, long long *rows) {
  sqlite3_stmt *stmt;
  double start = now_seconds();
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) fail(db, sql);
  *rows = 0;
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    if (out != NULL) out[sqlite3_column_int(stmt, 0)] = sqlite3_column_int64(stmt, 1);
    (*rows)++;
  }
  if (rc != SQLITE_DONE) fail(db, sql);
  sqlite3_finalize(stmt);
  return now_seconds() - start;
}

static double median_of_runs(sqlite3 *db, const char *sql) {
  double t[RUNS];
  long long rows;
  for (int i = 0; i < RUNS; i++) t[i] = run(db, sql, NULL, &rows);
  return median_of(t, RUNS);
}

int main(void) {
  sqlite3 *db =
      bench_open("bench_relaxant", ":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

  /* Fills: for each, a patient, a start in 2023-2024 near the patient's
  ** previous fills (so that courses form), and a supply of 5 to 34 days. */
  if (sqlite3_exec(db, "CREATE TABLE fills(pid INTEGER, s TEXT, e TEXT); BEGIN", NULL, NULL,
                   NULL) != SQLITE_OK) {
    fail(db, "create");
  }
  sqlite3_stmt *insert;
  sqlite3_prepare_v2(db, "INSERT INTO fills VALUES (?, date(?), date(?))", -1, &insert, NULL);
  unsigned long long state = 20261124;
  for (int i = 0; i < FILLS; i++) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    /* The first PATIENTS fills give every patient one, in a scrambled
    ** order (65537 is coprime with 100000); the rest go anywhere. */
    int pid =
        i < PATIENTS ? (int)(((long long)i * 65537) % PATIENTS) : (int)((state >> 33) % PATIENTS);
    int start_offset = (int)((state >> 13) % 120) + (pid % 600);
    int days = 5 + (int)((state >> 23) % 30);
    double start = 2459945.5 + start_offset; /* 2023-01-01 */
    sqlite3_bind_int(insert, 1, pid);
    sqlite3_bind_double(insert, 2, start);
    sqlite3_bind_double(insert, 3, start + days - 1);
    if (sqlite3_step(insert) != SQLITE_DONE) fail(db, "insert");
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);

  /* Correctness first: the plain-SQL answer and the extension's agree. */
  long long *by_extension = calloc(PATIENTS, sizeof(long long));
  long long *by_plain = calloc(PATIENTS, sizeof(long long));
  long long rows_extension, rows_plain, mismatches = 0;
  run(db, extension_sql, by_extension, &rows_extension);
  run(db, plain_sql, by_plain, &rows_plain);
  for (int p = 0; p < PATIENTS; p++) mismatches += by_extension[p] != by_plain[p];
  printf(
      "bench_relaxant: %d fills, %lld patients; plain SQL and extension agree on "
      "%lld of %lld patients\n",
      FILLS, rows_extension, rows_extension - mismatches, rows_extension);
  if (mismatches != 0 || rows_extension != rows_plain) {
    printf("bench_relaxant: DISAGREEMENT (%lld patients)\n", mismatches);
    return 1;
  }

  double t_extension = median_of_runs(db, extension_sql);
  double t_floor = median_of_runs(db, floor_sql);
  double t_plain = median_of_runs(db, plain_sql);
  printf("  %-44s %8.1f ms  %6.2f M fills/s\n", "relaxant_longest_course ... GROUP BY pid",
         t_extension * 1e3, FILLS / t_extension / 1e6);
  printf("  %-44s %8.1f ms  %6.2f M fills/s\n", "floor: max(e) ... GROUP BY pid", t_floor * 1e3,
         FILLS / t_floor / 1e6);
  printf("  %-44s %8.1f ms  %6.2f M fills/s\n", "plain SQL, window functions", t_plain * 1e3,
         FILLS / t_plain / 1e6);
  printf("  extension / floor     = %.2fx  (goal: at most 1.5x)\n", t_extension / t_floor);
  printf("  plain SQL / extension = %.2fx  (goal: at least 5x)\n", t_plain / t_extension);
  printf("  (median of %d runs each, SQLite %s)\n", RUNS, sqlite3_libversion());
  free(by_extension);
  free(by_plain);
  sqlite3_close(db);
  return 0;
}
