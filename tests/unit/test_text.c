/*
** test_text.c: unit tests of bp_text (no SQLite): UTF-8 decoding, the word
** classes of code points (expected values from the Unicode code charts)
** and the rendering of values in error messages.
*/
#include <stdint.h>
#include <string.h>

#include "bp_common.h"
#include "bp_text.h"
#include "tap.h"

static void test_utf8(void) {
  static const struct {
    const char *bytes;
    size_t n;
    size_t want_length;
    uint32_t want_code_point;
    const char *name;
  } cases[] = {
      {"a", 1, 1, 0x61, "ASCII"},
      {"\xc2\xa0", 2, 2, 0xA0, "NBSP, 2 bytes"},
      {"\xc2\xae", 2, 2, 0xAE, "registered sign"},
      {"\xe2\x80\x93", 3, 3, 0x2013, "en dash, 3 bytes"},
      {"\xe2\x84\xa2", 3, 3, 0x2122, "trade mark sign"},
      {"\xf0\x9f\x92\x8a", 4, 4, 0x1F48A, "pill emoji, 4 bytes"},
      {"\xf4\x8f\xbf\xbf", 4, 4, 0x10FFFF, "the last code point"},
      {"\xae", 1, 0, 0, "Latin-1 registered sign alone: invalid"},
      {"\xe9n", 2, 0, 0, "Latin-1 e-acute before a letter: invalid"},
      {"\xc0\xaf", 2, 0, 0, "overlong 2-byte form"},
      {"\xe0\x80\xaf", 3, 0, 0, "overlong 3-byte form"},
      {"\xf0\x8f\xbf\xbf", 4, 0, 0, "overlong 4-byte form"},
      {"\xed\xa0\x80", 3, 0, 0, "UTF-16 surrogate"},
      {"\xf4\x90\x80\x80", 4, 0, 0, "above U+10FFFF"},
      {"\xe2\x80", 2, 0, 0, "cut 3-byte sequence"},
      {"\xe2\x28\xa1", 3, 0, 0, "bad continuation byte"},
      {"\xff", 1, 0, 0, "0xFF never starts a sequence"},
  };
  for (size_t i = 0; i < BP_COUNT(cases); i++) {
    uint32_t cp = 0xFFFFFFFFu;
    size_t got = bp_utf8_decode((const unsigned char *)cases[i].bytes, cases[i].n, &cp);
    int ok = got == cases[i].want_length && (got == 0 || cp == cases[i].want_code_point);
    tap_ok(ok, "utf8: %s", cases[i].name);
    if (!ok) tap_diag("got length %zu, code point U+%04X", got, (unsigned)cp);
  }
}

