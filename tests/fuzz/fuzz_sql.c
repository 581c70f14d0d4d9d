/*
** fuzz_sql.c: libFuzzer harness for the whole extension through SQLite's C
** API: the argument readers, error messages, aggregates, the window
** function, recommend_plan() and the guideline_evidence virtual table
** (ext/sqlite/sql_*.c, ext/sqlite/backpain.c and the core under them).
**
** The extension is linked statically (-DSQLITE_CORE) and registered once
** on one in-memory connection, kept in the static `db` for the whole run
** (the one mutable global, as libFuzzer harnesses conventionally have).
** Every statement is finalized and every copied value freed before an
** input returns, so nothing leaks from one input to the next, and the
** extension never writes to the database.
**
** Input format (chosen to suit libFuzzer's mutations and dictionary):
**   byte 0      the selector: selector % CALL_COUNT picks the call below,
**               selector / CALL_COUNT a variant (window frame, partition
**               count, virtual-table column, ...);
**   the rest    up to MAX_FIELDS fields separated by the byte 0x1E. The
**               first byte of a field is its type tag:
**                 (empty) or 'n'  NULL
**                 'i'  INTEGER, the rest read as decimal (strtoll, clamped)
**                 'I'  INTEGER, the next 8 bytes as a raw int64
**                 'r'  REAL, the rest read by strtod ("inf", "nan", "1e999")
**                 'R'  REAL, the next 8 bytes as a raw double (any NaN)
**                 't'  TEXT, the rest as it is (invalid UTF-8 and NULs too)
**                 'b'  BLOB, the rest
**                 'k'  TEXT, a recommend_plan key: the next byte picks one
**                      of the contract's keys or a garbage one
**                 other  TEXT, the whole field
**
** Scalars take their arguments from the first fields. Aggregates and the
** window function read the fields as rows (start, end[, gap_days[,
** max_days[, as_of]]]) of a VALUES list (course_calls[]).
** recommend_plan() takes every field as an argument (an odd count tests
** its own error). The virtual table is queried with WHERE <column> = ?1
** [AND <column> = ?2].
**
** Every function: before the first input, the functions and arities the
** calls run (scalar_calls[], course_calls[], recommend_plan) are compared
** with the engine's own list, pragma_function_list after registration
** (tests/support/every_function.h), and the harness aborts on any
** difference either way, so a function added to the extension cannot go
** unfuzzed. The calls keep a fixed order (the seed corpus names them by
** selector); a new call goes last.
**
** Invariants:
**   - each call gives a row, or an error whose message starts with the
**     function's name and "(): ". SQLite's own arity and window-misuse
**     errors are never provoked: every call uses a registered arity, and
**     relaxant_course_no, which also runs under frames it rejects and as
**     a plain aggregate, must reject those with its own error;
**   - results have the contract's type and range: dates are YYYY-MM-DD,
**     day counts >= 1, flags 0/1, ingredients, intervention ids, phases,
**     ICD-10 classes from their closed lists, JSON is valid (SQLite's
**     json_valid) with the contract's shape;
**   - NULL in, NULL out for every scalar called with all arguments NULL;
**   - cross-checks between functions: relaxant_end(x, 1) equals SQLite's
**     date(x) for a Julian day number x; relaxant_days(s, relaxant_end(s,
**     n)) = n; relaxant_overdue(s, e) = relaxant_days(s, e) > 21;
**     pain_phase(a, b) agrees with relaxant_days(a, b); relaxant_courses,
**     relaxant_longest_course and relaxant_course_no agree on the same rows
**     (largest span, number of courses, and without as_of the number of
**     fills; with max_days, which the other two do not take, only a
**     relaxant_courses that succeeds says they must); a non-NULL
**     relaxant_dose_alerts() means relaxant_ingredient() is
**     cyclobenzaprine; every evidence id in a plan is a guideline_evidence
**     row;
**   - guideline_evidence WHERE col = ?1 returns the same rows as the
**     unindexed WHERE CAST(col AS TEXT) = ?1, i.e. xBestIndex/xFilter
**     compare as SQLite does.
**
** This harness found that guideline_evidence's xFilter matched a BLOB
** against a TEXT column by its bytes, where SQLite never finds a BLOB equal
** to TEXT; fixed, and kept as the seed corpus/fuzz_sql/evidence-blob.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "../support/every_function.h"
#include "backpain.h"
#include "bp_common.h"
#include "fuzz_check.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The connection, opened once with the extension registered (see above). */
static sqlite3 *db;

#define FIELD_SEPARATOR 0x1E
#define MAX_FIELDS 64

/* ---- Fields ------------------------------------------------------------ */

typedef enum { F_NULL, F_INT, F_REAL, F_TEXT, F_BLOB } field_type;

typedef struct {
  field_type type;
  sqlite3_int64 integer;
  double real;
  const char *bytes; /* TEXT and BLOB: points into the input copy */
  size_t length;
} field;

