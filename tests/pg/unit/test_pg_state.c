/*
** tests/pg/unit/test_pg_state.c: the PostgreSQL course aggregates' state
** (ext/postgres/pg_state.c) without a server, with the stand-ins of
** tests/support/pg_standins.c: its serialized form byte by byte, a round
** trip, every refusal of a corrupt serialized state with its exact message
** and SQLSTATE, growth past the inline fills, combination (order, the
** parameters' agreement) and the size limit. None of the refusals can be
** reached from SQL: PostgreSQL deserializes only what the serialize
** function wrote, in the same server.
*/
#include "pg_state_decode.h"

#include <string.h>

#include "tap.h"

static const bp_function_info *courses;

/* ---- Helpers -------------------------------------------------------------- */

static bp_fill fill(bp_day start, bp_day end) {
  bp_fill f = {start, end};
  return f;
}

/* A state of relaxant_courses with gap_days 7, max_days 21, no as_of. */
static bp_pg_course_state *new_courses_state(void) {
  bp_pg_course_state *s = bp_pg_state_new(standin_context(), courses);
  s->params.known = 1;
  s->params.gap_days = 7;
  s->params.max_days = 21;
  return s;
}

/* The serialized bytes of a state (without the varlena header), copied
** into out; returns their length. */
static size_t serialized(const bp_pg_course_state *s, unsigned char *out, size_t size) {
  bytea *b = bp_pg_state_serialize(s);
  size_t length = VARSIZE(b) - VARHDRSZ;
  if (length <= size) memcpy(out, VARDATA(b), length);
  pfree(b);
  return length;
}

static void put_be(unsigned char *at, unsigned long long value, int bytes) {
  for (int i = bytes - 1; i >= 0; i--) *at++ = (unsigned char)(value >> (8 * i));
}

/* Offsets of the header's fields (pg_state.h). */
enum {
  AT_MAGIC = 0,
  AT_FUNCTION = 4,
  AT_KNOWN = 8,
  AT_GAP = 9,
  AT_MAX = 17,
  AT_HAS_AS_OF = 25,
  AT_AS_OF = 26,
  AT_SORTED = 30,
  AT_COUNT = 31,
  AT_FILLS = 39
};

/* Checks that bytes (a valid state, edited) is refused with "(what)". */
static void refused(const unsigned char *bytes, size_t length, const char *what, const char *name) {
  standin_error error;
  char want[128];
  snprintf(want, sizeof(want), "backpain: a serialized course state is corrupt (%s)", what);
  bp_pg_course_state *s = standin_deserialize(bytes, length, &error);
  if (!tap_ok(s == NULL, "refused: %s", name)) return;
  tap_is_str(error.message, want, "... with the message naming %s", what);
  tap_is_str(error.code, "XX001", "... and SQLSTATE XX001 (data corrupted)");
}

/* ---- Tests ------------------------------------------------------------------ */

