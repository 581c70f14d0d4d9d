/*
** bp_text.c: ASCII folding, UTF-8 decoding, the word classes of code
** points and the error value renderer (see bp_text.h). The classes are
** data: one string for U+0080-U+017F (Latin-1 Supplement and Latin
** Extended-A, where folding matters) and a sorted table of ranges above,
** derived from Unicode's general categories (Unicode 14.0).
*/
#include "bp_text.h"

#include <string.h>

#include "bp_common.h"

int bp_ascii_ieq(const char *text, size_t n, const char *lower) {
  size_t i = 0;
  for (; i < n; i++) {
    if (lower[i] == '\0' || bp_ascii_lower(text[i]) != lower[i]) return 0;
  }
  return lower[i] == '\0';
}

size_t bp_utf8_decode(const unsigned char *s, size_t n, uint32_t *code_point) {
  size_t len;
  uint32_t cp;
  if (s[0] < 0x80) {
    *code_point = s[0];
    return 1;
  }
  if (s[0] >= 0xC2 && s[0] <= 0xDF) {
    len = 2;
    cp = s[0] & 0x1Fu;
  } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
    len = 3;
    cp = s[0] & 0x0Fu;
  } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
    len = 4;
    cp = s[0] & 0x07u;
  } else {
    return 0;
  }
  if (n < len) return 0;
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (s[i] & 0x3Fu);
  }
  /* Overlong forms, surrogates and code points above U+10FFFF. */
  if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || (cp >= 0xD800 && cp <= 0xDFFF) ||
      cp > 0x10FFFF) {
    return 0;
  }
  *code_point = cp;
  return len;
}

/*
** U+0080 to U+017F, one character each: a lower-case ASCII letter is the
** base letter the code point folds to; '*' a letter with no unambiguous
** base (ß æ þ ð œ ĳ ŋ ...); '#' a number (² ³ ¹ ¼ ½ ¾); ' ' a separator
** (controls, NBSP, soft hyphen, ® © ¬ ° ± · « » × ÷ ...). Ø ø Đ đ Ħ ħ Ł ł
** Ŧ ŧ Ŀ ŀ ı ſ, letters with a stroke or dot that Unicode does not
** decompose, fold to their base letter too.
*/
static const char latin_classes[] =
    "                                " /* U+0080 */
    "          *       ## *   #* ### " /* U+00A0 */
    "aaaaaa*ceeeeiiii*nooooo ouuuuy**" /* U+00C0 */
    "aaaaaa*ceeeeiiii*nooooo ouuuuy*y" /* U+00E0 */
    "aaaaaaccccccccddddeeeeeeeeeegggg" /* U+0100 */
    "gggghhhhiiiiiiiiii**jjkk*lllllll" /* U+0120 */
    "lllnnnnnn***oooooo**rrrrrrssssss" /* U+0140 */
    "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs" /* U+0160 */;
_Static_assert(sizeof(latin_classes) == 0x100 + 1, "one class per code point U+0080-U+017F");

/* Ranges above U+017F that are not letters; every other code point is a
** letter without an ASCII base. `fold_first` != 0: the range folds to
** consecutive ASCII characters from it (fullwidth A-Z, a-z, 0-9). */
typedef struct {
  uint32_t first, last;
  bp_char_class class_of;
  char fold_first;
} char_range;

