/*
** bp_list.h: the lists recommend_plan() accepts, with no SQLite dependency
** and no allocation.
**
** A list is either a JSON array or comma-separated text:
**   JSON   the text starts with '[' (after white space). Items are strings,
**          or numbers, which count as their text (json_group_array() of an
**          integer code column gives them); null items are skipped. Nested
**          arrays, objects, true/false and malformed JSON are errors.
**   CSV    anything else. Items are cut at commas and trimmed of white
**          space; empty items are skipped. Empty text is an empty list.
** Each item is handed to a callback, decoded (JSON escapes resolved) into
** the caller's buffer; an item longer than the buffer is cut to fit and
** flagged.
*/
#ifndef BP_LIST_H
#define BP_LIST_H

#include <stddef.h>

typedef enum {
  BP_LIST_OK = 0,
  BP_LIST_BAD_JSON,   /* malformed JSON */
  BP_LIST_NESTED,     /* an array inside the array */
  BP_LIST_NOT_STRING, /* an object, true or false as an item */
  BP_LIST_STOPPED,    /* the callback asked to stop */
  BP_LIST_STATUS_COUNT
} bp_list_status;

/* Called once per item; returns 0 to go on, non-zero to stop. */
typedef int (*bp_list_item_fn)(void *context, const char *item, size_t length, int truncated);

typedef struct {
  bp_list_status status;
  size_t offset; /* byte offset of the problem, for error messages */
} bp_list_result;

/* Parses text of n bytes. `buffer` (of `buffer_size` bytes, at least 1)
** receives each decoded item. */
bp_list_result bp_list_parse(const char *text, size_t n, char *buffer, size_t buffer_size,
                             bp_list_item_fn fn, void *context);

/* A short description of a status ("unterminated string", ...). */
const char *bp_list_status_text(bp_list_status status);

#endif
