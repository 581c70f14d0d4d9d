/*
** bp_number.h: numbers read from text and written as text, the same on
** every host. The C library's strtod() and printf("%g") follow the
** process's LC_NUMERIC locale: in a host program that has called
** setlocale(LC_ALL, "de_DE.UTF-8"), strtod("10.5") stops at the '.' and
** printf writes "10,5". backpain's answers and error texts must not depend
** on the host, so every number the core reads or writes goes through here.
*/
#ifndef BP_NUMBER_H
#define BP_NUMBER_H

#include <stddef.h>
#include <stdint.h>

/*
** Parses a whole decimal number: [+-]digits[.digits][(e|E)[+-]digits] or
** [+-].digits[...]; no spaces, no hex, no inf/nan, at most
** BP_NUMBER_TEXT_MAX bytes. Returns 1 and sets *out when the text is such
** a number and finite, else 0. The decimal point is always '.', whatever
** the locale.
*/
#define BP_NUMBER_TEXT_MAX 64
int bp_number_parse(const char *text, size_t n, double *out);

/*
** Parses a whole integer literal, [+-]digits, exactly (no detour through a
** double, so 9223372036854775807 stays itself). Returns 1 and sets *out,
** or 0 when the text is not an integer literal or does not fit in int64.
*/
int bp_number_parse_int(const char *text, size_t n, int64_t *out);

/*
** Writes a double as SQLite's printf("%!.15g") does, with '.' as the
** decimal point on every host: 15 significant digits, trailing zeros cut
** but at least one digit after the point (2.0, 1.0e+20, 1.25e-07),
** -0.0 as 0.0, and Inf, -Inf, NaN. out holds BP_NUMBER_FORMAT_SIZE bytes.
*/
#define BP_NUMBER_FORMAT_SIZE 32
void bp_number_format(double value, char out[BP_NUMBER_FORMAT_SIZE]);

/* Writes a whole number as printf("%lld") does (the locale never changes
** it), without printf: plans and courses write many. Returns its length. */
size_t bp_number_format_int(int64_t value, char out[BP_NUMBER_FORMAT_SIZE]);

#endif
