/*
** test_date.c: unit tests of bp_date (no SQLite). Reference Julian Day
** Numbers: 2000-01-01 is 2451545 (the J2000 epoch, noon), 1970-01-01 is
** 2440588 (the Unix epoch at noon), 0000-01-01 is 1721060 and 9999-12-31
** is 5373484 (SQLite's julianday() gives these minus 0.5 at midnight).
*/
#include <string.h>

#include "bp_common.h"
#include "bp_date.h"
#include "tap.h"

static int parse(const char *text, bp_day *out) {
  return bp_date_parse_text(text, strlen(text), out);
}

static void test_known_days(void) {
  static const struct {
    const char *text;
    bp_day day;
  } known[] = {
      {"2000-01-01", 2451545}, {"1970-01-01", 2440588}, {"0000-01-01", 1721060},
      {"9999-12-31", 5373484}, {"2024-01-01", 2460311}, {"2024-02-29", 2460370},
      {"2024-03-01", 2460371}, {"1900-03-01", 2415080}, {"0000-02-29", 1721119},
  };
  for (size_t i = 0; i < BP_COUNT(known); i++) {
    bp_day d = 0;
    char text[BP_DATE_TEXT_SIZE];
    tap_ok(parse(known[i].text, &d) && d == known[i].day, "%s is day %d", known[i].text,
           (int)known[i].day);
    bp_date_format(known[i].day, text);
    tap_is_str(text, known[i].text, "day %d formats as %s", (int)known[i].day, known[i].text);
  }
}

static void test_accepted_forms(void) {
  static const char *const forms[] = {
      "2024-01-01",
      "2024-01-01 10:00",
      "2024-01-01T10:00",
      "2024-01-01t10:00",
      "2024-01-01 10:00:59",
      "2024-01-01 23:59:59.999",
      "2024-01-01T10:00:00.123456",
      "2024-01-01T10:00Z",
      "2024-01-01T10:00:00z",
      "2024-01-01T23:30:00+05:30",
      "2024-01-01T00:30:00.5-08:00",
      "2024-01-01T10:00:00.25Z",
      "2024-01-01 10:00-14:00",
  };
  for (size_t i = 0; i < BP_COUNT(forms); i++) {
    bp_day d = 0;
    /* The time part, zone included, never moves the calendar date. */
    tap_ok(parse(forms[i], &d) && d == 2460311, "accepted, date 2024-01-01: '%s'", forms[i]);
  }
}

static void test_rejected_forms(void) {
  static const char *const rejected[] = {
      "",
      "2024",
      "2024-01",
      "2024-1-01",
      "2024-01-1",
      "24-01-01",
      "2024/01/01",
      "20240101",
      " 2024-01-01",
      "2024-01-01 ",
      "+2024-01-01",
      "-2024-01-01",
      "12024-01-01",
      "2024-01-01T",
      "2024-01-01 10",
      "2024-01-01 10:",
      "2024-01-01 1:00",
      "2024-01-01 24:00",
      "2024-01-01 10:60",
      "2024-01-01 10:00:60",
      "2024-01-01 10:00:00.",
      "2024-01-01 10:00:00,5",
      "2024-01-01Z",
      "2024-01-01 10:00 Z",
      "2024-01-01 10:00+5:30",
      "2024-01-01 10:00+0530",
      "2024-01-01 10:00+15:00",
      "2024-01-01 10:00+05:60",
      "2024-01-01 10:00Zx",
      "2024-01-01x",
      "2024-00-10",
      "2024-13-01",
      "2024-01-00",
      "2024-01-32",
      "2024-02-30",
      "2023-02-29",
      "1900-02-29",
      "2024-04-31",
      "2024-06-31",
      "2024-09-31",
      "2024-11-31",
      "yyyy-mm-dd",
      "２０２４-01-01",
  };
  for (size_t i = 0; i < BP_COUNT(rejected); i++) {
    bp_day d = 0;
    tap_ok(!parse(rejected[i], &d), "rejected: '%s'", rejected[i]);
  }
  bp_day d = 0;
  tap_ok(!bp_date_parse_text("2024-01-01\0"
                             "10:00",
                             16, &d),
         "rejected: a NUL byte inside the text");
  tap_ok(bp_date_parse_text("2024-01-01xyz", 10, &d) && d == 2460311,
         "only the given length is read");
}

static void test_leap_years(void) {
  bp_day d;
  tap_ok(parse("2000-02-29", &d), "2000 is a leap year (divisible by 400)");
  tap_ok(!parse("2100-02-29", &d), "2100 is not a leap year (divisible by 100)");
  tap_ok(parse("2096-02-29", &d), "2096 is a leap year (divisible by 4)");
  tap_ok(parse("0000-02-29", &d), "year 0 is a leap year (proleptic Gregorian)");
}

