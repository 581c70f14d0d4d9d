/*
** pg_courses.c: the course functions in PostgreSQL's terms (contract
** section 2): the aggregates relaxant_courses and relaxant_longest_course,
** with the support functions parallel aggregation needs, and the window
** function relaxant_course_no. Reading a row, the parameter checks and
** computing courses are the core's (bp_course_read_row,
** bp_course_params_merge, bp_courses_*, bp_course_builder); the
** aggregates' state, how it grows and combines and its serialized form
** are pg_state.c's; this file holds the C entry points and walks a window
** partition.
**
** The final function never changes the state, so the aggregates also work
** as window aggregates (FINALFUNC_MODIFY = READ_ONLY). A row is read into
** locals first and joins the state only once it has passed every check: a
** failed row leaves nothing behind.
*/
#include "pg_state.h"

#include <string.h>

#include "utils/memutils.h"
#include "windowapi.h"

/* The aggregate's memory context; an error when PostgreSQL calls the
** function outside an aggregate (a call from SQL, with a NULL state). */
static MemoryContext aggregate_context(FunctionCallInfo fcinfo, const char *what) {
  MemoryContext context;
  if (!AggCheckCallContext(fcinfo, &context)) {
    bp_pg_error(ERRCODE_INTERNAL_ERROR, NULL, "backpain: %s called outside an aggregate", what);
  }
  return context;
}

/*
** The transition function of both aggregates, in every arity:
** (state, start, end [, gap_days [, max_days | as_of [, as_of]]]). Which
** aggregate it serves is in its SQL name, <aggregate>_step: each aggregate
** has its own transition functions, so PostgreSQL never shares a state
** between them, and the name is known in a window aggregate too, where
** there is no Aggref to ask.
*/
BP_PG_FUNCTION(bp_pg_course_step);

Datum bp_pg_course_step(PG_FUNCTION_ARGS) {
  MemoryContext context = aggregate_context(fcinfo, "bp_pg_course_step");
  bp_pg_course_state *state = PG_ARGISNULL(0) ? NULL : (bp_pg_course_state *)PG_GETARG_POINTER(0);
  const bp_pg_signature *signature = bp_pg_signature_of(fcinfo->flinfo, BP_PG_STEP);
  const bp_function_info *function = signature->function;
  /* The declaration's arguments after the state: PostgreSQL passes exactly
  ** these (a transition function is not variadic). */
  int argc = signature->nargs;
  bp_value values[BP_PG_MAX_ARGS];
  bp_course_params params;
  bp_fill fill;
  int has_start;
  bp_call call;

  for (int i = 0; i < argc; i++) {
    bp_pg_value(PG_GETARG_DATUM(i + 1), PG_ARGISNULL(i + 1), signature->types[i], &values[i]);
  }
  if (state != NULL) {
    params = state->params;
  } else {
    memset(&params, 0, sizeof(params));
  }
  bp_pg_call_init(&call, function);
  bp_arg arg =
      bp_course_read_row(&call, function->course, argc, values, &params, &fill, &has_start);
  if (arg == BP_ARG_ERROR) bp_pg_raise(&call);

  /* The row passed: it joins the state. */
  if (state == NULL) state = bp_pg_state_new(context, function);
  if (arg == BP_ARG_OK) bp_pg_state_add(state, context, fill);
  state->params = params;
  PG_RETURN_POINTER(state);
}

/* Merges a partial state (from a parallel worker) into another. */
BP_PG_FUNCTION(bp_pg_course_combine);

Datum bp_pg_course_combine(PG_FUNCTION_ARGS) {
  MemoryContext context = aggregate_context(fcinfo, "bp_pg_course_combine");
  bp_pg_course_state *into = PG_ARGISNULL(0) ? NULL : (bp_pg_course_state *)PG_GETARG_POINTER(0);
  const bp_pg_course_state *from =
      PG_ARGISNULL(1) ? NULL : (const bp_pg_course_state *)PG_GETARG_POINTER(1);

  /* A partial group that saw no row has no state. PostgreSQL 15 calls no
  ** combine function for such a state (tests/pg/binding.py combines empty
  ** partitions' partial aggregates); kept for a version that does. */
  if (from == NULL) {
    if (into == NULL) PG_RETURN_NULL(); /* LCOV_EXCL_LINE: see above */
    PG_RETURN_POINTER(into);            /* LCOV_EXCL_LINE: see above */
  }
  if (into == NULL) into = bp_pg_state_new(context, bp_pg_state_function(from));
  bp_pg_state_combine(into, context, from);
  PG_RETURN_POINTER(into);
}

BP_PG_FUNCTION(bp_pg_course_serialize);

