/*
** sqlite_courses.c: the course functions in SQLite's terms (contract
** section 2): the aggregates relaxant_courses and relaxant_longest_course,
** and the window function relaxant_course_no. Reading a row and computing
** courses are the core's (bp_course_read_row, bp_courses_*); this file
** keeps the fills of a group, and tells a proper window frame from misuse.
**
** Memory: an aggregate keeps 8 bytes per fill (bp_fill), the first 8 fills
** inside its context, then in a block that doubles as it grows (so at most
** 16 bytes per fill). A group may hold at most as many bytes of fills as the
** connection's length limit (SQLITE_LIMIT_LENGTH, 1,000,000,000 by
** default): past it the step fails with "too big", as json_group_array()
** does. After any failed step, the final step does no work: the first
** error is the one reported.
*/
#include "sqlite_binding.h"

SQLITE_EXTENSION_INIT3

#include <string.h>

/* Fills kept inside the aggregate context before any allocation. */
#define INLINE_FILLS 8

typedef struct {
  bp_fill *fills; /* inline_fills, or an sqlite3_malloc64 block */
  sqlite3_int64 count;
  sqlite3_int64 capacity;
  int failed; /* a step failed: the final step does nothing */
  bp_course_params params;
  bp_fill inline_fills[INLINE_FILLS];
} fill_collector;

/* Appends a fill. Returns 0 after setting the error (too big, no memory). */
static int collector_append(sqlite3_context *ctx, fill_collector *c, bp_fill fill) {
  if (c->fills == NULL) {
    c->fills = c->inline_fills;
    c->capacity = INLINE_FILLS;
  }
  if (c->count == c->capacity) {
    sqlite3_int64 limit = sqlite3_limit(sqlite3_context_db_handle(ctx), SQLITE_LIMIT_LENGTH, -1);
    sqlite3_int64 needed = (c->count + 1) * (sqlite3_int64)sizeof(bp_fill);
    if (needed > limit) {
      bp_call call;
      bp_sqlite_call_init(ctx, &call);
      bp_fail(&call, BP_STATUS_TOO_BIG,
              "a group of more than %lld fills is too big (%d bytes per fill, and the "
              "connection's length limit is %lld bytes)",
              (long long)c->count, (int)sizeof(bp_fill), (long long)limit);
      bp_sqlite_raise(ctx, &call);
      bp_sqlite_call_done(&call);
      return 0;
    }
    sqlite3_int64 capacity = c->capacity * 2;
    if (capacity * (sqlite3_int64)sizeof(bp_fill) > limit) capacity = limit / sizeof(bp_fill);
    bp_fill *grown;
    if (c->fills == c->inline_fills) {
      grown = sqlite3_malloc64((sqlite3_uint64)capacity * sizeof(bp_fill));
      if (grown != NULL) memcpy(grown, c->fills, sizeof(c->inline_fills));
    } else {
      grown = sqlite3_realloc64(c->fills, (sqlite3_uint64)capacity * sizeof(bp_fill));
    }
    if (grown == NULL) {
      sqlite3_result_error_nomem(ctx);
      return 0;
    }
    c->fills = grown;
    c->capacity = capacity;
  }
  c->fills[c->count++] = fill;
  return 1;
}

/*
** 1 when the statement is being interrupted (sqlite3_interrupt). SQLite has
** sqlite3_is_interrupted() from 3.41.0. A loadable build compiled with older
** headers still reaches it in a 3.41+ host: the API routines table only
** grows at its end, and is_interrupted is the entry right after the last one
** of 3.40 (value_encoding). With an older host, or a static build against an
** older library, there is no way to know: 0, and the final step does its
** work (docs/reliability.md says so).
*/
static int statement_interrupted(sqlite3 *db) {
#if SQLITE_VERSION_NUMBER >= 3041000
  return sqlite3_libversion_number() >= 3041000 && sqlite3_is_interrupted(db);
#elif defined(SQLITE_CORE)
  (void)db;
  return 0;
#else
  typedef struct {
    sqlite3_api_routines through_3_40;
    int (*is_interrupted)(sqlite3 *);
  } api_3_41;
  if (sqlite3_libversion_number() < 3041000) return 0;
  return ((const api_3_41 *)(const void *)sqlite3_api)->is_interrupted(db);
#endif
}

