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
