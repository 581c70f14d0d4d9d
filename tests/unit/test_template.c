/*
** test_template.c: the renderer of content templates (bp_template.h), no
** SQLite: placeholders replaced, text copied, refusals (a name not given,
** a brace without its name and '}'), and output cut to fit, with the full
** length returned as snprintf does. Expected strings worked out by hand.
*/
#include <string.h>

#include "bp_common.h"
#include "bp_template.h"
#include "tap.h"

static const bp_template_value values[] = {
    {"max_days", "21"},
    {"days_left", "0"},
    {"hepatic_not_recommended", "moderate or severe"},
};

static void test_render(void) {
  char out[128];
  size_t n = bp_template_render("More than {max_days} days of use.", values, BP_COUNT(values), out,
                                sizeof(out));
  tap_is_str(out, "More than 21 days of use.", "one placeholder");
  tap_is_int((long long)n, 25, "the length of the rendering");
  n = bp_template_render("{days_left} of {max_days}: {hepatic_not_recommended}", values,
                         BP_COUNT(values), out, sizeof(out));
  tap_is_str(out, "0 of 21: moderate or severe", "three placeholders, at the start and the end");
  tap_is_int((long long)n, 27, "and their length");
  n = bp_template_render("no placeholder", values, BP_COUNT(values), out, sizeof(out));
  tap_ok(n == 14 && strcmp(out, "no placeholder") == 0, "text without a placeholder is copied");
  n = bp_template_render("", values, BP_COUNT(values), out, sizeof(out));
  tap_ok(n == 0 && out[0] == '\0', "the empty text");
}

static void test_refused(void) {
  char out[64];
  static const char *const bad[] = {"{unknown}", "a {max_days", "{}", "{max days}", "end {"};
  int all = 1;
  for (size_t i = 0; i < BP_COUNT(bad); i++) {
    memset(out, 'x', sizeof(out));
    size_t n = bp_template_render(bad[i], values, BP_COUNT(values), out, sizeof(out));
    if (n != BP_TEMPLATE_BAD || memchr(out, '\0', sizeof(out)) == NULL) {
      tap_diag("'%s' gave %zu", bad[i], n);
      all = 0;
    }
  }
  tap_ok(all,
         "a name not given, an empty name, a space, a brace without '}' are refused, "
         "and the output is still a string");
  tap_ok(bp_template_render("{max_days}", values, 0, out, sizeof(out)) == BP_TEMPLATE_BAD,
         "no values: every placeholder is refused");
}

static void test_cut(void) {
  char out[8];
  size_t n =
      bp_template_render("More than {max_days} days", values, BP_COUNT(values), out, sizeof(out));
  tap_ok(n == 17 && strcmp(out, "More th") == 0, "cut to 7 bytes and a NUL, full length 17");
  n = bp_template_render("abcdef{max_days}", values, BP_COUNT(values), out, sizeof(out));
  tap_ok(n == 8 && strcmp(out, "abcdef2") == 0, "cut inside a value: abcdef2, full length 8");
  n = bp_template_render("{max_days}", values, BP_COUNT(values), out, 0);
  tap_is_int((long long)n, 2, "no room at all: nothing written, the length returned");
}

int main(void) {
  test_render();
  test_refused();
  test_cut();
  return tap_done();
}
