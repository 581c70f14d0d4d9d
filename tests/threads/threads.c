/*
** threads.c: 8 threads, each with its own connection, run the whole audit
** and plan workload (every report of sql/ and the plan of every person) at
** the same time against one shared database file. Each thread's output
** must be identical to a single-threaded run. Built with
** -fsanitize=thread (make threads), so a data race anywhere in backpain is
** reported and fails the test.
**
** The extension is compiled in (SQLITE_CORE) and registered for every
** connection with sqlite3_auto_extension, so ThreadSanitizer sees all of
** its code. The cohort is fixtures/cohort_small.sql.
*/
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bp_common.h"
#include "backpain.h"
#include "tap.h"
#include "../support/test_util.h"

#define THREADS 8
#define ROUNDS 2

static const char *const workload_files[] = {
    "sql/relaxant_audit.sql", "sql/dose_alerts.sql", "sql/data_quality.sql",
    "sql/cohort.sql",         "sql/plans.sql",       "sql/low_value_care.sql",
};
#define WORKLOAD_COUNT BP_COUNT(workload_files)

/* Everything a thread needs; each thread owns its own copy. */
typedef struct {
  const char *db_path;
  const char *views;                    /* sql/views.sql */
  const char *workload[WORKLOAD_COUNT]; /* the report files */
  char *output;                         /* every row of every report, as text */
  size_t length, capacity;
  char error[256];
} job;

static void append(job *j, const char *text) {
  size_t n = strlen(text);
  if (j->length + n + 1 > j->capacity) {
    j->capacity = (j->length + n + 1) * 2;
    j->output = realloc(j->output, j->capacity);
    if (j->output == NULL) abort();
  }
  memcpy(j->output + j->length, text, n + 1);
  j->length += n;
}

/* Runs every statement of sql, appending the rows. */
static int run_script(sqlite3 *db, const char *sql, job *j) {
  const char *tail = sql;
  while (*tail) {
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, tail, -1, &stmt, &tail) != SQLITE_OK) {
      snprintf(j->error, sizeof(j->error), "prepare: %s", sqlite3_errmsg(db));
      return 0;
    }
    if (stmt == NULL) break;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(stmt); c++) {
        const char *v = (const char *)sqlite3_column_text(stmt, c);
        append(j, v ? v : "NULL");
        append(j, c + 1 < sqlite3_column_count(stmt) ? "|" : "\n");
      }
    }
    if (rc != SQLITE_DONE) {
      snprintf(j->error, sizeof(j->error), "step: %s", sqlite3_errmsg(db));
      sqlite3_finalize(stmt);
      return 0;
    }
    sqlite3_finalize(stmt);
  }
  return 1;
}

/* One pass of the workload on a new connection. */
static void *run_job(void *arg) {
  job *j = arg;
  sqlite3 *db = NULL;
  j->length = 0;
  if (j->output) j->output[0] = '\0';
  if (sqlite3_open_v2(j->db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
    snprintf(j->error, sizeof(j->error), "open: %s", sqlite3_errmsg(db));
  } else if (run_script(db, j->views, j)) {
    for (size_t w = 0; w < WORKLOAD_COUNT && run_script(db, j->workload[w], j); w++) {
    }
    /* and every person's whole plan, not only the summaries */
    run_script(db, "SELECT person_id, plan FROM patient_plan ORDER BY person_id", j);
  }
  sqlite3_close(db);
  return NULL;
}

int main(void) {
  char dir[] = "/tmp/backpain-threads-XXXXXX";
  char db_path[128];
  job reference = {0};
  job jobs[THREADS];
  sqlite3 *db;
  if (mkdtemp(dir) == NULL) return 2;
  snprintf(db_path, sizeof(db_path), "%s/cohort.db", dir);

  tap_ok(sqlite3_threadsafe() != 0, "SQLite is built thread-safe (%d)", sqlite3_threadsafe());
  tap_is_int(sqlite3_auto_extension((void (*)(void))sqlite3_backpain_init), SQLITE_OK,
             "backpain is registered for every connection");

  /* The shared database file, from the committed cohort. */
  char *cohort = read_file("fixtures/cohort_small.sql");
  char *error = NULL;
  int created = cohort != NULL && sqlite3_open(db_path, &db) == SQLITE_OK &&
                sqlite3_exec(db, cohort, NULL, NULL, &error) == SQLITE_OK;
  tap_ok(created, "the shared database file is written (%s)", error ? error : "ok");
  sqlite3_free(error);
  sqlite3_close(db);
  free(cohort);

  reference.db_path = db_path;
  reference.views = read_file("sql/views.sql");
  for (size_t w = 0; w < WORKLOAD_COUNT; w++) reference.workload[w] = read_file(workload_files[w]);
  run_job(&reference);
  tap_ok(reference.error[0] == '\0' && reference.length > 10000,
         "single-threaded run: %zu bytes of results %s", reference.length, reference.error);

  int identical = 1, clean = 1;
  for (int round = 0; round < ROUNDS; round++) {
    pthread_t threads[THREADS];
    for (int t = 0; t < THREADS; t++) {
      if (round == 0) {
        jobs[t] = reference;
        jobs[t].output = NULL;
        jobs[t].capacity = 0;
      }
      jobs[t].error[0] = '\0';
      pthread_create(&threads[t], NULL, run_job, &jobs[t]);
    }
    for (int t = 0; t < THREADS; t++) pthread_join(threads[t], NULL);
    for (int t = 0; t < THREADS; t++) {
      if (jobs[t].error[0]) {
        clean = 0;
        tap_diag("round %d thread %d: %s", round, t, jobs[t].error);
      }
      if (jobs[t].output == NULL || strcmp(jobs[t].output, reference.output) != 0) identical = 0;
    }
  }
  tap_ok(clean, "%d threads x %d rounds ran every report without an error", THREADS, ROUNDS);
  tap_ok(identical, "every thread's results are identical to the single-threaded run");

  for (int t = 0; t < THREADS; t++) free(jobs[t].output);
  free(reference.output);
  free((char *)reference.views);
  for (size_t w = 0; w < WORKLOAD_COUNT; w++) free((char *)reference.workload[w]);
  unlink(db_path);
  rmdir(dir);
  sqlite3_reset_auto_extension();
  return tap_done();
}
