/*
** sqlite_binding.h: what the SQLite binding's files share: turning
** sqlite3_value into the core's bp_value, raising a failed bp_call as an
** SQL error, turning a bp_result into the function's result, a bp_writer
** over sqlite3_str, and scratch memory from SQLite's allocator.
**
** The binding holds no logic of its own beyond SQLite's mechanics
** (aggregate contexts, window frames, the virtual table): every check and
** every message comes from ext/core/bp_calls.c.
*/
#ifndef BP_SQLITE_BINDING_H
#define BP_SQLITE_BINDING_H

#include "sqlite3ext.h"

#include "bp_calls.h"
#include "bp_value.h"

/* Converts argc values. Returns 0 (with the out-of-memory error set on
** ctx) when SQLite cannot give a value's text. */
int bp_sqlite_values(sqlite3_context *ctx, int argc, sqlite3_value **argv, bp_value *out);

/* Prepares a bp_call for the function whose registration row is ctx's
** user data: its name, and SQLite's allocator for scratch memory. */
void bp_sqlite_call_init(sqlite3_context *ctx, bp_call *call);

/* Frees the call's scratch memory. */
void bp_sqlite_call_done(bp_call *call);

/* Raises the call's error on ctx: its message, or SQLite's own
** out-of-memory error. */
void bp_sqlite_raise(sqlite3_context *ctx, const bp_call *call);

/* A bp_writer that collects text in a buffer inside itself (a plan is
** 1.5 to 3 KB) and moves to an sqlite3_str (with the connection's length
** limit) only when that is full, so a typical result costs one allocation:
** SQLite's copy of it. */
#define BP_SQLITE_WRITER_INLINE 4096

typedef struct {
  bp_writer base;
  sqlite3 *db;
  sqlite3_str *text; /* NULL while the text fits in `inline_text` */
  size_t length;     /* bytes in inline_text */
  char inline_text[BP_SQLITE_WRITER_INLINE];
} bp_sqlite_writer;

void bp_sqlite_writer_init(sqlite3_context *ctx, bp_sqlite_writer *writer);

/* Frees the writer's text, if any (on the error path). */
void bp_sqlite_writer_free(bp_sqlite_writer *writer);

/* Makes the writer's text the result (or the error it ran into: out of
** memory, too big) and frees it. */
void bp_sqlite_writer_result(sqlite3_context *ctx, bp_sqlite_writer *writer);

/* Sets a scalar bp_result as the result (JSON: from the writer). */
void bp_sqlite_result(sqlite3_context *ctx, const bp_result *result, bp_sqlite_writer *writer);

/* The callbacks SQLite calls: every scalar of bp_functions goes through
** bp_sqlite_scalar; the course functions have their own (sqlite_courses.c). */
void bp_sqlite_scalar(sqlite3_context *ctx, int argc, sqlite3_value **argv);
void bp_sqlite_courses_step(sqlite3_context *ctx, int argc, sqlite3_value **argv);
void bp_sqlite_courses_final(sqlite3_context *ctx);
void bp_sqlite_course_no_step(sqlite3_context *ctx, int argc, sqlite3_value **argv);
void bp_sqlite_course_no_value(sqlite3_context *ctx);
void bp_sqlite_course_no_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv);
void bp_sqlite_course_no_final(sqlite3_context *ctx);

/* Registers guideline_evidence on db (sqlite_evidence.c). */
int bp_sqlite_register_evidence(sqlite3 *db);

#endif
