/*
** bench_cohort.c: the relaxant audit and the plan summary of sql/ over
** generated cohorts of 10,000, 100,000 and 1,000,000 patients
** (build/bench/cohort_<N>.db, made by `make bench` with fixtures'
** gen_cohort), next to a plain-SQL formulation of the same audit.
**
**   audit, extension   courses per ingredient from relaxant_courses()
**                      (the relaxant_course view of sql/views.sql)
**   audit, plain SQL   the same figures with window functions (gaps and
**                      islands) over the same fills
**   plan summary       pathway and stage counts of the patient_plan view
**
** Each query runs in a child process, so its peak memory (ru_maxrss) is its
** own; time is the median of 3 runs. Before timing, the two audits must
** give identical rows (exit 1 if not). Figures only: nothing is asserted
** about speed; the closing table shows how time grows with N.
*/
#define _DEFAULT_SOURCE
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bp_common.h"
#include "../support/test_util.h"
#include "bench_open.h"

#define RUNS 3

static const long sizes[] = {10000, 100000, 1000000};
#define SIZE_COUNT BP_COUNT(sizes)

typedef struct {
  const char *name;
  const char *sql;
  const char *rate_of; /* what "rows" counts, for rows per second */
  const char *count_sql;
} bench_query;

static const bench_query queries[] = {
    {"audit, extension",
     "SELECT ingredient, count(*), sum(overdue), max(span_days) FROM relaxant_course "
     "GROUP BY ingredient ORDER BY ingredient",
     "drug rows", "SELECT count(*) FROM drug_exposure"},
    {"audit, plain SQL",
     "WITH f AS (SELECT person_id, ingredient, julianday(start_date) AS s,"
     "                  coalesce(julianday(end_date),"
     "                           (SELECT julianday(cutoff_date) FROM data_cutoff)) AS e"
     "             FROM relaxant_fill WHERE status IN ('ok', 'open')),"
     " m AS (SELECT *, max(e) OVER (PARTITION BY person_id, ingredient ORDER BY s, e"
     "        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev FROM f),"
     " g AS (SELECT *, sum(CASE WHEN prev IS NULL OR s - prev - 1 > 7 THEN 1 ELSE 0 END)"
     "        OVER (PARTITION BY person_id, ingredient ORDER BY s, e ROWS UNBOUNDED PRECEDING)"
     "        AS grp FROM m),"
     " c AS (SELECT ingredient, CAST(max(e) - min(s) + 1 AS INTEGER) AS span FROM g"
     "        GROUP BY person_id, ingredient, grp)"
     " SELECT ingredient, count(*), sum(span > 21), max(span) FROM c"
     " GROUP BY ingredient ORDER BY ingredient",
     "drug rows", "SELECT count(*) FROM drug_exposure"},
    {"plan summary",
     "SELECT json_extract(plan, '$.pathway'), json_extract(plan, '$.stage'), count(*)"
     "  FROM patient_plan GROUP BY 1, 2 ORDER BY 1, 2",
     "patients", "SELECT count(*) FROM person"},
};
#define QUERY_COUNT BP_COUNT(queries)

/* Opens the cohort read-only with the extension and the views. */
static sqlite3 *open_cohort(const char *path) {
  sqlite3 *db = bench_open("bench_cohort", path, SQLITE_OPEN_READONLY);
  char *error = NULL;
  char *views = read_file("sql/views.sql");
  if (views == NULL || sqlite3_exec(db, views, NULL, NULL, &error) != SQLITE_OK) {
    fprintf(stderr, "bench_cohort: sql/views.sql: %s\n", error ? error : "cannot be read");
    exit(2);
  }
  free(views);
  return db;
}

/* Runs sql to the end; appends its rows as text to out when out != NULL. */
static void run_query(sqlite3 *db, const char *sql, char *out, size_t out_size) {
  sqlite3_stmt *stmt;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
    fprintf(stderr, "bench_cohort: %s\n", sqlite3_errmsg(db));
    exit(2);
  }
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    for (int c = 0; out != NULL && c < sqlite3_column_count(stmt); c++) {
      const char *v = (const char *)sqlite3_column_text(stmt, c);
      size_t used = strlen(out);
      snprintf(out + used, out_size - used, "%s%s", v ? v : "NULL",
               c + 1 < sqlite3_column_count(stmt) ? "|" : "\n");
    }
  }
  if (rc != SQLITE_DONE) {
    fprintf(stderr, "bench_cohort: %s\n", sqlite3_errmsg(db));
    exit(2);
  }
  sqlite3_finalize(stmt);
}

