/*
** backpain.c: the extension's entry point and its one registration table.
**
** Load with `.load dist/backpain` (sqlite3 shell) or
** `conn.load_extension("dist/backpain")` (Python); link statically with
** -DSQLITE_CORE and call sqlite3_backpain_init (see backpain.h).
**
** Flag policy: every function is pure (no clock, file, environment or
** global state), so every one is SQLITE_UTF8 | SQLITE_DETERMINISTIC |
** SQLITE_INNOCUOUS and may be used in views, triggers, CHECK constraints,
** generated columns and indexes, also under PRAGMA trusted_schema=OFF.
**
** The public API is exactly what bp_functions below registers, plus the
** guideline_evidence virtual table (sql_evidence.c).
*/
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

#include "backpain.h"
#include "sql_args.h"
#include "sql_functions.h"

#ifndef BACKPAIN_VERSION
#error "BACKPAIN_VERSION must be defined (the Makefile takes it from VERSION)"
#endif

/* Both flags exist from SQLite 3.31, the minimum version (checked at load
** time); the fallbacks only let older headers compile. */
#ifndef SQLITE_DETERMINISTIC
#define SQLITE_DETERMINISTIC 0x000000800
#endif
#ifndef SQLITE_INNOCUOUS
#define SQLITE_INNOCUOUS 0x000200000
#endif

#define BP_MIN_SQLITE_VERSION_NUMBER 3031000
#define BP_MIN_SQLITE_VERSION "3.31.0"
#define BP_FUNCTION_FLAGS (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)

static void backpain_version(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  sqlite3_result_text(ctx, BACKPAIN_VERSION, -1, SQLITE_STATIC);
}

/* Scalar: x_func. Aggregate: x_step + x_final. Window: all four. */
#define SCALAR(name, n, fn) \
  { name, n, fn, NULL, NULL, NULL, NULL }
#define AGGREGATE(name, n, step, final) \
  { name, n, NULL, step, final, NULL, NULL }
#define WINDOW(name, n, step, final, value, inverse) \
  { name, n, NULL, step, final, value, inverse }

static const bp_sql_function bp_functions[] = {
    SCALAR("backpain_version", 0, backpain_version),
    SCALAR("relaxant_ingredient", 1, bp_sql_relaxant_ingredient),
    SCALAR("relaxant_end", 2, bp_sql_relaxant_end),
    SCALAR("relaxant_days", 2, bp_sql_relaxant_days),
    SCALAR("relaxant_overdue", 2, bp_sql_relaxant_overdue),
    SCALAR("relaxant_overdue", 3, bp_sql_relaxant_overdue),
    SCALAR("relaxant_overdue", 4, bp_sql_relaxant_overdue),
    AGGREGATE("relaxant_courses", 2, bp_sql_collect_fill_step, bp_sql_relaxant_courses_final),
    AGGREGATE("relaxant_courses", 3, bp_sql_collect_fill_step, bp_sql_relaxant_courses_final),
    AGGREGATE("relaxant_courses", 4, bp_sql_collect_fill_step, bp_sql_relaxant_courses_final),
    AGGREGATE("relaxant_longest_course", 2, bp_sql_collect_fill_step,
              bp_sql_relaxant_longest_course_final),
    AGGREGATE("relaxant_longest_course", 3, bp_sql_collect_fill_step,
              bp_sql_relaxant_longest_course_final),
    WINDOW("relaxant_course_no", 2, bp_sql_relaxant_course_no_step, bp_sql_relaxant_course_no_final,
           bp_sql_relaxant_course_no_value, bp_sql_relaxant_course_no_inverse),
    WINDOW("relaxant_course_no", 3, bp_sql_relaxant_course_no_step, bp_sql_relaxant_course_no_final,
           bp_sql_relaxant_course_no_value, bp_sql_relaxant_course_no_inverse),
    SCALAR("relaxant_dose_alerts", 3, bp_sql_relaxant_dose_alerts),
    SCALAR("relaxant_dose_alerts", 4, bp_sql_relaxant_dose_alerts),
    SCALAR("relaxant_dose_alerts", 5, bp_sql_relaxant_dose_alerts),
    SCALAR("intervention_code", 1, bp_sql_intervention_code),
    SCALAR("pain_phase", 1, bp_sql_pain_phase),
    SCALAR("pain_phase", 2, bp_sql_pain_phase),
    SCALAR("icd10_class", 1, bp_sql_icd10_class),
    SCALAR("recommend_plan", -1, bp_sql_recommend_plan),
};

static int register_function(sqlite3 *db, const bp_sql_function *fn) {
  void *user_data = (void *)fn;
  if (fn->x_value != NULL) {
    return sqlite3_create_window_function(db, fn->name, fn->n_arg, BP_FUNCTION_FLAGS, user_data,
                                          fn->x_step, fn->x_final, fn->x_value, fn->x_inverse,
                                          NULL);
  }
  return sqlite3_create_function_v2(db, fn->name, fn->n_arg, BP_FUNCTION_FLAGS, user_data,
                                    fn->x_func, fn->x_step, fn->x_final, NULL);
}

#ifdef _WIN32
__declspec(dllexport)
#elif defined(__GNUC__)
__attribute__((visibility("default")))
#endif
    int sqlite3_backpain_init(sqlite3 *db, char **error_message, const sqlite3_api_routines *api) {
  SQLITE_EXTENSION_INIT2(api);
  if (sqlite3_libversion_number() < BP_MIN_SQLITE_VERSION_NUMBER) {
    if (error_message != NULL) {
      *error_message =
          sqlite3_mprintf("backpain needs SQLite " BP_MIN_SQLITE_VERSION " or later, found %s",
                          sqlite3_libversion());
    }
    return SQLITE_ERROR;
  }
  for (size_t i = 0; i < sizeof(bp_functions) / sizeof(bp_functions[0]); i++) {
    int rc = register_function(db, &bp_functions[i]);
    if (rc != SQLITE_OK) {
      if (error_message != NULL) {
        *error_message =
            sqlite3_mprintf("backpain: cannot register %s/%d: %s", bp_functions[i].name,
                            bp_functions[i].n_arg, sqlite3_errmsg(db));
      }
      return rc;
    }
  }
  int rc = bp_sql_register_evidence(db);
  if (rc != SQLITE_OK && error_message != NULL) {
    const char *reason = sqlite3_errmsg(db);
    *error_message = sqlite3_mprintf("backpain: cannot register guideline_evidence: %s", reason);
  }
  return rc;
}
