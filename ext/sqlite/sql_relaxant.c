/*
** sql_relaxant.c: SQL bindings of the muscle relaxant functions (contract
** section 2). The logic lives in bp_relaxant.c, bp_courses.c and
** bp_dose.c; this file only reads arguments, calls the core and shapes
** results.
**
**   relaxant_ingredient(drug)                      -> TEXT or NULL
**   relaxant_end(start, days_supply)               -> TEXT date
**   relaxant_days(start, end)                      -> INTEGER
**   relaxant_overdue(start, end [, as_of [, max_days]]) -> 0/1 or NULL
**   relaxant_courses(start, end [, gap_days [, max_days]])  aggregate, JSON
**   relaxant_longest_course(start, end [, gap_days])        aggregate
**   relaxant_course_no(start, end [, gap_days]) OVER (...)  window
**   relaxant_dose_alerts(drug, dose_mg, doses_per_day [, hepatic [, age]])
**
** Every argument that is given is checked before NULL rules apply, so a
** malformed value is an error even when the answer would be NULL.
*/
#include "sql_functions.h"

SQLITE_EXTENSION_INIT3

#include <math.h>
#include <string.h>

#include "bp_content_relaxant.h"
#include "bp_courses.h"
#include "bp_dose.h"
#include "bp_relaxant.h"
#include "sql_args.h"

/* Highest accepted age in years. */
#define AGE_MAX 150.0

static void result_date(sqlite3_context *ctx, bp_day day) {
  char text[BP_DATE_TEXT_SIZE];
  bp_date_format(day, text);
  sqlite3_result_text(ctx, text, -1, SQLITE_TRANSIENT);
}

static void error_end_before_start(sqlite3_context *ctx, bp_day start, bp_day end) {
  char start_text[BP_DATE_TEXT_SIZE], end_text[BP_DATE_TEXT_SIZE];
  bp_date_format(start, start_text);
  bp_date_format(end, end_text);
  bp_sql_error(ctx, "end date %s is before start date %s", end_text, start_text);
}

void bp_sql_relaxant_ingredient(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const char *text;
  int n;
  bp_relaxant_product product;
  (void)argc;
  if (bp_arg_text(ctx, argv[0], "drug", &text, &n) != BP_ARG_OK) return;
  bp_relaxant_classify(text, (size_t)n, &product);
  if (product.ingredient != NULL) {
    sqlite3_result_text(ctx, product.ingredient, -1, SQLITE_STATIC);
  }
}

void bp_sql_relaxant_end(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  bp_day start;
  int64_t days_supply;
  (void)argc;
  bp_arg start_arg = bp_arg_date(ctx, argv[0], "start", &start);
  if (start_arg == BP_ARG_ERROR) return;
  bp_arg days_arg = bp_arg_int_at_least(ctx, argv[1], "days_supply", 1, &days_supply);
  if (days_arg == BP_ARG_ERROR || start_arg == BP_ARG_NULL || days_arg == BP_ARG_NULL) {
    return;
  }
  if (days_supply - 1 > (int64_t)BP_DAY_MAX - start) {
    char start_text[BP_DATE_TEXT_SIZE];
    bp_date_format(start, start_text);
    bp_sql_error(ctx, "days_supply %lld from start %s ends after 9999-12-31",
                 (long long)days_supply, start_text);
    return;
  }
  result_date(ctx, (bp_day)(start + days_supply - 1));
}

void bp_sql_relaxant_days(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  bp_day start, end;
  (void)argc;
  bp_arg start_arg = bp_arg_date(ctx, argv[0], "start", &start);
  if (start_arg == BP_ARG_ERROR) return;
  bp_arg end_arg = bp_arg_date(ctx, argv[1], "end", &end);
  if (end_arg == BP_ARG_ERROR || start_arg == BP_ARG_NULL || end_arg == BP_ARG_NULL) {
    return;
  }
  if (end < start) {
    error_end_before_start(ctx, start, end);
    return;
  }
  sqlite3_result_int64(ctx, (sqlite3_int64)end - start + 1);
}