static void test_serialized_form(void) {
  bp_pg_course_state *s = new_courses_state();
  bp_pg_state_add(s, standin_context(), fill(2460311, 2460320)); /* 2024-01-01 .. 01-10 */
  bp_pg_state_add(s, standin_context(), fill(2460329, 2460338)); /* 2024-01-19 .. 01-28 */
  unsigned char bytes[256];
  size_t length = serialized(s, bytes, sizeof(bytes));
  tap_is_int((long long)length, 39 + 2 * 8, "a state of 2 fills is 39 + 16 bytes");
  static const unsigned char header[39] = {
      0x62, 0x70, 0x00, 0x01,              /* magic "bp", format 1 */
      0x00, 0x00, 0x00, 0x05,              /* bp_functions[5] */
      0x01,                                /* known */
      0,    0,    0,    0,    0, 0, 0, 7,  /* gap_days 7 */
      0,    0,    0,    0,    0, 0, 0, 21, /* max_days 21 */
      0x00,                                /* has_as_of */
      0,    0,    0,    0,                 /* as_of */
      0x01,                                /* sorted */
      0,    0,    0,    0,    0, 0, 0, 2,  /* count */
  };
  tap_is_str(bp_functions[5].name, "relaxant_courses", "bp_functions[5] is relaxant_courses");
  tap_ok(memcmp(bytes, header, sizeof(header)) == 0, "the header, byte by byte");
  bp_fill fills[2];
  memcpy(fills, bytes + AT_FILLS, sizeof(fills));
  tap_ok(fills[0].start == 2460311 && fills[0].end == 2460320 && fills[1].start == 2460329 &&
             fills[1].end == 2460338,
         "the fills follow, as they are in memory");

  bp_pg_course_state *back = standin_deserialize(bytes, length, NULL);
  tap_ok(back != NULL && bp_pg_state_function(back) == courses && back->params.known == 1 &&
             back->params.gap_days == 7 && back->params.max_days == 21 && !back->params.has_as_of &&
             back->sorted && back->count == 2 &&
             memcmp(bp_pg_state_fills(back), bp_pg_state_fills(s), 2 * sizeof(bp_fill)) == 0,
         "read back: the same function, parameters, order flag and fills");
  unsigned char again[256];
  tap_ok(back != NULL && serialized(back, again, sizeof(again)) == length &&
             memcmp(again, bytes, length) == 0,
         "... which serialize to the same bytes");

  /* With as_of (2024-03-01 = 2460371) and the longest-course function. */
  bp_pg_course_state *longest = bp_pg_state_new(standin_context(), &bp_functions[6]);
  longest->params = s->params;
  longest->params.has_as_of = 1;
  longest->params.as_of = 2460371;
  length = serialized(longest, bytes, sizeof(bytes));
  tap_ok(length == 39 && bytes[AT_FUNCTION + 3] == 6 && bytes[AT_HAS_AS_OF] == 1 &&
             bytes[AT_AS_OF] == 0x00 && bytes[AT_AS_OF + 1] == 0x25 &&
             bytes[AT_AS_OF + 2] == 0x8a && bytes[AT_AS_OF + 3] == 0xd3,
         "relaxant_longest_course (bp_functions[6]) with as_of 2460371 = 0x00258ad3, no fill");
  back = standin_deserialize(bytes, length, NULL);
  tap_ok(back != NULL && bp_pg_state_function(back) == &bp_functions[6] && back->params.has_as_of &&
             back->params.as_of == 2460371 && back->count == 0,
         "... read back");
  standin_reset();
}

