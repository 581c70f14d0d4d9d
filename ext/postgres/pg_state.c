/*
** pg_state.c: the course aggregates' state, its growth, combination and
** serialized form (see pg_state.h). The serialized form is read with
** every check a state made by rows passes, so that nothing the final
** function or the core relies on (dates the core can write, ends after
** starts, the sort order the sorted flag promises) can come from bytes.
*/
#include "pg_state.h"

#include <string.h>

#include "bp_common.h"

bp_pg_course_state *bp_pg_state_new(MemoryContext context, const bp_function_info *function) {
  bp_pg_course_state *state = MemoryContextAlloc(context, sizeof(*state));
  memset(&state->params, 0, sizeof(state->params));
  state->count = 0;
  state->capacity = BP_PG_INLINE_FILLS;
  state->function = (uint8)(function - bp_functions); /* below BP_FUNCTION_MAX */
  state->sorted = true;
  return state;
}

/* bp_pg_state_fills, for writing. */
static bp_fill *fills_of(bp_pg_course_state *state) {
  return state->capacity > BP_PG_INLINE_FILLS ? state->fills.block : state->fills.inline_fills;
}

static _Noreturn void too_big(const bp_pg_course_state *state) {
  bp_call call;
  bp_pg_call_init(&call, bp_pg_state_function(state));
  bp_fail(&call, BP_STATUS_TOO_BIG,
          "a group of more than %lld fills is too big (%d bytes per fill, and a group's state "
          "must fit in 1 GB)",
          (long long)BP_PG_MAX_FILLS, (int)sizeof(bp_fill));
  bp_pg_raise(&call);
}

/* Makes room for `more` fills. Raises an error (and changes nothing) when
** the group would be too big; PostgreSQL raises its own when memory runs
** out. */
static void reserve(bp_pg_course_state *state, MemoryContext context, int64 more) {
  int64 needed = state->count + more;
  if (needed <= state->capacity) return;
  if (needed > BP_PG_MAX_FILLS) too_big(state);
  int64 capacity = state->capacity;
  while (capacity < needed) capacity *= 2;
  if (capacity > BP_PG_MAX_FILLS) capacity = BP_PG_MAX_FILLS;
  Size bytes = (Size)capacity * sizeof(bp_fill);
  if (state->capacity == BP_PG_INLINE_FILLS) {
    bp_fill *block = MemoryContextAlloc(context, bytes);
    memcpy(block, state->fills.inline_fills, (Size)state->count * sizeof(bp_fill));
    state->fills.block = block;
  } else {
    state->fills.block = repalloc(state->fills.block, bytes);
  }
  state->capacity = (int32)capacity;
}

/* bp_fills_sort's order: by start, then end. */
static bool fill_before(bp_fill a, bp_fill b) {
  return a.start < b.start || (a.start == b.start && a.end < b.end);
}

void bp_pg_state_add(bp_pg_course_state *state, MemoryContext context, bp_fill fill) {
  reserve(state, context, 1);
  bp_fill *fills = fills_of(state);
  if (state->count > 0 && fill_before(fill, fills[state->count - 1])) state->sorted = false;
  fills[state->count++] = fill;
}

void bp_pg_state_combine(bp_pg_course_state *into, MemoryContext context,
                         const bp_pg_course_state *from) {
  bp_course_params params = into->params;
  bp_call call;
  bp_pg_call_init(&call, bp_pg_state_function(from));
  if (!bp_course_params_merge(&call, &params, &from->params)) bp_pg_raise(&call);
  if (from->count > 0) {
    reserve(into, context, from->count);
    bp_fill *fills = fills_of(into);
    const bp_fill *more = bp_pg_state_fills(from);
    bool in_order = into->count == 0 || !fill_before(more[0], fills[into->count - 1]);
    into->sorted = into->sorted && from->sorted && in_order;
    memcpy(fills + into->count, more, (size_t)from->count * sizeof(bp_fill));
    into->count = (int32)(into->count + from->count);
  }
  into->params = params;
}

/* ---- Serialized form ------------------------------------------------------- */