void bp_sql_relaxant_overdue(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  bp_day start, end, as_of;
  int64_t max_days = bp_relaxant_max_days.value;
  bp_arg as_of_arg = BP_ARG_NULL;
  bp_arg start_arg = bp_arg_date(ctx, argv[0], "start", &start);
  if (start_arg == BP_ARG_ERROR) return;
  bp_arg end_arg = bp_arg_date(ctx, argv[1], "end", &end);
  if (end_arg == BP_ARG_ERROR) return;
  if (argc > 2) {
    as_of_arg = bp_arg_date(ctx, argv[2], "as_of", &as_of);
    if (as_of_arg == BP_ARG_ERROR) return;
  }
  if (argc > 3 && bp_arg_int_at_least(ctx, argv[3], "max_days", 1, &max_days) == BP_ARG_ERROR) {
    return;
  }
  if (start_arg == BP_ARG_NULL) return;
  if (end_arg == BP_ARG_OK && end < start) {
    error_end_before_start(ctx, start, end);
    return;
  }
  if (end_arg == BP_ARG_NULL && as_of_arg == BP_ARG_NULL) return;
  if (as_of_arg == BP_ARG_OK && as_of < start) {
    sqlite3_result_int(ctx, 0);
    return;
  }
  /* The last day: end, cut at as_of; an open end runs to as_of. */
  int runs_to_as_of = end_arg == BP_ARG_NULL || (as_of_arg == BP_ARG_OK && as_of < end);
  bp_day last = runs_to_as_of ? as_of : end;
  sqlite3_result_int(ctx, (int64_t)last - start + 1 > max_days);
}

/* ---- Aggregates: fills collected per group, sorted once at the end ---- */

/* Fills kept inside the aggregate context before any allocation. */
#define INLINE_FILLS 8

typedef struct {
  bp_fill *fills; /* inline_fills, or an sqlite3_malloc64 block */
  sqlite3_int64 count;
  sqlite3_int64 capacity;
  int has_params; /* gap_days and max_days below are set */
  int64_t gap_days;
  int64_t max_days;
  bp_fill inline_fills[INLINE_FILLS];
} fill_collector;

static int collector_append(fill_collector *c, bp_fill fill) {
  if (c->fills == NULL) {
    c->fills = c->inline_fills;
    c->capacity = INLINE_FILLS;
  }
  if (c->count == c->capacity) {
    sqlite3_int64 capacity = c->capacity * 2;
    bp_fill *grown;
    if (c->fills == c->inline_fills) {
      grown = sqlite3_malloc64((sqlite3_uint64)capacity * sizeof(bp_fill));
      if (grown != NULL) memcpy(grown, c->fills, sizeof(c->inline_fills));
    } else {
      grown = sqlite3_realloc64(c->fills, (sqlite3_uint64)capacity * sizeof(bp_fill));
    }
    if (grown == NULL) return 0;
    c->fills = grown;
    c->capacity = capacity;
  }
  c->fills[c->count++] = fill;
  return 1;
}

static void collector_free(fill_collector *c) {
  if (c->fills != c->inline_fills) sqlite3_free(c->fills);
  c->fills = NULL;
  c->count = 0;
  c->capacity = 0;
}

/* Checks that a group parameter is the same on every row. */
static int same_param(sqlite3_context *ctx, const char *name, int64_t before, int64_t now) {
  if (before == now) return 1;
  bp_sql_error(ctx, "%s must be the same on every row of a group, got %lld and %lld", name,
               (long long)before, (long long)now);
  return 0;
}

