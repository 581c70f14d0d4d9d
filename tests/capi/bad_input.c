/*
** bad_input.c: every function, in every arity, with hostile values in each
** argument position (the others valid): NULL, integers at the limits,
** reals including +-inf, text, empty text, blobs, invalid UTF-8, an
** embedded NUL, and 100,000-character strings.
**
** Each call must give a value or an error "<function>(): ..." that names
** the argument, stays short (values are cut to 40 characters) and is valid
** UTF-8. A NULL result is accepted only when an input was NULL or the
** contract allows it for that argument (an unrecognised drug); anything
** else would be malformed input silently turned into NULL.
*/
#include <math.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"

#define MAX_ARGS 5

typedef enum { SCALAR, AGGREGATE, WINDOW } call_kind;

typedef struct {
  const char *name;
  call_kind kind;
  int n_args;
  const char *arg_names[MAX_ARGS];
  const char *valid_sql[MAX_ARGS]; /* a valid value for each position */
  int null_allowed_arg;            /* a non-NULL value here may give NULL; -1 none */
} function_spec;

static const function_spec functions[] = {
    {"relaxant_ingredient", SCALAR, 1, {"drug"}, {"'cyclobenzaprine'"}, 0},
    {"relaxant_end", SCALAR, 2, {"start", "days_supply"}, {"'2024-01-01'", "10"}, -1},
    {"relaxant_days", SCALAR, 2, {"start", "end"}, {"'2024-01-01'", "'2024-01-10'"}, -1},
    {"relaxant_overdue", SCALAR, 2, {"start", "end"}, {"'2024-01-01'", "'2024-01-10'"}, -1},
    {"relaxant_overdue",
     SCALAR,
     3,
     {"start", "end", "as_of"},
     {"'2024-01-01'", "'2024-01-10'", "'2024-01-05'"},
     -1},
    {"relaxant_overdue",
     SCALAR,
     4,
     {"start", "end", "as_of", "max_days"},
     {"'2024-01-01'", "'2024-01-10'", "'2024-01-05'", "21"},
     -1},
    {"relaxant_courses", AGGREGATE, 2, {"start", "end"}, {"'2024-01-01'", "'2024-01-10'"}, -1},
    {"relaxant_courses",
     AGGREGATE,
     3,
     {"start", "end", "gap_days"},
     {"'2024-01-01'", "'2024-01-10'", "7"},
     -1},
    {"relaxant_courses",
     AGGREGATE,
     4,
     {"start", "end", "gap_days", "max_days"},
     {"'2024-01-01'", "'2024-01-10'", "7", "21"},
     -1},
    {"relaxant_longest_course",
     AGGREGATE,
     2,
     {"start", "end"},
     {"'2024-01-01'", "'2024-01-10'"},
     -1},
    {"relaxant_longest_course",
     AGGREGATE,
     3,
     {"start", "end", "gap_days"},
     {"'2024-01-01'", "'2024-01-10'", "7"},
     -1},
    {"relaxant_course_no", WINDOW, 2, {"start", "end"}, {"'2024-01-01'", "'2024-01-10'"}, -1},
    {"relaxant_course_no",
     WINDOW,
     3,
     {"start", "end", "gap_days"},
     {"'2024-01-01'", "'2024-01-10'", "7"},
     -1},
    {"relaxant_dose_alerts",
     SCALAR,
     3,
     {"drug", "dose_mg", "doses_per_day"},
     {"'cyclobenzaprine 10 mg'", "10", "3"},
     0},
    {"relaxant_dose_alerts",
     SCALAR,
     4,
     {"drug", "dose_mg", "doses_per_day", "hepatic"},
     {"'cyclobenzaprine 10 mg'", "10", "3", "'mild'"},
     0},
    {"relaxant_dose_alerts",
     SCALAR,
     5,
     {"drug", "dose_mg", "doses_per_day", "hepatic", "age"},
     {"'cyclobenzaprine 10 mg'", "10", "3", "'mild'", "70"},
     0},
    {"intervention_code", SCALAR, 1, {"text"}, {"'yoga'"}, 0},
    {"icd10_class", SCALAR, 1, {"code"}, {"'M54.5'"}, 0},
    {"pain_phase", SCALAR, 1, {"weeks"}, {"8"}, -1},
    {"pain_phase", SCALAR, 2, {"onset", "as_of"}, {"'2024-01-01'", "'2024-03-01'"}, -1},
};

