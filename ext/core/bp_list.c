/*
** bp_list.c: JSON-array and comma-separated lists (see bp_list.h). The JSON
** reader is a small hand-written scanner for one flat array: strings with
** every JSON escape (surrogate pairs included), numbers and null.
*/
#include "bp_list.h"

#include <assert.h>
#include <string.h>

#include "bp_common.h"

typedef struct {
  const char *text;
  size_t n, pos;
  char *buffer;
  size_t size, length;
  int truncated;
} reader;

static void skip_space(reader *r) {
  while (r->pos < r->n && bp_is_space(r->text[r->pos])) r->pos++;
}

static void put_byte(reader *r, char c) {
  if (r->length + 1 < r->size) {
    r->buffer[r->length++] = c;
  } else {
    r->truncated = 1;
  }
}

static void put_code_point(reader *r, unsigned long cp) {
  if (cp < 0x80) {
    put_byte(r, (char)cp);
  } else if (cp < 0x800) {
    put_byte(r, (char)(0xC0 | (cp >> 6)));
    put_byte(r, (char)(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    put_byte(r, (char)(0xE0 | (cp >> 12)));
    put_byte(r, (char)(0x80 | ((cp >> 6) & 0x3F)));
    put_byte(r, (char)(0x80 | (cp & 0x3F)));
  } else {
    put_byte(r, (char)(0xF0 | (cp >> 18)));
    put_byte(r, (char)(0x80 | ((cp >> 12) & 0x3F)));
    put_byte(r, (char)(0x80 | ((cp >> 6) & 0x3F)));
    put_byte(r, (char)(0x80 | (cp & 0x3F)));
  }
}

static int read_hex4(reader *r, unsigned long *out) {
  unsigned long v = 0;
  if (r->n - r->pos < 4) return 0;
  for (int i = 0; i < 4; i++) {
    char c = r->text[r->pos++];
    v <<= 4;
    if (c >= '0' && c <= '9') {
      v |= (unsigned long)(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      v |= (unsigned long)(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      v |= (unsigned long)(c - 'A' + 10);
    } else {
      return 0;
    }
  }
  *out = v;
  return 1;
}

/* Reads a JSON string (r->pos at the opening quote) into the buffer. */
static int read_string(reader *r) {
  r->pos++;
  while (r->pos < r->n) {
    unsigned char c = (unsigned char)r->text[r->pos++];
    if (c == '"') return 1;
    if (c < 0x20) return 0;
    if (c != '\\') {
      put_byte(r, (char)c);
      continue;
    }
    if (r->pos >= r->n) return 0;
    char e = r->text[r->pos++];
    unsigned long cp;
    switch (e) {
      case '"':
        put_byte(r, '"');
        break;
      case '\\':
        put_byte(r, '\\');
        break;
      case '/':
        put_byte(r, '/');
        break;
      case 'b':
        put_byte(r, '\b');
        break;
      case 'f':
        put_byte(r, '\f');
        break;
      case 'n':
        put_byte(r, '\n');
        break;
      case 'r':
        put_byte(r, '\r');
        break;
      case 't':
        put_byte(r, '\t');
        break;
      case 'u':
        if (!read_hex4(r, &cp)) return 0;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          unsigned long low;
          if (r->n - r->pos < 6 || r->text[r->pos] != '\\' || r->text[r->pos + 1] != 'u') {
            return 0;
          }
          r->pos += 2;
          if (!read_hex4(r, &low) || low < 0xDC00 || low > 0xDFFF) return 0;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          return 0;
        }
        put_code_point(r, cp);
        break;
      default:
        return 0;
    }
  }
  return 0;
}

/* Reads a JSON number as its text: -?(0|[1-9]digits)[.digits][(e|E)[+-]digits]
** (RFC 8259: no leading zeros). */
static int read_number(reader *r) {
  size_t start = r->pos, digits = 0;
  if (r->pos < r->n && r->text[r->pos] == '-') r->pos++;
  size_t first_digit = r->pos;
  while (r->pos < r->n && r->text[r->pos] >= '0' && r->text[r->pos] <= '9') {
    r->pos++;
    digits++;
  }
  if (digits == 0 || (digits > 1 && r->text[first_digit] == '0')) return 0;
  if (r->pos < r->n && r->text[r->pos] == '.') {
    size_t fraction = 0;
    r->pos++;
    while (r->pos < r->n && r->text[r->pos] >= '0' && r->text[r->pos] <= '9') {
      r->pos++;
      fraction++;
    }
    if (fraction == 0) return 0;
  }
  if (r->pos < r->n && (r->text[r->pos] == 'e' || r->text[r->pos] == 'E')) {
    size_t exponent = 0;
    r->pos++;
    if (r->pos < r->n && (r->text[r->pos] == '+' || r->text[r->pos] == '-')) r->pos++;
    while (r->pos < r->n && r->text[r->pos] >= '0' && r->text[r->pos] <= '9') {
      r->pos++;
      exponent++;
    }
    if (exponent == 0) return 0;
  }
  for (size_t i = start; i < r->pos; i++) put_byte(r, r->text[i]);
  return 1;
}

static int literal_at(const reader *r, const char *word) {
  size_t len = strlen(word);
  return r->n - r->pos >= len && memcmp(r->text + r->pos, word, len) == 0;
}

static bp_list_result failure(bp_list_status status, size_t offset) {
  bp_list_result result = {status, offset};
  return result;
}

static bp_list_result parse_json(reader *r, bp_list_item_fn fn, void *context) {
  r->pos++; /* '[' */
  skip_space(r);
  if (r->pos < r->n && r->text[r->pos] == ']') {
    r->pos++;
  } else {
    for (;;) {
      skip_space(r);
      if (r->pos >= r->n) return failure(BP_LIST_BAD_JSON, r->pos);
      size_t item_start = r->pos;
      char c = r->text[r->pos];
      int have_item = 1;
      r->length = 0;
      r->truncated = 0;
      if (c == '"') {
        if (!read_string(r)) return failure(BP_LIST_BAD_JSON, item_start);
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        if (!read_number(r)) return failure(BP_LIST_BAD_JSON, item_start);
      } else if (literal_at(r, "null")) {
        r->pos += 4;
        have_item = 0;
      } else if (c == '[') {
        return failure(BP_LIST_NESTED, item_start);
      } else if (c == '{' || literal_at(r, "true") || literal_at(r, "false")) {
        return failure(BP_LIST_NOT_STRING, item_start);
      } else {
        return failure(BP_LIST_BAD_JSON, item_start);
      }
      if (have_item) {
        r->buffer[r->length] = '\0';
        if (fn(context, r->buffer, r->length, r->truncated)) {
          return failure(BP_LIST_STOPPED, item_start);
        }
      }
      skip_space(r);
      if (r->pos < r->n && r->text[r->pos] == ',') {
        r->pos++;
        continue;
      }
      if (r->pos < r->n && r->text[r->pos] == ']') {
        r->pos++;
        break;
      }
      return failure(BP_LIST_BAD_JSON, r->pos);
    }
  }
  skip_space(r);
  if (r->pos != r->n) return failure(BP_LIST_BAD_JSON, r->pos);
  return failure(BP_LIST_OK, 0);
}

static bp_list_result parse_csv(reader *r, bp_list_item_fn fn, void *context) {
  while (r->pos <= r->n) {
    size_t start = r->pos;
    while (r->pos < r->n && r->text[r->pos] != ',') r->pos++;
    size_t end = r->pos;
    while (start < end && bp_is_space(r->text[start])) start++;
    while (end > start && bp_is_space(r->text[end - 1])) end--;
    if (end > start) {
      r->length = 0;
      r->truncated = 0;
      for (size_t i = start; i < end; i++) put_byte(r, r->text[i]);
      r->buffer[r->length] = '\0';
      if (fn(context, r->buffer, r->length, r->truncated)) {
        return failure(BP_LIST_STOPPED, start);
      }
    }
    r->pos++; /* past the comma, or past the end */
  }
  return failure(BP_LIST_OK, 0);
}

bp_list_result bp_list_parse(const char *text, size_t n, char *buffer, size_t buffer_size,
                             bp_list_item_fn fn, void *context) {
  reader r = {text, n, 0, buffer, buffer_size, 0, 0};
  skip_space(&r);
  if (r.pos < n && text[r.pos] == '[') return parse_json(&r, fn, context);
  r.pos = 0;
  return parse_csv(&r, fn, context);
}

const char *bp_list_status_text(bp_list_status status) {
  static const char *const texts[] = {
      [BP_LIST_OK] = "ok",
      [BP_LIST_BAD_JSON] = "malformed JSON array",
      [BP_LIST_NESTED] = "nested arrays are not allowed",
      [BP_LIST_NOT_STRING] = "items must be strings",
      [BP_LIST_STOPPED] = "stopped",
  };
  _Static_assert(BP_COUNT(texts) == BP_LIST_STATUS_COUNT, "one text per bp_list_status");
  assert((unsigned)status < BP_LIST_STATUS_COUNT && texts[status] != NULL);
  return texts[status];
}
