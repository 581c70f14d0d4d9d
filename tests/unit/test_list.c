/*
** test_list.c: the list parser (no SQLite): JSON arrays and comma-separated
** text, escapes, truncation and every error status.
*/
#include <string.h>

#include "bp_list.h"
#include "tap.h"

typedef struct {
  char joined[512];
  int items, truncated;
  int stop_after; /* stop when this many items were seen; 0: never */
} collected;

static int collect(void *context, const char *item, size_t length, int truncated) {
  collected *c = context;
  size_t used = strlen(c->joined);
  if (c->items > 0 && used + 1 < sizeof(c->joined)) strcat(c->joined, "|");
  used = strlen(c->joined);
  if (used + length < sizeof(c->joined)) memcpy(c->joined + used, item, length + 1);
  c->items++;
  c->truncated |= truncated;
  return c->stop_after > 0 && c->items >= c->stop_after;
}

static bp_list_result parse(const char *text, size_t buffer_size, collected *c) {
  static char buffer[256];
  memset(c, 0, sizeof(*c));
  return bp_list_parse(text, strlen(text), buffer, buffer_size, collect, c);
}

static void check(const char *text, bp_list_status status, const char *joined, int items) {
  collected c;
  bp_list_result r = parse(text, 256, &c);
  int ok = r.status == status &&
           (status != BP_LIST_OK || (c.items == items && strcmp(c.joined, joined) == 0));
  tap_ok(ok, "list %s -> %s (%d items: %s)", text, bp_list_status_text(status), items, joined);
  if (!ok)
    tap_diag("got status %s, %d items: %s", bp_list_status_text(r.status), c.items, c.joined);
}

