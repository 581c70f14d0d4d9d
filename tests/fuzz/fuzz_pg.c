/*
** fuzz_pg.c: libFuzzer harness for the PostgreSQL binding's argument
** handling, without a server: ext/postgres/pg_value.c (a PostgreSQL value
** of any type the functions take, into a bp_value) and pg_state.c (the
** course aggregates' state and its serialized form), linked with the core
** and the stand-ins of tests/support/pg_standins.c for the few server
** functions those call (palloc, ereport, detoasting, numeric's, jsonb's and
** arrays' output functions). An ERROR is a longjmp back to the harness, as
** to PostgreSQL's PG_TRY; every block palloc'd for an input is freed after
** it, as PostgreSQL resets a memory context.
**
** The first byte picks one of three targets:
**
**   0  a serialized state: the rest of the input is handed to
**      bp_pg_state_deserialize. It is refused with SQLSTATE XX001 and
**      "backpain: a serialized course state is corrupt (...)", or read into
**      a state that holds what rows can make, checked here independently of
**      the decoder: an aggregate of bp_functions[], known parameters,
**      gap_days >= 0, max_days >= 1, as_of a date of the core's range and
**      set only with has_as_of, count equal to the bytes after the header
**      / 8, every fill a date range of the core (start <= end, end <= as_of),
**      fills in order when the state says so; serialized again, it gives
**      the input's bytes; the final function's work (sort, courses, JSON,
**      longest course) runs on it.
**   1  rows of an aggregate: the input chooses relaxant_courses or
**      relaxant_longest_course, its arity, gap_days, max_days, as_of and
**      rows (start and end dates, NULL, infinite or any int32 day), each
**      given to one of three partial states as parallel workers would get
**      them. Each row is read as the step function reads it (bp_pg_value,
**      bp_course_read_row) and added (bp_pg_state_add); an error must be
**      one of the core's. Each partial state goes through serialize and
**      deserialize (which must accept it and give it back unchanged), then
**      the partials are combined; the courses and longest course of the
**      combined state equal those of one state that read every row.
**   2  a call of a scalar function: the input chooses the function, the
**      arity and each argument's PostgreSQL type and value (integers,
**      floats, booleans, dates with infinity, text and char(n) with either
**      varlena header, bytea, name, json, jsonb, numeric as numeric_out
**      writes it, text[] with NULL items, types the core does not read).
**      Each value is converted and checked against the type's own rule
**      (numbers equal, numeric an integer exactly when written without a
**      point and within int64, else within 4e-16 of strtod, dates as Julian
**      days, char(n) without trailing spaces, ...); then the function runs,
**      and it answers with a result of its declared type (an integer as
**      bp_pg_int4 returns it) or fails with "<name>(): ..." and one of the
**      core's SQLSTATEs.
**
** What cannot be fuzzed this way: the parts that need PostgreSQL's catalog
** or executor, which are not in a library (the backend is an executable):
** which bp_functions[] row an SQL function is (bp_pg_signature_of reads
** pg_proc), the aggregate and window call contexts (AggCheckCallContext,
** the WindowObject walk of relaxant_course_no), VARIADIC "any" argument
** extraction, jsonb_in of the result. tests/pg/ covers them in a server.
*/
#include "pg_state_decode.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bp_number.h"
#include "catalog/pg_type.h"
#include "datatype/timestamp.h"
#include "fuzz_check.h"
#include "utils/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- Helpers ---------------------------------------------------------------- */

/* A bp_writer into a palloc'd buffer. */
typedef struct {
  bp_writer base;
  char *text;
  size_t used, size;
} buffer_writer;

static void buffer_append(bp_writer *base, const char *bytes, size_t length) {
  buffer_writer *w = (buffer_writer *)base;
  if (w->used + length + 1 > w->size) {
    w->size = (w->used + length + 1) * 2;
    w->text = w->text == NULL ? palloc(w->size) : repalloc(w->text, w->size);
  }
  memcpy(w->text + w->used, bytes, length);
  w->used += length;
  w->text[w->used] = '\0';
}

