/*
** tap.h: a minimal TAP producer for backpain's C tests (one test program
** per file, run by prove). The plan is printed at the end, so a test that
** stops early is reported as failed by prove.
**
**   tap_ok(cond, "name %d", i)          passes when cond is true
**   tap_is_int(got, want, "name")       compares two integers
**   tap_is_str(got, want, "name")       compares two strings (NULL allowed)
**   return tap_done();                  prints the plan; exit status
*/
#ifndef BP_TAP_H
#define BP_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#if defined(__GNUC__)
#define TAP_UNUSED __attribute__((unused))
#else
#define TAP_UNUSED
#endif

static int tap_count = 0;
static int tap_failed = 0;

#if defined(__GNUC__)
#define TAP_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define TAP_PRINTF(a, b)
#endif

static TAP_UNUSED TAP_PRINTF(2, 0) int tap_vok(int pass, const char *fmt, va_list ap) {
  tap_count++;
  if (!pass) tap_failed++;
  printf("%s %d - ", pass ? "ok" : "not ok", tap_count);
  vprintf(fmt, ap);
  printf("\n");
  return pass;
}

static TAP_UNUSED TAP_PRINTF(2, 3) int tap_ok(int pass, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  tap_vok(pass, fmt, ap);
  va_end(ap);
  return pass;
}

static TAP_UNUSED TAP_PRINTF(3, 4) int tap_is_int(long long got, long long want, const char *fmt,
                                                  ...) {
  va_list ap;
  va_start(ap, fmt);
  int pass = tap_vok(got == want, fmt, ap);
  va_end(ap);
  if (!pass) printf("#   got:  %lld\n#   want: %lld\n", got, want);
  return pass;
}

static TAP_UNUSED TAP_PRINTF(3, 4) int tap_is_str(const char *got, const char *want,
                                                  const char *fmt, ...) {
  va_list ap;
  int same = (got == NULL || want == NULL) ? got == want : strcmp(got, want) == 0;
  va_start(ap, fmt);
  int pass = tap_vok(same, fmt, ap);
  va_end(ap);
  if (!pass) {
    printf("#   got:  %s\n#   want: %s\n", got ? got : "(NULL)", want ? want : "(NULL)");
  }
  return pass;
}

static TAP_UNUSED TAP_PRINTF(1, 2) void tap_diag(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  printf("# ");
  vprintf(fmt, ap);
  printf("\n");
  va_end(ap);
}

static TAP_UNUSED int tap_done(void) {
  printf("1..%d\n", tap_count);
  return tap_failed == 0 ? 0 : 1;
}

#endif
