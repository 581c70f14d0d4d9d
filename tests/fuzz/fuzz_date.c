/*
** fuzz_date.c: libFuzzer harness for the date parser (ext/core/bp_date.c).
**
** Every SQL function that takes a date goes through bp_date_parse_text or
** bp_date_from_julian, so they see arbitrary user bytes. This harness
** checks that they never read out of bounds and that what they accept is
** consistent with the contract (docs/reference.md):
**
**   text    on acceptance the day is in [BP_DAY_MIN, BP_DAY_MAX];
**           formatting it and parsing the result gives the same day; the
**           first 10 input bytes are exactly the formatted date; the date
**           part alone is accepted too, and anything after it starts with
**           the time separator ' ', 'T' or 't'.
**   build   a date and time built from the input (a day in range, an
**           optional time with seconds, fraction and zone) is always
**           accepted as that day, and day 32 of its month, month 13 and
**           the 30th of February are always rejected.
**   julian  when the input is 8 bytes, they are read as a double and as an
**           int64 Julian day number; on acceptance the day is in range and
**           within half a day (plus rounding) of the number.
**
** No state is kept between inputs.
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bp_date.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int day_in_range(bp_day d) { return d >= BP_DAY_MIN && d <= BP_DAY_MAX; }

/* Invariants of a text the parser accepted. */
static void check_accepted_text(const char *text, size_t n, bp_day day) {
  char formatted[BP_DATE_TEXT_SIZE];
  bp_day again = 0, date_only = 0;
  CHECK(day_in_range(day));
  bp_date_format(day, formatted);
  CHECK(strlen(formatted) == 10);
  CHECK(bp_date_parse_text(formatted, 10, &again) && again == day);
  CHECK(n >= 10 && memcmp(text, formatted, 10) == 0);
  CHECK(bp_date_parse_text(text, 10, &date_only) && date_only == day);
  if (n > 10) CHECK(text[10] == ' ' || text[10] == 'T' || text[10] == 't');

  int year, month, dom;
  bp_day rebuilt = 0;
  bp_date_to_civil(day, &year, &month, &dom);
  CHECK(bp_date_from_civil(year, month, dom, &rebuilt) && rebuilt == day);
}

/* A valid date with an optional valid time part, built from the input,
** must parse as that day; impossible variants of it must not parse. */
static void check_built_dates(const uint8_t *data, size_t size) {
  byte_reader r = {data, size, 0};
  char text[64];
  bp_day day = (bp_day)(BP_DAY_MIN + next_u32(&r) % (unsigned)(BP_DAY_MAX - BP_DAY_MIN + 1));
  bp_day parsed = 0;
  int year, month, dom;
  unsigned shape = next_byte(&r);
  bp_date_to_civil(day, &year, &month, &dom);
  int n = snprintf(text, sizeof(text), "%04d-%02d-%02d", year, month, dom);
  CHECK(n == 10);
  if (shape & 1) {
    static const char separators[] = {' ', 'T', 't'};
    n += snprintf(text + n, sizeof(text) - (size_t)n, "%c%02u:%02u", separators[(shape >> 1) % 3],
                  next_byte(&r) % 24, next_byte(&r) % 60);
    if (shape & 8) {
      n += snprintf(text + n, sizeof(text) - (size_t)n, ":%02u", next_byte(&r) % 60);
      if (shape & 16) {
        unsigned digits = 1 + next_byte(&r) % 9;
        text[n++] = '.';
        for (unsigned k = 0; k < digits; k++) text[n++] = (char)('0' + next_byte(&r) % 10);
        text[n] = '\0';
      }
    }
    switch ((shape >> 5) & 3) {
      case 0:
        break;
      case 1:
        text[n++] = 'Z';
        text[n] = '\0';
        break;
      default:
        n += snprintf(text + n, sizeof(text) - (size_t)n, "%c%02u:%02u", (shape & 128) ? '+' : '-',
                      next_byte(&r) % 15, next_byte(&r) % 60);
        break;
    }
  }
  CHECK(bp_date_parse_text(text, (size_t)n, &parsed) && parsed == day);

  /* Impossible dates: day 32, month 13, and February 30. */
  static const char *const impossible_formats[] = {"%04d-%02d-32", "%04d-13-%02d", "%04d-02-30"};
  char bad[32];
  bp_day ignored;
  snprintf(bad, sizeof(bad), impossible_formats[0], year, month);
  CHECK(!bp_date_parse_text(bad, strlen(bad), &ignored));
  snprintf(bad, sizeof(bad), impossible_formats[1], year, dom);
  CHECK(!bp_date_parse_text(bad, strlen(bad), &ignored));
  snprintf(bad, sizeof(bad), impossible_formats[2], year);
  CHECK(!bp_date_parse_text(bad, strlen(bad), &ignored));
}

static void check_julian(const uint8_t *data) {
  double julian;
  int64_t julian_int;
  bp_day day;
  memcpy(&julian, data, sizeof(julian));
  memcpy(&julian_int, data, sizeof(julian_int));
  if (bp_date_from_julian(julian, &day)) {
    CHECK(isfinite(julian));
    CHECK(day_in_range(day));
    /* day is the date of julian: julian lies in [day - 0.5, day + 0.5),
    ** up to the millisecond rounding date(x) does. */
    CHECK(fabs((double)day - julian) <= 0.5 + 1e-7);
  }
  if (bp_date_from_julian_int(julian_int, &day)) {
    CHECK(day_in_range(day) && (int64_t)day == julian_int);
  } else {
    CHECK(julian_int < BP_DAY_MIN || julian_int > BP_DAY_MAX);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  bp_day day = 0;
  /* A private copy, so that a read past the end is caught by ASan even if
  ** libFuzzer's buffer were padded. */
  char *text = malloc(size ? size : 1);
  CHECK(text != NULL);
  if (size > 0) memcpy(text, data, size);
  if (bp_date_parse_text(text, size, &day)) check_accepted_text(text, size, day);
  free(text);

  check_built_dates(data, size);
  if (size == 8) check_julian(data);
  return 0;
}
