/*
** bp_text.c: strict numbers, ASCII folding, the tokenizer and the error
** value renderer (see bp_text.h).
*/
#include "bp_text.h"

#include "bp_common.h"

#include <stdlib.h>
#include <string.h>

static int is_digit(unsigned char c) { return bp_is_digit((char)c); }

static int is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static int is_code_byte(unsigned char c) { return is_word_byte(c) || is_digit(c); }

int bp_ascii_ieq(const char *text, size_t n, const char *lower) {
  size_t i = 0;
  for (; i < n; i++) {
    if (lower[i] == '\0' || bp_ascii_lower(text[i]) != lower[i]) return 0;
  }
  return lower[i] == '\0';
}

int bp_code_run_next(const char *text, size_t n, size_t *pos, bp_run *run) {
  const unsigned char *s = (const unsigned char *)text;
  while (*pos < n && !is_code_byte(s[*pos])) (*pos)++;
  if (*pos >= n) return 0;
  size_t start = *pos;
  while (*pos < n && is_code_byte(s[*pos])) (*pos)++;
  run->text = text + start;
  run->length = *pos - start;
  return 1;
}

void bp_tokenizer_init(bp_tokenizer *t, const char *input, size_t n) {
  t->input = input;
  t->n = n;
  t->pos = 0;
}

int bp_tokenizer_next(bp_tokenizer *t, bp_token *tok) {
  const unsigned char *in = (const unsigned char *)t->input;
  while (t->pos < t->n && !is_word_byte(in[t->pos]) && !is_digit(in[t->pos])) {
    t->pos++;
  }
  if (t->pos >= t->n) return 0;
  int (*belongs)(unsigned char) = is_digit(in[t->pos]) ? is_digit : is_word_byte;
  tok->kind = belongs == is_digit ? BP_TOKEN_NUMBER : BP_TOKEN_WORD;
  size_t start = t->pos;
  while (t->pos < t->n && belongs(in[t->pos])) t->pos++;
  tok->len = t->pos - start;
  tok->too_long = tok->len > BP_TOKEN_MAX;
  if (tok->too_long) {
    tok->text[0] = '\0';
  } else {
    for (size_t i = 0; i < tok->len; i++) {
      tok->text[i] = bp_ascii_lower((char)in[start + i]);
    }
    tok->text[tok->len] = '\0';
  }
  return 1;
}

/* Length of the valid UTF-8 sequence at s[0..n), or 0 if it is invalid. */
size_t bp_utf8_sequence_length(const unsigned char *s, size_t n) {
  size_t len;
  unsigned int cp;
  if (s[0] < 0x80) return 1;
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
  /* Reject overlong forms, surrogates and code points above U+10FFFF. */
  if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || (cp >= 0xD800 && cp <= 0xDFFF) ||
      cp > 0x10FFFF) {
    return 0;
  }
  return len;
}

void bp_text_display(const char *text, size_t n, char out[BP_DISPLAY_SIZE]) {
  const unsigned char *s = (const unsigned char *)text;
  size_t in = 0, written = 0, chars = 0;
  while (in < n && chars < BP_DISPLAY_MAX_CHARS) {
    size_t len = bp_utf8_sequence_length(s + in, n - in);
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

static size_t phrase_length(const bp_phrase *phrase) {
  size_t len = 0;
  while (len < BP_PHRASE_MAX_TOKENS && phrase->tokens[len] != NULL) len++;
  return len;
}

/* 1 if the phrase ends at the latest of the `seen` tokens kept in recent. */
static int phrase_ends_here(const bp_phrase *phrase, const bp_token *recent, size_t seen) {
  size_t len = phrase_length(phrase);
  if (len == 0 || len > seen) return 0;
  size_t first = seen - len;
  for (size_t k = 0; k < len; k++) {
    const bp_token *tok = &recent[(first + k) % BP_PHRASE_MAX_TOKENS];
    if (tok->too_long || strcmp(tok->text, phrase->tokens[k]) != 0) return 0;
  }
  return 1;
}

long bp_phrase_find(const char *text, size_t n, const void *rows, size_t count, size_t row_size,
                    bp_phrase_order order) {
  /* The last BP_PHRASE_MAX_TOKENS tokens, token i at recent[i % MAX]. */
  bp_token recent[BP_PHRASE_MAX_TOKENS];
  bp_tokenizer tokenizer;
  size_t seen = 0;
  long best = -1;
  bp_tokenizer_init(&tokenizer, text, n);
  while (bp_tokenizer_next(&tokenizer, &recent[seen % BP_PHRASE_MAX_TOKENS])) {
    seen++;
    /* In table order, only rows before the best so far can improve it. */
    size_t limit = (order == BP_FIRST_IN_TABLE && best >= 0) ? (size_t)best : count;
    for (size_t r = 0; r < limit; r++) {
      const bp_phrase *phrase = (const bp_phrase *)((const char *)rows + r * row_size);
      if (phrase_ends_here(phrase, recent, seen)) {
        best = (long)r;
        break;
      }
    }
    if (best == 0 || (order == BP_FIRST_IN_TEXT && best >= 0)) break;
  }
  return best;
}
