/*
** bp_value.c: argument readers and the error convention (see bp_value.h).
*/
#include "bp_value.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "bp_common.h"
#include "bp_number.h"
#include "bp_text.h"

/* Bytes of a blob shown in a message (two hex digits each). */
#define BLOB_DISPLAY_BYTES 20

bp_value bp_value_null(void) {
  bp_value v = {BP_VALUE_NULL, 0, 0, NULL, 0};
  return v;
}

bp_value bp_value_integer(int64_t integer) {
  bp_value v = {BP_VALUE_INTEGER, integer, 0, NULL, 0};
  return v;
}

bp_value bp_value_real(double real) {
  bp_value v = {BP_VALUE_REAL, 0, real, NULL, 0};
  return v;
}

bp_value bp_value_text(const char *bytes, size_t length) {
  bp_value v = {BP_VALUE_TEXT, 0, 0, bytes, length};
  return v;
}

bp_value bp_value_blob(const void *bytes, size_t length) {
  bp_value v = {BP_VALUE_BLOB, 0, 0, bytes, length};
  return v;
}

bp_value bp_value_date(int64_t julian_day) {
  bp_value v = {BP_VALUE_DATE, julian_day, 0, NULL, 0};
  return v;
}

bp_value bp_value_other(const char *type_name, size_t length) {
  bp_value v = {BP_VALUE_OTHER, 0, 0, type_name, length};
  return v;
}

void bp_call_init(bp_call *call, const char *function) {
  /* Field by field: clearing the whole message buffer on every call would
  ** cost more than some of the functions themselves. */
  call->function = function;
  call->status = BP_STATUS_OK;
  call->message[0] = '\0';
  call->grow = NULL;
  call->engine = NULL;
  call->scratch = NULL;
  call->scratch_size = 0;
}

void *bp_call_scratch(bp_call *call, size_t size) {
  if (call->scratch_size >= size) return call->scratch;
  void *block = call->grow == NULL ? NULL : call->grow(call, call->scratch, size);
  if (block == NULL) {
    bp_fail_no_memory(call);
    return NULL;
  }
  call->scratch = block;
  call->scratch_size = size;
  return block;
}

void bp_fail(bp_call *call, bp_status status, const char *format, ...) {
  va_list args;
  va_start(args, format);
  size_t prefix = strlen(call->function) + 4; /* "name(): " */
  if (prefix >= sizeof(call->message)) prefix = 0;
  snprintf(call->message, sizeof(call->message), "%s(): ", call->function);
  vsnprintf(call->message + prefix, sizeof(call->message) - prefix, format, args);
  va_end(args);
  call->status = status;
}

void bp_fail_no_memory(bp_call *call) {
  snprintf(call->message, sizeof(call->message), "out of memory");
  call->status = BP_STATUS_NO_MEMORY;
}

bp_arg bp_fail_value(bp_call *call, bp_status status, const bp_value *value, const char *argument,
                     const char *problem) {
  char shown[BP_VALUE_DISPLAY_SIZE];
  bp_value_display(value, shown);
  bp_fail(call, status, "%s %s, got %s", argument, problem, shown);
  return BP_ARG_ERROR;
}

/* A date of any year an engine may hold (PostgreSQL's reach from 4713 BC
** to 5874897 AD), as [-]YYYY-MM-DD. */
static void display_date(int64_t julian_day, char *out, size_t size) {
  if (julian_day == BP_JULIAN_INFINITY || julian_day == BP_JULIAN_MINUS_INFINITY) {
    snprintf(out, size, "%s", julian_day == BP_JULIAN_INFINITY ? "infinity" : "-infinity");
    return;
  }
  if (julian_day >= BP_DAY_MIN && julian_day <= BP_DAY_MAX) {
    char text[BP_DATE_TEXT_SIZE];
    bp_date_format((bp_day)julian_day, text);
    snprintf(out, size, "%s", text);
    return;
  }
  if (julian_day < 0 || julian_day > INT32_MAX) {
    snprintf(out, size, "Julian day %lld", (long long)julian_day);
    return;
  }
  int year, month, day;
  bp_date_to_civil((bp_day)julian_day, &year, &month, &day);
  snprintf(out, size, "%s%04d-%02d-%02d", year < 0 ? "-" : "", year < 0 ? -year : year, month, day);
}