static void buffer_init(buffer_writer *w) {
  w->base.append = buffer_append;
  w->text = NULL;
  w->used = w->size = 0;
}

static int core_sqlstate(const char *code) {
  static const char *const codes[] = {"22023", "22007", "22008", "22P02", "54000"};
  for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
    if (strcmp(code, codes[i]) == 0) return 1;
  }
  return 0;
}

/* Raises a failed call's error as the binding does; checks it is one of
** the core's errors for this function. */
static void raise_call(void *arg) { bp_pg_raise(arg); }

static void check_core_error(const bp_call *call, const char *name) {
  standin_error error;
  char prefix[80];
  CHECK(call->status != BP_STATUS_OK);
  CHECK(standin_try(raise_call, (void *)call, &error));
  snprintf(prefix, sizeof(prefix), "%s(): ", name);
  CHECK(strncmp(error.message, prefix, strlen(prefix)) == 0);
  CHECK(core_sqlstate(error.code));
}

/* The final function's work on a state: both results, as text. */
typedef struct {
  int64_t longest;
  buffer_writer json;
} final_result;

static void final_of(const bp_pg_course_state *s, final_result *out) {
  buffer_init(&out->json);
  out->longest = 0;
  if (s->count == 0) return;
  bp_fill *fills = palloc((Size)s->count * sizeof(bp_fill));
  memcpy(fills, bp_pg_state_fills(s), (Size)s->count * sizeof(bp_fill));
  if (!s->sorted) bp_fills_sort(fills, (size_t)s->count);
  for (int64 i = 1; i < s->count; i++) {
    CHECK(fills[i - 1].start < fills[i].start ||
          (fills[i - 1].start == fills[i].start && fills[i - 1].end <= fills[i].end));
  }
  out->longest = bp_courses_longest(fills, (size_t)s->count, &s->params);
  bp_courses_write_json(fills, (size_t)s->count, &s->params, &out->json.base);
  CHECK(out->longest >= 1 && out->longest <= (int64_t)BP_DAY_MAX - BP_DAY_MIN + 1);
  CHECK(out->json.used >= 2 && out->json.text[0] == '[' &&
        out->json.text[out->json.used - 1] == ']');
}

/* ---- 0: a serialized state -------------------------------------------------- */

static void fuzz_serialized(const uint8_t *data, size_t size) {
  standin_error error;
  const bp_pg_course_state *s = standin_deserialize(data, size, &error);
  if (s == NULL) {
    static const char prefix[] = "backpain: a serialized course state is corrupt (";
    CHECK(strncmp(error.message, prefix, sizeof(prefix) - 1) == 0);
    CHECK(strcmp(error.code, "XX001") == 0);
    return;
  }
  const bp_course_params *p = &s->params;
  CHECK(s->function < bp_function_count);
  CHECK(bp_pg_state_function(s)->kind == BP_KIND_AGGREGATE);
  CHECK(p->known == 1 && p->gap_days >= 0 && p->max_days >= 1);
  CHECK(p->has_as_of ? p->as_of >= BP_DAY_MIN && p->as_of <= BP_DAY_MAX : p->as_of == 0);
  CHECK(size >= BP_PG_STATE_HEADER_BYTES);
  CHECK((uint64_t)s->count * sizeof(bp_fill) == size - BP_PG_STATE_HEADER_BYTES);
  const bp_fill *fills = bp_pg_state_fills(s);
  for (int64 i = 0; i < s->count; i++) {
    bp_fill f = fills[i];
    CHECK(f.start >= BP_DAY_MIN && f.end <= BP_DAY_MAX && f.start <= f.end);
    CHECK(!p->has_as_of || f.end <= p->as_of);
    if (s->sorted && i > 0) {
      bp_fill e = fills[i - 1];
      CHECK(e.start < f.start || (e.start == f.start && e.end <= f.end));
    }
  }
  bytea *again = bp_pg_state_serialize(s);
  CHECK(VARSIZE(again) - VARHDRSZ == size && memcmp(VARDATA(again), data, size) == 0);
  final_result result;
  final_of(s, &result);
}

