/*
** pg_binding.c: the PostgreSQL module's magic block, the conversions the
** binding's files share (see pg_binding.h), and bp_pg_scalar, the one C
** function behind every scalar SQL function of the install script.
**
** Which function a call serves is not known from the C symbol: it is the
** name of the SQL function (pg_proc), looked up in the core's
** bp_functions[] (bp_pg_signature_of), so the install script and the core
** cannot drift apart without an error at the first call.
**
** Types in: date, integer, numeric and text for the fixed functions;
** recommend_plan's VARIADIC "any" takes more (see bp_pg_value).
** Types out: text, date, integer, boolean, jsonb. Dates cross as Julian
** day numbers, never as text, so no result depends on DateStyle; JSON is
** written by the core (dates in it as YYYY-MM-DD) and parsed into jsonb.
*/
#include "pg_binding.h"

#include <math.h>
#include <string.h>

#include "catalog/pg_type.h"
#include "datatype/timestamp.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"

#include "bp_common.h"
#include "bp_number.h"

PG_MODULE_MAGIC;

/* ---- Which function ------------------------------------------------------ */

/* The PostgreSQL result type of a bp_functions[] row's `returns`. */
static Oid result_type_of(const bp_function_info *function) {
  static const struct {
    const char *returns;
    Oid type;
  } types[] = {
      {"text", TEXTOID},    {"date", DATEOID},  {"integer", INT4OID},
      {"boolean", BOOLOID}, {"json", JSONBOID},
  };
  for (size_t i = 0; i < BP_COUNT(types); i++) {
    if (strcmp(types[i].returns, function->returns) == 0) return types[i].type;
  }
  return InvalidOid;
}

static _Noreturn void declaration_mismatch(const char *name, const bp_function_info *function) {
  ereport(ERROR, (errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
                  errmsg("backpain: the SQL declaration of %s does not match the extension's "
                         "library (%s(%s) returns %s)",
                         name, function->name, function->arguments, function->returns),
                  errhint("Reinstall the extension: DROP EXTENSION backpain; CREATE EXTENSION "
                          "backpain;")));
}

/* The bp_functions[] row that `name` (with the role's suffix) belongs to. */
static const bp_function_info *function_named(const char *name, bp_pg_role role) {
  static const char *const suffixes[] = {
      [BP_PG_CALL] = "", [BP_PG_STEP] = "_step", [BP_PG_FINAL] = "_final"};
  const char *suffix = suffixes[role];
  size_t length = strlen(name), suffix_length = strlen(suffix);
  const bp_function_info *function = NULL;
  if (length > suffix_length && strcmp(name + length - suffix_length, suffix) == 0) {
    char *base = pnstrdup(name, length - suffix_length);
    function = bp_function_find(base);
    pfree(base);
  }
  if (function == NULL || (role != BP_PG_CALL && function->kind != BP_KIND_AGGREGATE)) {
    ereport(ERROR, (errcode(ERRCODE_UNDEFINED_FUNCTION),
                    errmsg("backpain: %s is not a function of backpain", name)));
  }
  return function;
}

