/*
** tests/support/pg_standins.h: stand-ins for the few functions of
** PostgreSQL's server that ext/postgres/pg_value.c and pg_state.c call, so
** that a test program (tests/pg/unit/) or a fuzz harness
** (tests/fuzz/fuzz_pg.c) can link those files without a server. Test code
** only: the extension itself links PostgreSQL's own functions.
**
** What each stand-in does (pg_standins.c has the details):
**   palloc, palloc_extended, MemoryContextAlloc, repalloc, pfree
**       malloc and free, every block kept on one list so that
**       standin_reset() frees what a test or an input left behind (as
**       PostgreSQL frees a memory context after an ERROR);
**       standin_fail_no_oom(1) makes palloc_extended(..., MCXT_ALLOC_NO_OOM)
**       return NULL, as it does when memory runs out.
**   errstart, errstart_cold, errcode, errmsg_internal, errhint, errfinish
**       record the SQLSTATE, message and hint; errfinish for ERROR jumps
**       back to standin_try(), as PostgreSQL's longjmp does to its
**       PG_TRY (anything below ERROR is not used by the binding: abort).
**   pg_detoast_datum, pg_detoast_datum_packed
**       the real functions' results for values that are neither compressed
**       nor stored out of line (the only ones these datums are): a 4-byte
**       header value as it is; a 1-byte header value as it is (packed) or
**       copied under a 4-byte header.
**   numeric_out, numeric_is_nan, numeric_is_inf, numeric_out_sci
**       a stand-in numeric is a varlena holding the text numeric_out
**       writes ("-12.50", "NaN", "Infinity"); numeric_out_sci rounds that
**       decimal text to scale + 1 significant digits (half away from zero,
**       as numeric.c rounds) and writes PostgreSQL's layout, d.ddde+NN.
**   JsonbToCString
**       a stand-in jsonb is a varlena holding JSON text: that text.
**   array_to_json
**       a stand-in text[] is a varlena holding its items, each as a flag
**       byte (0: NULL, 1: a value), a 4-byte length and the bytes: the JSON
**       array PostgreSQL writes for it (strings escaped as escape_json()
**       does).
**   format_type_extended
**       "pg_catalog.interval" for INTERVALOID, "pg_catalog.integer[]" for
**       INT4ARRAYOID, "public.type_<oid>" for any other type.
**   DirectFunctionCall1Coll
**       calls the function with one argument, as fmgr.c does.
**   pg_vsnprintf
**       the C library's vsnprintf (port.h renames vsnprintf to it).
*/
#ifndef BACKPAIN_PG_STANDINS_H
#define BACKPAIN_PG_STANDINS_H

#include "postgres.h"

#include <stddef.h>

/* The error standin_try() caught. */
typedef struct {
  int sqlstate;       /* MAKE_SQLSTATE(...) */
  char code[6];       /* the SQLSTATE as text, "22023" */
  char message[4096]; /* errmsg_internal's text */
  char hint[512];     /* errhint's, "" when none */
} standin_error;

/* Calls fn(arg): 0 when it returned, 1 when it raised ERROR (then *error
** says which; error may be NULL). */
int standin_try(void (*fn)(void *arg), void *arg, standin_error *error);

/* A memory context to pass where one is asked for (blocks are tracked on
** one list, whatever the context). */
MemoryContext standin_context(void);

/* The number of blocks palloc'd and not freed. */
size_t standin_live_blocks(void);

/* Frees every block; returns how many there were. */
size_t standin_reset(void);

/* 1: palloc_extended(..., MCXT_ALLOC_NO_OOM) returns NULL; 0: it allocates. */
void standin_fail_no_oom(int fail);

/* Datums of the stand-in types, palloc'd. */
Datum standin_varlena(const void *bytes, size_t length, int short_header); /* text, bytea, ... */
Datum standin_numeric(const char *text);                                   /* numeric_out's text */
Datum standin_jsonb(const char *json);
/* A text[]: items[i] of lengths[i] bytes, NULL for a NULL item. */
Datum standin_text_array(const char *const *items, const size_t *lengths, size_t count);

#endif