/*
** Reads the optional gap_days (argv[2]) and, when max_days is not NULL,
** max_days (argv[3]) of a row; NULL or absent means the default. The
** first row sets them, later rows must repeat them. Returns 0 after
** setting an error.
*/
static int read_group_params(sqlite3_context *ctx, int argc, sqlite3_value **argv, int *has_params,
                             int64_t *gap_days, int64_t *max_days) {
  int64_t gap = bp_relaxant_gap_days.value;
  int64_t max = bp_relaxant_max_days.value;
  if (argc > 2 && bp_arg_int_at_least(ctx, argv[2], "gap_days", 0, &gap) == BP_ARG_ERROR) {
    return 0;
  }
  if (max_days != NULL && argc > 3 &&
      bp_arg_int_at_least(ctx, argv[3], "max_days", 1, &max) == BP_ARG_ERROR) {
    return 0;
  }
  if (*has_params) {
    return same_param(ctx, "gap_days", *gap_days, gap) &&
           (max_days == NULL || same_param(ctx, "max_days", *max_days, max));
  }
  *has_params = 1;
  *gap_days = gap;
  if (max_days != NULL) *max_days = max;
  return 1;
}

/*
** Reads the start and end of a fill. Returns BP_ARG_OK for a fill to use,
** BP_ARG_NULL for a row to skip, BP_ARG_ERROR after setting an error.
*/
static bp_arg read_fill(sqlite3_context *ctx, sqlite3_value **argv, bp_fill *fill) {
  bp_arg start_arg = bp_arg_date(ctx, argv[0], "start", &fill->start);
  if (start_arg == BP_ARG_ERROR) return BP_ARG_ERROR;
  bp_arg end_arg = bp_arg_date(ctx, argv[1], "end", &fill->end);
  if (end_arg == BP_ARG_ERROR) return BP_ARG_ERROR;
  if (start_arg == BP_ARG_NULL || end_arg == BP_ARG_NULL) return BP_ARG_NULL;
  if (fill->end < fill->start) {
    error_end_before_start(ctx, fill->start, fill->end);
    return BP_ARG_ERROR;
  }
  return BP_ARG_OK;
}

void bp_sql_collect_fill_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  fill_collector *c = sqlite3_aggregate_context(ctx, sizeof(*c));
  bp_fill fill;
  if (c == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if (!read_group_params(ctx, argc, argv, &c->has_params, &c->gap_days, &c->max_days)) {
    return;
  }
  if (read_fill(ctx, argv, &fill) != BP_ARG_OK) return;
  if (!collector_append(c, fill)) sqlite3_result_error_nomem(ctx);
}

static void append_course_json(sqlite3_str *out, const bp_course *course, int64_t max_days,
                               int first) {
  char start[BP_DATE_TEXT_SIZE], end[BP_DATE_TEXT_SIZE];
  int64_t span = bp_course_span(course);
  bp_date_format(course->start, start);
  bp_date_format(course->end, end);
  sqlite3_str_appendf(out,
                      "%s{\"start\":\"%s\",\"end\":\"%s\",\"span_days\":%lld,"
                      "\"covered_days\":%lld,\"fills\":%lld,\"overdue\":%s}",
                      first ? "" : ",", start, end, (long long)span,
                      (long long)course->covered_days, (long long)course->fills,
                      span > max_days ? "true" : "false");
}

void bp_sql_relaxant_courses_final(sqlite3_context *ctx) {
  fill_collector *c = sqlite3_aggregate_context(ctx, 0);
  bp_course_builder builder;
  bp_course closed;
  sqlite3_str *out;
  if (c == NULL || c->count == 0) goto done;
  bp_fills_sort(c->fills, (size_t)c->count);
  bp_course_builder_init(&builder, c->gap_days);
  out = sqlite3_str_new(sqlite3_context_db_handle(ctx));
  sqlite3_str_appendchar(out, 1, '[');
  for (sqlite3_int64 i = 0; i < c->count; i++) {
    if (bp_course_builder_add(&builder, c->fills[i], &closed) == BP_FILL_NEW_COURSE &&
        builder.course_no > 1) {
      append_course_json(out, &closed, c->max_days, builder.course_no == 2);
    }
  }
  append_course_json(out, &builder.current, c->max_days, builder.course_no == 1);
  sqlite3_str_appendchar(out, 1, ']');
  bp_result_str(ctx, out);
done:
  if (c != NULL) collector_free(c);
}

