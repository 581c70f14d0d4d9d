/*
** bp_date.c: parsing and formatting of calendar dates (see bp_date.h).
**
** The conversions between Gregorian calendar dates and Julian Day Numbers
** use the classic integer formulas (Fliegel and Van Flandern, 1968), valid
** for every date this module accepts. The Julian-number path reproduces the
** rounding of SQLite's date(x): the value is turned into whole
** milliseconds first, and the day changes at midnight, i.e. at x.5.
*/
#include "bp_date.h"

static int is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

static int days_in_month(int year, int month) {
  static const unsigned char lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return lengths[month - 1];
}

int bp_date_from_civil(int year, int month, int day, bp_day *out) {
  if (year < 0 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month)) {
    return 0;
  }
  int a = (14 - month) / 12;
  int64_t y = (int64_t)year + 4800 - a;
  int64_t m = month + 12 * a - 3;
  int64_t jdn = day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045;
  *out = (bp_day)jdn;
  return 1;
}

void bp_date_to_civil(bp_day d, int *year, int *month, int *day) {
  int64_t a = (int64_t)d + 32044;
  int64_t b = (4 * a + 3) / 146097;
  int64_t c = a - 146097 * b / 4;
  int64_t dd = (4 * c + 3) / 1461;
  int64_t e = c - 1461 * dd / 4;
  int64_t m = (5 * e + 2) / 153;
  *day = (int)(e - (153 * m + 2) / 5 + 1);
  *month = (int)(m + 3 - 12 * (m / 10));
  *year = (int)(100 * b + dd - 4800 + m / 10);
}

void bp_date_format(bp_day d, char out[BP_DATE_TEXT_SIZE]) {
  int year, month, day;
  bp_date_to_civil(d, &year, &month, &day);
  out[0] = (char)('0' + year / 1000);
  out[1] = (char)('0' + year / 100 % 10);
  out[2] = (char)('0' + year / 10 % 10);
  out[3] = (char)('0' + year % 10);
  out[4] = '-';
  out[5] = (char)('0' + month / 10);
  out[6] = (char)('0' + month % 10);
  out[7] = '-';
  out[8] = (char)('0' + day / 10);
  out[9] = (char)('0' + day % 10);
  out[10] = '\0';
}

/* Reads exactly `count` decimal digits at text[*pos] into *value. */
static int read_digits(const char *text, size_t n, size_t *pos, int count, int *value) {
  int v = 0;
  if (n - *pos < (size_t)count) return 0;
  for (int i = 0; i < count; i++) {
    char c = text[*pos + (size_t)i];
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  *pos += (size_t)count;
  *value = v;
  return 1;
}

static int read_char(const char *text, size_t n, size_t *pos, char wanted) {
  if (*pos < n && text[*pos] == wanted) {
    (*pos)++;
    return 1;
  }
  return 0;
}

/* Reads two digits in [0, max]. */
static int read_2digits_upto(const char *text, size_t n, size_t *pos, int max) {
  int v;
  return read_digits(text, n, pos, 2, &v) && v <= max;
}

/* The optional part after YYYY-MM-DD: a time and an optional zone. */
static int time_part_is_valid(const char *text, size_t n, size_t pos) {
  if (pos == n) return 1;
  if (text[pos] != ' ' && text[pos] != 'T' && text[pos] != 't') return 0;
  pos++;
  if (!read_2digits_upto(text, n, &pos, 23)) return 0;
  if (!read_char(text, n, &pos, ':')) return 0;
  if (!read_2digits_upto(text, n, &pos, 59)) return 0;
  if (read_char(text, n, &pos, ':')) {
    if (!read_2digits_upto(text, n, &pos, 59)) return 0;
    if (read_char(text, n, &pos, '.')) {
      size_t digits_start = pos;
      while (pos < n && text[pos] >= '0' && text[pos] <= '9') pos++;
      if (pos == digits_start) return 0;
    }
  }
  if (pos == n) return 1;
  if (text[pos] == 'Z' || text[pos] == 'z') return pos + 1 == n;
  if (text[pos] != '+' && text[pos] != '-') return 0;
  pos++;
  if (!read_2digits_upto(text, n, &pos, 14)) return 0;
  if (!read_char(text, n, &pos, ':')) return 0;
  if (!read_2digits_upto(text, n, &pos, 59)) return 0;
  return pos == n;
}

int bp_date_parse_text(const char *text, size_t n, bp_day *out) {
  size_t pos = 0;
  int year, month, day;
  if (!read_digits(text, n, &pos, 4, &year)) return 0;
  if (!read_char(text, n, &pos, '-')) return 0;
  if (!read_digits(text, n, &pos, 2, &month)) return 0;
  if (!read_char(text, n, &pos, '-')) return 0;
  if (!read_digits(text, n, &pos, 2, &day)) return 0;
  if (!time_part_is_valid(text, n, pos)) return 0;
  return bp_date_from_civil(year, month, day, out);
}

int bp_date_from_julian_int(int64_t julian, bp_day *out) {
  if (julian < BP_DAY_MIN || julian > BP_DAY_MAX) return 0;
  *out = (bp_day)julian;
  return 1;
}

int bp_date_from_julian(double julian, bp_day *out) {
  /* Same bounds test as the integer path, done in doubles first so that
  ** the conversion to milliseconds below cannot overflow. */
  if (!(julian >= BP_DAY_MIN - 1.0 && julian <= BP_DAY_MAX + 1.0)) return 0;
  int64_t ms = (int64_t)(julian * 86400000.0 + 0.5);
  int64_t day = (ms + 43200000) / 86400000;
  return bp_date_from_julian_int(day, out);
}