/* ---- 1: rows of an aggregate -------------------------------------------------- */

/* A date Datum: mostly days of 2023-2027, sometimes any int32 or infinite;
** *isnull for NULL. */
static Datum next_date(byte_reader *r, bool *isnull) {
  unsigned tag = next_byte(r);
  *isnull = tag % 16 == 0;
  if (tag % 16 == 1) return DateADTGetDatum(tag & 0x10 ? DATEVAL_NOEND : DATEVAL_NOBEGIN);
  if (tag % 16 == 2) return DateADTGetDatum((DateADT)next_u32(r));
  unsigned day = (next_byte(r) << 8) | next_byte(r);
  return DateADTGetDatum((DateADT)(8400 + day % 1800)); /* days after 2000-01-01 */
}

static Datum next_int(byte_reader *r, bool *isnull) {
  unsigned tag = next_byte(r);
  *isnull = tag % 8 == 0;
  if (tag % 8 == 1) return Int32GetDatum((int32)next_u32(r));
  return Int32GetDatum((int32)(next_byte(r) % 40) - 2);
}

#define PARTIALS 3
#define MAX_ROWS 64

typedef struct {
  bp_pg_course_state *into;
  const bp_pg_course_state *from;
} combine_job;

static void combine(void *arg) {
  combine_job *job = arg;
  bp_pg_state_combine(job->into, standin_context(), job->from);
}

/* Reads one row as the step function does (into a copy of params). */
static bp_arg read_row(const bp_function_info *function, int argc, const bp_value *values,
                       bp_course_params *params, bp_fill *fill, bp_call *call) {
  int has_start;
  bp_pg_call_init(call, function);
  return bp_course_read_row(call, function->course, argc, values, params, fill, &has_start);
}