/* recommend_plan: every key with every hostile value, the other keys valid.
** The argument named in errors is the key. */
static const char *const plan_keys[] = {"pain_weeks",    "onset",
                                        "as_of",         "spasm",
                                        "red_flags",     "hepatic",
                                        "age",           "tried",
                                        "response",      "pain_baseline",
                                        "pain_now",      "response_threshold",
                                        "relaxant_days", "contraindications",
                                        "serotonergic",  "preferences"};
static const char *const plan_valid[] = {"20",
                                         "'2024-01-01'",
                                         "'2024-06-01'",
                                         "1",
                                         "0",
                                         "'mild'",
                                         "70",
                                         "'yoga'",
                                         "'inadequate'",
                                         "8",
                                         "6",
                                         "0.3",
                                         "10",
                                         "'[]'",
                                         "0",
                                         "'[\"yoga\"]'"};

/* Hostile lists, keys and nesting for recommend_plan. */
static const char *const hostile_plan_sql[] = {
    "SELECT recommend_plan('tried', '[[[[')",
    "SELECT recommend_plan('tried', '[\"unterminated')",
    "SELECT recommend_plan('tried', '[\"a\\')",
    "SELECT recommend_plan('tried', '[\"\\ud800\"]')",
    "SELECT recommend_plan('tried', '[' || replace(hex(zeroblob(20000)), '00', '[') )",
    "SELECT recommend_plan('tried', '[' || substr(replace(hex(zeroblob(10000)), '00', "
    "'\"yoga\",'), 1, 69999) || ']')",
    "SELECT recommend_plan('preferences', replace(hex(zeroblob(10000)), '00', 'x,'))",
    "SELECT recommend_plan('red_flags', '[' || substr(replace(hex(zeroblob(10000)), '00', "
    "'\"fever\",'), 1, 79999) || ']')",
    "SELECT recommend_plan('contraindications', '[\"maoi\", {\"x\": [1, 2]}]')",
    "SELECT recommend_plan('tried', '[1e999999, -0, 0.5e-3]')",
    "SELECT recommend_plan('tried', '  [  ]  junk')",
    "SELECT recommend_plan(replace(hex(zeroblob(50000)), '00', 'k'), 1)",
    "SELECT recommend_plan('', 1)",
    "SELECT recommend_plan(CAST(X'FF00FE' AS TEXT), 1)",
    "SELECT recommend_plan('tried', CAST(X'5BFF22' AS TEXT))",
    "SELECT recommend_plan('red_flags', CAST(X'FEFF' AS TEXT))",
};

typedef enum { V_NULL, V_INT, V_REAL, V_TEXT, V_BLOB } value_type;

typedef struct {
  const char *label;
  value_type type;
  sqlite3_int64 i;
  double r;
  const char *bytes;
  int n; /* bytes of text or blob; -1: strlen */
} hostile_value;

#define BIG 100000

static char big_text[BIG + 1];
static char big_digits[BIG + 1];
static char big_dates[BIG + 1];

static hostile_value hostile[] = {
    {"NULL", V_NULL, 0, 0, NULL, 0},
    {"0", V_INT, 0, 0, NULL, 0},
    {"1", V_INT, 1, 0, NULL, 0},
    {"-1", V_INT, -1, 0, NULL, 0},
    {"INT64_MAX", V_INT, INT64_MAX, 0, NULL, 0},
    {"INT64_MIN", V_INT, INT64_MIN, 0, NULL, 0},
    {"2460311 (a Julian day)", V_INT, 2460311, 0, NULL, 0},
    {"1.5", V_REAL, 0, 1.5, NULL, 0},
    {"-0.0", V_REAL, 0, -0.0, NULL, 0},
    {"1e308", V_REAL, 0, 1e308, NULL, 0},
    {"-1e308", V_REAL, 0, -1e308, NULL, 0},
    {"+inf", V_REAL, 0, 0, NULL, 1},
    {"-inf", V_REAL, 0, 0, NULL, -1},
    {"NaN (SQLite binds it as NULL)", V_REAL, 0, 0, NULL, 2},
    {"''", V_TEXT, 0, 0, "", 0},
    {"'abc'", V_TEXT, 0, 0, "abc", -1},
    {"'2024-01-01'", V_TEXT, 0, 0, "2024-01-01", -1},
    {"'2024-02-30'", V_TEXT, 0, 0, "2024-02-30", -1},
    {"'mild'", V_TEXT, 0, 0, "mild", -1},
    {"'10'", V_TEXT, 0, 0, "10", -1},
    {"'-5'", V_TEXT, 0, 0, "-5", -1},
    {"'1e999'", V_TEXT, 0, 0, "1e999", -1},
    {"'Amrix 15 mg ER'", V_TEXT, 0, 0, "Amrix 15 mg ER", -1},
    {"invalid UTF-8", V_TEXT, 0, 0, "\xc3\x28\xff\xfe 2024", -1},
    {"text with NUL", V_TEXT, 0, 0, "2024-01-01\0garbage", 18},
    {"100,000 letters", V_TEXT, 0, 0, big_text, BIG},
    {"100,000 digits", V_TEXT, 0, 0, big_digits, BIG},
    {"100,000 chars of dates", V_TEXT, 0, 0, big_dates, BIG},
    {"empty blob", V_BLOB, 0, 0, "", 0},
    {"blob 00ff", V_BLOB, 0, 0, "\x00\xff", 2},
    {"blob of a date", V_BLOB, 0, 0, "2024-01-01", 10},
    {"100,000-byte blob", V_BLOB, 0, 0, big_text, BIG},
};

