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
**
** The functions and arities are the engine's own list (pragma_function_list
** after loading, tests/support/every_function.h); the valid arguments come
** from tests/support/function_examples.h, and the test fails when that
** table and the engine's list differ. recommend_plan, which takes any
** number of arguments, gets the same matrix key by key.
*/
#include <math.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "support/function_examples.h"
#include "tap.h"

/* recommend_plan: every key with every hostile value, the other keys valid.
** The argument named in errors is the key. */
static const struct {
  const char *key, *valid;
} plan_keys[] = {
    {"pain_weeks", "20"},
    {"onset", "'2024-01-01'"},
    {"as_of", "'2024-06-01'"},
    {"spasm", "1"},
    {"red_flags", "0"},
    {"hepatic", "'mild'"},
    {"age", "70"},
    {"tried", "'yoga'"},
    {"response", "'inadequate'"},
    {"pain_baseline", "8"},
    {"pain_now", "6"},
    {"response_threshold", "0.3"},
    {"relaxant_days", "10"},
    {"contraindications", "'[]'"},
    {"serotonergic", "0"},
    {"preferences", "'[\"yoga\"]'"},
    {"on_error", "'raise'"},
};

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

/* SQL that calls f with the example's literals and `?` at position
** `hostile_at`. */
static char *call_sql(const ef_function *f, const function_example *example, int hostile_at) {
  const char *values[EXAMPLE_MAX_ARGS];
  for (int a = 0; a < EXAMPLE_MAX_ARGS; a++) {
    values[a] = a == hostile_at ? "?" : example->literals[a];
  }
  sqlite3_str *sql = sqlite3_str_new(NULL);
  sqlite3_str_appendall(sql, "SELECT ");
  function_example_call(sql, example, f->narg, values);
  if (f->kind == 'w') sqlite3_str_appendall(sql, " OVER (ORDER BY 1)");
  if (f->kind != 's') sqlite3_str_appendall(sql, " FROM (SELECT 1)");
  return sqlite3_str_finish(sql);
}

/* A function without arguments: one call, which must give a value. */
static void run_without_arguments(sqlite3 *db, const ef_function *f,
                                  const function_example *example) {
  char *sql = call_sql(f, example, -1);
  sqlite3_stmt *stmt = NULL;
  int ok = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK &&
           sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL;
  tap_ok(ok, "%s/0: no argument to make hostile; %s gives a value", f->name, sql);
  sqlite3_finalize(stmt);
  sqlite3_free(sql);
}

/* Every hostile value in each argument position of f. */
static void run_matrix(sqlite3 *db, const ef_function *f, const function_example *example) {
  for (int a = 0; a < f->narg; a++) {
    char *sql = call_sql(f, example, a);
    const char *argument = example->args[a];
    sqlite3_stmt *stmt = NULL;
    int failures = 0, errors = 0, values = 0, nulls = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
      tap_ok(0, "prepare %s: %s", sql, sqlite3_errmsg(db));
      sqlite3_free(sql);
      continue;
    }
    char prefix[EF_NAME_SIZE + 4];
    snprintf(prefix, sizeof(prefix), "%s(): ", f->name);
    for (size_t vi = 0; vi < BP_COUNT(hostile); vi++) {
      const hostile_value *v = &hostile[vi];
      sqlite3_reset(stmt);
      bind_hostile(stmt, 1, v);
      int input_null = v->type == V_NULL || (v->type == V_REAL && v->n == 2);
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_ROW) {
        if (sqlite3_column_type(stmt, 0) == SQLITE_NULL) {
          nulls++;
          if (!input_null && a != example->null_allowed_arg) {
            failures++;
            tap_diag("%s with %s = %s: NULL from a non-NULL input", f->name, argument, v->label);
          }
        } else {
          values++;
        }
      } else {
        const char *msg = sqlite3_errmsg(db);
        errors++;
        if (strncmp(msg, prefix, strlen(prefix)) != 0 || strstr(msg, argument) == NULL ||
            strlen(msg) > 300 || !is_valid_utf8((const unsigned char *)msg)) {
          failures++;
          tap_diag("%s with %s = %s: bad error '%.300s'", f->name, argument, v->label, msg);
        }
      }
    }
    sqlite3_finalize(stmt);
    tap_ok(failures == 0, "%s/%d, hostile %s: %d values, %d NULL, %d errors, all well-formed",
           f->name, f->narg, argument, values, nulls, errors);
    sqlite3_free(sql);
  }
}