static const char_range ranges[] = {
    {0x02B0, 0x02FF, BP_CHAR_SEPARATOR, 0}, /* spacing modifier letters, accents */
    {0x0300, 0x036F, BP_CHAR_MARK, 0},      /* combining diacritical marks */
    {0x0374, 0x0375, BP_CHAR_SEPARATOR, 0}, /* Greek numeral signs */
    {0x037E, 0x037E, BP_CHAR_SEPARATOR, 0}, /* Greek question mark */
    {0x0384, 0x0385, BP_CHAR_SEPARATOR, 0}, /* Greek tonos */
    {0x0387, 0x0387, BP_CHAR_SEPARATOR, 0}, /* Greek ano teleia */
    {0x0483, 0x0489, BP_CHAR_MARK, 0},      /* Cyrillic combining marks */
    {0x055A, 0x055F, BP_CHAR_SEPARATOR, 0}, /* Armenian punctuation */
    {0x0589, 0x058A, BP_CHAR_SEPARATOR, 0},
    {0x0591, 0x05BD, BP_CHAR_MARK, 0}, /* Hebrew points */
    {0x05BE, 0x05BE, BP_CHAR_SEPARATOR, 0},
    {0x05C0, 0x05C0, BP_CHAR_SEPARATOR, 0},
    {0x05C3, 0x05C3, BP_CHAR_SEPARATOR, 0},
    {0x05C6, 0x05C6, BP_CHAR_SEPARATOR, 0},
    {0x05F3, 0x05F4, BP_CHAR_SEPARATOR, 0},
    {0x0600, 0x060F, BP_CHAR_SEPARATOR, 0}, /* Arabic signs and punctuation */
    {0x061B, 0x061F, BP_CHAR_SEPARATOR, 0},
    {0x064B, 0x065F, BP_CHAR_MARK, 0}, /* Arabic harakat */
    {0x066A, 0x066D, BP_CHAR_SEPARATOR, 0},
    {0x06D4, 0x06D4, BP_CHAR_SEPARATOR, 0},
    {0x0964, 0x0965, BP_CHAR_SEPARATOR, 0}, /* Devanagari danda */
    {0x1680, 0x1680, BP_CHAR_SEPARATOR, 0}, /* Ogham space */
    {0x1AB0, 0x1AFF, BP_CHAR_MARK, 0},      /* combining marks extended */
    {0x1DC0, 0x1DFF, BP_CHAR_MARK, 0},      /* combining marks supplement */
    {0x2000, 0x206F, BP_CHAR_SEPARATOR, 0}, /* spaces, dashes, quotes, bullets */
    {0x20A0, 0x20CF, BP_CHAR_SEPARATOR, 0}, /* currency */
    {0x20D0, 0x20FF, BP_CHAR_MARK, 0},      /* combining marks for symbols */
    {0x2100, 0x214F, BP_CHAR_SEPARATOR, 0}, /* letterlike symbols: ™ ℠ ℞ № */
    {0x2190, 0x2BFF, BP_CHAR_SEPARATOR, 0}, /* arrows, math, shapes, dingbats */
    {0x2E00, 0x2E7F, BP_CHAR_SEPARATOR, 0}, /* supplemental punctuation */
    {0x2FF0, 0x2FFF, BP_CHAR_SEPARATOR, 0}, /* ideographic description */
    {0x3000, 0x3004, BP_CHAR_SEPARATOR, 0}, /* ideographic space, 、。 */
    {0x3008, 0x3020, BP_CHAR_SEPARATOR, 0}, /* CJK brackets */
    {0x302A, 0x302F, BP_CHAR_MARK, 0},
    {0x3030, 0x3030, BP_CHAR_SEPARATOR, 0},
    {0x303D, 0x303F, BP_CHAR_SEPARATOR, 0},
    {0x3099, 0x309A, BP_CHAR_MARK, 0},
    {0x309B, 0x309C, BP_CHAR_SEPARATOR, 0},
    {0x30A0, 0x30A0, BP_CHAR_SEPARATOR, 0},
    {0x30FB, 0x30FB, BP_CHAR_SEPARATOR, 0}, /* katakana middle dot */
    {0x3200, 0x33FF, BP_CHAR_SEPARATOR, 0}, /* enclosed CJK, compatibility */
    {0x4DC0, 0x4DFF, BP_CHAR_SEPARATOR, 0}, /* hexagrams */
    {0xE000, 0xF8FF, BP_CHAR_SEPARATOR, 0}, /* private use */
    {0xFD3E, 0xFD3F, BP_CHAR_SEPARATOR, 0},
    {0xFE00, 0xFE0F, BP_CHAR_MARK, 0},      /* variation selectors */
    {0xFE10, 0xFE1F, BP_CHAR_SEPARATOR, 0}, /* vertical forms */
    {0xFE20, 0xFE2F, BP_CHAR_MARK, 0},      /* combining half marks */
    {0xFE30, 0xFE6F, BP_CHAR_SEPARATOR, 0}, /* compatibility and small forms */
    {0xFEFF, 0xFEFF, BP_CHAR_SEPARATOR, 0}, /* byte order mark */
    {0xFF00, 0xFF0F, BP_CHAR_SEPARATOR, 0}, /* fullwidth punctuation */
    {0xFF10, 0xFF19, BP_CHAR_DIGIT, '0'},   /* fullwidth digits */
    {0xFF1A, 0xFF20, BP_CHAR_SEPARATOR, 0},
    {0xFF21, 0xFF3A, BP_CHAR_LETTER, 'a'}, /* fullwidth A-Z */
    {0xFF3B, 0xFF40, BP_CHAR_SEPARATOR, 0},
    {0xFF41, 0xFF5A, BP_CHAR_LETTER, 'a'}, /* fullwidth a-z */
    {0xFF5B, 0xFF65, BP_CHAR_SEPARATOR, 0},
    {0xFFE0, 0xFFFF, BP_CHAR_SEPARATOR, 0},   /* fullwidth symbols, specials, U+FFFD */
    {0x1D000, 0x1D24F, BP_CHAR_SEPARATOR, 0}, /* musical symbols */
    {0x1F000, 0x1FBFF, BP_CHAR_SEPARATOR, 0}, /* tiles, cards, emoji, symbols */
    {0xE0000, 0xE007F, BP_CHAR_SEPARATOR, 0}, /* tags */
    {0xE0100, 0xE01EF, BP_CHAR_MARK, 0},      /* variation selectors supplement */
    {0xF0000, 0x10FFFF, BP_CHAR_SEPARATOR, 0} /* private use planes */
};

