/*
** bp_value.h: the engine-neutral face of a SQL call. A binding (SQLite's,
** PostgreSQL's) turns each argument into a bp_value, the core checks and
** reads it, and every error comes back as one message in the contract's
** form, whatever the engine:
**
**   <function>(): <argument> <what is wrong>, got <value>
**
** with <value> cut to 40 characters. Because the message is built here and
** only here, both engines give the same error texts by construction (the
** differential test checks it). A status tells the binding which SQL error
** class to raise (PostgreSQL's SQLSTATE; SQLite has one error code).
**
** Readers return BP_ARG_OK (output set), BP_ARG_NULL (SQL NULL, output
** untouched) or BP_ARG_ERROR (the call's message is set). Nothing here
** allocates, reads the locale or prints through the C library's %g.
*/
#ifndef BP_VALUE_H
#define BP_VALUE_H

#include <stddef.h>
#include <stdint.h>

#include "bp_date.h"

typedef enum {
  BP_VALUE_NULL,
  BP_VALUE_INTEGER, /* integer */
  BP_VALUE_REAL,    /* real */
  BP_VALUE_TEXT,    /* bytes, length: UTF-8 (not checked), no NUL needed */
  BP_VALUE_BLOB,    /* bytes, length */
  BP_VALUE_DATE,    /* integer: a Julian day number, from an engine's date type */
  BP_VALUE_OTHER    /* a value of an engine type the core does not read (an
                    ** interval, a timestamp, an array of numbers): bytes,
                    ** length name the type. Every reader refuses it, so
                    ** the error names the argument as for any wrong value. */
} bp_value_type;

/* An engine's infinite dates (PostgreSQL's 'infinity' and '-infinity') as
** the integer of a BP_VALUE_DATE: never a valid date, shown by name. */
#define BP_JULIAN_INFINITY INT64_MAX
#define BP_JULIAN_MINUS_INFINITY INT64_MIN

typedef struct {
  bp_value_type type;
  int64_t integer;
  double real;
  const char *bytes;
  size_t length;
} bp_value;

/* Constructors, for bindings and tests. */
bp_value bp_value_null(void);
bp_value bp_value_integer(int64_t integer);
bp_value bp_value_real(double real);
bp_value bp_value_text(const char *bytes, size_t length);
bp_value bp_value_blob(const void *bytes, size_t length);
bp_value bp_value_date(int64_t julian_day);
bp_value bp_value_other(const char *type_name, size_t length);

/* The SQL error class of a failed call. */
typedef enum {
  BP_STATUS_OK = 0,
  BP_STATUS_INVALID_PARAMETER,   /* PostgreSQL 22023 */
  BP_STATUS_DATETIME_FORMAT,     /* 22007: text that is not a date */
  BP_STATUS_DATETIME_OVERFLOW,   /* 22008: a date outside what is accepted */
  BP_STATUS_TEXT_REPRESENTATION, /* 22P02: a list that cannot be read */
  BP_STATUS_TOO_BIG,             /* 54000: past a size limit */
  BP_STATUS_NO_MEMORY            /* the engine's allocator said no */
} bp_status;

/* Room for the longest message: the function and argument names, a
** requirement that may list a vocabulary, and two values of at most 40
** characters (4 bytes each, quoted). */
#define BP_MESSAGE_SIZE 1024

/*
** One call of a SQL function. The binding sets `function` (its SQL name)
** and, when the call may need scratch memory, `grow` (an allocator of the
** engine's: it must return a block of at least `size` bytes, keeping
** nothing of the old one, or NULL). The binding frees `scratch` after the
** call, whatever happened.
*/
typedef struct bp_call {
  const char *function;
  bp_status status;
  char message[BP_MESSAGE_SIZE];
  void *(*grow)(struct bp_call *call, void *old, size_t size);
  void *engine; /* the binding's own context, for grow */
  void *scratch;
  size_t scratch_size;
} bp_call;

void bp_call_init(bp_call *call, const char *function);

/* Scratch memory of at least size bytes, valid until the binding frees it;
** NULL (and the call failed with BP_STATUS_NO_MEMORY) when it cannot. */
void *bp_call_scratch(bp_call *call, size_t size);

/* Sets "<function>(): <formatted detail>" and the status. The format takes
** %s, %d, %zu and %lld only (no floating point: see bp_number_format). */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
void bp_fail(bp_call *call, bp_status status, const char *format, ...);

/* Out of memory: the binding raises the engine's own out-of-memory error. */
void bp_fail_no_memory(bp_call *call);

typedef enum { BP_ARG_OK = 0, BP_ARG_NULL = 1, BP_ARG_ERROR = 2 } bp_arg;

/* "<argument> <problem>, got <value>"; returns BP_ARG_ERROR. */
bp_arg bp_fail_value(bp_call *call, bp_status status, const bp_value *value, const char *argument,
                     const char *problem);

/*
** How a value is shown in a message: 'text' (quoted, cut to 40 characters,
** invalid UTF-8 and control characters as '?'), 12, 1.5 (as SQLite's
** printf("%!.15g")), x'00ff' (a blob, its first 20 bytes), NULL, a date
** of an engine's date type as 2024-01-31 (infinity, -infinity), and a value
** of another engine type as "a value of type interval".
*/
#define BP_VALUE_DISPLAY_SIZE 200
void bp_value_display(const bp_value *value, char out[BP_VALUE_DISPLAY_SIZE]);

/* A date: text YYYY-MM-DD[time], a Julian day number, or an engine date;
** 0000-01-01 to 9999-12-31. */
bp_arg bp_read_date(bp_call *call, const bp_value *value, const char *argument, bp_day *out);

/* An integer >= min: an INTEGER, a REAL with no fraction, or text that
** reads as either (an integer literal exactly, even past 2^53). */
bp_arg bp_read_int_at_least(bp_call *call, const bp_value *value, const char *argument, int64_t min,
                            int64_t *out);

/* A finite number in [min, max], or (min, max] when min_exclusive; text
** that reads as a number counts. `requirement` completes "must be ..." */
bp_arg bp_read_number_in(bp_call *call, const bp_value *value, const char *argument, double min,
                         int min_exclusive, double max, const char *requirement, double *out);

/* 1 or 0, as a number or numeric text. */
bp_arg bp_read_flag(bp_call *call, const bp_value *value, const char *argument, int *out);

/*
** Text. A number is taken as its text, as SQLite shows it (97110, 2.5,
** 97110.0); it is written into `number_text`, which must outlive the use
** of *text. A blob or a date is an error.
*/
#define BP_NUMBER_TEXT_SIZE 32
bp_arg bp_read_text(bp_call *call, const bp_value *value, const char *argument,
                    char number_text[BP_NUMBER_TEXT_SIZE], const char **text, size_t *length);

/* One of a closed vocabulary of lower-case names, ASCII case ignored:
** *index is its row. The error lists the vocabulary. */
bp_arg bp_read_name_in(bp_call *call, const bp_value *value, const char *argument,
                       const char *const *names, size_t count, int *index);

#endif
