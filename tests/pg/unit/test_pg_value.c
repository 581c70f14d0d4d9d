/*
** tests/pg/unit/test_pg_value.c: ext/postgres/pg_value.c without a server,
** with the stand-ins of tests/support/pg_standins.c: every PostgreSQL type
** bp_pg_value reads (both varlena header sizes, numeric's integer, real,
** NaN, infinite and too-long texts, infinite dates, char(n) padding, types
** it does not read), the SQLSTATE of every status, the core's scratch
** memory (growth, and PostgreSQL running out of it), integer results past
** int4, and the one ereport (hint, long messages).
*/
#include "pg_standins.h"

#include <math.h>
#include <string.h>

#include "catalog/pg_type.h"
#include "datatype/timestamp.h"
#include "pg_binding.h"
#include "tap.h"
#include "utils/date.h"

static bp_value value_of(Datum datum, Oid type) {
  bp_value v;
  bp_pg_value(datum, false, type, &v);
  return v;
}

static int is_text(bp_value v, const char *want) {
  return v.type == BP_VALUE_TEXT && v.length == strlen(want) &&
         memcmp(v.bytes, want, v.length) == 0;
}

static int is_integer(bp_value v, int64_t want) {
  return v.type == BP_VALUE_INTEGER && v.integer == want;
}

static int is_real(bp_value v, double want) { return v.type == BP_VALUE_REAL && v.real == want; }

static void test_numbers(void) {
  bp_value v;
  bp_pg_value((Datum)0, true, INT4OID, &v);
  tap_ok(v.type == BP_VALUE_NULL, "NULL of any type: NULL");
  tap_ok(is_integer(value_of(Int16GetDatum(-7), INT2OID), -7), "smallint -7: integer -7");
  tap_ok(is_integer(value_of(Int32GetDatum(2147483647), INT4OID), 2147483647),
         "integer 2147483647");
  tap_ok(is_integer(value_of(Int64GetDatum(INT64_MIN), INT8OID), INT64_MIN), "bigint -2^63");
  tap_ok(is_real(value_of(Float4GetDatum(1.5f), FLOAT4OID), 1.5), "real 1.5: real 1.5");
  tap_ok(is_real(value_of(Float8GetDatum(-0.25), FLOAT8OID), -0.25), "double -0.25");
  tap_ok(is_integer(value_of(BoolGetDatum(true), BOOLOID), 1) &&
             is_integer(value_of(BoolGetDatum(false), BOOLOID), 0),
         "boolean: 1 and 0");

  /* numeric: numeric_out's text decides, as SQLite's literal would. */
  tap_ok(is_integer(value_of(standin_numeric("21"), NUMERICOID), 21), "numeric 21: integer");
  tap_ok(is_integer(value_of(standin_numeric("-5"), NUMERICOID), -5), "numeric -5: integer");
  tap_ok(is_integer(value_of(standin_numeric("9223372036854775807"), NUMERICOID), INT64_MAX),
         "numeric 2^63 - 1: integer");
  tap_ok(
      is_real(value_of(standin_numeric("9223372036854775808"), NUMERICOID), 9223372036854775808.0),
      "numeric 2^63: real (past int64)");
  tap_ok(is_real(value_of(standin_numeric("20.0"), NUMERICOID), 20.0),
         "numeric 20.0: real (a fraction was written)");
  tap_ok(is_real(value_of(standin_numeric("-0.5"), NUMERICOID), -0.5), "numeric -0.5: real");
  v = value_of(standin_numeric("NaN"), NUMERICOID);
  tap_ok(v.type == BP_VALUE_REAL && isnan(v.real), "numeric NaN: real NaN");
  tap_ok(is_real(value_of(standin_numeric("Infinity"), NUMERICOID), HUGE_VAL),
         "numeric Infinity: real +Inf");
  tap_ok(is_real(value_of(standin_numeric("-Infinity"), NUMERICOID), -HUGE_VAL),
         "numeric -Infinity: real -Inf");

  /* Texts longer than the core's parser takes (64 bytes): 17 significant
  ** digits, by numeric_out_sci(.., 16). */
  char text[512];
  memset(text, '0', sizeof(text));
  text[0] = '1';
  text[401] = '\0'; /* 1e400 */
  tap_ok(is_real(value_of(standin_numeric(text), NUMERICOID), HUGE_VAL),
         "numeric 1e400 (401 digits): +Inf, past double's range");
  text[0] = '-';
  text[1] = '1';
  text[402] = '\0';
  tap_ok(is_real(value_of(standin_numeric(text), NUMERICOID), -HUGE_VAL), "numeric -1e400: -Inf");
  /* 70 digits 1234567890...: 1.2345678901234568e69 */
  for (int i = 0; i < 70; i++) text[i] = (char)('0' + (i + 1) % 10);
  text[70] = '\0';
  tap_ok(is_real(value_of(standin_numeric(text), NUMERICOID), 1.2345678901234568e69),
         "numeric of 70 digits 123...890: 1.2345678901234568e69");
  /* 0.000...0001 with 400 zeros after the point: 1e-401, below double's
  ** range: 0.0 */
  memset(text, '0', sizeof(text));
  text[1] = '.';
  text[402] = '1';
  text[403] = '\0';
  tap_ok(is_real(value_of(standin_numeric(text), NUMERICOID), 0.0), "numeric 1e-401: 0.0");
}

