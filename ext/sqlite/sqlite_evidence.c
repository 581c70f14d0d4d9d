/*
** sqlite_evidence.c: guideline_evidence, an eponymous, read-only virtual table
** over the evidence rows of bp_content_evidence.c (columns:
** bp_evidence_table.h) (contract section 3).
**
**   SELECT id, quality, statement FROM guideline_evidence
**    WHERE intervention = 'yoga';
**
** Columns: id, intervention, category, population, comparator, outcome,
** effect, quality, recommendation, statement, source, note (NULL where a
** row has no value). The rowid is the row's position, from 1.
**
** xBestIndex uses equality constraints (BINARY collation) on intervention,
** category, quality and recommendation. idxNum has one bit per used column,
** in the order of filter_columns below, which is also the order of the
** xFilter arguments. The table is SQLITE_VTAB_INNOCUOUS: it reads nothing
** but constant data, so it may be used from views and triggers under
** PRAGMA trusted_schema=OFF. There is no xUpdate, so SQLite refuses writes.
*/
#include "sqlite_binding.h"

SQLITE_EXTENSION_INIT3

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "bp_common.h"
#include "bp_evidence_table.h"

#ifndef SQLITE_VTAB_INNOCUOUS
#define SQLITE_VTAB_INNOCUOUS 2
#endif

/* The columns xBestIndex can filter on, in argv order. */
static const bp_evidence_column filter_columns[] = {BP_EVIDENCE_INTERVENTION, BP_EVIDENCE_CATEGORY,
                                                    BP_EVIDENCE_QUALITY,
                                                    BP_EVIDENCE_RECOMMENDATION};
#define FILTER_COUNT ((int)BP_COUNT(filter_columns))
/* xBestIndex keeps the filtered columns as bits of idxNum (an int). */
_Static_assert(FILTER_COUNT < 31, "the filter columns must fit in idxNum's bits");

typedef struct {
  sqlite3_vtab base;
} evidence_table;

typedef struct {
  sqlite3_vtab_cursor base;
  size_t row;            /* current row index */
  unsigned char *wanted; /* one byte per row: passes the filters */
} evidence_cursor;

static int evidence_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                            sqlite3_vtab **out, char **error) {
  (void)aux;
  (void)argc;
  (void)argv;
  (void)error;
  char schema[512];
  size_t used = (size_t)snprintf(schema, sizeof(schema), "CREATE TABLE x(");
  for (int c = 0; c < BP_EVIDENCE_COLUMN_COUNT; c++) {
    used += (size_t)snprintf(schema + used, sizeof(schema) - used, "%s%s TEXT", c ? ", " : "",
                             bp_evidence_column_names[c]);
  }
  snprintf(schema + used, sizeof(schema) - used, ")");
  int rc = sqlite3_declare_vtab(db, schema);
  if (rc == SQLITE_OK) rc = sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  if (rc != SQLITE_OK) return rc;
  evidence_table *table = sqlite3_malloc64(sizeof(*table));
  if (table == NULL) return SQLITE_NOMEM;
  memset(table, 0, sizeof(*table));
  *out = &table->base;
  return SQLITE_OK;
}

static int evidence_disconnect(sqlite3_vtab *vtab) {
  sqlite3_free(vtab);
  return SQLITE_OK;
}

static int evidence_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info) {
  int chosen[FILTER_COUNT];
  int idx_num = 0, argv_index = 0;
  double rows = (double)bp_evidence_count;
  (void)vtab;
  for (int f = 0; f < FILTER_COUNT; f++) chosen[f] = -1;
  for (int i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    if (!c->usable || c->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    const char *collation = sqlite3_vtab_collation(info, i);
    if (collation != NULL && sqlite3_stricmp(collation, "BINARY") != 0) continue;
    for (int f = 0; f < FILTER_COUNT; f++) {
      if ((int)filter_columns[f] == c->iColumn && chosen[f] < 0) chosen[f] = i;
    }
  }
  for (int f = 0; f < FILTER_COUNT; f++) {
    if (chosen[f] < 0) continue;
    info->aConstraintUsage[chosen[f]].argvIndex = ++argv_index;
    info->aConstraintUsage[chosen[f]].omit = 1;
    idx_num |= 1 << f;
    rows /= 4; /* a rough selectivity per equality */
  }
  info->idxNum = idx_num;
  info->estimatedRows = rows < 1 ? 1 : (sqlite3_int64)rows;
  info->estimatedCost = rows < 1 ? 1 : rows;
  return SQLITE_OK;
}

static int evidence_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **out) {
  (void)vtab;
  evidence_cursor *cursor = sqlite3_malloc64(sizeof(*cursor) + bp_evidence_count);
  if (cursor == NULL) return SQLITE_NOMEM;
  memset(cursor, 0, sizeof(*cursor));
  cursor->wanted = (unsigned char *)(cursor + 1);
  *out = &cursor->base;
  return SQLITE_OK;
}