static void fuzz_rows(byte_reader *r) {
  const bp_function_info *function =
      bp_function_find(next_byte(r) & 1 ? "relaxant_longest_course" : "relaxant_courses");
  int argc = function->min_args +
             (int)(next_byte(r) % (unsigned)(function->max_args - function->min_args + 1));
  /* The declared types: start, end, then integers, and as_of a date. */
  Oid types[BP_PG_MAX_ARGS] = {DATEOID, DATEOID, INT4OID, INT4OID, DATEOID};
  if (function->course == BP_COURSES_LONGEST) types[3] = DATEOID;
  /* The group's parameter arguments, the same on every row but a few. */
  Datum fixed[BP_PG_MAX_ARGS] = {0, 0, 0, 0, 0};
  bool fixed_null[BP_PG_MAX_ARGS] = {false, false, false, false, false};
  for (int i = 2; i < argc; i++) {
    fixed[i] = types[i] == DATEOID ? next_date(r, &fixed_null[i]) : next_int(r, &fixed_null[i]);
  }

  /* Each row goes to one of the partial states (a parallel worker's) and
  ** to one state that reads every row (a plan without parallelism). */
  bp_pg_course_state *partial[PARTIALS] = {NULL, NULL, NULL};
  bp_course_params partial_params[PARTIALS], single_params;
  bp_pg_course_state *single = NULL;
  int disagree = 0; /* rows of different partials had different parameters */
  memset(partial_params, 0, sizeof(partial_params));
  memset(&single_params, 0, sizeof(single_params));
  unsigned rows = next_byte(r) % MAX_ROWS;
  for (unsigned row = 0; row < rows; row++) {
    unsigned where = next_byte(r);
    int k = (int)(where % PARTIALS);
    bp_value values[BP_PG_MAX_ARGS];
    for (int i = 0; i < argc; i++) {
      bool isnull = fixed_null[i];
      Datum d = fixed[i];
      if (i < 2) d = next_date(r, &isnull);
      if (i >= 2 && where >= 250) d = next_int(r, &isnull); /* a row that disagrees */
      bp_pg_value(d, isnull, types[i], &values[i]);
    }
    bp_call call, single_call;
    bp_fill fill, single_fill;
    bp_course_params params = partial_params[k], all = single_params;
    bp_arg arg = read_row(function, argc, values, &params, &fill, &call);
    if (arg == BP_ARG_ERROR) {
      check_core_error(&call, function->name);
      return; /* the query ends with the row's error */
    }
    CHECK(arg == BP_ARG_NULL ||
          (fill.start >= BP_DAY_MIN && fill.end <= BP_DAY_MAX && fill.start <= fill.end));
    if (partial[k] == NULL) partial[k] = bp_pg_state_new(standin_context(), function);
    if (arg == BP_ARG_OK) bp_pg_state_add(partial[k], standin_context(), fill);
    partial[k]->params = params;
    partial_params[k] = params;
    if (disagree) continue;
    bp_arg single_arg = read_row(function, argc, values, &all, &single_fill, &single_call);
    if (single_arg == BP_ARG_ERROR) {
      /* The row agrees with its partial, not with an earlier one. */
      check_core_error(&single_call, function->name);
      disagree = 1;
      continue;
    }
    CHECK(single_arg == arg &&
          (arg == BP_ARG_NULL || memcmp(&fill, &single_fill, sizeof(fill)) == 0));
    if (single == NULL) single = bp_pg_state_new(standin_context(), function);
    if (single_arg == BP_ARG_OK) bp_pg_state_add(single, standin_context(), single_fill);
    single->params = all;
    single_params = all;
  }

  /* Each partial state crosses from a worker, serialized, and is combined. */
  bp_pg_course_state *combined = NULL;
  for (int k = 0; k < PARTIALS; k++) {
    if (partial[k] == NULL) continue;
    bytea *bytes = bp_pg_state_serialize(partial[k]);
    bp_pg_course_state *back = standin_deserialize(VARDATA(bytes), VARSIZE(bytes) - VARHDRSZ, NULL);
    CHECK(back != NULL); /* a state made by rows is always read */
    bytea *again = bp_pg_state_serialize(back);
    CHECK(VARSIZE(again) == VARSIZE(bytes) &&
          memcmp(VARDATA(again), VARDATA(bytes), VARSIZE(bytes) - VARHDRSZ) == 0);
    if (combined == NULL) combined = bp_pg_state_new(standin_context(), function);
    combine_job both = {combined, back};
    standin_error error;
    if (standin_try(combine, &both, &error)) {
      CHECK(disagree); /* only partials of different parameters fail to combine */
      CHECK(strncmp(error.message, function->name, strlen(function->name)) == 0);
      CHECK(strcmp(error.code, "22023") == 0);
      return;
    }
  }
  CHECK(!disagree); /* partials of different parameters never combine */
  if (combined == NULL) return;
  CHECK(single != NULL && combined->count == single->count);
  final_result a, b;
  final_of(combined, &a);
  final_of(single, &b);
  CHECK(a.longest == b.longest && a.json.used == b.json.used);
  CHECK(a.json.used == 0 || memcmp(a.json.text, b.json.text, a.json.used) == 0);
}

/* ---- 2: a scalar call ----------------------------------------------------------- */

/* Bytes of the input: a length byte, then that many bytes (fewer at the end). */
static const char *next_bytes(byte_reader *r, size_t *length, size_t max) {
  size_t n = next_byte(r);
  if (n == 255) n = 255 + next_byte(r) * 16; /* up to 4335 */
  if (n > max) n = max;
  if (n > r->size - r->pos) n = r->size - r->pos;
  const char *bytes = (const char *)r->data + r->pos;
  r->pos += n;
  *length = n;
  return bytes;
}