static void test_dates(void) {
  bp_value v = value_of(DateADTGetDatum(0), DATEOID);
  tap_ok(v.type == BP_VALUE_DATE && v.integer == 2451545,
         "date 2000-01-01 (0 days after PostgreSQL's epoch): Julian day 2451545");
  v = value_of(DateADTGetDatum(8766), DATEOID);
  tap_ok(v.type == BP_VALUE_DATE && v.integer == 2460311,
         "date 2024-01-01 (8766 days after): Julian day 2460311");
  v = value_of(DateADTGetDatum(DATEVAL_NOEND), DATEOID);
  tap_ok(v.type == BP_VALUE_DATE && v.integer == BP_JULIAN_INFINITY, "date infinity");
  v = value_of(DateADTGetDatum(DATEVAL_NOBEGIN), DATEOID);
  tap_ok(v.type == BP_VALUE_DATE && v.integer == BP_JULIAN_MINUS_INFINITY, "date -infinity");
}

static void test_texts(void) {
  tap_ok(is_text(value_of(standin_varlena("yoga", 4, 1), TEXTOID), "yoga"),
         "text with a 1-byte header");
  char long_text[300];
  memset(long_text, 'x', sizeof(long_text));
  bp_value v = value_of(standin_varlena(long_text, sizeof(long_text), 0), TEXTOID);
  tap_ok(v.type == BP_VALUE_TEXT && v.length == 300 && v.bytes[299] == 'x',
         "text of 300 bytes, 4-byte header");
  tap_ok(is_text(value_of(standin_varlena("M54.5", 5, 0), VARCHAROID), "M54.5"), "varchar");
  tap_ok(is_text(value_of(standin_varlena("[\"yoga\"]", 8, 1), JSONOID), "[\"yoga\"]"),
         "json: the text as written");
  tap_ok(is_text(value_of(standin_varlena("mild   ", 7, 1), BPCHAROID), "mild"),
         "char(7) 'mild': without its padding");
  tap_ok(is_text(value_of(standin_varlena("   ", 3, 1), BPCHAROID), ""),
         "char(3) of spaces: the empty text");
  tap_ok(is_text(value_of(standin_varlena("", 0, 1), BPCHAROID), ""), "char of no bytes");
  NameData name;
  memset(&name, 0, sizeof(name));
  strcpy(NameStr(name), "relaxant");
  tap_ok(is_text(value_of(NameGetDatum(&name), NAMEOID), "relaxant"), "name");
  tap_ok(is_text(value_of(standin_jsonb("[\"yoga\", \"massage\"]"), JSONBOID),
                 "[\"yoga\", \"massage\"]"),
         "jsonb: its text");
  v = value_of(standin_varlena("a\0b", 3, 1), BYTEAOID);
  tap_ok(v.type == BP_VALUE_BLOB && v.length == 3 && memcmp(v.bytes, "a\0b", 3) == 0,
         "bytea 'a\\0b': a blob of 3 bytes");

  const char *items[] = {"yoga", NULL, "say \"hi\""};
  size_t lengths[] = {4, 0, 8};
  tap_ok(is_text(value_of(standin_text_array(items, lengths, 3), TEXTARRAYOID),
                 "[\"yoga\",null,\"say \\\"hi\\\"\"]"),
         "text[]: the JSON array array_to_json writes");
  tap_ok(is_text(value_of(standin_text_array(items, lengths, 1), VARCHARARRAYOID), "[\"yoga\"]"),
         "varchar[]: the same");
  tap_ok(is_text(value_of(standin_text_array(items, lengths, 0), TEXTARRAYOID), "[]"),
         "an empty text[]: []");
}

static void test_other_types(void) {
  bp_value v = value_of(Int64GetDatum(0), INTERVALOID);
  tap_ok(v.type == BP_VALUE_OTHER && v.length == 8 && memcmp(v.bytes, "interval", 8) == 0,
         "interval: a value of type interval, without pg_catalog.");
  v = value_of(Int64GetDatum(0), INT4ARRAYOID);
  tap_ok(v.type == BP_VALUE_OTHER && v.length == 9 && memcmp(v.bytes, "integer[]", 9) == 0,
         "integer[]: the same");
  v = value_of(Int64GetDatum(0), UNKNOWNOID);
  tap_ok(v.type == BP_VALUE_OTHER && v.length == 15 && memcmp(v.bytes, "public.type_705", 15) == 0,
         "unknown (OID 705), which recommend_plan makes text before: another type, by name");
}