void bp_sql_relaxant_longest_course_final(sqlite3_context *ctx) {
  fill_collector *c = sqlite3_aggregate_context(ctx, 0);
  bp_course_builder builder;
  bp_course closed;
  int64_t longest = 0;
  if (c == NULL || c->count == 0) goto done;
  bp_fills_sort(c->fills, (size_t)c->count);
  bp_course_builder_init(&builder, c->gap_days);
  for (sqlite3_int64 i = 0; i < c->count; i++) {
    if (bp_course_builder_add(&builder, c->fills[i], &closed) == BP_FILL_NEW_COURSE &&
        builder.course_no > 1 && bp_course_span(&closed) > longest) {
      longest = bp_course_span(&closed);
    }
  }
  if (bp_course_span(&builder.current) > longest) {
    longest = bp_course_span(&builder.current);
  }
  sqlite3_result_int64(ctx, longest);
done:
  if (c != NULL) collector_free(c);
}

/* ---- Window function: the course number of each fill ---------------- */

/*
** SQLite calls xValue once per peer group of the default frame (RANGE
** BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), after stepping every peer.
** Peers under ORDER BY start share their start, so they share a course. A
** frame that reaches past the current row shows up as rows with different
** starts stepped before one xValue; a frame that ends before the current
** row shows up as an xValue with no row stepped since the last one. Both
** are errors, as is xInverse (a frame that drops rows).
*/
typedef struct {
  bp_course_builder builder;
  int has_params;
  int64_t gap_days;
  sqlite3_int64 steps;     /* rows stepped in this partition */
  sqlite3_int64 values;    /* xValue calls in this partition */
  sqlite3_int64 pending;   /* rows stepped since the last xValue */
  int pending_start_known; /* pending rows have a non-NULL start ... */
  bp_day pending_start;    /* ... equal to this */
  int pending_mixed;       /* pending rows do not all share one start */
  int pending_fill;        /* a pending row was a usable fill */
} course_no_state;

/* Every misuse (plain aggregate, a frame other than the default, EXCLUDE,
** which SQLite computes through xFinal) gets this one message. */
static void frame_error(sqlite3_context *ctx) {
  bp_sql_error(ctx,
               "must be used as a window function with the default frame: "
               "OVER (PARTITION BY ... ORDER BY start)");
}

void bp_sql_relaxant_course_no_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  course_no_state *s = sqlite3_aggregate_context(ctx, sizeof(*s));
  bp_fill fill;
  if (s == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if (!read_group_params(ctx, argc, argv, &s->has_params, &s->gap_days, NULL)) {
    return;
  }
  if (s->steps == 0) bp_course_builder_init(&s->builder, s->gap_days);
  bp_arg fill_arg = read_fill(ctx, argv, &fill);
  if (fill_arg == BP_ARG_ERROR) return;
  /* A row whose start is NULL counts as a start unlike any date. */
  int start_known = sqlite3_value_type(argv[0]) != SQLITE_NULL;
  if (s->pending == 0) {
    s->pending_start_known = start_known;
    s->pending_start = fill.start;
  } else if (start_known != s->pending_start_known ||
             (start_known && fill.start != s->pending_start)) {
    s->pending_mixed = 1;
  }
  s->steps++;
  s->pending++;
  if (fill_arg == BP_ARG_NULL) return;
  bp_day previous_start = s->builder.last_start;
  if (bp_course_builder_add(&s->builder, fill, NULL) == BP_FILL_OUT_OF_ORDER) {
    char now[BP_DATE_TEXT_SIZE], before[BP_DATE_TEXT_SIZE];
    bp_date_format(fill.start, now);
    bp_date_format(previous_start, before);
    bp_sql_error(ctx,
                 "rows must come in ascending start order "
                 "(ORDER BY start), got %s after %s",
                 now, before);
    return;
  }
  s->pending_fill = 1;
}

