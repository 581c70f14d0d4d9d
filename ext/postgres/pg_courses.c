/*
** pg_courses.c: the course functions in PostgreSQL's terms (contract
** section 2): the aggregates relaxant_courses and relaxant_longest_course,
** with the support functions parallel aggregation needs, and the window
** function relaxant_course_no. Reading a row, the parameter checks and
** computing courses are the core's (bp_course_read_row,
** bp_course_params_merge, bp_courses_*, bp_course_builder); this file keeps
** the fills of a group and walks a window partition.
**
** Aggregate state (`internal`): the group's parameters and its fills, in
** the aggregate's memory context, 8 bytes per fill in a block that doubles
** as it grows. A group holds at most BP_PG_MAX_FILLS fills, so that its
** state always fits in one bytea (1 GB) when it is passed between parallel
** workers. The state records whether its fills are already in the core's
** sort order (they are when rows come in start order, as in a window
** ordered by start); the final function sorts a copy otherwise, and never
** changes the state, so the aggregates also work as window aggregates
** (FINALFUNC_MODIFY = READ_ONLY). A row is read into locals first and
** joins the state only once it has passed every check: a failed row leaves
** nothing behind.
*/
#include "pg_binding.h"

#include <string.h>

#include "libpq/pqformat.h"
#include "utils/memutils.h"
#include "windowapi.h"

/* ---- Aggregate state --------------------------------------------------- */

/* Fills kept inside the state itself: most people have a few fills, so a
** group usually costs one allocation. */
#define INLINE_FILLS 8

typedef struct {
  const bp_function_info *function; /* relaxant_courses or relaxant_longest_course */
  bp_course_params params;
  bool sorted; /* fills are in bp_fills_sort order */
  int64 count; /* fills kept */
  int64 capacity;
  bp_fill *fills; /* inline_fills, or a block in the aggregate's memory context */
  bp_fill inline_fills[INLINE_FILLS];
} course_state;

/* A serialized state: a header, then the fills as they are in memory (a
** serialized state never leaves the server that made it). */
#define STATE_MAGIC 0x62700001 /* "bp", format 1 */
#define STATE_HEADER_BYTES (4 + 4 + 1 + 8 + 8 + 1 + 4 + 1 + 8)
#define BP_PG_MAX_FILLS ((int64)((MaxAllocSize - VARHDRSZ - STATE_HEADER_BYTES) / sizeof(bp_fill)))
_Static_assert(sizeof(bp_fill) == 8, "a fill is two 32-bit days");
_Static_assert(BP_PG_MAX_FILLS > 100000000, "a group may hold at least 100 million fills");

static _Noreturn void too_big(const course_state *state) {
  bp_call call;
  bp_pg_call_init(&call, state->function);
  bp_fail(&call, BP_STATUS_TOO_BIG,
          "a group of more than %lld fills is too big (%d bytes per fill, and a group's state "
          "must fit in 1 GB)",
          (long long)BP_PG_MAX_FILLS, (int)sizeof(bp_fill));
  bp_pg_raise(&call);
}

/* Makes room for `more` fills. Raises an error (and changes nothing) when
** the group would be too big; PostgreSQL raises its own when memory runs
** out. */
static void reserve(course_state *state, MemoryContext context, int64 more) {
  int64 needed = state->count + more;
  if (needed <= state->capacity) return;
  if (needed > BP_PG_MAX_FILLS) too_big(state);
  int64 capacity = state->capacity;
  while (capacity < needed) capacity *= 2;
  if (capacity > BP_PG_MAX_FILLS) capacity = BP_PG_MAX_FILLS;
  Size bytes = (Size)capacity * sizeof(bp_fill);
  if (state->fills == state->inline_fills) {
    bp_fill *block = MemoryContextAlloc(context, bytes);
    memcpy(block, state->inline_fills, (Size)state->count * sizeof(bp_fill));
    state->fills = block;
  } else {
    state->fills = repalloc(state->fills, bytes);
  }
  state->capacity = capacity;
}

static int fill_before(bp_fill a, bp_fill b) {
  return a.start < b.start || (a.start == b.start && a.end < b.end);
}