static const char *const plan_keys[] = {
    "pain_weeks", "onset", "as_of", "spasm", "red_flags", "hepatic", "age", "tried", "response",
    "pain_baseline", "pain_now", "response_threshold", "relaxant_days", "contraindications",
    "serotonergic", "preferences",
    /* garbage keys */
    "", "PAIN_WEEKS", "pain_weeks ", "painweeks", "tried\xff", "x"};
#define PLAN_KEY_COUNT BP_COUNT(plan_keys)

static void decode_field(const char *bytes, size_t length, field *f) {
  char number[64];
  memset(f, 0, sizeof(*f));
  if (length == 0) {
    f->type = F_NULL;
    return;
  }
  const char *rest = bytes + 1;
  size_t rest_length = length - 1;
  size_t copy = rest_length < sizeof(number) - 1 ? rest_length : sizeof(number) - 1;
  switch (bytes[0]) {
    case 'n':
      f->type = F_NULL;
      break;
    case 'i':
      memcpy(number, rest, copy);
      number[copy] = '\0';
      f->type = F_INT;
      f->integer = strtoll(number, NULL, 10);
      break;
    case 'I':
      f->type = F_INT;
      memcpy(&f->integer, rest, rest_length < 8 ? rest_length : 8);
      break;
    case 'r':
      memcpy(number, rest, copy);
      number[copy] = '\0';
      f->type = F_REAL;
      f->real = strtod(number, NULL);
      break;
    case 'R':
      f->type = F_REAL;
      memcpy(&f->real, rest, rest_length < 8 ? rest_length : 8);
      break;
    case 't':
      f->type = F_TEXT;
      f->bytes = rest;
      f->length = rest_length;
      break;
    case 'b':
      f->type = F_BLOB;
      f->bytes = rest;
      f->length = rest_length;
      break;
    case 'k': {
      const char *key = plan_keys[(rest_length ? (unsigned char)rest[0] : 0u) % PLAN_KEY_COUNT];
      f->type = F_TEXT;
      f->bytes = key;
      f->length = strlen(key);
      break;
    }
    default:
      f->type = F_TEXT;
      f->bytes = bytes;
      f->length = length;
      break;
  }
}

static size_t split_fields(const char *text, size_t n, field *fields) {
  size_t count = 0, start = 0;
  if (n == 0) return 0;
  for (size_t i = 0; i <= n && count < MAX_FIELDS; i++) {
    if (i == n || (unsigned char)text[i] == FIELD_SEPARATOR) {
      decode_field(text + start, i - start, &fields[count++]);
      start = i + 1;
    }
  }
  return count;
}

static const field null_field = {F_NULL, 0, 0, NULL, 0};

/* The i-th field, NULL beyond the end. */
static const field *arg(const field *fields, size_t count, size_t i) {
  return i < count ? &fields[i] : &null_field;
}

static void bind_field(sqlite3_stmt *stmt, int index, const field *f) {
  int rc = SQLITE_OK;
  switch (f->type) {
    case F_NULL:
      rc = sqlite3_bind_null(stmt, index);
      break;
    case F_INT:
      rc = sqlite3_bind_int64(stmt, index, f->integer);
      break;
    case F_REAL:
      rc = sqlite3_bind_double(stmt, index, f->real);
      break;
    case F_TEXT:
      rc = sqlite3_bind_text64(stmt, index, f->bytes, f->length, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    case F_BLOB:
      rc = sqlite3_bind_blob64(stmt, index, f->bytes, f->length, SQLITE_TRANSIENT);
      break;
  }
  CHECK(rc == SQLITE_OK);
}

/* ---- Running statements ---------------------------------------------------- */

static sqlite3_stmt *prepare(const char *sql) {
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK) {
    fprintf(stderr, "fuzz_sql: cannot prepare %s: %s\n", sql, sqlite3_errmsg(db));
    abort();
  }
  return stmt;
}

/* An error of a call to `function`: its message must start "function(): ".
** A NULL function means no error is acceptable here. */
static void check_error(int rc, const char *function, const char *sql) {
  const char *message = sqlite3_errmsg(db);
  char prefix[64];
  int ok = function != NULL && rc == SQLITE_ERROR;
  if (ok) {
    snprintf(prefix, sizeof(prefix), "%s(): ", function);
    ok = strncmp(message, prefix, strlen(prefix)) == 0;
  }
  if (!ok) {
    fprintf(stderr, "fuzz_sql: unexpected error %d from %s\n  SQL: %s\n  message: %s\n", rc,
            function ? function : "(a call that must not fail)", sql, message);
    abort();
  }
}

/*
** Runs a one-row query; binds[] go to ?1, ?2, ... Returns 1 and a copy of
** the first column in *out (free it with sqlite3_value_free), or 0 after an
** error from `function` (checked).
*/
static int query_value(const char *sql, const field *const *binds, int bind_count,
                       const char *function, sqlite3_value **out) {
  sqlite3_stmt *stmt = prepare(sql);
  for (int i = 0; i < bind_count; i++) bind_field(stmt, i + 1, binds[i]);
  int rc = sqlite3_step(stmt);
  *out = NULL;
  if (rc == SQLITE_ROW) {
    *out = sqlite3_value_dup(sqlite3_column_value(stmt, 0));
    CHECK(*out != NULL);
    CHECK(sqlite3_step(stmt) == SQLITE_DONE);
  } else {
    CHECK(rc != SQLITE_DONE);
    check_error(rc, function, sql);
  }
  sqlite3_finalize(stmt);
  return *out != NULL;
}

