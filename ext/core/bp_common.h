/*
** bp_common.h: the few helpers every core file may need, in one place:
** the element count of a static table, ASCII character classes that do not
** depend on the C locale (unlike <ctype.h>), and the set type the plan
** engine keeps its flags in.
*/
#ifndef BP_COMMON_H
#define BP_COMMON_H

#include <stdint.h>

/* Entries of a static array. */
#define BP_COUNT(a) (sizeof(a) / sizeof((a)[0]))

static inline int bp_is_digit(char c) { return c >= '0' && c <= '9'; }
static inline int bp_is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
/* The white space that separates values in a list or around a code. */
static inline int bp_is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
static inline char bp_ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c; }
static inline char bp_ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? (char)(c - 32) : c; }

/*
** A set of small enum values (interventions, warnings, names of a
** vocabulary) as bits of one word. Whoever keeps an enum in a bp_set
** states with BP_SET_FITS that the enum's count fits, so that a new entry
** past 64 fails the build instead of wrapping silently.
*/
typedef uint64_t bp_set;
#define BP_SET_CAPACITY 64
#define BP_SET_FITS(count, what) \
  _Static_assert((count) <= BP_SET_CAPACITY, what " must fit in a bp_set")
#define BP_BIT(i) ((bp_set)1 << (i))

#endif
