/*
** bp_json.c: JSON writing through a bp_writer (see bp_json.h).
*/
#include "bp_json.h"

#include <stdio.h>
#include <string.h>

#include "bp_number.h"
#include "bp_text.h"

void bp_json_plain_string(bp_writer *writer, const char *text) {
  writer->append(writer, "\"", 1);
  writer->append(writer, text, strlen(text));
  writer->append(writer, "\"", 1);
}

void bp_json_string(bp_writer *writer, const char *bytes, size_t length) {
  const unsigned char *s = (const unsigned char *)bytes;
  size_t run = 0; /* start of the bytes not yet written */
  writer->append(writer, "\"", 1);
  for (size_t i = 0; i < length;) {
    uint32_t code_point;
    size_t sequence = bp_utf8_decode(s + i, length - i, &code_point);
    char escape[8];
    const char *replacement = NULL;
    if (sequence == 0) {
      replacement = "\xEF\xBF\xBD"; /* U+FFFD for a byte that is not UTF-8 */
    } else if (s[i] == '"') {
      replacement = "\\\"";
    } else if (s[i] == '\\') {
      replacement = "\\\\";
    } else if (s[i] < 0x20) {
      snprintf(escape, sizeof(escape), "\\u%04x", s[i]);
      replacement = escape;
    }
    if (replacement == NULL) {
      i += sequence;
      continue;
    }
    writer->append(writer, bytes + run, i - run);
    writer->append(writer, replacement, strlen(replacement));
    i += sequence == 0 ? 1 : sequence;
    run = i;
  }
  writer->append(writer, bytes + run, length - run);
  writer->append(writer, "\"", 1);
}

void bp_json_int(bp_writer *writer, int64_t value) {
  char text[BP_NUMBER_FORMAT_SIZE];
  writer->append(writer, text, bp_number_format_int(value, text));
}

static void buffer_append(bp_writer *base, const char *bytes, size_t length) {
  bp_buffer_writer *w = (bp_buffer_writer *)base;
  if (w->length + 1 < w->capacity) {
    size_t room = w->capacity - 1 - w->length;
    memcpy(w->buffer + w->length, bytes, length < room ? length : room);
  }
  w->length += length;
  if (w->capacity > 0) {
    w->buffer[w->length < w->capacity ? w->length : w->capacity - 1] = '\0';
  }
}

void bp_buffer_writer_init(bp_buffer_writer *writer, char *buffer, size_t capacity) {
  writer->base.append = buffer_append;
  writer->buffer = buffer;
  writer->capacity = capacity;
  writer->length = 0;
  if (capacity > 0) buffer[0] = '\0';
}