/* Runs a query whose one row has an INTEGER (or NULL) first column that
** must not fail. Returns the integer; *is_null tells NULL. */
static sqlite3_int64 query_int(const char *sql, const field *const *binds, int bind_count,
                               int *is_null) {
  sqlite3_value *v;
  CHECK(query_value(sql, binds, bind_count, NULL, &v));
  *is_null = sqlite3_value_type(v) == SQLITE_NULL;
  CHECK(*is_null || sqlite3_value_type(v) == SQLITE_INTEGER);
  sqlite3_int64 result = sqlite3_value_int64(v);
  sqlite3_value_free(v);
  return result;
}

/* A field holding a value, for binding results back into a query. */
static field field_of_value(sqlite3_value *v) {
  field f = null_field;
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
      f.type = F_INT;
      f.integer = sqlite3_value_int64(v);
      break;
    case SQLITE_FLOAT:
      f.type = F_REAL;
      f.real = sqlite3_value_double(v);
      break;
    case SQLITE_TEXT:
      f.type = F_TEXT;
      f.bytes = (const char *)sqlite3_value_text(v);
      f.length = (size_t)sqlite3_value_bytes(v);
      break;
    case SQLITE_BLOB:
      f.type = F_BLOB;
      f.bytes = sqlite3_value_blob(v);
      f.length = (size_t)sqlite3_value_bytes(v);
      break;
    default:
      break;
  }
  return f;
}

static int json_is_valid(sqlite3_value *v) {
  field f = field_of_value(v);
  const field *binds[] = {&f};
  int is_null;
  return query_int("SELECT json_valid(?1)", binds, 1, &is_null) == 1 && !is_null;
}

static int value_is_text_in(sqlite3_value *v, const char *const *names, size_t count) {
  if (sqlite3_value_type(v) != SQLITE_TEXT) return 0;
  const char *text = (const char *)sqlite3_value_text(v);
  for (size_t i = 0; i < count; i++) {
    if (strcmp(text, names[i]) == 0) return 1;
  }
  return 0;
}

static int value_is_date(sqlite3_value *v) {
  if (sqlite3_value_type(v) != SQLITE_TEXT || sqlite3_value_bytes(v) != 10) return 0;
  const char *t = (const char *)sqlite3_value_text(v);
  for (int i = 0; i < 10; i++) {
    int want_dash = i == 4 || i == 7;
    if (want_dash ? t[i] != '-' : (t[i] < '0' || t[i] > '9')) return 0;
  }
  return 1;
}

/* ---- Closed lists ------------------------------------------------------- */

static const char *const ingredients[] = {"cyclobenzaprine", "carisoprodol", "methocarbamol",
                                          "metaxalone",      "tizanidine",   "chlorzoxazone",
                                          "orphenadrine",    "baclofen"};
static const char *const intervention_ids[] = {"exercise_therapy",
                                               "motor_control_exercise",
                                               "heat_therapy",
                                               "tai_chi",
                                               "yoga",
                                               "cbt",
                                               "progressive_relaxation",
                                               "mbsr",
                                               "acupuncture",
                                               "emg_biofeedback",
                                               "low_level_laser",
                                               "operant_therapy",
                                               "massage",
                                               "spinal_manipulation",
                                               "muscle_relaxant",
                                               "nsaid",
                                               "tramadol",
                                               "duloxetine",
                                               "opioid",
                                               "multidisciplinary_rehabilitation",
                                               "lumbar_support",
                                               "tens",
                                               "specific_cause_evaluation"};
static const char *const phases[] = {"acute", "subacute", "chronic"};
static const char *const icd10_classes[] = {
    "low_back_pain",         "muscle_spasm_back",    "sciatica",
    "radiculopathy",         "disc_disorder",        "spinal_stenosis",
    "red_flag_cauda_equina", "red_flag_malignancy",  "red_flag_fracture",
    "red_flag_infection",    "red_flag_inflammatory"};

/* ---- Scalars ------------------------------------------------------------------ */

typedef struct {
  const char *name;
  int n_args;
  /* checks a non-error result; args are the call's fields */
  void (*check)(sqlite3_value *result, const field *const *args);
} scalar_call;

static void check_version(sqlite3_value *r, const field *const *a) {
  (void)a;
  CHECK(sqlite3_value_type(r) == SQLITE_TEXT);
  CHECK(strcmp((const char *)sqlite3_value_text(r), BACKPAIN_VERSION) == 0);
}

static void check_ingredient(sqlite3_value *r, const field *const *a) {
  (void)a;
  CHECK(sqlite3_value_type(r) == SQLITE_NULL ||
        value_is_text_in(r, ingredients, BP_COUNT(ingredients)));
}

