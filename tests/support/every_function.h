/*
** tests/support/every_function.h: the one list of functions that every
** test claiming "every function" walks (tests/capi/bad_input.c,
** no_writes.c, schema_safety.c and tests/fuzz/fuzz_sql.c).
**
** The list is the engine's own: the rows of pragma_function_list (name,
** number of arguments, kind) that registering backpain adds to a
** connection. The SQLite binding registers exactly the core's
** bp_functions[], and tests/sql/api_surface.test pins those rows to the
** contract (docs/reference.md), so this is the contract's list
** as the engine serves it.
**
** A test keeps per function only the data it needs, in a table whose rows
** start with an ef_signature (tests/support/function_examples.h, or its
** own), and calls ef_compare: every (name, arity) the engine lists must be
** covered by exactly one row, of the same kind, and every arity a row
** covers must be one the engine lists. Each difference is reported and
** counted, and the test fails on any: a function added to bp_functions[]
** fails every such test until its row is written, and a row for a
** function or arity the engine lacks fails too.
*/
#ifndef BP_EVERY_FUNCTION_H
#define BP_EVERY_FUNCTION_H

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bp_common.h"

/* One row of pragma_function_list. kind is its `type`: 's' scalar,
** 'a' aggregate, 'w' window. narg -1: any number of arguments. */
#define EF_NAME_SIZE 64
typedef struct {
  char name[EF_NAME_SIZE];
  int narg;
  char kind;
} ef_function;

typedef struct {
  ef_function *rows;
  size_t count;
} ef_list;

/* What a row of a test's table covers: a function of this kind with
** min_args to max_args arguments (both -1: any number, as the engine
** lists recommend_plan). */
typedef struct {
  const char *name;
  char kind;
  int min_args, max_args;
} ef_signature;

static inline void ef_free(ef_list *list) {
  free(list->rows);
  list->rows = NULL;
  list->count = 0;
}

/* Every row of the connection's pragma_function_list, ordered by name and
** arity. Returns 1, or 0 (the list empty) when the query fails. */
static inline int ef_read(sqlite3 *db, ef_list *list) {
  sqlite3_stmt *stmt = NULL;
  size_t capacity = 0;
  int ok = 1;
  list->rows = NULL;
  list->count = 0;
  if (sqlite3_prepare_v2(db,
                         "SELECT DISTINCT name, narg, type FROM pragma_function_list "
                         "ORDER BY name, narg, type",
                         -1, &stmt, NULL) != SQLITE_OK) {
    return 0;
  }
  int rc = SQLITE_DONE;
  while (ok && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    const char *name = (const char *)sqlite3_column_text(stmt, 0);
    const char *type = (const char *)sqlite3_column_text(stmt, 2);
    if (list->count == capacity) {
      capacity = capacity ? capacity * 2 : 256;
      ef_function *grown = realloc(list->rows, capacity * sizeof(*grown));
      if (grown == NULL) {
        ok = 0;
        break;
      }
      list->rows = grown;
    }
    ef_function *f = &list->rows[list->count++];
    snprintf(f->name, sizeof(f->name), "%s", name ? name : "");
    f->narg = sqlite3_column_int(stmt, 1);
    f->kind = type ? type[0] : '?';
  }
  if (ok && rc != SQLITE_DONE) ok = 0;
  sqlite3_finalize(stmt);
  if (!ok) ef_free(list);
  return ok;
}

static inline int ef_same(const ef_function *a, const ef_function *b) {
  return a->narg == b->narg && a->kind == b->kind && strcmp(a->name, b->name) == 0;
}

/* Keeps the rows of `after` that `before` does not have. */
static inline void ef_subtract(ef_list *after, const ef_list *before) {
  size_t kept = 0;
  for (size_t i = 0; i < after->count; i++) {
    int old = 0;
    for (size_t j = 0; j < before->count && !old; j++)
      old = ef_same(&after->rows[i], &before->rows[j]);
    if (!old) after->rows[kept++] = after->rows[i];
  }
  after->count = kept;
}

