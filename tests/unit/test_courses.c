/*
** test_courses.c: unit tests of bp_courses (no SQLite). Every expected
** course below was worked out by hand; days are written as offsets from
** 2024-01-01 (day 1 = 2024-01-01) to keep the arithmetic visible.
*/
#include "bp_calls.h"
#include "bp_common.h"
#include "bp_courses.h"
#include "tap.h"

#define BASE 2460310 /* so that D(1) is 2024-01-01 */
#define D(n) ((bp_day)(BASE + (n)))

typedef struct {
  int start, end; /* offsets of the course, as D() takes them */
  long long covered, fills;
} expected_course;

/* Sorts a copy of the fills, builds courses and compares them. */
static void check(const char *name, const bp_fill *input, size_t n, int64_t gap,
                  const expected_course *want, size_t want_n) {
  bp_fill fills[16];
  bp_course got[16];
  size_t got_n = 0;
  bp_course_builder b;
  for (size_t i = 0; i < n; i++) fills[i] = input[i];
  bp_fills_sort(fills, n);
  bp_course_builder_init(&b, gap);
  for (size_t i = 0; i < n; i++) {
    bp_course closed;
    if (bp_course_builder_add(&b, fills[i], &closed) == BP_FILL_NEW_COURSE && b.course_no > 1) {
      got[got_n++] = closed;
    }
  }
  if (b.course_no > 0) got[got_n++] = b.current;
  int same = got_n == want_n;
  for (size_t i = 0; same && i < got_n; i++) {
    same = got[i].start == D(want[i].start) && got[i].end == D(want[i].end) &&
           got[i].covered_days == want[i].covered && got[i].fills == want[i].fills;
  }
  tap_ok(same, "%s", name);
  if (!same) {
    for (size_t i = 0; i < got_n; i++) {
      tap_diag("got course %d..%d covered %lld fills %lld", got[i].start - BASE, got[i].end - BASE,
               (long long)got[i].covered_days, (long long)got[i].fills);
    }
  }
}

#define F(s, e) \
  { D(s), D(e) }

/* bp_course_params_merge, as a combine function uses it: parameters of a
** group that read no row yet take the other's, unknown ones change
** nothing, and known ones must agree. */
static void test_params_merge(void) {
  bp_course_params unknown = {0};
  bp_course_params seven = {.gap_days = 7, .max_days = 21, .known = true};
  bp_course_params eight = {.gap_days = 8, .max_days = 21, .known = true};
  bp_course_params as_of = {
      .gap_days = 7, .max_days = 21, .as_of = D(60), .known = true, .has_as_of = true};
  bp_course_params a = unknown;
  bp_call call;
  bp_call_init(&call, "relaxant_courses");
  tap_ok(bp_course_params_merge(&call, &a, &seven) && a.known && a.gap_days == 7,
         "unknown parameters take the other group's");
  tap_ok(bp_course_params_merge(&call, &a, &unknown) && a.known && a.gap_days == 7,
         "... and an unknown other changes nothing");
  tap_ok(bp_course_params_merge(&call, &a, &seven) && call.status == BP_STATUS_OK,
         "the same parameters agree");
  tap_ok(!bp_course_params_merge(&call, &a, &eight), "gap_days 7 and 8 do not");
  tap_is_str(call.message,
             "relaxant_courses(): gap_days must be the same on every row of a group, got 7 and 8",
             "... with the error of rows that disagree");
  bp_call_init(&call, "relaxant_courses");
  a = seven;
  tap_ok(!bp_course_params_merge(&call, &a, &as_of), "no as_of and an as_of do not agree");
  tap_is_str(call.message,
             "relaxant_courses(): as_of must be the same on every row of a group, got NULL and "
             "2024-02-29",
             "... NULL and 2024-02-29 (day 60)");
}

