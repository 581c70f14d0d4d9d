/*
** tests/support/test_util.h: small helpers the benchmark and thread test
** programs share: a monotonic clock in seconds, the median of a set of
** timings, and reading a whole file (the SQL reports and fixtures) into a
** NUL-terminated heap string.
*/
#ifndef BP_TEST_UTIL_H
#define BP_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Seconds on the monotonic clock, for measuring intervals. */
static inline double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The median of n timings (n >= 1); sorts them in place. */
static inline int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static inline double median_of(double *values, size_t n) {
  qsort(values, n, sizeof(values[0]), compare_doubles);
  return values[n / 2];
}

/* The whole file at path as a NUL-terminated string the caller frees, or
** NULL when it cannot be opened or read. */
static inline char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = n < 0 ? NULL : malloc((size_t)n + 1);
  if (text != NULL && fread(text, 1, (size_t)n, f) == (size_t)n) {
    text[n] = '\0';
  } else {
    free(text);
    text = NULL;
  }
  fclose(f);
  return text;
}

#endif