/*
** The functions that register(db, context) adds to db: its function list
** before and after, subtracted. Returns 1, or 0 when register fails (its
** return value is not SQLITE_OK) or a list cannot be read.
*/
static inline int ef_register_and_list(sqlite3 *db, int (*register_fn)(sqlite3 *, void *),
                                       void *context, ef_list *added) {
  ef_list before;
  added->rows = NULL;
  added->count = 0;
  if (!ef_read(db, &before)) return 0;
  int ok = register_fn(db, context) == SQLITE_OK && ef_read(db, added);
  if (ok) ef_subtract(added, &before);
  ef_free(&before);
  return ok;
}

/* A register function for ef_register_and_list: loads the extension file
** at `path` (sqlite3_load_extension, which must be enabled), and says why
** not as a TAP diagnostic. */
static inline int ef_load_extension(sqlite3 *db, void *path) {
  char *error = NULL;
  int rc = sqlite3_load_extension(db, path, NULL, &error);
  if (rc != SQLITE_OK) printf("# cannot load %s: %s\n", (const char *)path, error ? error : "");
  sqlite3_free(error);
  return rc;
}

/* Row i of a table of `stride`-byte rows, each starting with an ef_signature. */
static inline const ef_signature *ef_row(const void *table, size_t stride, size_t i) {
  return (const ef_signature *)(const void *)((const char *)table + i * stride);
}

static inline int ef_covers(const ef_signature *s, const char *name, int narg) {
  if (strcmp(s->name, name) != 0) return 0;
  if (s->max_args < 0) return narg < 0;
  return narg >= s->min_args && narg <= s->max_args;
}

/* The row of the table that covers (name, narg), or NULL. */
static inline const ef_signature *ef_find(const void *table, size_t count, size_t stride,
                                          const char *name, int narg) {
  for (size_t i = 0; i < count; i++) {
    if (ef_covers(ef_row(table, stride, i), name, narg)) return ef_row(table, stride, i);
  }
  return NULL;
}

/*
** Compares the engine's list with a test's table (count rows of `stride`
** bytes, each starting with an ef_signature), in both directions. Writes
** one line per difference to out, each after `prefix` ("# " makes TAP
** diagnostics), and returns the number of differences.
*/
static inline size_t ef_compare(const ef_list *engine, const void *table, size_t count,
                                size_t stride, FILE *out, const char *prefix) {
  size_t problems = 0;
  for (size_t e = 0; e < engine->count; e++) {
    const ef_function *f = &engine->rows[e];
    size_t covering = 0;
    for (size_t i = 0; i < count; i++) {
      const ef_signature *s = ef_row(table, stride, i);
      if (!ef_covers(s, f->name, f->narg)) continue;
      covering++;
      if (s->kind != f->kind) {
        fprintf(out, "%s%s/%d is of kind '%c' in the engine, '%c' in the table\n", prefix, f->name,
                f->narg, f->kind, s->kind);
        problems++;
      }
    }
    if (covering != 1) {
      fprintf(out, "%s%s/%d: the engine has it, %zu rows of the table cover it (1 must)\n", prefix,
              f->name, f->narg, covering);
      problems++;
    }
  }
  for (size_t i = 0; i < count; i++) {
    const ef_signature *s = ef_row(table, stride, i);
    int lo = s->max_args < 0 ? -1 : s->min_args, hi = s->max_args;
    for (int narg = lo; narg <= hi; narg++) {
      int listed = 0;
      for (size_t e = 0; e < engine->count && !listed; e++) {
        listed = strcmp(engine->rows[e].name, s->name) == 0 && engine->rows[e].narg == narg;
      }
      if (!listed) {
        fprintf(out, "%s%s/%d: the table has it, the engine does not\n", prefix, s->name, narg);
        problems++;
      }
    }
  }
  return problems;
}

/* ef_compare over a whole static table. */
#define EF_COMPARE(engine, table, out, prefix) \
  ef_compare((engine), (table), BP_COUNT(table), sizeof((table)[0]), (out), (prefix))

/* ef_find in a whole static table. */
#define EF_FIND(table, name, narg) \
  ef_find((table), BP_COUNT(table), sizeof((table)[0]), (name), (narg))

#endif