const bp_pg_signature *bp_pg_signature_of(FmgrInfo *flinfo, bp_pg_role role) {
  bp_pg_signature *signature = flinfo->fn_extra;
  if (signature != NULL) return signature;

  char *name = get_func_name(flinfo->fn_oid);
  if (name == NULL) elog(ERROR, "backpain: no function with OID %u", flinfo->fn_oid);
  const bp_function_info *function = function_named(name, role);
  Oid *types;
  int nargs;
  Oid result_type = get_func_signature(flinfo->fn_oid, &types, &nargs);
  int variadic = OidIsValid(get_func_variadictype(flinfo->fn_oid));
  int skip = role == BP_PG_STEP ? 1 : 0; /* the state */
  int n = nargs - skip;
  int ok;
  switch (role) {
    case BP_PG_CALL:
      ok = result_type == result_type_of(function) &&
           (function->max_args < 0
                ? (variadic ? nargs == 1 && types[0] == ANYOID : nargs == 0)
                : !variadic && nargs >= function->min_args && nargs <= function->max_args);
      break;
    case BP_PG_STEP:
      ok = result_type == INTERNALOID && nargs >= 1 && types[0] == INTERNALOID && !variadic &&
           n >= function->min_args && n <= function->max_args;
      break;
    case BP_PG_FINAL:
      ok = result_type == result_type_of(function) && nargs == 1 && types[0] == INTERNALOID;
      n = 0;
      skip = 1;
      break;
  }
  if (!ok || n > BP_PG_MAX_ARGS) declaration_mismatch(name, function);
  signature = MemoryContextAllocZero(flinfo->fn_mcxt, sizeof(*signature));
  signature->function = function;
  signature->nargs = n;
  signature->variadic = variadic;
  if (!variadic && n > 0) memcpy(signature->types, types + skip, sizeof(Oid) * (size_t)n);
  pfree(types);
  pfree(name);
  flinfo->fn_extra = signature;
  return signature;
}

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
  /* Too many digits for the parser: 17 significant digits say as much. */
  digits = numeric_out_sci(number, 16);
  if (bp_number_parse(digits, strlen(digits), &value)) return bp_value_real(value);
  return bp_value_real(negative ? -HUGE_VAL : HUGE_VAL);
}

