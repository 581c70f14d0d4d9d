/*
** test_json.c: unit tests of bp_json's writers (no engine): strings
** escaped as JSON wants them (quotes, backslashes, every control byte as
** \u00XX), bytes that are not UTF-8 replaced by U+FFFD one by one while
** valid multi-byte characters pass whole, integers at both ends of int64,
** and the buffer writer, which writes what fits, stays NUL-terminated and
** counts the full length; the batch in front of a writer. Every expected
** text is written out by hand.
*/
#include <stdint.h>
#include <string.h>

#include "bp_json.h"
#include "tap.h"

/* The JSON string of bytes[0..length). */
static const char *json_of(const char *bytes, size_t length, char *out, size_t size) {
  bp_buffer_writer w;
  bp_buffer_writer_init(&w, out, size);
  bp_json_string(&w.base, bytes, length);
  return out;
}

static void test_strings(void) {
  char out[128];
  tap_is_str(json_of("yoga", 4, out, sizeof(out)), "\"yoga\"", "plain text is quoted");
  tap_is_str(json_of("", 0, out, sizeof(out)), "\"\"", "the empty text");
  tap_is_str(json_of("say \"hi\" \\ bye", 14, out, sizeof(out)), "\"say \\\"hi\\\" \\\\ bye\"",
             "quotes and backslashes are escaped");
  tap_is_str(json_of("a\x01"
                     "b\x1f"
                     "c\n",
                     6, out, sizeof(out)),
             "\"a\\u0001b\\u001fc\\u000a\"", "control bytes, newline too, as \\u00XX");
  tap_is_str(json_of("x\0y", 3, out, sizeof(out)), "\"x\\u0000y\"", "a NUL byte as \\u0000");
  tap_is_str(json_of("\x7f", 1, out, sizeof(out)), "\"\x7f\"",
             "DEL is not a control byte for JSON");
  tap_is_str(json_of("caf\xc3\xa9", 5, out, sizeof(out)), "\"caf\xc3\xa9\"",
             "a valid two-byte character passes whole");
  tap_is_str(json_of("a\xff"
                     "b",
                     3, out, sizeof(out)),
             "\"a\xef\xbf\xbd"
             "b\"",
             "a byte that is not UTF-8 becomes U+FFFD");
  tap_is_str(json_of("\xc3", 1, out, sizeof(out)), "\"\xef\xbf\xbd\"",
             "a sequence cut short becomes U+FFFD");
  tap_is_str(json_of("\xc3\xc3\xa9", 3, out, sizeof(out)), "\"\xef\xbf\xbd\xc3\xa9\"",
             "... one byte at a time: the next character is kept");
}

static void test_ints_and_buffer(void) {
  char out[32];
  bp_buffer_writer w;
  bp_buffer_writer_init(&w, out, sizeof(out));
  bp_json_int(&w.base, INT64_MIN);
  bp_json_raw(&w.base, ",");
  bp_json_int(&w.base, INT64_MAX);
  tap_is_str(out, "-9223372036854775808,9223372036", "the buffer holds the first 31 bytes");
  tap_is_int((long long)w.length, 40, "... and counts the whole text: 20 + 1 + 19 bytes");
  char none[1] = {'x'};
  bp_buffer_writer_init(&w, none, 0);
  bp_json_raw(&w.base, "[]");
  tap_ok(none[0] == 'x' && w.length == 2, "a writer of no bytes writes none and counts 2");
  bp_buffer_writer_init(&w, none, 1);
  bp_json_plain_string(&w.base, "yoga");
  tap_ok(none[0] == '\0' && w.length == 6, "a writer of one byte keeps the NUL, counts 6");
}

/* A writer that counts how often it is called, in front of a buffer
** writer. */
typedef struct {
  bp_writer base;
  bp_buffer_writer inner;
  int calls;
} counting_writer;

static void counting_append(bp_writer *base, const char *bytes, size_t length) {
  counting_writer *w = (counting_writer *)base;
  w->calls++;
  w->inner.base.append(&w->inner.base, bytes, length);
}

static void counting_init(counting_writer *w, char *out, size_t size) {
  w->base.append = counting_append;
  bp_buffer_writer_init(&w->inner, out, size);
  w->calls = 0;
}

static void test_batch(void) {
  static char big[3 * BP_JSON_BATCH_SIZE + 1];
  static char out[5 * BP_JSON_BATCH_SIZE];
  counting_writer w;
  bp_json_batch batch;

  counting_init(&w, out, sizeof(out));
  bp_json_batch_init(&batch, &w.base);
  bp_json_batch_raw(&batch, "{\"a\":");
  bp_json_batch_plain_string(&batch, "yoga");
  bp_json_batch_raw(&batch, "}");
  tap_ok(w.calls == 0, "small pieces stay in the batch: no call yet");
  bp_json_batch_flush(&batch);
  tap_ok(w.calls == 1 && strcmp(out, "{\"a\":\"yoga\"}") == 0,
         "one flush hands them over in one call: {\"a\":\"yoga\"}");
  bp_json_batch_flush(&batch);
  tap_ok(w.calls == 1, "an empty batch calls nothing");

  /* A piece that does not fit the room left flushes first; a piece longer
  ** than the whole buffer goes straight through, after what was batched. */
  memset(big, 'x', sizeof(big) - 1);
  counting_init(&w, out, sizeof(out));
  bp_json_batch_init(&batch, &w.base);
  bp_json_batch_raw(&batch, "[");
  bp_json_batch_put(&batch, big, BP_JSON_BATCH_SIZE);
  tap_ok(w.calls == 1 && w.inner.length == 1,
         "a piece as long as the buffer flushes the 1 byte before it");
  bp_json_batch_put(&batch, big, sizeof(big) - 1);
  tap_ok(w.calls == 3 && w.inner.length == 1 + BP_JSON_BATCH_SIZE + sizeof(big) - 1,
         "a piece longer than the buffer: the batch is flushed, then the piece is written whole");
  bp_json_batch_raw(&batch, "]");
  bp_json_batch_flush(&batch);
  tap_ok(w.calls == 4 && out[0] == '[' && out[w.inner.length - 1] == ']' &&
             w.inner.length == 2 + BP_JSON_BATCH_SIZE + sizeof(big) - 1,
         "everything arrives, in order");
}

int main(void) {
  test_strings();
  test_ints_and_buffer();
  test_batch();
  return tap_done();
}
