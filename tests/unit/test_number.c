/*
** test_number.c: unit tests of bp_number (no SQLite): strict number and
** integer parsing, and the SQLite-style number formatting of error
** messages, first in the C locale and then again under a locale whose
** decimal separator is a comma (de_DE.UTF-8), where strtod() and printf()
** of the C library read and write "10,5". The answers must not change.
*/
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bp_common.h"
#include "bp_number.h"
#include "tap.h"

static void test_parse(const char *locale_name) {
  static const struct {
    const char *text;
    int ok;
    double value;
  } cases[] = {
      {"0", 1, 0},       {"21", 1, 21},       {"-3", 1, -3},
      {"+4", 1, 4},      {"7.5", 1, 7.5},     {".5", 1, 0.5},
      {"5.", 1, 5},      {"1e3", 1, 1000},    {"2.5E-1", 1, 0.25},
      {"1e+2", 1, 100},  {"1.5E+3", 1, 1500}, {"-.5e1", 1, -5},
      {"10.5", 1, 10.5}, {"12.5", 1, 12.5},   {"0.30", 1, 0.3},
      {"1e-400", 1, 0},  {"0.1", 1, 0.1},     {"123456789.125e-3", 1, 123456.789125},
      {"", 0, 0},        {" 1", 0, 0},        {"1 ", 0, 0},
      {"1a", 0, 0},      {"0x10", 0, 0},      {"inf", 0, 0},
      {"nan", 0, 0},     {"1e", 0, 0},        {"e5", 0, 0},
      {".", 0, 0},       {"-", 0, 0},         {"1e999", 0, 0},
      {"1,5", 0, 0},     {"--1", 0, 0},       {"1e99999999999999", 0, 0},
      {"1e5x", 0, 0},    {"2.5e-", 0, 0},
  };
  for (size_t i = 0; i < BP_COUNT(cases); i++) {
    double v = -99;
    int ok = bp_number_parse(cases[i].text, strlen(cases[i].text), &v);
    tap_ok(ok == cases[i].ok && (!ok || v == cases[i].value), "%s: number '%s' %s", locale_name,
           cases[i].text, cases[i].ok ? "accepted with its value" : "rejected");
  }
  /* Correct rounding comes from strtod: 0.1 and 0.3 are the doubles nearest
  ** to them, as the compiler's own literals are. */
  double v;
  tap_ok(bp_number_parse("0.30000000000000004", 19, &v) && v == 0.30000000000000004,
         "%s: 0.30000000000000004 is the double next to 0.3", locale_name);
  char long_number[100];
  memset(long_number, '1', sizeof(long_number));
  tap_ok(!bp_number_parse(long_number, sizeof(long_number), &v),
         "%s: a 100-digit number text is rejected, not read past a buffer", locale_name);
}

static void test_parse_int(void) {
  static const struct {
    const char *text;
    int ok;
    long long value;
  } cases[] = {
      {"0", 1, 0},
      {"21", 1, 21},
      {"-3", 1, -3},
      {"+4", 1, 4},
      {"9223372036854775807", 1, 9223372036854775807LL},
      {"-9223372036854775808", 1, -9223372036854775807LL - 1},
      {"9223372036854775808", 0, 0},
      {"-9223372036854775809", 0, 0},
      {"99999999999999999999", 0, 0},
      {"", 0, 0},
      {"-", 0, 0},
      {"1.0", 0, 0},
      {"1e3", 0, 0},
      {" 1", 0, 0},
  };
  for (size_t i = 0; i < BP_COUNT(cases); i++) {
    int64_t v = -99;
    int ok = bp_number_parse_int(cases[i].text, strlen(cases[i].text), &v);
    tap_ok(ok == cases[i].ok && (!ok || v == cases[i].value), "integer '%s' %s", cases[i].text,
           cases[i].ok ? "accepted exactly" : "rejected");
  }
}

/* Expected texts are what SQLite's printf('%!.15g', x) gives for x (checked
** with the sqlite3 shell), written down by hand. */
static void test_format(const char *locale_name) {
  static const struct {
    double value;
    const char *text;
  } cases[] = {
      {1.5, "1.5"},
      {2.0, "2.0"},
      {-3.0, "-3.0"},
      {10.5, "10.5"},
      {1e20, "1.0e+20"},
      {1.25e-7, "1.25e-07"},
      {123456789012345678.0, "1.23456789012346e+17"},
      {-0.0, "0.0"},
      {0.0, "0.0"},
      {0.1, "0.1"},
      {1e15, "1.0e+15"},
      {1e14, "100000000000000.0"},
      {100.0, "100.0"},
      {1.7976931348623157e308, "1.79769313486232e+308"},
      {0.30000000000000004, "0.3"},
      {12345.678, "12345.678"},
      {0.0001, "0.0001"},
      {0.00001, "1.0e-05"},
      {-2.5e-300, "-2.5e-300"},
      {HUGE_VAL, "Inf"},
      {-HUGE_VAL, "-Inf"},
      {NAN, "NaN"},
  };
  for (size_t i = 0; i < BP_COUNT(cases); i++) {
    char out[BP_NUMBER_FORMAT_SIZE];
    bp_number_format(cases[i].value, out);
    tap_is_str(out, cases[i].text, "%s: %s formatted", locale_name, cases[i].text);
  }
}

/* Switches to a comma-decimal locale; the Makefile builds one under
** build/locale (localedef, from Debian's locales package) when the system
** has none. Returns 1 when printf() of the C library then writes "0,5". */
static int use_comma_locale(void) {
  if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL) {
    setenv("LOCPATH", "build/locale", 1);
    if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL) return 0;
  }
  char probe[16];
  snprintf(probe, sizeof(probe), "%.1f", 0.5);
  return strcmp(probe, "0,5") == 0;
}

/* Whole numbers, as printf("%lld") writes them: the extremes, zero, and
** lengths that cross a power of ten. */
static void test_format_int(void) {
  static const struct {
    int64_t value;
    const char *text;
  } cases[] = {
      {0, "0"},
      {7, "7"},
      {-1, "-1"},
      {10, "10"},
      {-21, "-21"},
      {999, "999"},
      {1000, "1000"},
      {INT64_MAX, "9223372036854775807"},
      {INT64_MIN, "-9223372036854775808"},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    char out[BP_NUMBER_FORMAT_SIZE];
    size_t length = bp_number_format_int(cases[i].value, out);
    tap_ok(strcmp(out, cases[i].text) == 0 && length == strlen(cases[i].text),
           "bp_number_format_int writes %s", cases[i].text);
  }
}

int main(void) {
  test_format_int();
  test_parse("C locale");
  test_parse_int();
  test_format("C locale");
  if (tap_ok(use_comma_locale(),
             "de_DE.UTF-8 is in use and the C library writes 0.5 as 0,5 "
             "(make build/locale builds it)")) {
    test_parse("de_DE.UTF-8");
    test_format("de_DE.UTF-8");
  }
  return tap_done();
}