static void check_end(sqlite3_value *r, const field *const *a) {
  if (sqlite3_value_type(r) == SQLITE_NULL) return;
  CHECK(value_is_date(r));
  int is_null;
  /* relaxant_days(start, relaxant_end(start, n)) = n */
  const field *binds[] = {a[0], a[1]};
  sqlite3_int64 same = query_int(
      "SELECT relaxant_days(?1, relaxant_end(?1, ?2)) = CAST(?2 AS REAL)", binds, 2, &is_null);
  CHECK(!is_null && same == 1);
  /* For a Julian day number, the first day is SQLite's date(x). */
  if (a[0]->type == F_INT || a[0]->type == F_REAL) {
    sqlite3_int64 agrees = query_int("SELECT relaxant_end(?1, 1) IS date(?1)", binds, 1, &is_null);
    if (agrees != 1) {
      fprintf(stderr, "fuzz_sql: relaxant_end(x, 1) differs from date(x) for x = %.17g\n",
              a[0]->type == F_INT ? (double)a[0]->integer : a[0]->real);
    }
    CHECK(agrees == 1);
  }
}

static void check_days(sqlite3_value *r, const field *const *a) {
  if (sqlite3_value_type(r) == SQLITE_NULL) return;
  CHECK(sqlite3_value_type(r) == SQLITE_INTEGER && sqlite3_value_int64(r) >= 1);
  /* overdue(s, e) is days > 21, and pain_phase(s, e) follows days - 1 */
  const field *binds[] = {a[0], a[1]};
  int is_null;
  sqlite3_int64 days = sqlite3_value_int64(r);
  CHECK(query_int("SELECT relaxant_overdue(?1, ?2)", binds, 2, &is_null) == (days > 21) &&
        !is_null);
  sqlite3_value *phase;
  CHECK(query_value("SELECT pain_phase(?1, ?2)", binds, 2, NULL, &phase));
  const char *want = days - 1 < 28 ? "acute" : days - 1 <= 84 ? "subacute" : "chronic";
  CHECK(value_is_text_in(phase, &want, 1));
  sqlite3_value_free(phase);
}

static void check_flag(sqlite3_value *r, const field *const *a) {
  (void)a;
  if (sqlite3_value_type(r) == SQLITE_NULL) return;
  CHECK(sqlite3_value_type(r) == SQLITE_INTEGER);
  CHECK(sqlite3_value_int64(r) == 0 || sqlite3_value_int64(r) == 1);
}

static void check_dose_alerts(sqlite3_value *r, const field *const *a) {
  if (sqlite3_value_type(r) == SQLITE_NULL) return;
  CHECK(sqlite3_value_type(r) == SQLITE_TEXT && json_is_valid(r));
  CHECK(sqlite3_value_text(r)[0] == '[');
  const field *binds[] = {a[0]};
  sqlite3_value *ingredient;
  CHECK(query_value("SELECT relaxant_ingredient(?1)", binds, 1, NULL, &ingredient));
  const char *want = "cyclobenzaprine";
  CHECK(value_is_text_in(ingredient, &want, 1));
  sqlite3_value_free(ingredient);
}

static void check_intervention(sqlite3_value *r, const field *const *a) {
  (void)a;
  CHECK(sqlite3_value_type(r) == SQLITE_NULL ||
        value_is_text_in(r, intervention_ids, BP_COUNT(intervention_ids)));
}

static void check_phase(sqlite3_value *r, const field *const *a) {
  (void)a;
  CHECK(sqlite3_value_type(r) == SQLITE_NULL || value_is_text_in(r, phases, BP_COUNT(phases)));
}

static void check_icd10(sqlite3_value *r, const field *const *a) {
  (void)a;
  CHECK(sqlite3_value_type(r) == SQLITE_NULL ||
        value_is_text_in(r, icd10_classes, BP_COUNT(icd10_classes)));
}

static const scalar_call scalar_calls[] = {
    {"backpain_version", 0, check_version},
    {"relaxant_ingredient", 1, check_ingredient},
    {"relaxant_end", 2, check_end},
    {"relaxant_days", 2, check_days},
    {"relaxant_overdue", 2, check_flag},
    {"relaxant_overdue", 3, check_flag},
    {"relaxant_overdue", 4, check_flag},
    {"relaxant_dose_alerts", 3, check_dose_alerts},
    {"relaxant_dose_alerts", 4, check_dose_alerts},
    {"relaxant_dose_alerts", 5, check_dose_alerts},
    {"intervention_code", 1, check_intervention},
    {"pain_phase", 1, check_phase},
    {"pain_phase", 2, check_phase},
    {"icd10_class", 1, check_icd10},
};
#define SCALAR_COUNT BP_COUNT(scalar_calls)

static void run_scalar(const scalar_call *call, const field *fields, size_t count) {
  char sql[128];
  const field *args[5];
  int all_null = call->n_args > 0;
  int n = snprintf(sql, sizeof(sql), "SELECT %s(", call->name);
  for (int i = 0; i < call->n_args; i++) {
    args[i] = arg(fields, count, (size_t)i);
    all_null &= args[i]->type == F_NULL;
    n += snprintf(sql + n, sizeof(sql) - (size_t)n, "%s?%d", i ? ", " : "", i + 1);
  }
  snprintf(sql + n, sizeof(sql) - (size_t)n, ")");
  sqlite3_value *result;
  if (!query_value(sql, args, call->n_args, call->name, &result)) {
    CHECK(!all_null); /* NULL in, NULL out: never an error */
    return;
  }
  if (all_null) CHECK(sqlite3_value_type(result) == SQLITE_NULL);
  call->check(result, args);
  sqlite3_value_free(result);
}