void bp_sql_relaxant_course_no_value(sqlite3_context *ctx) {
  course_no_state *s = sqlite3_aggregate_context(ctx, sizeof(*s));
  if (s == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if (s->pending == 0 || s->pending_mixed) {
    frame_error(ctx);
    return;
  }
  if (s->pending_fill) sqlite3_result_int64(ctx, s->builder.course_no);
  s->values++;
  s->pending = 0;
  s->pending_mixed = 0;
  s->pending_fill = 0;
}

void bp_sql_relaxant_course_no_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  frame_error(ctx);
}

void bp_sql_relaxant_course_no_final(sqlite3_context *ctx) {
  course_no_state *s = sqlite3_aggregate_context(ctx, 0);
  if (s != NULL && s->steps > 0 && s->values == 0) {
    frame_error(ctx);
  } else if (s != NULL && s->builder.course_no > 0) {
    sqlite3_result_int64(ctx, s->builder.course_no);
  }
}

/* ---- Cyclobenzaprine label checks ------------------------------------ */

void bp_sql_relaxant_dose_alerts(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const char *drug = NULL;
  int drug_bytes = 0;
  bp_dose_facts facts;
  const char *codes[BP_DOSE_MAX_ALERTS];
  memset(&facts, 0, sizeof(facts));

  bp_arg drug_arg = bp_arg_text(ctx, argv[0], "drug", &drug, &drug_bytes);
  if (drug_arg == BP_ARG_ERROR) return;
  bp_arg dose_arg =
      bp_arg_number_in(ctx, argv[1], "dose_mg", 0, 1, HUGE_VAL, "a number > 0", &facts.dose_mg);
  if (dose_arg == BP_ARG_ERROR) return;
  bp_arg per_day_arg = bp_arg_number_in(ctx, argv[2], "doses_per_day", 1, 0, HUGE_VAL,
                                        "a number >= 1", &facts.doses_per_day);
  if (per_day_arg == BP_ARG_ERROR) return;
  if (argc > 3) {
    int hepatic;
    bp_arg hepatic_arg =
        bp_arg_name_in(ctx, argv[3], "hepatic", bp_hepatic_names, BP_HEPATIC_COUNT, &hepatic);
    if (hepatic_arg == BP_ARG_ERROR) return;
    facts.hepatic_known = hepatic_arg == BP_ARG_OK;
    facts.hepatic = facts.hepatic_known ? (bp_hepatic)hepatic : BP_HEPATIC_NONE;
  }
  if (argc > 4) {
    bp_arg age_arg = bp_arg_number_in(ctx, argv[4], "age", 0, 0, AGE_MAX,
                                      "a number of years from 0 to 150", &facts.age);
    if (age_arg == BP_ARG_ERROR) return;
    facts.age_known = age_arg == BP_ARG_OK;
  }
  if (drug_arg == BP_ARG_NULL || dose_arg == BP_ARG_NULL || per_day_arg == BP_ARG_NULL) {
    return;
  }

  bp_relaxant_product product;
  bp_relaxant_classify(drug, (size_t)drug_bytes, &product);
  if (product.ingredient == NULL || strcmp(product.ingredient, bp_dose_rule_ingredient) != 0 ||
      product.outside_back_pain) {
    return;
  }
  facts.release = product.extended_release ? BP_RELEASE_EXTENDED : BP_RELEASE_IMMEDIATE;
  size_t count = bp_dose_alerts(&facts, codes);

  sqlite3_str *out = sqlite3_str_new(sqlite3_context_db_handle(ctx));
  sqlite3_str_appendchar(out, 1, '[');
  for (size_t i = 0; i < count; i++) {
    sqlite3_str_appendf(out, "%s\"%s\"", i == 0 ? "" : ",", codes[i]);
  }
  sqlite3_str_appendchar(out, 1, ']');
  bp_result_str(ctx, out);
}
