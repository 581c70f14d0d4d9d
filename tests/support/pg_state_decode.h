/*
** tests/support/pg_state_decode.h: reading a serialized course state back
** under the stand-ins' error trap, for the programs that test
** ext/postgres/pg_state.c without a server (tests/pg/unit/test_pg_state.c,
** tests/fuzz/fuzz_pg.c).
*/
#ifndef BACKPAIN_PG_STATE_DECODE_H
#define BACKPAIN_PG_STATE_DECODE_H

#include "pg_standins.h"
#include "pg_state.h"

typedef struct {
  const char *bytes;
  size_t length;
  bp_pg_course_state *state;
} standin_decode_job;

static inline void standin_decode(void *arg) {
  standin_decode_job *job = arg;
  job->state = bp_pg_state_deserialize(job->bytes, job->length, standin_context());
}

/* The state the bytes hold, or NULL when bp_pg_state_deserialize refuses
** them (then *error says why; error may be NULL). */
static inline bp_pg_course_state *standin_deserialize(const void *bytes, size_t length,
                                                      standin_error *error) {
  standin_decode_job job = {bytes, length, NULL};
  return standin_try(standin_decode, &job, error) ? NULL : job.state;
}

#endif