/* ---- Aggregates and the window function ------------------------------------ */

/* SELECT <head> FROM (VALUES (?,?,..,p), ...) [<tail>]: one row per `width`
** fields, padded with NULL, and a partition number in the last column. */
static char *rows_sql(const char *head, int width, size_t rows, int partitions, const char *tail) {
  size_t cap = 256 + rows * (size_t)(width * 6 + 16) + strlen(head) + strlen(tail);
  char *sql = malloc(cap);
  CHECK(sql != NULL);
  size_t n = (size_t)snprintf(sql, cap, "SELECT %s FROM (VALUES ", head);
  if (rows == 0) {
    n += (size_t)snprintf(sql + n, cap - n, "(");
    for (int c = 0; c < width; c++) n += (size_t)snprintf(sql + n, cap - n, "NULL, ");
    n += (size_t)snprintf(sql + n, cap - n, "0)) WHERE 0 %s", tail);
    return sql;
  }
  for (size_t r = 0; r < rows; r++) {
    n += (size_t)snprintf(sql + n, cap - n, "%s(", r ? ", " : "");
    for (int c = 0; c < width; c++) n += (size_t)snprintf(sql + n, cap - n, "?, ");
    n += (size_t)snprintf(sql + n, cap - n, "%d)", (int)(r % (size_t)partitions));
  }
  snprintf(sql + n, cap - n, ") %s", tail);
  return sql;
}

static sqlite3_stmt *prepare_rows(const char *sql, const field *fields, size_t count, int width,
                                  size_t rows) {
  sqlite3_stmt *stmt = prepare(sql);
  for (size_t i = 0; i < rows * (size_t)width; i++) {
    bind_field(stmt, (int)i + 1, arg(fields, count, i));
  }
  return stmt;
}

/* An aggregate over the rows (of `width` fields each) with the argument
** columns `columns`; returns 1 and its value, or 0 after its error. */
static int run_aggregate(const char *name, const char *columns, int width, const field *fields,
                         size_t count, sqlite3_value **out) {
  char head[192];
  size_t rows = (count + (size_t)width - 1) / (size_t)width;
  snprintf(head, sizeof(head), "%s(%s)", name, columns);
  char *sql = rows_sql(head, width, rows, 1, "");
  sqlite3_stmt *stmt = prepare_rows(sql, fields, count, width, rows);
  int rc = sqlite3_step(stmt);
  *out = NULL;
  if (rc == SQLITE_ROW) {
    *out = sqlite3_value_dup(sqlite3_column_value(stmt, 0));
    CHECK(*out != NULL);
    CHECK(sqlite3_step(stmt) == SQLITE_DONE);
  } else {
    check_error(rc, name, sql);
  }
  sqlite3_finalize(stmt);
  free(sql);
  return *out != NULL;
}

/* Window frames: the first two are the default frame (accepted); the
** others misuse relaxant_course_no (a frame that drops rows or looks
** ahead, no ORDER BY, EXCLUDE, descending order) and must give its own
** error, if any. */
static const char *const window_frames[] = {
    "ORDER BY column1",
    "ORDER BY column1 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW",
    "ORDER BY column1 ROWS BETWEEN 1 PRECEDING AND CURRENT ROW",
    "ORDER BY column1 ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING",
    "",
    "ORDER BY column1 RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING",
    "ORDER BY column1 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING",
    "ORDER BY column1 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW",
    "ORDER BY column1 GROUPS BETWEEN 1 FOLLOWING AND 2 FOLLOWING",
    /* the default frame, but rows in descending start order: an error */
    "ORDER BY column1 DESC",
};
#define FRAME_COUNT BP_COUNT(window_frames)
/* One more variant: used as a plain aggregate (GROUP BY the partition). */
#define AS_AGGREGATE FRAME_COUNT

/*
** relaxant_course_no over the rows. Returns 1 when it ran without error,
** with the largest course number in *max_course (0 when every row was
** NULL), or 0 after its error.
*/
static int run_course_no(const char *columns, int width, unsigned variant, int partitions,
                         const field *fields, size_t count, sqlite3_int64 *max_course) {
  char head[512], tail[64] = "";
  size_t rows = (count + (size_t)width - 1) / (size_t)width;
  unsigned frame = variant % (FRAME_COUNT + 1);
  if (frame == AS_AGGREGATE) {
    snprintf(head, sizeof(head), "relaxant_course_no(%s)", columns);
    snprintf(tail, sizeof(tail), "GROUP BY column%d", width + 1);
  } else {
    snprintf(head, sizeof(head), "relaxant_course_no(%s) OVER (PARTITION BY column%d %s)", columns,
             width + 1, window_frames[frame]);
  }
  char *sql = rows_sql(head, width, rows, partitions, tail);
  sqlite3_stmt *stmt = prepare_rows(sql, fields, count, width, rows);
  int rc;
  *max_course = 0;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    int type = sqlite3_column_type(stmt, 0);
    CHECK(type == SQLITE_NULL || type == SQLITE_INTEGER);
    if (type == SQLITE_INTEGER) {
      sqlite3_int64 no = sqlite3_column_int64(stmt, 0);
      CHECK(no >= 1 && (size_t)no <= rows);
      if (no > *max_course) *max_course = no;
    }
  }
  if (rc != SQLITE_DONE) check_error(rc, "relaxant_course_no", sql);
  sqlite3_finalize(stmt);
  free(sql);
  return rc == SQLITE_DONE;
}

