/*
** backpain.c: the SQLite extension's entry point and registration.
**
** Load with `.load dist/backpain` (sqlite3 shell) or
** `conn.load_extension("dist/backpain")` (Python); link statically with
** -DSQLITE_CORE and call sqlite3_backpain_init (see backpain.h).
**
** What is registered comes from the core's one list of functions,
** bp_functions[] (ext/core/bp_calls.c): every scalar for each argument
** count it takes (recommend_plan for any count), the course aggregates and
** the window function with their own callbacks (sqlite_courses.c), and the
** guideline_evidence virtual table (sqlite_evidence.c). The public API is
** exactly that.
**
** Flag policy: every function is pure (no clock, file, environment or
** global state), so every one is SQLITE_UTF8 | SQLITE_DETERMINISTIC |
** SQLITE_INNOCUOUS and may be used in views, triggers, CHECK constraints,
** generated columns and indexes, also under PRAGMA trusted_schema=OFF.
*/
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

#include "backpain.h"
#include "sqlite_binding.h"

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

/* Registers one argument count of a function; the bp_function_info row is
** the user data, so each callback knows what it serves. */
static int register_arity(sqlite3 *db, const bp_function_info *function, int n_arg) {
  void *user_data = (void *)function;
  switch (function->kind) {
    case BP_KIND_SCALAR:
      return sqlite3_create_function_v2(db, function->name, n_arg, BP_FUNCTION_FLAGS, user_data,
                                        bp_sqlite_scalar, NULL, NULL, NULL);
    case BP_KIND_AGGREGATE:
      return sqlite3_create_function_v2(db, function->name, n_arg, BP_FUNCTION_FLAGS, user_data,
                                        NULL, bp_sqlite_courses_step, bp_sqlite_courses_final,
                                        NULL);
    case BP_KIND_WINDOW:
      return sqlite3_create_window_function(
          db, function->name, n_arg, BP_FUNCTION_FLAGS, user_data, bp_sqlite_course_no_step,
          bp_sqlite_course_no_final, bp_sqlite_course_no_value, bp_sqlite_course_no_inverse, NULL);
  }
  return SQLITE_INTERNAL; /* LCOV_EXCL_LINE: the switch names every bp_function_kind */
}

/* Registers every argument count of a function; stops at the first error
** and names it in *error_message. */
static int register_function(sqlite3 *db, const bp_function_info *function, char **error_message) {
  int first = function->max_args < 0 ? -1 : function->min_args;
  int last = function->max_args < 0 ? -1 : function->max_args;
  for (int n = first; n <= last; n++) {
    int rc = register_arity(db, function, n);
    if (rc != SQLITE_OK) {
      if (error_message != NULL) {
        *error_message = sqlite3_mprintf("backpain: cannot register %s/%d: %s", function->name, n,
                                         sqlite3_errmsg(db));
      }
      return rc;
    }
  }
  return SQLITE_OK;
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
  for (size_t i = 0; i < bp_function_count; i++) {
    int rc = register_function(db, &bp_functions[i], error_message);
    if (rc != SQLITE_OK) return rc;
  }
  int rc = bp_sqlite_register_evidence(db);
  if (rc != SQLITE_OK && error_message != NULL) {
    *error_message =
        sqlite3_mprintf("backpain: cannot register guideline_evidence: %s", sqlite3_errmsg(db));
  }
  return rc;
}
