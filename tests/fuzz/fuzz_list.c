/*
** fuzz_list.c: libFuzzer harness for the list reader (ext/core/bp_list.c) that
** recommend_plan() uses for tried, preferences, red_flags and
** contraindications.
**
** bp_list_parse decodes user text into a caller's fixed buffer, which is
** where an off-by-one would hurt. The input is parsed four times:
**
**   small   a 16-byte item buffer (items get cut);
**   big     a buffer of input size + 1 (no decoded item can be longer);
**   stop    the big buffer, with a callback that stops at the first item;
**   tiny    a 1-byte buffer (every item is cut to nothing).
**
** Every run: each item has length < buffer size, is NUL-terminated at
** item[length], is flagged truncated exactly when it had to be cut (then
** length == size - 1); the status is one of the enum values and the
** offset is within the input. The runs agree with each other: same status
** and offset, same number of items, each small item a prefix of the big
** one; the stop run reports BP_LIST_STOPPED after one item exactly when
** the big run delivered an item.
**
** Against independent oracles written here from the header's description:
**
**   CSV   (not starting with '[' after white space) the items are exactly
**         the comma-separated pieces, trimmed of white space, empty ones
**         skipped; so no item contains ',' or starts (or, uncut, ends) with
**         white space; the status is always BP_LIST_OK.
**   JSON  the input is a well-formed flat JSON array (RFC 8259) of strings,
**         numbers and nulls exactly when the status is BP_LIST_OK, and then
**         the items are the decoded strings and number texts, nulls
**         skipped. A nested array or an object/true/false item gives the
**         matching status when the reader meets it first.
**
** This harness found that bp_list accepted numbers with leading zeros
** ([01]); fixed, and kept as the seed corpus/fuzz_list/json-leading-zero.
**
** No state is kept between inputs.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bp_common.h"
#include "bp_list.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define SMALL_BUFFER 16
/* Items remembered per run; inputs are far shorter than this many items. */
#define MAX_ITEMS 4096

typedef struct {
  size_t buffer_size;
  int stop_after_first;
  size_t count;
  /* Copies of the items, in order. */
  char *items[MAX_ITEMS];
  size_t lengths[MAX_ITEMS];
  int truncated[MAX_ITEMS];
  size_t overflow; /* items beyond MAX_ITEMS, counted only */
} run_log;

static int record_item(void *context, const char *item, size_t length, int truncated) {
  run_log *log = context;
  CHECK(item != NULL);
  CHECK(length < log->buffer_size);
  CHECK(item[length] == '\0');
  CHECK(truncated == 0 || truncated == 1);
  if (truncated) CHECK(length == log->buffer_size - 1);
  if (log->count < MAX_ITEMS) {
    char *copy = malloc(length + 1);
    CHECK(copy != NULL);
    memcpy(copy, item, length + 1);
    log->items[log->count] = copy;
    log->lengths[log->count] = length;
    log->truncated[log->count] = truncated;
  } else {
    log->overflow++;
  }
  log->count++;
  return log->stop_after_first;
}

static void free_log(run_log *log) {
  size_t kept = log->count < MAX_ITEMS ? log->count : MAX_ITEMS;
  for (size_t i = 0; i < kept; i++) free(log->items[i]);
  free(log);
}

static run_log *run(const char *text, size_t n, size_t buffer_size, int stop_after_first,
                    bp_list_result *result) {
  run_log *log = calloc(1, sizeof(*log));
  CHECK(log != NULL);
  log->buffer_size = buffer_size;
  log->stop_after_first = stop_after_first;
  /* Exactly buffer_size bytes, so that ASan sees any write past it. */
  char *buffer = malloc(buffer_size);
  CHECK(buffer != NULL);
  *result = bp_list_parse(text, n, buffer, buffer_size, record_item, log);
  free(buffer);
  CHECK(result->status == BP_LIST_OK || result->status == BP_LIST_BAD_JSON ||
        result->status == BP_LIST_NESTED || result->status == BP_LIST_NOT_STRING ||
        result->status == BP_LIST_STOPPED);
  CHECK(result->offset <= n);
  CHECK(bp_list_status_text(result->status) != NULL);
  if (result->status == BP_LIST_STOPPED) CHECK(stop_after_first && log->count == 1);
  return log;
}

