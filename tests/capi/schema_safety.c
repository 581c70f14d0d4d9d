/*
** schema_safety.c: every public function in schema objects of a database
** file, used again after the file is closed and reopened with
** PRAGMA trusted_schema=OFF, then PRAGMA integrity_check.
**
** Scalar functions appear in a generated column (STORED and VIRTUAL in
** turn), a CHECK constraint, an index expression and a trigger.
** Aggregates, the window function and guideline_evidence can only appear
** in a view (SQLite allows no aggregate in the others), so they are in the
** view. Results read before the reopen must equal those read after it.
**
** The functions and arities are the engine's own list (pragma_function_list
** after loading, tests/support/every_function.h); the schema is written
** from it, with the valid arguments of tests/support/function_examples.h
** over the table's columns, and the test fails when that table and the
** engine's list differ. Besides them, a CHECK with a meaning (no red-flag
** code, no TENS) and an index whose first expression a query names.
*/
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support/function_examples.h"
#include "tap.h"

static const char *const rows =
    "INSERT INTO fill(drug, s, e, code, therapy) VALUES"
    "  ('Cyclobenzaprine HCl 10 MG Oral Tablet', '2024-01-01', '2024-01-14', 'M54.50', 'Iyengar "
    "yoga'),"
    "  ('FLEXERIL 10mg', '2024-01-17', '2024-01-30', 'M62.830', '97110'),"
    "  ('Robaxin-750', '2024-03-01', '2024-03-10', 'M54.41', 'heating pad');";

/* The schema and the query that reads back everything it computes. */
typedef struct {
  char *schema;
  char *readback;
  int scalars, in_view; /* calls in the table's objects, in the view */
} schema_text;

/* The call of engine row f over the columns of fill, or NULL (no example). */
static char *call_text(const ef_function *f) {
  const function_example *example = function_example_for(f->name, f->narg);
  if (example == NULL) return NULL;
  sqlite3_str *sql = sqlite3_str_new(NULL);
  function_example_call(sql, example, f->narg, example->columns);
  return sqlite3_str_finish(sql);
}