static char *copy_text(const char *text) {
  char *copy = palloc(strlen(text) + 1);
  strcpy(copy, text);
  return copy;
}

/* numeric_out's text: [-]digits[.digits], NaN, Infinity, -Infinity. */
static char *next_numeric_text(byte_reader *r) {
  unsigned tag = next_byte(r);
  if (tag % 16 == 0) return copy_text("NaN");
  if (tag % 16 == 1) return copy_text(tag & 0x10 ? "-Infinity" : "Infinity");
  size_t whole = next_byte(r) % 64, fraction = tag & 0x20 ? next_byte(r) % 64 : 0;
  if (tag & 0x40) whole += next_byte(r) * 2; /* up to 573 digits */
  char *text = palloc(whole + fraction + 4);
  size_t at = 0;
  if (tag & 0x80) text[at++] = '-';
  for (size_t i = 0; i <= whole; i++) { /* at least one digit */
    unsigned d = next_byte(r) % 10;
    text[at++] = (char)('0' + (i == 0 && whole > 0 && d == 0 ? 1 : d));
  }
  if (fraction > 0) {
    text[at++] = '.';
    for (size_t i = 0; i < fraction; i++) text[at++] = (char)('0' + next_byte(r) % 10);
  }
  text[at] = '\0';
  return text;
}

/* The value numeric_out's text must give (see pg_value.c). */
static void check_numeric(const char *text, bp_value v) {
  if (strcmp(text, "NaN") == 0) {
    CHECK(v.type == BP_VALUE_REAL && isnan(v.real));
    return;
  }
  if (strcmp(text, "Infinity") == 0 || strcmp(text, "-Infinity") == 0) {
    CHECK(v.type == BP_VALUE_REAL && isinf(v.real) && (v.real < 0) == (text[0] == '-'));
    return;
  }
  /* An integer exactly when written without a point and within int64. */
  int fits = strchr(text, '.') == NULL;
  if (fits) {
    const char *p = text[0] == '-' ? text + 1 : text;
    while (*p == '0' && p[1] != '\0') p++;
    size_t digits = strlen(p);
    const char *limit = text[0] == '-' ? "9223372036854775808" : "9223372036854775807";
    fits = digits < 19 || (digits == 19 && strcmp(p, limit) <= 0);
  }
  if (fits) {
    CHECK(v.type == BP_VALUE_INTEGER && v.integer == strtoll(text, NULL, 10));
    return;
  }
  double want = strtod(text, NULL);
  CHECK(v.type == BP_VALUE_REAL);
  if (isinf(want)) {
    CHECK(v.real == want);
  } else if (strlen(text) <= BP_NUMBER_TEXT_MAX) {
    CHECK(v.real == want); /* the core's parser rounds as strtod does */
  } else {
    CHECK(fabs(v.real - want) <= 4e-16 * fabs(want) + 1e-320); /* 17 digits, then rounded */
  }
}

