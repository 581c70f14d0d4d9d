/*
** sql_args.c: argument readers and the error convention (see sql_args.h).
*/
#include "sql_args.h"

SQLITE_EXTENSION_INIT3

#include <math.h>
#include <stdarg.h>

#include "bp_number.h"
#include "bp_text.h"

/* Bytes of a blob shown in an error message (two hex digits each). */
#define BLOB_DISPLAY_BYTES 20

const char *bp_sql_name(sqlite3_context *ctx) {
  const bp_sql_function *fn = sqlite3_user_data(ctx);
  return fn->name;
}

void bp_sql_error(sqlite3_context *ctx, const char *format, ...) {
  va_list args;
  va_start(args, format);
  char *detail = sqlite3_vmprintf(format, args);
  va_end(args);
  char *message = detail == NULL ? NULL : sqlite3_mprintf("%s(): %s", bp_sql_name(ctx), detail);
  if (message == NULL) {
    sqlite3_result_error_nomem(ctx);
  } else {
    sqlite3_result_error(ctx, message, -1);
  }
  sqlite3_free(message);
  sqlite3_free(detail);
}

char *bp_value_display(sqlite3_value *value) {
  switch (sqlite3_value_type(value)) {
    case SQLITE_NULL:
      return sqlite3_mprintf("NULL");
    case SQLITE_INTEGER:
      return sqlite3_mprintf("%lld", sqlite3_value_int64(value));
    case SQLITE_FLOAT:
      return sqlite3_mprintf("%!.15g", sqlite3_value_double(value));
    case SQLITE_TEXT: {
      char shown[BP_DISPLAY_SIZE];
      const char *text = (const char *)sqlite3_value_text(value);
      int n = sqlite3_value_bytes(value);
      if (text == NULL) return NULL;
      bp_text_display(text, (size_t)n, shown);
      return sqlite3_mprintf("'%s'", shown);
    }
    default: {
      const unsigned char *blob = sqlite3_value_blob(value);
      int n = sqlite3_value_bytes(value);
      int shown = n < BLOB_DISPLAY_BYTES ? n : BLOB_DISPLAY_BYTES;
      sqlite3_str *out = sqlite3_str_new(NULL);
      sqlite3_str_appendall(out, "x'");
      for (int i = 0; i < shown; i++) sqlite3_str_appendf(out, "%02x", blob[i]);
      sqlite3_str_appendall(out, n > shown ? "'..." : "'");
      return sqlite3_str_finish(out);
    }
  }
}

bp_arg bp_arg_fail(sqlite3_context *ctx, sqlite3_value *value, const char *arg_name,
                   const char *problem) {
  char *shown = bp_value_display(value);
  if (shown == NULL) {
    sqlite3_result_error_nomem(ctx);
  } else {
    bp_sql_error(ctx, "%s %s, got %s", arg_name, problem, shown);
  }
  sqlite3_free(shown);
  return BP_ARG_ERROR;
}

bp_arg bp_arg_date(sqlite3_context *ctx, sqlite3_value *value, const char *arg_name, bp_day *out) {
  int ok = 0;
  switch (sqlite3_value_type(value)) {
    case SQLITE_NULL:
      return BP_ARG_NULL;
    case SQLITE_INTEGER:
      ok = bp_date_from_julian_int(sqlite3_value_int64(value), out);
      break;
    case SQLITE_FLOAT:
      ok = bp_date_from_julian(sqlite3_value_double(value), out);
      break;
    case SQLITE_TEXT: {
      const char *text = (const char *)sqlite3_value_text(value);
      int n = sqlite3_value_bytes(value);
      if (text == NULL) {
        sqlite3_result_error_nomem(ctx);
        return BP_ARG_ERROR;
      }
      ok = bp_date_parse_text(text, (size_t)n, out);
      break;
    }
    default:
      break;
  }
  if (ok) return BP_ARG_OK;
  return bp_arg_fail(ctx, value, arg_name, "must be a date (YYYY-MM-DD or a Julian day number)");
}

/* Reads a finite number from INTEGER, REAL or numeric TEXT. Returns 0 for
** anything else (BLOB, non-numeric text, infinities). */
static int read_number(sqlite3_value *value, double *out, int *is_integer, sqlite3_int64 *integer) {
  *is_integer = 0;
  switch (sqlite3_value_type(value)) {
    case SQLITE_INTEGER:
      *is_integer = 1;
      *integer = sqlite3_value_int64(value);
      *out = (double)*integer;
      return 1;
    case SQLITE_FLOAT:
      *out = sqlite3_value_double(value);
      return isfinite(*out);
    case SQLITE_TEXT: {
      const char *text = (const char *)sqlite3_value_text(value);
      int n = sqlite3_value_bytes(value);
      return text != NULL && bp_number_parse(text, (size_t)n, out);
    }
    default:
      return 0;
  }
}

