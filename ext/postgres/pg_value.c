/*
** pg_value.c: what crosses between PostgreSQL and the core in a call:
** PostgreSQL values in (bp_pg_value), the core's errors out (bp_pg_raise,
** bp_pg_error: the binding's one ereport), scratch memory for the core
** (palloc), and integer results (bp_pg_int4).
**
** Types in: date, integer, numeric and text for the fixed functions;
** recommend_plan's VARIADIC "any" takes more (see bp_pg_value). Dates cross
** as Julian day numbers, never as text, so no result depends on DateStyle.
**
** Nothing here needs a running server beyond a few functions of
** PostgreSQL's (palloc, ereport's, detoasting, and the output functions of
** numeric, jsonb, arrays and type names): tests/fuzz/fuzz_pg.c and
** tests/pg/unit/ link this file with stand-ins for them.
*/
#include "pg_binding.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "catalog/pg_type.h"
#include "datatype/timestamp.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "bp_common.h"
#include "bp_number.h"

/* ---- Values in ----------------------------------------------------------- */

/*
** A numeric as SQLite reads the same literal: digits alone (-5, 21) are an
** INTEGER, a value written with a fraction (20.0, 0.3) a REAL, and so is an
** integer past int64 (SQLite makes 9223372036854775808 a REAL). A numeric
** keeps the scale it was written with, so a numeric column of whole
** numbers gives INTEGERs too. Only an exponent literal differs: SQLite
** makes 1e3 a REAL, PostgreSQL stores it as 1000. The digits are read by
** the core's locale-free parsers; a value past double's range is +-Inf
** (SQLite: 1e999 is Inf), which the core then rejects by name.
*/
static bp_value numeric_value(Numeric number) {
  double value;
  int64_t integer;
  if (numeric_is_nan(number)) return bp_value_real(NAN);
  char *digits = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(number)));
  int negative = digits[0] == '-';
#if PG_VERSION_NUM >= 140000
  if (numeric_is_inf(number)) return bp_value_real(negative ? -HUGE_VAL : HUGE_VAL);
#endif
  size_t length = strlen(digits);
  if (strchr(digits, '.') == NULL && bp_number_parse_int(digits, length, &integer)) {
    return bp_value_integer(integer);
  }
  if (length <= BP_NUMBER_TEXT_MAX && bp_number_parse(digits, length, &value)) {
    return bp_value_real(value);
  }
  /* Too many digits for the parser: 17 significant digits say as much. A
  ** value past double's range (1e400) is not finite, so the parser
  ** refuses it: it is +-Inf. */
  digits = numeric_out_sci(number, 16);
  if (bp_number_parse(digits, strlen(digits), &value)) return bp_value_real(value);
  return bp_value_real(negative ? -HUGE_VAL : HUGE_VAL);
}

/* The bytes of a text, varchar, json or bytea value. Detoasted, a value
** has a 1-byte header (up to 126 bytes) or a 4-byte one; a compressed or
** out-of-line value is detoasted into the current memory context. */
static const char *varlena_bytes(Datum datum, size_t *length) {
  struct varlena *v = PG_DETOAST_DATUM_PACKED(datum);
  if (VARATT_IS_1B(v)) {
    *length = VARSIZE_1B(v) - VARHDRSZ_SHORT;
    return VARDATA_1B(v);
  }
  *length = VARSIZE_4B(v) - VARHDRSZ;
  return VARDATA_4B(v);
}

static bp_value text_value(Datum datum) {
  size_t length;
  const char *bytes = varlena_bytes(datum, &length);
  return bp_value_text(bytes, length);
}

/* char(n) without its padding, as PostgreSQL compares it. */
static bp_value bpchar_value(Datum datum) {
  size_t length;
  const char *bytes = varlena_bytes(datum, &length);
  while (length > 0 && bytes[length - 1] == ' ') length--;
  return bp_value_text(bytes, length);
}

static bp_value date_value(DateADT date) {
  if (DATE_IS_NOBEGIN(date)) return bp_value_date(BP_JULIAN_MINUS_INFINITY);
  if (DATE_IS_NOEND(date)) return bp_value_date(BP_JULIAN_INFINITY);
  return bp_value_date((int64)date + POSTGRES_EPOCH_JDATE);
}

/* A type the core does not read, named without "pg_catalog.", and with
** its schema otherwise, whatever the search_path. */
static bp_value other_value(Oid type) {
  const char *name = format_type_extended(type, -1, FORMAT_TYPE_FORCE_QUALIFY);
  static const char catalog[] = "pg_catalog.";
  if (strncmp(name, catalog, sizeof(catalog) - 1) == 0) name += sizeof(catalog) - 1;
  return bp_value_other(name, strlen(name));
}

