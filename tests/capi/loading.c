/*
** loading.c: the entry point. The version comes from the VERSION file,
** loading twice is harmless, a registration that SQLite refuses is
** reported (every return code is checked), and an SQLite older than 3.31
** is refused with a clear message. The last check calls the entry point
** of the built .so directly with an API table whose version functions
** pretend to be SQLite 3.30.1.
*/
#define SQLITE_CORE /* the test calls SQLite directly, not through sqlite3_api */
#include <dlfcn.h>
#include <sqlite3ext.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"

typedef int (*init_fn)(sqlite3 *, char **, const sqlite3_api_routines *);

static int old_version_number(void) { return 3030001; }
static const char *old_version(void) { return "3.30.1"; }

static char *query_text(sqlite3 *db, const char *sql) {
  sqlite3_stmt *stmt;
  char *out = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) return NULL;
  if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != NULL) {
    out = strdup((const char *)sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  return out;
}

int main(void) {
  const char *ext = getenv("BACKPAIN_EXT");
  sqlite3 *db;
  char *error = NULL;
  char version_file[64] = "";
  if (ext == NULL) {
    printf("Bail out! BACKPAIN_EXT is not set\n");
    return 2;
  }
  FILE *f = fopen("VERSION", "r");
  if (f == NULL || fgets(version_file, sizeof(version_file), f) == NULL) {
    printf("Bail out! cannot read VERSION (run from the repository root)\n");
    return 2;
  }
  fclose(f);
  version_file[strcspn(version_file, "\r\n")] = '\0';

  sqlite3_open(":memory:", &db);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
  tap_is_int(sqlite3_load_extension(db, ext, NULL, &error), SQLITE_OK, "loads");
  char *version = query_text(db, "SELECT backpain_version()");
  tap_is_str(version, version_file, "backpain_version() is the VERSION file");
  free(version);
  tap_is_int(sqlite3_load_extension(db, ext, NULL, &error), SQLITE_OK,
             "loading a second time is harmless");

  /* SQLite refuses to replace a function while a statement using it runs. */
  sqlite3_stmt *running;
  sqlite3_prepare_v2(db, "SELECT backpain_version() FROM (SELECT 1 UNION ALL SELECT 2)", -1,
                     &running, NULL);
  tap_is_int(sqlite3_step(running), SQLITE_ROW, "a statement is running");
  int rc = sqlite3_load_extension(db, ext, NULL, &error);
  tap_ok(rc != SQLITE_OK, "loading again while it runs fails (rc %d)", rc);
  /* SQLite prefixes the entry point's message. */
  tap_is_str(error,
             "error during initialization: backpain: cannot register "
             "backpain_version/0: unable to delete/modify user-function due to "
             "active statements",
             "the failed registration is named");
  sqlite3_free(error);
  error = NULL;
  sqlite3_finalize(running);
  sqlite3_close(db);

  /* The entry point refuses SQLite older than 3.31. */
  char path[512];
  size_t ext_len = strlen(ext);
  int has_suffix = ext_len > 3 && strcmp(ext + ext_len - 3, ".so") == 0;
  snprintf(path, sizeof(path), "%s%s%s", strchr(ext, '/') ? "" : "./", ext,
           has_suffix ? "" : ".so");
  void *handle = dlopen(path, RTLD_NOW);
  tap_ok(handle != NULL, "dlopen %s", path);
  init_fn init = handle ? (init_fn)(size_t)dlsym(handle, "sqlite3_backpain_init") : NULL;
  tap_ok(init != NULL, "sqlite3_backpain_init is exported");
  void *internal = handle ? dlsym(handle, "bp_date_parse_text") : NULL;
  tap_ok(internal == NULL, "core symbols are not exported");
  if (init != NULL) {
    sqlite3_api_routines old_api;
    memset(&old_api, 0, sizeof(old_api));
    old_api.libversion_number = old_version_number;
    old_api.libversion = old_version;
    old_api.mprintf = sqlite3_mprintf;
    rc = init(NULL, &error, &old_api);
    tap_is_int(rc, SQLITE_ERROR, "SQLite 3.30.1 is refused");
    tap_is_str(error, "backpain needs SQLite 3.31.0 or later, found 3.30.1",
               "with a message that says why");
    sqlite3_free(error);
    tap_is_int(init(NULL, NULL, &old_api), SQLITE_ERROR,
               "... also for a caller that asks for no message");
  }
  if (handle != NULL) dlclose(handle);
  return tap_done();
}
