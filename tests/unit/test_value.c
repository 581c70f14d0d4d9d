/*
** test_value.c: unit tests of bp_value (no engine) for what only an engine
** with typed values can hand the core: a date of the engine's date type,
** including PostgreSQL's infinite dates and years past 9999, and a value of
** an engine type the core does not read (BP_VALUE_OTHER). Each reader must
** refuse such a value with the usual message naming the argument; every
** expected text is written out by hand.
*/
#include <stdint.h>
#include <string.h>

#include "bp_common.h"
#include "bp_value.h"
#include "tap.h"

/* 2024-01-01 is Julian day 2460311. */
#define JAN_1_2024 2460311

static void test_display(void) {
  char out[BP_VALUE_DISPLAY_SIZE];
  bp_value v = bp_value_date(JAN_1_2024 + 30);
  bp_value_display(&v, out);
  tap_is_str(out, "2024-01-31", "a date shows as YYYY-MM-DD");
  v = bp_value_date(BP_DAY_MAX + 1);
  bp_value_display(&v, out);
  tap_is_str(out, "10000-01-01", "the day after 9999-12-31 shows its five-digit year");
  v = bp_value_date(BP_DAY_MIN - 1);
  bp_value_display(&v, out);
  tap_is_str(out, "-0001-12-31", "the day before 0000-01-01 shows a four-digit year and its sign");
  v = bp_value_date(0);
  bp_value_display(&v, out);
  tap_is_str(out, "-4713-11-24", "Julian day 0 is 24 November 4714 BC (astronomical year -4713)");
  v = bp_value_date(-5);
  bp_value_display(&v, out);
  tap_is_str(out, "Julian day -5", "a day before Julian day 0 shows as its number");
  v = bp_value_date((int64_t)INT32_MAX + 1);
  bp_value_display(&v, out);
  tap_is_str(out, "Julian day 2147483648", "a day past int32 shows as its number");
  v = bp_value_date(BP_JULIAN_INFINITY);
  bp_value_display(&v, out);
  tap_is_str(out, "infinity", "an infinite date shows as infinity");
  v = bp_value_date(BP_JULIAN_MINUS_INFINITY);
  bp_value_display(&v, out);
  tap_is_str(out, "-infinity", "a minus-infinite date shows as -infinity");
  v = bp_value_other("interval", strlen("interval"));
  bp_value_display(&v, out);
  tap_is_str(out, "a value of type interval", "another engine type shows by its name");
  static const char long_name[] = "a_schema_with_a_long_name.a_type_with_a_long_name";
  v = bp_value_other(long_name, strlen(long_name));
  bp_value_display(&v, out);
  tap_is_str(out, "a value of type a_schema_with_a_long_name.a_type_with_a_...",
             "a long type name is cut to 40 characters");
}

static void test_dates(void) {
  bp_call call;
  bp_day day = 0;
  bp_value v = bp_value_date(JAN_1_2024);
  bp_call_init(&call, "f");
  tap_is_int(bp_read_date(&call, &v, "start", &day), BP_ARG_OK, "an engine date is read");
  tap_is_int(day, JAN_1_2024, "... as its Julian day");

  static const struct {
    const char *label;
    int64_t julian;
    const char *message;
  } refused[] = {
      {"infinity", BP_JULIAN_INFINITY,
       "f(): start must be a date (YYYY-MM-DD or a Julian day number), got infinity"},
      {"-infinity", BP_JULIAN_MINUS_INFINITY,
       "f(): start must be a date (YYYY-MM-DD or a Julian day number), got -infinity"},
      {"10000-01-01", BP_DAY_MAX + 1,
       "f(): start must be a date (YYYY-MM-DD or a Julian day number), got 10000-01-01"},
  };
  for (size_t i = 0; i < BP_COUNT(refused); i++) {
    v = bp_value_date(refused[i].julian);
    bp_call_init(&call, "f");
    tap_is_int(bp_read_date(&call, &v, "start", &day), BP_ARG_ERROR, "date %s is refused",
               refused[i].label);
    tap_is_str(call.message, refused[i].message, "... with the date error");
    tap_is_int(call.status, BP_STATUS_DATETIME_OVERFLOW, "... as a date out of range");
  }
}

static void test_other_type(void) {
  bp_call call;
  bp_day day;
  int64_t integer;
  double number;
  int flag, index;
  const char *text;
  size_t length;
  char number_text[BP_NUMBER_TEXT_SIZE];
  static const char *const names[] = {"none", "mild"};
  bp_value v = bp_value_other("interval", strlen("interval"));

  bp_call_init(&call, "f");
  tap_is_int(bp_read_date(&call, &v, "onset", &day), BP_ARG_ERROR, "a date reader refuses it");
  tap_is_str(call.message,
             "f(): onset must be a date (YYYY-MM-DD or a Julian day number), got a value of type "
             "interval",
             "... naming the argument and the type");
  tap_is_int(call.status, BP_STATUS_INVALID_PARAMETER, "... as an invalid parameter");

  bp_call_init(&call, "f");
  tap_is_int(bp_read_int_at_least(&call, &v, "gap_days", 0, &integer), BP_ARG_ERROR,
             "an integer reader refuses it");
  tap_is_str(call.message, "f(): gap_days must be an integer >= 0, got a value of type interval",
             "... naming the argument and the type");
  tap_is_int(call.status, BP_STATUS_INVALID_PARAMETER, "... as an invalid parameter");

  bp_call_init(&call, "f");
  tap_is_int(
      bp_read_number_in(&call, &v, "age", 0, 0, 150, "a number of years from 0 to 150", &number),
      BP_ARG_ERROR, "a number reader refuses it");
  tap_is_str(call.message,
             "f(): age must be a number of years from 0 to 150, got a value of type interval",
             "... naming the argument and the type");

  bp_call_init(&call, "f");
  tap_is_int(bp_read_flag(&call, &v, "spasm", &flag), BP_ARG_ERROR, "a flag reader refuses it");
  tap_is_str(call.message, "f(): spasm must be 1 or 0, got a value of type interval",
             "... naming the argument and the type");

  bp_call_init(&call, "f");
  tap_is_int(bp_read_text(&call, &v, "drug", number_text, &text, &length), BP_ARG_ERROR,
             "a text reader refuses it");
  tap_is_str(call.message, "f(): drug must be text, got a value of type interval",
             "... naming the argument and the type");

  bp_call_init(&call, "f");
  tap_is_int(bp_read_name_in(&call, &v, "hepatic", names, 2, &index), BP_ARG_ERROR,
             "a vocabulary reader refuses it");
  tap_is_str(call.message, "f(): hepatic must be text, got a value of type interval",
             "... naming the argument and the type");
}

int main(void) {
  test_display();
  test_dates();
  test_other_type();
  return tap_done();
}