bp_char_class bp_char_classify(uint32_t code_point, char *folded) {
  *folded = 0;
  if (code_point < 0x80) {
    char c = (char)code_point;
    if (bp_is_ascii_letter(c)) {
      *folded = bp_ascii_lower(c);
      return BP_CHAR_LETTER;
    }
    if (bp_is_digit(c)) {
      *folded = c;
      return BP_CHAR_DIGIT;
    }
    return BP_CHAR_SEPARATOR;
  }
  if (code_point < 0x180) {
    char c = latin_classes[code_point - 0x80];
    if (c == ' ') return BP_CHAR_SEPARATOR;
    if (c >= 'a' && c <= 'z') *folded = c;
    return BP_CHAR_LETTER; /* '*' and '#': a letter or number with no base */
  }
  size_t low = 0, high = BP_COUNT(ranges);
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    if (code_point < ranges[mid].first) {
      high = mid;
    } else if (code_point > ranges[mid].last) {
      low = mid + 1;
    } else {
      if (ranges[mid].fold_first != 0) {
        *folded = (char)(ranges[mid].fold_first + (char)(code_point - ranges[mid].first));
      }
      return ranges[mid].class_of;
    }
  }
  return BP_CHAR_LETTER;
}

void bp_text_display(const char *text, size_t n, char out[BP_DISPLAY_SIZE]) {
  const unsigned char *s = (const unsigned char *)text;
  size_t in = 0, written = 0, chars = 0;
  while (in < n && chars < BP_DISPLAY_MAX_CHARS) {
    uint32_t code_point;
    size_t len = bp_utf8_decode(s + in, n - in, &code_point);
    if (len == 0 || (len == 1 && (s[in] < 0x20 || s[in] == 0x7F))) {
      out[written++] = '?';
      in += len == 0 ? 1 : len;
    } else {
      memcpy(out + written, s + in, len);
      written += len;
      in += len;
    }
    chars++;
  }
  if (in < n) {
    memcpy(out + written, "...", 3);
    written += 3;
  }
  out[written] = '\0';
}
