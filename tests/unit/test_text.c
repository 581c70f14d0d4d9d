/*
** test_text.c: unit tests of bp_text (no SQLite): the tokenizer, phrase search and the rendering of
*values in error messages.
*/
#include <string.h>

#include "bp_text.h"
#include "tap.h"

static void test_tokens(void) {
  bp_tokenizer t;
  bp_token tok;
  const char *text = "Cyclobenzaprine-HCl 10MG, 24hr/ER caf\xc3\xa9";
  const char *want[] = {"cyclobenzaprine", "hcl", "10", "mg", "24", "hr", "er", "caf\xc3\xa9"};
  size_t n = 0;
  int same = 1;
  bp_tokenizer_init(&t, text, strlen(text));
  while (bp_tokenizer_next(&t, &tok)) {
    if (n >= sizeof(want) / sizeof(want[0]) || strcmp(tok.text, want[n]) != 0) same = 0;
    n++;
  }
  tap_ok(same && n == 8, "tokens: words lower-cased, digits apart, UTF-8 kept in words");

  char long_word[200];
  memset(long_word, 'a', sizeof(long_word));
  bp_tokenizer_init(&t, long_word, sizeof(long_word));
  tap_ok(bp_tokenizer_next(&t, &tok) && tok.too_long && tok.text[0] == '\0' && tok.len == 200,
         "a 200-letter word is one too-long token");
  tap_ok(!bp_tokenizer_next(&t, &tok), "... and then the end");
  bp_tokenizer_init(&t, " ,;- ", 5);
  tap_ok(!bp_tokenizer_next(&t, &tok), "separators only: no token");
}

typedef struct {
  bp_phrase phrase;
  int id;
} row;

static void test_phrases(void) {
  static const row rows[] = {
      {{{"heat"}}, 1},
      {{{"heating", "pad"}}, 2},
      {{{"mindfulness", "based", "stress", "reduction"}}, 3},
      {{{"24", "hr"}}, 4},
  };
  static const struct {
    const char *text;
    long want;
  } cases[] = {
      {"Heating pad, 20 min", 1},
      {"heating   PAD", 1},
      {"uses a heat wrap", 0},
      {"Mindfulness-Based Stress Reduction (MBSR)", 2},
      {"mindfulness based stress", -1},
      {"capsule 24 HR", 3},
      {"24hr", 3},
      {"124 hr", -1},
      {"preheat", -1},
      {"", -1},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    long got = bp_phrase_find(cases[i].text, strlen(cases[i].text), rows, 4, sizeof(rows[0]),
                              BP_FIRST_IN_TEXT);
    tap_is_int(got, cases[i].want, "phrase search in '%s'", cases[i].text);
  }
  /* "heating pad" ends on "pad"; "heat" is not a token of it at all. */
  long got =
      bp_phrase_find("heating pad then heat", 21, rows, 4, sizeof(rows[0]), BP_FIRST_IN_TEXT);
  tap_is_int(got, 1, "first in text: the phrase ending first wins");
  got = bp_phrase_find("heating pad then heat", 21, rows, 4, sizeof(rows[0]), BP_FIRST_IN_TABLE);
  tap_is_int(got, 0, "first in table: the earliest row wins wherever it occurs");
  got = bp_phrase_find("24 hr, then mindfulness based stress reduction", 46, rows, 4,
                       sizeof(rows[0]), BP_FIRST_IN_TABLE);
  tap_is_int(got, 2, "first in table: a later, better row replaces an earlier match");
}

static void test_display(void) {
  char out[BP_DISPLAY_SIZE];
  bp_text_display("2024-02-30", 10, out);
  tap_is_str(out, "2024-02-30", "short text is shown whole");
  char forty[41], fortyone[42];
  memset(forty, 'x', 40);
  forty[40] = '\0';
  memset(fortyone, 'x', 41);
  fortyone[41] = '\0';
  bp_text_display(forty, 40, out);
  tap_is_str(out, forty, "40 characters are shown whole");
  bp_text_display(fortyone, 41, out);
  char want[50];
  memcpy(want, forty, 40);
  memcpy(want + 40, "...", 4);
  tap_is_str(out, want, "41 characters are cut to 40 and '...'");
  bp_text_display(
      "a\nb\x01"
      "c",
      5, out);
  tap_is_str(out, "a?b?c", "control characters become '?'");
  bp_text_display("\xc3\x28 ok \xff", 7, out);
  tap_is_str(out, "?( ok ?", "invalid UTF-8 bytes become '?'");
  bp_text_display("\xe2\x82\xac\xe2\x82\xac", 6, out);
  tap_is_str(out, "\xe2\x82\xac\xe2\x82\xac", "valid multibyte characters are kept");
  bp_text_display(
      "a\xf0\x9f\x98\x80"
      "b",
      6, out);
  tap_is_str(out,
             "a\xf0\x9f\x98\x80"
             "b",
             "a 4-byte character is kept");
  bp_text_display("\xf0\x9f\x98", 3, out);
  tap_is_str(out, "???", "a cut 4-byte sequence is invalid");
  bp_text_display("\xf0\x8f\xbf\xbf", 4, out);
  tap_is_str(out, "????", "an overlong 4-byte sequence is invalid");
  bp_text_display("\xed\xa0\x80", 3, out);
  tap_is_str(out, "???", "a UTF-16 surrogate encoded in UTF-8 is invalid");
  char euros[45 * 3];
  for (int i = 0; i < 45; i++) memcpy(euros + 3 * i, "\xe2\x82\xac", 3);
  bp_text_display(euros, sizeof(euros), out);
  tap_is_int((long long)strlen(out), 40 * 3 + 3, "cutting counts characters, not bytes");
}

int main(void) {
  test_tokens();
  test_phrases();
  test_display();
  return tap_done();
}