static bp_value text_value(Datum datum) {
  text *t = DatumGetTextPP(datum);
  return bp_value_text(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
}

/* char(n) without its padding, as PostgreSQL compares it. */
static bp_value bpchar_value(Datum datum) {
  text *t = DatumGetTextPP(datum);
  const char *bytes = VARDATA_ANY(t);
  size_t length = VARSIZE_ANY_EXHDR(t);
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
    case UNKNOWNOID: {
      const char *literal = DatumGetCString(datum);
      *out = bp_value_text(literal, strlen(literal));
      return;
    }
    case JSONBOID: {
      Jsonb *jsonb = DatumGetJsonbP(datum);
      const char *json = JsonbToCString(NULL, &jsonb->root, (int)VARSIZE(jsonb));
      *out = bp_value_text(json, strlen(json));
      return;
    }
    case BYTEAOID: {
      bytea *b = DatumGetByteaPP(datum);
      *out = bp_value_blob(VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
      return;
    }
    case TEXTARRAYOID:
    case VARCHARARRAYOID:
      /* A list, as the JSON array json_group_array() makes in SQLite. */
      *out = text_value(DirectFunctionCall1(array_to_json, datum));
      return;
    default:
      *out = other_value(type);
      return;
  }
}

/* ---- Calls and errors ------------------------------------------------------ */

static void *pg_grow(bp_call *call, void *old, size_t size) {
  (void)call;
  if (old != NULL) pfree(old);
  return palloc_extended(size, MCXT_ALLOC_NO_OOM);
}

void bp_pg_call_init(bp_call *call, const bp_function_info *function) {
  bp_call_init(call, function->name);
  call->grow = pg_grow;
}

static int sqlstate_of(bp_status status) {
  switch (status) {
    case BP_STATUS_INVALID_PARAMETER:
      return ERRCODE_INVALID_PARAMETER_VALUE;
    case BP_STATUS_DATETIME_FORMAT:
      return ERRCODE_INVALID_DATETIME_FORMAT;
    case BP_STATUS_DATETIME_OVERFLOW:
      return ERRCODE_DATETIME_FIELD_OVERFLOW;
    case BP_STATUS_TEXT_REPRESENTATION:
      return ERRCODE_INVALID_TEXT_REPRESENTATION;
    case BP_STATUS_TOO_BIG:
      return ERRCODE_PROGRAM_LIMIT_EXCEEDED;
    case BP_STATUS_NO_MEMORY:
      return ERRCODE_OUT_OF_MEMORY;
    case BP_STATUS_OK:
      break;
  }
  return ERRCODE_INTERNAL_ERROR;
}

_Noreturn void bp_pg_raise(const bp_call *call) {
  if (call->status == BP_STATUS_NO_MEMORY) {
    ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
  }
  ereport(ERROR, (errcode(sqlstate_of(call->status)), errmsg_internal("%s", call->message)));
  pg_unreachable();
}

int32 bp_pg_int4(const bp_function_info *function, int64 value) {
  if (value >= PG_INT32_MIN && value <= PG_INT32_MAX) return (int32)value;
  bp_call call;
  bp_pg_call_init(&call, function);
  bp_fail(&call, BP_STATUS_TOO_BIG, "the result %lld does not fit in an integer", (long long)value);
  bp_pg_raise(&call);
}

/* ---- JSON out ---------------------------------------------------------------- */

static void pg_append(bp_writer *base, const char *bytes, size_t length) {
  bp_pg_writer *writer = (bp_pg_writer *)base;
  if (writer->text.data == NULL) initStringInfo(&writer->text);
  if (length >= MaxAllocSize) {
    ereport(ERROR, (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                    errmsg("backpain: a JSON result would exceed 1 GB")));
  }
  appendBinaryStringInfo(&writer->text, bytes, (int)length);
}

void bp_pg_writer_init(bp_pg_writer *writer) {
  writer->base.append = pg_append;
  writer->text.data = NULL; /* made at the first append: scalars pay nothing */
}

Datum bp_pg_writer_jsonb(bp_pg_writer *writer) {
  if (writer->text.data == NULL) initStringInfo(&writer->text);
  return DirectFunctionCall1(jsonb_in, CStringGetDatum(writer->text.data));
}

/* ---- Every scalar function ------------------------------------------------ */

BP_PG_FUNCTION(bp_pg_scalar);

Datum bp_pg_scalar(PG_FUNCTION_ARGS) {
  const bp_pg_signature *signature = bp_pg_signature_of(fcinfo->flinfo, BP_PG_CALL);
  const bp_function_info *function = signature->function;
  bp_value stack_values[BP_PG_MAX_ARGS];
  bp_value *values = stack_values;
  int argc;
  bp_call call;
  bp_result result;
  bp_pg_writer writer;

  if (function->kind != BP_KIND_SCALAR) {
    elog(ERROR, "backpain: %s is not a scalar function", function->name);
  }
  if (function->max_args < 0) {
    /* recommend_plan(VARIADIC "any"): each argument's own type; an
    ** unknown-type literal ('yoga') is text. */
    Datum *datums;
    Oid *types;
    bool *nulls;
    argc = extract_variadic_args(fcinfo, 0, true, &datums, &types, &nulls);
    if (argc < 0) PG_RETURN_NULL(); /* VARIADIC NULL, as json_build_object */
    if (argc > BP_PG_MAX_ARGS) values = palloc(sizeof(bp_value) * (size_t)argc);
    for (int i = 0; i < argc; i++) bp_pg_value(datums[i], nulls[i], types[i], &values[i]);
  } else {
    argc = signature->nargs;
    for (int i = 0; i < argc; i++) {
      bp_pg_value(PG_GETARG_DATUM(i), PG_ARGISNULL(i), signature->types[i], &values[i]);
    }
  }

  bp_pg_call_init(&call, function);
  bp_pg_writer_init(&writer);
  function->scalar(&call, argc, values, &result, &writer.base);
  if (call.status != BP_STATUS_OK) bp_pg_raise(&call);

  switch (result.type) {
    case BP_RESULT_INTEGER:
      PG_RETURN_INT32(bp_pg_int4(function, result.integer));
    case BP_RESULT_BOOLEAN:
      PG_RETURN_BOOL(result.integer != 0);
    case BP_RESULT_TEXT:
      PG_RETURN_TEXT_P(cstring_to_text(result.text));
    case BP_RESULT_DATE:
      PG_RETURN_DATEADT((DateADT)(result.day - POSTGRES_EPOCH_JDATE));
    case BP_RESULT_JSON:
      PG_RETURN_DATUM(bp_pg_writer_jsonb(&writer));
    case BP_RESULT_NULL:
      break;
  }
  PG_RETURN_NULL();
}