static void test_classes(void) {
  static const struct {
    uint32_t code_point;
    bp_char_class want;
    char want_folded;
    const char *name;
  } cases[] = {
      {'A', BP_CHAR_LETTER, 'a', "A folds to a"},
      {'z', BP_CHAR_LETTER, 'z', "z"},
      {'7', BP_CHAR_DIGIT, '7', "7"},
      {'_', BP_CHAR_SEPARATOR, 0, "underscore separates"},
      {'-', BP_CHAR_SEPARATOR, 0, "hyphen separates"},
      {0x7F, BP_CHAR_SEPARATOR, 0, "DEL"},
      {0x85, BP_CHAR_SEPARATOR, 0, "C1 control NEL"},
      {0xA0, BP_CHAR_SEPARATOR, 0, "NBSP"},
      {0xA9, BP_CHAR_SEPARATOR, 0, "copyright sign"},
      {0xAD, BP_CHAR_SEPARATOR, 0, "soft hyphen"},
      {0xAE, BP_CHAR_SEPARATOR, 0, "registered sign"},
      {0xB7, BP_CHAR_SEPARATOR, 0, "middle dot"},
      {0xB2, BP_CHAR_LETTER, 0, "superscript two: a number, no base"},
      {0xB5, BP_CHAR_LETTER, 0, "micro sign: a letter, no base"},
      {0xC0, BP_CHAR_LETTER, 'a', "A grave"},
      {0xC5, BP_CHAR_LETTER, 'a', "A ring"},
      {0xC6, BP_CHAR_LETTER, 0, "AE ligature: no unambiguous base"},
      {0xC7, BP_CHAR_LETTER, 'c', "C cedilla"},
      {0xD7, BP_CHAR_SEPARATOR, 0, "multiplication sign"},
      {0xD8, BP_CHAR_LETTER, 'o', "O stroke"},
      {0xDF, BP_CHAR_LETTER, 0, "sharp s"},
      {0xE9, BP_CHAR_LETTER, 'e', "e acute"},
      {0xF1, BP_CHAR_LETTER, 'n', "n tilde"},
      {0xF7, BP_CHAR_SEPARATOR, 0, "division sign"},
      {0xFF, BP_CHAR_LETTER, 'y', "y diaeresis"},
      {0x0107, BP_CHAR_LETTER, 'c', "c acute"},
      {0x0142, BP_CHAR_LETTER, 'l', "l stroke"},
      {0x0153, BP_CHAR_LETTER, 0, "oe ligature"},
      {0x017E, BP_CHAR_LETTER, 'z', "z caron"},
      {0x017F, BP_CHAR_LETTER, 's', "long s"},
      {0x0180, BP_CHAR_LETTER, 0, "b stroke (Latin Extended-B): a letter, no base"},
      {0x0301, BP_CHAR_MARK, 0, "combining acute"},
      {0x03B1, BP_CHAR_LETTER, 0, "Greek alpha"},
      {0x037E, BP_CHAR_SEPARATOR, 0, "Greek question mark"},
      {0x0431, BP_CHAR_LETTER, 0, "Cyrillic be"},
      {0x2002, BP_CHAR_SEPARATOR, 0, "en space"},
      {0x200B, BP_CHAR_SEPARATOR, 0, "zero width space"},
      {0x2013, BP_CHAR_SEPARATOR, 0, "en dash"},
      {0x2014, BP_CHAR_SEPARATOR, 0, "em dash"},
      {0x201C, BP_CHAR_SEPARATOR, 0, "left double quotation mark"},
      {0x201D, BP_CHAR_SEPARATOR, 0, "right double quotation mark"},
      {0x2022, BP_CHAR_SEPARATOR, 0, "bullet"},
      {0x202F, BP_CHAR_SEPARATOR, 0, "narrow NBSP"},
      {0x20AC, BP_CHAR_SEPARATOR, 0, "euro sign"},
      {0x2122, BP_CHAR_SEPARATOR, 0, "trade mark sign"},
      {0x211E, BP_CHAR_SEPARATOR, 0, "prescription take sign"},
      {0x2212, BP_CHAR_SEPARATOR, 0, "minus sign"},
      {0x3000, BP_CHAR_SEPARATOR, 0, "ideographic space"},
      {0x3002, BP_CHAR_SEPARATOR, 0, "ideographic full stop"},
      {0x4E2D, BP_CHAR_LETTER, 0, "CJK ideograph"},
      {0xFE0F, BP_CHAR_MARK, 0, "variation selector 16"},
      {0xFEFF, BP_CHAR_SEPARATOR, 0, "byte order mark"},
      {0xFF10, BP_CHAR_DIGIT, '0', "fullwidth 0"},
      {0xFF19, BP_CHAR_DIGIT, '9', "fullwidth 9"},
      {0xFF21, BP_CHAR_LETTER, 'a', "fullwidth A"},
      {0xFF3A, BP_CHAR_LETTER, 'z', "fullwidth Z"},
      {0xFF41, BP_CHAR_LETTER, 'a', "fullwidth a"},
      {0xFF5A, BP_CHAR_LETTER, 'z', "fullwidth z"},
      {0xFF0C, BP_CHAR_SEPARATOR, 0, "fullwidth comma"},
      {0xFFFD, BP_CHAR_SEPARATOR, 0, "replacement character"},
      {0x1F48A, BP_CHAR_SEPARATOR, 0, "pill emoji"},
      {0xE000, BP_CHAR_SEPARATOR, 0, "private use"},
      {0x10FFFF, BP_CHAR_SEPARATOR, 0, "last code point (private use)"},
  };
  for (size_t i = 0; i < BP_COUNT(cases); i++) {
    char folded = 'X';
    bp_char_class got = bp_char_classify(cases[i].code_point, &folded);
    int ok = got == cases[i].want && folded == cases[i].want_folded;
    tap_ok(ok, "class of U+%04X: %s", (unsigned)cases[i].code_point, cases[i].name);
    if (!ok) tap_diag("got class %d, folded %d", (int)got, (int)folded);
  }
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
  test_utf8();
  test_classes();
  test_display();
  return tap_done();
}