static void test_refusals(void) {
  bp_pg_course_state *s = new_courses_state();
  s->params.has_as_of = 1;
  s->params.as_of = 2460371;
  bp_pg_state_add(s, standin_context(), fill(2460311, 2460320));
  bp_pg_state_add(s, standin_context(), fill(2460329, 2460338));
  unsigned char good[256], bad[256];
  size_t length = serialized(s, good, sizeof(good));
  tap_ok(standin_deserialize(good, length, NULL) != NULL, "the unedited bytes are read");

#define EDIT(field, value, bytes) \
  (memcpy(bad, good, length), put_be(bad + (field), (unsigned long long)(value), (bytes)))

  refused(good, 36, "length", "36 bytes, one short of a header");
  refused(good, 0, "length", "no bytes");
  refused(good, length - 1, "length", "a fill cut short");
  memcpy(bad, good, length);
  bad[length] = 0;
  refused(bad, length + 1, "length", "a byte after the last fill");
  EDIT(AT_COUNT, 3, 8);
  refused(bad, length, "length", "a count of 3 over 2 fills");
  EDIT(AT_COUNT, (unsigned long long)BP_PG_MAX_FILLS + 1, 8);
  refused(bad, length, "length", "a count past BP_PG_MAX_FILLS");
  EDIT(AT_COUNT, ~0ULL, 8);
  refused(bad, length, "length", "a count of 2^64 - 1 (times 8 wraps around)");
  EDIT(AT_MAGIC, 0x62700002, 4);
  refused(bad, length, "format", "another format number");
  EDIT(AT_FUNCTION, 0, 4);
  refused(bad, length, "function", "bp_functions[0], a scalar function");
  EDIT(AT_FUNCTION, 7, 4);
  refused(bad, length, "function", "bp_functions[7], the window function");
  EDIT(AT_FUNCTION, 13, 4);
  refused(bad, length, "function", "bp_functions[13], past the last row");
  EDIT(AT_KNOWN, 0, 1);
  refused(bad, length, "flags", "parameters not known");
  EDIT(AT_KNOWN, 2, 1);
  refused(bad, length, "flags", "known = 2");
  EDIT(AT_HAS_AS_OF, 2, 1);
  refused(bad, length, "flags", "has_as_of = 2");
  EDIT(AT_SORTED, 255, 1);
  refused(bad, length, "flags", "sorted = 255");
  EDIT(AT_GAP, -1LL, 8);
  refused(bad, length, "parameters", "gap_days -1");
  EDIT(AT_MAX, 0, 8);
  refused(bad, length, "parameters", "max_days 0");
  EDIT(AT_AS_OF, BP_DAY_MIN - 1, 4);
  refused(bad, length, "parameters", "as_of the day before 0000-01-01");
  EDIT(AT_AS_OF, BP_DAY_MAX + 1, 4);
  refused(bad, length, "parameters", "as_of the day after 9999-12-31");
  EDIT(AT_AS_OF, -1LL, 4);
  refused(bad, length, "parameters", "as_of -1");
  memcpy(bad, good, length);
  bad[AT_HAS_AS_OF] = 0; /* as_of stays 2460371 */
  refused(bad, length, "parameters", "an as_of without has_as_of");
  /* Fills are as they are in memory: edited as bp_fill. */
  {
    bp_fill f = {BP_DAY_MIN - 1, 2460320};
    memcpy(bad, good, length);
    memcpy(bad + AT_FILLS, &f, 8);
    refused(bad, length, "fill", "a fill starting before 0000-01-01");
  }
  {
    bp_fill f = {2460329, 2460372}; /* as_of is 2460371 */
    memcpy(bad, good, length);
    memcpy(bad + AT_FILLS + 8, &f, 8);
    refused(bad, length, "fill", "a fill ending the day after as_of");
  }
  {
    bp_fill f = {2460329, 2460328};
    memcpy(bad, good, length);
    memcpy(bad + AT_FILLS + 8, &f, 8);
    refused(bad, length, "fill", "a fill ending before it starts");
  }
  {
    bp_fill f = {2460329, BP_DAY_MAX + 1};
    memcpy(bad, good, length);
    bad[AT_HAS_AS_OF] = 0;
    memset(bad + AT_AS_OF, 0, 4);
    memcpy(bad + AT_FILLS + 8, &f, 8);
    refused(bad, length, "fill", "a fill ending after 9999-12-31 (no as_of)");
  }
  {
    bp_fill f = {2460301, 2460302}; /* before the first fill */
    memcpy(bad, good, length);
    memcpy(bad + AT_FILLS + 8, &f, 8);
    refused(bad, length, "order", "fills out of order under the sorted flag");
    bad[AT_SORTED] = 0;
    bp_pg_course_state *unsorted = standin_deserialize(bad, length, NULL);
    tap_ok(unsorted != NULL && !unsorted->sorted && unsorted->count == 2,
           "... and read without the flag (the final function sorts a copy)");
  }
  {
    bp_fill f = {2460311, 2460319}; /* the same start, an earlier end */
    memcpy(bad, good, length);
    memcpy(bad + AT_FILLS + 8, &f, 8);
    refused(bad, length, "order", "an equal start with an earlier end under the sorted flag");
  }
#undef EDIT
  standin_reset();
}