/* ---- Oracles ------------------------------------------------------------ */

/* Expected items, as (pointer into a scratch buffer, length) pairs. */
typedef struct {
  char *scratch; /* decoded bytes of every item, back to back */
  size_t used;
  size_t count;
  size_t starts[MAX_ITEMS];
  size_t lengths[MAX_ITEMS];
} expected_items;

static void expect_begin(expected_items *e) {
  if (e->count < MAX_ITEMS) {
    e->starts[e->count] = e->used;
    e->lengths[e->count] = 0;
  }
}

static void expect_byte(expected_items *e, char c) {
  e->scratch[e->used++] = c;
  if (e->count < MAX_ITEMS) e->lengths[e->count]++;
}

static void expect_end(expected_items *e) { e->count++; }

static void csv_oracle(const char *text, size_t n, expected_items *e) {
  size_t pos = 0;
  for (;;) {
    size_t start = pos;
    while (pos < n && text[pos] != ',') pos++;
    size_t end = pos;
    while (start < end && bp_is_space(text[start])) start++;
    while (end > start && bp_is_space(text[end - 1])) end--;
    if (end > start) {
      expect_begin(e);
      for (size_t i = start; i < end; i++) expect_byte(e, text[i]);
      expect_end(e);
    }
    if (pos >= n) break;
    pos++;
  }
}

typedef enum {
  JSON_FLAT_OK,    /* a well-formed array of strings, numbers and nulls */
  JSON_NESTED,     /* the first problem is an array item */
  JSON_NOT_STRING, /* the first problem is an object, true or false item */
  JSON_MALFORMED
} json_verdict;

typedef struct {
  const char *text;
  size_t n, pos;
} cursor;

static void skip_ws(cursor *c) {
  while (c->pos < c->n && bp_is_space(c->text[c->pos])) c->pos++;
}