static long long count_of(sqlite3 *db, const char *sql) {
  char out[64] = "";
  run_query(db, sql, out, sizeof(out));
  return atoll(out);
}

/* Runs one query in a child process; returns seconds and peak KB. */
static double measure(const char *path, const char *sql, long *peak_kb) {
  int fds[2];
  if (pipe(fds) != 0) exit(2);
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    sqlite3 *db = open_cohort(path);
    double start = now_seconds();
    run_query(db, sql, NULL, 0);
    double elapsed = now_seconds() - start;
    sqlite3_close(db);
    if (write(fds[1], &elapsed, sizeof(elapsed)) != (ssize_t)sizeof(elapsed)) _exit(2);
    _exit(0);
  }
  close(fds[1]);
  double elapsed = -1;
  if (read(fds[0], &elapsed, sizeof(elapsed)) != (ssize_t)sizeof(elapsed)) elapsed = -1;
  close(fds[0]);
  int status;
  struct rusage usage;
  wait4(pid, &status, 0, &usage);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || elapsed < 0) {
    fprintf(stderr, "bench_cohort: the measured query failed\n");
    exit(2);
  }
  *peak_kb = usage.ru_maxrss;
  return elapsed;
}

/* Runs both audits over the cohort at path and compares their rows; on a
** difference prints both. Returns 1 when they agree (and are not empty). */
static int audits_agree(const char *path, long long *drug_rows, long long *patients) {
  static char by_extension[8192], by_plain[8192];
  sqlite3 *db = open_cohort(path);
  *drug_rows = count_of(db, queries[0].count_sql);
  *patients = count_of(db, queries[2].count_sql);
  by_extension[0] = by_plain[0] = '\0';
  run_query(db, queries[0].sql, by_extension, sizeof(by_extension));
  run_query(db, queries[1].sql, by_plain, sizeof(by_plain));
  sqlite3_close(db);
  int agree = strcmp(by_extension, by_plain) == 0 && by_extension[0] != '\0';
  if (!agree) printf("extension:\n%splain SQL:\n%s", by_extension, by_plain);
  return agree;
}

/* bench_cohort: the benchmark over the three cohorts of make bench.
** bench_cohort --agree DB: only checks that the two audits agree on DB
** (tests/cohort.sh, in make test): exit 0 when they do, 1 when not. */
int main(int argc, char **argv) {
  double seconds[SIZE_COUNT][QUERY_COUNT];
  long long drug_rows, patients;
  if (argc == 3 && strcmp(argv[1], "--agree") == 0) {
    return audits_agree(argv[2], &drug_rows, &patients) ? 0 : 1;
  }
  if (argc != 1) {
    fprintf(stderr, "usage: bench_cohort [--agree COHORT.db]\n");
    return 2;
  }
  printf(
      "bench_cohort: the relaxant audit and the plan summary over generated cohorts "
      "(SQLite %s)\n",
      sqlite3_libversion());
  for (size_t si = 0; si < SIZE_COUNT; si++) {
    char path[64];
    snprintf(path, sizeof(path), "build/bench/cohort_%ld.db", sizes[si]);
    int agree = audits_agree(path, &drug_rows, &patients);
    printf("\n%ld patients, %lld drug rows: the two audits %s\n", sizes[si], drug_rows,
           agree ? "agree on every ingredient" : "DISAGREE");
    if (!agree) return 1;
    for (size_t q = 0; q < QUERY_COUNT; q++) {
      double runs[RUNS];
      long peak_kb = 0, kb;
      for (int r = 0; r < RUNS; r++) {
        runs[r] = measure(path, queries[q].sql, &kb);
        if (kb > peak_kb) peak_kb = kb;
      }
      seconds[si][q] = median_of(runs, RUNS);
      long long rows = strcmp(queries[q].rate_of, "patients") == 0 ? patients : drug_rows;
      printf("  %-18s %9.3f s  %10.0f %s/s  peak %6.1f MB\n", queries[q].name, seconds[si][q],
             (double)rows / seconds[si][q], queries[q].rate_of, peak_kb / 1024.0);
    }
    printf("  plain SQL / extension (audit) = %.2fx\n", seconds[si][1] / seconds[si][0]);
  }
  printf("\ngrowth of time with N (linear: each step is 10x)\n");
  for (size_t q = 0; q < QUERY_COUNT; q++) {
    printf("  %-18s 10k->100k %5.1fx   100k->1M %5.1fx\n", queries[q].name,
           seconds[1][q] / seconds[0][q], seconds[2][q] / seconds[1][q]);
  }
  printf("(median of %d runs, each in its own process)\n", RUNS);
  return 0;
}