typedef struct {
  bp_call call;
  bp_status status;
  int64 result;
} raise_job;

static void raise_status(void *arg) {
  raise_job *job = arg;
  bp_pg_call_init(&job->call, bp_function_find("pain_phase"));
  bp_fail(&job->call, job->status, "weeks is wrong");
  bp_pg_raise(&job->call);
}

static void test_sqlstates(void) {
  static const struct {
    bp_status status;
    const char *code;
  } cases[] = {
      {BP_STATUS_INVALID_PARAMETER, "22023"}, {BP_STATUS_DATETIME_FORMAT, "22007"},
      {BP_STATUS_DATETIME_OVERFLOW, "22008"}, {BP_STATUS_TEXT_REPRESENTATION, "22P02"},
      {BP_STATUS_TOO_BIG, "54000"},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    raise_job job = {.status = cases[i].status};
    standin_error error;
    int raised = standin_try(raise_status, &job, &error);
    tap_ok(raised && strcmp(error.code, cases[i].code) == 0 &&
               strcmp(error.message, "pain_phase(): weeks is wrong") == 0 && error.hint[0] == '\0',
           "status %d: ERROR %s with the core's message, no hint", (int)cases[i].status,
           cases[i].code);
  }
}

static void grow_until_refused(void *arg) {
  bp_call *call = arg;
  bp_pg_call_init(call, bp_function_find("recommend_plan"));
  standin_fail_no_oom(1);
  void *block = bp_call_scratch(call, 100);
  standin_fail_no_oom(0);
  if (block == NULL) bp_pg_raise(call);
}

static void test_scratch(void) {
  bp_call call;
  bp_pg_call_init(&call, bp_function_find("recommend_plan"));
  size_t before = standin_live_blocks();
  void *first = bp_call_scratch(&call, 1000);
  tap_ok(first != NULL && standin_live_blocks() == before + 1, "scratch of 1000 bytes: one block");
  tap_ok(bp_call_scratch(&call, 500) == first, "500 bytes: the same block");
  void *second = bp_call_scratch(&call, 5000);
  tap_ok(second != NULL && standin_live_blocks() == before + 1,
         "5000 bytes: a new block, the old one freed");
  standin_error error;
  int raised = standin_try(grow_until_refused, &call, &error);
  tap_ok(raised && call.status == BP_STATUS_NO_MEMORY,
         "PostgreSQL out of memory (palloc_extended NULL): the call fails with no memory");
  tap_is_str(error.message, "out of memory", "... raised as \"out of memory\"");
  tap_is_str(error.code, "53200", "... SQLSTATE 53200");
  standin_reset();
}

typedef struct {
  int64 value;
  int32 result;
} int4_job;

static void to_int4(void *arg) {
  int4_job *job = arg;
  job->result = bp_pg_int4(bp_function_find("relaxant_days"), job->value);
}

static void long_message(void *arg) {
  (void)arg;
  char text[3000];
  memset(text, 'x', sizeof(text) - 1);
  text[sizeof(text) - 1] = '\0';
  bp_pg_error(ERRCODE_INTERNAL_ERROR, "a hint", "backpain: %s", text);
}

static void test_errors(void) {
  int4_job job = {2147483647, 0};
  tap_ok(!standin_try(to_int4, &job, NULL) && job.result == 2147483647, "2^31 - 1 fits");
  job.value = -2147483648LL;
  tap_ok(!standin_try(to_int4, &job, NULL) && job.result == INT32_MIN, "-2^31 fits");
  standin_error error;
  job.value = 2147483648LL;
  tap_ok(standin_try(to_int4, &job, &error), "2^31 does not fit");
  tap_is_str(error.message, "relaxant_days(): the result 2147483648 does not fit in an integer",
             "... the message");
  tap_is_str(error.code, "54000", "... SQLSTATE 54000");
  job.value = -2147483649LL;
  tap_ok(standin_try(to_int4, &job, &error) &&
             strcmp(error.message,
                    "relaxant_days(): the result -2147483649 does not fit in an integer") == 0,
         "-2^31 - 1 does not fit");

  tap_ok(standin_try(long_message, NULL, &error), "bp_pg_error raises");
  tap_ok(strlen(error.message) == BP_PG_MESSAGE_SIZE - 1 &&
             strncmp(error.message, "backpain: xxx", 13) == 0,
         "a message of 3009 bytes is cut at %d", BP_PG_MESSAGE_SIZE - 1);
  tap_is_str(error.hint, "a hint", "... with its hint");
  tap_is_str(error.code, "XX000", "... and its SQLSTATE");
}

int main(void) {
  test_numbers();
  test_dates();
  test_texts();
  test_other_types();
  standin_reset();
  test_sqlstates();
  test_scratch();
  test_errors();
  tap_is_int((long long)standin_reset(), 0, "no block left behind by the error tests");
  return tap_done();
}
