/*
** tests/fuzz/fuzz_check.h: what every libFuzzer harness shares.
**
** CHECK(cond) aborts with the file, line and condition when an invariant of
** the code under test does not hold, so that libFuzzer records the input.
** byte_reader hands out the fuzzer's bytes one at a time, for harnesses that
** build structured input (dates, plan facts) from them; zeros once used up.
*/
#ifndef BACKPAIN_FUZZ_CHECK_H
#define BACKPAIN_FUZZ_CHECK_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      abort();                                                                 \
    }                                                                          \
  } while (0)

typedef struct {
  const uint8_t *data;
  size_t size, pos;
} byte_reader;

static inline unsigned next_byte(byte_reader *r) {
  return r->pos < r->size ? r->data[r->pos++] : 0u;
}

static inline uint32_t next_u32(byte_reader *r) {
  uint32_t v = 0;
  for (int i = 0; i < 4; i++) v = (v << 8) | next_byte(r);
  return v;
}

#endif