int main(void) {
  test_params_merge();
  {
    /* The contract's example: Jan 1-14, Jan 17-30 (2 uncovered days: 15,
    ** 16), Jan 31-Feb 13 (adjacent). Feb 13 is day 44. */
    bp_fill f[] = {F(17, 30), F(1, 14), F(31, 44)};
    expected_course w[] = {{1, 44, 42, 3}};
    check("contract example: span 44, covered 42, 3 fills", f, BP_COUNT(f), 7, w, BP_COUNT(w));
  }
  {
    bp_fill f[] = {F(1, 10), F(11, 20)};
    expected_course w[] = {{1, 20, 20, 2}};
    check("adjacent fills join (gap 0 too)", f, BP_COUNT(f), 0, w, BP_COUNT(w));
  }
  {
    bp_fill f[] = {F(1, 10), F(12, 20)};
    expected_course w[] = {{1, 10, 10, 1}, {12, 20, 9, 1}};
    check("gap_days 0: one uncovered day splits", f, BP_COUNT(f), 0, w, BP_COUNT(w));
  }
  {
    /* Overlap is not carried forward: 1..10 and 5..15 cover 1..15. */
    bp_fill f[] = {F(5, 15), F(1, 10)};
    expected_course w[] = {{1, 15, 15, 2}};
    check("overlapping fills: no stockpiling", f, BP_COUNT(f), 7, w, BP_COUNT(w));
  }
  {
    bp_fill f[] = {F(1, 20), F(5, 10)};
    expected_course w[] = {{1, 20, 20, 2}};
    check("nested fill adds no days", f, BP_COUNT(f), 7, w, BP_COUNT(w));
  }
  {
    bp_fill f[] = {F(3, 3), F(3, 3), F(3, 3)};
    expected_course w[] = {{3, 3, 1, 3}};
    check("same-day fills: one day, three fills", f, BP_COUNT(f), 7, w, BP_COUNT(w));
  }
  {
    /* End 10, next start 18: uncovered days 11..17 = 7 = gap_days. */
    bp_fill f[] = {F(1, 10), F(18, 27)};
    expected_course w[] = {{1, 27, 20, 2}};
    check("a gap of exactly gap_days (7) joins", f, BP_COUNT(f), 7, w, BP_COUNT(w));
  }
  {
    /* Next start 19: uncovered 11..18 = 8 days. */
    bp_fill f[] = {F(1, 10), F(19, 28)};
    expected_course w[] = {{1, 10, 10, 1}, {19, 28, 10, 1}};
    check("a gap of gap_days + 1 (8) splits", f, BP_COUNT(f), 7, w, BP_COUNT(w));
  }
  {
    /* OMOP persistence window 30 = gap_days 29: end 30, start 60 joins
    ** (S - E = 30), start 61 does not. */
    bp_fill f[] = {F(1, 30), F(60, 89)};
    expected_course w[] = {{1, 89, 60, 2}};
    check("gap_days 29: S - E = 30 joins", f, BP_COUNT(f), 29, w, BP_COUNT(w));
    bp_fill g[] = {F(1, 30), F(61, 90)};
    expected_course v[] = {{1, 30, 30, 1}, {61, 90, 30, 1}};
    check("gap_days 29: S - E = 31 splits", g, BP_COUNT(g), 29, v, BP_COUNT(v));
  }
  {
    /* The latest end so far counts, not the previous fill's: 1..30, 2..5,
    ** then 35: uncovered 31..34 = 4 days after end 30, so it joins even
    ** though it is 29 days after the end of the 2..5 fill. */
    bp_fill f[] = {F(35, 40), F(2, 5), F(1, 30)};
    expected_course w[] = {{1, 40, 36, 3}};
    check("the gap is measured from the latest end so far", f, BP_COUNT(f), 7, w, BP_COUNT(w));
  }
  {
    /* Three courses from unordered input, one of them overdue-length. */
    bp_fill f[] = {F(100, 129), F(1, 7), F(50, 56), F(57, 63), F(8, 14)};
    expected_course w[] = {{1, 14, 14, 2}, {50, 63, 14, 2}, {100, 129, 30, 1}};
    check("unordered fills, three courses", f, BP_COUNT(f), 7, w, BP_COUNT(w));
  }
  {
    bp_fill f[] = {F(1, 10), F(3, 5), F(12, 15)};
    expected_course w[] = {{1, 15, 14, 3}};
    check("overlap, then a one-day gap: covered 14 of 15", f, BP_COUNT(f), 7, w, BP_COUNT(w));
  }
  {
    bp_fill f[] = {F(1, 1)};
    expected_course w[] = {{1, 1, 1, 1}};
    check("a single one-day fill", f, BP_COUNT(f), 7, w, BP_COUNT(w));
  }
  {
    /* A huge gap_days never overflows: everything joins. */
    bp_fill f[] = {{BP_DAY_MIN, BP_DAY_MIN}, {BP_DAY_MAX, BP_DAY_MAX}};
    bp_course_builder b;
    bp_course_builder_init(&b, INT64_MAX);
    bp_course_builder_add(&b, f[0], NULL);
    tap_is_int(bp_course_builder_add(&b, f[1], NULL), BP_FILL_JOINED,
               "gap_days INT64_MAX joins 0000-01-01 and 9999-12-31");
    tap_is_int(bp_course_span(&b.current), 3652425, "span of the whole range");
    tap_is_int(b.current.covered_days, 2, "covered: the two days");
  }
  {
    bp_course_builder b;
    bp_course_builder_init(&b, 7);
    tap_is_int(b.course_no, 0, "no course before the first fill");
    tap_is_int(bp_course_builder_add(&b, (bp_fill)F(5, 6), NULL), BP_FILL_NEW_COURSE,
               "first fill begins course 1");
    tap_is_int(bp_course_builder_add(&b, (bp_fill)F(5, 9), NULL), BP_FILL_JOINED,
               "same start joins");
    tap_is_int(bp_course_builder_add(&b, (bp_fill)F(4, 9), NULL), BP_FILL_OUT_OF_ORDER,
               "an earlier start is reported out of order");
    tap_is_int(b.course_no, 1, "an out-of-order fill changes nothing");
    tap_is_int(b.current.fills, 2, "... not even the fill count");
    tap_is_int(bp_course_builder_add(&b, (bp_fill)F(30, 31), NULL), BP_FILL_NEW_COURSE,
               "start 30 after end 9 begins course 2");
    tap_is_int(b.course_no, 2, "course_no is 2");
  }
  return tap_done();
}