static void fill_big_values(void) {
  memset(big_text, 'x', BIG);
  memset(big_digits, '7', BIG);
  for (int i = 0; i < BIG; i++) big_dates[i] = "2024-01-01 "[i % 11];
  big_text[BIG] = big_digits[BIG] = big_dates[BIG] = '\0';
}

static void bind_hostile(sqlite3_stmt *stmt, int index, const hostile_value *v) {
  switch (v->type) {
    case V_NULL:
      sqlite3_bind_null(stmt, index);
      break;
    case V_INT:
      sqlite3_bind_int64(stmt, index, v->i);
      break;
    case V_REAL: {
      double r = v->r;
      if (v->n == 1) r = INFINITY;
      if (v->n == -1) r = -INFINITY;
      if (v->n == 2) r = NAN;
      sqlite3_bind_double(stmt, index, r);
      break;
    }
    case V_TEXT:
      sqlite3_bind_text(stmt, index, v->bytes, v->n < 0 ? (int)strlen(v->bytes) : v->n,
                        SQLITE_STATIC);
      break;
    case V_BLOB:
      sqlite3_bind_blob(stmt, index, v->bytes, v->n, SQLITE_STATIC);
      break;
  }
}

static int is_valid_utf8(const unsigned char *s) {
  while (*s) {
    int len = *s < 0x80 ? 1 : (*s >> 5) == 6 ? 2 : (*s >> 4) == 14 ? 3 : (*s >> 3) == 30 ? 4 : 0;
    if (len == 0) return 0;
    for (int k = 1; k < len; k++) {
      if ((s[k] & 0xC0) != 0x80) return 0;
    }
    s += len;
  }
  return 1;
}

/* SQL that calls the function with `?` at position `hostile_at`. */
static char *call_sql(const function_spec *f, int hostile_at) {
  sqlite3_str *sql = sqlite3_str_new(NULL);
  sqlite3_str_appendf(sql, "SELECT %s(", f->name);
  for (int a = 0; a < f->n_args; a++) {
    sqlite3_str_appendf(sql, "%s%s", a ? ", " : "", a == hostile_at ? "?" : f->valid_sql[a]);
  }
  sqlite3_str_appendall(sql, f->kind == WINDOW ? ") OVER (ORDER BY 1)" : ")");
  if (f->kind != SCALAR) sqlite3_str_appendall(sql, " FROM (SELECT 1)");
  return sqlite3_str_finish(sql);
}