bp_arg bp_arg_int_at_least(sqlite3_context *ctx, sqlite3_value *value, const char *arg_name,
                           int64_t min, int64_t *out) {
  double number;
  int is_integer;
  sqlite3_int64 integer = 0;
  if (sqlite3_value_type(value) == SQLITE_NULL) return BP_ARG_NULL;
  if (read_number(value, &number, &is_integer, &integer)) {
    /* 2^63 as a double: anything at or above it is out of int64 range. */
    if (!is_integer && number == floor(number) && number >= -9223372036854775808.0 &&
        number < 9223372036854775808.0) {
      is_integer = 1;
      integer = (sqlite3_int64)number;
    }
    if (is_integer && integer >= min) {
      *out = integer;
      return BP_ARG_OK;
    }
  }
  char requirement[64];
  sqlite3_snprintf(sizeof(requirement), requirement, "must be an integer >= %lld", (long long)min);
  return bp_arg_fail(ctx, value, arg_name, requirement);
}

bp_arg bp_arg_number_in(sqlite3_context *ctx, sqlite3_value *value, const char *arg_name,
                        double min, int min_exclusive, double max, const char *requirement,
                        double *out) {
  double number;
  int is_integer;
  sqlite3_int64 integer;
  if (sqlite3_value_type(value) == SQLITE_NULL) return BP_ARG_NULL;
  if (read_number(value, &number, &is_integer, &integer) &&
      (min_exclusive ? number > min : number >= min) && number <= max) {
    *out = number;
    return BP_ARG_OK;
  }
  char problem[80];
  sqlite3_snprintf(sizeof(problem), problem, "must be %s", requirement);
  return bp_arg_fail(ctx, value, arg_name, problem);
}

bp_arg bp_arg_text(sqlite3_context *ctx, sqlite3_value *value, const char *arg_name,
                   const char **text, int *n_bytes) {
  int type = sqlite3_value_type(value);
  if (type == SQLITE_NULL) return BP_ARG_NULL;
  if (type == SQLITE_BLOB) return bp_arg_fail(ctx, value, arg_name, "must be text");
  *text = (const char *)sqlite3_value_text(value);
  *n_bytes = sqlite3_value_bytes(value);
  if (*text == NULL) {
    sqlite3_result_error_nomem(ctx);
    return BP_ARG_ERROR;
  }
  return BP_ARG_OK;
}

void bp_result_str(sqlite3_context *ctx, sqlite3_str *out) {
  int rc = sqlite3_str_errcode(out);
  int length = sqlite3_str_length(out);
  char *text = sqlite3_str_finish(out);
  if (rc == SQLITE_OK && text != NULL) {
    sqlite3_result_text(ctx, text, length, sqlite3_free);
    return;
  }
  sqlite3_free(text);
  if (rc == SQLITE_TOOBIG) {
    sqlite3_result_error_toobig(ctx);
  } else {
    sqlite3_result_error_nomem(ctx);
  }
}

bp_arg bp_arg_name_in(sqlite3_context *ctx, sqlite3_value *value, const char *arg_name,
                      const char *const *names, size_t count, int *index) {
  const char *text;
  int n;
  bp_arg arg = bp_arg_text(ctx, value, arg_name, &text, &n);
  if (arg != BP_ARG_OK) return arg;
  for (size_t i = 0; i < count; i++) {
    if (bp_ascii_ieq(text, (size_t)n, names[i])) {
      *index = (int)i;
      return BP_ARG_OK;
    }
  }
  sqlite3_str *problem = sqlite3_str_new(NULL);
  sqlite3_str_appendall(problem, "must be one of ");
  for (size_t i = 0; i < count; i++) {
    sqlite3_str_appendf(problem, "%s%s", i ? ", " : "", names[i]);
  }
  char *requirement = sqlite3_str_finish(problem);
  if (requirement == NULL) {
    sqlite3_result_error_nomem(ctx);
  } else {
    bp_arg_fail(ctx, value, arg_name, requirement);
  }
  sqlite3_free(requirement);
  return BP_ARG_ERROR;
}