static int hex_value(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

static int read_u16(cursor *c, unsigned *out) {
  unsigned v = 0;
  if (c->n - c->pos < 4) return 0;
  for (int i = 0; i < 4; i++) {
    int h = hex_value(c->text[c->pos + (size_t)i]);
    if (h < 0) return 0;
    v = v * 16 + (unsigned)h;
  }
  c->pos += 4;
  *out = v;
  return 1;
}

static void expect_utf8(expected_items *e, unsigned long cp) {
  if (cp < 0x80) {
    expect_byte(e, (char)cp);
  } else if (cp < 0x800) {
    expect_byte(e, (char)(0xC0 | (cp >> 6)));
    expect_byte(e, (char)(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    expect_byte(e, (char)(0xE0 | (cp >> 12)));
    expect_byte(e, (char)(0x80 | ((cp >> 6) & 0x3F)));
    expect_byte(e, (char)(0x80 | (cp & 0x3F)));
  } else {
    expect_byte(e, (char)(0xF0 | (cp >> 18)));
    expect_byte(e, (char)(0x80 | ((cp >> 12) & 0x3F)));
    expect_byte(e, (char)(0x80 | ((cp >> 6) & 0x3F)));
    expect_byte(e, (char)(0x80 | (cp & 0x3F)));
  }
}

/* A JSON string at c->pos (the opening quote). Escaped UTF-16 surrogates
** must pair up: a lone one cannot be turned into UTF-8. */
static int oracle_string(cursor *c, expected_items *e) {
  static const char simple_from[] = "\"\\/bfnrt";
  static const char simple_to[] = "\"\\/\b\f\n\r\t";
  c->pos++;
  expect_begin(e);
  while (c->pos < c->n) {
    unsigned char ch = (unsigned char)c->text[c->pos++];
    if (ch == '"') {
      expect_end(e);
      return 1;
    }
    if (ch < 0x20) return 0;
    if (ch != '\\') {
      expect_byte(e, (char)ch);
      continue;
    }
    if (c->pos >= c->n) return 0;
    char esc = c->text[c->pos++];
    const char *simple = esc != '\0' ? strchr(simple_from, esc) : NULL;
    if (simple != NULL) {
      expect_byte(e, simple_to[simple - simple_from]);
    } else if (esc == 'u') {
      unsigned high, low;
      if (!read_u16(c, &high)) return 0;
      if (high >= 0xDC00 && high <= 0xDFFF) return 0;
      if (high >= 0xD800 && high <= 0xDBFF) {
        if (c->n - c->pos < 2 || c->text[c->pos] != '\\' || c->text[c->pos + 1] != 'u') {
          return 0;
        }
        c->pos += 2;
        if (!read_u16(c, &low) || low < 0xDC00 || low > 0xDFFF) return 0;
        expect_utf8(e, 0x10000ul + (((unsigned long)high - 0xD800) << 10) + (low - 0xDC00));
      } else {
        expect_utf8(e, high);
      }
    } else {
      return 0;
    }
  }
  return 0;
}

/* RFC 8259 number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static int oracle_number(cursor *c, expected_items *e) {
  size_t start = c->pos;
  if (c->pos < c->n && c->text[c->pos] == '-') c->pos++;
  if (c->pos >= c->n || !bp_is_digit(c->text[c->pos])) return 0;
  if (c->text[c->pos] == '0') {
    c->pos++;
  } else {
    while (c->pos < c->n && bp_is_digit(c->text[c->pos])) c->pos++;
  }
  if (c->pos < c->n && c->text[c->pos] == '.') {
    c->pos++;
    if (c->pos >= c->n || !bp_is_digit(c->text[c->pos])) return 0;
    while (c->pos < c->n && bp_is_digit(c->text[c->pos])) c->pos++;
  }
  if (c->pos < c->n && (c->text[c->pos] == 'e' || c->text[c->pos] == 'E')) {
    c->pos++;
    if (c->pos < c->n && (c->text[c->pos] == '+' || c->text[c->pos] == '-')) c->pos++;
    if (c->pos >= c->n || !bp_is_digit(c->text[c->pos])) return 0;
    while (c->pos < c->n && bp_is_digit(c->text[c->pos])) c->pos++;
  }
  expect_begin(e);
  for (size_t i = start; i < c->pos; i++) expect_byte(e, c->text[i]);
  expect_end(e);
  return 1;
}

static int starts_with(const cursor *c, const char *word) {
  size_t len = strlen(word);
  return c->n - c->pos >= len && memcmp(c->text + c->pos, word, len) == 0;
}

static json_verdict json_oracle(const char *text, size_t n, expected_items *e) {
  cursor c = {text, n, 0};
  skip_ws(&c);
  c.pos++; /* '[' */
  skip_ws(&c);
  if (c.pos < n && text[c.pos] == ']') {
    c.pos++;
  } else {
    for (;;) {
      skip_ws(&c);
      if (c.pos >= n) return JSON_MALFORMED;
      char ch = text[c.pos];
      if (ch == '"') {
        if (!oracle_string(&c, e)) return JSON_MALFORMED;
      } else if (ch == '-' || bp_is_digit(ch)) {
        if (!oracle_number(&c, e)) return JSON_MALFORMED;
      } else if (starts_with(&c, "null")) {
        c.pos += 4;
      } else if (ch == '[') {
        return JSON_NESTED;
      } else if (ch == '{' || starts_with(&c, "true") || starts_with(&c, "false")) {
        return JSON_NOT_STRING;
      } else {
        return JSON_MALFORMED;
      }
      skip_ws(&c);
      if (c.pos < n && text[c.pos] == ',') {
        c.pos++;
        continue;
      }
      if (c.pos < n && text[c.pos] == ']') {
        c.pos++;
        break;
      }
      return JSON_MALFORMED;
    }
  }
  skip_ws(&c);
  return c.pos == n ? JSON_FLAT_OK : JSON_MALFORMED;
}

/* ---- The harness ---------------------------------------------------------- */

static void check_against(const run_log *log, const expected_items *e) {
  CHECK(log->count == e->count);
  size_t kept = e->count < MAX_ITEMS ? e->count : MAX_ITEMS;
  for (size_t i = 0; i < kept; i++) {
    size_t want = e->lengths[i];
    size_t room = log->buffer_size - 1;
    size_t shown = want < room ? want : room;
    CHECK(log->truncated[i] == (want > room));
    CHECK(log->lengths[i] == shown);
    CHECK(memcmp(log->items[i], e->scratch + e->starts[i], shown) == 0);
  }
}

static void check_runs_agree(const run_log *a, bp_list_result ra, const run_log *b,
                             bp_list_result rb) {
  CHECK(ra.status == rb.status && ra.offset == rb.offset);
  CHECK(a->count == b->count);
  size_t kept = a->count < MAX_ITEMS ? a->count : MAX_ITEMS;
  for (size_t i = 0; i < kept; i++) {
    /* a has the smaller buffer */
    CHECK(a->lengths[i] <= b->lengths[i]);
    CHECK(memcmp(a->items[i], b->items[i], a->lengths[i]) == 0);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = malloc(size ? size : 1);
  CHECK(text != NULL);
  if (size > 0) memcpy(text, data, size);

  bp_list_result small_result, big_result, stop_result, tiny_result;
  run_log *small = run(text, size, SMALL_BUFFER, 0, &small_result);
  run_log *big = run(text, size, size + 1, 0, &big_result);
  run_log *stop = run(text, size, size + 1, 1, &stop_result);
  run_log *tiny = run(text, size, 1, 0, &tiny_result);

  CHECK(small_result.status != BP_LIST_STOPPED && big_result.status != BP_LIST_STOPPED);
  check_runs_agree(small, small_result, big, big_result);
  check_runs_agree(tiny, tiny_result, big, big_result);
  for (size_t i = 0; i < big->count && i < MAX_ITEMS; i++) CHECK(!big->truncated[i]);
  if (big->count > 0) {
    CHECK(stop_result.status == BP_LIST_STOPPED && stop->count == 1);
    CHECK(stop->lengths[0] == big->lengths[0] &&
          memcmp(stop->items[0], big->items[0], big->lengths[0]) == 0);
  } else {
    CHECK(stop_result.status == big_result.status && stop_result.offset == big_result.offset);
  }

  size_t lead = 0;
  while (lead < size && bp_is_space(text[lead])) lead++;
  int is_json = lead < size && text[lead] == '[';

  expected_items *expected = calloc(1, sizeof(*expected));
  CHECK(expected != NULL);
  expected->scratch = malloc(size + 1);
  CHECK(expected->scratch != NULL);

  if (!is_json) {
    csv_oracle(text, size, expected);
    CHECK(big_result.status == BP_LIST_OK);
    check_against(big, expected);
    check_against(small, expected);
    for (size_t i = 0; i < small->count && i < MAX_ITEMS; i++) {
      const char *item = small->items[i];
      size_t len = small->lengths[i];
      CHECK(len > 0);
      CHECK(memchr(item, ',', len) == NULL);
      CHECK(!bp_is_space(item[0]));
      if (!small->truncated[i]) CHECK(!bp_is_space(item[len - 1]));
    }
  } else {
    json_verdict verdict = json_oracle(text, size, expected);
    switch (verdict) {
      case JSON_FLAT_OK:
        CHECK(big_result.status == BP_LIST_OK);
        check_against(big, expected);
        check_against(small, expected);
        break;
      case JSON_NESTED:
        CHECK(big_result.status == BP_LIST_NESTED);
        break;
      case JSON_NOT_STRING:
        CHECK(big_result.status == BP_LIST_NOT_STRING);
        break;
      case JSON_MALFORMED:
        CHECK(big_result.status == BP_LIST_BAD_JSON);
        break;
    }
  }

  free(expected->scratch);
  free(expected);
  free_log(small);
  free_log(big);
  free_log(stop);
  free_log(tiny);
  free(text);
  return 0;
}