void bp_pg_value(Datum datum, bool isnull, Oid type, bp_value *out) {
  if (isnull) {
    *out = bp_value_null();
    return;
  }
  switch (type) {
    case INT2OID:
      *out = bp_value_integer(DatumGetInt16(datum));
      return;
    case INT4OID:
      *out = bp_value_integer(DatumGetInt32(datum));
      return;
    case INT8OID:
      *out = bp_value_integer(DatumGetInt64(datum));
      return;
    case FLOAT4OID:
      *out = bp_value_real((double)DatumGetFloat4(datum));
      return;
    case FLOAT8OID:
      *out = bp_value_real(DatumGetFloat8(datum));
      return;
    case NUMERICOID:
      *out = numeric_value(DatumGetNumeric(datum));
      return;
    case BOOLOID:
      *out = bp_value_integer(DatumGetBool(datum) ? 1 : 0);
      return;
    case DATEOID:
      *out = date_value(DatumGetDateADT(datum));
      return;
    case TEXTOID:
    case VARCHAROID:
    case JSONOID: /* json is kept as the text it was written as */
      *out = text_value(datum);
      return;
    case BPCHAROID:
      *out = bpchar_value(datum);
      return;
    case NAMEOID: {
      const char *name = NameStr(*DatumGetName(datum));
      *out = bp_value_text(name, strlen(name));
      return;
    }
    case JSONBOID: {
      Jsonb *jsonb = DatumGetJsonbP(datum);
      const char *json = JsonbToCString(NULL, &jsonb->root, (int)VARSIZE(jsonb));
      *out = bp_value_text(json, strlen(json));
      return;
    }
    case BYTEAOID: {
      size_t length;
      const char *bytes = varlena_bytes(datum, &length);
      *out = bp_value_blob(bytes, length);
      return;
    }
    case TEXTARRAYOID:
    case VARCHARARRAYOID:
      /* A list, as the JSON array json_group_array() makes in SQLite. */
      *out = text_value(DirectFunctionCall1(array_to_json, datum));
      return;
    default:
      /* Every other type, unknown among them: recommend_plan reads its
      ** arguments with extract_variadic_args(..., convert_unknown = true),
      ** which makes an unknown-type literal text. */
      *out = other_value(type);
      return;
  }
}

/* ---- Calls and errors ------------------------------------------------------ */

/* Scratch memory for the core. NULL when memory runs out (the core then
** fails the call with BP_STATUS_NO_MEMORY); a request past MaxAllocSize is
** PostgreSQL's own error. */
static void *pg_grow(bp_call *call, void *old, size_t size) {
  (void)call;
  if (old != NULL) pfree(old);
  return palloc_extended(size, MCXT_ALLOC_NO_OOM);
}

void bp_pg_call_init(bp_call *call, const bp_function_info *function) {
  bp_call_init(call, function->name);
  call->grow = pg_grow;
}

/* The SQLSTATE of each status of a failed call. */
static const int sqlstates[] = {
    [BP_STATUS_OK] = ERRCODE_INTERNAL_ERROR, /* not a failure: never raised */
    [BP_STATUS_INVALID_PARAMETER] = ERRCODE_INVALID_PARAMETER_VALUE,
    [BP_STATUS_DATETIME_FORMAT] = ERRCODE_INVALID_DATETIME_FORMAT,
    [BP_STATUS_DATETIME_OVERFLOW] = ERRCODE_DATETIME_FIELD_OVERFLOW,
    [BP_STATUS_TEXT_REPRESENTATION] = ERRCODE_INVALID_TEXT_REPRESENTATION,
    [BP_STATUS_TOO_BIG] = ERRCODE_PROGRAM_LIMIT_EXCEEDED,
    [BP_STATUS_NO_MEMORY] = ERRCODE_OUT_OF_MEMORY,
};
_Static_assert(BP_COUNT(sqlstates) == BP_STATUS_NO_MEMORY + 1, "a SQLSTATE for every bp_status");

_Noreturn void bp_pg_raise(const bp_call *call) {
  /* The core's message for BP_STATUS_NO_MEMORY is "out of memory". */
  bp_pg_error(sqlstates[call->status], NULL, "%s", call->message);
}

_Noreturn void bp_pg_error(int sqlstate, const char *hint, const char *format, ...) {
  char message[BP_PG_MESSAGE_SIZE];
  va_list args;
  va_start(args, format);
  vsnprintf(message, sizeof(message), format, args);
  va_end(args);
  /* ereport() tests errstart(), which is always true for ERROR: the other
  ** branch of each is the macro's own and cannot be taken. */
  // clang-format off
  if (hint == NULL) ereport(ERROR, (errcode(sqlstate), errmsg_internal("%s", message))); /* LCOV_EXCL_BR_LINE: see above */
  ereport(ERROR, (errcode(sqlstate), errmsg_internal("%s", message), errhint("%s", hint))); /* LCOV_EXCL_BR_LINE: see above */
  // clang-format on
  pg_unreachable();
}

int32 bp_pg_int4(const bp_function_info *function, int64 value) {
  if (value >= PG_INT32_MIN && value <= PG_INT32_MAX) return (int32)value;
  bp_call call;
  bp_pg_call_init(&call, function);
  bp_fail(&call, BP_STATUS_TOO_BIG, "the result %lld does not fit in an integer", (long long)value);
  bp_pg_raise(&call);
}