static void test_growth(void) {
  bp_pg_course_state *s = new_courses_state();
  size_t before = standin_live_blocks();
  for (int i = 0; i < 3; i++) bp_pg_state_add(s, standin_context(), fill(2460311 + i, 2460311 + i));
  tap_ok(bp_pg_state_fills(s) == s->fills.inline_fills && s->capacity == 3 && s->count == 3 &&
             standin_live_blocks() == before,
         "3 fills stay inside the state (no block)");
  bp_pg_state_add(s, standin_context(), fill(2460400, 2460401));
  const bp_fill *fills = bp_pg_state_fills(s);
  tap_ok(fills == s->fills.block && s->capacity == 6 && s->count == 4 &&
             standin_live_blocks() == before + 1,
         "the 4th moves them to a block of 6");
  tap_ok(fills[0].start == 2460311 && fills[2].start == 2460313 && fills[3].start == 2460400 &&
             s->sorted,
         "... in order, still sorted");
  for (int i = 0; i < 3; i++) bp_pg_state_add(s, standin_context(), fill(2460500, 2460501));
  tap_ok(s->capacity == 12 && s->count == 7 && standin_live_blocks() == before + 1 &&
             bp_pg_state_fills(s)[6].start == 2460500 && bp_pg_state_fills(s)[3].start == 2460400,
         "the 7th doubles the block (one block still), the fills kept");
  bp_pg_state_add(s, standin_context(), fill(2460500, 2460500));
  tap_ok(!s->sorted, "a fill with the same start and an earlier end: no longer sorted");
  standin_reset();
}

typedef struct {
  bp_pg_course_state *into;
  const bp_pg_course_state *from;
} combine_job;

static void combine(void *arg) {
  combine_job *job = arg;
  bp_pg_state_combine(job->into, standin_context(), job->from);
}

static void test_combine(void) {
  bp_pg_course_state *a = new_courses_state(), *b = new_courses_state();
  bp_pg_state_add(a, standin_context(), fill(2460311, 2460320));
  bp_pg_state_add(b, standin_context(), fill(2460329, 2460338));
  combine_job job = {a, b};
  tap_ok(!standin_try(combine, &job, NULL) && a->count == 2 && a->sorted &&
             bp_pg_state_fills(a)[1].start == 2460329,
         "combining a later group: 2 fills, sorted");
  combine_job back = {b, a};
  tap_ok(!standin_try(combine, &back, NULL) && b->count == 3 && !b->sorted,
         "combining an earlier group after a later one: 3 fills, not sorted");

  bp_pg_course_state *empty = bp_pg_state_new(standin_context(), courses);
  combine_job first = {empty, a};
  tap_ok(!standin_try(combine, &first, NULL) && empty->params.known &&
             empty->params.gap_days == 7 && empty->count == 2 && empty->sorted,
         "into a new state: the parameters and fills of the first");
  bp_pg_course_state *no_fills = new_courses_state();
  combine_job none = {a, no_fills};
  tap_ok(!standin_try(combine, &none, NULL) && a->count == 2,
         "a group of rows without a fill adds nothing");

  bp_pg_course_state *other = new_courses_state();
  other->params.gap_days = 8;
  bp_pg_state_add(other, standin_context(), fill(2460400, 2460401));
  combine_job clash = {a, other};
  standin_error error;
  tap_ok(standin_try(combine, &clash, &error), "groups with gap_days 7 and 8 do not combine");
  tap_is_str(error.message,
             "relaxant_courses(): gap_days must be the same on every row of a group, got 7 and 8",
             "... with the core's message");
  tap_is_str(error.code, "22023", "... and SQLSTATE 22023");
  tap_ok(a->count == 2 && a->params.gap_days == 7, "... and the state is unchanged");

  /* The size limit: a group of BP_PG_MAX_FILLS fills (its fills are not
  ** read: the limit is checked first). */
  bp_pg_course_state huge = *a;
  huge.count = BP_PG_MAX_FILLS;
  combine_job too_many = {a, &huge};
  tap_ok(standin_try(combine, &too_many, &error), "2 + BP_PG_MAX_FILLS fills are refused");
  tap_is_str(error.message,
             "relaxant_courses(): a group of more than 134217722 fills is too big (8 bytes per "
             "fill, and a group's state must fit in 1 GB)",
             "... as too big: (1 GB - 1 - 4 - 39) / 8 = 134217722 fills");
  tap_is_str(error.code, "54000", "... SQLSTATE 54000");
  tap_ok(a->count == 2, "... and the state is unchanged");
  standin_reset();
}

int main(void) {
  courses = bp_function_find("relaxant_courses");
  tap_ok(courses == &bp_functions[5], "relaxant_courses is found");
  test_serialized_form();
  test_refusals();
  test_growth();
  test_combine();
  tap_is_int((long long)standin_live_blocks(), 0, "every block freed");
  return tap_done();
}
