/*
** bp_json.h: writing JSON into whatever the engine collects text in.
**
** The core renders JSON results (plans, courses, dose alerts) through a
** bp_writer: a binding embeds one in its own buffer type (an sqlite3_str, a
** PostgreSQL StringInfo) and keeps its own out-of-memory state, so the core
** neither allocates nor knows the engine.
*/
#ifndef BP_JSON_H
#define BP_JSON_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct bp_writer bp_writer;
struct bp_writer {
  void (*append)(bp_writer *writer, const char *bytes, size_t length);
};

/* Text as it is (the caller knows it is valid JSON there). Inline, so that
** the length of a literal is known at compile time. */
static inline void bp_json_raw(bp_writer *writer, const char *text) {
  writer->append(writer, text, strlen(text));
}

/* A quoted JSON string: quotes, backslashes and control characters
** escaped; bytes that are not valid UTF-8 become U+FFFD. */
void bp_json_string(bp_writer *writer, const char *bytes, size_t length);

/* A quoted string known to need no escaping: plain ASCII without quotes,
** backslashes or control characters, as every content string is
** (tests/unit/test_content.c checks them all). */
void bp_json_plain_string(bp_writer *writer, const char *text);

void bp_json_int(bp_writer *writer, int64_t value);

/*
** A batch in front of a writer: pieces are copied into a buffer inside the
** batch (inline, no call) and handed to the writer a buffer at a time. For
** results built from many small pieces, such as a plan.
*/
#define BP_JSON_BATCH_SIZE 2048

typedef struct {
  bp_writer *target;
  size_t used;
  char data[BP_JSON_BATCH_SIZE];
} bp_json_batch;

static inline void bp_json_batch_init(bp_json_batch *batch, bp_writer *target) {
  batch->target = target;
  batch->used = 0;
}

static inline void bp_json_batch_flush(bp_json_batch *batch) {
  if (batch->used > 0) batch->target->append(batch->target, batch->data, batch->used);
  batch->used = 0;
}

static inline void bp_json_batch_put(bp_json_batch *batch, const char *bytes, size_t length) {
  if (length > sizeof(batch->data) - batch->used) {
    bp_json_batch_flush(batch);
    if (length > sizeof(batch->data)) {
      batch->target->append(batch->target, bytes, length);
      return;
    }
  }
  memcpy(batch->data + batch->used, bytes, length);
  batch->used += length;
}

static inline void bp_json_batch_raw(bp_json_batch *batch, const char *text) {
  bp_json_batch_put(batch, text, strlen(text));
}

/* A quoted string that needs no escaping (see bp_json_plain_string). */
static inline void bp_json_batch_plain_string(bp_json_batch *batch, const char *text) {
  bp_json_batch_put(batch, "\"", 1);
  bp_json_batch_put(batch, text, strlen(text));
  bp_json_batch_put(batch, "\"", 1);
}

/* A writer into a fixed buffer, for tests and for the core's own use:
** writes what fits, keeps NUL termination, and counts the full length. */
typedef struct {
  bp_writer base;
  char *buffer;
  size_t capacity;
  size_t length; /* the full length, which may exceed capacity - 1 */
} bp_buffer_writer;

void bp_buffer_writer_init(bp_buffer_writer *writer, char *buffer, size_t capacity);

#endif