/* Every valid calendar date from 0000-01-01 to 9999-12-31, found by a naive
** month-length table, must map to consecutive days, and back. */
static void test_every_day(void) {
  static const int month_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  long long count = 0, mismatches = 0;
  bp_day expected = BP_DAY_MIN;
  for (int y = 0; y <= 9999; y++) {
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    for (int m = 1; m <= 12; m++) {
      int length = month_days[m - 1] + (m == 2 && leap);
      for (int dd = 1; dd <= length; dd++) {
        bp_day d = 0;
        int yy, mm, dd2;
        char text[BP_DATE_TEXT_SIZE];
        if (!bp_date_from_civil(y, m, dd, &d) || d != expected) {
          mismatches++;
        } else {
          bp_date_to_civil(d, &yy, &mm, &dd2);
          bp_date_format(d, text);
          bp_day reparsed = 0;
          if (yy != y || mm != m || dd2 != dd || !parse(text, &reparsed) || reparsed != d) {
            mismatches++;
          }
        }
        expected++;
        count++;
      }
      if (bp_date_from_civil(y, m, length + 1, &(bp_day){0})) mismatches++;
    }
  }
  tap_is_int(count, 3652425, "10000 Gregorian years hold 3652425 days");
  tap_is_int(mismatches, 0, "every day converts to consecutive numbers and back");
  tap_is_int(expected - 1, BP_DAY_MAX, "the last day is BP_DAY_MAX");
}

static void test_julian(void) {
  static const struct {
    double julian;
    int ok;
    const char *date;
  } cases[] = {
      /* The day changes at x.5 (midnight), as in SQLite's date(x). */
      {2460310.5, 1, "2024-01-01"},
      {2460310.4999, 1, "2023-12-31"},
      {2460311.0, 1, "2024-01-01"},
      {2460311.4999, 1, "2024-01-01"},
      {2460311.5, 1, "2024-01-02"},
      /* SQLite rounds to whole milliseconds first: 0.4999999999 of a day
      ** is 43199999.99999 ms, which rounds to 43200000, i.e. midnight;
      ** 0.49999999 is 43199999.136 ms, still the day before. Checked
      ** against sqlite3 3.40: date(2460310.4999999999) = 2024-01-01,
      ** date(2460310.49999999) = 2023-12-31. */
      {2460310.4999999999, 1, "2024-01-01"},
      {2460310.49999999, 1, "2023-12-31"},
      {1721059.5, 1, "0000-01-01"},
      {1721059.4999, 0, NULL},
      {5373484.4999, 1, "9999-12-31"},
      {5373484.5, 0, NULL},
      {0.0, 0, NULL},
      {-1.0, 0, NULL},
      {1e300, 0, NULL},
      {-1e300, 0, NULL},
  };
  for (size_t i = 0; i < BP_COUNT(cases); i++) {
    bp_day d = 0;
    int ok = bp_date_from_julian(cases[i].julian, &d);
    if (cases[i].ok) {
      char text[BP_DATE_TEXT_SIZE] = "";
      if (ok) bp_date_format(d, text);
      tap_ok(ok && strcmp(text, cases[i].date) == 0, "julian %.10f is %s (got %s)", cases[i].julian,
             cases[i].date, text);
    } else {
      tap_ok(!ok, "julian %.10g is out of range", cases[i].julian);
    }
  }
  bp_day d = 0;
  double inf = 1.0 / 0.0;
  tap_ok(!bp_date_from_julian(inf, &d), "+infinity is rejected");
  tap_ok(!bp_date_from_julian(-inf, &d), "-infinity is rejected");
  tap_ok(!bp_date_from_julian(inf - inf, &d), "NaN is rejected");
  tap_ok(bp_date_from_julian_int(2460311, &d) && d == 2460311,
         "integer julian 2460311 is 2024-01-01");
  tap_ok(!bp_date_from_julian_int(BP_DAY_MIN - 1, &d), "integer before 0000-01-01");
  tap_ok(!bp_date_from_julian_int(BP_DAY_MAX + 1, &d), "integer after 9999-12-31");
  tap_ok(!bp_date_from_julian_int(INT64_MIN, &d), "INT64_MIN is rejected");
  tap_ok(!bp_date_from_julian_int(INT64_MAX, &d), "INT64_MAX is rejected");
}

int main(void) {
  test_known_days();
  test_accepted_forms();
  test_rejected_forms();
  test_leap_years();
  test_every_day();
  test_julian();
  return tap_done();
}
