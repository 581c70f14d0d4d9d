/*
** schema_safety.c: every public function in schema objects of a database
** file, used again after the file is closed and reopened with
** PRAGMA trusted_schema=OFF, then PRAGMA integrity_check.
**
** Scalar functions appear in a view, a trigger, a CHECK constraint, a
** generated column and an index expression. Aggregates, the window
** function and guideline_evidence can only appear in a view (SQLite allows
** no aggregate in the others), so they are in the view. Results read
** before the reopen must equal those read after it.
*/
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"

static const char *const schema =
    "CREATE TABLE fill(id INTEGER PRIMARY KEY, drug TEXT, s TEXT, e TEXT, code TEXT, therapy TEXT,"
    "  ingredient TEXT GENERATED ALWAYS AS (relaxant_ingredient(drug)) STORED,"
    "  days INTEGER GENERATED ALWAYS AS (relaxant_days(s, e)) VIRTUAL,"
    "  last_day TEXT GENERATED ALWAYS AS (relaxant_end(s, 14)) VIRTUAL,"
    "  overdue INTEGER GENERATED ALWAYS AS (relaxant_overdue(s, e)) VIRTUAL,"
    "  overdue_as_of INTEGER GENERATED ALWAYS AS (relaxant_overdue(s, e, '2024-01-10')) VIRTUAL,"
    "  overdue_14 INTEGER GENERATED ALWAYS AS (relaxant_overdue(s, e, NULL, 14)) VIRTUAL,"
    "  alerts TEXT GENERATED ALWAYS AS (relaxant_dose_alerts(drug, 10, 3)) VIRTUAL,"
    "  alerts_h TEXT GENERATED ALWAYS AS (relaxant_dose_alerts(drug, 10, 3, 'mild')) VIRTUAL,"
    "  alerts_ha TEXT GENERATED ALWAYS AS (relaxant_dose_alerts(drug, 10, 3, 'none', 70)) VIRTUAL,"
    "  intervention TEXT GENERATED ALWAYS AS (intervention_code(therapy)) STORED,"
    "  phase TEXT GENERATED ALWAYS AS (pain_phase(s, e)) VIRTUAL,"
    "  phase_w TEXT GENERATED ALWAYS AS (pain_phase(relaxant_days(s, e) / 7.0)) VIRTUAL,"
    "  class TEXT GENERATED ALWAYS AS (icd10_class(code)) VIRTUAL,"
    "  plan TEXT GENERATED ALWAYS AS (recommend_plan('onset', s, 'as_of', e, 'tried', therapy)) "
    "VIRTUAL,"
    "  version TEXT GENERATED ALWAYS AS (backpain_version()) VIRTUAL,"
    "  CHECK (relaxant_days(s, e) <= 365 AND pain_phase(s, e) IS NOT NULL"
    "         AND coalesce(icd10_class(code), '') NOT LIKE 'red_flag%'"
    "         AND intervention_code(therapy) IS NOT 'tens'));"
    "CREATE INDEX fill_expr ON fill(relaxant_ingredient(drug), relaxant_overdue(s, e),"
    "  icd10_class(code), intervention_code(therapy), pain_phase(s, e), relaxant_end(s, 7),"
    "  relaxant_days(s, e), relaxant_dose_alerts(drug, 10, 3, 'none', 70), backpain_version(),"
    "  length(recommend_plan('onset', s, 'as_of', e)));"
    "CREATE TABLE log(id INTEGER, what TEXT);"
    "CREATE TRIGGER fill_log AFTER INSERT ON fill BEGIN"
    "  INSERT INTO log VALUES (NEW.id, relaxant_ingredient(NEW.drug) || '|' || "
    "relaxant_days(NEW.s, NEW.e)"
    "    || '|' || relaxant_end(NEW.s, 7) || '|' || relaxant_overdue(NEW.s, NEW.e, NEW.e, 21)"
    "    || '|' || ifnull(relaxant_dose_alerts(NEW.drug, 10, 4, 'none', 70), '-') || '|' || "
    "intervention_code(NEW.therapy)"
    "    || '|' || pain_phase(NEW.s, NEW.e) || '|' || ifnull(icd10_class(NEW.code), '-')"
    "    || '|' || length(recommend_plan('tried', NEW.therapy, 'pain_weeks', 20))"
    "    || '|' || backpain_version());"
    "END;"
    "CREATE VIEW audit AS"
    "  SELECT (SELECT relaxant_courses(s, e) FROM fill) AS courses,"
    "         (SELECT relaxant_courses(s, e, 0) FROM fill) AS courses_gap0,"
    "         (SELECT relaxant_courses(s, e, 0, 5) FROM fill) AS courses_max5,"
    "         (SELECT relaxant_longest_course(s, e) FROM fill) AS longest,"
    "         (SELECT relaxant_longest_course(s, e, 30) FROM fill) AS longest_gap30,"
    "         (SELECT group_concat(n) FROM (SELECT relaxant_course_no(s, e) OVER (ORDER BY s) AS n "
    "FROM fill)) AS labels,"
    "         (SELECT group_concat(n) FROM (SELECT relaxant_course_no(s, e, 30) OVER (ORDER BY s) "
    "AS n FROM fill)) AS labels30,"
    "         (SELECT group_concat(id) FROM guideline_evidence WHERE intervention IN (SELECT "
    "intervention FROM fill)) AS evidence;";