Datum bp_pg_course_serialize(PG_FUNCTION_ARGS) {
  const bp_pg_course_state *state = (const bp_pg_course_state *)PG_GETARG_POINTER(0);
  (void)aggregate_context(fcinfo, "bp_pg_course_serialize");
  PG_RETURN_BYTEA_P(bp_pg_state_serialize(state));
}

BP_PG_FUNCTION(bp_pg_course_deserialize);

Datum bp_pg_course_deserialize(PG_FUNCTION_ARGS) {
  bytea *serialized = PG_GETARG_BYTEA_P(0);
  (void)aggregate_context(fcinfo, "bp_pg_course_deserialize");
  PG_RETURN_POINTER(bp_pg_state_deserialize(VARDATA(serialized), VARSIZE(serialized) - VARHDRSZ,
                                            CurrentMemoryContext));
}

/*
** The final function of both aggregates: relaxant_courses' jsonb or
** relaxant_longest_course's integer, NULL for a group without a fill. The
** state is left as it was (READ_ONLY): unsorted fills are sorted in a copy.
*/
BP_PG_FUNCTION(bp_pg_course_final);

Datum bp_pg_course_final(PG_FUNCTION_ARGS) {
  const bp_pg_course_state *state =
      PG_ARGISNULL(0) ? NULL : (const bp_pg_course_state *)PG_GETARG_POINTER(0);
  const bp_fill *fills;
  bp_fill *copy = NULL;
  Datum result;
  (void)aggregate_context(fcinfo, "bp_pg_course_final");
  const bp_pg_signature *signature = bp_pg_signature_of(fcinfo->flinfo, BP_PG_FINAL);

  if (state == NULL || state->count == 0) PG_RETURN_NULL();
  const bp_function_info *function = bp_pg_state_function(state);
  if (function != signature->function) {
    bp_pg_error(ERRCODE_INTERNAL_ERROR, NULL, "backpain: %s_final given the state of %s",
                signature->function->name, function->name);
  }
  fills = bp_pg_state_fills(state);
  if (!state->sorted) {
    copy = palloc((Size)state->count * sizeof(bp_fill));
    memcpy(copy, fills, (Size)state->count * sizeof(bp_fill));
    bp_fills_sort(copy, (size_t)state->count);
    fills = copy;
  }
  if (function->course == BP_COURSES_LONGEST) {
    int64 longest = bp_courses_longest(fills, (size_t)state->count, &state->params);
    result = Int32GetDatum(bp_pg_int4(function, longest));
  } else {
    bp_pg_writer writer;
    bp_pg_writer_init(&writer);
    bp_courses_write_json(fills, (size_t)state->count, &state->params, &writer.base);
    result = bp_pg_writer_jsonb(&writer);
    pfree(writer.text.data);
  }
  if (copy != NULL) pfree(copy);
  PG_RETURN_DATUM(result);
}

/* ---- Window function: the course number of each fill ------------------ */

/*
** relaxant_course_no(start, end [, gap_days [, as_of]]) OVER (PARTITION BY
** ... ORDER BY start). PostgreSQL calls it once per row of the partition,
** in the window's order; the state of the partition (PostgreSQL's
** partition-local memory, zeroed for each partition) carries the course
** being built, so each row costs O(1): read it, check its order, add it.
**
** The frame does not matter (the function reads rows by their position in
** the partition, as row_number() does). What matters is the order:
**   - a row that starts before an earlier row: the core's ordering error,
**     the same text as SQLite's;
**   - a row that is a peer of the row before it in the window's order
**     (WinRowsArePeers: the same ORDER BY values, or no ORDER BY at all)
**     but has another start: the "together" error SQLite gives when rows of
**     different starts reach it in one step of its frame.
** SQLite reads a whole peer group before it reports an ordering problem,
** so a bad row later in the group is reported first; on an ordering
** problem this function reads the rest of the peer group the same way
** before it raises, and gives the same error as SQLite.
**
** A row left out (NULL start; NULL end without as_of; a fill that starts
** after as_of) gives NULL.
*/
typedef struct {
  int64 next; /* position of the next row to read */
  bp_course_builder builder;
  bp_course_params params;
  bool has_last;           /* a row with a start was read ... */
  bp_day last_start;       /* ... with this start (for the order) */
  bool previous_has_start; /* the row before (next - 1) had a start ... */
  bp_day previous_start;   /* ... equal to this (for peers) */
} course_no_state;

/* Reads the arguments of the row `offset` rows after the current one. */
static void window_row(WindowObject window, const bp_pg_signature *signature, int64 offset,
                       bp_value *values) {
  for (int i = 0; i < signature->nargs; i++) {
    bool isnull, isout;
    Datum datum = offset == 0
                      ? WinGetFuncArgCurrent(window, i, &isnull)
                      : WinGetFuncArgInPartition(window, i, (int)offset, WINDOW_SEEK_CURRENT, false,
                                                 &isnull, &isout);
    bp_pg_value(datum, isnull, signature->types[i], &values[i]);
  }
}

