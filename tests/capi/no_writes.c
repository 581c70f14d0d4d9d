/*
** no_writes.c: loading backpain and running every function, aggregate,
** window function and the virtual table over a database file leaves the
** file's bytes unchanged, and leaves no journal or WAL file behind. The
** connection is opened read-write, so nothing but the extension's own
** behaviour keeps the file as it was.
*/
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tap.h"

static const char *const queries[] = {
    "SELECT backpain_version()",
    "SELECT relaxant_ingredient(drug), relaxant_end(s, days), relaxant_days(s, e),"
    " relaxant_overdue(s, e), relaxant_overdue(s, e, '2024-02-01'), relaxant_overdue(s, e, NULL, "
    "10),"
    " relaxant_dose_alerts(drug, 10, 3), relaxant_dose_alerts(drug, 10, 3, 'mild'),"
    " relaxant_dose_alerts(drug, 10, 3, 'none', 70), intervention_code(therapy),"
    " pain_phase(days / 7.0), pain_phase(s, e), icd10_class(code) FROM fill",
    "SELECT relaxant_courses(s, e), relaxant_courses(s, e, 3), relaxant_courses(s, e, 3, 14),"
    " relaxant_longest_course(s, e), relaxant_longest_course(s, e, 3) FROM fill",
    "SELECT relaxant_course_no(s, e) OVER (ORDER BY s), relaxant_course_no(s, e, 3) OVER (ORDER BY "
    "s)"
    " FROM fill",
    "SELECT recommend_plan('onset', s, 'as_of', e, 'tried', therapy, 'spasm', 1, 'relaxant_days', "
    "days)"
    " FROM fill",
    "SELECT * FROM guideline_evidence WHERE intervention IN (SELECT intervention_code(therapy) "
    "FROM fill)",
    "SELECT relaxant_days(e, s) FROM fill", /* an error: it must not write either */
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

int main(void) {
  char dir[] = "/tmp/backpain-nowrite-XXXXXX";
  char path[128], journal[160], wal[160];
  sqlite3 *db;
  char *error = NULL;
  const char *ext = getenv("BACKPAIN_EXT");
  if (mkdtemp(dir) == NULL) return 2;
  snprintf(path, sizeof(path), "%s/cohort.db", dir);
  snprintf(journal, sizeof(journal), "%s-journal", path);
  snprintf(wal, sizeof(wal), "%s-wal", path);

  sqlite3_open(path, &db);
  int rc = sqlite3_exec(
      db,
      "CREATE TABLE fill(drug, s, e, days, code, therapy);"
      "INSERT INTO fill VALUES"
      " ('Cyclobenzaprine HCl 10 MG Oral Tablet', '2024-01-01', '2024-01-14', 14, 'M54.50', "
      "'yoga'),"
      " ('FLEXERIL 10mg', '2024-01-17', '2024-01-30', 14, 'M62.830', '97110'),"
      " ('Amrix 15 mg ER capsule', '2024-03-01', '2024-03-30', 30, 'G83.4', 'TENS unit');",
      NULL, NULL, NULL);
  sqlite3_close(db);
  long size_before, size_after;
  uint64_t before = file_hash(path, &size_before);
  tap_ok(rc == SQLITE_OK && size_before > 0, "a database file of %ld bytes", size_before);

  sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
  rc = ext ? sqlite3_load_extension(db, ext, NULL, &error) : SQLITE_ERROR;
  tap_is_int(rc, SQLITE_OK, "the extension loads into a read-write connection");
  sqlite3_free(error);
  int rows = 0, errors = 0;
  for (size_t q = 0; q < sizeof(queries) / sizeof(queries[0]); q++) {
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, queries[q], -1, &stmt, NULL) != SQLITE_OK) {
      tap_diag("prepare: %s", sqlite3_errmsg(db));
      errors += 100;
      continue;
    }
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) rows++;
    if (rc != SQLITE_DONE) errors++;
    sqlite3_finalize(stmt);
  }
  tap_ok(rows > 10 && errors == 1, "every function ran (%d rows, %d expected error)", rows, errors);
  tap_ok(sqlite3_total_changes(db) == 0, "SQLite counts no change");
  sqlite3_close(db);

  uint64_t after = file_hash(path, &size_after);
  tap_ok(after == before && size_after == size_before, "the file's bytes are unchanged");
  tap_ok(!exists(journal) && !exists(wal), "no journal or WAL file was left");

  unlink(path);
  rmdir(dir);
  return tap_done();
}