static void collector_free(fill_collector *c) {
  if (c->fills != c->inline_fills) sqlite3_free(c->fills);
  c->fills = NULL;
  c->count = 0;
  c->capacity = 0;
}

/* Reads a row into the call; returns the core's verdict and converts
** arguments first. BP_ARG_ERROR leaves the error set on ctx. */
static bp_arg read_row(sqlite3_context *ctx, int argc, sqlite3_value **argv,
                       bp_course_params *params, bp_fill *fill, int *has_start) {
  const bp_function_info *function = sqlite3_user_data(ctx);
  bp_value values[5];
  bp_call call;
  if (argc > 5 || !bp_sqlite_values(ctx, argc, argv, values)) return BP_ARG_ERROR;
  bp_sqlite_call_init(ctx, &call);
  bp_arg arg = bp_course_read_row(&call, function->course, argc, values, params, fill, has_start);
  if (arg == BP_ARG_ERROR) bp_sqlite_raise(ctx, &call);
  bp_sqlite_call_done(&call);
  return arg;
}

void bp_sqlite_courses_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  fill_collector *c = sqlite3_aggregate_context(ctx, sizeof(*c));
  bp_fill fill;
  int has_start;
  if (c == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  /* SQLite ends a statement at a step's error: no step follows one (the
  ** final step does, and skips its work). */
  if (c->failed) return; /* LCOV_EXCL_BR_LINE: see above */
  bp_arg arg = read_row(ctx, argc, argv, &c->params, &fill, &has_start);
  if (arg == BP_ARG_ERROR || (arg == BP_ARG_OK && !collector_append(ctx, c, fill))) {
    c->failed = 1;
  }
}

void bp_sqlite_courses_final(sqlite3_context *ctx) {
  const bp_function_info *function = sqlite3_user_data(ctx);
  fill_collector *c = sqlite3_aggregate_context(ctx, 0);
  if (c == NULL || c->failed || c->count == 0) goto done;
  /* After an interrupt SQLite still calls xFinal to clean up: skip the work. */
  if (statement_interrupted(sqlite3_context_db_handle(ctx))) goto done;
  bp_fills_sort(c->fills, (size_t)c->count);
  if (function->course == BP_COURSES_LONGEST) {
    sqlite3_result_int64(ctx, bp_courses_longest(c->fills, (size_t)c->count, &c->params));
  } else {
    bp_sqlite_writer writer;
    bp_sqlite_writer_init(ctx, &writer);
    bp_courses_write_json(c->fills, (size_t)c->count, &c->params, &writer.base);
    bp_sqlite_writer_result(ctx, &writer);
  }
done:
  if (c != NULL) collector_free(c);
}

/* ---- Window function: the course number of each fill ---------------- */

/*
** SQLite calls xValue once per peer group of the default frame (RANGE
** BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), after stepping every peer.
** Under ORDER BY start, peers share their start, so they share a course.
**   - A row that starts before the row stepped before it: the rows are not
**     in start order. The error is raised at the next xValue (a plain
**     aggregate over unsorted rows gets the window-function error instead,
**     at xFinal, which is the more useful message).
**   - Rows of different starts stepped before one xValue: either the ORDER
**     BY is not start (peers of another order) or the frame reaches past
**     the current row. Both are an ordering error naming the frame.
**   - An xValue with no row stepped since the last one: the frame ends
**     before the current row, or a FILTER left the row out; xInverse: the
**     frame drops rows; xFinal with no xValue: a plain aggregate (or a
**     frame with EXCLUDE, which SQLite computes through xFinal). All get
**     the frame error.
*/
typedef struct {
  bp_course_builder builder;
  bp_course_params params;
  int failed;             /* an error was raised: no further work */
  int out_of_order;       /* a row started before the one stepped before it */
  bp_day disorder_start;  /* ... that row's start */
  bp_day disorder_before; /* ... and the start before it */
  int has_last;           /* a row with a start was stepped ... */
  bp_day last_start;      /* ... with this start */
  sqlite3_int64 steps;    /* rows stepped in this partition */
  sqlite3_int64 values;   /* xValue calls in this partition */
  sqlite3_int64 pending;  /* rows stepped since the last xValue */
  int pending_has_start;  /* the first pending row had a start ... */
  bp_day pending_start;   /* ... equal to this */
  int pending_mixed;      /* pending rows do not all share one start ... */
  int mixed_has_start;    /* ... the first unlike row had a start ... */
  bp_day mixed_start;     /* ... equal to this */
  int pending_fill;       /* a pending row was a usable fill */
} course_no_state;

