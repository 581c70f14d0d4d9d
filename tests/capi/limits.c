/*
** limits.c: what happens at the connection's limits and after a failure.
**   - Results longer than SQLITE_LIMIT_LENGTH are refused with SQLite's
**     "string or blob too big", never cut or turned into NULL.
**   - The fills a course aggregate keeps for one group are bounded by the
**     same limit (8 bytes a fill): past it, a clear "too big" error.
**   - After a failed step (a bad date in the last row), the final step does
**     no work: under a tight heap limit the date error is what the caller
**     sees, not an out-of-memory error from rendering the whole group.
**   - After an interrupt, likewise (with SQLite 3.41 or later, where the
**     extension can tell): the heap high-water mark shows no rendering.
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

/* 200,000 one-day fills two days apart (200,000 courses, about 20 MB of
** JSON), then a row with a bad date. */
static const char *const many_then_bad =
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 199999) "
    "SELECT relaxant_courses(s, s, 0) FROM (SELECT 2451545 + 2 * i AS s FROM n "
    "UNION ALL SELECT '2024-02-30')";

static void test_first_error_wins(sqlite3 *db) {
  /* Room for the fills (1.6 MB, at most 3.2 MB while growing), not for
  ** the JSON of 200,000 courses. */
  sqlite3_int64 before = sqlite3_hard_heap_limit64(-1);
  sqlite3_hard_heap_limit64(sqlite3_memory_used() + 8 * 1000 * 1000);
  check(db, many_then_bad,
        "relaxant_courses(): start must be a date (YYYY-MM-DD or a Julian day number), got "
        "'2024-02-30'",
        "under a tight heap limit the bad date is reported, not out of memory");
  sqlite3_hard_heap_limit64(before);
}

static int interrupt_after(void *db) {
  sqlite3_interrupt((sqlite3 *)db);
  return 0;
}

/* Interrupted after most of the group has been stepped: with SQLite 3.41+,
** the final step neither sorts nor renders (the high-water mark stays far
** below the 20 MB the JSON needs). Older SQLite cannot tell the extension
** that the statement is interrupted; that is documented, and only the
** interrupt itself is checked. */
static void test_interrupt(sqlite3 *db) {
  const char *all_good =
      "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 199999) "
      "SELECT relaxant_courses(s, s, 0) FROM (SELECT 2451545 + 2 * i AS s FROM n)";
  sqlite3_memory_highwater(1);
  sqlite3_int64 base = sqlite3_memory_used();
  /* The progress handler runs every 1,000,000 VM steps; the recursive
  ** query needs several million, so it fires mid-group. */
  sqlite3_progress_handler(db, 1000000, interrupt_after, db);
  check(db, all_good, "interrupted", "an interrupted course aggregate reports the interrupt");
  sqlite3_progress_handler(db, 0, NULL, NULL);
  sqlite3_int64 peak = sqlite3_memory_highwater(1) - base;
  if (sqlite3_libversion_number() >= 3041000) {
    tap_ok(peak < 8 * 1000 * 1000, "after the interrupt no JSON was rendered (peak %lld bytes)",
           (long long)peak);
  } else {
    printf("# SQLite %s cannot report an interrupt to the extension: peak %lld bytes\n",
           sqlite3_libversion(), (long long)peak);
  }
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

  /* Past the 4,096 bytes the writer keeps on the stack, the JSON grows in
  ** an sqlite3_str, which the length limit stops too: 60 one-day courses
  ** of 98 bytes each, 5,941 bytes in all. */
  const char *sixty_courses =
      "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 59) "
      "SELECT length(relaxant_courses(2460311 + 30 * i, 2460311 + 30 * i)) FROM n";
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1000000);
  check(db, sixty_courses, "(a row)", "60 courses fit a length limit of 1,000,000");
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 5000);
  check(db, sixty_courses, "string or blob too big", "60 courses past a length limit of 5,000");

  /* Group memory: 1,000 bytes hold 125 fills of 8 bytes, not 126. */
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1000);
  check(db,
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 124) "
        "SELECT relaxant_longest_course(2460311 + i, 2460311 + i) FROM n",
        "(a row)", "125 fills fit in a length limit of 1,000 bytes");
  check(db,
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 125) "
        "SELECT relaxant_longest_course(2460311 + i, 2460311 + i) FROM n",
        "relaxant_longest_course(): a group of more than 125 fills is too big (8 bytes per fill, "
        "and the connection's length limit is 1000 bytes)",
        "the 126th fill is too big, with the numbers in the message");
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1000000000);
  test_first_error_wins(db);
  test_interrupt(db);
  sqlite3_close(db);
  return tap_done();
}
