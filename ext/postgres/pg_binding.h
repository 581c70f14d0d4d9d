/*
** pg_binding.h: what the PostgreSQL binding's files share: which row of the
** core's bp_functions[] a call serves (pg_binding.c), PostgreSQL values
** turned into the core's bp_value, errors raised (pg_value.c), and a
** bp_writer over a StringInfo (pg_binding.c).
**
** pg_value.c and pg_state.c hold the parts that do not need a running
** server: they call only a few of PostgreSQL's functions (palloc and its
** kin, ereport's, the detoasting and output functions of a few types), so
** the fuzz harness tests/fuzz/fuzz_pg.c and the C test tests/pg/unit/
** link them with stand-ins for those (tests/support/pg_standins.c).
**
** The binding holds no logic of its own beyond PostgreSQL's mechanics
** (aggregate state, window positions, the set-returning function): every
** check and every message comes from ext/core/bp_calls.c, so PostgreSQL
** and SQLite give the same answers and the same error texts.
*/
#ifndef BP_PG_BINDING_H
#define BP_PG_BINDING_H

/* postgres.h comes first in every PostgreSQL source file. */
#include "postgres.h"

#include "fmgr.h"
#include "lib/stringinfo.h"

#include "bp_calls.h"
#include "bp_value.h"

/*
** Declares a C function that SQL calls: its fmgr info record, and the
** function itself with default visibility (the library is built with
** -fvisibility=hidden; PostgreSQL 15's PG_FUNCTION_INFO_V1 exports only
** the info record).
*/
#define BP_PG_FUNCTION(name) \
  PG_FUNCTION_INFO_V1(name); \
  extern PGDLLEXPORT Datum name(PG_FUNCTION_ARGS)

/* The most arguments of a function with a fixed argument list
** (relaxant_courses: start, end, gap_days, max_days, as_of). */
#define BP_PG_MAX_ARGS 5

/*
** What a C entry point knows about the SQL function it serves, looked up
** once per call site in pg_proc and kept in fn_extra: the bp_functions[]
** row it belongs to, and the declared argument and result types. The SQL
** function's name says which row: the row's own name for the functions
** users call (BP_PG_CALL), "<name>_step" for an aggregate's transition
** function (BP_PG_STEP: its first argument is the state) and
** "<name>_final" for its final function (BP_PG_FINAL). Every mismatch
** between the install script and the core (an unknown name, an arity
** outside the row's, another result type) is an error at the first call.
*/
typedef enum { BP_PG_CALL, BP_PG_STEP, BP_PG_FINAL } bp_pg_role;

typedef struct {
  const bp_function_info *function;
  int nargs;                 /* the SQL arguments (a transition: after the state) */
  Oid types[BP_PG_MAX_ARGS]; /* their types; unused when variadic */
  int variadic;              /* VARIADIC "any": types differ per call */
} bp_pg_signature;

/* The signature of the function flinfo calls, cached in its fn_extra. */
const bp_pg_signature *bp_pg_signature_of(FmgrInfo *flinfo, bp_pg_role role);

/* ---- pg_value.c ---------------------------------------------------------- */

/* Converts one PostgreSQL value of type `type`. Text is detoasted into
** the current memory context; it lives as long as that context. */
void bp_pg_value(Datum datum, bool isnull, Oid type, bp_value *out);

/* Prepares a call of `function`, with scratch memory from palloc. */
void bp_pg_call_init(bp_call *call, const bp_function_info *function);

/* Raises the call's error: ERROR with the core's message and the SQLSTATE
** of its status (out of memory: ERRCODE_OUT_OF_MEMORY). */
_Noreturn void bp_pg_raise(const bp_call *call);

/* Raises ERROR with this SQLSTATE, message and hint (none when NULL): the
** binding's one ereport. The message is cut at BP_PG_MESSAGE_SIZE - 1
** bytes (every message of the binding is far shorter). */
#define BP_PG_MESSAGE_SIZE 2048
_Static_assert(BP_PG_MESSAGE_SIZE > BP_MESSAGE_SIZE, "room for every message of the core");
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4), noreturn))
#endif
_Noreturn void
bp_pg_error(int sqlstate, const char *hint, const char *format, ...);

/* An integer result as PostgreSQL's integer; an error past its range. */
int32 bp_pg_int4(const bp_function_info *function, int64 value);

/* ---- pg_binding.c --------------------------------------------------------- */

/* A bp_writer that collects text in a StringInfo (palloc'd). */
typedef struct {
  bp_writer base;
  StringInfoData text;
} bp_pg_writer;

void bp_pg_writer_init(bp_pg_writer *writer);

/* The writer's text as a jsonb Datum. */
Datum bp_pg_writer_jsonb(bp_pg_writer *writer);

#endif