static void build_schema(const ef_list *engine, schema_text *out) {
  sqlite3_str *table = sqlite3_str_new(NULL), *check = sqlite3_str_new(NULL);
  sqlite3_str *index = sqlite3_str_new(NULL), *trigger = sqlite3_str_new(NULL);
  sqlite3_str *view = sqlite3_str_new(NULL), *row_text = sqlite3_str_new(NULL);
  sqlite3_str *view_text = sqlite3_str_new(NULL);
  out->scalars = out->in_view = 0;
  sqlite3_str_appendall(table,
                        "CREATE TABLE fill(id INTEGER PRIMARY KEY, drug TEXT, s TEXT, "
                        "e TEXT, code TEXT, therapy TEXT");
  sqlite3_str_appendall(check,
                        "  CONSTRAINT no_red_flag CHECK (relaxant_days(s, e) <= 365 AND "
                        "pain_phase(s, e) IS NOT NULL AND coalesce(icd10_class(code), '') "
                        "NOT LIKE 'red_flag%' AND intervention_code(therapy) IS NOT 'tens'),"
                        "\n  CONSTRAINT every_scalar CHECK (1");
  sqlite3_str_appendall(index, "CREATE INDEX fill_expr ON fill(relaxant_ingredient(drug)");
  sqlite3_str_appendall(trigger,
                        "CREATE TABLE log(id INTEGER, what TEXT);"
                        "CREATE TRIGGER fill_log AFTER INSERT ON fill BEGIN"
                        "  INSERT INTO log SELECT id, ''");
  sqlite3_str_appendall(view,
                        "CREATE VIEW audit AS SELECT (SELECT group_concat(id) FROM "
                        "guideline_evidence WHERE intervention IN (SELECT "
                        "intervention_code(therapy) FROM fill)) AS evidence");
  sqlite3_str_appendall(row_text, "SELECT id || ':'");
  sqlite3_str_appendall(view_text, "SELECT 'view:' || ifnull(evidence, '-')");
  for (size_t i = 0; i < engine->count; i++) {
    const ef_function *f = &engine->rows[i];
    char *call = call_text(f);
    if (call == NULL) continue; /* a difference, failed in main */
    if (f->kind == 's') {
      sqlite3_str_appendf(table, ",\n  g%d GENERATED ALWAYS AS (%s) %s", (int)i, call,
                          out->scalars % 2 ? "VIRTUAL" : "STORED");
      sqlite3_str_appendf(check, "\n    AND typeof(%s) <> ''", call);
      sqlite3_str_appendf(index, ",\n  %s", call);
      sqlite3_str_appendf(trigger, "\n    || '|' || ifnull(%s, '-')", call);
      sqlite3_str_appendf(row_text, " || '|' || ifnull(g%d, '-')", (int)i);
      out->scalars++;
    } else {
      if (f->kind == 'w') {
        sqlite3_str_appendf(view,
                            ",\n  (SELECT group_concat(n) FROM (SELECT %s OVER (ORDER BY s) "
                            "AS n FROM fill)) AS v%d",
                            call, (int)i);
      } else {
        sqlite3_str_appendf(view, ",\n  (SELECT %s FROM fill) AS v%d", call, (int)i);
      }
      sqlite3_str_appendf(view_text, " || '|' || ifnull(v%d, '-')", (int)i);
      out->in_view++;
    }
    sqlite3_free(call);
  }
  char *check_text = sqlite3_str_finish(check);
  char *index_text = sqlite3_str_finish(index);
  char *trigger_text = sqlite3_str_finish(trigger);
  char *view_sql = sqlite3_str_finish(view);
  char *row_sql = sqlite3_str_finish(row_text);
  char *view_row_sql = sqlite3_str_finish(view_text);
  sqlite3_str_appendf(table, ",\n%s));\n%s);\n%s\n    FROM fill WHERE id = NEW.id;\nEND;\n%s;",
                      check_text, index_text, trigger_text, view_sql);
  out->schema = sqlite3_str_finish(table);
  out->readback = sqlite3_mprintf(
      "SELECT group_concat(x, char(10)) FROM ("
      " %s AS x FROM fill"
      " UNION ALL SELECT 'log ' || id || ':' || what FROM log"
      " UNION ALL %s FROM audit"
      " UNION ALL SELECT 'index:' || group_concat(id) FROM fill INDEXED BY fill_expr"
      "   WHERE relaxant_ingredient(drug) = 'cyclobenzaprine')",
      row_sql, view_row_sql);
  sqlite3_free(check_text);
  sqlite3_free(index_text);
  sqlite3_free(trigger_text);
  sqlite3_free(view_sql);
  sqlite3_free(row_sql);
  sqlite3_free(view_row_sql);
}

static char *query_text(sqlite3 *db, const char *sql) {
  sqlite3_stmt *stmt = NULL;
  char *out = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    const char *text = (const char *)sqlite3_column_text(stmt, 0);
    out = strdup(text ? text : "NULL");
  } else {
    size_t n = strlen(sqlite3_errmsg(db)) + 8;
    out = malloc(n);
    snprintf(out, n, "error: %s", sqlite3_errmsg(db));
  }
  sqlite3_finalize(stmt);
  return out;
}

/* Opens path with trusted_schema=OFF and backpain loaded; the functions
** loading added go to *engine. */
static sqlite3 *open_with_extension(const char *path, ef_list *engine) {
  sqlite3 *db;
  const char *ext = getenv("BACKPAIN_EXT");
  sqlite3_open(path, &db);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
  if (ext == NULL || !ef_register_and_list(db, ef_load_extension, (void *)ext, engine)) {
    printf("Bail out! cannot load %s and list its functions\n", ext ? ext : "(BACKPAIN_EXT unset)");
    exit(2);
  }
  sqlite3_exec(db, "PRAGMA trusted_schema=OFF", NULL, NULL, NULL);
  return db;
}

