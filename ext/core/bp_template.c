/*
** bp_template.c: rendering of content text with named values (see
** bp_template.h). The output is NUL-terminated after every piece, so a
** template refused half-way still leaves a string.
*/
#include "bp_template.h"

#include <string.h>

#include "bp_common.h"

/* Writes n bytes at out + at as far as they fit, and the NUL after them. */
static void put(char *out, size_t size, size_t at, const char *bytes, size_t n) {
  if (at + 1 >= size) return;
  size_t fits = n < size - 1 - at ? n : size - 1 - at;
  memcpy(out + at, bytes, fits);
  out[at + fits] = '\0';
}

static int is_name_char(char c) { return bp_is_ascii_letter(c) || bp_is_digit(c) || c == '_'; }

size_t bp_template_render(const char *text, const bp_template_value *values, size_t count,
                          char *out, size_t size) {
  size_t length = 0;
  const char *p = text;
  if (size > 0) out[0] = '\0';
  while (*p != '\0') {
    if (*p != '{') {
      size_t run = strcspn(p, "{");
      put(out, size, length, p, run);
      length += run;
      p += run;
      continue;
    }
    size_t name_length = 0;
    while (is_name_char(p[1 + name_length])) name_length++;
    if (name_length == 0 || p[1 + name_length] != '}') return BP_TEMPLATE_BAD;
    const bp_template_value *value = NULL;
    for (size_t v = 0; v < count && value == NULL; v++) {
      if (strlen(values[v].name) == name_length &&
          memcmp(values[v].name, p + 1, name_length) == 0) {
        value = &values[v];
      }
    }
    if (value == NULL) return BP_TEMPLATE_BAD;
    size_t n = strlen(value->text);
    put(out, size, length, value->text, n);
    length += n;
    p += name_length + 2;
  }
  return length;
}
