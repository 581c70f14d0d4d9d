/*
** pg_state.h: the aggregate state of relaxant_courses and
** relaxant_longest_course (the `internal` of their declarations): the
** group's parameters and fills, how a row's fill joins it, how two states
** combine (parallel aggregation), and the bytes a state is serialized to
** and read back from when it passes between parallel workers.
**
** Everything here needs of PostgreSQL only palloc and its kin and ereport
** (through pg_value.c): tests/fuzz/fuzz_pg.c drives the serialized form
** with arbitrary bytes, and tests/pg/unit/ checks each of its refusals.
*/
#ifndef BP_PG_STATE_H
#define BP_PG_STATE_H

#include "pg_binding.h"

#include "utils/memutils.h"

#include "bp_courses.h"

/* Fills kept inside the state itself: most people have one to three
** fills, so a group usually costs one allocation. */
#define BP_PG_INLINE_FILLS 3

/*
** A group's state, in the aggregate's memory context: the parameters of
** its rows and its fills, 8 bytes per fill, inside the state while they
** fit, then in a block that doubles as it grows. `sorted` records whether
** the fills are already in the core's sort order (they are when rows come
** in start order, as in a window ordered by start); the final function
** sorts a copy otherwise. A GROUP BY person_id keeps one state per person,
** so the state is packed into 64 bytes (see the assertion below); read it
** through bp_pg_state_function() and bp_pg_state_fills().
*/
typedef struct {
  bp_course_params params;
  int32 count;    /* fills kept, at most BP_PG_MAX_FILLS */
  int32 capacity; /* BP_PG_INLINE_FILLS while the fills are inline */
  uint8 function; /* its row of bp_functions[]: relaxant_courses or relaxant_longest_course */
  bool sorted;    /* fills are in bp_fills_sort order */
  union {
    bp_fill inline_fills[BP_PG_INLINE_FILLS];
    bp_fill *block; /* in the aggregate's memory context */
  } fills;
} bp_pg_course_state;

static inline const bp_function_info *bp_pg_state_function(const bp_pg_course_state *state) {
  return &bp_functions[state->function];
}

/* The state's fills, inline or in its block. */
static inline const bp_fill *bp_pg_state_fills(const bp_pg_course_state *state) {
  return state->capacity > BP_PG_INLINE_FILLS ? state->fills.block : state->fills.inline_fills;
}

/*
** The serialized form (bytea): a header of 39 bytes, then the fills as they
** are in memory (a serialized state never leaves the server that made it):
**
**   magic 4 | function 4 (its row of bp_functions[]) | known 1 |
**   gap_days 8 | max_days 8 | has_as_of 1 | as_of 4 | sorted 1 | count 8 |
**   count fills of 8 bytes
**
** integers in network byte order (as pq_sendint* writes them), flags 0 or 1.
*/
#define BP_PG_STATE_MAGIC 0x62700001 /* "bp", format 1 */
#define BP_PG_STATE_HEADER_BYTES (4 + 4 + 1 + 8 + 8 + 1 + 4 + 1 + 8)

/* A group holds at most this many fills, so that its serialized state
** always fits in one bytea (1 GB). */
#define BP_PG_MAX_FILLS \
  ((int64)((MaxAllocSize - VARHDRSZ - BP_PG_STATE_HEADER_BYTES) / sizeof(bp_fill)))
_Static_assert(sizeof(bp_fill) == 8, "a fill is two 32-bit days");
_Static_assert(BP_PG_MAX_FILLS > 100000000, "a group may hold at least 100 million fills");
_Static_assert(BP_PG_MAX_FILLS <= PG_INT32_MAX, "a state's count and capacity are int32");
_Static_assert(BP_FUNCTION_MAX <= UINT8_MAX + 1, "a row of bp_functions[] fits a uint8");
/* PostgreSQL's allocator rounds a small request up to a power of two: a
** state of 64 bytes or less takes a 64-byte chunk, one byte more a
** 128-byte one, for each of the hundreds of thousands of groups of a
** GROUP BY person_id: the hash aggregation's memory, and its page faults,
** grow with it (docs/scaling.md, "What (b) took"). */
_Static_assert(sizeof(bp_pg_course_state) <= 64, "a state fits a 64-byte chunk");

/* A state with no fill, for `function`, in `context`. */
bp_pg_course_state *bp_pg_state_new(MemoryContext context, const bp_function_info *function);

/* Adds a row's fill (one that passed bp_course_read_row). Raises an error,
** and changes nothing, when the group would hold more than BP_PG_MAX_FILLS
** fills. */
void bp_pg_state_add(bp_pg_course_state *state, MemoryContext context, bp_fill fill);

/* Adds `from`'s parameters and fills to `into` (the combine function).
** Raises the core's error when their parameters differ, and an error when
** the group would be too big; `into` is then unchanged. */
void bp_pg_state_combine(bp_pg_course_state *into, MemoryContext context,
                         const bp_pg_course_state *from);

/* The serialized form of a state, palloc'd. */
bytea *bp_pg_state_serialize(const bp_pg_course_state *state);

/*
** Reads a serialized state back into a new state in `context`. Anything
** that is not exactly what bp_pg_state_serialize writes for a state that
** rows could have made is refused with ERRCODE_DATA_CORRUPTED ("a
** serialized course state is corrupt (<what>)"): a length that is not the
** header's plus its fills', another magic number, a function that is not
** an aggregate, a flag other than 0 or 1, parameters no row can give
** (gap_days < 0, max_days < 1, as_of outside the core's dates or set
** without has_as_of), a fill outside the core's dates, ending before it
** starts or after as_of, fills out of order under the sorted flag.
*/
bp_pg_course_state *bp_pg_state_deserialize(const char *bytes, size_t length,
                                            MemoryContext context);

#endif