/* One argument: a Datum of a type the input picks, converted and checked. */
static void next_argument(byte_reader *r, bp_value *out) {
  static const Oid types[] = {INT2OID,      INT4OID,         INT8OID,     FLOAT4OID,    FLOAT8OID,
                              NUMERICOID,   BOOLOID,         DATEOID,     TEXTOID,      VARCHAROID,
                              JSONOID,      BPCHAROID,       NAMEOID,     JSONBOID,     BYTEAOID,
                              TEXTARRAYOID, VARCHARARRAYOID, INTERVALOID, INT4ARRAYOID, UNKNOWNOID};
  unsigned tag = next_byte(r);
  Oid type = types[tag % (sizeof(types) / sizeof(types[0]))];
  if (tag >= 240) {
    bp_pg_value((Datum)0, true, type, out);
    CHECK(out->type == BP_VALUE_NULL);
    return;
  }
  uint32_t u = next_u32(r);
  uint64_t u64 = ((uint64_t)u << 32) | next_u32(r);
  size_t length;
  const char *bytes;
  Datum d;
  switch (type) {
    case INT2OID:
      bp_pg_value(Int16GetDatum((int16)u), false, type, out);
      CHECK(out->type == BP_VALUE_INTEGER && out->integer == (int16)u);
      return;
    case INT4OID:
      bp_pg_value(Int32GetDatum((int32)u), false, type, out);
      CHECK(out->type == BP_VALUE_INTEGER && out->integer == (int32)u);
      return;
    case INT8OID:
      bp_pg_value(Int64GetDatum((int64)u64), false, type, out);
      CHECK(out->type == BP_VALUE_INTEGER && out->integer == (int64)u64);
      return;
    case FLOAT4OID: {
      float f;
      memcpy(&f, &u, sizeof(f));
      bp_pg_value(Float4GetDatum(f), false, type, out);
      CHECK(out->type == BP_VALUE_REAL &&
            (out->real == (double)f || (isnan(f) && isnan(out->real))));
      return;
    }
    case FLOAT8OID: {
      double x;
      memcpy(&x, &u64, sizeof(x));
      bp_pg_value(Float8GetDatum(x), false, type, out);
      CHECK(out->type == BP_VALUE_REAL && (out->real == x || (isnan(x) && isnan(out->real))));
      return;
    }
    case NUMERICOID: {
      char *text = next_numeric_text(r);
      bp_pg_value(standin_numeric(text), false, type, out);
      check_numeric(text, *out);
      return;
    }
    case BOOLOID:
      bp_pg_value(BoolGetDatum(u & 1), false, type, out);
      CHECK(out->type == BP_VALUE_INTEGER && out->integer == (int64_t)(u & 1));
      return;
    case DATEOID: {
      DateADT day = u % 4 == 0 ? DATEVAL_NOEND : u % 4 == 1 ? DATEVAL_NOBEGIN : (DateADT)u64;
      bp_pg_value(DateADTGetDatum(day), false, type, out);
      int64_t want = day == DATEVAL_NOEND     ? BP_JULIAN_INFINITY
                     : day == DATEVAL_NOBEGIN ? BP_JULIAN_MINUS_INFINITY
                                              : (int64_t)day + 2451545;
      CHECK(out->type == BP_VALUE_DATE && out->integer == want);
      return;
    }
    case TEXTOID:
    case VARCHAROID:
    case JSONOID:
    case BPCHAROID:
    case BYTEAOID:
      bytes = next_bytes(r, &length, 4335);
      d = standin_varlena(bytes, length, (int)(u & 1));
      bp_pg_value(d, false, type, out);
      if (type == BPCHAROID) {
        while (length > 0 && bytes[length - 1] == ' ') length--;
      }
      CHECK(out->type == (type == BYTEAOID ? BP_VALUE_BLOB : BP_VALUE_TEXT));
      CHECK(out->length == length && memcmp(out->bytes, bytes, length) == 0);
      return;
    case NAMEOID: {
      NameData *name = palloc(sizeof(NameData));
      memset(name, 0, sizeof(NameData));
      bytes = next_bytes(r, &length, NAMEDATALEN - 1);
      memcpy(NameStr(*name), bytes, length);
      bp_pg_value(NameGetDatum(name), false, type, out);
      CHECK(out->type == BP_VALUE_TEXT && out->length == strlen(NameStr(*name)) &&
            memcmp(out->bytes, NameStr(*name), out->length) == 0);
      return;
    }
    case JSONBOID: {
      bytes = next_bytes(r, &length, 4335);
      char *json = palloc(length + 1);
      memcpy(json, bytes, length);
      json[length] = '\0';
      bp_pg_value(standin_jsonb(json), false, type, out);
      CHECK(out->type == BP_VALUE_TEXT && out->length == strlen(json) &&
            memcmp(out->bytes, json, out->length) == 0);
      return;
    }
    case TEXTARRAYOID:
    case VARCHARARRAYOID: {
      const char *items[8];
      size_t lengths[8], count = u % 9;
      for (size_t i = 0; i < count; i++) {
        items[i] = next_bytes(r, &lengths[i], 300);
        if (lengths[i] == 1 && items[i][0] == '\0') items[i] = NULL; /* a NULL item */
      }
      bp_pg_value(standin_text_array(items, lengths, count), false, type, out);
      CHECK(out->type == BP_VALUE_TEXT && out->length >= 2 && out->bytes[0] == '[' &&
            out->bytes[out->length - 1] == ']');
      return;
    }
    default: /* interval, integer[], unknown: types the core does not read */
      bp_pg_value(Int64GetDatum(0), false, type, out);
      CHECK(out->type == BP_VALUE_OTHER && out->length > 0 &&
            strncmp(out->bytes, "pg_catalog.", 11) != 0);
      return;
  }
}