int main(void) {
  sqlite3 *db;
  char *error = NULL;
  const char *ext = getenv("BACKPAIN_EXT");
  fill_big_values();
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 2;
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
  if (ext == NULL || sqlite3_load_extension(db, ext, NULL, &error) != SQLITE_OK) {
    printf("Bail out! cannot load %s: %s\n", ext ? ext : "(BACKPAIN_EXT unset)",
           error ? error : "");
    return 2;
  }

  size_t n_values = sizeof(hostile) / sizeof(hostile[0]);
  for (size_t fi = 0; fi < sizeof(functions) / sizeof(functions[0]); fi++) {
    const function_spec *f = &functions[fi];
    for (int a = 0; a < f->n_args; a++) {
      char *sql = call_sql(f, a);
      sqlite3_stmt *stmt = NULL;
      int failures = 0, errors = 0, values = 0, nulls = 0;
      if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
        tap_ok(0, "prepare %s: %s", sql, sqlite3_errmsg(db));
        sqlite3_free(sql);
        continue;
      }
      char prefix[64];
      snprintf(prefix, sizeof(prefix), "%s(): ", f->name);
      for (size_t vi = 0; vi < n_values; vi++) {
        const hostile_value *v = &hostile[vi];
        sqlite3_reset(stmt);
        bind_hostile(stmt, 1, v);
        int input_null = v->type == V_NULL || (v->type == V_REAL && v->n == 2);
        int rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
          if (sqlite3_column_type(stmt, 0) == SQLITE_NULL) {
            nulls++;
            if (!input_null && a != f->null_allowed_arg) {
              failures++;
              tap_diag("%s with %s = %s: NULL from a non-NULL input", f->name, f->arg_names[a],
                       v->label);
            }
          } else {
            values++;
          }
        } else {
          const char *msg = sqlite3_errmsg(db);
          errors++;
          if (strncmp(msg, prefix, strlen(prefix)) != 0 || strstr(msg, f->arg_names[a]) == NULL ||
              strlen(msg) > 300 || !is_valid_utf8((const unsigned char *)msg)) {
            failures++;
            tap_diag("%s with %s = %s: bad error '%.300s'", f->name, f->arg_names[a], v->label,
                     msg);
          }
        }
      }
      sqlite3_finalize(stmt);
      tap_ok(failures == 0, "%s/%d, hostile %s: %d values, %d NULL, %d errors, all well-formed",
             f->name, f->n_args, f->arg_names[a], values, nulls, errors);
      sqlite3_free(sql);
    }
  }
  /* recommend_plan: each key with each hostile value, the other keys valid */
  size_t n_keys = sizeof(plan_keys) / sizeof(plan_keys[0]);
  for (size_t k = 0; k < n_keys; k++) {
    sqlite3_str *sql = sqlite3_str_new(NULL);
    sqlite3_str_appendall(sql, "SELECT recommend_plan(");
    for (size_t other = 0; other < n_keys; other++) {
      sqlite3_str_appendf(sql, "%s'%s', %s", other ? ", " : "", plan_keys[other],
                          other == k ? "?" : plan_valid[other]);
    }
    sqlite3_str_appendall(sql, ")");
    char *text = sqlite3_str_finish(sql);
    sqlite3_stmt *stmt = NULL;
    int failures = 0, errors = 0, values = 0;
    if (sqlite3_prepare_v2(db, text, -1, &stmt, NULL) != SQLITE_OK) {
      tap_ok(0, "prepare %s: %s", text, sqlite3_errmsg(db));
      sqlite3_free(text);
      continue;
    }
    for (size_t vi = 0; vi < n_values; vi++) {
      sqlite3_reset(stmt);
      bind_hostile(stmt, 1, &hostile[vi]);
      if (sqlite3_step(stmt) == SQLITE_ROW) {
        /* NULL counts as not given: every call returns a plan. */
        if (sqlite3_column_type(stmt, 0) != SQLITE_TEXT) {
          failures++;
          tap_diag("recommend_plan with %s = %s: not a plan", plan_keys[k], hostile[vi].label);
        }
        values++;
      } else {
        const char *msg = sqlite3_errmsg(db);
        errors++;
        if (strncmp(msg, "recommend_plan(): ", 18) != 0 || strstr(msg, plan_keys[k]) == NULL ||
            strlen(msg) > 400 || !is_valid_utf8((const unsigned char *)msg)) {
          failures++;
          tap_diag("recommend_plan with %s = %s: bad error '%.400s'", plan_keys[k],
                   hostile[vi].label, msg);
        }
      }
    }
    sqlite3_finalize(stmt);
    tap_ok(failures == 0, "recommend_plan, hostile %s: %d plans, %d errors, all well-formed",
           plan_keys[k], values, errors);
    sqlite3_free(text);
  }
  for (size_t q = 0; q < sizeof(hostile_plan_sql) / sizeof(hostile_plan_sql[0]); q++) {
    sqlite3_stmt *stmt = NULL;
    int ok = sqlite3_prepare_v2(db, hostile_plan_sql[q], -1, &stmt, NULL) == SQLITE_OK;
    int rc = ok ? sqlite3_step(stmt) : SQLITE_ERROR;
    const char *msg = sqlite3_errmsg(db);
    int fine = ok && (rc == SQLITE_ROW
                          ? sqlite3_column_type(stmt, 0) == SQLITE_TEXT
                          : strncmp(msg, "recommend_plan(): ", 18) == 0 && strlen(msg) <= 400 &&
                                is_valid_utf8((const unsigned char *)msg));
    tap_ok(fine, "%.70s: %s", hostile_plan_sql[q], rc == SQLITE_ROW ? "a plan" : msg);
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return tap_done();
}