/* The frame error: every misuse of the frame gets this one message. */
static void frame_error(sqlite3_context *ctx) {
  bp_call call;
  bp_sqlite_call_init(ctx, &call);
  bp_fail(&call, BP_STATUS_INVALID_PARAMETER,
          "must be used as a window function with the default frame and no FILTER: "
          "OVER (PARTITION BY ... ORDER BY start)");
  bp_sqlite_raise(ctx, &call);
  bp_sqlite_call_done(&call);
}

static void order_error(sqlite3_context *ctx, bp_day start, bp_day previous_start) {
  bp_call call;
  bp_sqlite_call_init(ctx, &call);
  bp_course_order_error(&call, start, previous_start);
  bp_sqlite_raise(ctx, &call);
  bp_sqlite_call_done(&call);
}

void bp_sqlite_course_no_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  course_no_state *s = sqlite3_aggregate_context(ctx, sizeof(*s));
  bp_fill fill;
  int has_start;
  if (s == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  /* SQLite ends a statement at an error of a step or a value: no step
  ** follows one. */
  if (s->failed) return; /* LCOV_EXCL_BR_LINE: see above */
  bp_arg arg = read_row(ctx, argc, argv, &s->params, &fill, &has_start);
  if (arg == BP_ARG_ERROR) {
    s->failed = 1;
    return;
  }
  if (s->steps == 0) bp_course_builder_init(&s->builder, s->params.gap_days);
  if (has_start) {
    if (s->has_last && fill.start < s->last_start && !s->out_of_order) {
      s->out_of_order = 1;
      s->disorder_start = fill.start;
      s->disorder_before = s->last_start;
    }
    s->has_last = 1;
    s->last_start = fill.start;
  }
  if (s->pending == 0) {
    s->pending_has_start = has_start;
    s->pending_start = fill.start;
  } else if (!s->pending_mixed &&
             (has_start != s->pending_has_start || (has_start && fill.start != s->pending_start))) {
    s->pending_mixed = 1;
    s->mixed_has_start = has_start;
    s->mixed_start = fill.start;
  }
  s->steps++;
  s->pending++;
  if (arg == BP_ARG_NULL || s->out_of_order) return;
  bp_course_builder_add(&s->builder, fill, NULL);
  s->pending_fill = 1;
}

void bp_sqlite_course_no_value(sqlite3_context *ctx) {
  course_no_state *s = sqlite3_aggregate_context(ctx, sizeof(*s));
  if (s == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  /* Nor does a value follow an error. */
  if (s->failed) return; /* LCOV_EXCL_BR_LINE: see above */
  if (s->out_of_order) {
    order_error(ctx, s->disorder_start, s->disorder_before);
    s->failed = 1;
    return;
  }
  if (s->pending_mixed) {
    bp_call call;
    bp_sqlite_call_init(ctx, &call);
    bp_course_together_error(&call, s->pending_has_start, s->pending_start, s->mixed_has_start,
                             s->mixed_start);
    bp_sqlite_raise(ctx, &call);
    bp_sqlite_call_done(&call);
    s->failed = 1;
    return;
  }
  if (s->pending == 0) {
    frame_error(ctx);
    s->failed = 1;
    return;
  }
  if (s->pending_fill) sqlite3_result_int64(ctx, s->builder.course_no);
  s->values++;
  s->pending = 0;
  s->pending_mixed = 0;
  s->pending_fill = 0;
}

void bp_sqlite_course_no_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  course_no_state *s = sqlite3_aggregate_context(ctx, sizeof(*s));
  (void)argc, (void)argv;
  if (s != NULL) s->failed = 1;
  frame_error(ctx);
}

void bp_sqlite_course_no_final(sqlite3_context *ctx) {
  course_no_state *s = sqlite3_aggregate_context(ctx, 0);
  if (s == NULL || s->failed) return;
  if (s->steps > 0 && s->values == 0) {
    frame_error(ctx);
  } else if (s->builder.course_no > 0) {
    sqlite3_result_int64(ctx, s->builder.course_no);
  }
}
