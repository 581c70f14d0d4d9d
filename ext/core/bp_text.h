/*
** bp_text.h: text utilities shared by the backpain core, with no engine
** dependency: ASCII case folding, UTF-8 decoding, the character classes
** that decide what a word is (contract section 4: letters and digits make
** words, every other code point separates them, diacritics fold away), the
** phrase type that content tables use, and the safe rendering of an
** offending value inside an error message.
*/
#ifndef BP_TEXT_H
#define BP_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* 1 if the n bytes of text equal the NUL-terminated lower-case ASCII word
** `lower`, ignoring ASCII case. */
int bp_ascii_ieq(const char *text, size_t n, const char *lower);

/*
** UTF-8. Decodes the sequence at s[0..n) (n >= 1): returns its length (1 to
** 4) and stores the code point, or returns 0 when s[0] does not start a
** valid sequence (a stray continuation byte, a cut, overlong or surrogate
** sequence, a code point above U+10FFFF). Latin-1 bytes such as 0xAE are
** invalid on their own: recognisers treat each invalid byte as a separator.
*/
size_t bp_utf8_decode(const unsigned char *s, size_t n, uint32_t *code_point);

/*
** What a code point is for word splitting.
**   LETTER     part of a word; `folded` is its lower-case ASCII base letter
**              (a for A, a, à, Å, fullwidth Ａ ...) or 0 when it has none
**              (ß, æ, Greek, Cyrillic, CJK ...): such a word matches nothing
**   DIGIT      part of a number; `folded` is '0'..'9'
**   MARK       a combining mark or variation selector: it belongs to the
**              character before it and is dropped (so e + U+0301 is é, is e)
**   SEPARATOR  anything else: space of any kind, punctuation, dashes,
**              quotes, symbols (® ™ © ·), controls, emoji, private use
** The classes follow Unicode's general categories (L and N make words, M
** joins, the rest separates) block by block; docs/recognition.md lists the
** blocks and the few simplifications.
*/
typedef enum {
  BP_CHAR_SEPARATOR = 0,
  BP_CHAR_LETTER = 1,
  BP_CHAR_DIGIT = 2,
  BP_CHAR_MARK = 3
} bp_char_class;

bp_char_class bp_char_classify(uint32_t code_point, char *folded);

/*
** Phrases: a sequence of one to BP_PHRASE_MAX_TOKENS tokens (lower-case
** ASCII words or digit runs) that must appear consecutively. Tables of
** phrases live in bp_content_*.c, each row starting with a bp_phrase
** member; bp_match.c finds them.
*/
#define BP_PHRASE_MAX_TOKENS 5

typedef struct {
  const char *tokens[BP_PHRASE_MAX_TOKENS]; /* unused slots are NULL */
} bp_phrase;

/* Tokens longer than this many bytes match no table entry. */
#define BP_TOKEN_MAX 40

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
