/*
** bp_number.c: locale-free number parsing and formatting (see
** bp_number.h).
**
** How it stays free of the locale while keeping the C library's correct
** rounding: the parser removes the decimal point itself and hands strtod()
** an integer mantissa with an exponent ("125e-1" for "12.5"), a form every
** locale reads the same way. The formatter asks snprintf() for "%.14e",
** whose layout is fixed (one digit, the locale's decimal point, 14 digits,
** the exponent), reads the digits and the exponent back, skipping whatever
** the locale wrote as the point, and lays them out itself.
*/
#include "bp_number.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bp_common.h"

/* Exponents beyond this make any mantissa of BP_NUMBER_TEXT_MAX digits
** overflow or underflow, so larger ones are clamped to it. */
#define EXPONENT_CLAMP 100000

int bp_number_parse(const char *text, size_t n, double *out) {
  /* sign, the mantissa digits, 'e', the exponent's sign and digits */
  char buffer[BP_NUMBER_TEXT_MAX + 16];
  size_t pos = 0, used = 0, mantissa_digits = 0;
  long exponent = 0, fraction_digits = 0;
  if (n == 0 || n > BP_NUMBER_TEXT_MAX) return 0;
  if (text[pos] == '+' || text[pos] == '-') {
    if (text[pos] == '-') buffer[used++] = '-';
    pos++;
  }
  while (pos < n && bp_is_digit(text[pos])) {
    buffer[used++] = text[pos++];
    mantissa_digits++;
  }
  if (pos < n && text[pos] == '.') {
    pos++;
    while (pos < n && bp_is_digit(text[pos])) {
      buffer[used++] = text[pos++];
      mantissa_digits++;
      fraction_digits++;
    }
  }
  if (mantissa_digits == 0) return 0;
  if (pos < n && (text[pos] == 'e' || text[pos] == 'E')) {
    int negative = 0;
    size_t exponent_digits = 0;
    pos++;
    if (pos < n && (text[pos] == '+' || text[pos] == '-')) negative = text[pos++] == '-';
    while (pos < n && bp_is_digit(text[pos])) {
      if (exponent < EXPONENT_CLAMP) exponent = exponent * 10 + (text[pos] - '0');
      pos++;
      exponent_digits++;
    }
    if (exponent_digits == 0) return 0;
    if (negative) exponent = -exponent;
  }
  if (pos != n) return 0;
  snprintf(buffer + used, sizeof(buffer) - used, "e%ld", exponent - fraction_digits);
  double value = strtod(buffer, NULL);
  if (!isfinite(value)) return 0;
  *out = value;
  return 1;
}

int bp_number_parse_int(const char *text, size_t n, int64_t *out) {
  size_t pos = 0;
  int negative = 0;
  uint64_t magnitude = 0;
  /* |INT64_MIN|: the largest magnitude a negative value may have. */
  const uint64_t limit_negative = (uint64_t)INT64_MAX + 1;
  if (n > 0 && (text[0] == '+' || text[0] == '-')) negative = text[pos++] == '-';
  if (pos == n) return 0;
  for (; pos < n; pos++) {
    if (!bp_is_digit(text[pos])) return 0;
    unsigned digit = (unsigned)(text[pos] - '0');
    if (magnitude > (limit_negative - digit) / 10) return 0;
    magnitude = magnitude * 10 + digit;
  }
  if (!negative && magnitude > (uint64_t)INT64_MAX) return 0;
  *out = negative ? (int64_t)(0 - magnitude) : (int64_t)magnitude;
  return 1;
}

/* Significant digits of "%.15g". */
#define SIGNIFICANT 15

void bp_number_format(double value, char out[BP_NUMBER_FORMAT_SIZE]) {
  char scientific[64];
  char digits[SIGNIFICANT + 1];
  size_t used = 0, count = 0;
  if (isnan(value)) {
    memcpy(out, "NaN", 4);
    return;
  }
  if (isinf(value)) {
    memcpy(out, value < 0 ? "-Inf" : "Inf", value < 0 ? 5 : 4);
    return;
  }
  snprintf(scientific, sizeof(scientific), "%.*e", SIGNIFICANT - 1, value);
  /* Layout: [-]d<point>dddddddddddddde(+|-)dd[d]; the point may be any
  ** bytes the locale chose, so digits are picked out one by one. */
  const char *p = scientific;
  int negative = *p == '-';
  if (negative) p++;
  while (*p != '\0' && *p != 'e' && count < SIGNIFICANT) {
    if (bp_is_digit(*p)) digits[count++] = *p;
    p++;
  }
  while (*p != '\0' && *p != 'e') p++;
  assert(count == SIGNIFICANT && *p == 'e');
  int exponent = atoi(p + 1);
  /* Cut trailing zeros; at least one digit stays. */
  while (count > 1 && digits[count - 1] == '0') count--;
  digits[count] = '\0';
  if (negative && !(count == 1 && digits[0] == '0')) out[used++] = '-';
  if (exponent < -4 || exponent >= SIGNIFICANT) {
    out[used++] = digits[0];
    out[used++] = '.';
    if (count > 1) {
      memcpy(out + used, digits + 1, count - 1);
      used += count - 1;
    } else {
      out[used++] = '0';
    }
    snprintf(out + used, BP_NUMBER_FORMAT_SIZE - used, "e%c%02d", exponent < 0 ? '-' : '+',
             exponent < 0 ? -exponent : exponent);
    return;
  }
  if (exponent < 0) {
    /* 0.000ddd */
    out[used++] = '0';
    out[used++] = '.';
    for (int z = -1; z > exponent; z--) out[used++] = '0';
    memcpy(out + used, digits, count);
    used += count;
  } else {
    /* exponent + 1 digits before the point, zeros where digits ran out */
    for (int k = 0; k <= exponent; k++) out[used++] = (size_t)k < count ? digits[k] : '0';
    out[used++] = '.';
    if ((size_t)exponent + 1 < count) {
      memcpy(out + used, digits + exponent + 1, count - (size_t)exponent - 1);
      used += count - (size_t)exponent - 1;
    } else {
      out[used++] = '0';
    }
  }
  out[used] = '\0';
}

size_t bp_number_format_int(int64_t value, char out[BP_NUMBER_FORMAT_SIZE]) {
  char digits[20]; /* 2^64 - 1 has 20 digits */
  size_t n = 0, used = 0;
  uint64_t magnitude = value < 0 ? 0 - (uint64_t)value : (uint64_t)value;
  do {
    digits[n++] = (char)('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude > 0);
  if (value < 0) out[used++] = '-';
  while (n > 0) out[used++] = digits[--n];
  out[used] = '\0';
  return used;
}
_Static_assert(BP_NUMBER_FORMAT_SIZE >= 21, "an int64 and its sign must fit");
