/*
** no_writes.c: loading backpain and running every function, aggregate,
** window function and the virtual table over a database file leaves the
** file's bytes unchanged, and leaves no journal or WAL file behind. The
** connection is opened read-write, so nothing but the extension's own
** behaviour keeps the file as it was.
**
** The functions and arities are the engine's own list (pragma_function_list
** after loading, tests/support/every_function.h), each called with the
** valid arguments of tests/support/function_examples.h over the rows of
** the file; the test fails when that table and the engine's list differ.
*/
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/function_examples.h"
#include "tap.h"

/* Besides the functions: the virtual table, and a call that fails (an
** error must not write either). */
static const char *const other_queries[] = {
    "SELECT * FROM guideline_evidence WHERE intervention IN (SELECT intervention_code(therapy) "
    "FROM fill)",
    "SELECT relaxant_days(e, s) FROM fill",
};

/* FNV-1a over the file's bytes, and its size. */
static uint64_t file_hash(const char *path, long *size) {
  FILE *f = fopen(path, "rb");
  uint64_t h = 1469598103934665603ULL;
  int c;
  *size = 0;
  if (f == NULL) return 0;
  while ((c = fgetc(f)) != EOF) {
    h = (h ^ (uint64_t)c) * 1099511628211ULL;
    (*size)++;
  }
  fclose(f);
  return h;
}

static int exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

/* Runs one query to its end. Returns the rows, or -1 when it fails, with
** the error message in message. */
static int run_query(sqlite3 *db, const char *sql, char message[256]) {
  sqlite3_stmt *stmt = NULL;
  int rows = 0, rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK) {
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) rows++;
  }
  snprintf(message, 256, "%s", rc == SQLITE_DONE ? "" : sqlite3_errmsg(db));
  sqlite3_finalize(stmt);
  return rc == SQLITE_DONE ? rows : -1;
}

/* The query that runs f, with the example's arguments, over the rows of fill. */
static char *function_query(const ef_function *f, const function_example *example) {
  sqlite3_str *sql = sqlite3_str_new(NULL);
  sqlite3_str_appendall(sql, "SELECT ");
  function_example_call(sql, example, f->narg, example->columns);
  if (f->kind == 'w') sqlite3_str_appendall(sql, " OVER (ORDER BY s)");
  sqlite3_str_appendall(sql, " FROM fill");
  return sqlite3_str_finish(sql);
}

int main(void) {
  char dir[] = "/tmp/backpain-nowrite-XXXXXX";
  char path[128], journal[160], wal[160];
  sqlite3 *db;
  ef_list engine;
  const char *ext = getenv("BACKPAIN_EXT");
  if (mkdtemp(dir) == NULL) return 2;
  snprintf(path, sizeof(path), "%s/cohort.db", dir);
  snprintf(journal, sizeof(journal), "%s-journal", path);
  snprintf(wal, sizeof(wal), "%s-wal", path);

  sqlite3_open(path, &db);
  int rc = sqlite3_exec(
      db,
      "CREATE TABLE fill(drug, s, e, code, therapy);"
      "INSERT INTO fill VALUES"
      " ('Cyclobenzaprine HCl 10 MG Oral Tablet', '2024-01-01', '2024-01-14', 'M54.50', 'yoga'),"
      " ('FLEXERIL 10mg', '2024-01-17', '2024-01-30', 'M62.830', '97110'),"
      " ('Amrix 15 mg ER capsule', '2024-03-01', '2024-03-30', 'G83.4', 'TENS unit');",
      NULL, NULL, NULL);
  sqlite3_close(db);
  long size_before, size_after;
  uint64_t before = file_hash(path, &size_before);
  tap_ok(rc == SQLITE_OK && size_before > 0, "a database file of %ld bytes", size_before);

  sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
  int loaded = ext != NULL && ef_register_and_list(db, ef_load_extension, (void *)ext, &engine);
  tap_ok(loaded, "the extension loads into a read-write connection");
  if (!loaded) return tap_done();
  size_t differences = EF_COMPARE(&engine, function_examples, stdout, "# ");
  tap_ok(engine.count > 0 && differences == 0,
         "the examples cover exactly the engine's %zu functions and arities (%zu differences)",
         engine.count, differences);

  int calls = 0, failed = 0;
  char message[256];
  for (size_t i = 0; i < engine.count; i++) {
    const function_example *example =
        function_example_for(engine.rows[i].name, engine.rows[i].narg);
    if (example == NULL) continue; /* a difference, failed above */
    char *sql = function_query(&engine.rows[i], example);
    int rows = run_query(db, sql, message);
    int want = engine.rows[i].kind == 'a' ? 1 : 3; /* an aggregate gives one row */
    calls++;
    if (rows != want) {
      failed++;
      tap_diag("%s: %d rows, not %d (%s)", sql, rows, want, message);
    }
    sqlite3_free(sql);
  }
  tap_ok(calls == (int)engine.count && failed == 0,
         "every function of the engine ran over the file's rows (%d calls, %d failed)", calls,
         failed);
  tap_ok(run_query(db, other_queries[0], message) > 0,
         "guideline_evidence ran over the file's rows%s", message);
  tap_ok(run_query(db, other_queries[1], message) < 0, "a call that fails: %s", message);
  tap_ok(sqlite3_total_changes(db) == 0, "SQLite counts no change");
  sqlite3_close(db);
  ef_free(&engine);

  uint64_t after = file_hash(path, &size_after);
  tap_ok(after == before && size_after == size_before, "the file's bytes are unchanged");
  tap_ok(!exists(journal) && !exists(wal), "no journal or WAL file was left");

  unlink(path);
  rmdir(dir);
  return tap_done();
}