static int evidence_close(sqlite3_vtab_cursor *cur) {
  sqlite3_free(cur);
  return SQLITE_OK;
}

static void skip_unwanted(evidence_cursor *cursor) {
  while (cursor->row < bp_evidence_count && !cursor->wanted[cursor->row]) cursor->row++;
}

static int evidence_filter(sqlite3_vtab_cursor *cur, int idx_num, const char *idx_str, int argc,
                           sqlite3_value **argv) {
  evidence_cursor *cursor = (evidence_cursor *)cur;
  (void)idx_str;
  memset(cursor->wanted, 1, bp_evidence_count);
  int arg = 0;
  for (int f = 0; f < FILTER_COUNT && arg < argc; f++) {
    if ((idx_num & (1 << f)) == 0) continue;
    /* As SQLite compares a TEXT column: a number is taken as its text
    ** (text affinity); NULL and a BLOB equal no text. */
    sqlite3_value *value = argv[arg++];
    const char *wanted = NULL;
    int type = sqlite3_value_type(value);
    if (type != SQLITE_NULL && type != SQLITE_BLOB) {
      wanted = (const char *)sqlite3_value_text(value);
      if (wanted == NULL) return SQLITE_NOMEM;
    }
    size_t wanted_bytes = wanted == NULL ? 0 : (size_t)sqlite3_value_bytes(value);
    for (size_t r = 0; r < bp_evidence_count; r++) {
      const char *have = bp_evidence_text(&bp_evidence_rows[r], filter_columns[f]);
      if (wanted == NULL || have == NULL || strlen(have) != wanted_bytes ||
          memcmp(have, wanted, wanted_bytes) != 0) {
        cursor->wanted[r] = 0;
      }
    }
  }
  cursor->row = 0;
  skip_unwanted(cursor);
  return SQLITE_OK;
}

static int evidence_next(sqlite3_vtab_cursor *cur) {
  evidence_cursor *cursor = (evidence_cursor *)cur;
  cursor->row++;
  skip_unwanted(cursor);
  return SQLITE_OK;
}

static int evidence_eof(sqlite3_vtab_cursor *cur) {
  return ((evidence_cursor *)cur)->row >= bp_evidence_count;
}

static int evidence_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int column) {
  const char *text = bp_evidence_text(&bp_evidence_rows[((evidence_cursor *)cur)->row],
                                      (bp_evidence_column)column);
  if (text != NULL) sqlite3_result_text(ctx, text, -1, SQLITE_STATIC);
  return SQLITE_OK;
}

static int evidence_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
  *rowid = (sqlite3_int64)((evidence_cursor *)cur)->row + 1;
  return SQLITE_OK;
}

/* xCreate is NULL: the table is eponymous only, as series.c does. */
static const sqlite3_module evidence_module = {
    .iVersion = 0,
    .xCreate = NULL,
    .xConnect = evidence_connect,
    .xBestIndex = evidence_best_index,
    .xDisconnect = evidence_disconnect,
    .xDestroy = NULL,
    .xOpen = evidence_open,
    .xClose = evidence_close,
    .xFilter = evidence_filter,
    .xNext = evidence_next,
    .xEof = evidence_eof,
    .xColumn = evidence_column,
    .xRowid = evidence_rowid,
};

int bp_sqlite_register_evidence(sqlite3 *db) {
  return sqlite3_create_module_v2(db, "guideline_evidence", &evidence_module, NULL, NULL);
}