/* An INTEGER or REAL as SQLite writes it as text: 12, 1.5 (as
** printf("%!.15g")), the same in messages and in text read from a number. */
static void write_number(const bp_value *value, char out[BP_NUMBER_FORMAT_SIZE]) {
  if (value->type == BP_VALUE_INTEGER) {
    snprintf(out, BP_NUMBER_FORMAT_SIZE, "%lld", (long long)value->integer);
  } else {
    bp_number_format(value->real, out);
  }
}
_Static_assert(BP_VALUE_DISPLAY_SIZE >= BP_NUMBER_FORMAT_SIZE, "a number's display must fit");
_Static_assert(BP_NUMBER_TEXT_SIZE >= BP_NUMBER_FORMAT_SIZE, "a formatted number must fit");

void bp_value_display(const bp_value *value, char out[BP_VALUE_DISPLAY_SIZE]) {
  switch (value->type) {
    case BP_VALUE_NULL:
      snprintf(out, BP_VALUE_DISPLAY_SIZE, "NULL");
      return;
    case BP_VALUE_INTEGER:
    case BP_VALUE_REAL:
      write_number(value, out);
      return;
    case BP_VALUE_TEXT: {
      char shown[BP_DISPLAY_SIZE];
      bp_text_display(value->bytes, value->length, shown);
      snprintf(out, BP_VALUE_DISPLAY_SIZE, "'%s'", shown);
      return;
    }
    case BP_VALUE_BLOB: {
      static const char hex[] = "0123456789abcdef";
      const unsigned char *blob = (const unsigned char *)value->bytes;
      size_t shown = value->length < BLOB_DISPLAY_BYTES ? value->length : BLOB_DISPLAY_BYTES;
      size_t used = 0;
      out[used++] = 'x';
      out[used++] = '\'';
      for (size_t i = 0; i < shown; i++) {
        out[used++] = hex[blob[i] >> 4];
        out[used++] = hex[blob[i] & 15];
      }
      out[used++] = '\'';
      if (value->length > shown) {
        memcpy(out + used, "...", 3);
        used += 3;
      }
      out[used] = '\0';
      return;
    }
    case BP_VALUE_DATE:
      display_date(value->integer, out, BP_VALUE_DISPLAY_SIZE);
      return;
    case BP_VALUE_OTHER: {
      char shown[BP_DISPLAY_SIZE];
      bp_text_display(value->bytes, value->length, shown);
      snprintf(out, BP_VALUE_DISPLAY_SIZE, "a value of type %s", shown);
      return;
    }
  }
  snprintf(out, BP_VALUE_DISPLAY_SIZE, "?"); /* LCOV_EXCL_LINE: the switch names every type */
}

_Static_assert(BP_DISPLAY_SIZE + 2 < BP_VALUE_DISPLAY_SIZE, "a quoted text display must fit");
_Static_assert(BP_DISPLAY_SIZE + sizeof("a value of type ") <= BP_VALUE_DISPLAY_SIZE,
               "a type name display must fit");
_Static_assert(4 + 2 * BLOB_DISPLAY_BYTES + 3 < BP_VALUE_DISPLAY_SIZE, "a blob display must fit");

#define DATE_REQUIREMENT "must be a date (YYYY-MM-DD or a Julian day number)"

bp_arg bp_read_date(bp_call *call, const bp_value *value, const char *argument, bp_day *out) {
  switch (value->type) {
    case BP_VALUE_NULL:
      return BP_ARG_NULL;
    case BP_VALUE_INTEGER:
    case BP_VALUE_DATE:
      if (bp_date_from_julian_int(value->integer, out)) return BP_ARG_OK;
      return bp_fail_value(call, BP_STATUS_DATETIME_OVERFLOW, value, argument, DATE_REQUIREMENT);
    case BP_VALUE_REAL:
      if (bp_date_from_julian(value->real, out)) return BP_ARG_OK;
      return bp_fail_value(call, BP_STATUS_DATETIME_OVERFLOW, value, argument, DATE_REQUIREMENT);
    case BP_VALUE_TEXT:
      if (bp_date_parse_text(value->bytes, value->length, out)) return BP_ARG_OK;
      return bp_fail_value(call, BP_STATUS_DATETIME_FORMAT, value, argument, DATE_REQUIREMENT);
    case BP_VALUE_BLOB:
    case BP_VALUE_OTHER:
      break;
  }
  return bp_fail_value(call, BP_STATUS_INVALID_PARAMETER, value, argument, DATE_REQUIREMENT);
}

/* A finite number from an INTEGER, a REAL or numeric text. Sets
** *is_integer and *integer when the value is exactly an integer. */
static int read_number(const bp_value *value, double *out, int *is_integer, int64_t *integer) {
  *is_integer = 0;
  switch (value->type) {
    case BP_VALUE_INTEGER:
      *is_integer = 1;
      *integer = value->integer;
      *out = (double)value->integer;
      return 1;
    case BP_VALUE_REAL:
      *out = value->real;
      return isfinite(*out);
    case BP_VALUE_TEXT:
      if (bp_number_parse_int(value->bytes, value->length, integer)) {
        *is_integer = 1;
        *out = (double)*integer;
        return 1;
      }
      return bp_number_parse(value->bytes, value->length, out);
    default:
      return 0;
  }
}

