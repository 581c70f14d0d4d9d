/*
** pg_binding.c: the PostgreSQL module's magic block, which row of the
** core's bp_functions[] a call serves (bp_pg_signature_of), JSON results
** (bp_pg_writer), and bp_pg_scalar, the one C function behind every scalar
** SQL function of the install script. Values in and errors out are
** pg_value.c's.
**
** Which function a call serves is not known from the C symbol: it is the
** name of the SQL function (pg_proc), looked up in the core's
** bp_functions[] (bp_pg_signature_of), so the install script and the core
** cannot drift apart without an error at the first call.
**
** Types out: text, date, integer, boolean, jsonb. Dates cross as Julian
** day numbers, never as text, so no result depends on DateStyle; JSON is
** written by the core (dates in it as YYYY-MM-DD) and parsed into jsonb.
*/
#include "pg_binding.h"

#include <string.h>

#include "catalog/pg_type.h"
#include "datatype/timestamp.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"

#include "bp_common.h"

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
  return InvalidOid; /* LCOV_EXCL_LINE: every `returns` of bp_functions[] is in the table */
}

static _Noreturn void declaration_mismatch(const char *name, const bp_function_info *function) {
  bp_pg_error(ERRCODE_INVALID_FUNCTION_DEFINITION,
              "Reinstall the extension: DROP EXTENSION backpain; CREATE EXTENSION backpain;",
              "backpain: the SQL declaration of %s does not match the extension's library (%s(%s) "
              "returns %s)",
              name, function->name, function->arguments, function->returns);
}

/* The bp_functions[] row that `name` (with the role's suffix) belongs to;
** an error when there is none (and for a NULL name). */
static const bp_function_info *function_named(const char *name, bp_pg_role role) {
  static const char *const suffixes[] = {
      [BP_PG_CALL] = "", [BP_PG_STEP] = "_step", [BP_PG_FINAL] = "_final"};
  const char *suffix = suffixes[role];
  size_t length = name != NULL ? strlen(name) : 0, suffix_length = strlen(suffix);
  const bp_function_info *function = NULL;
  if (length > suffix_length && strcmp(name + length - suffix_length, suffix) == 0) {
    char *base = pnstrdup(name, length - suffix_length);
    function = bp_function_find(base);
    pfree(base);
  }
  if (function == NULL || (role != BP_PG_CALL && function->kind != BP_KIND_AGGREGATE)) {
    bp_pg_error(ERRCODE_UNDEFINED_FUNCTION, NULL, "backpain: %s is not a function of backpain",
                name != NULL ? name : "?");
  }
  return function;
}

const bp_pg_signature *bp_pg_signature_of(FmgrInfo *flinfo, bp_pg_role role) {
  bp_pg_signature *signature = flinfo->fn_extra;
  if (signature != NULL) return signature;

  /* NULL only for an OID with no pg_proc row (never the function being
  ** called): no function of backpain. */
  char *name = get_func_name(flinfo->fn_oid);
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

/* ---- JSON out ---------------------------------------------------------------- */

/* Appends in pieces that fit appendBinaryStringInfo's int; a text past
** 1 GB is PostgreSQL's own error ("Cannot enlarge string buffer"). */
static void pg_append(bp_writer *base, const char *bytes, size_t length) {
  bp_pg_writer *writer = (bp_pg_writer *)base;
  if (writer->text.data == NULL) initStringInfo(&writer->text);
  while (length > 0) {
    int piece = length > MaxAllocSize ? (int)MaxAllocSize : (int)length;
    appendBinaryStringInfo(&writer->text, bytes, piece);
    bytes += piece;
    length -= (size_t)piece;
  }
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
    bp_pg_error(ERRCODE_INTERNAL_ERROR, NULL, "backpain: %s is not a scalar function",
                function->name);
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