/* Any number of arguments (recommend_plan): each key with each hostile
** value, the other keys valid. */
static void run_key_matrix(sqlite3 *db, const ef_function *f) {
  char prefix[EF_NAME_SIZE + 4];
  snprintf(prefix, sizeof(prefix), "%s(): ", f->name);
  for (size_t k = 0; k < BP_COUNT(plan_keys); k++) {
    sqlite3_str *sql = sqlite3_str_new(NULL);
    sqlite3_str_appendf(sql, "SELECT %s(", f->name);
    for (size_t other = 0; other < BP_COUNT(plan_keys); other++) {
      sqlite3_str_appendf(sql, "%s'%s', %s", other ? ", " : "", plan_keys[other].key,
                          other == k ? "?" : plan_keys[other].valid);
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
    for (size_t vi = 0; vi < BP_COUNT(hostile); vi++) {
      sqlite3_reset(stmt);
      bind_hostile(stmt, 1, &hostile[vi]);
      if (sqlite3_step(stmt) == SQLITE_ROW) {
        /* NULL counts as not given: every call returns a plan. */
        if (sqlite3_column_type(stmt, 0) != SQLITE_TEXT) {
          failures++;
          tap_diag("%s with %s = %s: not a plan", f->name, plan_keys[k].key, hostile[vi].label);
        }
        values++;
      } else {
        const char *msg = sqlite3_errmsg(db);
        errors++;
        if (strncmp(msg, prefix, strlen(prefix)) != 0 || strstr(msg, plan_keys[k].key) == NULL ||
            strlen(msg) > 400 || !is_valid_utf8((const unsigned char *)msg)) {
          failures++;
          tap_diag("%s with %s = %s: bad error '%.400s'", f->name, plan_keys[k].key,
                   hostile[vi].label, msg);
        }
      }
    }
    sqlite3_finalize(stmt);
    tap_ok(failures == 0, "%s, hostile %s: %d plans, %d errors, all well-formed", f->name,
           plan_keys[k].key, values, errors);
    sqlite3_free(text);
  }
}

int main(void) {
  sqlite3 *db;
  ef_list engine;
  const char *ext = getenv("BACKPAIN_EXT");
  fill_big_values();
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 2;
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
  if (ext == NULL || !ef_register_and_list(db, ef_load_extension, (void *)ext, &engine)) {
    printf("Bail out! cannot load %s and list its functions\n", ext ? ext : "(BACKPAIN_EXT unset)");
    return 2;
  }
  size_t differences = EF_COMPARE(&engine, function_examples, stdout, "# ");
  tap_ok(engine.count > 0 && differences == 0,
         "the examples cover exactly the engine's %zu functions and arities (%zu differences)",
         engine.count, differences);

  for (size_t e = 0; e < engine.count; e++) {
    const ef_function *f = &engine.rows[e];
    const function_example *example = function_example_for(f->name, f->narg);
    if (example == NULL) continue; /* a difference, failed above */
    if (f->narg < 0) {
      run_key_matrix(db, f);
    } else if (f->narg == 0) {
      run_without_arguments(db, f, example);
    } else {
      run_matrix(db, f, example);
    }
  }
  for (size_t q = 0; q < BP_COUNT(hostile_plan_sql); q++) {
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
  ef_free(&engine);
  sqlite3_close(db);
  return tap_done();
}