static void check_courses_json(sqlite3_value *courses) {
  CHECK(sqlite3_value_type(courses) == SQLITE_TEXT && json_is_valid(courses));
  field f = field_of_value(courses);
  const field *binds[] = {&f};
  int is_null;
  /* Every course has start <= end, span = end - start + 1, 1 <= covered
  ** <= span, fills >= 1. */
  sqlite3_int64 bad = query_int(
      "SELECT count(*) FROM json_each(?1) WHERE "
      "json_type(value) != 'object' OR "
      "julianday(json_extract(value, '$.end')) - julianday(json_extract(value, '$.start')) + 1 "
      "  != json_extract(value, '$.span_days') OR "
      "json_extract(value, '$.covered_days') NOT BETWEEN 1 AND json_extract(value, '$.span_days') "
      "OR "
      "json_extract(value, '$.fills') < 1",
      binds, 1, &is_null);
  CHECK(bad == 0);
}

/*
** The course calls, one per width of the rows (start, end, gap_days,
** max_days, as_of): the arguments relaxant_courses takes from a row, and
** those relaxant_longest_course and relaxant_course_no take (NULL: they
** do not run, since the fourth column is max_days, which only
** relaxant_courses has). LLVMFuzzerInitialize checks these arities, with
** the scalar calls', against the engine's list of functions.
*/
typedef struct {
  int width;
  const char *courses;
  int courses_args;
  const char *siblings;
  int sibling_args;
} course_call;

static const course_call course_calls[] = {
    {2, "column1, column2", 2, "column1, column2", 2},
    {3, "column1, column2, column3", 3, "column1, column2, column3", 3},
    {4, "column1, column2, column3, column4", 4, NULL, 0},
    {5, "column1, column2, column3, column4, column5", 5, "column1, column2, column3, column5", 4},
};

static void run_courses_family(unsigned selector_variant, const course_call *call,
                               const field *fields, size_t count) {
  sqlite3_value *courses = NULL, *longest = NULL;
  int width = call->width;
  int courses_ok = run_aggregate("relaxant_courses", call->courses, width, fields, count, &courses);
  if (courses_ok && sqlite3_value_type(courses) != SQLITE_NULL) check_courses_json(courses);
  if (call->siblings == NULL) {
    sqlite3_value_free(courses);
    return;
  }
  /* Same rows: longest course and course numbers must agree. When the
  ** rows have a max_days column that the siblings do not take, only a
  ** call of relaxant_courses that succeeds says the others must. */
  int same_arguments = strcmp(call->courses, call->siblings) == 0;
  int longest_ok =
      run_aggregate("relaxant_longest_course", call->siblings, width, fields, count, &longest);
  CHECK(same_arguments ? courses_ok == longest_ok : !courses_ok || longest_ok);
  sqlite3_int64 max_course = 0;
  int partitions = 1 + (int)(selector_variant / (FRAME_COUNT + 1)) % 3;
  int course_no_ok = run_course_no(call->siblings, width, selector_variant, partitions, fields,
                                   count, &max_course);
  if (courses_ok) {
    int is_null;
    int courses_null = sqlite3_value_type(courses) == SQLITE_NULL;
    CHECK(courses_null == (sqlite3_value_type(longest) == SQLITE_NULL));
    if (!courses_null) {
      CHECK(sqlite3_value_type(longest) == SQLITE_INTEGER && sqlite3_value_int64(longest) >= 1);
      field f = field_of_value(courses);
      const field *binds[] = {&f};
      sqlite3_int64 span = query_int(
          "SELECT max(json_extract(value, '$.span_days')) FROM json_each(?1)", binds, 1, &is_null);
      CHECK(!is_null && span == sqlite3_value_int64(longest));
      /* Without as_of, fills = rows whose start and end are both given
      ** (as_of also takes open fills and leaves out later ones). */
      if (call->courses_args < 5) {
        sqlite3_int64 fills = query_int(
            "SELECT sum(json_extract(value, '$.fills')) FROM json_each(?1)", binds, 1, &is_null);
        size_t usable = 0;
        for (size_t i = 0; i < count; i += (size_t)width) {
          if (arg(fields, count, i)->type != F_NULL && arg(fields, count, i + 1)->type != F_NULL) {
            usable++;
          }
        }
        CHECK(!is_null && (size_t)fills == usable);
      }
      unsigned frame = selector_variant % (FRAME_COUNT + 1);
      if (course_no_ok && partitions == 1 && frame <= 1) {
        sqlite3_int64 courses_count = query_int("SELECT json_array_length(?1)", binds, 1, &is_null);
        CHECK(max_course == courses_count);
      }
    }
  }
  sqlite3_value_free(longest);
  sqlite3_value_free(courses);
}