/* The status of a value that is not the number wanted. */
static bp_status number_status(const bp_value *value) {
  return value->type == BP_VALUE_TEXT ? BP_STATUS_TEXT_REPRESENTATION : BP_STATUS_INVALID_PARAMETER;
}

bp_arg bp_read_int_at_least(bp_call *call, const bp_value *value, const char *argument, int64_t min,
                            int64_t *out) {
  double number;
  int is_integer;
  int64_t integer = 0;
  if (value->type == BP_VALUE_NULL) return BP_ARG_NULL;
  int numeric = read_number(value, &number, &is_integer, &integer);
  if (numeric && !is_integer && number == floor(number) && number >= -9223372036854775808.0 &&
      number < 9223372036854775808.0) {
    /* A REAL (or real text) with no fraction; 2^63 and beyond do not fit. */
    is_integer = 1;
    integer = (int64_t)number;
  }
  if (numeric && is_integer && integer >= min) {
    *out = integer;
    return BP_ARG_OK;
  }
  char requirement[64];
  snprintf(requirement, sizeof(requirement), "must be an integer >= %lld", (long long)min);
  return bp_fail_value(call, numeric ? BP_STATUS_INVALID_PARAMETER : number_status(value), value,
                       argument, requirement);
}

bp_arg bp_read_number_in(bp_call *call, const bp_value *value, const char *argument, double min,
                         int min_exclusive, double max, const char *requirement, double *out) {
  double number;
  int is_integer;
  int64_t integer;
  if (value->type == BP_VALUE_NULL) return BP_ARG_NULL;
  int numeric = read_number(value, &number, &is_integer, &integer);
  if (numeric && (min_exclusive ? number > min : number >= min) && number <= max) {
    *out = number;
    return BP_ARG_OK;
  }
  char problem[128];
  snprintf(problem, sizeof(problem), "must be %s", requirement);
  return bp_fail_value(call, numeric ? BP_STATUS_INVALID_PARAMETER : number_status(value), value,
                       argument, problem);
}

bp_arg bp_read_flag(bp_call *call, const bp_value *value, const char *argument, int *out) {
  double number;
  bp_arg arg = bp_read_number_in(call, value, argument, 0, 0, 1, "1 or 0", &number);
  if (arg != BP_ARG_OK) return arg;
  if (number != 0 && number != 1) {
    return bp_fail_value(call, BP_STATUS_INVALID_PARAMETER, value, argument, "must be 1 or 0");
  }
  *out = number == 1;
  return BP_ARG_OK;
}

bp_arg bp_read_text(bp_call *call, const bp_value *value, const char *argument,
                    char number_text[BP_NUMBER_TEXT_SIZE], const char **text, size_t *length) {
  switch (value->type) {
    case BP_VALUE_NULL:
      return BP_ARG_NULL;
    case BP_VALUE_TEXT:
      *text = value->bytes;
      *length = value->length;
      return BP_ARG_OK;
    case BP_VALUE_INTEGER:
    case BP_VALUE_REAL:
      write_number(value, number_text);
      break;
    default:
      return bp_fail_value(call, BP_STATUS_INVALID_PARAMETER, value, argument, "must be text");
  }
  *text = number_text;
  *length = strlen(number_text);
  return BP_ARG_OK;
}

bp_arg bp_read_name_in(bp_call *call, const bp_value *value, const char *argument,
                       const char *const *names, size_t count, int *index) {
  char number_text[BP_NUMBER_TEXT_SIZE];
  const char *text;
  size_t length;
  bp_arg arg = bp_read_text(call, value, argument, number_text, &text, &length);
  if (arg != BP_ARG_OK) return arg;
  for (size_t i = 0; i < count; i++) {
    if (bp_ascii_ieq(text, length, names[i])) {
      *index = (int)i;
      return BP_ARG_OK;
    }
  }
  char requirement[BP_MESSAGE_SIZE / 2];
  size_t used = (size_t)snprintf(requirement, sizeof(requirement), "must be one of ");
  for (size_t i = 0; i < count && used < sizeof(requirement); i++) {
    used += (size_t)snprintf(requirement + used, sizeof(requirement) - used, "%s%s", i ? ", " : "",
                             names[i]);
  }
  return bp_fail_value(call, BP_STATUS_INVALID_PARAMETER, value, argument, requirement);
}