int main(void) {
  char dir[] = "/tmp/backpain-schema-XXXXXX";
  char path[128];
  char *error = NULL;
  ef_list engine, again;
  schema_text schema;
  if (mkdtemp(dir) == NULL) return 2;
  snprintf(path, sizeof(path), "%s/schema.db", dir);

  sqlite3 *db = open_with_extension(path, &engine);
  size_t differences = EF_COMPARE(&engine, function_examples, stdout, "# ");
  tap_ok(engine.count > 0 && differences == 0,
         "the examples cover exactly the engine's %zu functions and arities (%zu differences)",
         engine.count, differences);
  build_schema(&engine, &schema);
  tap_ok(schema.scalars + schema.in_view == (int)engine.count,
         "the schema calls each: %d scalar calls in generated columns, the CHECK, the index and "
         "the trigger; %d aggregate and window calls in the view",
         schema.scalars, schema.in_view);
  int rc = sqlite3_exec(db, schema.schema, NULL, NULL, &error);
  tap_ok(rc == SQLITE_OK, "schema objects with every function are created (%s)",
         error ? error : "ok");
  if (rc != SQLITE_OK) tap_diag("%s", schema.schema);
  sqlite3_free(error);
  error = NULL;
  rc = sqlite3_exec(db, rows, NULL, NULL, &error);
  tap_ok(rc == SQLITE_OK, "rows go in through the trigger, CHECK, generated columns and index (%s)",
         error ? error : "ok");
  sqlite3_free(error);
  char *before = query_text(db, schema.readback);
  tap_ok(strncmp(before, "error", 5) != 0 && strstr(before, "view:") && strstr(before, "log 3:") &&
             strstr(before, "index:1,2"),
         "every object reads back");
  if (strncmp(before, "error", 5) == 0) tap_diag("%s", before);
  sqlite3_close(db);

  db = open_with_extension(path, &again);
  char *after = query_text(db, schema.readback);
  tap_is_str(after, before,
             "after closing and reopening with trusted_schema=OFF: the same results");
  error = NULL;
  rc = sqlite3_exec(db,
                    "INSERT INTO fill(drug, s, e, code, therapy) VALUES ('baclofen 10 mg', "
                    "'2024-05-01', '2024-05-21', 'M54.5', 'massage')",
                    NULL, NULL, &error);
  tap_ok(rc == SQLITE_OK, "writing under trusted_schema=OFF runs the trigger, CHECK and index (%s)",
         error ? error : "ok");
  sqlite3_free(error);
  error = NULL;
  rc = sqlite3_exec(db,
                    "INSERT INTO fill(drug, s, e, code, therapy) VALUES ('baclofen', '2024-05-01', "
                    "'2024-06-01', 'G83.4', 'yoga')",
                    NULL, NULL, &error);
  tap_ok(rc == SQLITE_CONSTRAINT && error && strstr(error, "CHECK constraint failed: no_red_flag"),
         "the CHECK constraint still refuses a red-flag code (%s)", error ? error : "accepted");
  sqlite3_free(error);
  char *integrity = query_text(db, "PRAGMA integrity_check");
  tap_is_str(integrity, "ok", "PRAGMA integrity_check");
  char *count = query_text(db, "SELECT count(*) || '/' || (SELECT count(*) FROM log) FROM fill");
  tap_is_str(count, "4/4", "four rows, four log entries");
  sqlite3_close(db);

  free(before);
  free(after);
  free(integrity);
  free(count);
  sqlite3_free(schema.schema);
  sqlite3_free(schema.readback);
  ef_free(&engine);
  ef_free(&again);
  unlink(path);
  rmdir(dir);
  return tap_done();
}
