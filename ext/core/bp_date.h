/*
** bp_date.h: calendar dates for backpain, with no SQLite dependency.
**
** A date is held as its Julian Day Number (bp_day): the integer day count
** whose noon is the Julian date of that calendar day, so 2000-01-01 is
** 2451545. Differences of bp_day values are day counts, which is all the
** episode and label logic needs.
**
** Accepted input (contract section 0):
**   text    YYYY-MM-DD, optionally followed by a time part
**           ( |T)HH:MM[:SS[.f+]] and an optional zone Z or (+|-)HH:MM.
**           The time part is checked but ignored: only the calendar date
**           counts, with no time-zone shift.
**   number  a Julian day number as SQLite's julianday() returns; its
**           calendar date is the one SQLite's date(x) gives.
** Only dates from 0000-01-01 to 9999-12-31 are accepted, so that every
** date can be written back as YYYY-MM-DD.
*/
#ifndef BP_DATE_H
#define BP_DATE_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t bp_day;

#define BP_DAY_MIN 1721060 /* 0000-01-01 */
#define BP_DAY_MAX 5373484 /* 9999-12-31 */

/* Length of "YYYY-MM-DD" plus its terminating NUL. */
#define BP_DATE_TEXT_SIZE 11

/* Parses text of n bytes (no NUL needed). Returns 1 and sets *out on
** success, 0 if the text is not a valid date. */
int bp_date_parse_text(const char *text, size_t n, bp_day *out);

/* Converts a Julian day number given as a double (julianday() output).
** Returns 0 for NaN, infinities and dates outside the accepted range. */
int bp_date_from_julian(double julian, bp_day *out);

/* Converts a Julian day number given as an integer (noon of that day). */
int bp_date_from_julian_int(int64_t julian, bp_day *out);

/* Builds a day from its calendar parts; 0 if the date does not exist. */
int bp_date_from_civil(int year, int month, int day, bp_day *out);

/* Splits a day into its calendar parts. */
void bp_date_to_civil(bp_day d, int *year, int *month, int *day);

/* Writes d as "YYYY-MM-DD" into out, which must hold BP_DATE_TEXT_SIZE
** bytes. d must be within [BP_DAY_MIN, BP_DAY_MAX]. */
void bp_date_format(bp_day d, char out[BP_DATE_TEXT_SIZE]);

#endif
