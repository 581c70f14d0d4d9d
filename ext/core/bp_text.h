/*
** bp_text.h: small text utilities shared by the backpain core, with no
** SQLite dependency: ASCII case folding, the
** word/number tokenizer used to recognise product and procedure names,
** and the safe rendering of an offending value inside an error message.
*/
#ifndef BP_TEXT_H
#define BP_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* 1 if the n bytes of text equal the NUL-terminated lower-case ASCII word
** `lower`, ignoring ASCII case. */
int bp_ascii_ieq(const char *text, size_t n, const char *lower);

/*
** Tokenizer. A word is a maximal run of ASCII letters and of bytes >= 0x80
** (so a name inside a longer word, accented or not, never stands alone); a
** number is a maximal run of ASCII digits; everything else separates.
** Words come out lower-cased. Tokens longer than BP_TOKEN_MAX bytes are
** reported with `too_long` set and an empty text, since no table entry is
** that long.
*/
#define BP_TOKEN_MAX 40

typedef enum { BP_TOKEN_WORD = 1, BP_TOKEN_NUMBER = 2 } bp_token_kind;

typedef struct {
  bp_token_kind kind;
  int too_long;
  size_t len;                  /* bytes in text */
  char text[BP_TOKEN_MAX + 1]; /* lower-cased, NUL-terminated */
} bp_token;

typedef struct {
  const char *input;
  size_t n;
  size_t pos;
} bp_tokenizer;

void bp_tokenizer_init(bp_tokenizer *t, const char *input, size_t n);

/* Returns 1 and fills *tok with the next token, or 0 at the end. */
int bp_tokenizer_next(bp_tokenizer *t, bp_token *tok);

/*
** Code runs: maximal runs of ASCII letters, digits and bytes >= 0x80, the
** shape of a code standing alone in text (ATC M03BX08, HCPCS E0720, CPT
** 97110). Start with pos = 0; each call gives the next run.
*/
typedef struct {
  const char *text;
  size_t length;
} bp_run;

/* Returns 1 and the next run of text[0..n) from *pos, or 0 at the end. */
int bp_code_run_next(const char *text, size_t n, size_t *pos, bp_run *run);

/*
** Phrases: a sequence of one to BP_PHRASE_MAX_TOKENS tokens (lower-case
** words or digit runs) that must appear consecutively. Tables of phrases
** live in bp_content.c, each row starting with a bp_phrase member.
*/
#define BP_PHRASE_MAX_TOKENS 5

typedef struct {
  const char *tokens[BP_PHRASE_MAX_TOKENS]; /* unused slots are NULL */
} bp_phrase;

/* Which phrase bp_phrase_find reports when several occur. */
typedef enum {
  BP_FIRST_IN_TEXT, /* the one whose last token comes earliest (ties: table order) */
  BP_FIRST_IN_TABLE /* the earliest table row that occurs anywhere */
} bp_phrase_order;

/*
** Finds a phrase of a table in text. `rows` points to `count` rows of
** `row_size` bytes, each starting with a bp_phrase. Returns the row index,
** or -1 when no phrase occurs.
*/
long bp_phrase_find(const char *text, size_t n, const void *rows, size_t count, size_t row_size,
                    bp_phrase_order order);

/* Length of the valid UTF-8 sequence at s[0..n) (n >= 1), or 0 when it is
** not one (overlong forms, surrogates and code points past U+10FFFF are
** invalid). */
size_t bp_utf8_sequence_length(const unsigned char *s, size_t n);

/*
** Rendering of a text value for an error message: at most
** BP_DISPLAY_MAX_CHARS characters; invalid UTF-8 bytes and control
** characters become '?', and a cut value ends with "...". The caller adds
** quotes. Output is NUL-terminated and always valid UTF-8.
*/
#define BP_DISPLAY_MAX_CHARS 40
#define BP_DISPLAY_SIZE (BP_DISPLAY_MAX_CHARS * 4 + 4)

void bp_text_display(const char *text, size_t n, char out[BP_DISPLAY_SIZE]);

#endif
