/*
** sql_args.h: the binding layer's shared pieces: the registration row type,
** argument readers that turn sqlite3_value into core types, and the error
** convention of the SQL contract (section 0):
**
**   <function>(): <argument> <what is wrong>, got <value>
**
** where <value> is cut to 40 characters. Every reader either fills its
** output (BP_ARG_OK), reports SQL NULL (BP_ARG_NULL), or has already set
** the SQL error on the context (BP_ARG_ERROR); callers just return.
*/
#ifndef BP_SQL_ARGS_H
#define BP_SQL_ARGS_H

#include <stddef.h>
#include <stdint.h>

#include "sqlite3ext.h"

#include "bp_date.h"

/* One row of the registration table in backpain.c. The row itself is the
** function's user data, so a callback knows the SQL name it serves. */
typedef struct bp_sql_function {
  const char *name;
  int n_arg;
  void (*x_func)(sqlite3_context *, int, sqlite3_value **);
  void (*x_step)(sqlite3_context *, int, sqlite3_value **);
  void (*x_final)(sqlite3_context *);
  void (*x_value)(sqlite3_context *);
  void (*x_inverse)(sqlite3_context *, int, sqlite3_value **);
} bp_sql_function;

/* The SQL name of the function being called. */
const char *bp_sql_name(sqlite3_context *ctx);

/* Sets "<name>(): <formatted message>" as the SQL error. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void bp_sql_error(sqlite3_context *ctx, const char *format, ...);

typedef enum { BP_ARG_OK = 0, BP_ARG_NULL = 1, BP_ARG_ERROR = 2 } bp_arg;

/* A date: text YYYY-MM-DD[time] or a Julian day number. */
bp_arg bp_arg_date(sqlite3_context *ctx, sqlite3_value *value, const char *arg_name, bp_day *out);

/* An integer >= min: INTEGER, a REAL with no fraction, or TEXT that reads
** as such a number. */
bp_arg bp_arg_int_at_least(sqlite3_context *ctx, sqlite3_value *value, const char *arg_name,
                           int64_t min, int64_t *out);

/* A finite number in [min, max] (or (min, max] when min_exclusive):
** INTEGER, REAL, or TEXT that reads as a number. `requirement` completes
** the error message ("a number > 0"). */
bp_arg bp_arg_number_in(sqlite3_context *ctx, sqlite3_value *value, const char *arg_name,
                        double min, int min_exclusive, double max, const char *requirement,
                        double *out);

/* Text of a value that must be TEXT (an INTEGER or REAL is rendered as
** text, as SQLite does; a BLOB is an error). */
bp_arg bp_arg_text(sqlite3_context *ctx, sqlite3_value *value, const char *arg_name,
                   const char **text, int *n_bytes);

/* One of a closed vocabulary of lower-case names, ASCII case ignored:
** sets *index to the row of `names` (count entries). */
bp_arg bp_arg_name_in(sqlite3_context *ctx, sqlite3_value *value, const char *arg_name,
                      const char *const *names, size_t count, int *index);

/* Makes the text accumulated in `out` the result, or the error `out` ran
** into (out of memory, too big), and frees `out`. */
void bp_result_str(sqlite3_context *ctx, sqlite3_str *out);

/* Sets "<function>(): <arg_name> <problem>, got <value>" and returns
** BP_ARG_ERROR. */
bp_arg bp_arg_fail(sqlite3_context *ctx, sqlite3_value *value, const char *arg_name,
                   const char *problem);

/* Renders a value for an error message ('text', 12, 1.5, x'00ff', NULL),
** cut to 40 characters. Returns an sqlite3_malloc'ed string or NULL when
** out of memory. */
char *bp_value_display(sqlite3_value *value);

#endif