static const char *const rows =
    "INSERT INTO fill(drug, s, e, code, therapy) VALUES"
    "  ('Cyclobenzaprine HCl 10 MG Oral Tablet', '2024-01-01', '2024-01-14', 'M54.50', 'Iyengar "
    "yoga'),"
    "  ('FLEXERIL 10mg', '2024-01-17', '2024-01-30', 'M62.830', '97110'),"
    "  ('Robaxin-750', '2024-03-01', '2024-03-10', 'M54.41', 'heating pad');";

/* Everything the objects compute, as one text. */
static const char *const readback =
    "SELECT group_concat(x, char(10)) FROM ("
    " SELECT id || ':' || ingredient || '|' || days || '|' || last_day || '|' || overdue || '|' ||"
    "   overdue_as_of || '|' || overdue_14 || '|' || ifnull(alerts, '-') || '|' || "
    "ifnull(alerts_h, '-') || '|' ||"
    "   ifnull(alerts_ha, '-') || '|' || intervention || '|' || phase || '|' || phase_w || '|' ||"
    "   ifnull(class, '-') || '|' || length(plan) || '|' || version AS x FROM fill"
    " UNION ALL SELECT 'log ' || id || ':' || what FROM log"
    " UNION ALL SELECT 'view:' || courses || courses_gap0 || courses_max5 || longest || "
    "longest_gap30 ||"
    "   labels || labels30 || evidence FROM audit"
    " UNION ALL SELECT 'index:' || group_concat(id) FROM fill INDEXED BY fill_expr"
    "   WHERE relaxant_ingredient(drug) = 'cyclobenzaprine')";

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

static sqlite3 *open_with_extension(const char *path, int trusted_schema) {
  sqlite3 *db;
  char *error = NULL;
  const char *ext = getenv("BACKPAIN_EXT");
  sqlite3_open(path, &db);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
  if (ext == NULL || sqlite3_load_extension(db, ext, NULL, &error) != SQLITE_OK) {
    printf("Bail out! cannot load %s: %s\n", ext ? ext : "(BACKPAIN_EXT unset)",
           error ? error : "");
    exit(2);
  }
  sqlite3_exec(db, trusted_schema ? "PRAGMA trusted_schema=ON" : "PRAGMA trusted_schema=OFF", NULL,
               NULL, NULL);
  return db;
}

int main(void) {
  char dir[] = "/tmp/backpain-schema-XXXXXX";
  char path[128];
  char *error = NULL;
  if (mkdtemp(dir) == NULL) return 2;
  snprintf(path, sizeof(path), "%s/schema.db", dir);

  sqlite3 *db = open_with_extension(path, 0);
  int rc = sqlite3_exec(db, schema, NULL, NULL, &error);
  tap_ok(rc == SQLITE_OK, "schema objects with every function are created (%s)",
         error ? error : "ok");
  sqlite3_free(error);
  error = NULL;
  rc = sqlite3_exec(db, rows, NULL, NULL, &error);
  tap_ok(rc == SQLITE_OK, "rows go in through the trigger, CHECK, generated columns and index (%s)",
         error ? error : "ok");
  sqlite3_free(error);
  char *before = query_text(db, readback);
  tap_ok(strncmp(before, "error", 5) != 0 && strstr(before, "view:") && strstr(before, "log 3:") &&
             strstr(before, "index:1,2"),
         "every object reads back");
  sqlite3_close(db);

  db = open_with_extension(path, 0);
  char *after = query_text(db, readback);
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
  tap_ok(rc == SQLITE_CONSTRAINT && error && strstr(error, "CHECK constraint failed"),
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
  unlink(path);
  rmdir(dir);
  return tap_done();
}