/* Reads one row into a copy of the partition's parameters; raises the
** core's error for a bad row. */
static bp_arg read_window_row(const bp_pg_signature *signature, const bp_value *values,
                              bp_course_params *params, bp_fill *fill, int *has_start) {
  bp_call call;
  bp_pg_call_init(&call, signature->function);
  bp_arg arg = bp_course_read_row(&call, BP_COURSES_NUMBER, signature->nargs, values, params, fill,
                                  has_start);
  if (arg == BP_ARG_ERROR) bp_pg_raise(&call);
  return arg;
}

/*
** Row `position` is out of order (it starts before an earlier row) or has
** another start than its peer before it. Reads the rest of its peer group
** as SQLite would (a bad row there is reported first), then raises the
** first ordering error of the group, or else the "together" error.
*/
static _Noreturn void order_problem(WindowObject window, const bp_pg_signature *signature,
                                    const course_no_state *s, int64 position, const bp_fill *fill,
                                    int has_start, bp_course_params params) {
  bp_call call;
  bool disorder = has_start && s->has_last && fill->start < s->last_start;
  bp_day disorder_start = fill->start, disorder_before = s->last_start;
  bp_day last_start = has_start ? fill->start : s->last_start;
  bool has_last = s->has_last || has_start;
  int64 rows = WinGetPartitionRowCount(window);
  for (int64 k = position + 1; k < rows && WinRowsArePeers(window, position, k); k++) {
    bp_value values[BP_PG_MAX_ARGS];
    bp_fill peer = {0, 0};
    int peer_has_start;
    window_row(window, signature, k - position, values);
    read_window_row(signature, values, &params, &peer, &peer_has_start);
    if (!peer_has_start) continue;
    if (!disorder && has_last && peer.start < last_start) {
      disorder = true;
      disorder_start = peer.start;
      disorder_before = last_start;
    }
    has_last = true;
    last_start = peer.start;
  }
  bp_pg_call_init(&call, signature->function);
  if (disorder) {
    bp_course_order_error(&call, disorder_start, disorder_before);
  } else {
    bp_course_together_error(&call, s->previous_has_start, s->previous_start, has_start,
                             fill->start);
  }
  bp_pg_raise(&call);
}

BP_PG_FUNCTION(bp_pg_course_no);

Datum bp_pg_course_no(PG_FUNCTION_ARGS) {
  WindowObject window = PG_WINDOW_OBJECT();
  const bp_pg_signature *signature = bp_pg_signature_of(fcinfo->flinfo, BP_PG_CALL);
  course_no_state *s = WinGetPartitionLocalMemory(window, sizeof(course_no_state));
  int64 position = WinGetCurrentPosition(window);
  bp_value values[BP_PG_MAX_ARGS];
  bp_course_params params = s->params;
  bp_fill fill = {0, 0};
  int has_start;

  if (signature->function->kind != BP_KIND_WINDOW) {
    bp_pg_error(ERRCODE_INTERNAL_ERROR, NULL, "backpain: %s is not a window function",
                signature->function->name);
  }
  if (position != s->next) {
    /* PostgreSQL's WindowAgg calls a window function once for each row of
    ** the partition, in order; the walk below relies on it. (gcov counts
    ** this call on its first and its last line.) */
    bp_pg_error(ERRCODE_INTERNAL_ERROR, NULL, /* LCOV_EXCL_LINE: see above */
                "backpain: %s read the rows of its partition out of order",
                signature->function->name); /* LCOV_EXCL_LINE: see above */
  }
  window_row(window, signature, 0, values);
  bp_arg arg = read_window_row(signature, values, &params, &fill, &has_start);

  bool disorder = has_start && s->has_last && fill.start < s->last_start;
  bool other_start = position > 0 && (has_start != s->previous_has_start ||
                                      (has_start && fill.start != s->previous_start));
  if (disorder || (other_start && WinRowsArePeers(window, position - 1, position))) {
    order_problem(window, signature, s, position, &fill, has_start, params);
  }

  /* The row is in order: it joins the partition's state. */
  if (position == 0) bp_course_builder_init(&s->builder, params.gap_days);
  s->params = params;
  s->next = position + 1;
  s->previous_has_start = has_start;
  s->previous_start = fill.start;
  if (has_start) {
    s->has_last = true;
    s->last_start = fill.start;
  }
  /* Rows before this one are not read again: the tuplestore may drop them. */
  WinSetMarkPosition(window, position);
  if (arg != BP_ARG_OK) PG_RETURN_NULL();
  bp_course_builder_add(&s->builder, fill, NULL);
  PG_RETURN_INT32(bp_pg_int4(signature->function, s->builder.course_no));
}