static course_state *new_state(MemoryContext context, const bp_function_info *function) {
  course_state *state = MemoryContextAlloc(context, sizeof(*state));
  state->function = function;
  memset(&state->params, 0, sizeof(state->params));
  state->sorted = true;
  state->count = 0;
  state->capacity = INLINE_FILLS;
  state->fills = state->inline_fills;
  return state;
}

static MemoryContext aggregate_context(FunctionCallInfo fcinfo, const char *what) {
  MemoryContext context;
  if (!AggCheckCallContext(fcinfo, &context)) {
    elog(ERROR, "backpain: %s called outside an aggregate", what);
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
  course_state *state = PG_ARGISNULL(0) ? NULL : (course_state *)PG_GETARG_POINTER(0);
  const bp_pg_signature *signature = bp_pg_signature_of(fcinfo->flinfo, BP_PG_STEP);
  const bp_function_info *function = signature->function;
  int argc = PG_NARGS() - 1;
  bp_value values[BP_PG_MAX_ARGS];
  bp_course_params params;
  bp_fill fill;
  int has_start;
  bp_call call;

  if (argc != signature->nargs) {
    elog(ERROR, "backpain: %s_step called with %d arguments", function->name, argc);
  }
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
  if (state == NULL) state = new_state(context, function);
  if (arg == BP_ARG_OK) {
    reserve(state, context, 1);
    if (state->count > 0 && fill_before(fill, state->fills[state->count - 1])) {
      state->sorted = false;
    }
    state->fills[state->count++] = fill;
  }
  state->params = params;
  PG_RETURN_POINTER(state);
}

/* Merges a partial state (from a parallel worker) into another. */
BP_PG_FUNCTION(bp_pg_course_combine);

Datum bp_pg_course_combine(PG_FUNCTION_ARGS) {
  MemoryContext context = aggregate_context(fcinfo, "bp_pg_course_combine");
  course_state *into = PG_ARGISNULL(0) ? NULL : (course_state *)PG_GETARG_POINTER(0);
  const course_state *from = PG_ARGISNULL(1) ? NULL : (course_state *)PG_GETARG_POINTER(1);
  bp_course_params params;
  bp_call call;

  if (from == NULL) {
    if (into == NULL) PG_RETURN_NULL();
    PG_RETURN_POINTER(into);
  }
  if (into == NULL) into = new_state(context, from->function);
  params = into->params;
  bp_pg_call_init(&call, from->function);
  if (!bp_course_params_merge(&call, &params, &from->params)) bp_pg_raise(&call);
  if (from->count > 0) {
    reserve(into, context, from->count);
    bool in_order = into->count == 0 || !fill_before(from->fills[0], into->fills[into->count - 1]);
    into->sorted = into->sorted && from->sorted && in_order;
    memcpy(into->fills + into->count, from->fills, (size_t)from->count * sizeof(bp_fill));
    into->count += from->count;
  }
  into->params = params;
  PG_RETURN_POINTER(into);
}

BP_PG_FUNCTION(bp_pg_course_serialize);

Datum bp_pg_course_serialize(PG_FUNCTION_ARGS) {
  const course_state *state = (course_state *)PG_GETARG_POINTER(0);
  StringInfoData buffer;
  (void)aggregate_context(fcinfo, "bp_pg_course_serialize");
  pq_begintypsend(&buffer);
  pq_sendint32(&buffer, STATE_MAGIC);
  pq_sendint32(&buffer, (uint32)(state->function - bp_functions));
  pq_sendbyte(&buffer, state->params.known ? 1 : 0);
  pq_sendint64(&buffer, state->params.gap_days);
  pq_sendint64(&buffer, state->params.max_days);
  pq_sendbyte(&buffer, state->params.has_as_of ? 1 : 0);
  pq_sendint32(&buffer, (uint32)state->params.as_of);
  pq_sendbyte(&buffer, state->sorted ? 1 : 0);
  pq_sendint64(&buffer, state->count);
  pq_sendbytes(&buffer, (const char *)state->fills, (int)(state->count * (int64)sizeof(bp_fill)));
  PG_RETURN_BYTEA_P(pq_endtypsend(&buffer));
}

static _Noreturn void corrupt_state(const char *what) {
  ereport(ERROR, (errcode(ERRCODE_DATA_CORRUPTED),
                  errmsg("backpain: a serialized course state is corrupt (%s)", what)));
}

BP_PG_FUNCTION(bp_pg_course_deserialize);

Datum bp_pg_course_deserialize(PG_FUNCTION_ARGS) {
  bytea *serialized = PG_GETARG_BYTEA_PP(0);
  StringInfoData buffer;
  (void)aggregate_context(fcinfo, "bp_pg_course_deserialize");
  /* A read-only view of the bytea (initReadOnlyStringInfo is PostgreSQL 17's). */
  buffer.data = VARDATA_ANY(serialized);
  buffer.len = (int)VARSIZE_ANY_EXHDR(serialized);
  buffer.maxlen = buffer.len;
  buffer.cursor = 0;

  if (pq_getmsgint(&buffer, 4) != STATE_MAGIC) corrupt_state("format");
  uint32 index = pq_getmsgint(&buffer, 4);
  if (index >= bp_function_count || bp_functions[index].kind != BP_KIND_AGGREGATE) {
    corrupt_state("function");
  }
  course_state *state = new_state(CurrentMemoryContext, &bp_functions[index]);
  state->params.known = pq_getmsgbyte(&buffer);
  state->params.gap_days = pq_getmsgint64(&buffer);
  state->params.max_days = pq_getmsgint64(&buffer);
  state->params.has_as_of = pq_getmsgbyte(&buffer);
  state->params.as_of = (bp_day)pq_getmsgint(&buffer, 4);
  state->sorted = pq_getmsgbyte(&buffer) != 0;
  int64 count = pq_getmsgint64(&buffer);
  if (count < 0 || count > BP_PG_MAX_FILLS ||
      count * (int64)sizeof(bp_fill) != buffer.len - buffer.cursor) {
    corrupt_state("length");
  }
  if (count > 0) {
    reserve(state, CurrentMemoryContext, count);
    pq_copymsgbytes(&buffer, (char *)state->fills, (int)(count * (int64)sizeof(bp_fill)));
    state->count = count;
  }
  pq_getmsgend(&buffer);
  /* Every day must be one the core can write (errors and JSON show them). */
  const bp_course_params *p = &state->params;
  if (p->gap_days < 0 || p->max_days < 1 ||
      (p->has_as_of && (p->as_of < BP_DAY_MIN || p->as_of > BP_DAY_MAX))) {
    corrupt_state("parameters");
  }
  for (int64 i = 0; i < count; i++) {
    const bp_fill *f = &state->fills[i];
    if (f->start < BP_DAY_MIN || f->end > BP_DAY_MAX || f->end < f->start) corrupt_state("fill");
  }
  PG_RETURN_POINTER(state);
}

/*
** The final function of both aggregates: relaxant_courses' jsonb or
** relaxant_longest_course's integer, NULL for a group without a fill. The
** state is left as it was (READ_ONLY): unsorted fills are sorted in a copy.
*/
BP_PG_FUNCTION(bp_pg_course_final);

Datum bp_pg_course_final(PG_FUNCTION_ARGS) {
  const course_state *state = PG_ARGISNULL(0) ? NULL : (course_state *)PG_GETARG_POINTER(0);
  const bp_fill *fills;
  bp_fill *copy = NULL;
  Datum result;
  (void)aggregate_context(fcinfo, "bp_pg_course_final");
  const bp_pg_signature *signature = bp_pg_signature_of(fcinfo->flinfo, BP_PG_FINAL);

  if (state == NULL || state->count == 0) PG_RETURN_NULL();
  if (state->function != signature->function) {
    elog(ERROR, "backpain: %s_final given the state of %s", signature->function->name,
         state->function->name);
  }
  fills = state->fills;
  if (!state->sorted) {
    copy = palloc((Size)state->count * sizeof(bp_fill));
    memcpy(copy, state->fills, (Size)state->count * sizeof(bp_fill));
    bp_fills_sort(copy, (size_t)state->count);
    fills = copy;
  }
  if (state->function->course == BP_COURSES_LONGEST) {
    int64 longest = bp_courses_longest(fills, (size_t)state->count, &state->params);
    result = Int32GetDatum(bp_pg_int4(state->function, longest));
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
    elog(ERROR, "backpain: %s is not a window function", signature->function->name);
  }
  if (position != s->next) {
    elog(ERROR, "backpain: %s read row %lld of its partition after row %lld",
         signature->function->name, (long long)position, (long long)s->next - 1);
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