/* ---- recommend_plan ------------------------------------------------------------ */

static void run_recommend_plan(const field *fields, size_t count) {
  size_t cap = 64 + count * 8;
  char *sql = malloc(cap);
  const field **binds = malloc((count ? count : 1) * sizeof(*binds));
  CHECK(sql != NULL && binds != NULL);
  size_t n = (size_t)snprintf(sql, cap, "SELECT recommend_plan(");
  for (size_t i = 0; i < count; i++) {
    n += (size_t)snprintf(sql + n, cap - n, "%s?", i ? ", " : "");
    binds[i] = &fields[i];
  }
  snprintf(sql + n, cap - n, ")");
  sqlite3_value *plan;
  if (query_value(sql, binds, (int)count, "recommend_plan", &plan)) {
    CHECK(sqlite3_value_type(plan) == SQLITE_TEXT && json_is_valid(plan));
    const char *text = (const char *)sqlite3_value_text(plan);
    CHECK(strncmp(text, "{\"version\":\"" BACKPAIN_VERSION "\",\"phase\":\"",
                  strlen("{\"version\":\"" BACKPAIN_VERSION "\",\"phase\":\"")) == 0);
    field f = field_of_value(plan);
    const field *plan_bind[] = {&f};
    int is_null;
    sqlite3_int64 unknown_ids = query_int(
        "SELECT count(*) FROM json_each(?1, '$.steps') AS s, "
        "json_each(s.value, '$.evidence') AS e "
        "WHERE e.value NOT IN (SELECT id FROM guideline_evidence)",
        plan_bind, 1, &is_null);
    CHECK(unknown_ids == 0);
    sqlite3_int64 steps =
        query_int("SELECT json_array_length(?1, '$.steps')", plan_bind, 1, &is_null);
    CHECK(!is_null && steps >= 1);
    sqlite3_value_free(plan);
  } else {
    CHECK(count > 0); /* recommend_plan() with no argument is a plan */
  }
  free(binds);
  free(sql);
}

/* ---- guideline_evidence ----------------------------------------------------------- */

static const char *const evidence_columns[] = {
    "id",     "intervention", "category",       "population", "comparator", "outcome",
    "effect", "quality",      "recommendation", "statement",  "source",     "note"};
#define EVIDENCE_COLUMN_COUNT BP_COUNT(evidence_columns)

/* Rows of a guideline_evidence query, as a bitmap of rowids (< 1024). */
static void evidence_rows(const char *sql, const field *const *binds, int bind_count,
                          unsigned char seen[128], size_t *row_count) {
  sqlite3_stmt *stmt = prepare(sql);
  for (int i = 0; i < bind_count; i++) bind_field(stmt, i + 1, binds[i]);
  int rc;
  memset(seen, 0, 128);
  *row_count = 0;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    sqlite3_int64 rowid = sqlite3_column_int64(stmt, 0);
    CHECK(rowid >= 1 && rowid < 1024);
    seen[rowid / 8] |= (unsigned char)(1u << (rowid % 8));
    (*row_count)++;
    for (int c = 1; c < sqlite3_column_count(stmt); c++) {
      int type = sqlite3_column_type(stmt, c);
      CHECK(type == SQLITE_TEXT || type == SQLITE_NULL);
      if (type == SQLITE_TEXT) CHECK(sqlite3_column_text(stmt, c) != NULL);
    }
  }
  if (rc != SQLITE_DONE) check_error(rc, NULL, sql);
  sqlite3_finalize(stmt);
}

/* One constraint on column variant % 12; or, when the third field is an
** INTEGER v, two constraints on columns v % 12 and v / 12 % 12. */
static void run_evidence(unsigned variant, const field *fields, size_t count) {
  const field *chooser = arg(fields, count, 2);
  size_t first_column = variant % EVIDENCE_COLUMN_COUNT, second_column = first_column;
  if (chooser->type == F_INT) {
    sqlite3_uint64 v = (sqlite3_uint64)chooser->integer;
    first_column = v % EVIDENCE_COLUMN_COUNT;
    second_column = v / EVIDENCE_COLUMN_COUNT % EVIDENCE_COLUMN_COUNT;
  }
  const char *first = evidence_columns[first_column];
  const char *second = evidence_columns[second_column];
  int two = first_column != second_column;
  const field *binds[] = {arg(fields, count, 0), arg(fields, count, 1)};
  char indexed[256], plain[256];
  if (two) {
    snprintf(indexed, sizeof(indexed),
             "SELECT rowid, * FROM guideline_evidence WHERE %s = ?1 AND %s = ?2", first, second);
    snprintf(plain, sizeof(plain),
             "SELECT rowid, * FROM guideline_evidence "
             "WHERE CAST(%s AS TEXT) = ?1 AND CAST(%s AS TEXT) = ?2",
             first, second);
  } else {
    snprintf(indexed, sizeof(indexed), "SELECT rowid, * FROM guideline_evidence WHERE %s = ?1",
             first);
    snprintf(plain, sizeof(plain),
             "SELECT rowid, * FROM guideline_evidence WHERE CAST(%s AS TEXT) = ?1", first);
  }
  unsigned char seen_indexed[128], seen_plain[128];
  size_t rows_indexed, rows_plain;
  evidence_rows(indexed, binds, two ? 2 : 1, seen_indexed, &rows_indexed);
  evidence_rows(plain, binds, two ? 2 : 1, seen_plain, &rows_plain);
  if (rows_indexed != rows_plain || memcmp(seen_indexed, seen_plain, 128) != 0) {
    fprintf(stderr, "fuzz_sql: %s gives %zu rows, %s gives %zu\n", indexed, rows_indexed, plain,
            rows_plain);
    abort();
  }
}