int main(void) {
  /* JSON arrays */
  check("[]", BP_LIST_OK, "", 0);
  check("  [ ]  ", BP_LIST_OK, "", 0);
  check("[\"yoga\"]", BP_LIST_OK, "yoga", 1);
  check("[\"yoga\",\"massage\"]", BP_LIST_OK, "yoga|massage", 2);
  check("[ \"a\" , \"b\" ]", BP_LIST_OK, "a|b", 2);
  check("[\"a,b\"]", BP_LIST_OK, "a,b", 1);
  check("[\"\"]", BP_LIST_OK, "", 1);
  check("[97110, \"E0730\"]", BP_LIST_OK, "97110|E0730", 2);
  check("[-1.5e3]", BP_LIST_OK, "-1.5e3", 1);
  check("[1E+5, 0.25, -2e-1]", BP_LIST_OK, "1E+5|0.25|-2e-1", 3);
  check("[0, -0, 0.5, 10]", BP_LIST_OK, "0|-0|0.5|10", 4);
  /* regression (fuzz_list): JSON numbers have no leading zeros */
  check("[01]", BP_LIST_BAD_JSON, "", 0);
  check("[-007]", BP_LIST_BAD_JSON, "", 0);
  check("[\t\"a\"\r\n,\n\"b\"\t]", BP_LIST_OK, "a|b", 2);
  check("[null, \"yoga\", null]", BP_LIST_OK, "yoga", 1);
  check("[\"q\\\"uote\\\\ \\/ \\t\"]", BP_LIST_OK, "q\"uote\\ / \t", 1);
  check("[\"caf\\u00e9\"]", BP_LIST_OK, "caf\xc3\xa9", 1);
  check("[\"caf\\u00E9\"]", BP_LIST_OK, "caf\xc3\xa9", 1);
  check("[\"\\u0041\\u0062\"]", BP_LIST_OK, "Ab", 1);
  check("[\"a\\bb\\fc\\nd\\re\"]", BP_LIST_OK, "a\bb\fc\nd\re", 1);
  check("[\"\\u20ac\"]", BP_LIST_OK, "\xe2\x82\xac", 1);
  check("[\"\\ud83d\\ude00\"]", BP_LIST_OK, "\xf0\x9f\x98\x80", 1);
  /* JSON errors */
  check("[", BP_LIST_BAD_JSON, "", 0);
  check("[[[[", BP_LIST_NESTED, "", 0);
  check("[\"a\", [\"b\"]]", BP_LIST_NESTED, "", 0);
  check("[{\"a\":1}]", BP_LIST_NOT_STRING, "", 0);
  check("[true]", BP_LIST_NOT_STRING, "", 0);
  check("[false]", BP_LIST_NOT_STRING, "", 0);
  check("[\"unterminated", BP_LIST_BAD_JSON, "", 0);
  check("[\"a\" \"b\"]", BP_LIST_BAD_JSON, "", 0);
  check("[\"a\",]", BP_LIST_BAD_JSON, "", 0);
  check("[,\"a\"]", BP_LIST_BAD_JSON, "", 0);
  check("[\"a\"] x", BP_LIST_BAD_JSON, "", 0);
  check("[\"a\"]]", BP_LIST_BAD_JSON, "", 0);
  check("[\"\\x\"]", BP_LIST_BAD_JSON, "", 0);
  check("[\"\\u12\"]", BP_LIST_BAD_JSON, "", 0);
  check("[\"\\ud83d\"]", BP_LIST_BAD_JSON, "", 0);
  check("[\"\\ude00\"]", BP_LIST_BAD_JSON, "", 0);
  check("[\"\\ud83d\\u0041\"]", BP_LIST_BAD_JSON, "", 0);
  check("[\"\\ud83dx\"]", BP_LIST_BAD_JSON, "", 0);
  check("[\"\\ud83d\\x0041\"]", BP_LIST_BAD_JSON, "", 0);
  check("[\"\\ud83d\\uZZZZ\"]", BP_LIST_BAD_JSON, "", 0);
  check("[\"\\ud83d\\ude0", BP_LIST_BAD_JSON, "", 0);
  check("[\"\\ud83d\\uffff\"]", BP_LIST_BAD_JSON, "", 0);
  check("[\"\\u00", BP_LIST_BAD_JSON, "", 0);
  check("[\"a\\", BP_LIST_BAD_JSON, "", 0);
  check("[-x]", BP_LIST_BAD_JSON, "", 0);
  check("[1.5x]", BP_LIST_BAD_JSON, "", 0);
  check("[\"a\"", BP_LIST_BAD_JSON, "", 0);
  check("[\"tab\there\"]", BP_LIST_BAD_JSON, "", 0);
  check("[nul]", BP_LIST_BAD_JSON, "", 0);
  check("[1.]", BP_LIST_BAD_JSON, "", 0);
  check("[-]", BP_LIST_BAD_JSON, "", 0);
  check("[1e]", BP_LIST_BAD_JSON, "", 0);
  /* a number, an escape or a surrogate cut off by the end of the text */
  check("[1", BP_LIST_BAD_JSON, "", 0);
  check("[-", BP_LIST_BAD_JSON, "", 0);
  check("[1.", BP_LIST_BAD_JSON, "", 0);
  check("[1.5", BP_LIST_BAD_JSON, "", 0);
  check("[1e", BP_LIST_BAD_JSON, "", 0);
  check("[1e+", BP_LIST_BAD_JSON, "", 0);
  check("[1e5", BP_LIST_BAD_JSON, "", 0);
  check("[\"\\u00g0\"]", BP_LIST_BAD_JSON, "", 0);
  check("[\"\\ud83d\\", BP_LIST_BAD_JSON, "", 0);
  /* U+E000 and U+FFFF are no surrogates */
  check("[\"\\ue000\\uffff\"]", BP_LIST_OK, "\xee\x80\x80\xef\xbf\xbf", 1);
  /* comma-separated text */
  check("", BP_LIST_OK, "", 0);
  check("   ", BP_LIST_OK, "", 0);
  check("yoga", BP_LIST_OK, "yoga", 1);
  check("yoga, massage ,tens", BP_LIST_OK, "yoga|massage|tens", 3);
  check(",,yoga,, ,", BP_LIST_OK, "yoga", 1);
  check("heating pad, back brace", BP_LIST_OK, "heating pad|back brace", 2);
  check("a [b]", BP_LIST_OK, "a [b]", 1);
  check("\"yoga\"", BP_LIST_OK, "\"yoga\"", 1);

  /* offsets point at the problem */
  collected c;
  bp_list_result r = parse("[\"a\", [\"b\"]]", 256, &c);
  tap_is_int((long long)r.offset, 6, "a nested array is reported at its byte offset");

  /* 10,000 items */
  static char many[10000 * 7 + 3];
  size_t pos = 0;
  many[pos++] = '[';
  for (int i = 0; i < 10000; i++) {
    memcpy(many + pos, i ? ",\"yog\"" : "\"yoga\"", 6);
    pos += 6;
  }
  many[pos++] = ']';
  many[pos] = '\0';
  static char buffer[64];
  memset(&c, 0, sizeof(c));
  r = bp_list_parse(many, pos, buffer, sizeof(buffer), collect, &c);
  tap_ok(r.status == BP_LIST_OK && c.items == 10000, "10,000 items are all read (%d)", c.items);

  /* truncation: the item is cut to the buffer and flagged */
  r = parse("[\"abcdefghij\"]", 5, &c);
  tap_ok(r.status == BP_LIST_OK && strcmp(c.joined, "abcd") == 0 && c.truncated,
         "an item longer than the buffer is cut and flagged (%s)", c.joined);
  r = parse("abcdefghij, x", 5, &c);
  tap_ok(r.status == BP_LIST_OK && strcmp(c.joined, "abcd|x") == 0 && c.truncated,
         "CSV items are cut the same way (%s)", c.joined);

  /* the callback can stop the walk */
  memset(&c, 0, sizeof(c));
  c.stop_after = 2;
  r = bp_list_parse("a,b,c", 5, buffer, sizeof(buffer), collect, &c);
  tap_ok(r.status == BP_LIST_STOPPED && c.items == 2, "the callback stops the walk");
  tap_is_str(bp_list_status_text(BP_LIST_OK), "ok", "status text: ok");
  tap_is_str(bp_list_status_text(BP_LIST_BAD_JSON), "malformed JSON array",
             "status text: bad JSON");
  tap_is_str(bp_list_status_text(BP_LIST_NESTED), "nested arrays are not allowed",
             "status text: nested");
  tap_is_str(bp_list_status_text(BP_LIST_NOT_STRING), "items must be strings",
             "status text: not a string");
  tap_is_str(bp_list_status_text(BP_LIST_STOPPED), "stopped", "status text: stopped");
  return tap_done();
}
