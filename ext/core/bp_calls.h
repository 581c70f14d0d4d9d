/*
** bp_calls.h: every SQL function of backpain, as engine-neutral C.
**
** This is the one list of the extension's functions (bp_functions[]) and
** the one implementation of what each does with its arguments: which are
** checked, in what order, what NULL gives, what an error says. The SQLite
** binding (ext/sqlite/) and the PostgreSQL binding (ext/postgres/) only
** turn their engine's values into bp_value, call these, and turn the
** bp_result back, so both engines give the same answers and the same error
** texts. Registration, the tests that cover "every function", and the
** fuzzer all walk bp_functions[].
**
** A scalar function fills a bp_result; a JSON result is written through
** the bp_writer the binding passes. On error, call->status is set and the
** result is to be ignored. The course aggregates and the window function
** are split in the steps an engine drives: reading a row
** (bp_course_read_row), and computing from the fills of a group
** (bp_courses_write_json, bp_courses_longest) or one fill at a time
** (bp_course_builder in bp_courses.h).
*/
#ifndef BP_CALLS_H
#define BP_CALLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bp_courses.h"
#include "bp_date.h"
#include "bp_json.h"
#include "bp_value.h"

typedef enum {
  BP_RESULT_NULL,
  BP_RESULT_INTEGER, /* integer */
  BP_RESULT_BOOLEAN, /* integer, 0 or 1 (SQLite shows 0/1, PostgreSQL boolean) */
  BP_RESULT_TEXT,    /* text: static, NUL-terminated */
  BP_RESULT_DATE,    /* day (SQLite shows YYYY-MM-DD, PostgreSQL date) */
  BP_RESULT_JSON     /* written to the writer */
} bp_result_type;

typedef struct {
  bp_result_type type;
  int64_t integer;
  const char *text;
  bp_day day;
} bp_result;

typedef void (*bp_scalar_fn)(bp_call *call, int argc, const bp_value *argv, bp_result *result,
                             bp_writer *json);

typedef enum { BP_KIND_SCALAR, BP_KIND_AGGREGATE, BP_KIND_WINDOW } bp_function_kind;

/* Which course function a row belongs to: the argument lists differ. */
typedef enum {
  BP_COURSES_JSON,    /* relaxant_courses(start, end [, gap_days [, max_days [, as_of]]]) */
  BP_COURSES_LONGEST, /* relaxant_longest_course(start, end [, gap_days [, as_of]]) */
  BP_COURSES_NUMBER,  /* relaxant_course_no(start, end [, gap_days [, as_of]]) */
  BP_COURSE_FUNCTION_COUNT
} bp_course_function;

/*
** One SQL function. max_args -1: any even number of arguments (key/value
** pairs). `scalar` is set for scalars; aggregates and windows name their
** course function. `arguments` and `returns` are the contract's words, for
** documentation and for the tests that check the engines' lists.
*/
typedef struct {
  const char *name;
  int min_args, max_args;
  bp_function_kind kind;
  bp_scalar_fn scalar;
  bp_course_function course;
  const char *arguments;
  const char *returns;
} bp_function_info;

extern const bp_function_info bp_functions[];
extern const size_t bp_function_count;
/* bp_functions[] has at most this many rows (checked where it is defined),
** so that a binding may keep a row's index in a byte. */
#define BP_FUNCTION_MAX 256

/* The row of bp_functions with this name, or NULL. */
const bp_function_info *bp_function_find(const char *name);

/* The longest text a recogniser reads (relaxant_ingredient,
** intervention_code, icd10_class, list items): longer is an error, so that
** a runaway value cannot hold a query for seconds. */
#define BP_RECOGNISE_MAX_BYTES 65536

/* ---- Courses ------------------------------------------------------------ */

/* The parameters of a group: the same on every row (else an error). */
typedef struct {
  int64_t gap_days; /* default bp_relaxant_gap_days */
  int64_t max_days; /* default bp_relaxant_max_days; relaxant_courses only */
  bp_day as_of;
  bool known; /* a row has set them */
  bool has_as_of;
} bp_course_params;
/* Kept in every group's state (the PostgreSQL binding's has 64 bytes). */
_Static_assert(sizeof(bp_course_params) <= 24, "the parameters of a group take 24 bytes");

/*
** Reads one row of a course function: checks every argument given, sets
** or checks the group's parameters, and gives the row's fill, cut at
** as_of. Returns BP_ARG_OK for a fill to use, BP_ARG_NULL for a row that
** is left out (NULL start; NULL end without as_of; a fill starting after
** as_of), BP_ARG_ERROR after setting the call's error. *has_start tells
** whether the row has a start; fill->start is then set even for a row that
** is left out (the window function checks the order of every row).
*/
bp_arg bp_course_read_row(bp_call *call, bp_course_function function, int argc,
                          const bp_value *argv, bp_course_params *params, bp_fill *fill,
                          int *has_start);

/* Checks that two partial groups (parallel workers) agree on their
** parameters and merges b into a. */
int bp_course_params_merge(bp_call *call, bp_course_params *a, const bp_course_params *b);

/* relaxant_courses' JSON array over fills sorted by bp_fills_sort (n >= 1). */
void bp_courses_write_json(const bp_fill *sorted, size_t n, const bp_course_params *params,
                           bp_writer *json);

/* relaxant_longest_course over fills sorted by bp_fills_sort (n >= 1). */
int64_t bp_courses_longest(const bp_fill *sorted, size_t n, const bp_course_params *params);

/* The course_no error for a fill that starts before the previous one. */
void bp_course_order_error(bp_call *call, bp_day start, bp_day previous_start);

/* The course_no error for rows of different starts that reach the window
** function together: peers in the window's order (or, in SQLite, one step
** of a frame that reaches past the current row). A start not given is
** shown as NULL. */
void bp_course_together_error(bp_call *call, int has_first, bp_day first, int has_other,
                              bp_day other);

#endif