static unsigned char *put(unsigned char *at, uint64 value, int bytes) {
  for (int i = bytes - 1; i >= 0; i--) *at++ = (unsigned char)(value >> (8 * i));
  return at;
}

bytea *bp_pg_state_serialize(const bp_pg_course_state *state) {
  Size fill_bytes = (Size)state->count * sizeof(bp_fill);
  bytea *serialized = palloc(VARHDRSZ + BP_PG_STATE_HEADER_BYTES + fill_bytes);
  SET_VARSIZE(serialized, VARHDRSZ + BP_PG_STATE_HEADER_BYTES + fill_bytes);
  unsigned char *at = (unsigned char *)VARDATA(serialized);
  at = put(at, BP_PG_STATE_MAGIC, 4);
  at = put(at, state->function, 4);
  at = put(at, state->params.known ? 1 : 0, 1);
  at = put(at, (uint64)state->params.gap_days, 8);
  at = put(at, (uint64)state->params.max_days, 8);
  at = put(at, state->params.has_as_of ? 1 : 0, 1);
  at = put(at, (uint32)state->params.as_of, 4);
  at = put(at, state->sorted ? 1 : 0, 1);
  at = put(at, (uint64)state->count, 8);
  memcpy(at, bp_pg_state_fills(state), fill_bytes);
  return serialized;
}

static _Noreturn void corrupt(const char *what) {
  bp_pg_error(ERRCODE_DATA_CORRUPTED, NULL, "backpain: a serialized course state is corrupt (%s)",
              what);
}

/* Reads `bytes` bytes in network order; the caller has checked the length. */
static uint64 take(const unsigned char **at, int bytes) {
  uint64 value = 0;
  for (int i = 0; i < bytes; i++) value = (value << 8) | *(*at)++;
  return value;
}

bp_pg_course_state *bp_pg_state_deserialize(const char *bytes, size_t length,
                                            MemoryContext context) {
  const unsigned char *at = (const unsigned char *)bytes;
  if (length < BP_PG_STATE_HEADER_BYTES) corrupt("length");
  if (take(&at, 4) != BP_PG_STATE_MAGIC) corrupt("format");
  uint64 index = take(&at, 4);
  if (index >= bp_function_count || bp_functions[index].kind != BP_KIND_AGGREGATE) {
    corrupt("function");
  }
  bp_course_params params;
  uint64 known = take(&at, 1);
  params.known = 1;
  params.gap_days = (int64)take(&at, 8);
  params.max_days = (int64)take(&at, 8);
  uint64 has_as_of = take(&at, 1);
  params.has_as_of = has_as_of == 1;
  params.as_of = (bp_day)(int32)take(&at, 4);
  uint64 sorted = take(&at, 1);
  uint64 count = take(&at, 8);
  /* Every state has read a row: its parameters are known. */
  if (known != 1 || has_as_of > 1 || sorted > 1) corrupt("flags");
  if (count > (uint64)BP_PG_MAX_FILLS ||
      count * sizeof(bp_fill) != length - BP_PG_STATE_HEADER_BYTES) {
    corrupt("length");
  }
  /* Only values a row can give (bp_course_read_row). */
  if (params.gap_days < 0 || params.max_days < 1 ||
      (params.has_as_of ? params.as_of < BP_DAY_MIN || params.as_of > BP_DAY_MAX
                        : params.as_of != 0)) {
    corrupt("parameters");
  }

  bp_pg_course_state *state = bp_pg_state_new(context, &bp_functions[index]);
  state->params = params;
  state->sorted = sorted == 1;
  if (count > 0) {
    reserve(state, context, (int64)count);
    memcpy(fills_of(state), at, count * sizeof(bp_fill));
    state->count = (int32)count;
  }
  const bp_fill *fills = bp_pg_state_fills(state);
  for (int32 i = 0; i < state->count; i++) {
    bp_fill f = fills[i];
    if (f.start < BP_DAY_MIN || f.end > BP_DAY_MAX || f.end < f.start ||
        (params.has_as_of && f.end > params.as_of)) {
      corrupt("fill");
    }
    if (state->sorted && i > 0 && fill_before(f, fills[i - 1])) corrupt("order");
  }
  return state;
}