typedef struct {
  const bp_function_info *function;
  int64 value;
  int32 result;
} int4_job;

static void to_int4(void *arg) {
  int4_job *job = arg;
  job->result = bp_pg_int4(job->function, job->value);
}

static void fuzz_call(byte_reader *r) {
  const bp_function_info *scalars[16];
  size_t count = 0;
  for (size_t i = 0; i < bp_function_count; i++) {
    if (bp_functions[i].kind == BP_KIND_SCALAR) scalars[count++] = &bp_functions[i];
  }
  const bp_function_info *f = scalars[next_byte(r) % count];
  int argc = f->max_args < 0
                 ? (int)(next_byte(r) % 9)
                 : f->min_args + (int)(next_byte(r) % (unsigned)(f->max_args - f->min_args + 1));
  bp_value values[8];
  for (int i = 0; i < argc; i++) next_argument(r, &values[i]);
  bp_call call;
  bp_result result;
  buffer_writer json;
  bp_pg_call_init(&call, f);
  buffer_init(&json);
  f->scalar(&call, argc, values, &result, &json.base);
  if (call.status != BP_STATUS_OK) {
    check_core_error(&call, f->name);
    return;
  }
  static const struct {
    const char *returns;
    bp_result_type type;
  } kinds[] = {{"text", BP_RESULT_TEXT},
               {"date", BP_RESULT_DATE},
               {"integer", BP_RESULT_INTEGER},
               {"boolean", BP_RESULT_BOOLEAN},
               {"json", BP_RESULT_JSON}};
  int matched = result.type == BP_RESULT_NULL;
  for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
    if (strcmp(f->returns, kinds[i].returns) == 0 && result.type == kinds[i].type) matched = 1;
  }
  CHECK(matched);
  if (result.type == BP_RESULT_JSON) CHECK(json.used > 0);
  if (result.type == BP_RESULT_INTEGER) {
    /* As the binding returns it: an integer, or 54000 past its range. */
    int4_job job = {f, result.integer, 0};
    standin_error error;
    if (standin_try(to_int4, &job, &error)) {
      CHECK(result.integer < INT32_MIN || result.integer > INT32_MAX);
      CHECK(strcmp(error.code, "54000") == 0);
    } else {
      CHECK(job.result == result.integer);
    }
  }
  if (result.type == BP_RESULT_DATE) CHECK(result.day >= BP_DAY_MIN && result.day <= BP_DAY_MAX);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  byte_reader r = {data, size, 1};
  switch (data[0] % 3) {
    case 0:
      fuzz_serialized(data + 1, size - 1);
      break;
    case 1:
      fuzz_rows(&r);
      break;
    default:
      fuzz_call(&r);
      break;
  }
  standin_reset();
  return 0;
}