/* ---- The harness ----------------------------------------------------------------- */

static int register_backpain(sqlite3 *connection, void *context) {
  char *error = NULL;
  (void)context;
  int rc = sqlite3_backpain_init(connection, &error, NULL);
  if (rc != SQLITE_OK) {
    fprintf(stderr, "fuzz_sql: sqlite3_backpain_init failed: %s\n", error ? error : "?");
  }
  sqlite3_free(error);
  return rc;
}

/* What the calls run, against the engine's list of functions: a function
** or arity that the harness does not run, or one it runs that the engine
** does not have, stops the harness before the first input. */
static void check_every_function(const ef_list *engine) {
  ef_signature
      runs[SCALAR_COUNT + 3 * BP_COUNT(course_calls) + 1]; /* at most three a course call */
  size_t n = 0;
  for (size_t i = 0; i < SCALAR_COUNT; i++) {
    runs[n++] =
        (ef_signature){scalar_calls[i].name, 's', scalar_calls[i].n_args, scalar_calls[i].n_args};
  }
  for (size_t i = 0; i < BP_COUNT(course_calls); i++) {
    const course_call *c = &course_calls[i];
    runs[n++] = (ef_signature){"relaxant_courses", 'a', c->courses_args, c->courses_args};
    if (c->siblings == NULL) continue;
    runs[n++] = (ef_signature){"relaxant_longest_course", 'a', c->sibling_args, c->sibling_args};
    runs[n++] = (ef_signature){"relaxant_course_no", 'w', c->sibling_args, c->sibling_args};
  }
  runs[n++] = (ef_signature){"recommend_plan", 's', -1, -1};
  CHECK(n <= BP_COUNT(runs));
  size_t differences = ef_compare(engine, runs, n, sizeof(runs[0]), stderr, "fuzz_sql: ");
  if (engine->count == 0 || differences != 0) {
    fprintf(stderr, "fuzz_sql: the harness and the engine's %zu functions differ (%zu)\n",
            engine->count, differences);
    abort();
  }
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  ef_list engine;
  CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
  if (!ef_register_and_list(db, register_backpain, NULL, &engine)) abort();
  check_every_function(&engine);
  ef_free(&engine);
  return 0;
}

/* The calls, by selector % CALL_COUNT after the scalars. CALL_COURSES_5
** came last, so that the seed corpus kept its selectors. */
enum {
  CALL_COURSES_2 = SCALAR_COUNT,
  CALL_COURSES_3,
  CALL_COURSES_4,
  CALL_RECOMMEND_PLAN,
  CALL_EVIDENCE,
  CALL_COURSES_5,
  CALL_COUNT
};
_Static_assert(BP_COUNT(course_calls) == CALL_COURSES_4 - CALL_COURSES_2 + 2,
               "one course call per CALL_COURSES_* (2 to 4, then 5)");

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  unsigned selector = data[0];
  unsigned call = selector % CALL_COUNT;
  unsigned variant = selector / CALL_COUNT;
  char *text = malloc(size);
  field *fields = malloc(MAX_FIELDS * sizeof(*fields));
  CHECK(text != NULL && fields != NULL);
  memcpy(text, data + 1, size - 1);
  size_t count = split_fields(text, size - 1, fields);

  if (call < SCALAR_COUNT) {
    run_scalar(&scalar_calls[call], fields, count);
  } else {
    switch (call) {
      case CALL_COURSES_2:
      case CALL_COURSES_3:
      case CALL_COURSES_4:
        run_courses_family(variant, &course_calls[call - CALL_COURSES_2], fields, count);
        break;
      case CALL_COURSES_5:
        run_courses_family(variant, &course_calls[CALL_COURSES_4 - CALL_COURSES_2 + 1], fields,
                           count);
        break;
      case CALL_RECOMMEND_PLAN:
        run_recommend_plan(fields, count);
        break;
      case CALL_EVIDENCE:
        run_evidence(variant, fields, count);
        break;
      default:
        break;
    }
  }
  CHECK(sqlite3_get_autocommit(db)); /* no statement or transaction left open */
  free(fields);
  free(text);
  return 0;
}
